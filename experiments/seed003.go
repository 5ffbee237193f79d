package experiments

// Digits64 is seed 003's section 8: scikit-learn's 8×8 digits scaled by
// 1/16, an 80/20 hold-out split (1437/360), the 64→32 ReLU→10 softmax
// network initialised with randn·0.1, trained by full-batch gradient
// descent η = 0.1 for 100 epochs.
func Digits64(d *Data, c Config) (*Table, error) {
	r := newRand(c.Seed)
	tr, te, err := d.Digits8(r)
	if err != nil {
		return nil, err
	}
	rows, _, run, err := runSteps("digits64", c, r, []step{{label: "digits64", preset: "digits64", cfg: presetConfig("digits64"), tr: tr, te: te}})
	if err != nil {
		return nil, err
	}
	return &Table{Name: "digits64", Title: "64→32 ReLU→10 on 8×8 digits, full-batch gradient descent", Seed: "003", Rows: rows,
		Want: []Row{{"digits64", nan, nan, 0.850, nan}}, Notes: []string{run.note()}}, nil
}
