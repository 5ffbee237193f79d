// Package landscape is the math of the Landscape scene: a 2→n→1 ReLU
// network Φ(x) = W2·ReLU(W1·x + b1) + b2 in float64, its kink lines
// (W1ᵢ·x + b1ᵢ = 0), the exact number of linear pieces inside a view
// rectangle, the 1-D restriction of Φ along a segment, and a pseudo-3-D
// projected mesh of its graph; and Scene, the Landscape tab's model (its
// options, view, line drag and 3-D camera, and what the page shows derived
// from them, the record of the pieces each architecture counted had among
// them), which the app in wasm/landscape.go only draws.
//
// It is ebiten-free and uses plot's geometry types (Rect, Point, Segment)
// so that what its maths returns is in world coordinates, ready to map
// through a plot.Viewport.
//
// The seed's example (seed 003, exercise 6a):
//
//	net := landscape.Example()
//	net.Eval(1, -1) // -4
//	net.Pieces(plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}) // 7
package landscape
