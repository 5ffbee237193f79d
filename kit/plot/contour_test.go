package plot

import (
	"math"
	"testing"
)

func TestContourOfLinearFunctionIsExact(t *testing.T) {
	t.Parallel()
	// f(x,y) = x + 2y: linear interpolation is exact, so every end point
	// lies on x + 2y = level, and the joined curve crosses the whole view.
	f := func(x, y float64) float64 { return x + 2*y }
	g := SampleGrid(Rect{-2, -2, 2, 2}, 21, 17, f)
	for _, lv := range []float64{-1.3, 0, 0.7} {
		cs := Contours(g, []float64{lv})
		if len(cs) != 1 || cs[0].Level != lv || len(cs[0].Segs) == 0 {
			t.Fatalf("Contours(level %v) = %+v", lv, cs)
		}
		for _, s := range cs[0].Segs {
			if math.Abs(f(s.X0, s.Y0)-lv) > 1e-12 || math.Abs(f(s.X1, s.Y1)-lv) > 1e-12 {
				t.Fatalf("segment %+v not on level %v: f = %v, %v", s, lv, f(s.X0, s.Y0), f(s.X1, s.Y1))
			}
		}
		pls := Polylines(cs[0].Segs)
		if len(pls) != 1 {
			t.Fatalf("level %v joined into %d polylines, want 1", lv, len(pls))
		}
		pl := pls[0]
		// The chord is the straight line inside [-2,2]²; its length is known.
		// x = lv - 2y, y in [-2,2] with x in [-2,2] → y in [(lv-2)/2, (lv+2)/2].
		y0, y1 := math.Max(-2, (lv-2)/2), math.Min(2, (lv+2)/2)
		want := math.Hypot(2*(y1-y0), y1-y0)
		if got := polyLen(pl); !near(got, want, 1e-9) {
			t.Errorf("level %v length = %v, want %v", lv, got, want)
		}
	}
}

func TestContourCircleClosed(t *testing.T) {
	t.Parallel()
	f := func(x, y float64) float64 { return x*x + y*y }
	g := SampleGrid(Rect{-2, -2, 2, 2}, 81, 81, f)
	cs := Contours(g, []float64{1})
	h := 4.0 / 80
	for _, s := range cs[0].Segs {
		for _, r := range []float64{math.Hypot(s.X0, s.Y0), math.Hypot(s.X1, s.Y1)} {
			if math.Abs(r-1) > h*h { // linear interpolation error is O(h²)
				t.Fatalf("end point radius %v, want 1 ± %v", r, h*h)
			}
		}
	}
	pls := Polylines(cs[0].Segs)
	if len(pls) != 1 {
		t.Fatalf("circle joined into %d polylines, want 1", len(pls))
	}
	pl := pls[0]
	if pl[0] != pl[len(pl)-1] {
		t.Errorf("circle polyline not closed: %v … %v", pl[0], pl[len(pl)-1])
	}
	if l := polyLen(pl); math.Abs(l-2*math.Pi) > 0.01 {
		t.Errorf("circle length = %v, want ≈ 2π", l)
	}
	labels := ContourLabels(cs, 0.5, 2)
	if len(labels) != 3 { // 2π/2 → 3 labels
		t.Errorf("ContourLabels = %d labels, want 3", len(labels))
	}
	for _, lb := range labels {
		if lb.Text != "1" || math.Abs(math.Hypot(lb.X, lb.Y)-1) > 0.01 {
			t.Errorf("label %+v, want text 1 on the unit circle", lb)
		}
	}
}

func TestContourSaddle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc           string
		v0, v1, v2, v3 float64 // bottom-left, bottom-right, top-right, top-left
		// corners cut off (each segment isolates one corner): index of the
		// corner nearest to the segment midpoint.
		cut [2]int
	}{
		{"0,2 above, centre above: cut 1 and 3", 1, -1, 1, -0.5, [2]int{1, 3}},
		{"0,2 above, centre below: cut 0 and 2", 1, -1, 1, -1.5, [2]int{0, 2}},
		{"1,3 above, centre above: cut 0 and 2", -1, 1, -0.5, 1, [2]int{0, 2}},
		{"1,3 above, centre below: cut 1 and 3", -1, 1, -1.5, 1, [2]int{1, 3}},
	}
	corners := []Point{{0, 0}, {1, 0}, {1, 1}, {0, 1}}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			g := NewGrid(Rect{0, 0, 1, 1}, 2, 2)
			copy(g.V, []float64{tc.v0, tc.v1, tc.v3, tc.v2}) // row 0: v0 v1; row 1: v3 v2
			segs := Contours(g, []float64{0})[0].Segs
			if len(segs) != 2 {
				t.Fatalf("saddle gave %d segments, want 2", len(segs))
			}
			var got []int
			for _, s := range segs {
				mx, my := (s.X0+s.X1)/2, (s.Y0+s.Y1)/2
				best, bd := -1, math.Inf(1)
				for k, c := range corners {
					if d := math.Hypot(c.X-mx, c.Y-my); d < bd {
						best, bd = k, d
					}
				}
				got = append(got, best)
			}
			if !(got[0] == tc.cut[0] && got[1] == tc.cut[1] || got[0] == tc.cut[1] && got[1] == tc.cut[0]) {
				t.Errorf("cut corners %v, want %v", got, tc.cut)
			}
		})
	}
}

func TestContourSkipsNaNCells(t *testing.T) {
	t.Parallel()
	g := SampleGrid(Rect{0, 0, 2, 1}, 3, 2, func(x, y float64) float64 {
		if x > 1.5 {
			return math.NaN()
		}
		return x
	})
	segs := Contours(g, []float64{0.5, 1.5})
	if len(segs[0].Segs) != 1 {
		t.Errorf("level 0.5: %d segments, want 1", len(segs[0].Segs))
	}
	if len(segs[1].Segs) != 0 {
		t.Errorf("level 1.5 lies in the NaN cell: %d segments, want 0", len(segs[1].Segs))
	}
}
