package nn

import (
	"math"
	"testing"
)

// TestOptimizersTwoSteps checks parameters and state after two steps
// against values worked out by hand from the update rules.
func TestOptimizersTwoSteps(t *testing.T) {
	t.Parallel()
	g1, g2 := []float32{0.5, -1}, []float32{0.25, 2}
	tests := []struct {
		desc   string
		opt    Optimizer
		w1, w2 []float32
		state  func(o Optimizer) []float32 // m after two steps
		mWant  []float32
	}{
		{"sgd", NewSGD(), []float32{0.95, -1.9}, []float32{0.925, -2.1}, nil, nil},
		{"momentum", NewMomentum(2, 0.9), []float32{0.95, -1.9}, []float32{0.88, -2.01},
			func(o Optimizer) []float32 { return o.(*Momentum).M }, []float32{0.7, 1.1}},
		{"adam", NewAdam(2, 0.9, 0.999, 1e-8), []float32{0.9, -1.9}, []float32{0.80678204, -1.93661035},
			func(o Optimizer) []float32 { return o.(*Adam).M }, []float32{0.07, 0.11}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			w := []float32{1, -2}
			tc.opt.Step(w, g1, 0.1)
			compareSlices(t, "w after step 1", w, tc.w1, 1e-6, 1e-5)
			tc.opt.Step(w, g2, 0.1)
			compareSlices(t, "w after step 2", w, tc.w2, 1e-6, 1e-5)
			if tc.state != nil {
				compareSlices(t, "m after step 2", tc.state(tc.opt), tc.mWant, 1e-6, 1e-5)
			}
			tc.opt.Reset()
			if tc.state != nil {
				for _, v := range tc.state(tc.opt) {
					if v != 0 {
						t.Errorf("state after Reset = %v, want zeros", tc.state(tc.opt))
					}
				}
			}
		})
	}
	a := NewAdam(2, 0.9, 0.999, 1e-8).(*Adam)
	w := []float32{1, -2}
	a.Step(w, g1, 0.1)
	a.Step(w, g2, 0.1)
	compareSlices(t, "adam v", a.V, []float32{0.00031225, 0.004999}, 1e-9, 5e-5) // β2 = 0.999 rounds to float32
	if a.T != 2 || !closeTo(a.B1t, 0.81, 0, 1e-6) || !closeTo(a.B2t, 0.998001, 0, 1e-6) {
		t.Errorf("adam T, B1t, B2t = %d, %v, %v, want 2, 0.81, 0.998001", a.T, a.B1t, a.B2t)
	}
}

func TestSchedule(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		s    Schedule
		t    int
		want float64
	}{
		{"constant", Schedule{LR: 0.1}, 12345, 0.1},
		{"start", Schedule{LR: 0.01, AnnealT: 4000}, 0, 0.01},
		{"half at T", Schedule{LR: 0.01, AnnealT: 4000}, 4000, 0.005},
		{"linear 000", Schedule{LR: 0.1, AnnealT: 1000}, 3000, 0.025},
	}
	for _, tc := range tests {
		if got := tc.s.At(tc.t); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s: %+v.At(%d) = %v, want %v", tc.desc, tc.s, tc.t, got, tc.want)
		}
	}
}

func TestOptimizerStepAllocs(t *testing.T) {
	n := 26506
	p, g := make([]float32, n), make([]float32, n)
	for _, o := range []Optimizer{NewSGD(), NewMomentum(n, 0.9), NewAdam(n, 0.9, 0.999, 1e-7)} {
		if a := testing.AllocsPerRun(10, func() { o.Step(p, g, 0.01) }); a != 0 {
			t.Errorf("%T.Step allocates %v times, want 0", o, a)
		}
	}
}
