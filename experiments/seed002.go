package experiments

import (
	"fmt"

	"digitlab/datasets"
	"digitlab/nn"
	"digitlab/train"
)

// CNN10 is seed 002's first model (victorzhou's): conv 3×3×9 → maxpool →
// dense 1521→10 softmax on the first 1000 training and 1000 test images
// (/255), per-sample SGD η = 0.001 for 3 epochs, reshuffled every epoch.
func CNN10(d *Data, c Config) (*Table, error) {
	r := newRand(c.Seed)
	tr, te, err := d.Ten(1000, 1000, true)
	if err != nil {
		return nil, err
	}
	rows, _, run, err := runSteps("cnn10", c, r, []step{{label: "cnn10", preset: "cnn10", cfg: presetConfig("cnn10"), tr: tr, te: te}})
	if err != nil {
		return nil, err
	}
	return &Table{Name: "cnn10", Title: "conv 3×3×9 → maxpool 2 → softmax, 1000/1000 images", Seed: "002", Rows: rows,
		Want: []Row{{"cnn10", 0.851, nan, 0.77, nan}}, Notes: []string{run.note()}}, nil
}

// CNN10Tanh is seed 002's second model: conv 3×3×9 with bias → tanh →
// maxpool → flatten → dense 10 softmax, glorot-uniform, Adam η = 0.01,
// batch 32, 20 epochs on the same 1000/1000 images; the table carries its
// layer summary.
func CNN10Tanh(d *Data, c Config) (*Table, error) {
	r := newRand(c.Seed)
	tr, te, err := d.Ten(1000, 1000, true)
	if err != nil {
		return nil, err
	}
	rows, sessions, run, err := runSteps("cnn10-tanh", c, r, []step{{label: "cnn10-tanh", preset: "cnn10-tanh", cfg: presetConfig("cnn10-tanh"), tr: tr, te: te}})
	if err != nil {
		return nil, err
	}
	return &Table{Name: "cnn10-tanh", Title: "conv 3×3×9+bias → tanh → maxpool 2 → softmax, Adam, 1000/1000 images", Seed: "002", Rows: rows,
		Want:    []Row{{"cnn10-tanh", 0.977, nan, 0.766, nan}},
		Summary: sessions[0].Model.Summary(),
		Notes: []string{"the seed's last epoch reports cost 0.1272, accuracy 0.9770, precision 0.9768 (running over that epoch); its summary counts 15310 parameters",
			precisionNote(sessions[0].Model, tr, te), run.note()}}, nil
}

// precisionNote gives seed 002's macro precision on both sets.
func precisionNote(m *nn.Model, tr, te *datasets.Set) string {
	a, b := train.Evaluate(m, tr), train.Evaluate(m, te)
	return fmt.Sprintf("macro precision: training %.4f, testing %.4f", a.Precision(10), b.Precision(10))
}
