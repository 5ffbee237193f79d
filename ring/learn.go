package ring

import (
	"fmt"
	"math"
	"math/rand/v2"

	"digitlab/nn"
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

// Trainer trains a network on sampled ring points, resumably: Run(n) does
// n updates and returns, keeping its place in the epoch. It allocates
// nothing per update.
type Trainer struct {
	Cfg   LearnConfig
	Model *nn.Model
	Pts   []Point // training points, labelled by both rings
	Test  []Point // held-out points (as many, at most 2000), same distribution

	opt   nn.Optimizer
	rng   *rand.Rand
	x     []float32 // (N, 2) row-major: x[2i], x[2i+1]
	y     []int     // label of point i under Cfg.Labels (1 = in the ring)
	perm  []int     // visiting order of the current epoch
	pos   int       // next index into perm
	epoch int       // completed epochs
	steps int       // completed updates
	loss  float64   // running mean loss (exponential, ~1 epoch)
	in    [2]float32
	out   []float32
}

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
	t := &Trainer{Cfg: cfg, Model: m, rng: rng, loss: math.NaN(), out: make([]float32, 0, 2)}
	switch cfg.Opt {
	case "sgd":
		t.opt = nn.NewSGD()
	case "momentum":
		t.opt = nn.NewMomentum(len(m.Params), 0.9)
	case "adam":
		t.opt = nn.NewAdam(len(m.Params), 0.9, 0.999, 1e-8)
	}
	t.Pts = Sample(make([]Point, 0, cfg.Points), rng, cfg.Points, Plane)
	t.Test = Sample(nil, rng, min(max(cfg.Points, 500), 2000), Plane)
	t.x = make([]float32, 2*cfg.Points)
	for i, p := range t.Pts {
		t.x[2*i], t.x[2*i+1] = float32(p.X1), float32(p.X2)
	}
	t.y = make([]int, cfg.Points)
	t.perm = make([]int, cfg.Points)
	for i := range t.perm {
		t.perm[i] = i
	}
	t.shuffle()
	t.Relabel(cfg.A, cfg.B, cfg.Labels)
	return t, nil
}

func (t *Trainer) shuffle() {
	t.rng.Shuffle(len(t.perm), func(i, j int) { t.perm[i], t.perm[j] = t.perm[j], t.perm[i] })
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
		t.y[i] = t.label(p)
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
	t.Cfg.LR = lr
	return nil
}

// SetBatch changes the batch size for the following updates; a
// *ConfigError if it is out of range.
func (t *Trainer) SetBatch(n int) error {
	c := t.Cfg
	c.Batch = n
	if err := c.Validate(); err != nil {
		return err
	}
	t.Cfg.Batch = n
	return nil
}

// Run does n updates. Each update accumulates the gradient of Cfg.Batch
// samples taken in the epoch's shuffled order, averages it and takes one
// optimiser step; an epoch ends when every point has been used once, and
// the next one is reshuffled.
func (t *Trainer) Run(n int) {
	inv := float32(1 / float64(t.Cfg.Batch))
	decay := 1 / math.Max(1, float64(len(t.perm)))
	for range n {
		t.Model.ZeroGrad()
		var sum float64
		for range t.Cfg.Batch {
			i := t.perm[t.pos]
			t.in[0], t.in[1] = t.x[2*i], t.x[2*i+1]
			l := t.Model.TrainSample(t.in[:], t.y[i])
			sum += l
			if math.IsNaN(t.loss) {
				t.loss = l
			} else {
				t.loss += decay * (l - t.loss)
			}
			t.pos++
			if t.pos == len(t.perm) {
				t.pos = 0
				t.epoch++
				t.shuffle()
			}
		}
		t.Model.ScaleGrads(inv)
		t.Model.Step(t.opt, float32(t.Cfg.LR))
		t.steps++
	}
}

// Steps is the number of updates done, Epoch the number of completed
// passes over the points, Seen the number of samples used.
func (t *Trainer) Steps() int { return t.steps }

// Epoch returns the number of completed passes over the training points.
func (t *Trainer) Epoch() int { return t.epoch }

// RunningLoss is an exponential running mean of the per-sample training
// loss over about one epoch (NaN before the first update).
func (t *Trainer) RunningLoss() float64 { return t.loss }

// Logit returns the network's raw output z at (x1, x2); the predicted region
// is z ≥ 0 (p ≥ ½).
func (t *Trainer) Logit(x1, x2 float64) float64 {
	t.in[0], t.in[1] = float32(x1), float32(x2)
	return float64(t.Model.Forward(t.in[:])[0])
}

// Eval returns the mean cross-entropy and the accuracy (z ≥ 0 means "in")
// on the training points (test false) or the held-out points (test true),
// labelled by the current ring.
func (t *Trainer) Eval(test bool) (loss, acc float64) {
	pts := t.Pts
	if test {
		pts = t.Test
	}
	var hit int
	for _, p := range pts {
		t.in[0], t.in[1] = float32(p.X1), float32(p.X2)
		y := t.label(p)
		loss += t.Model.Loss(t.in[:], y)
		z := t.Model.Forward(t.in[:])[0]
		if (z >= 0) == (y == 1) {
			hit++
		}
	}
	n := float64(len(pts))
	return loss / n, float64(hit) / n
}

// Label returns point p's training label (1 = in the ring) under the
// current ring.
func (t *Trainer) Label(p Point) int { return t.label(p) }
