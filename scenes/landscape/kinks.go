package landscape

import (
	"math"
	"sort"

	"digitlab/kit/plot"
)

// Kink is the part of unit Unit's kink line W1ᵢ·x + b1ᵢ = 0 inside a view.
type Kink struct {
	Unit int
	Seg  plot.Segment
}

// line is a·x + b·y + c = 0 with (a,b) of length 1.
type line struct{ a, b, c float64 }

// unitLine returns unit i's kink line normalised so that |(a,b)| = 1 and
// its first non-zero coefficient of (a,b) is positive; ok is false when
// W1ᵢ = 0 (the unit is constant, it has no kink line).
func (nt *Net) unitLine(i int) (l line, ok bool) {
	a, b, c := nt.W1[2*i], nt.W1[2*i+1], nt.B1[i]
	n := math.Hypot(a, b)
	if n == 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return line{}, false
	}
	a, b, c = a/n, b/n, c/n
	if a < 0 || a == 0 && b < 0 {
		a, b, c = -a, -b, -c
	}
	return line{a, b, c}, true
}

// clip returns the chord of l inside the closed rectangle r, and ok=false
// when the line misses r: the stretch of l within r's diagonal of the
// point nearest to r's centre (which holds every point of l inside r),
// clipped by plot.ClipSegment.
func (l line) clip(r plot.Rect) (s plot.Segment, ok bool) {
	cen := r.Center()
	dist := l.a*cen.X + l.b*cen.Y + l.c
	px, py := cen.X-dist*l.a, cen.Y-dist*l.b // foot of the perpendicular
	dx, dy := -l.b, l.a                      // unit direction
	L := math.Hypot(r.W(), r.H())
	return plot.ClipSegment(plot.Segment{X0: px - L*dx, Y0: py - L*dy, X1: px + L*dx, Y1: py + L*dy}, r)
}

// crosses returns the chord of l in view when l passes through the open
// interior of view (the chord's midpoint lies more than eps inside): lines
// that only touch a corner or run along an edge do not cut the view.
func (l line) crosses(view plot.Rect, eps float64) (plot.Segment, bool) {
	s, ok := l.clip(view)
	if !ok {
		return s, false
	}
	mx, my := (s.X0+s.X1)/2, (s.Y0+s.Y1)/2
	in := mx > view.X0+eps && mx < view.X1-eps && my > view.Y0+eps && my < view.Y1-eps
	return s, in
}

// Kinks returns, for every unit whose kink line crosses the interior of the
// view, the chord of that line inside the view, in unit order. Units with
// W1ᵢ = 0 have no line; lines that only touch a corner of the view or run
// along its border are left out. It panics if view is not Valid.
func (nt *Net) Kinks(view plot.Rect) []Kink {
	if !view.Valid() {
		panic("landscape: Kinks over an empty or non-finite view")
	}
	eps := 1e-9 * math.Hypot(view.W(), view.H())
	var out []Kink
	for i := 0; i < nt.N; i++ {
		l, ok := nt.unitLine(i)
		if !ok {
			continue
		}
		if s, ok := l.crosses(view, eps); ok {
			out = append(out, Kink{Unit: i, Seg: s})
		}
	}
	return out
}

// Pieces returns the exact number of linear pieces of Φ inside the open
// view rectangle: the number of connected regions of the view cut by all
// kink lines, each region being where the activation pattern is constant.
// (A region of a line arrangement inside a convex set is convex, so two
// regions never share a pattern here; regions are counted as regions even
// when W2ᵢ = 0 makes the affine formula equal across a line.)
//
// Method: distinct kink lines are added one at a time; a line whose chord
// crosses the interior and meets m distinct earlier lines at m distinct
// interior points adds m+1 regions (Euler's formula for the arrangement).
// Coincident lines (units with proportional (W1ᵢ, b1ᵢ)) count once;
// several lines through one point count that point once per added line.
// Geometric ties are decided with a tolerance of 1e-9 of the view's
// diagonal: vertices closer than that to the border count as on it.
// It panics if view is not Valid.
func (nt *Net) Pieces(view plot.Rect) int {
	if !view.Valid() {
		panic("landscape: Pieces over an empty or non-finite view")
	}
	diag := math.Hypot(view.W(), view.H())
	eps := 1e-9 * diag
	type chord struct {
		l   line
		seg plot.Segment
	}
	var lines []chord
	for i := 0; i < nt.N; i++ {
		l, ok := nt.unitLine(i)
		if !ok {
			continue
		}
		dup := false
		for _, o := range lines {
			if math.Abs(o.l.a-l.a) <= 1e-12 && math.Abs(o.l.b-l.b) <= 1e-12 && math.Abs(o.l.c-l.c) <= eps {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if s, ok := l.crosses(view, eps); ok {
			lines = append(lines, chord{l, s})
		}
	}
	inside := func(x, y float64) bool {
		return x > view.X0+eps && x < view.X1-eps && y > view.Y0+eps && y < view.Y1-eps
	}
	regions := 1
	ts := make([]float64, 0, len(lines))
	for k, ck := range lines {
		ts = ts[:0]
		for _, cj := range lines[:k] {
			det := ck.l.a*cj.l.b - ck.l.b*cj.l.a
			if math.Abs(det) < 1e-15 {
				continue // parallel (coincident ones were removed)
			}
			x := (ck.l.b*cj.l.c - cj.l.b*ck.l.c) / det
			y := (cj.l.a*ck.l.c - ck.l.a*cj.l.c) / det
			if !inside(x, y) {
				continue
			}
			// position along line k's direction (-b, a)
			ts = append(ts, -ck.l.b*x+ck.l.a*y)
		}
		sort.Float64s(ts)
		m := 0
		for q := range ts {
			if q == 0 || ts[q]-ts[q-1] > eps {
				m++
			}
		}
		regions += m + 1
	}
	return regions
}
