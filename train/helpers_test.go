package train

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"digitlab/nn"
)

// memData is a tiny in-memory data set: n samples of size values each.
type memData struct {
	size   int
	x      []float32 // (n, size)
	labels []int
	onRead func() // called on every Sample (a fake clock's tick)
}

func (d *memData) Len() int        { return len(d.labels) }
func (d *memData) Label(i int) int { return d.labels[i] }
func (d *memData) Sample(dst []float32, i int) []float32 {
	if d.onRead != nil {
		d.onRead()
	}
	if cap(dst) < d.size {
		dst = make([]float32, d.size)
	}
	dst = dst[:d.size]
	copy(dst, d.x[i*d.size:(i+1)*d.size])
	return dst
}

// newData makes n seeded samples of size values in [-1, 1) with k classes;
// the label depends on the sample (first value's sign and the sum) so a
// model can learn something.
func newData(seed uint64, n, size, k int) *memData {
	r := rand.New(rand.NewPCG(seed, 1))
	d := &memData{size: size, x: make([]float32, n*size), labels: make([]int, n)}
	for i := range n {
		var s float32
		for j := range size {
			v := float32(2*r.Float64() - 1)
			d.x[i*size+j] = v
			s += v
		}
		l := 0
		if s > 0 {
			l = 1
		}
		if k > 2 && d.x[i*size] > 0.3 {
			l = 2
		}
		d.labels[i] = l % k
	}
	return d
}

// softmaxModel is a 3→5 tanh→3 softmax net with biases.
func softmaxModel(t testing.TB, seed uint64) *nn.Model {
	t.Helper()
	m, err := nn.NewBuilder("tiny", nn.Vec(3)).Dense(5, true).Tanh().Dense(3, true).Build(nn.HeadSoftmax)
	if err != nil {
		t.Fatal(err)
	}
	nn.InitNormal(m, rand.New(rand.NewPCG(seed, 2)), nn.He)
	return m
}

// sigmoidModel is seed 000's linear model shape on 3 inputs.
func sigmoidModel(t testing.TB, seed uint64) *nn.Model {
	t.Helper()
	m, err := nn.NewBuilder("lin", nn.Vec(3)).Dense(1, false).Build(nn.HeadSigmoid)
	if err != nil {
		t.Fatal(err)
	}
	nn.InitNormal(m, rand.New(rand.NewPCG(seed, 2)), nn.He)
	return m
}

func newSession(t testing.TB, m *nn.Model, tr, te Data, cfg Config) *Session {
	t.Helper()
	s, err := NewSession(m, tr, te, cfg)
	if err != nil {
		t.Fatalf("NewSession: %v", err)
	}
	return s
}

// runAll steps s with budgets of k samples until it is idle.
func runAll(t testing.TB, s *Session, k int) {
	t.Helper()
	for i := 0; !s.Idle(); i++ {
		if i > 1e6 {
			t.Fatal("session never became idle")
		}
		if err := s.Step(Budget{Samples: k}); err != nil {
			t.Fatalf("Step: %v", err)
		}
	}
}

// fakeClock is a clock that moves only when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time          { return c.t }
func (c *fakeClock) Advance(d time.Duration) { c.t = c.t.Add(d) }

func sameBits(a, b []float32) int {
	if len(a) != len(b) {
		return 0
	}
	for i := range a {
		if a[i] != b[i] && !(a[i] != a[i] && b[i] != b[i]) {
			return i
		}
	}
	return -1
}

// seedSigmoid is seed 000's prediction in float64: the sigmoid of w·x, the
// sum clipped to [−15, 15].
func seedSigmoid(w []float64, x []float32) float64 {
	var z float64
	for j := range w {
		z += w[j] * float64(x[j])
	}
	return 1 / (1 + math.Exp(-math.Max(-15, math.Min(15, z))))
}
