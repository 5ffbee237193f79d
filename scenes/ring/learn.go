package ring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"digitlab/nn"
	"digitlab/train"
)

// Labels says which ring labels the training points.
type Labels int

const (
	LabelCircle  Labels = iota // a² ≤ x1²+x2² ≤ b²
	LabelDiamond               // a ≤ |x1|+|x2| ≤ b
)

func (l Labels) String() string {
	if l == LabelDiamond {
		return "L1"
	}
	return "circle"
}

// Arch is a 2→H1→H2→1 ReLU network with a sigmoid head.
type Arch struct{ H1, H2 int }

// Archs are the architectures the Ring scene offers: the seed's shape and
// two wider ones.
var Archs = []Arch{{4, 3}, {8, 8}, {16, 16}}

func (a Arch) String() string { return fmt.Sprintf("2→%d→%d→1", a.H1, a.H2) }

// Opts are the optimiser names LearnConfig.Opt accepts.
var Opts = []string{"sgd", "momentum", "adam"}

// LearnConfig is the set-up of the learned ring detector.
type LearnConfig struct {
	A, B   float64 // ring radii, 0 ≤ A < B
	Labels Labels  // which ring labels the points
	Arch   Arch
	Opt    string  // "sgd", "momentum" (β = 0.9) or "adam"
	LR     float64 // learning rate η
	Batch  int     // samples per update (gradients averaged), 1 = per-sample SGD
	Points int     // training points, uniform in Plane
	Seed   uint64  // fixes initial weights, points and their order
}

// DefaultLearn is the scene's starting set-up: the seed's ring (1, 2),
// 2→8→8→1, SGD η = 0.1, batch 8, 1000 points.
func DefaultLearn() LearnConfig {
	return LearnConfig{A: 1, B: 2, Labels: LabelCircle, Arch: Arch{8, 8}, Opt: "sgd", LR: 0.1, Batch: 8, Points: 1000, Seed: 1}
}

// Limits of LearnConfig that Validate enforces.
const (
	MaxPoints = 20000
	MaxBatch  = 1000
	MaxWidth  = 64
)

// ConfigError reports a LearnConfig field a user set out of range.
type ConfigError struct {
	Field string
	Value any
	Msg   string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("ring: %s = %v: %s", e.Field, e.Value, e.Msg)
}

// Validate returns a *ParamError for bad radii or a *ConfigError for the
// first other field out of range.
func (c LearnConfig) Validate() error {
	if err := Validate(c.A, c.B); err != nil {
		return err
	}
	switch {
	case c.Labels != LabelCircle && c.Labels != LabelDiamond:
		return &ConfigError{"labels", c.Labels, "want circle or L1"}
	case c.Arch.H1 < 1 || c.Arch.H2 < 1 || c.Arch.H1 > MaxWidth || c.Arch.H2 > MaxWidth:
		return &ConfigError{"arch", c.Arch, fmt.Sprintf("hidden widths must be in 1..%d", MaxWidth)}
	case c.Opt != "sgd" && c.Opt != "momentum" && c.Opt != "adam":
		return &ConfigError{"opt", c.Opt, "want sgd, momentum or adam"}
	case !(c.LR > 0) || c.LR > 10 || math.IsInf(c.LR, 0):
		return &ConfigError{"lr", c.LR, "learning rate must be in (0, 10]"}
	case c.Batch < 1 || c.Batch > MaxBatch:
		return &ConfigError{"batch", c.Batch, fmt.Sprintf("batch must be in 1..%d", MaxBatch)}
	case c.Points < 1 || c.Points > MaxPoints:
		return &ConfigError{"points", c.Points, fmt.Sprintf("points must be in 1..%d", MaxPoints)}
	}
	return nil
}

// NewModel builds the 2→H1→H2→1 ReLU network with a sigmoid head and
// initialises it from rng: weights He-normal N(0, 2/fan_in), biases
// uniform in [-0.5, 0.5] so that the first layer's kink lines do not all
// pass through the origin.
func NewModel(a Arch, rng *rand.Rand) (*nn.Model, error) {
	m, err := nn.NewBuilder("ring "+a.String(), nn.Vec(2)).
		Dense(a.H1, true).ReLU().
		Dense(a.H2, true).ReLU().
		Dense(1, true).Build(nn.HeadSigmoid)
	if err != nil {
		return nil, err
	}
	nn.InitNormal(m, rng, nn.He)
	for _, l := range m.Layers() {
		for i := range l.B {
			l.B[i] = float32(rng.Float64() - 0.5)
		}
	}
	return m, nil
}

// Trainer trains a network on sampled ring points with a train.Session:
// Run and RunUntil do a bounded amount of work and return, keeping the
// place in the shuffled epoch, so the page calls them in slices of a
// frame's budget. Neither allocates.
type Trainer struct {
	Cfg   LearnConfig
	Model *nn.Model
	Pts   []Point // training points, labelled by both rings
	Test  []Point // held-out points (as many, at least 500, at most 2000), same distribution

	sess  *train.Session
	data  pointSet
	base  [2]int // steps and epochs of sessions replaced by SetBatch
	in    [2]float32
	testY []int
}

// pointSet is the training points as train.Data: x is (N, 2) row-major,
// y the label of each point under the current ring (1 = in the ring). The
// session reads labels as it goes, so Relabel takes effect at once.
type pointSet struct {
	x []float32
	y []int
}

func (d *pointSet) Len() int { return len(d.y) }
func (d *pointSet) Sample(dst []float32, i int) []float32 {
	return append(dst[:0], d.x[2*i], d.x[2*i+1])
}
func (d *pointSet) Label(i int) int { return d.y[i] }

// NewTrainer validates cfg and returns a trainer with fresh weights and
// points drawn from a generator seeded with cfg.Seed.
func NewTrainer(cfg LearnConfig) (*Trainer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	m, err := NewModel(cfg.Arch, rng)
	if err != nil {
		return nil, err
	}
	t := &Trainer{Cfg: cfg, Model: m}
	t.Pts = Sample(make([]Point, 0, cfg.Points), rng, cfg.Points, Plane)
	t.Test = Sample(nil, rng, min(max(cfg.Points, 500), 2000), Plane)
	t.data.x = make([]float32, 2*cfg.Points)
	for i, p := range t.Pts {
		t.data.x[2*i], t.data.x[2*i+1] = float32(p.X1), float32(p.X2)
	}
	t.data.y = make([]int, cfg.Points)
	t.testY = make([]int, len(t.Test))
	t.Relabel(cfg.A, cfg.B, cfg.Labels)
	if err := t.newSession(); err != nil {
		return nil, err
	}
	return t, nil
}

// newSession starts a session on the model's current weights with the
// config's optimiser, η and batch: samples in a new random order every
// epoch, no test evaluation (Eval does that on demand).
func (t *Trainer) newSession() error {
	s, err := train.NewSession(t.Model, &t.data, nil, train.Config{
		Opt: t.Cfg.Opt, Schedule: nn.Schedule{LR: t.Cfg.LR}, Batch: t.Cfg.Batch,
		Order: train.Shuffle, Seed: t.Cfg.Seed, Window: min(1000, t.Cfg.Points),
	})
	if err != nil {
		return err
	}
	t.sess = s
	return nil
}

// Relabel changes the ring (radii and which norm) the points are labelled
// by, keeping the weights and the training position, so the region can be
// watched adapting. It returns a *ParamError for bad radii (nothing
// changes then).
func (t *Trainer) Relabel(a, b float64, l Labels) error {
	if err := Validate(a, b); err != nil {
		return err
	}
	t.Cfg.A, t.Cfg.B, t.Cfg.Labels = a, b, l
	Label(t.Pts, a, b, a, b)
	Label(t.Test, a, b, a, b)
	for i, p := range t.Pts {
		t.data.y[i] = t.label(p)
	}
	for i, p := range t.Test {
		t.testY[i] = t.label(p)
	}
	return nil
}

func (t *Trainer) label(p Point) int {
	in := p.Circle
	if t.Cfg.Labels == LabelDiamond {
		in = p.Diamond
	}
	if in {
		return 1
	}
	return 0
}

// SetLR changes the learning rate for the following updates; a
// *ConfigError if it is out of range.
func (t *Trainer) SetLR(lr float64) error {
	c := t.Cfg
	c.LR = lr
	if err := c.Validate(); err != nil {
		return err
	}
	if err := t.sess.SetSchedule(nn.Schedule{LR: lr}); err != nil {
		return err
	}
	t.Cfg.LR = lr
	return nil
}

// SetBatch changes the batch size for the following updates; a
// *ConfigError if it is out of range. It continues from the current
// weights in a new session: the optimiser's state (momentum, Adam's
// moments) and the epoch's order start afresh; Steps and Epoch keep
// counting.
func (t *Trainer) SetBatch(n int) error {
	c := t.Cfg
	c.Batch = n
	if err := c.Validate(); err != nil {
		return err
	}
	if n == t.Cfg.Batch {
		return nil
	}
	t.base[0] += t.sess.Steps()
	t.base[1] += t.sess.Epoch()
	t.Cfg.Batch = n
	return t.newSession()
}

// Run trains on the next n samples (an optimiser step after every
// Cfg.Batch of them, and at the end of each epoch). It returns the
// session's *train.DivergedError if the weights stopped being finite;
// training then stays stopped.
func (t *Trainer) Run(n int) error {
	if n <= 0 {
		return nil
	}
	return t.sess.Step(train.Budget{Samples: n})
}

// RunUntil trains until the deadline (checked every few samples).
func (t *Trainer) RunUntil(deadline time.Time) error {
	return t.sess.Step(train.Budget{Until: deadline})
}

// Err is the error that stopped training, if any.
func (t *Trainer) Err() error { return t.sess.Err() }

// Steps is the number of optimiser steps taken.
func (t *Trainer) Steps() int { return t.base[0] + t.sess.Steps() }

// Epoch is the number of completed passes over the training points.
func (t *Trainer) Epoch() int { return t.base[1] + t.sess.Epoch() }

// Seen is the number of training samples used in the current session.
func (t *Trainer) Seen() int64 { return t.sess.Seen() }

// Rate is the training speed in samples per second (see train.Session.Rate).
func (t *Trainer) Rate() float64 { return t.sess.Rate() }

// Running returns the mean loss and accuracy over the last (up to 1000)
// training samples; NaN before the first.
func (t *Trainer) Running() (loss, acc float64) {
	loss, acc, _ = t.sess.Running()
	return loss, acc
}

// Logit returns the network's raw output z at (x1, x2); the predicted region
// is z ≥ 0 (p ≥ ½).
func (t *Trainer) Logit(x1, x2 float64) float64 {
	t.in[0], t.in[1] = float32(x1), float32(x2)
	return float64(t.Model.Forward(t.in[:])[0])
}

// Eval returns the mean cross-entropy and the accuracy (z ≥ 0 means "in",
// the region drawn) on the training points (test false) or the
// held-out points (test true), labelled by the current ring.
func (t *Trainer) Eval(test bool) (loss, acc float64) {
	x, y := t.data.x, t.data.y
	if test {
		x, y = nil, t.testY
	}
	var hit int
	for i := range y {
		if test {
			t.in[0], t.in[1] = float32(t.Test[i].X1), float32(t.Test[i].X2)
		} else {
			t.in[0], t.in[1] = x[2*i], x[2*i+1]
		}
		loss += t.Model.Loss(t.in[:], y[i])
		z := t.Model.Forward(t.in[:])[0]
		if (z >= 0) == (y[i] == 1) {
			hit++
		}
	}
	n := float64(len(y))
	return loss / n, float64(hit) / n
}

// Label returns point p's training label (1 = in the ring) under the
// current ring.
func (t *Trainer) Label(p Point) int { return t.label(p) }
