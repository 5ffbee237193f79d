package digitsview

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"digitlab/excerpt"
	"digitlab/kit/ui"
	"digitlab/nn"
	"digitlab/train"
)

// Tasks are the data sets the trainer offers, by URL value: MNIST 4 vs 9
// (seed 000), all ten MNIST digits (001, 002, best), the 8×8 digits (003).
var Tasks = []string{"4v9", "10", "digits8"}

// TaskTitles are the tasks' labels on screen, in the order of Tasks.
var TaskTitles = []string{"4 vs 9", "0-9", "8x8"}

// taskData maps a task to train.Recipe.Data.
var taskData = map[string]string{"4v9": "mnist-4-9", "10": "mnist", "digits8": "digits8x8"}

// taskAliases accepts other spellings of a task in the URL.
var taskAliases = map[string]string{
	"4v9": "4v9", "4-9": "4v9", "49": "4v9", "binary": "4v9",
	"10": "10", "0-9": "10", "mnist": "10", "mnist10": "10", "all": "10",
	"digits8": "digits8", "8x8": "digits8", "digits8x8": "digits8", "digits64": "digits8",
}

// defaultModel is the model each task starts with.
var defaultModel = map[string]string{"4v9": "linear", "10": "best", "digits8": "digits64"}

// Opts are the optimisers by URL value.
var Opts = []string{"sgd", "momentum", "adam"}

// BatchValues are the batch sizes the slider offers; 0 means full batch.
var BatchValues = []int{1, 2, 4, 8, 16, 32, 64, 128, 256, 0}

// Ranges of the numeric options (URL, JS set and sliders agree).
const (
	LRMin, LRMax        = 1e-5, 1000.0
	AnnealMax           = 1e6
	BatchMax            = 4096
	TrainNMin           = 10
	NoiseMax            = 3.0
	EvalEveryMin        = 1
	EvalEveryMax        = 1_000_000
	StepsMax            = 10_000_000
	DefaultSeed  uint64 = 42
)

// Keys are the options of the Digits scene (URL query and digitlab.set),
// in the order they are applied: task and model first, because choosing a
// model resets the others to its seed's values.
var Keys = []string{"task", "model", "opt", "lr", "anneal", "batch", "trainsize", "noise", "raw", "seed", "evalevery", "steps"}

// ModelsFor returns the names of the presets whose recipes train on task,
// in the order of nn.Presets (seed presets first, then ours). Unknown
// task: nil.
func ModelsFor(task string) []string {
	data, ok := taskData[task]
	if !ok {
		return nil
	}
	var out []string
	for _, r := range train.Recipes() {
		if r.Data == data {
			out = append(out, r.Model)
		}
	}
	return out
}

// TaskOf returns the task a preset trains on, or "" if it is not a
// preset.
func TaskOf(model string) string {
	r, err := train.RecipeFor(model)
	if err != nil {
		return ""
	}
	for t, d := range taskData {
		if r.Data == d {
			return t
		}
	}
	return ""
}

// Config is everything that decides a training run: the task, the model
// and its training set-up. Model's recipe gives the defaults; every other
// field may override them. A Config is plain data (compare with ==).
type Config struct {
	Task  string // one of Tasks
	Model string // a preset that fits Task
	Opt   string // one of Opts
	// LR is η; AnnealT is T of η·T/(T+t), 0 = constant.
	LR, AnnealT float64
	// Batch is the mini-batch size, 1 = per-sample SGD, 0 = full batch.
	Batch int
	// TrainN limits the training set, 0 = all of it.
	TrainN int
	// Noise is σ of the Gaussian noise added to the training images
	// (seed 000's stress test uses 1 on 1000 images), 0 = none.
	Noise float64
	// Raw trains on raw pixel values (0..255, 0..16) instead of 0..1.
	Raw bool
	// Seed seeds the initial weights, the shuffles and the noise.
	Seed uint64
	// EvalEvery is the number of training steps between two evaluations
	// of the test set, 0 = automatic (about 25 points over the run).
	EvalEvery int
	// Steps is the run's length in optimiser steps, 0 = the recipe's.
	Steps int
	// Race is "" for a run of its own. For a lane of a race (race.go) it
	// lists the race's models in lane order, each once: the lane then
	// follows seed 000's protocol, one random stream PCG(Seed, 0) that
	// shuffles the training and the test set, cuts and noises the
	// training set, and then draws the initial weights of each model of
	// Race in turn (this lane's model's are its own), so that a race of
	// linear, vanilla and cnn trains exactly the models of the command
	// line's run table000. It is not an option of the URL.
	Race string
}

// Default returns the configuration of task's default model (an unknown
// task gives 4 vs 9).
func Default(task string) Config {
	if _, ok := taskData[task]; !ok {
		task = "4v9"
	}
	c, err := ForModel(task, defaultModel[task])
	if err != nil {
		panic("digitsview: default model does not exist: " + err.Error())
	}
	return c
}

// ForModel returns the configuration that reproduces the preset model's
// seed experiment on task. It returns an *ui.OptionError if model is not a
// preset or does not fit task.
func ForModel(task, model string) (Config, error) {
	r, err := train.RecipeFor(model)
	if err != nil || r.Data != taskData[task] {
		return Config{}, &ui.OptionError{Key: "model", Value: model,
			Msg: fmt.Sprintf("not a model for task %s; choose one of %s", task, strings.Join(ModelsFor(task), ", "))}
	}
	return Config{Task: task, Model: model, Opt: r.Opt, LR: r.LR, AnnealT: r.AnnealT, Batch: r.Batch,
		TrainN: r.TrainN, Raw: !r.Normalize, Seed: DefaultSeed}, nil
}

// Validate checks a configuration that comes from outside (a message from
// the page): a known task, a model that fits it, a known optimiser and
// every number within the range Apply accepts.
func (c Config) Validate() error {
	bad := func(k, msg string) error { return &ui.OptionError{Key: k, Value: c.Values()[k], Msg: msg} }
	if _, ok := taskData[c.Task]; !ok {
		return bad("task", "unknown task; choose one of "+strings.Join(Tasks, ", "))
	}
	if _, err := ForModel(c.Task, c.Model); err != nil {
		return err
	}
	switch {
	case !slices.Contains(Opts, c.Opt):
		return bad("opt", "unknown optimiser; choose one of "+strings.Join(Opts, ", "))
	case !(c.LR >= LRMin && c.LR <= LRMax):
		return bad("lr", fmt.Sprintf("η must be in [%g, %g]", LRMin, LRMax))
	case !(c.AnnealT >= 0 && c.AnnealT <= AnnealMax):
		return bad("anneal", fmt.Sprintf("T must be in [0, %g]", AnnealMax))
	case c.Batch < 0 || c.Batch > BatchMax:
		return bad("batch", fmt.Sprintf("batch must be in [0, %d]", BatchMax))
	case c.TrainN < 0 || c.TrainN > 60000 || (c.TrainN > 0 && c.TrainN < TrainNMin):
		return bad("trainsize", fmt.Sprintf("at least %d images (0 = all)", TrainNMin))
	case !(c.Noise >= 0 && c.Noise <= NoiseMax):
		return bad("noise", fmt.Sprintf("σ must be in [0, %g]", NoiseMax))
	case c.EvalEvery < 0 || c.EvalEvery > EvalEveryMax:
		return bad("evalevery", fmt.Sprintf("must be in [0, %d]", EvalEveryMax))
	case c.Steps < 0 || c.Steps > StepsMax:
		return bad("steps", fmt.Sprintf("must be in [0, %d]", StepsMax))
	}
	if c.Race != "" {
		models := strings.Split(c.Race, ",")
		for i, m := range models {
			if _, err := ForModel(c.Task, m); err != nil || slices.Contains(models[:i], m) || len(models) > MaxLanes {
				return fmt.Errorf("digits: race %s: want up to %d different models of task %s", excerpt.Quote(c.Race), MaxLanes, c.Task)
			}
		}
		if !slices.Contains(models, c.Model) {
			return fmt.Errorf("digits: race %s has no lane of model %s", excerpt.Quote(c.Race), c.Model)
		}
	}
	return nil
}

// Preset returns the model's preset (its architecture and where it comes
// from).
func (c Config) Preset() nn.Preset {
	p, err := nn.PresetByName(c.Model)
	if err != nil {
		panic("digitsview: Config with unknown model " + c.Model)
	}
	return p
}

// Recipe returns the model's training recipe with the configuration's
// overrides applied (optimiser, η, T, batch, training-set size,
// normalisation).
func (c Config) Recipe() train.Recipe {
	p, err := train.RecipeFor(c.Model)
	if err != nil {
		panic("digitsview: Config with unknown model " + c.Model)
	}
	if c.Opt != p.Opt {
		// The preset's β's belong to its own optimiser; use the usual ones.
		switch c.Opt {
		case "momentum":
			p.Beta1 = 0.9
		case "adam":
			p.Beta1, p.Beta2, p.Eps = 0.9, 0.999, 1e-7
		}
	}
	p.Opt, p.LR, p.AnnealT, p.Batch, p.TrainN, p.Normalize = c.Opt, c.LR, c.AnnealT, c.Batch, c.TrainN, !c.Raw
	if c.Steps > 0 {
		p.Steps, p.Epochs = c.Steps, 0
	}
	return p
}

// NewModel returns the configuration's model with the initial weights of
// its seed, as the page builds it.
func (c Config) NewModel() (*nn.Model, error) {
	return nn.NewPreset(c.Model, rand.New(rand.NewPCG(c.Seed, 0x5eed)))
}

// TrainConfig is how the page trains the model: the recipe with the
// configuration's overrides (Recipe().Config()), shuffled by its seed.
// The page adds only how often it evaluates, which changes no weight.
func (c Config) TrainConfig() train.Config {
	tc := c.Recipe().Config()
	tc.Seed = c.Seed
	return tc
}

// Classes is the number of classes of the task: 2 for 4 vs 9, else 10.
func (c Config) Classes() int {
	if c.Task == "4v9" {
		return 2
	}
	return 10
}

// Apply sets the options (URL query or digitlab.set values, as strings):
// task, then model (which resets every training option to its preset's
// value), then the rest. A task without a model that fits picks the
// task's default model. Invalid values and unknown keys yield
// *ui.OptionError and keep the current value; the others still apply.
// It reports whether the model or task changed (a new network is needed).
func (c *Config) Apply(opts map[string]string) (newModel bool, errs []error) {
	known := map[string]bool{}
	for _, k := range Keys {
		known[k] = true
	}
	for _, k := range ui.SortedKeys(opts) {
		if !known[k] {
			errs = append(errs, ui.UnknownKey("digits", k, opts[k], Keys))
		}
	}
	if v, ok := opts["task"]; ok {
		t, ok := taskAliases[strings.ToLower(strings.TrimSpace(v))]
		switch {
		case !ok:
			errs = append(errs, &ui.OptionError{Key: "task", Value: v,
				Msg: "unknown task; choose one of " + strings.Join(Tasks, ", ") + ", kept " + c.Task})
		case t != c.Task:
			if _, has := opts["model"]; !has || TaskOf(opts["model"]) != t {
				*c = Default(t)
			} else {
				c.Task = t
			}
			newModel = true
		}
	}
	if v, ok := opts["model"]; ok {
		m := strings.ToLower(strings.TrimSpace(v))
		nc, err := ForModel(c.Task, m)
		if err != nil {
			errs = append(errs, err)
		} else if nc.Model != c.Model || newModel {
			nc.Seed, nc.EvalEvery, nc.Steps = c.Seed, c.EvalEvery, c.Steps
			// The model brings its recipe (η, optimiser, batch, length,
			// images, its pixels); raw pixels and noise the student
			// changed from the last model's stay.
			if old, err := ForModel(c.Task, c.Model); err == nil {
				if c.Raw != old.Raw {
					nc.Raw = c.Raw
				}
				if c.Noise != old.Noise {
					nc.Noise = c.Noise
				}
			}
			*c = nc
			newModel = true
		}
	}
	for _, k := range Keys[2:] {
		v, ok := opts[k]
		if !ok {
			continue
		}
		if err := c.set(k, v); err != nil {
			errs = append(errs, err)
		}
	}
	return newModel, errs
}

func (c *Config) set(k, v string) error {
	switch k {
	case "opt":
		i, err := ui.ParseChoice(k, v, Opts)
		if err == nil {
			c.Opt = Opts[i]
		}
		return err
	case "lr":
		x, err := ui.ParseFloat(k, v, LRMin, LRMax)
		if err == nil {
			c.LR = x
		}
		return err
	case "anneal":
		x, err := ui.ParseFloat(k, v, 0, AnnealMax)
		if err == nil {
			c.AnnealT = x
		}
		return err
	case "batch":
		if s := strings.ToLower(strings.TrimSpace(v)); s == "full" || s == "all" {
			c.Batch = 0
			return nil
		}
		x, err := ui.ParseInt(k, v, 0, BatchMax)
		if err == nil {
			c.Batch = x
		}
		return err
	case "trainsize":
		if s := strings.ToLower(strings.TrimSpace(v)); s == "all" {
			c.TrainN = 0
			return nil
		}
		x, err := ui.ParseInt(k, v, 0, 60000)
		if err == nil && x != 0 && x < TrainNMin {
			err = &ui.OptionError{Key: k, Value: v, Msg: fmt.Sprintf("at least %d images (0 = all), kept the current value", TrainNMin)}
		}
		if err == nil {
			c.TrainN = x
		}
		return err
	case "noise":
		x, err := ui.ParseFloat(k, v, 0, NoiseMax)
		if err == nil {
			c.Noise = x
		}
		return err
	case "raw":
		b, err := ui.ParseBool(k, v)
		if err == nil {
			c.Raw = b
		}
		return err
	case "seed":
		x, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return &ui.OptionError{Key: k, Value: v, Msg: "not a whole number ≥ 0, kept the current value"}
		}
		c.Seed = x
		return nil
	case "evalevery":
		x, err := ui.ParseInt(k, v, 0, EvalEveryMax)
		if err == nil {
			c.EvalEvery = x
		}
		return err
	case "steps":
		x, err := ui.ParseInt(k, v, 0, StepsMax)
		if err == nil {
			c.Steps = x
		}
		return err
	}
	panic("digitsview: set of unknown key " + k)
}

// Values returns the options as the strings Apply accepts, for the URL and
// for status().
func (c Config) Values() map[string]string {
	return map[string]string{
		"task": c.Task, "model": c.Model, "opt": c.Opt,
		"lr": strconv.FormatFloat(c.LR, 'g', -1, 64), "anneal": strconv.FormatFloat(c.AnnealT, 'g', -1, 64),
		"batch": strconv.Itoa(c.Batch), "trainsize": strconv.Itoa(c.TrainN),
		"noise": strconv.FormatFloat(c.Noise, 'g', -1, 64), "raw": strconv.FormatBool(c.Raw),
		"seed": strconv.FormatUint(c.Seed, 10), "evalevery": strconv.Itoa(c.EvalEvery),
		"steps": strconv.Itoa(c.Steps),
	}
}

// BatchText is the batch size for display: "full" for 0.
func BatchText(b int) string {
	if b == 0 {
		return "full"
	}
	return strconv.Itoa(b)
}

// Baseline is the dummy predictor's loss: the fifty-fifty coin of seed 000
// generalised to k classes, log k (log 2 ≈ 0.693, log 10 ≈ 2.303).
func Baseline(k int) float64 { return math.Log(float64(k)) }

// Chance is the accuracy of guessing: 1/k.
func Chance(k int) float64 { return 1 / float64(k) }
