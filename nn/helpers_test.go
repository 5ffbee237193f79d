package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }

// recipeOpt is the optimiser that each preset's training recipe
// (train.Recipes) names; the checksums and benchmarks here were recorded
// with it and its constants (newRecipeOpt).
var recipeOpt = map[string]string{
	"linear": "momentum", "vanilla": "momentum", "cnn": "momentum", "mlp10": "sgd", "cnn10": "sgd",
	"cnn10-tanh": "adam", "digits64": "sgd", "best": "adam", "convnetjs": "adam",
}

func newRecipeOpt(name string, n int) Optimizer {
	switch recipeOpt[name] {
	case "momentum":
		return NewMomentum(n, 0.9)
	case "adam":
		return NewAdam(n, 0.9, 0.999, 1e-7)
	}
	return NewSGD()
}

// linearHead returns a small 2→4→3→1 ReLU network with a linear head
// (no loss of its own: Backward takes dL/dz), random weights from seed.
func linearHead(t testing.TB, seed uint64) *Model {
	t.Helper()
	m, err := NewBuilder("linear-head", Vec(2)).Dense(4, true).ReLU().Dense(3, true).ReLU().Dense(1, true).Build(HeadLinear)
	if err != nil {
		t.Fatal(err)
	}
	InitNormal(m, newRand(seed), He)
	return m
}

// randVec returns n values ~ N(0,1)·s.
func randVec(r *rand.Rand, n int, s float64) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(r.NormFloat64() * s)
	}
	return v
}

// awayFromZero returns n values ~ N(0,1) with |v| ≥ 0.1 (no ReLU kinks
// within a finite-difference step).
func awayFromZero(r *rand.Rand, n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		for math.Abs(float64(v[i])) < 0.1 {
			v[i] = float32(r.NormFloat64())
		}
	}
	return v
}

// sparseImage returns n pixels in [0,1], about frac of them zero (like
// MNIST).
func sparseImage(r *rand.Rand, n int, frac float64) []float32 {
	v := make([]float32, n)
	for i := range v {
		if r.Float64() >= frac {
			v[i] = float32(0.05 + 0.95*r.Float64())
		}
	}
	return v
}

// closeTo reports whether got is within atol + rtol·|want| of want.
func closeTo(got, want, atol, rtol float64) bool {
	return math.Abs(got-want) <= atol+rtol*math.Abs(want)
}

func compareSlices(t *testing.T, what string, got, want []float32, atol, rtol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len %d, want %d", what, len(got), len(want))
	}
	worst, wi := 0.0, -1
	for i := range got {
		e := math.Abs(float64(got[i]-want[i])) / (atol + rtol*math.Abs(float64(want[i])))
		if e > worst || math.IsNaN(e) {
			worst, wi = e, i
		}
	}
	if worst > 1 {
		t.Errorf("%s[%d] = %v, want %v (error %.3g × tolerance)", what, wi, got[wi], want[wi], worst)
	}
}

// gradCheck compares the analytic gradient of a scalar loss with respect to
// Params (and the input x) with central differences. loss(m, x) must be a
// pure function of Params and x evaluated in float64; analytic(m, x, dx)
// must accumulate dL/dParams into m.Grads (zeroed before) and write dL/dx
// into dx. idx selects the parameters to check (nil = all); checkDx says
// whether to check dL/dx too. It reports the
// ∞-norm of the error relative to atol + rtol·|analytic|.
func gradCheck(t *testing.T, m *Model, x []float32, idx []int, checkDx bool,
	loss func(m *Model, x []float32) float64,
	analytic func(m *Model, x []float32, dx []float32)) {
	t.Helper()
	const h = 1e-3
	const atol, rtol = 2e-3, 2e-2
	clear(m.Grads)
	m.spans, m.spansFull = m.spans[:0], false
	dx := make([]float32, len(x))
	analytic(m, x, dx)
	diff := func(v *float32, h float32) float64 {
		v0 := *v
		*v = v0 + h
		fp := loss(m, x)
		*v = v0 - h
		fm := loss(m, x)
		*v = v0
		return (fp - fm) / float64(2*h)
	}
	// A coordinate whose difference quotients at h and h/10 disagree sits
	// on a kink (ReLU at 0, a max-pool near-tie): it is skipped, but at
	// most 2% of the coordinates may be.
	skipped, total := 0, 0
	num := func(v *float32) (float64, bool) {
		total++
		a, b := diff(v, h), diff(v, h/10) // h/10: float32 noise ~1e-3
		if !closeTo(a, b, 2*atol, rtol) {
			skipped++
			return 0, false
		}
		return a, true
	}
	if idx == nil {
		idx = make([]int, len(m.Params))
		for i := range idx {
			idx[i] = i
		}
	}
	worst, what := 0.0, ""
	check := func(name string, i int, got float32, want float64) {
		e := math.Abs(float64(got)-want) / (atol + rtol*math.Abs(want))
		if e > worst {
			worst, what = e, fmt.Sprintf("%s[%d]: analytic %.6g, numeric %.6g", name, i, got, want)
		}
	}
	for _, i := range idx {
		if n, ok := num(&m.Params[i]); ok {
			check("dParams", i, m.Grads[i], n)
		}
	}
	for i := range x {
		if !checkDx {
			break
		}
		if n, ok := num(&x[i]); ok {
			check("dx", i, dx[i], n)
		}
	}
	if skipped*50 > total {
		t.Errorf("gradient check: %d of %d coordinates on kinks", skipped, total)
	}
	if worst > 1 {
		t.Errorf("gradient check failed: error %.3g × tolerance at %s", worst, what)
	}
}

// linearLoss is L = Σ c_k·out_k for a HeadLinear model (float64 sum).
func linearLoss(c []float32) (func(*Model, []float32) float64, func(*Model, []float32, []float32)) {
	return func(m *Model, x []float32) float64 {
			var s float64
			for k, v := range m.Forward(x) {
				s += float64(c[k]) * float64(v)
			}
			return s
		}, func(m *Model, x, dx []float32) {
			m.Forward(x)
			m.backprop(c, dx)
		}
}

// headLoss is the model's own loss for label.
func headLoss(label int) (func(*Model, []float32) float64, func(*Model, []float32, []float32)) {
	return func(m *Model, x []float32) float64 { return m.Loss(x, label) },
		func(m *Model, x, dx []float32) {
			m.Forward(x)
			m.loss(label)
			m.backprop(m.dout, dx)
		}
}
