package landscape

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestExampleGolden(t *testing.T) {
	t.Parallel()
	nt := Example()
	// Hand-computed: at (1,-1) pre = [2, 3, -4], Φ = 1·2 - 2·3 = -4 (seed 003);
	// at (0,0) pre = [0, 1, -1], Φ = -2·1 = -2; at (1,2) pre = [-1, 3, 2],
	// Φ = -6 + 2 = -4; at (-1,1) pre = [-2,-1,2], Φ = 2.
	tests := []struct {
		desc   string
		x, y   float64
		want   float64
		active []int
	}{
		{"seed point", 1, -1, -4, []int{0, 1}},
		{"origin: unit 0 exactly 0 is inactive", 0, 0, -2, []int{1}},
		{"units 1 and 2", 1, 2, -4, []int{1, 2}},
		{"only unit 2", -1, 1, 2, []int{2}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			if got := nt.Eval(tc.x, tc.y); got != tc.want {
				t.Errorf("Φ(%v,%v) = %v, want %v", tc.x, tc.y, got, tc.want)
			}
			if got := nt.ActiveUnits(nil, tc.x, tc.y); !reflect.DeepEqual(got, tc.active) {
				t.Errorf("ActiveUnits(%v,%v) = %v, want %v", tc.x, tc.y, got, tc.active)
			}
			p := nt.Pattern(tc.x, tc.y)
			if p.Count() != len(tc.active) {
				t.Errorf("Pattern(%v,%v).Count() = %d, want %d", tc.x, tc.y, p.Count(), len(tc.active))
			}
			for _, i := range tc.active {
				if !p.Active(i) {
					t.Errorf("Pattern(%v,%v) = %b, unit %d not active", tc.x, tc.y, p, i)
				}
			}
		})
	}
}

func TestRandomDrawOrder(t *testing.T) {
	t.Parallel()
	nt := Random(4, rand.New(rand.NewPCG(3, 7)))
	r := rand.New(rand.NewPCG(3, 7))
	for i := range nt.W1 {
		if want := r.NormFloat64(); nt.W1[i] != want {
			t.Fatalf("W1[%d] = %v, want %v", i, nt.W1[i], want)
		}
	}
	for i := range nt.B1 {
		if want := 0.2 * r.NormFloat64(); nt.B1[i] != want {
			t.Fatalf("B1[%d] = %v, want %v", i, nt.B1[i], want)
		}
	}
	for i := range nt.W2 {
		if want := r.NormFloat64(); nt.W2[i] != want {
			t.Fatalf("W2[%d] = %v, want %v", i, nt.W2[i], want)
		}
	}
	if want := 0.2 * r.NormFloat64(); nt.B2 != want {
		t.Fatalf("B2 = %v, want %v", nt.B2, want)
	}
	// Spread: biases are 5× narrower than weights on average.
	big := Random(64, rand.New(rand.NewPCG(1, 1)))
	rms := func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x * x
		}
		return math.Sqrt(s / float64(len(v)))
	}
	if w, b := rms(big.W1), rms(big.B1); w < 0.8 || w > 1.2 || b < 0.14 || b > 0.26 {
		t.Errorf("rms W1 = %v (want ≈1), rms b1 = %v (want ≈0.2)", w, b)
	}
}

func TestGradFiniteDifference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 5))
	for trial := 0; trial < 20; trial++ {
		nt := Random(1+r.IntN(12), r)
		x, y := 4*r.Float64()-2, 4*r.Float64()-2
		// stay away from kinks (rule 23): every |pre| > 1e-3
		far := true
		for i := 0; i < nt.N; i++ {
			if math.Abs(nt.Pre(i, x, y)) < 1e-3 {
				far = false
			}
		}
		if !far {
			continue
		}
		const h = 1e-6
		fx := (nt.Eval(x+h, y) - nt.Eval(x-h, y)) / (2 * h)
		fy := (nt.Eval(x, y+h) - nt.Eval(x, y-h)) / (2 * h)
		gx, gy := nt.Grad(x, y)
		if e := math.Max(math.Abs(gx-fx), math.Abs(gy-fy)) / (1 + math.Max(math.Abs(fx), math.Abs(fy))); e > 1e-7 {
			t.Errorf("trial %d: Grad(%v,%v) = (%v,%v), finite differences (%v,%v), rel err %v", trial, x, y, gx, gy, fx, fy, e)
		}
	}
}

func TestNewPanics(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, MaxUnits + 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New(%d) did not panic", n)
				}
			}()
			New(n)
		}()
	}
}
