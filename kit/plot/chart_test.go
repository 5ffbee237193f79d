package plot

import (
	"math"
	"testing"
)

func TestLineChartGaps(t *testing.T) {
	t.Parallel()
	nan, inf := math.NaN(), math.Inf(1)
	c := LineChart{Series: []Series{
		{Name: "loss", Y: []float64{3, 2, nan, 1, 0.5, inf, 0.25}},
		{Name: "acc", X: []float64{0, 2, 4}, Y: []float64{0.1, 0.5, 0.9}},
	}}
	l := c.Layout()
	if l.Empty {
		t.Fatal("Layout().Empty = true, want false")
	}
	loss := l.Series[0].Lines
	if len(loss) != 3 || len(loss[0]) != 2 || len(loss[1]) != 2 || len(loss[2]) != 1 {
		t.Fatalf("loss polylines = %v, want runs of 2, 2, 1 points", loss)
	}
	if loss[1][0] != (Point{3, 1}) {
		t.Errorf("first point after the gap = %v, want (3,1) (index kept as x)", loss[1][0])
	}
	if l.World != (Rect{0, 0.1, 6, 3}) {
		t.Errorf("World = %+v, want finite data range {0 0.1 6 3}", l.World)
	}
	if len(l.XTicks) == 0 || len(l.YTicks) == 0 {
		t.Errorf("ticks missing: x %v y %v", l.XTicks, l.YTicks)
	}
	for _, tk := range l.YTicks {
		if tk.Value < l.World.Y0 || tk.Value > l.World.Y1 {
			t.Errorf("y tick %v outside %v..%v", tk, l.World.Y0, l.World.Y1)
		}
	}
}

func TestLineChartDegenerate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		c     LineChart
		world Rect
		empty bool
	}{
		{"no series", LineChart{}, Rect{0, 0, 1, 1}, true},
		{"only NaN", LineChart{Series: []Series{{Y: []float64{math.NaN()}}}}, Rect{0, 0, 1, 1}, true},
		{"single point", LineChart{Series: []Series{{Y: []float64{2}}}}, Rect{-0.5, 1.5, 0.5, 2.5}, false},
		{"constant big", LineChart{Series: []Series{{Y: []float64{100, 100}}}}, Rect{0, 90, 1, 110}, false},
		{"zero based with baseline", LineChart{Series: []Series{{Y: []float64{0.4, 0.2}}}, YIncludes: []float64{math.Log(2)}, ZeroBasedY: true}, Rect{0, 0, 1, math.Log(2)}, false},
		{"fixed y", LineChart{Series: []Series{{Y: []float64{5, 7}}}, YFixed: Norm{0, 1}}, Rect{0, 0, 1, 1}, false},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			l := tc.c.Layout()
			if l.World != tc.world || l.Empty != tc.empty {
				t.Errorf("Layout() = world %+v empty %v, want %+v %v", l.World, l.Empty, tc.world, tc.empty)
			}
		})
	}
}

func TestProbBars(t *testing.T) {
	t.Parallel()
	area := Rect{0, 0, 100, 50}
	bars := ProbBars(area, []float64{0, 0.5, 1, 2, math.NaN()}, 5, true)
	if len(bars) != 5 {
		t.Fatalf("%d bars, want 5", len(bars))
	}
	// 5 slots of width 16 with 4 gaps of 5: 5*16+4*5 = 100.
	for k, b := range bars {
		if !near(b.Full.W(), 16, 1e-12) || !near(b.Full.X0, float64(k)*21, 1e-12) {
			t.Errorf("bar %d slot %+v, want x0 %v width 16", k, b.Full, k*21)
		}
		if b.Fill.Y1 != 50 {
			t.Errorf("bar %d fill %+v does not start at the bottom", k, b.Fill)
		}
	}
	wantH := []float64{0, 25, 50, 50, 0}
	for k, b := range bars {
		if !near(b.Fill.H(), wantH[k], 1e-12) {
			t.Errorf("bar %d fill height %v, want %v", k, b.Fill.H(), wantH[k])
		}
	}
	h := ProbBars(area, []float64{0.25, 0.75}, 10, false)
	if !near(h[1].Fill.W(), 75, 1e-12) || !near(h[1].Full.Y0, 30, 1e-12) {
		t.Errorf("horizontal bar 1 = %+v, want width 75 from y 30", h[1])
	}
	if ProbBars(area, nil, 0, true) != nil {
		t.Error("ProbBars of no values is not nil")
	}
}
