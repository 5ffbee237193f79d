package digitsview

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"digitlab/datasets"
	"digitlab/nn"
)

// Sources are the data sets the app loads: MNIST (all ten digits) and the
// 8×8 digits. A nil field is not loaded (yet).
type Sources struct {
	Train, Test *datasets.Set // MNIST 60000 / 10000
	Digits      *datasets.Set // scikit-learn's 1797 8×8 digits
}

// DataError says that the task's data is not available (not loaded yet,
// or the download failed).
type DataError struct{ Task, Msg string }

func (e *DataError) Error() string { return "digits: task " + e.Task + ": " + e.Msg }

// Ready reports whether the data of task is loaded.
func (s Sources) Ready(task string) bool {
	if task == "digits8" {
		return s.Digits != nil
	}
	return s.Train != nil && s.Test != nil
}

// Prepared are the sets a configuration trains and tests on.
type Prepared struct {
	Train, Test *datasets.Set
	About       string // "11791 training / 1991 test images, noise σ=1"
	// raceInit is a race lane's random stream where the preparation left
	// it: the initial weights come next (Config.Race); nil otherwise.
	raceInit *rand.PCG
}

// Prepare builds the training and test sets of c from src, as the seeds
// do: 4 vs 9 keeps the fours and nines (class 0 = 4, class 1 = 9) and
// shuffles the training set with the seed (seed 000's preprocess); ten
// digits keep MNIST's order (seeds 001, 002 take the first images); the
// 8×8 digits are split 80/20 with the seed. Then the training set is cut
// to c.TrainN images, Gaussian noise σ = c.Noise is added to it (seed
// 000's stress test, clipped to 0..1), and both sets give raw pixels if
// c.Raw. The preset's TestN limits the test set. The sources are never
// modified.
func Prepare(c Config, src Sources) (Prepared, error) {
	if !src.Ready(c.Task) {
		return Prepared{}, &DataError{c.Task, "the data is not loaded yet"}
	}
	pcg := rand.NewPCG(c.Seed, 0xda7a)
	if c.Race != "" {
		pcg = rand.NewPCG(c.Seed, 0) // seed 000's one stream (Config.Race)
	}
	r := rand.New(pcg)
	var tr, te *datasets.Set
	switch c.Task {
	case "4v9":
		var err error
		if tr, err = src.Train.Select(4, 9); err != nil {
			return Prepared{}, &DataError{c.Task, err.Error()}
		}
		if te, err = src.Test.Select(4, 9); err != nil {
			return Prepared{}, &DataError{c.Task, err.Error()}
		}
		tr.Shuffle(r)
		if c.Race != "" {
			te.Shuffle(r) // as seed 000's preprocess does (the page's own runs keep MNIST's order)
		}
	case "10":
		tr, te = shallow(src.Train), shallow(src.Test)
	case "digits8":
		tr, te = src.Digits.Split(r, 0.2)
	default:
		return Prepared{}, &DataError{c.Task, "unknown task"}
	}
	if c.TrainN > 0 && c.TrainN < tr.Len() {
		tr = tr.Head(c.TrainN)
	}
	if p := c.Recipe(); p.TestN > 0 && p.TestN < te.Len() {
		te = te.Head(p.TestN)
	}
	if c.Noise > 0 {
		tr = tr.AddNoise(r, c.Noise)
	}
	tr, te = shallow(tr), shallow(te)
	tr.SetNormalized(!c.Raw)
	te.SetNormalized(!c.Raw)
	about := fmt.Sprintf("%d training / %d test images", tr.Len(), te.Len())
	if c.Noise > 0 {
		about += fmt.Sprintf(", noise σ=%.2g", c.Noise)
	}
	p := Prepared{Train: tr, Test: te, About: about}
	if c.Race != "" {
		st := *pcg
		p.raceInit = &st
	}
	return p, nil
}

// newModel returns the model of c with its initial weights: from the seed
// (Config.NewModel), or for a race lane from the race's stream after the
// data's preparation p, past the weights of the models before its own.
func newModel(c Config, p Prepared) (*nn.Model, error) {
	if c.Race == "" || p.raceInit == nil {
		return c.NewModel()
	}
	st := *p.raceInit
	r := rand.New(&st)
	for m := range strings.SplitSeq(c.Race, ",") {
		mod, err := nn.NewPreset(m, r)
		if err != nil || m == c.Model {
			return mod, err
		}
	}
	return nil, fmt.Errorf("digits: race %s has no lane of model %s", c.Race, c.Model)
}

// shallow returns a copy of the Set header sharing its pixels, so that
// SetNormalized does not change the app's own sets.
func shallow(s *datasets.Set) *datasets.Set {
	t := *s
	return &t
}
