package experiments

import (
	"math"

	"digitlab/datasets"
	"digitlab/nn"
	"digitlab/train"
)

// Judge000 is seed 000's judge for a binary predictor p(x) = P(digit B):
// the label is B when p > .5, the loss is the mean of −log(p if B else
// 1−p). Class 0 is DIG_A (4), class 1 is DIG_B (9).
func Judge000(p func(x []float32) float64, d train.Data) (acc, loss float64) {
	var x []float32
	n := d.Len()
	for i := range n {
		x = d.Sample(x, i)
		pi := p(x)
		y := d.Label(i)
		pred := 0
		if pi > .5 {
			pred = 1
		}
		if pred == y {
			acc++
		}
		if y == 1 {
			loss -= math.Log(pi)
		} else {
			loss -= math.Log(1 - pi)
		}
	}
	return acc / float64(n), loss / float64(n)
}

var table000Want = []Row{
	{"Linear", 0.970, 0.092, 0.969, 0.095},
	{"Vanilla", 0.978, 0.060, 0.976, 0.069},
	{"CNN", 0.987, 0.039, 0.988, 0.035},
}

var stress000Want = []Row{
	{"Linear", 1.000, 0.012, 0.895, 0.655},
	{"Vanilla", 0.926, 0.286, 0.893, 0.647},
	{"CNN", 0.821, 0.394, 0.914, 0.225},
}

// seed000Steps is the model loop of seed 000's test-set section.
func seed000Steps(tr, te *datasets.Set) []step {
	var out []step
	for i, name := range []string{"linear", "vanilla", "cnn"} {
		out = append(out, step{label: table000Want[i].Model, preset: name, cfg: presetConfig(name), tr: tr, te: te})
	}
	return out
}

// Table000 is seed 000's evaluation on the test set: the 4-vs-9 data
// preprocessed as the seed does (select, normalise, shuffle), then the
// linear, vanilla and cnn models each trained T = 15001 per-sample steps
// cycling through the training set with momentum β = 0.9 and
// η = 0.01·4000/(4000+t), judged on the whole training and test sets.
func Table000(d *Data, c Config) (*Table, error) {
	r := newRand(c.Seed)
	tr, te, err := d.FourNine(r)
	if err != nil {
		return nil, err
	}
	rows, _, run, err := runSteps("table000", c, r, seed000Steps(tr, te))
	if err != nil {
		return nil, err
	}
	return &Table{Name: "table000", Title: "evaluation on the test set, digits 4 vs 9", Seed: "000", Rows: rows, Want: table000Want,
		Notes: []string{lenNote(tr.Len(), te.Len()), run.note()}}, nil
}

// Stress000 is seed 000's stress test: as Table000 but trained on only
// the first 1000 (shuffled) training samples with Gaussian noise added,
// x = clip(x + randn, 0, 1); judged on those 1000 noisy samples and on
// the clean test set.
func Stress000(d *Data, c Config) (*Table, error) {
	r := newRand(c.Seed)
	tr, te, err := d.FourNine(r)
	if err != nil {
		return nil, err
	}
	noisy := tr.Head(1000).AddNoise(r, 1)
	rows, _, run, err := runSteps("stress000", c, r, seed000Steps(noisy, te))
	if err != nil {
		return nil, err
	}
	return &Table{Name: "stress000", Title: "stress test: 1000 noisy training samples, digits 4 vs 9", Seed: "000", Rows: rows, Want: stress000Want,
		Notes: []string{"training columns: the 1000 noisy samples; testing: the clean test set", run.note()}}, nil
}

// Linear000 is seed 000's first SGD engine: the linear model trained per
// sample with plain SGD (no momentum), η = 0.1 constant for 10001 steps,
// then η = 0.1·1000/(1000+t) for 20001 steps (the seed "increases the
// number of epochs" without saying how far), judged on the training set
// as the seed does (and on the test set).
func Linear000(d *Data, c Config) (*Table, error) {
	r := newRand(c.Seed)
	tr, te, err := d.FourNine(r)
	if err != nil {
		return nil, err
	}
	base := train.Config{Opt: "sgd", Batch: 1, Order: train.Cycle}
	constant, annealed := base, base
	constant.Schedule, constant.Steps = nn.Schedule{LR: 0.1}, 10001
	annealed.Schedule, annealed.Steps = nn.Schedule{LR: 0.1, AnnealT: 1000}, 20001
	rows, _, run, err := runSteps("linear000", c, r, []step{
		{label: "Linear η=0.1", preset: "linear", cfg: constant, tr: tr, te: te},
		{label: "Linear η=0.1·1000/(1000+t)", preset: "linear", cfg: annealed, tr: tr, te: te},
	})
	if err != nil {
		return nil, err
	}
	return &Table{Name: "linear000", Title: "the first SGD engine: linear model, per-sample SGD", Seed: "000", Rows: rows,
		Want:  []Row{{"Linear η=0.1", 0.96, 0.137, nan, nan}, {"Linear η=0.1·1000/(1000+t)", 0.97, 0.087, nan, nan}},
		Notes: []string{"the seed prints training figures only; with η constant its loss wanders between 0.11 and 0.17", run.note()}}, nil
}

func lenNote(ntr, nte int) string {
	return "training set " + itoa(ntr) + " samples (the seed asserts |N − 12000| < 500), test set " + itoa(nte)
}
