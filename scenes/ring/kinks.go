package ring

import (
	"math"

	"digitlab/kit/plot"
)

// Square returns the world rectangle [-h, h]².
func Square(h float64) plot.Rect { return plot.Rect{X0: -h, Y0: -h, X1: h, Y1: h} }

// Plane is the seed's plotting square [-2.5, 2.5]².
var Plane = Square(2.5)

// Kink is one set of kink segments: where unit Unit (0-based) of layer Layer
// (1 or 2) has pre-activation zero.
type Kink struct {
	Layer, Unit int
	Segs        []plot.Segment
}

// Kinks returns the kink lines of layers 1 and 2 clipped to box, in unit
// order: layer 1 units 0..3 (x1 = 0 for units 0 and 1, x2 = 0 for units 2 and
// 3), layer 2 unit 0 on |x1|+|x2| = (A+B)/2 and units 1 and 2 on
// |x1|+|x2| = B. Layer-2 pre-activations are functions of r = |x1|+|x2| only
// (W2 rows are constant), so their zero sets are diamonds.
func (n *Net) Kinks(box plot.Rect) []Kink {
	ks := make([]Kink, 0, 7)
	for u := 0; u < 4; u++ {
		var s plot.Segment
		if n.W1[u][1] == 0 { // zero set of ±x1: the vertical axis
			s = plot.Segment{X0: 0, Y0: box.Y0, X1: 0, Y1: box.Y1}
		} else {
			s = plot.Segment{X0: box.X0, Y0: 0, X1: box.X1, Y1: 0}
		}
		ks = append(ks, Kink{1, u, ClipAll([]plot.Segment{s}, box)})
	}
	for u := 0; u < 3; u++ {
		// W2 row u is c·(1,1,1,1), so the pre-activation is c·r + b2[u],
		// zero at r = -b2[u]/c.
		r := -n.B2[u] / n.W2[u][0]
		ks = append(ks, Kink{2, u, ClipAll(Diamond(r), box)})
	}
	return ks
}

// Boundary returns the outline of the region z ≥ 0: the diamonds r = A and
// r = B (for A = 0 only r = B, the inner one is a point), clipped to box.
func (n *Net) Boundary(box plot.Rect) []plot.Segment {
	return ClipAll(append(Diamond(n.A), Diamond(n.B)...), box)
}

// Diamond returns the four edges of |x1|+|x2| = r, counter-clockwise from
// (r, 0); nil for r ≤ 0.
func Diamond(r float64) []plot.Segment {
	if !(r > 0) {
		return nil
	}
	return []plot.Segment{{X0: r, Y0: 0, X1: 0, Y1: r}, {X0: 0, Y0: r, X1: -r, Y1: 0}, {X0: -r, Y0: 0, X1: 0, Y1: -r}, {X0: 0, Y0: -r, X1: r, Y1: 0}}
}

// Circle returns a closed polygon of n segments approximating the circle of
// radius r around the origin; nil for r ≤ 0. Panics if n < 3.
func Circle(r float64, n int) []plot.Segment {
	if n < 3 {
		panic("ring: Circle needs at least 3 segments")
	}
	if !(r > 0) {
		return nil
	}
	segs := make([]plot.Segment, n)
	for i := range segs {
		t0 := 2 * math.Pi * float64(i) / float64(n)
		t1 := 2 * math.Pi * float64(i+1) / float64(n)
		segs[i] = plot.Segment{X0: r * math.Cos(t0), Y0: r * math.Sin(t0), X1: r * math.Cos(t1), Y1: r * math.Sin(t1)}
	}
	return segs
}

// ClipAll clips every segment to box (plot.ClipSegment) and drops the ones
// that fall outside or shrink to a point (touch box at a corner only).
func ClipAll(segs []plot.Segment, box plot.Rect) []plot.Segment {
	out := segs[:0:0]
	for _, s := range segs {
		if c, ok := plot.ClipSegment(s, box); ok && c.Len() > 0 {
			out = append(out, c)
		}
	}
	return out
}
