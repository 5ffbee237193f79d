package experiments

import (
	"math"
	"testing"

	"digitlab/datasets"
	"digitlab/nn"
)

// The assertions of seed 000 that need the real 4-vs-9 training set. They
// are quick, so they run under js/wasm -short too (build.sh sets
// DIGITLAB_MNIST_DIR there).

const closeEnough = 1e-6 // seed 000's close_enough

// one is a data set of a single sample with a label of our choosing, as
// the seed's judge(…, x_train[:1], [DIG_A]).
type one struct {
	x     []float32
	label int
}

func (o one) Len() int                              { return 1 }
func (o one) Label(int) int                         { return o.label }
func (o one) Sample(dst []float32, _ int) []float32 { return append(dst[:0], o.x...) }

func constant(p float64) func([]float32) float64 { return func([]float32) float64 { return p } }

// modelP is P(digit B) of a binary model.
func modelP(m *nn.Model) func([]float32) float64 {
	var probs []float32
	return func(x []float32) float64 {
		probs = m.Predict(probs, x)
		return float64(probs[1])
	}
}

func TestPreprocess000(t *testing.T) {
	tr, te := fourNine(t, 42)
	if n := tr.Len(); math.Abs(float64(n-12000)) >= 500 {
		t.Errorf("N = %d, seed 000 asserts |N − 12000| < 500", n)
	}
	for _, s := range []*datasets.Set{tr, te} {
		lo, hi := math.Inf(1), math.Inf(-1)
		var x []float32
		seen := map[int]bool{}
		for i := range s.Len() {
			x = s.Sample(x, i)
			for _, v := range x {
				lo, hi = math.Min(lo, float64(v)), math.Max(hi, float64(v))
			}
			seen[s.Digit(i)] = true
		}
		if math.Abs(lo) > closeEnough || math.Abs(hi-1) > closeEnough {
			t.Errorf("%s: pixels in [%v, %v], want min 0 and max 1", s.Name, lo, hi)
		}
		if len(seen) != 2 || !seen[4] || !seen[9] {
			t.Errorf("%s: digits %v, want {4, 9}", s.Name, seen)
		}
	}
	// The shuffle mixes the classes: the first 100 samples hold both.
	c := tr.Head(100).Counts()
	if c[0] < 20 || c[1] < 20 {
		t.Errorf("first 100 shuffled samples have %v of 4s and 9s", c)
	}
}

func TestDummyPredictors000(t *testing.T) {
	tr, _ := fourNine(t, 42)
	vsa, _ := Judge000(constant(.01), tr)
	vsb, _ := Judge000(constant(.99), tr)
	if math.Abs(vsa+vsb-1) > closeEnough {
		t.Errorf("very_sure_A acc %v + very_sure_B acc %v = %v, want 1", vsa, vsb, vsa+vsb)
	}
	x0 := tr.Sample(nil, 0)
	if a, _ := Judge000(constant(.01), one{x0, 0}); a != 1 {
		t.Errorf("very_sure_A on x_train[0] labelled A: acc %v, want 1", a)
	}
	if a, _ := Judge000(constant(.01), one{x0, 1}); a != 0 {
		t.Errorf("very_sure_A on x_train[0] labelled B: acc %v, want 0", a)
	}
	_, lvsa := Judge000(constant(.01), tr)
	_, lvsb := Judge000(constant(.99), tr)
	_, mia := Judge000(constant(.4), tr)
	_, mib := Judge000(constant(.6), tr)
	_, ffl := Judge000(constant(.5), tr)
	if !(ffl < mia && mia < lvsa) || !(ffl < mib && mib < lvsb) {
		t.Errorf("losses ffl %v, mia %v, vsa %v, mib %v, vsb %v: want ffl < mia < vsa and ffl < mib < vsb", ffl, mia, lvsa, mib, lvsb)
	}
	if math.Abs(ffl-math.Log(2)) > closeEnough {
		t.Errorf("fifty_fifty loss %v, want log 2 = %v", ffl, math.Log(2))
	}
}

func TestLinearSanity000(t *testing.T) {
	tr, _ := fourNine(t, 42)
	r := newRand(42)
	m, err := nn.NewPreset("linear", r)
	if err != nil {
		t.Fatal(err)
	}
	w := append([]float32(nil), m.Params...)
	plus, _ := Judge000(modelP(m), tr)
	for i := range m.Params {
		m.Params[i] = -w[i]
	}
	minus, _ := Judge000(modelP(m), tr)
	if math.Abs(plus+minus-1) > closeEnough {
		t.Errorf("linear ±w: accs %v + %v = %v, want 1", plus, minus, plus+minus)
	}
	clear(m.Params)
	if _, ffl := Judge000(modelP(m), tr); math.Abs(ffl-math.Log(2)) > closeEnough {
		t.Errorf("zero weights: loss %v, want log 2", ffl)
	}
	// x = w as an image: w·x = |w|² > 0, so the prediction is B.
	copy(m.Params, w)
	if a, _ := Judge000(modelP(m), one{w, 0}); a != 0 {
		t.Errorf("x = w labelled A: acc %v, want 0", a)
	}
	if a, _ := Judge000(modelP(m), one{w, 1}); a != 1 {
		t.Errorf("x = w labelled B: acc %v, want 1", a)
	}
}

func TestVanillaSignFlips000(t *testing.T) {
	tr, _ := fourNine(t, 42)
	m, err := nn.NewPreset("vanilla", newRand(7))
	if err != nil {
		t.Fatal(err)
	}
	l := m.Layers()
	C, B, A := l[0].W, l[2].W, l[4].W // seed 000's names: z1 = C·x, z2 = B·h1, z3 = A·h2
	neg := func(w []float32) {
		for i := range w {
			w[i] = -w[i]
		}
	}
	plus, _ := Judge000(modelP(m), tr)
	neg(A)
	minus, _ := Judge000(modelP(m), tr)
	if math.Abs(plus+minus-1) > closeEnough {
		t.Errorf("vanilla ±A: accs %v + %v, want sum 1", plus, minus)
	}
	a0 := append([]float32(nil), A...)
	clear(A)
	if _, ffl := Judge000(modelP(m), tr); math.Abs(ffl-math.Log(2)) > closeEnough {
		t.Errorf("vanilla with A = 0: loss %v, want log 2", ffl)
	}
	copy(A, a0)
	for _, w := range [][]float32{A, B, C} {
		for i := range w {
			w[i] = float32(math.Abs(float64(w[i])))
		}
	}
	x0 := one{tr.Sample(nil, 0), 1} // judged against DIG_B
	for _, tc := range []struct {
		desc  string
		flip  [][]float32
		wantB float64
	}{
		{"ppp", nil, 1},
		{"ppn (−C)", [][]float32{C}, 0},
		{"pnp (−B)", [][]float32{B}, 0},
		{"pnn (−B, −C)", [][]float32{B, C}, 1},
	} {
		for _, w := range tc.flip {
			neg(w)
		}
		if a, _ := Judge000(modelP(m), x0); a != tc.wantB {
			t.Errorf("%s on x_train[0]: acc for B = %v, want %v", tc.desc, a, tc.wantB)
		}
		for _, w := range tc.flip {
			neg(w)
		}
	}
}

func TestOneSGDStepLowersLoss000(t *testing.T) {
	tr, _ := fourNine(t, 42)
	r := newRand(3)
	x, y := tr.Sample(nil, 0), tr.Label(0)
	sgd := nn.NewSGD()
	for i := range 10 {
		m, err := nn.NewPreset("linear", r)
		if err != nil {
			t.Fatal(err)
		}
		_, before := Judge000(modelP(m), one{x, y})
		m.ZeroGrad()
		m.TrainSample(x, y)
		m.Step(sgd, 0.01)
		_, after := Judge000(modelP(m), one{x, y})
		if !(after < before) {
			t.Errorf("init %d: loss %v after one step of η=0.01, %v before", i, after, before)
		}
	}
}
