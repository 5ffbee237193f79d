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

func TestRecipeConfigCarriesDecay(t *testing.T) {
	t.Parallel()
	r := Recipe{Model: "x", Opt: "adam", LR: 0.004, Decay: "cosine", Warmup: 50, Batch: 16, Order: Shuffle, Steps: 3000, SkipBelow: 0.03, Shift: 2}
	c := r.Config()
	want := nn.Schedule{LR: 0.004, Decay: "cosine", Total: 3000, Warmup: 50}
	if c.Schedule != want || c.Steps != 3000 || c.Order != Shuffle || c.SkipBelow != 0.03 || c.Shift != 2 {
		t.Errorf("Config() = schedule %+v steps %d order %v skip-below %v shift %d, want %+v 3000 shuffle 0.03 2", c.Schedule, c.Steps, c.Order, c.SkipBelow, c.Shift, want)
	}
	// A full batch cycles, whatever the recipe's order.
	r.Batch = 0
	if c := r.Config(); c.Order != Cycle {
		t.Errorf("full-batch order %v, want cycle", c.Order)
	}
}

// TestRecipesMatchPresets: one recipe per nn preset, in the same order,
// on data with the model's input and classes, each a configuration a
// session accepts.
func TestRecipesMatchPresets(t *testing.T) {
	t.Parallel()
	ps, rs := nn.Presets(), Recipes()
	if len(ps) != len(rs) {
		t.Fatalf("%d presets, %d recipes", len(ps), len(rs))
	}
	data := map[string]struct {
		in      nn.Shape
		classes int
	}{"mnist-4-9": {nn.Shape{H: 28, W: 28, C: 1}, 2}, "mnist": {nn.Shape{H: 28, W: 28, C: 1}, 10}, "digits8x8": {nn.Shape{H: 8, W: 8, C: 1}, 10}}
	for i, p := range ps {
		r := rs[i]
		if r.Model != p.Name {
			t.Errorf("recipe %d is for %s, preset %d is %s", i, r.Model, i, p.Name)
			continue
		}
		if d, ok := data[r.Data]; !ok || d.in != p.In || d.classes != p.Classes {
			t.Errorf("%s: data %q does not fit the model's input %v and %d classes", p.Name, r.Data, p.In, p.Classes)
		}
		c := r.Config()
		if err := c.validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
		if _, err := c.newOptimizer(10); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
		if (r.Steps > 0) == (r.Epochs > 0) {
			t.Errorf("%s: steps %d, epochs %d: want exactly one", p.Name, r.Steps, r.Epochs)
		}
	}
	var ue *nn.UnknownPresetError
	if _, err := RecipeFor("resnet"); !errors.As(err, &ue) {
		t.Errorf("RecipeFor(resnet) error = %v, want *nn.UnknownPresetError", err)
	}
}

// TestRecipeOrders: the order each recipe trains in, whatever batch the
// page sets, is the one the presets had before the recipes moved to train
// (derived then from the seed: shuffled when trained in epochs or ours,
// never for seed 001, never at full batch).
func TestRecipeOrders(t *testing.T) {
	t.Parallel()
	for _, r := range Recipes() {
		p, err := nn.PresetByName(r.Model)
		if err != nil {
			t.Fatal(err)
		}
		for _, batch := range []int{0, 1, 16} {
			r.Batch = batch
			want := Cycle
			if (r.Epochs > 0 || p.Seed == "") && batch != 0 && p.Seed != "001" {
				want = Shuffle
			}
			if got := r.Config().Order; got != want {
				t.Errorf("%s at batch %d: order %v, want %v", r.Model, batch, got, want)
			}
		}
	}
}

// A recipe's decay runs over its Steps: one with a Decay must give Steps
// (not Epochs), or its schedule would have no length.
func TestRecipeDecayHasSteps(t *testing.T) {
	t.Parallel()
	for _, r := range Recipes() {
		if r.Decay == "" {
			continue
		}
		if r.Steps <= 0 || r.Epochs != 0 {
			t.Errorf("%s: decay %q with steps %d, epochs %d; want steps > 0, epochs 0", r.Model, r.Decay, r.Steps, r.Epochs)
		}
		if s := r.Schedule(); s.Total != r.Steps || s.At(r.Steps) != 0 || s.At(0) != r.LR {
			t.Errorf("%s: schedule %+v: want LR %g at step 0 and 0 at step %d", r.Model, s, r.LR, r.Steps)
		}
	}
}
