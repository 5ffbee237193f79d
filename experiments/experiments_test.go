package experiments

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"digitlab/datasets"
	"digitlab/train"
)

// The full experiments on the real data at the seeds' sizes, checked
// against the seeds' figures. They take about a minute natively on two
// cores; under js/wasm (5–12× slower, one thread) they are skipped with
// -short, which is how build.sh runs the wasm tests.
//
// Tolerances come from running every experiment with seeds 1–12 and 42
// (see the report in the commit history): where one run's spread is small
// (table000, cnn10, linear000, mlp10) one or two seeds are checked; where
// it is large (stress000: per-run sd 0.02–0.04 of test accuracy; digits64:
// sd 0.043) the mean over several seeds is compared with the seed's
// figure — itself a single draw from such a spread.

func skipLong(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("full experiment: skipped with -short (js/wasm runs)")
	}
}

func TestTable000(t *testing.T) {
	skipLong(t)
	t.Parallel()
	// Seeds 1, 2, 3, 7, 42 gave test accuracies linear 0.966–0.971,
	// vanilla 0.976–0.983, cnn 0.983–0.985; the seed reports 0.969, 0.976,
	// 0.988.
	for _, seed := range []uint64{42, 1} {
		tab := run(t, Table000, seed)
		lin, van, cnn := row(t, tab, "Linear"), row(t, tab, "Vanilla"), row(t, tab, "CNN")
		atLeast(t, "linear test acc", lin.TestAcc, 0.96)
		atLeast(t, "vanilla test acc", van.TestAcc, 0.965)
		atLeast(t, "cnn test acc", cnn.TestAcc, 0.98)
		// Losses: the seed's figure + 0.03 (we measured 0.090–0.099,
		// 0.053–0.073, 0.039–0.053).
		for _, c := range []struct {
			r    Row
			want float64
		}{{lin, 0.095}, {van, 0.069}, {cnn, 0.035}} {
			if c.r.TestLoss > c.want+0.03 {
				t.Errorf("%s test loss %.3f, the seed reports %.3f", c.r.Model, c.r.TestLoss, c.want)
			}
			within(t, c.r.Model+" train − test acc", c.r.TrainAcc-c.r.TestAcc, 0, 0.02)
		}
	}
}

func TestStress000(t *testing.T) {
	skipLong(t)
	t.Parallel()
	// Over seeds 1–12 and 42 one run's test accuracy had mean/sd linear
	// 0.890/0.040, vanilla 0.894/0.029, cnn 0.913/0.021 against the seed's
	// 0.895, 0.893, 0.914. The mean of 8 runs has sd ≈ 0.014; the seed's
	// own figure is one draw (sd 0.02–0.04), so ±0.05 on the mean.
	want := map[string]float64{"Linear": 0.895, "Vanilla": 0.893, "CNN": 0.914}
	test := map[string][]float64{}
	trainAcc := map[string][]float64{}
	for seed := uint64(1); seed <= 8; seed++ {
		tab := run(t, Stress000, seed)
		for m := range want {
			r := row(t, tab, m)
			test[m] = append(test[m], r.TestAcc)
			trainAcc[m] = append(trainAcc[m], r.TrainAcc)
			atLeast(t, m+" test acc of one run", r.TestAcc, 0.75)
		}
	}
	for m, w := range want {
		within(t, m+" mean test acc", mean(test[m]), w, 0.05)
	}
	// The seed's observations: the linear model fits all 1000 noisy
	// samples; training accuracy falls as the model grows (we measured
	// means 0.997, 0.968, 0.834; the seed 1.000, 0.926, 0.821); the CNN
	// tests best.
	atLeast(t, "linear mean train acc", mean(trainAcc["Linear"]), 0.98)
	if !(mean(trainAcc["CNN"]) < mean(trainAcc["Vanilla"]) && mean(trainAcc["Vanilla"]) < mean(trainAcc["Linear"])) {
		t.Errorf("mean train accs linear %.3f, vanilla %.3f, cnn %.3f: want decreasing", mean(trainAcc["Linear"]), mean(trainAcc["Vanilla"]), mean(trainAcc["CNN"]))
	}
	if !(mean(test["CNN"]) > mean(test["Linear"])) {
		t.Errorf("mean test acc cnn %.3f ≤ linear %.3f; the seed finds the CNN about 2%% better", mean(test["CNN"]), mean(test["Linear"]))
	}
}

func TestLinear000(t *testing.T) {
	skipLong(t)
	t.Parallel()
	// Seeds 1, 2, 3, 7, 42: constant η gave train acc 0.943–0.968, loss
	// 0.115–0.200 (the seed: 0.96, 0.137, "wandering between 0.11 and
	// 0.17"); annealed 0.968–0.970 and 0.092–0.097 (the seed: 0.97, 0.087).
	tab := run(t, Linear000, 42)
	c, a := tab.Rows[0], tab.Rows[1]
	within(t, "constant η train acc", c.TrainAcc, 0.96, 0.025)
	within(t, "constant η train loss", c.TrainLoss, 0.14, 0.07)
	within(t, "annealed train acc", a.TrainAcc, 0.97, 0.01)
	within(t, "annealed train loss", a.TrainLoss, 0.087, 0.015)
	if !(a.TrainLoss < c.TrainLoss) {
		t.Errorf("annealed loss %.3f ≥ constant-η loss %.3f; the seed reaches a lower loss by annealing", a.TrainLoss, c.TrainLoss)
	}
}

func TestMLP10(t *testing.T) {
	skipLong(t)
	t.Parallel()
	// Seeds 1, 2, 3: raw test acc 0.689–0.737 (the seed: 0.6768 after 3
	// epochs, "~70%"); normalised 0.922–0.926.
	tab := run(t, MLP10, 42)
	raw, norm := tab.Rows[0], tab.Rows[1]
	if raw.TestAcc < 0.55 || raw.TestAcc > 0.80 {
		t.Errorf("raw pixels: test acc %.3f, want 0.55–0.80 (the seed: 0.677)", raw.TestAcc)
	}
	atLeast(t, "normalised test acc", norm.TestAcc, 0.90)
	// The seed's per-epoch printout: 0.0979 before training (a random
	// guess), then 0.6995, 0.6920, 0.6768; we measured 0.093, 0.705,
	// 0.711, 0.699 with seed 42. The Notes carry ours.
	var accs []float64
	for i, p := range tab.History[raw.Model] {
		accs = append(accs, p.TestAcc)
		if p.Samples != int64(i*60000) {
			t.Errorf("history point %d at %d samples, want %d", i, p.Samples, i*60000)
		}
	}
	if len(accs) != 4 {
		t.Fatalf("per-epoch accuracies %v, want 4 (before training and after each epoch)", accs)
	}
	within(t, "raw test acc before training", accs[0], 0.1, 0.05)
	for e, a := range accs[1:] {
		within(t, fmt.Sprintf("raw test acc after epoch %d", e+1), a, 0.69, 0.1)
	}
}

func TestCNN10(t *testing.T) {
	skipLong(t)
	t.Parallel()
	// Seeds 1, 2, 3, 7, 42: train 0.841–0.862, test 0.756–0.785 (the
	// seed: 0.851 and 0.77).
	for _, seed := range []uint64{42, 1, 2} {
		r := row(t, run(t, CNN10, seed), "cnn10")
		within(t, "cnn10 train acc", r.TrainAcc, 0.851, 0.07)
		within(t, "cnn10 test acc", r.TestAcc, 0.77, 0.07)
	}
}

func TestCNN10Tanh(t *testing.T) {
	skipLong(t)
	t.Parallel()
	// The seed reports train 0.977, test 0.766. Our faithful set-up fits
	// the 1000 images completely and generalises better: seeds 1, 2, 3, 7,
	// 42 gave train 1.000 and test 0.871–0.886 — outside 0.766 ± 0.07.
	// The seed's own library (its x reshaped to (N,1,28,28) for an
	// input_shape of (28,28,1)) cannot be reproduced, so the test asks for
	// at least the seed's figures minus 0.07 and for the seed's summary.
	tab := run(t, CNN10Tanh, 42)
	r := row(t, tab, "cnn10-tanh")
	atLeast(t, "cnn10-tanh train acc", r.TrainAcc, 0.93)
	atLeast(t, "cnn10-tanh test acc", r.TestAcc, 0.766-0.07)
	if r.TestAcc > r.TrainAcc {
		t.Errorf("test acc %.3f above train acc %.3f", r.TestAcc, r.TrainAcc)
	}
	// The seed's summary: conv (3,3,1,9) with 90 parameters, dense 1521→10
	// with 15220, total 15310.
	for _, want := range []string{"15,310", "(26, 26, 9)", "(13, 13, 9)", "1521"} {
		if !strings.Contains(tab.Summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, tab.Summary)
		}
	}
}

func TestDigits64(t *testing.T) {
	skipLong(t)
	t.Parallel()
	// One run's test accuracy varies with the seed (split and init): over
	// seeds 1–12 and 42, mean 0.818, sd 0.043, range 0.753–0.883; the
	// seed's 0.850 is one such draw. So: the mean of 10 runs within 0.07
	// of 0.85 and every run above 0.70.
	var accs []float64
	for seed := uint64(1); seed <= 10; seed++ {
		r := row(t, run(t, Digits64, seed), "digits64")
		accs = append(accs, r.TestAcc)
		atLeast(t, "digits64 test acc of one run", r.TestAcc, 0.70)
	}
	within(t, "digits64 mean test acc", mean(accs), 0.85, 0.07)
}

func TestProgressReports(t *testing.T) {
	t.Parallel()
	var got []Status
	_, err := Digits64(testData, Config{Seed: 1, Epochs: 20, Progress: func(s Status) { got = append(got, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no progress reports")
	}
	last := -1.0
	for _, s := range got {
		if s.Frac < last || s.Experiment != "digits64" || s.Model != "digits64" {
			t.Fatalf("report %+v after frac %v", s, last)
		}
		last = s.Frac
	}
	if end := got[len(got)-1]; end.Frac != 1 || end.Samples != 20*1437 {
		t.Errorf("last report %+v, want frac 1 after 20×1437 samples", end)
	}
}

func TestRunModel(t *testing.T) {
	t.Parallel()
	mc, err := ModelDefaults("digits64")
	if err != nil {
		t.Fatal(err)
	}
	if mc.Task != "digits8" || mc.Batch != 0 || mc.Epochs != 100 || mc.LR != 0.1 || mc.Opt != "sgd" {
		t.Errorf("ModelDefaults(digits64) = %+v", mc)
	}
	mc.Epochs, mc.Opt, mc.LR, mc.Batch = 10, "adam", 0.01, 16
	tab, err := RunModel(testData, mc, Config{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	r := row(t, tab, "digits64")
	atLeast(t, "digits64 with adam, 10 epochs: test acc", r.TestAcc, 0.85)
	if !strings.Contains(tab.Summary, "adam η=0.01") || !strings.Contains(tab.Summary, "1437 train / 360 test") {
		t.Errorf("summary lacks the settings:\n%s", tab.Summary)
	}
	for _, tc := range []struct {
		desc   string
		change func(*ModelConfig)
		option string
	}{
		{"wrong task", func(m *ModelConfig) { m.Task = "4v9" }, "task"},
		{"unknown preset", func(m *ModelConfig) { m.Preset = "resnet" }, "preset"},
		{"a scene's network, not a preset", func(m *ModelConfig) { m.Preset = "ring" }, "preset"},
		{"endless", func(m *ModelConfig) { m.Epochs, m.Steps = 0, 0 }, "steps"},
		{"negative noise", func(m *ModelConfig) { m.Noise = -1 }, "noise"},
		{"unknown optimiser", func(m *ModelConfig) { m.Opt = "lbfgs" }, "opt"},
	} {
		c := mc
		tc.change(&c)
		_, err := RunModel(testData, c, Config{Seed: 1})
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Option != tc.option {
			t.Errorf("%s: RunModel = %v, want a *ConfigError on %s", tc.desc, err, tc.option)
		}
	}
}

func TestByName(t *testing.T) {
	t.Parallel()
	for _, x := range All() {
		if y, err := ByName(x.Name); err != nil || y.Name != x.Name {
			t.Errorf("ByName(%s) = %v, %v", x.Name, y.Name, err)
		}
	}
	var ue *UnknownError
	if _, err := ByName("table001"); !errors.As(err, &ue) || !strings.Contains(err.Error(), "table000") {
		t.Errorf("ByName(table001) = %v, want an *UnknownError listing the names", err)
	}
}

func TestMissingMNIST(t *testing.T) {
	t.Setenv("DIGITLAB_MNIST_DIR", t.TempDir())
	_, _, err := NewData().MNIST()
	if !errors.Is(err, datasets.ErrMNISTNotFound) || !strings.Contains(err.Error(), "go mod download") {
		t.Errorf("MNIST with an empty DIGITLAB_MNIST_DIR: %v, want ErrMNISTNotFound with how to get it", err)
	}
	if _, err := Table000(NewData(), Config{Seed: 1}); !errors.Is(err, datasets.ErrMNISTNotFound) {
		t.Errorf("Table000 without data: %v", err)
	}
}

// TestRunSchedule: the CLI keeps the preset's decay and stretches it over
// the run it is given (steps, or epochs of ⌈n/batch⌉ steps), with its own η and T.
func TestRunSchedule(t *testing.T) {
	t.Parallel()
	plain, err := train.RecipeFor("digits64")
	if err != nil {
		t.Fatal(err)
	}
	decayed := plain // a preset with a decay and a warm-up, whatever best becomes
	decayed.Decay, decayed.Warmup, decayed.Steps = "linear", 10, 500
	for _, tc := range []struct {
		desc  string
		p     train.Recipe
		mc    ModelConfig
		n     int
		total int
	}{
		{"steps", decayed, ModelConfig{LR: 0.01, AnnealT: 50, Batch: 16, Steps: 700}, 60000, 700},
		{"epochs of 16", decayed, ModelConfig{LR: 0.01, Batch: 16, Epochs: 2}, 1000, 2 * 63},
		{"full batch", decayed, ModelConfig{LR: 0.01, Batch: 0, Epochs: 5}, 1000, 5},
		{"no decay", plain, ModelConfig{LR: 0.01, Batch: 0, Epochs: 5}, 1000, 0},
	} {
		sc := runSchedule(tc.p, tc.mc, tc.n)
		if sc.LR != tc.mc.LR || sc.AnnealT != tc.mc.AnnealT || sc.Decay != tc.p.Decay || sc.Total != tc.total || sc.Warmup != tc.p.Warmup {
			t.Errorf("%s: runSchedule = %+v, want η %g, T %g, decay %q over %d steps", tc.desc, sc, tc.mc.LR, tc.mc.AnnealT, tc.p.Decay, tc.total)
		}
	}
}
