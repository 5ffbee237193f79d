package ring

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"digitlab/kit/ui"
	"digitlab/regions"
	"digitlab/train"
)

// The acceptance test: 2→8→8→1 trained by SGD on the circular ring
// reaches 95% training accuracy within a bounded number of updates, for
// several fixed seeds and both rings of the seed.
func TestTrainerReaches95(t *testing.T) {
	t.Parallel()
	const maxSamples, chunk = 80000, 2000
	for _, ab := range [][2]float64{{1, 2}, {0.5, 1.5}} {
		for _, seed := range []uint64{1, 2, 3} {
			c := DefaultLearn()
			c.A, c.B, c.Seed = ab[0], ab[1], seed
			tr, err := NewTrainer(c)
			if err != nil {
				t.Fatal(err)
			}
			acc := 0.0
			for tr.Seen() < maxSamples && acc < 0.95 {
				tr.Run(chunk)
				_, acc = tr.Eval(false)
			}
			_, testAcc := tr.Eval(true)
			t.Logf("ring (%v,%v) seed %d: train accuracy %.3f, held-out %.3f after %d updates (%d epochs)", ab[0], ab[1], seed, acc, testAcc, tr.Steps(), tr.Epoch())
			if err := tr.Err(); err != nil {
				t.Fatal(err)
			}
			if acc < 0.95 {
				t.Errorf("ring (%v,%v) seed %d: accuracy %.3f after %d updates, want ≥ 0.95", ab[0], ab[1], seed, acc, tr.Steps())
			}
			if testAcc < 0.9 {
				t.Errorf("ring (%v,%v) seed %d: held-out accuracy %.3f, want ≥ 0.9", ab[0], ab[1], seed, testAcc)
			}
		}
	}
}

// Run(a) then Run(b) is Run(a+b): the trainer keeps its place, across epoch
// boundaries (batch 7 does not divide 100 points).
func TestTrainerResumable(t *testing.T) {
	t.Parallel()
	c := DefaultLearn()
	c.Points, c.Batch, c.Opt = 100, 7, "adam"
	one, _ := NewTrainer(c)
	two, _ := NewTrainer(c)
	one.Run(350)
	for range 10 {
		two.Run(35)
	}
	if !slices.Equal(one.Model.Params, two.Model.Params) {
		t.Errorf("Run(350) and 10×Run(35) give different weights")
	}
	// An epoch of 100 points in batches of 7 is 14 full steps and one of
	// 2; 350 samples are 3 epochs (45 steps) and 7 more steps of 7.
	if one.Steps() != 52 || one.Epoch() != 3 || one.Seen() != 350 {
		t.Errorf("Steps() = %d, Epoch() = %d, Seen() = %d, want 52, 3, 350", one.Steps(), one.Epoch(), one.Seen())
	}
	c.Seed = 2
	other, _ := NewTrainer(c)
	other.Run(350)
	if slices.Equal(one.Model.Params, other.Model.Params) {
		t.Errorf("seeds 1 and 2 give the same weights")
	}
}

// SetBatch keeps the weights and the counts; SetLR rejects nonsense.
func TestTrainerSetBatchLR(t *testing.T) {
	t.Parallel()
	tr, _ := NewTrainer(DefaultLearn())
	tr.Run(80) // 10 steps of 8
	w := slices.Clone(tr.Model.Params)
	if err := tr.SetBatch(32); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w, tr.Model.Params) || tr.Steps() != 10 {
		t.Errorf("SetBatch changed the weights or the step count (%d, want 10)", tr.Steps())
	}
	tr.Run(64)
	if tr.Steps() != 12 {
		t.Errorf("Steps() = %d after 64 more samples in batches of 32, want 12", tr.Steps())
	}
	var ce *ConfigError
	if err := tr.SetBatch(0); !errors.As(err, &ce) {
		t.Errorf("SetBatch(0) error = %v, want *ConfigError", err)
	}
	if err := tr.SetLR(-1); !errors.As(err, &ce) || tr.Cfg.LR != 0.1 {
		t.Errorf("SetLR(-1) error = %v (LR now %v), want *ConfigError and 0.1 kept", err, tr.Cfg.LR)
	}
}

func TestTrainerNoAllocs(t *testing.T) {
	c := DefaultLearn()
	tr, _ := NewTrainer(c)
	tr.Run(8)
	if n := testing.AllocsPerRun(20, func() { tr.Run(24) }); n != 0 {
		t.Errorf("Run allocates %v times per call, want 0", n)
	}
	if n := testing.AllocsPerRun(20, func() { tr.Logit(0.3, -1) }); n != 0 {
		t.Errorf("Logit allocates %v times per call, want 0", n)
	}
}

// Eval agrees with Logit and the labels computed independently.
func TestTrainerEval(t *testing.T) {
	t.Parallel()
	c := DefaultLearn()
	c.Points = 300
	tr, _ := NewTrainer(c)
	tr.Run(1600)
	for _, test := range []bool{false, true} {
		pts := tr.Pts
		if test {
			pts = tr.Test
		}
		hit := 0
		for _, p := range pts {
			if (tr.Logit(p.X1, p.X2) >= 0) == InCircle(1, 2, p.X1, p.X2) {
				hit++
			}
		}
		loss, acc := tr.Eval(test)
		if want := float64(hit) / float64(len(pts)); acc != want {
			t.Errorf("Eval(%v) accuracy %v, want %v", test, acc, want)
		}
		if !(loss > 0) || math.IsInf(loss, 0) {
			t.Errorf("Eval(%v) loss %v, want finite > 0", test, loss)
		}
	}
}

func TestTrainerRelabel(t *testing.T) {
	t.Parallel()
	tr, _ := NewTrainer(DefaultLearn())
	if err := tr.Relabel(0.5, 1.5, LabelDiamond); err != nil {
		t.Fatal(err)
	}
	for _, p := range tr.Pts {
		want := 0
		if InDiamond(0.5, 1.5, p.X1, p.X2) {
			want = 1
		}
		if got := tr.Label(p); got != want {
			t.Fatalf("Label(%v) = %d, want %d", p, got, want)
		}
	}
	var pe *ParamError
	if err := tr.Relabel(2, 1, LabelCircle); !errors.As(err, &pe) {
		t.Errorf("Relabel(2, 1) error = %v, want *ParamError", err)
	}
	if tr.Cfg.A != 0.5 || tr.Cfg.Labels != LabelDiamond {
		t.Errorf("a failed Relabel changed the config to %+v", tr.Cfg)
	}
}

func TestLearnConfigValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		edit  func(*LearnConfig)
		field string // "" means a *ParamError
	}{
		{"bad radii", func(c *LearnConfig) { c.A = 3 }, ""},
		{"zero lr", func(c *LearnConfig) { c.LR = 0 }, "lr"},
		{"NaN lr", func(c *LearnConfig) { c.LR = math.NaN() }, "lr"},
		{"batch 0", func(c *LearnConfig) { c.Batch = 0 }, "batch"},
		{"too many points", func(c *LearnConfig) { c.Points = MaxPoints + 1 }, "points"},
		{"width 0", func(c *LearnConfig) { c.Arch = Arch{0, 3} }, "arch"},
		{"unknown optimiser", func(c *LearnConfig) { c.Opt = "rmsprop" }, "opt"},
		{"unknown labels", func(c *LearnConfig) { c.Labels = 7 }, "labels"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			c := DefaultLearn()
			tc.edit(&c)
			_, err := NewTrainer(c)
			if tc.field == "" {
				var pe *ParamError
				if !errors.As(err, &pe) {
					t.Errorf("error = %v, want *ParamError", err)
				}
				return
			}
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Field != tc.field {
				t.Errorf("error = %v, want *ConfigError for %q", err, tc.field)
			}
		})
	}
	if err := DefaultLearn().Validate(); err != nil {
		t.Errorf("DefaultLearn().Validate() = %v", err)
	}
}

// Divergence is reported as the session's typed error and stops training.
func TestTrainerDiverges(t *testing.T) {
	t.Parallel()
	c := DefaultLearn()
	c.Opt, c.LR, c.Batch, c.Arch = "momentum", 1, 1, Arch{16, 16}
	tr, _ := NewTrainer(c)
	err := tr.Run(20000)
	var de *train.DivergedError
	if !errors.As(err, &de) {
		t.Fatalf("momentum with η = 1: Run error = %v, want *train.DivergedError", err)
	}
	steps := tr.Steps()
	if err := tr.Run(100); !errors.As(err, &de) || tr.Steps() != steps {
		t.Errorf("after divergence Run = %v and took %d more steps, want the same error and none", err, tr.Steps()-steps)
	}
}

// TestSeedNetSummary: the seed's 2→4→3→1 ring net has the 31 parameters
// seed 003 asks students to count, and its layer table says so.
func TestSeedNetSummary(t *testing.T) {
	m, err := NewModel(Arch{4, 3}, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Params) != 31 || !strings.Contains(m.Summary(), "Total params: 31\n") {
		t.Errorf("%d parameters:\n%s", len(m.Params), m.Summary())
	}
}

// TestLearnedRegions: the learned net's regions are those regions counts
// for the same weights, its z agrees with the model's logit, and the count
// is recorded against the step as it trains.
func TestLearnedRegions(t *testing.T) {
	s, in := newScene(t)
	if s.Regions.Count < 2 || len(s.Regions.History) != 1 || s.Regions.History[0].Step != 0 {
		t.Fatalf("at the start: %d regions, history %v", s.Regions.Count, s.Regions.History)
	}
	nt := fromModel(nil, s.tr.Model)
	for _, p := range [][2]float64{{0.3, -1.2}, {2, 0.5}, {-1.7, -1.1}} {
		if got, want := nt.Eval(p[0], p[1]), s.tr.Logit(p[0], p[1]); math.Abs(got-want) > 1e-4*(1+math.Abs(want)) {
			t.Errorf("z%v: regions' net %v, the model %v", p, got, want)
		}
	}
	if got := regions.Enumerate(nt, Plane).Count(); got != s.Regions.Count {
		t.Errorf("%d regions, regions counts %d", s.Regions.Count, got)
	}
	s.Step(200)
	for i := range 50 {
		frame(s, in, time.Duration(i+1)*20*time.Millisecond, func(*ui.Input) {})
	}
	h := s.Regions.History
	if len(h) < 2 || h[len(h)-1].Step <= h[0].Step || s.Status()["learnedRegions"] != s.Regions.Count {
		t.Errorf("after 200 steps: history %v", h)
	}
}
