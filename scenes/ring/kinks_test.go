package ring

import (
	"math"
	"testing"

	"digitlab/kit/plot"
)

// ClipAll keeps the part of each segment inside the box and drops the ones
// outside or touching it in a single point.
func TestClipAll(t *testing.T) {
	t.Parallel()
	box := Square(1)
	type seg = plot.Segment
	tests := []struct {
		desc string
		in   seg
		want seg
		ok   bool
	}{
		{"inside", seg{X0: -0.5, Y0: 0, X1: 0.5, Y1: 0.2}, seg{X0: -0.5, Y0: 0, X1: 0.5, Y1: 0.2}, true},
		{"horizontal through", seg{X0: -3, Y0: 0.5, X1: 3, Y1: 0.5}, seg{X0: -1, Y0: 0.5, X1: 1, Y1: 0.5}, true},
		{"vertical through, reversed", seg{X0: 0, Y0: 2, X1: 0, Y1: -2}, seg{X0: 0, Y0: 1, X1: 0, Y1: -1}, true},
		{"diagonal corner to corner", seg{X0: -2, Y0: -2, X1: 2, Y1: 2}, seg{X0: -1, Y0: -1, X1: 1, Y1: 1}, true},
		{"outside left", seg{X0: -3, Y0: 0, X1: -2, Y1: 0.5}, seg{}, false},
		{"misses corner", seg{X0: 0.5, Y0: 2, X1: 2, Y1: 0.5}, seg{}, false},
		{"enters one side", seg{X0: 0, Y0: 0, X1: 2, Y1: 1}, seg{X0: 0, Y0: 0, X1: 1, Y1: 0.5}, true},
		{"touches corner only", seg{X0: 0, Y0: 2, X1: 2, Y1: 0}, seg{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := ClipAll([]plot.Segment{tc.in}, box)
			if len(got) != map[bool]int{false: 0, true: 1}[tc.ok] || (tc.ok && !near(got[0], tc.want, 1e-12)) {
				t.Errorf("ClipAll(%v) = %v, want %v (kept %v)", tc.in, got, tc.want, tc.ok)
			}
		})
	}
}

func near(a, b plot.Segment, tol float64) bool {
	return math.Abs(a.X0-b.X0) <= tol && math.Abs(a.Y0-b.Y0) <= tol &&
		math.Abs(a.X1-b.X1) <= tol && math.Abs(a.Y1-b.Y1) <= tol
}

// Every kink segment lies on the zero set of its unit's pre-activation,
// computed here from the weights independently of Kinks.
func TestKinksAreZeroSets(t *testing.T) {
	t.Parallel()
	for _, ab := range [][2]float64{{1, 2}, {0.5, 1.5}, {0, 1}, {2, 3}} {
		n := MustNew(ab[0], ab[1])
		ks := n.Kinks(Plane)
		if len(ks) != 7 {
			t.Fatalf("a=%v b=%v: %d kinks, want 7 (4 + 3 units)", ab[0], ab[1], len(ks))
		}
		for _, k := range ks {
			wantSegs := 1
			if k.Layer == 2 {
				wantSegs = 4
			}
			if len(k.Segs) != wantSegs {
				t.Errorf("a=%v b=%v layer %d unit %d: %d segments, want %d", ab[0], ab[1], k.Layer, k.Unit, len(k.Segs), wantSegs)
			}
			for _, s := range k.Segs {
				for _, f := range []float64{0, 0.3, 1} {
					x1, x2 := s.X0+f*(s.X1-s.X0), s.Y0+f*(s.Y1-s.Y0)
					if x1 < Plane.X0-1e-12 || x1 > Plane.X1+1e-12 || x2 < Plane.Y0-1e-12 || x2 > Plane.Y1+1e-12 {
						t.Errorf("kink point (%v, %v) outside the plane", x1, x2)
					}
					if pre := preActivation(n, k.Layer, k.Unit, x1, x2); math.Abs(pre) > 1e-12 {
						t.Errorf("a=%v b=%v layer %d unit %d: pre-activation %g at (%v, %v), want 0", ab[0], ab[1], k.Layer, k.Unit, pre, x1, x2)
					}
				}
			}
		}
	}
}

func preActivation(n *Net, layer, unit int, x1, x2 float64) float64 {
	h1, _, _ := n.Layers(x1, x2)
	if layer == 1 {
		return n.W1[unit][0]*x1 + n.W1[unit][1]*x2 + n.B1[unit]
	}
	s := n.B2[unit]
	for i, w := range n.W2[unit] {
		s += w * h1[i]
	}
	return s
}

// Diamonds larger than the plane are clipped: for r = 3 only the parts with
// |x1|, |x2| ≤ 2.5 survive, which are the middle of each edge.
func TestKinksClipped(t *testing.T) {
	t.Parallel()
	n := MustNew(2, 3) // layer-2 unit 1 and 2 diamonds have r = 3
	for _, s := range n.Kinks(Plane)[5].Segs {
		if d := math.Hypot(s.X1-s.X0, s.Y1-s.Y0); math.Abs(d-2*math.Sqrt2) > 1e-12 {
			t.Errorf("clipped edge %v has length %v, want 2√2 (from (2.5,0.5) to (0.5,2.5))", s, d)
		}
	}
}

func TestBoundary(t *testing.T) {
	t.Parallel()
	if got := len(MustNew(1, 2).Boundary(Plane)); got != 8 {
		t.Errorf("Boundary(1,2) has %d segments, want 8", got)
	}
	if got := len(MustNew(0, 1).Boundary(Plane)); got != 4 {
		t.Errorf("Boundary(0,1) has %d segments, want 4 (no inner diamond)", got)
	}
	// The outline is where z = 0.
	n := MustNew(0.5, 1.5)
	for _, s := range n.Boundary(Plane) {
		if z := n.Score((s.X0+s.X1)/2, (s.Y0+s.Y1)/2); math.Abs(z) > 1e-12 {
			t.Errorf("Score at the midpoint of %v = %g, want 0", s, z)
		}
	}
}

func TestCircle(t *testing.T) {
	t.Parallel()
	segs := Circle(2, 64)
	for _, s := range segs {
		if r := math.Hypot(s.X0, s.Y0); math.Abs(r-2) > 1e-12 {
			t.Errorf("vertex %v at radius %v, want 2", s, r)
		}
	}
	if l, f := segs[len(segs)-1], segs[0]; math.Abs(l.X1-f.X0) > 1e-12 || math.Abs(l.Y1-f.Y0) > 1e-12 {
		t.Errorf("circle not closed: last ends %v,%v, first starts %v,%v", l.X1, l.Y1, f.X0, f.Y0)
	}
	if Circle(0, 8) != nil {
		t.Errorf("Circle(0) = non-nil, want nil")
	}
}
