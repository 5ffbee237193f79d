package ring

import "math"

// Segment is a line segment in world coordinates (x1 right, x2 up).
type Segment struct{ X0, Y0, X1, Y1 float64 }

// Box is an axis-aligned rectangle in world coordinates.
type Box struct{ MinX, MinY, MaxX, MaxY float64 }

// Square returns the box [-h, h]².
func Square(h float64) Box { return Box{-h, -h, h, h} }

// Plane is the seed's plotting square [-2.5, 2.5]².
var Plane = Square(2.5)

// Kink is one set of kink segments: where unit Unit (0-based) of layer Layer
// (1 or 2) has pre-activation zero.
type Kink struct {
	Layer, Unit int
	Segs        []Segment
}

// Kinks returns the kink lines of layers 1 and 2 clipped to box, in unit
// order: layer 1 units 0..3 (x1 = 0 for units 0 and 1, x2 = 0 for units 2 and
// 3), layer 2 unit 0 on |x1|+|x2| = (A+B)/2 and units 1 and 2 on
// |x1|+|x2| = B. Layer-2 pre-activations are functions of r = |x1|+|x2| only
// (W2 rows are constant), so their zero sets are diamonds.
func (n *Net) Kinks(box Box) []Kink {
	ks := make([]Kink, 0, 7)
	for u := 0; u < 4; u++ {
		var s Segment
		if n.W1[u][1] == 0 { // zero set of ±x1: the vertical axis
			s = Segment{0, box.MinY, 0, box.MaxY}
		} else {
			s = Segment{box.MinX, 0, box.MaxX, 0}
		}
		ks = append(ks, Kink{1, u, ClipAll([]Segment{s}, box)})
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
func (n *Net) Boundary(box Box) []Segment {
	return ClipAll(append(Diamond(n.A), Diamond(n.B)...), box)
}

// Diamond returns the four edges of |x1|+|x2| = r, counter-clockwise from
// (r, 0); nil for r ≤ 0.
func Diamond(r float64) []Segment {
	if !(r > 0) {
		return nil
	}
	return []Segment{{r, 0, 0, r}, {0, r, -r, 0}, {-r, 0, 0, -r}, {0, -r, r, 0}}
}

// Circle returns a closed polygon of n segments approximating the circle of
// radius r around the origin; nil for r ≤ 0. Panics if n < 3.
func Circle(r float64, n int) []Segment {
	if n < 3 {
		panic("ring: Circle needs at least 3 segments")
	}
	if !(r > 0) {
		return nil
	}
	segs := make([]Segment, n)
	for i := range segs {
		t0 := 2 * math.Pi * float64(i) / float64(n)
		t1 := 2 * math.Pi * float64(i+1) / float64(n)
		segs[i] = Segment{r * math.Cos(t0), r * math.Sin(t0), r * math.Cos(t1), r * math.Sin(t1)}
	}
	return segs
}

// ClipAll clips every segment to box (Liang–Barsky) and drops the ones that
// fall outside or shrink to a point.
func ClipAll(segs []Segment, box Box) []Segment {
	out := segs[:0:0]
	for _, s := range segs {
		if c, ok := Clip(s, box); ok {
			out = append(out, c)
		}
	}
	return out
}

// Clip returns the part of s inside box and whether it has positive length.
func Clip(s Segment, box Box) (Segment, bool) {
	dx, dy := s.X1-s.X0, s.Y1-s.Y0
	t0, t1 := 0.0, 1.0
	for _, pq := range [4][2]float64{
		{-dx, s.X0 - box.MinX}, {dx, box.MaxX - s.X0},
		{-dy, s.Y0 - box.MinY}, {dy, box.MaxY - s.Y0},
	} {
		p, q := pq[0], pq[1]
		if p == 0 {
			if q < 0 {
				return Segment{}, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
	}
	if t0 >= t1 {
		return Segment{}, false
	}
	return Segment{s.X0 + t0*dx, s.Y0 + t0*dy, s.X0 + t1*dx, s.Y0 + t1*dy}, true
}
