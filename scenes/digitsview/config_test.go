package digitsview

import (
	"errors"
	"slices"
	"testing"

	"digitlab/kit/ui"
	"digitlab/train"
)

func TestModelsFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		task string
		want []string
	}{
		{"4v9", []string{"linear", "vanilla", "cnn"}},
		{"digits8", []string{"digits64"}},
		{"nope", nil},
	}
	for _, tc := range tests {
		if got := ModelsFor(tc.task); !slices.Equal(got, tc.want) {
			t.Errorf("ModelsFor(%q) = %v, want %v", tc.task, got, tc.want)
		}
	}
	ten := ModelsFor("10")
	for _, m := range []string{"mlp10", "cnn10", "cnn10-tanh", "best"} {
		if !slices.Contains(ten, m) {
			t.Errorf("ModelsFor(10) = %v lacks %s", ten, m)
		}
	}
	for _, task := range Tasks {
		for _, m := range ModelsFor(task) {
			if TaskOf(m) != task {
				t.Errorf("TaskOf(%s) = %q, want %q", m, TaskOf(m), task)
			}
		}
	}
}

// Every model's default configuration is its seed's set-up, so pressing
// start reproduces the seed's experiment.
func TestForModelUsesPreset(t *testing.T) {
	t.Parallel()
	for _, task := range Tasks {
		for _, m := range ModelsFor(task) {
			p, _ := train.RecipeFor(m)
			c, err := ForModel(task, m)
			if err != nil {
				t.Fatalf("ForModel(%s, %s): %v", task, m, err)
			}
			if c.Opt != p.Opt || c.LR != p.LR || c.AnnealT != p.AnnealT || c.Batch != p.Batch || c.TrainN != p.TrainN || c.Raw == p.Normalize {
				t.Errorf("ForModel(%s, %s) = %+v, want the preset's %+v", task, m, c, p)
			}
			q := c.Recipe()
			if q.Opt != p.Opt || q.LR != p.LR || q.Beta1 != p.Beta1 || q.Beta2 != p.Beta2 || q.Epochs != p.Epochs || q.Steps != p.Steps {
				t.Errorf("%s: Recipe() = %+v, want %+v", m, q, p)
			}
			if mp := c.Preset(); mp.Name != m {
				t.Errorf("%s: Preset() = %+v", m, mp)
			}
		}
	}
	if c, _ := ForModel("10", "mlp10"); !c.Raw {
		t.Errorf("mlp10 must train on raw pixels as seed 001 does")
	}
}

func TestApply(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc     string
		start    Config
		opts     map[string]string
		check    func(Config) bool
		newModel bool
		nErr     int
	}{
		{"the brief's URL", Default("4v9"), map[string]string{"task": "4v9", "model": "cnn"},
			func(c Config) bool {
				return c.Model == "cnn" && c.Opt == "momentum" && c.LR == 0.01 && c.AnnealT == 4000
			}, true, 0},
		{"model then overrides, in any key order", Default("4v9"), map[string]string{"lr": "100", "model": "vanilla", "batch": "full"},
			func(c Config) bool { return c.Model == "vanilla" && c.LR == 100 && c.Batch == 0 }, true, 0},
		{"task switch picks the task's default model", Default("4v9"), map[string]string{"task": "digits8x8"},
			func(c Config) bool { return c.Task == "digits8" && c.Model == "digits64" && c.Batch == 0 }, true, 0},
		{"task with a fitting model", Default("4v9"), map[string]string{"task": "10", "model": "cnn10"},
			func(c Config) bool { return c.Task == "10" && c.Model == "cnn10" && c.TrainN == 1000 }, true, 0},
		{"model that does not fit the task", Default("4v9"), map[string]string{"model": "mlp10"},
			func(c Config) bool { return c.Model == "linear" }, false, 1},
		{"bad values keep the old ones", Default("4v9"), map[string]string{"lr": "abc", "noise": "9", "trainsize": "5", "opt": "rmsprop", "seed": "-1", "zzz": "1"},
			func(c Config) bool { return c == Default("4v9") }, false, 6},
		{"stress test", Default("4v9"), map[string]string{"trainsize": "1000", "noise": "1", "raw": "1", "seed": "7", "evalevery": "250", "opt": "adam", "anneal": "0"},
			func(c Config) bool {
				return c.TrainN == 1000 && c.Noise == 1 && c.Raw && c.Seed == 7 && c.EvalEvery == 250 && c.Opt == "adam" && c.AnnealT == 0
			}, false, 0},
		{"same model again changes nothing", Default("4v9"), map[string]string{"model": "linear"},
			func(c Config) bool { return c == Default("4v9") }, false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			c := tc.start
			nm, errs := c.Apply(tc.opts)
			if !tc.check(c) {
				t.Errorf("Apply(%v) = %+v", tc.opts, c)
			}
			if nm != tc.newModel {
				t.Errorf("Apply(%v) newModel = %v, want %v", tc.opts, nm, tc.newModel)
			}
			if len(errs) != tc.nErr {
				t.Errorf("Apply(%v) errors = %v, want %d", tc.opts, errs, tc.nErr)
			}
			for _, err := range errs {
				var oe *ui.OptionError
				if !errors.As(err, &oe) {
					t.Errorf("error %v is %T, want *ui.OptionError", err, err)
				}
			}
		})
	}
}

// Values round-trips through Apply.
func TestValuesRoundTrip(t *testing.T) {
	t.Parallel()
	c, _ := ForModel("10", "cnn10-tanh")
	c.Noise, c.Raw, c.Seed, c.EvalEvery, c.LR = 0.5, true, 99, 300, 0.0123
	d := Default("4v9")
	if _, errs := d.Apply(c.Values()); len(errs) > 0 {
		t.Fatalf("Apply(Values()): %v", errs)
	}
	if d != c {
		t.Errorf("Apply(Values()) = %+v, want %+v", d, c)
	}
}

// TestNewModelAndTrainConfig: the seed picks the initial weights (the same
// seed the same weights) and the shuffle; the configuration's overrides
// and the preset's own training options reach the session's set-up.
func TestNewModelAndTrainConfig(t *testing.T) {
	c, err := ForModel("10", "best")
	if err != nil {
		t.Fatal(err)
	}
	c.Seed, c.LR = 7, 0.002
	a, err := c.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.NewModel()
	c.Seed = 8
	other, _ := c.NewModel()
	if !slices.Equal(a.Params, b.Params) || slices.Equal(a.Params, other.Params) {
		t.Error("NewModel: want the same weights for one seed and others for another")
	}
	tc := c.TrainConfig()
	p := c.Recipe()
	if tc.Seed != 8 || tc.Schedule.LR != 0.002 || tc.SkipBelow != p.SkipBelow || p.SkipBelow == 0 || tc.Shift != p.Shift || tc.Steps != p.Steps {
		t.Errorf("TrainConfig = %+v; want seed 8, η 0.002 and the preset's skip-below %v, shift %d, steps %d", tc, p.SkipBelow, p.Shift, p.Steps)
	}
}

// Another model brings its recipe, but raw pixels and noise the student
// set stay; a model whose own recipe has raw pixels (mlp10, seed 001)
// brings them when the student had not changed them.
func TestApplyModelKeepsTheStudentsData(t *testing.T) {
	c := Default("4v9")
	if _, errs := c.Apply(map[string]string{"raw": "1", "noise": "0.5", "lr": "0.05"}); errs != nil {
		t.Fatal(errs)
	}
	if _, errs := c.Apply(map[string]string{"model": "cnn"}); errs != nil {
		t.Fatal(errs)
	}
	want, _ := ForModel("4v9", "cnn")
	if !c.Raw || c.Noise != 0.5 || c.LR != want.LR {
		t.Errorf("after cnn: raw %v noise %v lr %v; want raw and noise kept, the preset's lr %v", c.Raw, c.Noise, c.LR, want.LR)
	}
	c = Default("10")
	if _, errs := c.Apply(map[string]string{"model": "mlp10"}); errs != nil {
		t.Fatal(errs)
	}
	mlp, _ := ForModel("10", "mlp10")
	if c.Raw != mlp.Raw {
		t.Errorf("mlp10 from the default: raw %v, its recipe has %v", c.Raw, mlp.Raw)
	}
	if _, errs := c.Apply(map[string]string{"model": "cnn10"}); errs != nil {
		t.Fatal(errs)
	}
	if cnn, _ := ForModel("10", "cnn10"); c.Raw != cnn.Raw {
		t.Errorf("cnn10 after mlp10's own raw pixels: raw %v, want cnn10's %v", c.Raw, cnn.Raw)
	}
}
