package plot

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*(1+math.Abs(b)) }

func TestViewportRoundTrip(t *testing.T) {
	t.Parallel()
	v := NewViewport(Rect{-2, -1, 2, 3}, Rect{10, 20, 410, 220})
	tests := []struct {
		desc   string
		x, y   float64
		px, py float64
	}{
		{"top-left is (X0,Y1)", -2, 3, 10, 20},
		{"bottom-right is (X1,Y0)", 2, -1, 410, 220},
		{"centre", 0, 1, 210, 120},
		{"y up: y=0 below centre", 0, 0, 210, 170},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			px, py := v.ToPixel(tc.x, tc.y)
			if !near(px, tc.px, 1e-12) || !near(py, tc.py, 1e-12) {
				t.Errorf("ToPixel(%v,%v) = (%v,%v), want (%v,%v)", tc.x, tc.y, px, py, tc.px, tc.py)
			}
			x, y := v.ToWorld(tc.px, tc.py)
			if !near(x, tc.x, 1e-12) || !near(y, tc.y, 1e-12) {
				t.Errorf("ToWorld(%v,%v) = (%v,%v), want (%v,%v)", tc.px, tc.py, x, y, tc.x, tc.y)
			}
		})
	}
}

func TestZoomKeepsPointUnderPointer(t *testing.T) {
	t.Parallel()
	v := NewViewport(Rect{-2, -2, 2, 2}, Rect{0, 0, 400, 400})
	px, py := 100.0, 300.0
	wx, wy := v.ToWorld(px, py)
	z := v.Zoom(2, px, py)
	if z.World.W() != 2 || z.World.H() != 2 {
		t.Errorf("Zoom(2) world = %+v, want 2×2", z.World)
	}
	gx, gy := z.ToWorld(px, py)
	if !near(gx, wx, 1e-12) || !near(gy, wy, 1e-12) {
		t.Errorf("after zoom ToWorld(%v,%v) = (%v,%v), want (%v,%v)", px, py, gx, gy, wx, wy)
	}
	back := z.Zoom(0.5, px, py)
	if !near(back.World.X0, -2, 1e-12) || !near(back.World.Y1, 2, 1e-12) {
		t.Errorf("zoom in then out = %+v, want the original", back.World)
	}
}

func TestPanFollowsPointer(t *testing.T) {
	t.Parallel()
	v := NewViewport(Rect{-2, -2, 2, 2}, Rect{0, 0, 400, 400})
	wx, wy := v.ToWorld(100, 100)
	p := v.Pan(30, -50)
	gx, gy := p.ToWorld(130, 50)
	if !near(gx, wx, 1e-12) || !near(gy, wy, 1e-12) {
		t.Errorf("point dragged to (130,50) reads (%v,%v), want (%v,%v)", gx, gy, wx, wy)
	}
}

func TestFitEqualScale(t *testing.T) {
	t.Parallel()
	for _, px := range []Rect{{0, 0, 800, 400}, {0, 0, 300, 600}} {
		v := Fit(Rect{-2, -2, 2, 2}, px)
		sx, sy := v.Scale()
		if !near(sx, sy, 1e-12) {
			t.Errorf("Fit(%v) scales (%v,%v), want equal", px, sx, sy)
		}
		if v.World.W() < 4-1e-12 || v.World.H() < 4-1e-12 {
			t.Errorf("Fit(%v) world %+v does not contain [-2,2]²", px, v.World)
		}
	}
}

func TestNewViewportPanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Error("NewViewport with empty world did not panic")
		}
	}()
	NewViewport(Rect{0, 0, 0, 1}, Rect{0, 0, 1, 1})
}

func TestClipSegment(t *testing.T) {
	t.Parallel()
	r := Rect{0, 0, 10, 10}
	tests := []struct {
		desc string
		s    Segment
		want Segment
		ok   bool
	}{
		{"inside", Segment{1, 1, 9, 2}, Segment{1, 1, 9, 2}, true},
		{"crossing", Segment{-10, 5, 20, 5}, Segment{0, 5, 10, 5}, true},
		{"from inside to far away", Segment{5, 5, 5, 1e9}, Segment{5, 5, 5, 10}, true},
		{"outside", Segment{-5, -5, -1, 20}, Segment{}, false},
		{"diagonal through corners", Segment{-1, -1, 11, 11}, Segment{0, 0, 10, 10}, true},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got, ok := ClipSegment(tc.s, r)
			if ok != tc.ok || ok && (!near(got.X0, tc.want.X0, 1e-12) || !near(got.Y0, tc.want.Y0, 1e-12) || !near(got.X1, tc.want.X1, 1e-12) || !near(got.Y1, tc.want.Y1, 1e-12)) {
				t.Errorf("ClipSegment(%v) = %v, %v, want %v, %v", tc.s, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestRectPadY(t *testing.T) {
	r := Rect{X0: 1, Y0: -2, X1: 3, Y1: 8}.PadY(0.1)
	if r != (Rect{X0: 1, Y0: -3, X1: 3, Y1: 9}) {
		t.Errorf("PadY(0.1) of [1,3]×[-2,8] = %+v, want [1,3]×[-3,9]", r)
	}
}
