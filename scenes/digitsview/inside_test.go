package digitsview

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"digitlab/kit/plot"
	"digitlab/nn"
)

// insideModels are every preset and a small CNN on the 8×8 digits (the
// presets have one model of 64 inputs, digits64, and it has no conv), each
// with random weights and biases.
func insideModels(t *testing.T) []*nn.Model {
	t.Helper()
	var ms []*nn.Model
	for _, p := range nn.Presets() {
		m, err := nn.NewPreset(p.Name, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	m, err := nn.NewBuilder("conv8", nn.Shape{H: 8, W: 8, C: 1}).Conv(3, 3, 4, 1, true).LeakyReLU().MaxPool2().
		Flatten().Dense(12, true).Tanh().Dense(10, true).Build(nn.HeadSoftmax)
	if err != nil {
		t.Fatal(err)
	}
	nn.InitNormal(m, rand.New(rand.NewPCG(3, 4)), nn.He)
	ms = append(ms, m)
	r := rand.New(rand.NewPCG(5, 6))
	for _, m := range ms {
		for _, l := range m.Layers() {
			for i := range l.B {
				l.B[i] = float32(0.2 * r.NormFloat64())
			}
		}
	}
	return ms
}

// insideImage is an image of n pixels in [0, 1], about half of them ink.
func insideImage(seed uint64, n int) []float32 {
	r := rand.New(rand.NewPCG(seed, 9))
	x := make([]float32, n)
	for i := range x {
		if r.Float64() < 0.5 {
			x[i] = float32(r.Float64())
		}
	}
	return x
}

func insideComputed(t *testing.T, m *nn.Model, x []float32) *Inside {
	t.Helper()
	var in Inside
	if err := in.Compute(m, x); err != nil {
		t.Fatal(err)
	}
	return &in
}

func insideNames(in *Inside) []string {
	var s []string
	for _, l := range in.Layers {
		s = append(s, l.Name)
	}
	return s
}

func TestInsideLayerNames(t *testing.T) {
	want := map[string]string{
		"linear":     "input|logits|probabilities",
		"vanilla":    "input|dense 32|leaky ReLU|dense 32|leaky ReLU|logits|probabilities",
		"cnn":        "input|avg-pool 2×2|conv 5×5×8, stride 2|leaky ReLU|conv 1×1×4|leaky ReLU|logits|probabilities",
		"mlp10":      "input|dense 32|sigmoid|dense 32|sigmoid|logits|probabilities",
		"cnn10-tanh": "input|conv 3×3×9|tanh|max-pool 2×2|logits|probabilities",
		"best":       "input|conv 3×3×8|max-pool 2×2|ReLU|conv 3×3×16|max-pool 2×2|ReLU|dense 128|ReLU|logits|probabilities",
	}
	// Pre links: the activation right after a dense or conv layer, the
	// probabilities after the logits (never an activation after a pool).
	wantPre := map[string][]int{
		"best":       {-1, -1, -1, -1, -1, -1, -1, -1, 7, -1, 9},
		"cnn10-tanh": {-1, -1, 1, -1, -1, 4},
		"cnn":        {-1, -1, -1, 2, -1, 4, -1, 6},
	}
	for _, m := range insideModels(t) {
		in := insideComputed(t, m, insideImage(1, m.In.Size()))
		if w, ok := want[m.Name]; ok && strings.Join(insideNames(in), "|") != w {
			t.Errorf("%s: layers %q, want %q", m.Name, strings.Join(insideNames(in), "|"), w)
		}
		var pre []int
		for _, l := range in.Layers {
			pre = append(pre, l.Pre)
		}
		if w, ok := wantPre[m.Name]; ok && !slices.Equal(pre, w) {
			t.Errorf("%s: Pre %v, want %v", m.Name, pre, w)
		}
	}
}

// TestInsideMatchesModel checks the values of every shown layer of every
// preset (784 and 64 inputs) and of an 8×8 CNN: the input is x, each
// model layer's output is what the model computes (a clone's Output), the
// logits are Forward's, the probabilities Predict's, and independently:
// each activation is its function of its pre-activation, each pool the
// max or mean of its window, and each dense or conv unit the sum of its
// contributions plus its bias (float64).
func TestInsideMatchesModel(t *testing.T) {
	for _, m := range insideModels(t) {
		t.Run(m.Name, func(t *testing.T) {
			x := insideImage(2, m.In.Size())
			in := insideComputed(t, m, x)
			c := m.Clone()
			z := append([]float32(nil), c.Forward(x)...)
			p := c.Predict(nil, x)
			n := len(in.Layers)
			if !slices.Equal(in.Layers[0].Values, x) {
				t.Error("the input layer is not x")
			}
			if in.Head != nn.HeadLinear && (!slices.Equal(in.Layers[n-1].Values, p) || !slices.Equal(in.Layers[n-2].Values, z)) {
				t.Errorf("logits %v, probabilities %v; Forward gives %v, Predict %v", in.Layers[n-2].Values, in.Layers[n-1].Values, z, p)
			}
			c.Forward(x)
			for i, l := range in.Layers {
				if l.model >= 0 && !slices.Equal(l.Values, c.Output(l.model)) {
					t.Errorf("layer %d (%s) differs from the model's output of layer %d", i, l.Name, l.model)
				}
				if len(l.Values) != l.Shape.Size() {
					t.Errorf("layer %d (%s): %d values for shape %v", i, l.Name, len(l.Values), l.Shape)
				}
				checkInsideLayer(t, in, i)
			}
		})
	}
}

// checkInsideLayer checks layer i against the layer before it, in float64.
func checkInsideLayer(t *testing.T, in *Inside, i int) {
	t.Helper()
	l := &in.Layers[i]
	if i == 0 || l.Kind == KindProbs {
		return
	}
	prev := in.Layers[i-1].Values
	worst, wj, want := 0.0, -1, 0.0
	for j, v := range l.Values {
		var w, scale float64
		switch l.Kind {
		case "Dense", "Conv":
			c, err := in.Contribution(Unit{i, j})
			if err != nil {
				t.Fatalf("Contribution(%d, %d): %v", i, j, err)
			}
			if c.Unit != (Unit{i, j}) {
				t.Fatalf("Contribution(%d, %d) is of unit %v", i, j, c.Unit)
			}
			w, scale = float64(c.Bias), math.Abs(float64(c.Bias))
			for _, cv := range c.V {
				w, scale = w+float64(cv), scale+math.Abs(float64(cv))
			}
		case "ReLU":
			w = math.Max(float64(prev[j]), 0)
		case "LeakyReLU":
			w = math.Max(float64(prev[j])/10, float64(prev[j]))
		case "Sigmoid":
			w = 1 / (1 + math.Exp(-float64(prev[j])))
		case "Tanh":
			w = math.Tanh(float64(prev[j]))
		case "MaxPool2", "AvgPool2":
			in0 := in.Layers[i-1].Shape
			C := in0.C
			pos := j / C
			r, col := pos/l.Shape.W, pos%l.Shape.W
			at := func(dr, dc int) float64 { return float64(prev[((2*r+dr)*in0.W+2*col+dc)*C+j%C]) }
			if l.Kind == "MaxPool2" {
				w = math.Max(math.Max(at(0, 0), at(0, 1)), math.Max(at(1, 0), at(1, 1)))
			} else {
				w = (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1)) / 4
			}
		default:
			t.Fatalf("layer %d: no check for kind %s", i, l.Kind)
		}
		scale = math.Max(scale, math.Abs(w))
		if e := math.Abs(float64(v)-w) / (1e-6 + 1e-5*scale); e > worst || math.IsNaN(e) {
			worst, wj, want = e, j, w
		}
	}
	if worst > 1 {
		t.Errorf("layer %d (%s): value %d = %v, want %v (error %.3g × tolerance)", i, l.Name, wj, l.Values[wj], want, worst)
	}
}

func TestInsideComputeAllocatesNothing(t *testing.T) {
	for _, m := range insideModels(t) {
		x := insideImage(3, m.In.Size())
		var in Inside
		if err := in.Compute(m, x); err != nil {
			t.Fatal(err)
		}
		arch := in.Arch
		if a := testing.AllocsPerRun(10, func() { _ = in.Compute(m, x) }); a != 0 {
			t.Errorf("%s: Compute allocates %v times for the same model, want 0", m.Name, a)
		}
		if in.Arch != arch {
			t.Errorf("%s: Arch moved from %d to %d for the same model", m.Name, arch, in.Arch)
		}
	}
}

func TestInsideOwnsItsValues(t *testing.T) {
	m, err := nn.NewPreset("best", rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	in := insideComputed(t, m, insideImage(4, 784))
	before := make([][]float32, len(in.Layers))
	for i, l := range in.Layers {
		before[i] = slices.Clone(l.Values)
	}
	m.Forward(insideImage(5, 784))
	for i, l := range in.Layers {
		if !slices.Equal(l.Values, before[i]) {
			t.Errorf("layer %d (%s) changed with the model's next Forward", i, l.Name)
		}
	}
	gen := in.Gen
	if err := in.Compute(m, insideImage(5, 784)); err != nil || in.Gen != gen+1 || slices.Equal(in.Layers[1].Values, before[1]) {
		t.Errorf("a Compute on another image: err %v, Gen %d (was %d), conv values unchanged: %v", err, in.Gen, gen, slices.Equal(in.Layers[1].Values, before[1]))
	}
}

func TestInsideWrongInputAndNoModel(t *testing.T) {
	m, err := nn.NewPreset("digits64", rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	in := insideComputed(t, m, insideImage(1, 64))
	v := slices.Clone(in.Layers[1].Values)
	if err := in.Compute(m, insideImage(1, 784)); err == nil {
		t.Error("Compute with 784 values for a 64-input model: no error")
	}
	if !slices.Equal(in.Layers[1].Values, v) {
		t.Error("a refused input changed the values")
	}
	arch := in.Arch
	if err := in.Compute(nil, nil); err != nil || in.Layers != nil || in.Arch == arch {
		t.Errorf("Compute(nil): err %v, %d layers, Arch %d (was %d)", err, len(in.Layers), in.Arch, arch)
	}
	if _, err := in.Incoming(Unit{1, 0}); err == nil {
		t.Error("Incoming on an empty Inside: no error")
	}
}

func TestInsideIncoming(t *testing.T) {
	byName := map[string]*nn.Model{}
	for _, m := range insideModels(t) {
		byName[m.Name] = m
	}
	tests := []struct {
		desc, model string
		unit        Unit
		src         Unit
		h, w, c     int
	}{
		{"linear: the 784 weights as 28×28", "linear", Unit{1, 0}, Unit{1, 0}, 28, 28, 1},
		{"a sigmoid head's probability: its one logit", "linear", Unit{2, 1}, Unit{1, 0}, 28, 28, 1},
		{"a softmax probability: its logit", "best", Unit{10, 7}, Unit{9, 7}, 1, 128, 1},
		{"a ReLU after dense 128: that unit", "best", Unit{8, 100}, Unit{7, 100}, 5, 5, 16},
		{"conv 3×3×16 on 8 channels", "best", Unit{4, 11*11*16 - 1}, Unit{4, 11*11*16 - 1}, 3, 3, 8},
		{"dense after a Flatten: the image before it", "cnn10-tanh", Unit{4, 3}, Unit{4, 3}, 13, 13, 9},
		{"dense on a vector of 32", "mlp10", Unit{3, 31}, Unit{3, 31}, 1, 32, 1},
		{"a sigmoid after dense: that unit", "mlp10", Unit{2, 5}, Unit{1, 5}, 28, 28, 1},
		{"strided conv after avg-pool", "cnn", Unit{3, 5*5*8 - 1}, Unit{2, 5*5*8 - 1}, 5, 5, 1},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			m := byName[tc.model]
			in := insideComputed(t, m, insideImage(6, m.In.Size()))
			p, err := in.Incoming(tc.unit)
			if err != nil {
				t.Fatalf("Incoming(%v): %v", tc.unit, err)
			}
			if p.Unit != tc.src || p.H != tc.h || p.W != tc.w || p.C != tc.c || len(p.V) != tc.h*tc.w*tc.c {
				t.Fatalf("Incoming(%v): unit %v, %d×%d×%d with %d values, want unit %v, %d×%d×%d", tc.unit, p.Unit, p.H, p.W, p.C, len(p.V), tc.src, tc.h, tc.w, tc.c)
			}
			// Against the weights as LayerInfo lays them out.
			l := in.Layers[p.Unit.Layer]
			li := m.Layers()[l.model]
			for k, v := range p.V {
				var w float32
				if li.Kind == "Dense" {
					w = li.W[k*li.WShape[1]+p.Unit.Index]
				} else {
					KH, KW, OD, ID := li.WShape[0], li.WShape[1], li.WShape[2], li.WShape[3]
					kh, kw, id := k/(KW*ID), k/ID%KW, k%ID
					w = li.W[((kh*KW+kw)*OD+p.Unit.Index%OD)*ID+id]
					_ = KH
				}
				if v != w {
					t.Fatalf("Incoming(%v).V[%d] = %v, want the weight %v", tc.unit, k, v, w)
				}
			}
			z, _ := in.Value(p.Unit)
			c, err := in.Contribution(tc.unit)
			if err != nil {
				t.Fatal(err)
			}
			sum := float64(c.Bias)
			for _, v := range c.V {
				sum += float64(v)
			}
			if math.Abs(sum-float64(z)) > 1e-4*(1+math.Abs(float64(z))) {
				t.Errorf("Contribution(%v) sums to %v + bias = %v, the unit's value is %v", tc.unit, sum-float64(c.Bias), sum, z)
			}
		})
	}
}

// TestInsideConvContributionIsThePatch checks a conv unit's contribution
// by hand: the receptive field's weights times the input pixels at the
// unit's position (stride 2 on cnn's 14×14 avg-pooled image).
func TestInsideConvContributionIsThePatch(t *testing.T) {
	m, err := nn.NewPreset("cnn", rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	in := insideComputed(t, m, insideImage(7, 784))
	const oh, ow, od = 3, 1, 6 // output (3, 1) of filter 6: input rows 6..10, columns 2..6
	u := Unit{2, (oh*5+ow)*8 + od}
	w, _ := in.Incoming(u)
	ws := slices.Clone(w.V)
	c, err := in.Contribution(u)
	if err != nil {
		t.Fatal(err)
	}
	if c.Row != 6 || c.Col != 2 {
		t.Errorf("receptive field at (%d, %d), want (6, 2)", c.Row, c.Col)
	}
	x := in.Layers[1].Values // 14×14×1
	for kh := range 5 {
		for kw := range 5 {
			if got, want := c.V[kh*5+kw], ws[kh*5+kw]*x[(6+kh)*14+2+kw]; got != want {
				t.Fatalf("contribution (%d, %d) = %v, want w·x = %v", kh, kw, got, want)
			}
		}
	}
}

func TestInsideBadUnits(t *testing.T) {
	m, err := nn.NewPreset("best", rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	in := insideComputed(t, m, insideImage(8, 784))
	tests := []struct {
		desc  string
		u     Unit
		exist bool
	}{
		{"no unit", NoUnit, false},
		{"negative layer", Unit{-1, 0}, false},
		{"layer past the end", Unit{len(in.Layers), 0}, false},
		{"negative index", Unit{1, -1}, false},
		{"index past the layer", Unit{1, 26 * 26 * 8}, false},
		{"the input has no weights", Unit{0, 5}, true},
		{"a pool has no weights", Unit{2, 0}, true},
		{"a ReLU after a pool has none", Unit{3, 0}, true},
	}
	for _, tc := range tests {
		if _, ok := in.Value(tc.u); ok != tc.exist {
			t.Errorf("%s: Value(%v) ok = %v, want %v", tc.desc, tc.u, ok, tc.exist)
		}
		for name, f := range map[string]func(Unit) (Patch, error){"Incoming": in.Incoming, "Contribution": in.Contribution} {
			_, err := f(tc.u)
			var ue *UnitError
			if !errors.As(err, &ue) || ue.Unit != tc.u || !strings.HasPrefix(err.Error(), "digitsview: ") {
				t.Errorf("%s: %s(%v) = %v, want a *UnitError", tc.desc, name, tc.u, err)
			}
		}
	}
}

func TestInsideJSON(t *testing.T) {
	m, err := nn.NewPreset("cnn10", rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	x := insideImage(9, 784)
	x[5*28+5] = float32(math.NaN())
	x[20*28+20] = float32(math.Inf(1))
	in := insideComputed(t, m, x)
	js := in.JSON()
	if len(js) != len(in.Layers) {
		t.Fatalf("%d layers in JSON, %d shown", len(js), len(in.Layers))
	}
	first := js[0].(map[string]any)
	vals := first["values"].([]any)
	if first["name"] != "input" || !slices.Equal(first["shape"].([]any), []any{28, 28, 1}) || len(vals) != 784 {
		t.Fatalf("input layer: name %v, shape %v, %d values", first["name"], first["shape"], len(vals))
	}
	if vals[5*28+5] != nil || vals[20*28+20] != nil || vals[0] != float64(x[0]) {
		t.Errorf("values[NaN] = %v, values[+Inf] = %v, values[0] = %v (x[0] = %v)", vals[5*28+5], vals[20*28+20], vals[0], x[0])
	}
	last := js[len(js)-1].(map[string]any)
	if last["name"] != "probabilities" || !slices.Equal(last["shape"].([]any), []any{10}) {
		t.Errorf("last layer: name %v, shape %v", last["name"], last["shape"])
	}
	for _, v := range last["values"].([]any) { // the NaN reaches every logit
		if v != nil {
			t.Errorf("probabilities after a NaN pixel: %v, want nil", v)
		}
	}
	b, err := json.Marshal(js)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	if !strings.Contains(string(b), `"name":"conv 3×3×9","shape":[26,26,9]`) || !strings.Contains(string(b), "null") {
		t.Errorf("JSON %.200s…", b)
	}
}

// TestInsideKinkShows: a ReLU or leaky ReLU beside its pre-activation is
// coloured on the same scale, so a leaky ReLU's z < 0 shows ten times
// paler and a ReLU's as white; a sigmoid keeps its own scale.
func TestInsideKinkShows(t *testing.T) {
	for _, m := range insideModels(t) {
		in := insideComputed(t, m, insideImage(10, m.In.Size()))
		for i, l := range in.Layers {
			if l.Pre < 0 || l.Kind == KindProbs {
				continue
			}
			pre := &in.Layers[l.Pre]
			want := plot.Symmetric(l.Lo, l.Hi)
			if l.Kind == "ReLU" || l.Kind == "LeakyReLU" {
				want = pre.Norm
			}
			if l.Norm != want {
				t.Errorf("%s layer %d (%s): scale %v, want %v (its pre-activation's is %v)", m.Name, i, l.Name, l.Norm, want, pre.Norm)
			}
			if l.Kind != "LeakyReLU" {
				continue
			}
			neg := 0
			for j, z := range pre.Values {
				if z < 0 {
					neg++
					if got, want := l.Norm.T(float64(l.Values[j]))-0.5, (pre.Norm.T(float64(z))-0.5)/10; math.Abs(got-want) > 1e-6 {
						t.Fatalf("%s layer %d unit %d: z = %v sits at %v from white, its activation at %v, want a tenth", m.Name, i, j, z, pre.Norm.T(float64(z))-0.5, got)
					}
				}
			}
			if neg == 0 {
				t.Errorf("%s layer %d: no z < 0 to show the kink", m.Name, i)
			}
		}
	}
}
