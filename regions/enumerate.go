package regions

import (
	"math"

	"digitlab/kit/plot"
)

const (
	errView   = "regions: view is empty or not finite"
	errBudget = "regions: Step budget must be at least 1"
)

// SliverTol is the sliver tolerance, relative to the view's diagonal: a cut
// splits a polygon only if both parts reach more than δ = SliverTol·diagonal
// beyond the cutting line, and vertices within δ of the line count as on
// it. A thinner part is left to the other side and its pattern is not
// counted, so every region reported has non-empty interior, and a pattern
// whose region in the view is a sliver thinner than δ across the line that
// would cut it off is missed. (At the default view's 5.7 diagonal δ is
// 6e-9, far below a pixel.)
const SliverTol = 1e-9

// Region is one linear region of Φ inside the view: a convex polygon on
// which the activation pattern is constant and Φ is affine.
type Region struct {
	// Poly is the polygon, counter-clockwise. It aliases the Enumerator's
	// buffers and is valid until the Enumerator's next Reset.
	Poly    []plot.Point
	Pattern Pattern
	// Φ = Gx·x + Gy·y + C on the region; (Gx, Gy) is its gradient.
	Gx, Gy, C float64
}

// Value returns the region's affine map Gx·x + Gy·y + C at (x,y).
func (r *Region) Value(x, y float64) float64 { return r.Gx*x + r.Gy*y + r.C }

// Area returns the polygon's area.
func (r *Region) Area() float64 { return polyArea(r.Poly) }

// Centroid returns the polygon's centroid.
func (r *Region) Centroid() plot.Point { return polyCentroid(r.Poly) }

// Contains reports whether (x,y) lies in the closed polygon.
func (r *Region) Contains(x, y float64) bool { return polyContains(r.Poly, x, y, 0) }

// cell is a polygon under construction: its vertices are pool[v0:v0+n],
// its pattern so far, and z the index of its current layer's affine
// pre-activation maps in the Enumerator's z buffer.
type cell struct {
	v0, n int32
	z     int32
	pat   Pattern
}

type phase uint8

const (
	phaseSplit   phase = iota // cutting every cell by unit (layer, unit)
	phaseAdvance              // carrying every cell's maps from layer to layer+1
	phaseFinish               // turning every cell into a Region
	phaseDone
)

// Enumerator computes the linear regions of a Net in a view, resumably:
// each Step does about maxWork units of work and returns whether it is
// done. One unit is one cell (polygon) cut by one unit's line, or one row
// of a cell's next-layer pre-activations (a dot product of the previous
// width); turning a cell into a Region counts 1 + n_L/8. These take about
// the same time (≈40 ns native, ≈100–200 ns in wasm on the benchmark
// machine), and the total is roughly (regions so far) × (units); Work
// reports it. Kinks found so far can be drawn while it runs.
//
// Method (see the package doc): pass by pass, for layer l and unit i,
// every cell is cut by the line where unit i's pre-activation — affine on
// the cell — is 0; after a layer's last unit each cell carries its
// pattern into the next layer's affine maps. The view's rectangle is the
// first cell.
//
// Buffers are kept across Reset, so enumerating again (a new net, a
// panned view) allocates nothing once they are large enough: after a run
// or two of that size (two buffers take turns at each role). An
// Enumerator is not safe for concurrent use; the Net must not change while
// it runs.
type Enumerator struct {
	nt    *Net
	view  plot.Rect
	delta float64 // SliverTol × view diagonal

	ph          phase
	layer, unit int // the current pass
	k           int // next cell of the current pass
	work        int // work done since Reset
	pass, total int // passes done, passes in all

	cells, next    []cell
	pool, nextPool []plot.Point // cells' and next's vertices
	// z holds the current layer's maps, (maps, Widths[layer], 3): unit i
	// of map m is a·x + b·y + c with (a,b,c) = z[(m·n+i)·3 : +3].
	z, zNext []float64
	s, h     []float64 // scratch: per-vertex values; (n, 3) activation maps

	regions []Region
	kinks   []Kink
	// kinkOff[l][i] is where unit i of layer l's kinks start in kinks;
	// kinkOff[l][Widths[l]] is where layer l's end.
	kinkOff [MaxLayers][MaxWidth + 1]int
}

// NewEnumerator returns an Enumerator ready to Step through nt's regions
// in view. It panics as Reset does.
func NewEnumerator(nt *Net, view plot.Rect) *Enumerator {
	e := &Enumerator{}
	e.Reset(nt, view)
	return e
}

// Enumerate returns a finished Enumerator for nt in view: the one-shot
// form of NewEnumerator and Step.
func Enumerate(nt *Net, view plot.Rect) *Enumerator {
	e := NewEnumerator(nt, view)
	for !e.Step(math.MaxInt) {
	}
	return e
}

// Reset starts over for nt in view, reusing e's buffers; regions and
// kinks from before become invalid. It panics if nt fails Check or view is
// not Valid.
func (e *Enumerator) Reset(nt *Net, view plot.Rect) {
	nt.Check()
	if !view.Valid() {
		panic(errView)
	}
	e.nt, e.view = nt, view
	e.delta = SliverTol * math.Hypot(view.W(), view.H())
	e.ph, e.layer, e.unit, e.k, e.work, e.pass = phaseSplit, 0, 0, 0, 0, 0
	e.total = 1 // the finish pass
	for l, n := range nt.Widths {
		e.total += n
		if l > 0 {
			e.total++ // an advance pass
		}
	}
	e.pool = append(e.pool[:0],
		plot.Point{X: view.X0, Y: view.Y0}, plot.Point{X: view.X1, Y: view.Y0},
		plot.Point{X: view.X1, Y: view.Y1}, plot.Point{X: view.X0, Y: view.Y1})
	e.cells = append(e.cells[:0], cell{v0: 0, n: 4, z: 0})
	// Layer 0's pre-activations are the same affine maps everywhere.
	n0 := nt.Widths[0]
	e.z = grow(e.z, 3*n0)
	for i := 0; i < n0; i++ {
		e.z[3*i], e.z[3*i+1], e.z[3*i+2] = nt.W[0][2*i], nt.W[0][2*i+1], nt.B[0][i]
	}
	e.regions = e.regions[:0]
	e.kinks = e.kinks[:0]
	e.kinkOff = [MaxLayers][MaxWidth + 1]int{}
	e.startSplit()
}

// grow returns b resliced to length n, reallocated only if too small.
func grow(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n, n+n/2)
	}
	return b[:n]
}

// Step does about maxWork units of work (at least one cell's worth, so
// possibly a little more) and reports whether the enumeration is done.
// Once done it does nothing and returns true. It panics if maxWork < 1.
func (e *Enumerator) Step(maxWork int) bool {
	if maxWork < 1 {
		panic(errBudget)
	}
	start := e.work
	for e.ph != phaseDone && e.work-start < maxWork {
		switch e.ph {
		case phaseSplit:
			for e.k < len(e.cells) && e.work-start < maxWork {
				e.splitCell(e.cells[e.k])
				e.k++
				e.work++
			}
			if e.k == len(e.cells) {
				e.endSplit()
			}
		case phaseAdvance:
			n1 := e.nt.Widths[e.layer+1]
			for e.k < len(e.cells) && e.work-start < maxWork {
				e.advanceCell(e.k)
				e.k++
				e.work += n1
			}
			if e.k == len(e.cells) {
				e.z, e.zNext = e.zNext, e.z
				e.layer++
				e.pass++
				e.startSplit()
			}
		case phaseFinish:
			cost := 1 + e.nt.Widths[e.layer]/8 // measured: about that many cuts' time
			for e.k < len(e.cells) && e.work-start < maxWork {
				e.finishCell(e.k)
				e.k++
				e.work += cost
			}
			if e.k == len(e.cells) {
				e.pass++
				e.ph = phaseDone
			}
		}
	}
	return e.ph == phaseDone
}

// Done reports whether the enumeration has finished.
func (e *Enumerator) Done() bool { return e.ph == phaseDone }

// Progress returns roughly how far the enumeration is, from 0 to 1: the
// fraction of passes done, counting the current one by its cells. (Later
// passes have more cells, so it runs slow at the start.)
func (e *Enumerator) Progress() float64 {
	if e.ph == phaseDone {
		return 1
	}
	return (float64(e.pass) + float64(e.k)/float64(len(e.cells))) / float64(e.total)
}

// Work returns the units of work done since Reset.
func (e *Enumerator) Work() int { return e.work }

// View returns the view being enumerated.
func (e *Enumerator) View() plot.Rect { return e.view }

// Net returns the net being enumerated.
func (e *Enumerator) Net() *Net { return e.nt }

// Regions returns the regions found, in no particular order but the same
// for the same net, view and tolerance; nil until Done. The slice aliases
// e's buffers until the next Reset.
func (e *Enumerator) Regions() []Region {
	if e.ph != phaseDone {
		return nil
	}
	return e.regions
}

// Count returns the number of regions with non-empty interior (see
// SliverTol) in the view, or 0 until Done.
func (e *Enumerator) Count() int { return len(e.Regions()) }

func (e *Enumerator) startSplit() {
	e.ph, e.k = phaseSplit, 0
	e.next = e.next[:0]
	e.nextPool = e.nextPool[:0]
	e.kinkOff[e.layer][e.unit] = len(e.kinks)
}

func (e *Enumerator) endSplit() {
	e.cells, e.next = e.next, e.cells
	e.pool, e.nextPool = e.nextPool, e.pool
	e.pass++
	e.unit++
	e.k = 0
	n := e.nt.Widths[e.layer]
	if e.unit < n {
		e.startSplit()
		return
	}
	e.kinkOff[e.layer][n] = len(e.kinks)
	e.unit = 0
	if e.layer == e.nt.Depth()-1 {
		e.ph = phaseFinish
		e.regions = e.regions[:0]
		return
	}
	e.ph = phaseAdvance
	e.zNext = grow(e.zNext, len(e.cells)*3*e.nt.Widths[e.layer+1])
}

// splitCell cuts c by the current unit's zero line into e.next (both
// parts, or c itself with its pattern bit set if it lies on one side) and
// records the cut as a kink.
func (e *Enumerator) splitCell(c cell) {
	l, i := e.layer, e.unit
	n := e.nt.Widths[l]
	m := (int(c.z)*n + i) * 3
	a, b, cc := e.z[m], e.z[m+1], e.z[m+2]
	poly := e.pool[c.v0 : c.v0+c.n]
	tol := e.delta * math.Hypot(a, b)
	s := e.s[:0]
	pos, neg := false, false
	for _, p := range poly {
		v := a*p.X + b*p.Y + cc
		s = append(s, v)
		if v > tol {
			pos = true
		} else if v < -tol {
			neg = true
		}
	}
	e.s = s
	if !pos || !neg {
		if pos {
			c.pat[l] |= 1 << uint(i)
		}
		c.v0 = int32(len(e.nextPool))
		e.nextPool = append(e.nextPool, poly...)
		e.next = append(e.next, c)
		return
	}
	up, down := c, c
	up.pat[l] |= 1 << uint(i)
	var seg plot.Segment
	up.v0 = int32(len(e.nextPool))
	e.nextPool, seg = appendPiece(e.nextPool, poly, s, tol, 1, -b, a)
	up.n = int32(len(e.nextPool)) - up.v0
	down.v0 = int32(len(e.nextPool))
	e.nextPool, _ = appendPiece(e.nextPool, poly, s, tol, -1, -b, a)
	down.n = int32(len(e.nextPool)) - down.v0
	e.next = append(e.next, up, down)
	e.kinks = append(e.kinks, Kink{Layer: l, Unit: i, Seg: seg})
}

// actMaps writes into e.h the (n, 3) affine maps of layer l's activations
// on a cell with pre-activation maps z and pattern p: act(zᵢ) = zᵢ where
// unit i is active and Leaky·zᵢ where not.
func (e *Enumerator) actMaps(z []float64, p Pattern, l, n int) []float64 {
	h := e.h[:0]
	for i := 0; i < n; i++ {
		f := e.nt.Leaky
		if p.Active(l, i) {
			f = 1
		}
		h = append(h, f*z[3*i], f*z[3*i+1], f*z[3*i+2])
	}
	e.h = h
	return h
}

// advanceCell computes cell k's next-layer pre-activation maps into zNext
// (at map index k): zₒ = Σᵢ W[l+1][o][i]·act(zᵢ) + B[l+1][o].
func (e *Enumerator) advanceCell(k int) {
	c := &e.cells[k]
	l := e.layer
	n, n1 := e.nt.Widths[l], e.nt.Widths[l+1]
	h := e.actMaps(e.z[int(c.z)*3*n:(int(c.z)+1)*3*n], c.pat, l, n)
	w, bias := e.nt.W[l+1], e.nt.B[l+1]
	dst := e.zNext[k*3*n1 : (k+1)*3*n1]
	for o := 0; o < n1; o++ {
		row := w[o*n : (o+1)*n]
		ax, ay, ac := 0.0, 0.0, bias[o]
		for j, wj := range row {
			ax += wj * h[3*j]
			ay += wj * h[3*j+1]
			ac += wj * h[3*j+2]
		}
		dst[3*o], dst[3*o+1], dst[3*o+2] = ax, ay, ac
	}
	c.z = int32(k)
}

// finishCell turns cell k into a Region: Φ = Σᵢ WOut[i]·act(zᵢ) + BOut.
func (e *Enumerator) finishCell(k int) {
	c := e.cells[k]
	l := e.layer
	n := e.nt.Widths[l]
	h := e.actMaps(e.z[int(c.z)*3*n:(int(c.z)+1)*3*n], c.pat, l, n)
	r := Region{Poly: e.pool[c.v0 : c.v0+c.n : c.v0+c.n], Pattern: c.pat, C: e.nt.BOut}
	for j, wj := range e.nt.WOut {
		r.Gx += wj * h[3*j]
		r.Gy += wj * h[3*j+1]
		r.C += wj * h[3*j+2]
	}
	e.regions = append(e.regions, r)
}
