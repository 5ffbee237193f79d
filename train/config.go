package train

import (
	"fmt"
	"math"
	"slices"

	"digitlab/excerpt"
	"digitlab/nn"
)

// Data is a labelled data set as *datasets.Set provides it.
type Data interface {
	Len() int
	// Sample writes sample i into dst (resliced, allocating only when
	// cap(dst) is too small) and returns it.
	Sample(dst []float32, i int) []float32
	// Label returns the class index of sample i.
	Label(i int) int
}

// Order is the order in which training samples are visited.
type Order int

const (
	// Cycle visits the samples in the data's own order, epoch after
	// epoch, as seed 000's next_training_example (shuffle the set once
	// beforehand, as its preprocess does).
	Cycle Order = iota
	// Shuffle draws a new permutation at the start of every epoch from the
	// session's seeded source, as seed 002's np.random.permutation.
	Shuffle
)

func (o Order) String() string {
	if o == Shuffle {
		return "shuffle"
	}
	return "cycle"
}

// Config is what a Session trains with.
type Config struct {
	// Opt is "sgd", "momentum" or "adam".
	Opt string
	// Beta1 is momentum's β or Adam's β1 (0 means 0.9); Beta2 and Eps are
	// Adam's (0 means 0.999 and 1e-7, Keras's defaults).
	Beta1, Beta2, Eps float64
	// Schedule gives the learning rate of optimiser step t:
	// LR·T/(T+t), constant when AnnealT is 0, times its warm-up and
	// decay (nn.Schedule; a Decay falls to 0 at step Schedule.Total).
	Schedule nn.Schedule
	// Batch is the mini-batch size: 1 takes a step after every sample
	// (the seeds' per-sample SGD), N averages the gradients of N samples,
	// 0 is the whole training set (full-batch gradient descent, seed 003).
	// A batch never straddles two epochs: the last batch of an epoch may
	// be smaller and is averaged over its own size (as Keras does).
	Batch int
	// Epochs or Steps ends training: after Epochs passes over the data, or
	// after Steps optimiser steps. When both are set the first reached
	// wins; when both are 0 training never ends.
	Epochs, Steps int
	// Order of the training samples; Seed seeds the shuffles.
	Order Order
	Seed  uint64
	// Window is the number of recent training samples that the running
	// loss and accuracy average over (0 means 1000).
	Window int
	// EvalEvery starts a test evaluation every EvalEvery training samples
	// (and at 0 and at the end); 0 means never. EvalN limits it to the
	// first EvalN test samples (0 = all of them).
	EvalEvery, EvalN int
	// FullEvery makes some evaluation points judge the whole test set
	// even when EvalN limits the others. Counting the point at 0 samples
	// as point 0, they are points 1, 1+FullEvery, 1+2·FullEvery, … and
	// the point at the end of training. 0 = none beyond EvalN. Every
	// point that judges the whole test set (every point when EvalN is 0
	// or at least the test set's size) also records the predictions and
	// the mistakes (Session.Full).
	FullEvery int
	// Mistakes is how many misclassified test samples a full evaluation
	// keeps, the first in index order (0 = none).
	Mistakes int
	// SkipBelow is selective backprop: a training sample whose loss is
	// under it is only run forward (it still counts in its batch, with a
	// zero gradient), and a batch in which every sample was skipped takes
	// no optimiser step (its step is still counted for the schedule).
	// 0 back-propagates every sample.
	SkipBelow float64
	// Shift is data augmentation for image inputs: each training image
	// is moved by up to Shift pixels across and down (each drawn
	// uniformly from −Shift..Shift by the session's seeded source), zeros
	// filling in. 0 feeds the images as they are.
	Shift int
}

// ConfigError is a configuration that cannot train.
type ConfigError struct {
	Field string
	Msg   string
}

func (e *ConfigError) Error() string { return "train: " + e.Field + ": " + e.Msg }

// newOptimizer returns c's optimiser for n parameters, with the default
// constants for the ones c leaves 0 (the one place that builds an
// optimiser from a name), or a *ConfigError for an unknown name.
func (c *Config) newOptimizer(n int) (nn.Optimizer, error) {
	b1 := c.Beta1
	if b1 == 0 {
		b1 = 0.9
	}
	switch c.Opt {
	case "sgd":
		return nn.NewSGD(), nil
	case "momentum":
		return nn.NewMomentum(n, float32(b1)), nil
	case "adam":
		b2, eps := c.Beta2, c.Eps
		if b2 == 0 {
			b2 = 0.999
		}
		if eps == 0 {
			eps = 1e-7
		}
		return nn.NewAdam(n, float32(b1), float32(b2), float32(eps)), nil
	}
	return nil, &ConfigError{"Opt", fmt.Sprintf("unknown optimiser %s (want sgd, momentum or adam)", excerpt.Quote(c.Opt))}
}

func (c *Config) validate() error {
	switch {
	case !(c.Schedule.LR >= 0) || math.IsInf(c.Schedule.LR, 0):
		return &ConfigError{"LR", fmt.Sprintf("learning rate %g must be a finite number ≥ 0", c.Schedule.LR)}
	case !(c.Schedule.AnnealT >= 0) || math.IsInf(c.Schedule.AnnealT, 0):
		return &ConfigError{"AnnealT", fmt.Sprintf("anneal T %g must be a finite number ≥ 0", c.Schedule.AnnealT)}
	case !slices.Contains(nn.Decays, c.Schedule.Decay):
		return &ConfigError{"Decay", fmt.Sprintf("unknown decay %s (want linear, cosine or none)", excerpt.Quote(c.Schedule.Decay))}
	case c.Schedule.Decay != "" && c.Schedule.Total <= 0:
		return &ConfigError{"Decay", fmt.Sprintf("a %s decay needs the run's length in steps (Total %d must be > 0)", c.Schedule.Decay, c.Schedule.Total)}
	case c.Schedule.Warmup < 0:
		return &ConfigError{"Warmup", fmt.Sprintf("warm-up %d steps must be ≥ 0", c.Schedule.Warmup)}
	case c.Batch < 0:
		return &ConfigError{"Batch", fmt.Sprintf("batch size %d must be ≥ 0 (0 = full batch)", c.Batch)}
	case c.Epochs < 0 || c.Steps < 0:
		return &ConfigError{"Epochs", fmt.Sprintf("epochs %d and steps %d must be ≥ 0", c.Epochs, c.Steps)}
	case c.Window < 0 || c.EvalEvery < 0 || c.EvalN < 0:
		return &ConfigError{"Window", "window, eval-every and eval-n must be ≥ 0"}
	case c.FullEvery < 0:
		return &ConfigError{"FullEvery", fmt.Sprintf("full-every %d points must be ≥ 0 (0 = only as EvalN says)", c.FullEvery)}
	case c.Mistakes < 0:
		return &ConfigError{"Mistakes", fmt.Sprintf("mistakes to keep %d must be ≥ 0", c.Mistakes)}
	case !(c.SkipBelow >= 0) || math.IsInf(c.SkipBelow, 0):
		return &ConfigError{"SkipBelow", fmt.Sprintf("skip-below loss %g must be a finite number ≥ 0", c.SkipBelow)}
	case c.Shift < 0:
		return &ConfigError{"Shift", fmt.Sprintf("shift %d pixels must be ≥ 0", c.Shift)}
	case c.Order != Cycle && c.Order != Shuffle:
		return &ConfigError{"Order", fmt.Sprintf("unknown order %d", c.Order)}
	}
	return nil
}
