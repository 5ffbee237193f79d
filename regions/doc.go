// Package regions finds the exact linear regions of a small deep ReLU (or
// leaky ReLU) network Φ: ℝ² → ℝ inside a view rectangle, its kinks as
// segments grouped by layer and unit, and its exact restriction to a line
// segment; with the classical bounds on how many regions there can be.
//
// A Net has 1 to MaxLayers hidden layers of 1 to MaxWidth units each:
//
//	h⁰ = (x, y)
//	hˡ = act(Wˡ·hˡ⁻¹ + bˡ)   for the hidden layers l = 1..L
//	Φ  = WOut·hᴸ + BOut
//
// with act(z) = z for z > 0 and Leaky·z otherwise (Leaky = 0 is ReLU). In
// code layers are counted from 0: W[0] is the first hidden layer's (n₁, 2)
// matrix. The activation pattern at a point is, per layer, the set of units
// whose pre-activation is > 0 (a unit at exactly 0 is inactive).
//
// Method (Enumerator): start from the view as one convex polygon, whose
// first-layer pre-activations are affine in (x,y). For each layer and each
// unit of it, split every current polygon by that unit's zero line. Inside
// a polygon the earlier layers' patterns are fixed, so every pre-activation
// of the current layer is an affine function there and each cut is by a
// straight line: the pieces stay convex. When a layer is done each polygon
// carries its pattern forward into the next layer's affine pre-activations,
// and after the last layer into Φ = Gx·x + Gy·y + C. Kinks of layer ≥ 2 are
// therefore polylines that bend where they cross earlier kinks. The work is
// resumable (Step with a budget), so a page can spread it over frames.
// Restrict does the same in one dimension along a segment.
//
// The seed's example (seed 003, exercise 6a) has 7 regions in [-2,2]²:
//
//	nt := regions.Example()
//	nt.Eval(1, -1) // -4
//	e := regions.Enumerate(nt, plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2})
//	e.Count() // 7
//
// The package is ebiten-free and returns geometry in world coordinates
// (plot.Point, plot.Segment), ready to map through a plot.Viewport.
package regions
