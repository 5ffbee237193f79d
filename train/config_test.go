package train

import (
	"errors"
	"math"
	"testing"

	"digitlab/nn"
)

func TestScheduleConfigErrors(t *testing.T) {
	t.Parallel()
	d := newData(15, 10, 3, 3)
	for _, tc := range []struct {
		desc  string
		s     nn.Schedule
		field string
	}{
		{"unknown decay", nn.Schedule{LR: 0.1, Decay: "exponential", Total: 10}, "Decay"},
		{"decay without length", nn.Schedule{LR: 0.1, Decay: "linear"}, "Decay"},
		{"negative length", nn.Schedule{LR: 0.1, Decay: "cosine", Total: -5}, "Decay"},
		{"negative warm-up", nn.Schedule{LR: 0.1, Warmup: -1}, "Warmup"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := NewSession(softmaxModel(t, 1), d, nil, Config{Opt: "adam", Schedule: tc.s, Batch: 2})
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Field != tc.field {
				t.Fatalf("NewSession = %v, want a *ConfigError on %s", err, tc.field)
			}
		})
	}
	for _, v := range []float64{-0.1, math.NaN(), math.Inf(1)} {
		_, err := NewSession(softmaxModel(t, 1), d, nil, Config{Opt: "adam", Schedule: nn.Schedule{LR: 0.1}, Batch: 2, SkipBelow: v})
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Field != "SkipBelow" {
			t.Errorf("SkipBelow %v: NewSession = %v, want a *ConfigError on SkipBelow", v, err)
		}
	}
	s := newSession(t, softmaxModel(t, 1), d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: 1})
	var ce *ConfigError
	if err := s.SetSchedule(nn.Schedule{LR: 0.1, Decay: "linear"}); !errors.As(err, &ce) || ce.Field != "Decay" {
		t.Errorf("SetSchedule without Total = %v, want a *ConfigError on Decay", err)
	}
}

// TestLinearDecayMatchesHandLoop: per-sample SGD with a linear decay over
// the run's 8 steps equals the plain loop with η_t = 0.4·(1 − t/8), and the
// rate is 0 when the run ends.
func TestLinearDecayMatchesHandLoop(t *testing.T) {
	t.Parallel()
	d := newData(7, 5, 3, 2)
	m := sigmoidModel(t, 3)
	w := make([]float64, len(m.Params))
	for i, v := range m.Params {
		w[i] = float64(v)
	}
	s := newSession(t, m, d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.4, Decay: "linear", Total: 8}, Batch: 1, Steps: 8})
	runAll(t, s, 3)
	for step := range 8 {
		i := step % d.Len()
		x := d.Sample(nil, i)
		p := seedSigmoid(w, x)
		lr := 0.4 * (1 - float64(step)/8)
		for j := range w {
			w[j] -= lr * (p - float64(d.Label(i))) * float64(x[j])
		}
	}
	for j := range w {
		if math.Abs(w[j]-float64(m.Params[j])) > 1e-5 {
			t.Errorf("w[%d] = %v, the hand loop gives %v", j, m.Params[j], w[j])
		}
	}
	if !s.Done() || s.LR() != 0 {
		t.Errorf("done %v, LR() %v after the run; want true, 0", s.Done(), s.LR())
	}
}

func TestFromPresetCarriesDecay(t *testing.T) {
	t.Parallel()
	p := nn.Preset{Name: "x", Opt: "adam", LR: 0.004, Decay: "cosine", Warmup: 50, Batch: 16, Steps: 3000, SkipBelow: 0.03, Shift: 2}
	c := FromPreset(p)
	want := nn.Schedule{LR: 0.004, Decay: "cosine", Total: 3000, Warmup: 50}
	if c.Schedule != want || c.Steps != 3000 || c.Order != Shuffle || c.SkipBelow != 0.03 || c.Shift != 2 {
		t.Errorf("FromPreset = schedule %+v steps %d order %v skip-below %v shift %d, want %+v 3000 shuffle 0.03 2", c.Schedule, c.Steps, c.Order, c.SkipBelow, c.Shift, want)
	}
	// A seed's step-trained preset still cycles (seed 000's set-up).
	p.Seed = "000"
	if c := FromPreset(p); c.Order != Cycle {
		t.Errorf("seed 000 preset order %v, want cycle", c.Order)
	}
}
