package regions

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestEvalGolden(t *testing.T) {
	t.Parallel()
	leaky := New([]int{1}, 0.1)
	leaky.W[0][0], leaky.WOut[0] = 1, 2
	// Hand-computed. Seed example at (1,-1): pre = [2, 3, -4], Φ = 2 - 6 =
	// -4 (seed 003); at (0,0) pre = [0, 1, -1], Φ = -2; at (-1,1) pre =
	// [-2, -1, 2], Φ = 2. Leaky 2·act(x), α = 0.1: at x = -3, 2·(-0.3).
	// Bent: at (2,1) layer 0 (2,1), layer 1 2-1+1/2 = 1.5, Φ = 3·1.5+1;
	// at (-1,2) layer 0 (0,2), layer 1 -1.5 → 0, Φ = 1.
	tests := []struct {
		desc   string
		nt     *Net
		x, y   float64
		want   float64
		gx, gy float64
		pat    Pattern
	}{
		{"seed point", Example(), 1, -1, -4, -3, -1, Pattern{0b011}},
		{"origin: unit 0 exactly 0 is inactive", Example(), 0, 0, -2, -4, 0, Pattern{0b010}},
		{"only unit 2", Example(), -1, 1, 2, -1, 2, Pattern{0b100}},
		{"leaky, inactive", leaky, -3, 0, -0.6000000000000001, 0.2, 0, Pattern{}},
		{"leaky, active", leaky, 2, 5, 4, 2, 0, Pattern{1}},
		{"bent, both layers active", bent(), 2, 1, 5.5, 3, -3, Pattern{0b11, 1}},
		{"bent, layer 1 off", bent(), -1, 2, 1, 0, 0, Pattern{0b10, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			if got := tc.nt.Eval(tc.x, tc.y); got != tc.want {
				t.Errorf("Φ(%v,%v) = %v, want %v", tc.x, tc.y, got, tc.want)
			}
			if gx, gy := tc.nt.Grad(tc.x, tc.y); gx != tc.gx || gy != tc.gy {
				t.Errorf("Grad(%v,%v) = (%v,%v), want (%v,%v)", tc.x, tc.y, gx, gy, tc.gx, tc.gy)
			}
			if got := tc.nt.Pattern(tc.x, tc.y); got != tc.pat {
				t.Errorf("Pattern(%v,%v) = %x, want %x", tc.x, tc.y, got, tc.pat)
			}
		})
	}
	if got := Example().Pre(0, 2, 1, -1); got != -4 {
		t.Errorf("Pre(0,2) at (1,-1) = %v, want -4", got)
	}
}

func TestRandomDrawOrder(t *testing.T) {
	t.Parallel()
	for _, init := range []Init{SeedInit, HeInit} {
		widths := []int{3, 4, 2}
		nt := Random(widths, 0, init, rand.New(rand.NewPCG(3, 7)))
		r := rand.New(rand.NewPCG(3, 7))
		nIn := 2
		want := func(fanIn int, bias bool) float64 {
			switch {
			case init == HeInit && bias:
				return 0
			case init == HeInit:
				return math.Sqrt(2/float64(fanIn)) * r.NormFloat64()
			case bias:
				return 0.2 * r.NormFloat64()
			}
			return r.NormFloat64()
		}
		for l, n := range widths {
			for k, v := range nt.W[l] {
				if w := want(nIn, false); v != w {
					t.Fatalf("init %d: W[%d][%d] = %v, want %v", init, l, k, v, w)
				}
			}
			for k, v := range nt.B[l] {
				if w := want(nIn, true); v != w {
					t.Fatalf("init %d: B[%d][%d] = %v, want %v", init, l, k, v, w)
				}
			}
			nIn = n
		}
		for k, v := range nt.WOut {
			if w := want(nIn, false); v != w {
				t.Fatalf("init %d: WOut[%d] = %v, want %v", init, k, v, w)
			}
		}
		if w := want(nIn, true); nt.BOut != w {
			t.Fatalf("init %d: BOut = %v, want %v", init, nt.BOut, w)
		}
	}
}

func TestGradFiniteDifference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 5))
	checked := 0
	for trial := 0; trial < 60; trial++ {
		widths := []int{1 + r.IntN(8)}
		for len(widths) < 1+trial%3 {
			widths = append(widths, 1+r.IntN(8))
		}
		nt := Random(widths, []float64{0, 0.1}[trial%2], SeedInit, r)
		x, y := 4*r.Float64()-2, 4*r.Float64()-2
		// Stay away from kinks (rule 23): every |pre-activation| > 1e-3.
		far := true
		for l, n := range nt.Widths {
			for i := 0; i < n; i++ {
				far = far && math.Abs(nt.Pre(l, i, x, y)) > 1e-3
			}
		}
		if !far {
			continue
		}
		const h = 1e-6
		fx := (nt.Eval(x+h, y) - nt.Eval(x-h, y)) / (2 * h)
		fy := (nt.Eval(x, y+h) - nt.Eval(x, y-h)) / (2 * h)
		gx, gy := nt.Grad(x, y)
		if e := math.Max(math.Abs(gx-fx), math.Abs(gy-fy)) / (1 + math.Max(math.Abs(fx), math.Abs(fy))); e > 1e-6 {
			t.Errorf("trial %d %v: Grad(%v,%v) = (%v,%v), finite differences (%v,%v), rel err %v", trial, widths, x, y, gx, gy, fx, fy, e)
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d points far from kinks", checked)
	}
}

func TestNetPanics(t *testing.T) {
	t.Parallel()
	short := Example()
	short.W[0] = short.W[0][:5]
	noOut := Example()
	noOut.WOut = nil
	leaky := Example()
	leaky.Leaky = math.NaN()
	tests := []struct {
		desc string
		f    func()
	}{
		{"no layers", func() { New(nil, 0) }},
		{"4 layers", func() { New([]int{1, 1, 1, 1}, 0) }},
		{"width 0", func() { New([]int{0}, 0) }},
		{"width 33", func() { New([]int{33}, 0) }},
		{"leaky 1", func() { New([]int{3}, 1) }},
		{"leaky negative", func() { New([]int{3}, -0.1) }},
		{"short W", func() { short.Check() }},
		{"missing WOut", func() { noOut.Check() }},
		{"NaN leaky", func() { leaky.Check() }},
		{"Pre layer out of range", func() { Example().Pre(1, 0, 0, 0) }},
		{"Pre unit out of range", func() { Example().Pre(0, 3, 0, 0) }},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", tc.desc)
				}
			}()
			tc.f()
		})
	}
}

func TestFinite(t *testing.T) {
	t.Parallel()
	nt := Example()
	if !nt.Finite() {
		t.Error("Example is not Finite")
	}
	nt.B[0][1] = math.Inf(1)
	if nt.Finite() {
		t.Error("a net with an infinite bias is Finite")
	}
}
