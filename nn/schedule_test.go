package nn

import (
	"math"
	"testing"
)

// TestScheduleDecay checks warm-up and decay against values worked out by
// hand: linear 1 − t/Total, cosine (1 + cos(π·t/Total))/2 (cos(π/4) =
// √2/2, cos(π/2) = 0), warm-up (t+1)/Warmup, T/(T+t) multiplied in.
func TestScheduleDecay(t *testing.T) {
	t.Parallel()
	r2 := math.Sqrt2 / 2
	tests := []struct {
		desc string
		s    Schedule
		t    int
		want float64
	}{
		{"linear start", Schedule{LR: 0.004, Decay: "linear", Total: 1000}, 0, 0.004},
		{"linear quarter", Schedule{LR: 0.004, Decay: "linear", Total: 1000}, 250, 0.003},
		{"linear last step", Schedule{LR: 0.004, Decay: "linear", Total: 1000}, 999, 0.000004},
		{"linear at end", Schedule{LR: 0.004, Decay: "linear", Total: 1000}, 1000, 0},
		{"linear after end", Schedule{LR: 0.004, Decay: "linear", Total: 1000}, 5000, 0},
		{"cosine start", Schedule{LR: 0.01, Decay: "cosine", Total: 400}, 0, 0.01},
		{"cosine quarter", Schedule{LR: 0.01, Decay: "cosine", Total: 400}, 100, 0.01 * (1 + r2) / 2},
		{"cosine half", Schedule{LR: 0.01, Decay: "cosine", Total: 400}, 200, 0.005},
		{"cosine three quarters", Schedule{LR: 0.01, Decay: "cosine", Total: 400}, 300, 0.01 * (1 - r2) / 2},
		{"cosine at end", Schedule{LR: 0.01, Decay: "cosine", Total: 400}, 400, 0},
		{"warm-up first step", Schedule{LR: 0.01, Warmup: 100}, 0, 0.0001},
		{"warm-up middle", Schedule{LR: 0.01, Warmup: 100}, 49, 0.005},
		{"warm-up done", Schedule{LR: 0.01, Warmup: 100}, 100, 0.01},
		{"warm-up then linear", Schedule{LR: 0.01, Warmup: 100, Decay: "linear", Total: 1000}, 9, 0.01 * 0.1 * 0.991},
		{"after warm-up, linear", Schedule{LR: 0.01, Warmup: 100, Decay: "linear", Total: 1000}, 500, 0.005},
		{"anneal times linear", Schedule{LR: 0.01, AnnealT: 1000, Decay: "linear", Total: 2000}, 1000, 0.0025},
		{"no decay ignores Total", Schedule{LR: 0.01, AnnealT: 4000, Total: 10}, 4000, 0.005},
	}
	for _, tc := range tests {
		if got := tc.s.At(tc.t); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s: %+v.At(%d) = %v, want %v", tc.desc, tc.s, tc.t, got, tc.want)
		}
	}
}

// TestScheduleZeroValueUnchanged: without Decay and Warmup, At is bit for
// bit seed 000's LR·T/(T+t), so the presets' runs do not change.
func TestScheduleZeroValueUnchanged(t *testing.T) {
	t.Parallel()
	for _, s := range []Schedule{{LR: 0.01, AnnealT: 4000}, {LR: 0.002, AnnealT: 3000}, {LR: 0.1}} {
		for _, step := range []int{0, 1, 7, 999, 15000, 123456} {
			want := s.LR
			if s.AnnealT != 0 {
				want = s.LR * s.AnnealT / (s.AnnealT + float64(step))
			}
			if got := s.At(step); got != want {
				t.Errorf("%+v.At(%d) = %v, want exactly %v", s, step, got, want)
			}
		}
	}
}

func TestScheduleBadDecayPanics(t *testing.T) {
	t.Parallel()
	for _, s := range []Schedule{{LR: 0.1, Decay: "step", Total: 10}, {LR: 0.1, Decay: "linear"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%+v.At(3) did not panic", s)
				}
			}()
			s.At(3)
		}()
	}
}
