package experiments

import (
	"fmt"
	"math"
	"strings"

	"digitlab/datasets"
	"digitlab/excerpt"
	"digitlab/nn"
	"digitlab/train"
)

// Tasks names the data a model trains on.
var Tasks = []string{"4v9", "10", "digits8"}

// ModelConfig is one model's training run with options of the user's
// choosing. Start from ModelDefaults, which gives the preset's recipe.
type ModelConfig struct {
	Preset string
	// Opt is "sgd", "momentum" or "adam"; LR and AnnealT make the
	// schedule η·T/(T+t) (AnnealT 0 = constant).
	Opt         string
	LR, AnnealT float64
	// Batch: 1 per-sample, N mini-batch, 0 full batch. Steps or Epochs
	// (the other 0) is the training length.
	Batch, Steps, Epochs int
	// Task is "4v9" (MNIST 4 vs 9 as seed 000 prepares it), "10" (all ten
	// MNIST digits in their order) or "digits8" (8×8 digits, 80/20 split).
	// It must fit the preset (binary presets take 4v9).
	Task string
	// Noise adds clip(x + Noise·randn, 0, 1) to the training set (seed
	// 000's stress test uses 1); TrainSize and TestSize keep the first so
	// many samples (0 = all); Raw trains on raw pixel values.
	Noise               float64
	TrainSize, TestSize int
	Raw                 bool
	Order               train.Order
}

// ConfigError is an option that cannot work.
type ConfigError struct {
	Option string // e.g. "task"
	Msg    string
}

func (e *ConfigError) Error() string { return "experiments: " + e.Option + ": " + e.Msg }

var taskOfData = map[string]string{"mnist-4-9": "4v9", "mnist": "10", "digits8x8": "digits8"}

// Trainable returns the names of the presets RunModel can train: every
// preset with a recipe on one of the Tasks, in the order of nn.Presets.
func Trainable() []string {
	var out []string
	for _, r := range train.Recipes() {
		if taskOfData[r.Data] != "" {
			out = append(out, r.Model)
		}
	}
	return out
}

// recipe returns the recipe of a trainable preset, or a *ConfigError.
func recipe(preset string) (train.Recipe, error) {
	r, err := train.RecipeFor(preset)
	if err != nil || taskOfData[r.Data] == "" {
		return r, &ConfigError{"preset", fmt.Sprintf("unknown preset %s (trainable: %s)", excerpt.Quote(preset), strings.Join(Trainable(), ", "))}
	}
	return r, nil
}

// ModelDefaults returns the recipe of a preset: its optimiser, schedule,
// batch, order, length, task, data sizes and pixel scaling.
func ModelDefaults(preset string) (ModelConfig, error) {
	r, err := recipe(preset)
	if err != nil {
		return ModelConfig{}, err
	}
	c := r.Config()
	return ModelConfig{Preset: r.Model, Opt: c.Opt, LR: r.LR, AnnealT: r.AnnealT, Batch: r.Batch, Steps: r.Steps, Epochs: r.Epochs,
		Task: taskOfData[r.Data], TrainSize: r.TrainN, TestSize: r.TestN, Raw: !r.Normalize, Order: c.Order}, nil
}

func (mc ModelConfig) validate() (train.Recipe, error) {
	p, err := recipe(mc.Preset)
	if err != nil {
		return p, err
	}
	want := taskOfData[p.Data]
	switch {
	case mc.Task != want:
		return p, &ConfigError{"task", fmt.Sprintf("preset %s trains on task %s, not %s (tasks: %s)", mc.Preset, want, excerpt.Quote(mc.Task), strings.Join(Tasks, ", "))}
	case !(mc.Noise >= 0) || math.IsInf(mc.Noise, 0):
		return p, &ConfigError{"noise", fmt.Sprintf("noise σ %g must be a finite number ≥ 0", mc.Noise)}
	case mc.TrainSize < 0:
		return p, &ConfigError{"train-size", fmt.Sprintf("%d samples: want ≥ 0 (0 = all)", mc.TrainSize)}
	case mc.TestSize < 0:
		return p, &ConfigError{"test-size", fmt.Sprintf("%d samples: want ≥ 0 (0 = all)", mc.TestSize)}
	case mc.Steps < 0 || mc.Epochs < 0:
		return p, &ConfigError{"steps", "steps and epochs must be ≥ 0"}
	case mc.Steps == 0 && mc.Epochs == 0:
		return p, &ConfigError{"steps", "steps and epochs are both 0: training would never end"}
	}
	return p, nil
}

// RunModel trains one preset as mc says and judges it on both sets. The
// table's summary is the model's layer table and the settings.
func RunModel(d *Data, mc ModelConfig, c Config) (*Table, error) {
	p, err := mc.validate()
	if err != nil {
		return nil, err
	}
	r := newRand(c.Seed)
	var tr, te *datasets.Set
	switch mc.Task {
	case "4v9":
		tr, te, err = d.FourNine(r)
	case "10":
		tr, te, err = d.Ten(mc.TrainSize, mc.TestSize, true)
	case "digits8":
		tr, te, err = d.Digits8(r)
	}
	if err != nil {
		return nil, err
	}
	if mc.TrainSize > 0 && mc.TrainSize < tr.Len() {
		tr = tr.Head(mc.TrainSize)
	}
	if mc.TestSize > 0 && mc.TestSize < te.Len() {
		te = te.Head(mc.TestSize)
	}
	if mc.Noise > 0 {
		tr = tr.AddNoise(r, mc.Noise)
	}
	tr.SetNormalized(!mc.Raw)
	te.SetNormalized(!mc.Raw)
	cfg := train.Config{Opt: mc.Opt, Beta1: p.Beta1, Beta2: p.Beta2, Eps: p.Eps, Schedule: runSchedule(p, mc, tr.Len()),
		Batch: mc.Batch, Steps: mc.Steps, Epochs: mc.Epochs, Order: mc.Order}
	rows, models, run, err := runSteps("model", c, r, []step{{label: p.Model, preset: p.Model, cfg: cfg, tr: tr, te: te}})
	if err != nil {
		var ce *train.ConfigError
		if asConfig(err, &ce) {
			return nil, &ConfigError{strings.ToLower(ce.Field), ce.Msg}
		}
		return nil, err
	}
	pix := "normalised"
	if mc.Raw {
		pix = "raw"
	}
	sched := fmt.Sprintf("anneal T=%g", mc.AnnealT)
	if sc := cfg.Schedule; sc.Decay != "" {
		sched += fmt.Sprintf(", %s decay to 0 over %d steps", sc.Decay, sc.Total)
	}
	settings := fmt.Sprintf("%s on %s (%d train / %d test, %s pixels, noise σ=%g), %s η=%g %s, batch %d, %s, order %v, seed %d",
		p.Model, mc.Task, tr.Len(), te.Len(), pix, mc.Noise, mc.Opt, mc.LR, sched, mc.Batch, length(mc), mc.Order, c.Seed)
	model, err := nn.PresetByName(p.Model)
	if err != nil {
		return nil, err
	}
	return &Table{Name: "model", Title: model.About, Seed: model.Seed, Rows: rows, Summary: models[0].Model.Summary() + "\n" + settings,
		Notes: []string{run.note()}}, nil
}

// runSchedule is the recipe's schedule (warm-up, decay) with mc's η and T;
// a decay runs over the whole of mc's run, however long it is given.
func runSchedule(p train.Recipe, mc ModelConfig, trainN int) nn.Schedule {
	sc := p.Schedule()
	sc.LR, sc.AnnealT = mc.LR, mc.AnnealT
	if sc.Decay != "" {
		sc.Total = mc.Steps
		if mc.Steps == 0 {
			perEpoch := 1 // full batch
			if mc.Batch > 0 {
				perEpoch = (trainN + mc.Batch - 1) / mc.Batch
			}
			sc.Total = mc.Epochs * perEpoch
		}
	}
	return sc
}

func length(mc ModelConfig) string {
	if mc.Steps > 0 {
		return fmt.Sprintf("%d steps", mc.Steps)
	}
	return fmt.Sprintf("%d epochs", mc.Epochs)
}
