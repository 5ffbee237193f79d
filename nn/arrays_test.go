package nn

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"digitlab/npz"
)

// TestArraysRoundTrip: for every preset, the named arrays hold every
// parameter once, go through an .npz file and load into a model with
// other weights, giving back the same Params.
func TestArraysRoundTrip(t *testing.T) {
	for _, p := range Presets() {
		m := mustPreset(t, p.Name, 1)
		arrays := m.Arrays()
		n := 0
		for _, a := range arrays {
			n += len(a.Data)
		}
		if n != len(m.Params) {
			t.Errorf("%s: arrays hold %d numbers, the model %d", p.Name, n, len(m.Params))
		}
		var buf bytes.Buffer
		if err := npz.Write(&buf, arrays); err != nil {
			t.Fatal(err)
		}
		back, err := npz.Read(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		other := mustPreset(t, p.Name, 2)
		if err := other.LoadArrays(back); err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if !slices.Equal(other.Params, m.Params) {
			t.Errorf("%s: the weights changed on the way through .npz", p.Name)
		}
	}
}

// TestArraysSeedNames: the seeds' names and shapes.
func TestArraysSeedNames(t *testing.T) {
	for _, c := range []struct {
		preset string
		want   string
	}{
		{"linear", "w (784,)"},
		{"vanilla", "A (32,), B (32, 32), C (32, 784)"},
		{"cnn", "A (100,), B (1, 1, 4, 8), C (5, 5, 8, 1)"},
		{"mlp10", "weights0 (784, 32), weights1 (32, 32), weights2 (32, 10), biases0 (32,), biases1 (32,), biases2 (10,)"},
		{"cnn10-tanh", "conv1_w (3, 3, 9, 1), conv1_b (9,), dense1_w (1521, 10), dense1_b (10,)"},
	} {
		var got []string
		for _, a := range mustPreset(t, c.preset, 1).Arrays() {
			got = append(got, a.Name+" "+npz.ShapeString(a.Shape))
		}
		if strings.Join(got, ", ") != c.want {
			t.Errorf("%s: %s, want %s", c.preset, strings.Join(got, ", "), c.want)
		}
	}
}

// get returns the named array of arrays.
func get(t *testing.T, arrays []npz.Array, name string) npz.Array {
	t.Helper()
	for _, a := range arrays {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no array %s", name)
	return npz.Array{}
}

// matVec64 returns M·x for M (rows, len(x)) row-major, in float64.
func matVec64(m []float32, x []float64) []float64 {
	out := make([]float64, len(m)/len(x))
	for r := range out {
		for c, v := range x {
			out[r] += float64(m[r*len(x)+c]) * v
		}
	}
	return out
}

// TestArraysAsTheSeedsUseThem: seed 000's vanilla_predict and
// linear_predict and seed 001's forward pass, in float64 on the arrays
// exactly as numpy would hold them, give the model's probabilities.
func TestArraysAsTheSeedsUseThem(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x := make([]float32, 784)
	x64 := make([]float64, 784)
	for i := range x {
		x[i] = float32(r.Float64())
		x64[i] = float64(x[i])
	}
	sigmoid := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	lrelu := func(v []float64) []float64 {
		for i := range v {
			v[i] = max(v[i]/10, v[i])
		}
		return v
	}
	check := func(name string, got []float32, want float64) {
		t.Helper()
		if math.Abs(float64(got[len(got)-1])-want) > 1e-5 {
			t.Errorf("%s: the model says %v, the seed's code on the arrays %v", name, got[len(got)-1], want)
		}
	}

	// linear_predict(w, x) = sigmoid(w.matVec64(x.flatten())), z clipped to ±15.
	lin := mustPreset(t, "linear", 5)
	w := get(t, lin.Arrays(), "w")
	z := matVec64(w.Data, x64)[0]
	check("linear", lin.Predict(nil, x), sigmoid(max(-15, min(15, z))))

	// vanilla_predict: z1 = C.matVec64(h0), h1 = lrelu(z1), z2 = B.matVec64(h1),
	// h2 = lrelu(z2), z3 = A.matVec64(h2), p = sigmoid(z3).
	v := mustPreset(t, "vanilla", 5)
	arr := v.Arrays()
	h1 := lrelu(matVec64(get(t, arr, "C").Data, x64))
	h2 := lrelu(matVec64(get(t, arr, "B").Data, h1))
	z3 := matVec64(get(t, arr, "A").Data, h2)[0]
	check("vanilla", v.Predict(nil, x), sigmoid(max(-15, min(15, z3))))

	// seed 001: x = x @ weights[i] + biases[i], sigmoid between, softmax.
	m := mustPreset(t, "mlp10", 5)
	arr = m.Arrays()
	h := x64
	for i := range 3 {
		wi, bi := get(t, arr, "weights"+string(rune('0'+i))), get(t, arr, "biases"+string(rune('0'+i)))
		nIn, nOut := wi.Shape[0], wi.Shape[1]
		next := make([]float64, nOut)
		for o := range nOut {
			next[o] = float64(bi.Data[o])
			for k := range nIn {
				next[o] += h[k] * float64(wi.Data[k*nOut+o])
			}
			if i < 2 {
				next[o] = sigmoid(next[o])
			}
		}
		h = next
	}
	sum := 0.0
	for _, v := range h {
		sum += math.Exp(v)
	}
	check("mlp10", m.Predict(nil, x), math.Exp(h[9])/sum)
}

func TestLoadArraysErrors(t *testing.T) {
	m := mustPreset(t, "vanilla", 1)
	good := m.Arrays()
	swap := func(f func([]npz.Array) []npz.Array) []npz.Array {
		c := make([]npz.Array, len(good))
		for i, a := range good {
			c[i] = npz.Array{Name: a.Name, Shape: slices.Clone(a.Shape), Data: slices.Clone(a.Data)}
		}
		return f(c)
	}
	for _, c := range []struct {
		desc   string
		arrays []npz.Array
		want   string
	}{
		{"missing", good[:2], "no array C (32, 784) for model vanilla (it has A (32,), B (32, 32), C (32, 784))"},
		{"extra", append(slices.Clone(good), npz.Array{Name: "D", Shape: []int{1}, Data: []float32{1}}), "array D is not part of model vanilla"},
		{"transposed", swap(func(a []npz.Array) []npz.Array { a[2].Shape = []int{784, 32}; return a }), "array C has shape (784, 32), model vanilla wants (32, 784) (transposed? save its .T)"},
		{"wrong shape", swap(func(a []npz.Array) []npz.Array {
			a[0] = npz.Array{Name: "A", Shape: []int{10}, Data: make([]float32, 10)}
			return a
		}), "array A has shape (10,), model vanilla wants (32,)"},
		{"NaN", swap(func(a []npz.Array) []npz.Array { a[1].Data[5] = float32(math.NaN()); return a }), "array B: element 5 is NaN"},
		{"another model's file", mustPreset(t, "linear", 1).Arrays(), "array w is not part of model vanilla"},
	} {
		before := slices.Clone(m.Params)
		err := m.LoadArrays(c.arrays)
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.desc, err, c.want)
		}
		if !slices.Equal(before, m.Params) {
			t.Errorf("%s: the failed load changed the model", c.desc)
		}
	}
}

// TestLoadEitherFormat: Load takes an .npz and Digit Lab's own file, and
// a damaged .npz gives a *FormatError without the package prefix twice.
func TestLoadEitherFormat(t *testing.T) {
	m := mustPreset(t, "cnn", 1)
	var buf bytes.Buffer
	if err := m.WriteNPZ(&buf); err != nil {
		t.Fatal(err)
	}
	native, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"npz": buf.Bytes(), "native": native} {
		other := mustPreset(t, "cnn", 2)
		if err := other.Load(data); err != nil || !slices.Equal(other.Params, m.Params) {
			t.Errorf("%s: Load = %v, weights equal %v", name, err, slices.Equal(other.Params, m.Params))
		}
	}
	if err := m.Load([]byte("hello")); err == nil || err.Error() != `nn: weights file: not a weights file: neither numpy's .npz nor Digit Lab's .weights (it starts with "hell")` {
		t.Errorf("text file: %v", err)
	}
	err = m.Load(buf.Bytes()[:buf.Len()-30])
	var fe *FormatError
	if !errors.As(err, &fe) || err.Error() != "nn: weights file: damaged or truncated .npz file: the zip's directory at its end is missing" {
		t.Errorf("truncated .npz: %v", err)
	}
}
