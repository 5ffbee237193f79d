package experiments

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"digitlab/datasets"
	"digitlab/excerpt"
	"digitlab/nn"
	"digitlab/train"
)

// Config is what every experiment takes.
type Config struct {
	// Seed seeds everything random: shuffles, initial weights, noise,
	// splits. The CLI's default is 42, as the seeds' np.random.seed(42).
	Seed uint64
	// Steps and Epochs, when > 0, replace the seed's training length (for
	// quick runs; the tests use the seeds' own).
	Steps, Epochs int
	// Progress, if not nil, is called every few thousand samples.
	Progress func(Status)
	// Init, if not nil, is called with each model once it is built, before
	// it trains (the CLI's --load); an error stops the run. Trained, if
	// not nil, is called with each model once it is trained and judged
	// (--save). label is the model's row in the table.
	Init, Trained func(label string, m *nn.Model) error
}

// Status is a progress report.
type Status struct {
	Experiment string
	Model      string  // the model being trained
	Frac       float64 // of the whole experiment's training, 0..1
	Samples    int64   // training samples so far, all models
	Rate       float64 // samples/s of the current model
}

// Experiment is a seed experiment by name.
type Experiment struct {
	Name, Seed, About string
	Run               func(*Data, Config) (*Table, error)
}

var experiments = []Experiment{
	{"table000", "000", "linear, vanilla and cnn on 4 vs 9, T=15001, η=0.01, anneal 4000, momentum 0.9: the test-set table", Table000},
	{"stress000", "000", "the same on 1000 training samples with Gaussian noise (σ=1, clipped to [0,1])", Stress000},
	{"linear000", "000", "the first SGD engine: linear model, per-sample SGD η=0.1, constant and annealed 1000/(1000+t)", Linear000},
	{"mlp10", "001", "784→32→32→10 sigmoid MLP, per-sample SGD η=0.003, 3 epochs, raw pixels (and normalised)", MLP10},
	{"cnn10", "002", "conv 3×3×9 → maxpool → softmax, per-sample SGD η=0.001, 1000/1000 images, 3 epochs", CNN10},
	{"cnn10-tanh", "002", "conv 3×3×9+bias → tanh → maxpool → softmax, Adam 0.01, batch 32, 20 epochs, with its layer summary", CNN10Tanh},
	{"digits64", "003", "64→32 ReLU→10 softmax on 8×8 digits, 80/20 split, full-batch gradient descent η=0.1, 100 epochs", Digits64},
}

// All returns the experiments in the order of the seeds.
func All() []Experiment { return append([]Experiment(nil), experiments...) }

// UnknownError is returned for a name that is not an experiment.
type UnknownError struct{ Name string }

func (e *UnknownError) Error() string {
	names := make([]string, len(experiments))
	for i, x := range experiments {
		names[i] = x.Name
	}
	return fmt.Sprintf("experiments: unknown experiment %s (have %s, model)", excerpt.Quote(e.Name), strings.Join(names, ", "))
}

// ByName returns the experiment called name, or an *UnknownError.
func ByName(name string) (Experiment, error) {
	for _, x := range experiments {
		if x.Name == name {
			return x, nil
		}
	}
	return Experiment{}, &UnknownError{name}
}

// runner trains the sessions of one experiment and reports progress over
// all of them.
type runner struct {
	name    string
	c       Config
	total   float64 // expected training samples of the whole experiment
	done    float64 // samples of the finished sessions
	samples int64
	start   time.Time
}

func newRunner(name string, c Config, total float64) *runner {
	return &runner{name: name, c: c, total: total, start: time.Now()}
}

// expected returns the number of training samples cfg will see on n.
func expected(cfg train.Config, n int) float64 {
	b := cfg.Batch
	if b == 0 || b > n {
		b = n
	}
	var s float64
	if cfg.Steps > 0 {
		s = float64(cfg.Steps) * float64(b)
	}
	if cfg.Epochs > 0 {
		e := float64(cfg.Epochs) * float64(n)
		if s == 0 || e < s {
			s = e
		}
	}
	return s
}

// applyLength puts the Config's overrides of the training length on cfg.
func (c Config) applyLength(cfg *train.Config) {
	if c.Steps > 0 {
		cfg.Steps, cfg.Epochs = c.Steps, 0
	}
	if c.Epochs > 0 {
		cfg.Epochs, cfg.Steps = c.Epochs, 0
	}
	cfg.Seed = c.Seed
}

// train runs s to the end, reporting progress.
func (r *runner) train(model string, s *train.Session, work float64) error {
	for !s.Idle() {
		seen := s.Seen()
		err := s.Step(train.Budget{Samples: 4096, Until: time.Now().Add(200 * time.Millisecond)})
		r.samples += s.Seen() - seen
		if err != nil {
			return fmt.Errorf("%s: %s: %w", r.name, model, err)
		}
		if r.c.Progress != nil {
			f := 1.0
			if r.total > 0 {
				f = min((r.done+s.Progress()*work)/r.total, 1)
			}
			r.c.Progress(Status{Experiment: r.name, Model: model, Frac: f, Samples: r.samples, Rate: s.Rate()})
		}
	}
	r.done += work
	return nil
}

// note returns a line on how long the experiment took.
func (r *runner) note() string {
	el := time.Since(r.start)
	return fmt.Sprintf("trained %d samples in %.1f s (%.0f samples/s, evaluation included)", r.samples, el.Seconds(), float64(r.samples)/el.Seconds())
}

// judgeRow evaluates m on both sets.
func judgeRow(model string, m *nn.Model, tr, te train.Data) Row {
	a := train.Evaluate(m, tr)
	b := train.Evaluate(m, te)
	return Row{Model: model, TrainAcc: a.Acc, TrainLoss: a.Loss, TestAcc: b.Acc, TestLoss: b.Loss}
}

// Names returns the experiment names in the order of All.
func Names() []string {
	out := make([]string, len(experiments))
	for i, x := range experiments {
		out[i] = x.Name
	}
	return out
}

// step is one model to train in an experiment.
type step struct {
	label  string // row name
	preset string
	cfg    train.Config
	tr, te *datasets.Set
	// evalEvery > 0 judges the model on te every so many samples, into
	// the session's History.
	evalEvery int
}

// runSteps trains the steps in order, each model initialised from r just
// before its training (as the seeds do), and returns a row per step and
// the sessions that trained them.
func runSteps(name string, c Config, r *rand.Rand, steps []step) ([]Row, []*train.Session, *runner, error) {
	total := 0.0
	for i := range steps {
		c.applyLength(&steps[i].cfg)
		total += expected(steps[i].cfg, steps[i].tr.Len())
	}
	run := newRunner(name, c, total)
	var rows []Row
	var sessions []*train.Session
	for _, st := range steps {
		m, err := nn.NewPreset(st.preset, r)
		if err != nil {
			return nil, nil, nil, err
		}
		if c.Init != nil {
			if err := c.Init(st.label, m); err != nil {
				return nil, nil, nil, err
			}
		}
		var te train.Data
		if st.evalEvery > 0 {
			te = st.te
			st.cfg.EvalEvery = st.evalEvery
		}
		s, err := train.NewSession(m, st.tr, te, st.cfg)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %s: %w", name, st.label, err)
		}
		if err := run.train(st.label, s, expected(st.cfg, st.tr.Len())); err != nil {
			return nil, nil, nil, err
		}
		rows = append(rows, judgeRow(st.label, m, st.tr, st.te))
		sessions = append(sessions, s)
		if c.Trained != nil {
			if err := c.Trained(st.label, m); err != nil {
				return nil, nil, nil, err
			}
		}
	}
	return rows, sessions, run, nil
}

// presetConfig returns the training set-up of a preset: its recipe's.
func presetConfig(name string) train.Config {
	r, err := train.RecipeFor(name)
	if err != nil {
		panic("experiments: " + err.Error())
	}
	return r.Config()
}

func asConfig(err error, target **train.ConfigError) bool { return errors.As(err, target) }

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }
