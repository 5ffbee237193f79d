package nn

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var trainable = []string{"linear", "vanilla", "cnn", "mlp10", "cnn10", "cnn10-tanh", "digits64", "best", "convnetjs"}

// TestPresetList: trainable is every preset, in the order of Presets, and
// each builds the model it describes.
func TestPresetList(t *testing.T) {
	t.Parallel()
	ps := Presets()
	if len(ps) != len(trainable) {
		t.Fatalf("%d presets, the tests know %d", len(ps), len(trainable))
	}
	for i, p := range ps {
		if p.Name != trainable[i] {
			t.Errorf("preset %d is %s, want %s", i, p.Name, trainable[i])
		}
		m, err := p.Build(newRand(1))
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if m.Name != p.Name || m.In != p.In || m.Classes() != p.Classes {
			t.Errorf("%s builds %s on %v with %d classes, the preset says %v and %d", p.Name, m.Name, m.In, m.Classes(), p.In, p.Classes)
		}
	}
	var ue *UnknownPresetError
	if _, err := (Preset{Name: "mine"}).Build(newRand(1)); !errors.As(err, &ue) {
		t.Errorf("Build of a Preset not from the table: error %v, want *UnknownPresetError", err)
	}
}

// TestPresetGradients checks every preset end to end (layers and
// loss) against central differences on up to 150 parameters per model.
func TestPresetGradients(t *testing.T) {
	t.Parallel()
	for i, name := range trainable {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := newRand(uint64(500 + i))
			m, err := NewPreset(name, r)
			if err != nil {
				t.Fatal(err)
			}
			// No zero pixels: flat zero regions make max-pool ties, a kink.
			x := sparseImage(r, m.In.Size(), 0)
			idx := r.Perm(len(m.Params))
			if len(idx) > 150 {
				idx = idx[:150]
			}
			loss, ana := headLoss(r.IntN(m.Classes()))
			// dL/dx through thousands of max-pool windows always meets
			// near-ties; those layers' dx is checked on their own.
			checkDx := !strings.Contains(m.Signature(), "maxpool")
			gradCheck(t, m, x, idx, checkDx, loss, ana)
		})
	}
}

// TestPresetShapes checks parameter counts worked out from the seeds'
// architectures (seed 002's summary says 90 + 15,220 = 15,310).
func TestPresetShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		params  int
		classes int
	}{
		{"linear", 784, 2},
		{"vanilla", 784*32 + 32*32 + 32, 2},
		{"cnn", 5*5*8 + 8*4 + 100, 2},
		{"mlp10", 784*32 + 32 + 32*32 + 32 + 32*10 + 10, 10},
		{"cnn10", 3*3*9 + 1521*10 + 10, 10},
		{"cnn10-tanh", 15310, 10},
		{"digits64", 64*32 + 32 + 32*10 + 10, 10},
	}
	for _, tc := range tests {
		m, err := NewPreset(tc.name, newRand(1))
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Params) != tc.params || m.Classes() != tc.classes {
			t.Errorf("%s: %d params, %d classes; want %d, %d", tc.name, len(m.Params), m.Classes(), tc.params, tc.classes)
		}
		if p, err := PresetByName(tc.name); err != nil || p.Classes != tc.classes {
			t.Errorf("PresetByName(%q) = %+v, %v; want Classes %d", tc.name, p, err, tc.classes)
		}
	}
	s := mustPreset(t, "cnn10-tanh", 1).Summary()
	for _, want := range []string{"(28, 28, 1)", "(26, 26, 9)", "(13, 13, 9)", "(1521,)", "(3, 3, 9, 1)", "15,220", "Total params: 15,310"} {
		if !strings.Contains(s, want) {
			t.Errorf("Summary lacks %q:\n%s", want, s)
		}
	}
	var ue *UnknownPresetError
	if _, err := NewPreset("resnet", newRand(1)); !errors.As(err, &ue) {
		t.Errorf("NewPreset(resnet) error = %v, want *UnknownPresetError", err)
	}
}

func mustPreset(t testing.TB, name string, seed uint64) *Model {
	t.Helper()
	m, err := NewPreset(name, newRand(seed))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLinearSeed000 is seed 000's linear-model checks: ±w predictions sum
// to 1 (and so do the accuracies), zero weights give loss log 2, and the
// weights fed as the image predict B.
func TestLinearSeed000(t *testing.T) {
	t.Parallel()
	r := newRand(42)
	m := mustPreset(t, "linear", 42)
	neg := m.Clone()
	for i := range neg.Params {
		neg.Params[i] = -neg.Params[i]
	}
	zero := m.Clone()
	clear(zero.Params)
	var pp, pn, pz []float32
	var predP, predN, labels []int
	for range 200 {
		x := sparseImage(r, 784, 0.8)
		labels = append(labels, r.IntN(2))
		a, b, c := m.Predict(nil, x), neg.Predict(nil, x), zero.Predict(nil, x)
		if math.Abs(float64(a[1]+b[1])-1) > 1e-6 {
			t.Fatalf("p(+w) + p(-w) = %v + %v, want 1", a[1], b[1])
		}
		pp, pn, pz = append(pp, a...), append(pn, b...), append(pz, c...)
		predP, predN = append(predP, Argmax(a)), append(predN, Argmax(b))
	}
	if s := Accuracy(predP, labels) + Accuracy(predN, labels); math.Abs(s-1) > 1e-12 {
		t.Errorf("acc(+w) + acc(-w) = %v, want 1", s)
	}
	if l := MeanCrossEntropy(pz, 2, labels); math.Abs(l-math.Log(2)) > 1e-6 {
		t.Errorf("loss(0·w) = %v, want log 2", l)
	}
	x := append([]float32(nil), m.Params...) // x = w.reshape(SIDE, SIDE)
	if p := m.Predict(nil, x); Argmax(p) != 1 {
		t.Errorf("w as image: p = %v, want class B", p)
	}
}

// TestVanillaSignFlips is seed 000's ppp/ppn/pnp/pnn experiment: with
// |A|, |B|, |C| on a positive image the prediction is B; flipping one
// matrix gives A, flipping two gives B again.
func TestVanillaSignFlips(t *testing.T) {
	t.Parallel()
	for seed := uint64(0); seed < 5; seed++ {
		m := mustPreset(t, "vanilla", seed)
		for i := range m.Params {
			m.Params[i] = float32(math.Abs(float64(m.Params[i])))
		}
		x := sparseImage(newRand(seed), 784, 0.8)
		l := m.Layers() // C = l[0], B = l[2], A = l[4]
		flip := func(w []float32) {
			for i := range w {
				w[i] = -w[i]
			}
		}
		tests := []struct {
			desc  string
			flips [][]float32
			want  int
		}{
			{"ppp", nil, 1},
			{"ppn (-C)", [][]float32{l[0].W}, 0},
			{"pnp (-B)", [][]float32{l[2].W}, 0},
			{"pnn (-B, -C)", [][]float32{l[2].W, l[0].W}, 1},
		}
		for _, tc := range tests {
			for _, w := range tc.flips {
				flip(w)
			}
			if got := Argmax(m.Predict(nil, x)); got != tc.want {
				t.Errorf("seed %d %s: class %d, want %d", seed, tc.desc, got, tc.want)
			}
			for _, w := range tc.flips {
				flip(w)
			}
		}
	}
}

// TestOneSGDStepLowersLoss is seed 000's check, for 10 random inits of each
// binary model: one step w -= 0.01·g on one sample lowers its loss.
func TestOneSGDStepLowersLoss(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"linear", "vanilla", "cnn"} {
		for seed := uint64(0); seed < 10; seed++ {
			m := mustPreset(t, name, seed)
			r := newRand(seed + 99)
			x, y := sparseImage(r, 784, 0.8), r.IntN(2)
			before := m.TrainSample(x, y)
			m.Step(NewSGD(), 0.01)
			m.ZeroGrad()
			if after := m.Loss(x, y); !(after < before) {
				t.Errorf("%s seed %d: loss %v after one step, %v before", name, seed, after, before)
			}
		}
	}
}

// TestTrainSampleSelective: a sample whose loss is at least minLoss gets
// exactly TrainSample's gradients; one below it gets none; the loss and
// the class returned are the same either way, the class being Predict's
// argmax. A loss that is not finite is not back-propagated.
func TestTrainSampleSelective(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"cnn", "best"} {
		m := mustPreset(t, name, 3)
		r := newRand(4)
		for _, y := range []int{0, 1} {
			x := sparseImage(r, m.In.Size(), 0.8)
			ref := m.Clone()
			ref.ZeroGrad()
			want := ref.TrainSample(x, y)
			wantClass := Argmax(ref.Predict(nil, x))
			for _, c := range []struct {
				minLoss float64
				back    bool
			}{{0, true}, {want * 0.999, true}, {want * 1.001, false}, {math.Inf(1), false}} {
				m.ZeroGrad()
				loss, class, back := m.TrainSampleSelective(x, y, c.minLoss)
				if loss != want || class != wantClass || back != c.back {
					t.Errorf("%s minLoss %g: got loss %v, class %d, backprop %v; want %v, %d, %v", name, c.minLoss, loss, class, back, want, wantClass, c.back)
				}
				for i, g := range m.Grads {
					if w := ref.Grads[i]; (c.back && g != w) || (!c.back && g != 0) {
						t.Errorf("%s minLoss %g: grad %d = %v, want %v (backprop %v)", name, c.minLoss, i, g, w, c.back)
						break
					}
				}
			}
		}
		m.ZeroGrad()
		x := sparseImage(r, m.In.Size(), 0.8)
		x[0] = float32(math.NaN())
		if loss, _, back := m.TrainSampleSelective(x, 1, 0); !math.IsNaN(loss) || back || slices.ContainsFunc(m.Grads, func(g float32) bool { return g != 0 }) {
			t.Errorf("%s: NaN input gave loss %v, backprop %v (want NaN, no backprop, no gradient)", name, loss, back)
		}
	}
}

// TestClassMatchesPredict: the class TrainSampleSelective returns is
// Predict's argmax, for both heads, on many samples.
func TestClassMatchesPredict(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"linear", "mlp10", "cnn10"} {
		m := mustPreset(t, name, 9)
		r := newRand(10)
		seen := map[int]bool{}
		for range 200 {
			x := sparseImage(r, m.In.Size(), 0.8)
			_, class, _ := m.TrainSampleSelective(x, 0, math.Inf(1))
			if want := Argmax(m.Predict(nil, x)); class != want {
				t.Fatalf("%s: class %d, Predict's argmax %d", name, class, want)
			}
			seen[class] = true
		}
		if len(seen) < 2 {
			t.Errorf("%s: 200 random inputs all gave class %v: the check saw one class only", name, seen)
		}
	}
}

// TestSaveLoad: round trip, and each damaged or foreign file gets its
// error.
func TestSaveLoad(t *testing.T) {
	t.Parallel()
	m := mustPreset(t, "cnn", 1)
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2 := mustPreset(t, "cnn", 2)
	if err := m2.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Params, m2.Params) {
		t.Error("round trip changed the weights")
	}
	mlp := mustPreset(t, "mlp10", 1)
	mutate := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), data...)) }
	tests := []struct {
		desc   string
		target *Model
		data   []byte
		want   string
	}{
		{"other model", mlp, data, "file is for model cnn (332 params), this is mlp10 (26,506 params)"},
		{"bad magic", m2, mutate(func(b []byte) []byte { b[0] = 'X'; return b }), `not a Digit Lab weights file (it starts with "XLNN"`},
		{"text", m2, []byte("hello\n"), `it starts with "hell"`},
		{"empty", m2, nil, "the file is empty"},
		{"too big", m2, make([]byte, MaxFileBytes+1), "the file holds 67,108,865 bytes, more than a weights file may (67,108,864)"},
		{"version", m2, mutate(func(b []byte) []byte { b[4] = 9; return b }), "format version 9"},
		{"truncated", m2, data[:len(data)-10], "truncated or padded"},
		{"truncated header", m2, data[:7], "truncated header"},
		{"flipped bit", m2, mutate(func(b []byte) []byte { b[len(b)-20] ^= 1; return b }), "checksum mismatch"},
	}
	for _, tc := range tests {
		before := append([]float32(nil), tc.target.Params...)
		err := tc.target.UnmarshalBinary(tc.data)
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want *FormatError containing %q", tc.desc, err, tc.want)
		}
		if !slices.Equal(before, tc.target.Params) {
			t.Errorf("%s: failed load changed the model", tc.desc)
		}
	}
	// Same architecture under another name loads.
	other, _ := NewBuilder("mine", mnistIn).AvgPool2().Conv(5, 5, 8, 2, false).LeakyReLU().Conv(1, 1, 4, 1, false).LeakyReLU().Dense(1, false).Build(HeadSigmoid)
	if err := other.UnmarshalBinary(data); err != nil || !slices.Equal(other.Params, m.Params) {
		t.Errorf("same architecture, other name: %v", err)
	}
}

// forgeWeights writes a weights file by the format's comment in save.go,
// independently of MarshalBinary, with a valid checksum.
func forgeWeights(name, sig string, n uint32, params []float32) []byte {
	b := []byte("DLNN")
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(name)))
	b = append(b, name...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(sig)))
	b = append(b, sig...)
	b = binary.LittleEndian.AppendUint32(b, n)
	for _, p := range params {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p))
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// TestLoadRefusesNonFinite: a file whose checksum is right but whose
// weights hold NaN or ±Inf is refused with a message that says so, and the
// model keeps its weights; saving such weights is refused too.
func TestLoadRefusesNonFinite(t *testing.T) {
	t.Parallel()
	m := mustPreset(t, "linear", 1)
	for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))} {
		params := slices.Clone(m.Params)
		params[7] = bad
		data := forgeWeights(m.Name, m.Signature(), uint32(len(params)), params)
		before := slices.Clone(m.Params)
		err := m.UnmarshalBinary(data)
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), fmt.Sprintf("parameter 8 of %d is %v", len(params), bad)) || !strings.Contains(err.Error(), "not finite") {
			t.Errorf("%v in the file: error %v, want one naming parameter 8 as not finite", bad, err)
		}
		if !slices.Equal(before, m.Params) {
			t.Errorf("%v in the file: the failed load changed the model", bad)
		}
		d := m.Clone()
		d.Params[3] = bad
		if _, err := d.MarshalBinary(); err == nil || !strings.Contains(err.Error(), "not finite") {
			t.Errorf("saving weights with %v: error %v, want one saying they are not finite", bad, err)
		}
	}
}

// TestLoadQuotesForeignNames: a 65 KB model name with control characters
// in a file comes back in the error as a short, escaped excerpt.
func TestLoadQuotesForeignNames(t *testing.T) {
	t.Parallel()
	m := mustPreset(t, "linear", 1)
	name := "\x1b[31m" + strings.Repeat("evil\n", 13000)
	data := forgeWeights(name, "sig", uint32(len(m.Params)), m.Params)
	err := m.UnmarshalBinary(data)
	if err == nil {
		t.Fatal("a file for another architecture loaded")
	}
	msg := err.Error()
	if len(msg) > 400 || strings.ContainsAny(msg, "\x1b\n") {
		t.Errorf("error is %d bytes and holds control characters: %.120q", len(msg), msg)
	}
	if !strings.Contains(msg, `"\x1b[31mevil\nevil\n`) || !strings.Contains(msg, "(65005 bytes)") {
		t.Errorf("error does not quote the start of the name and its length: %.300s", msg)
	}
}

// TestLoadHeaderClaimingMore: a header that announces four billion
// parameters in a short file is refused without allocating for them.
func TestLoadHeaderClaimingMore(t *testing.T) {
	m := mustPreset(t, "linear", 1)
	data := forgeWeights(m.Name, m.Signature(), math.MaxUint32, m.Params[:10])
	var err error
	// The fewest bytes of five tries: MemStats counts the whole process,
	// and a runtime goroutine may allocate during one of them.
	least := uint64(math.MaxUint64)
	for range 5 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err = m.UnmarshalBinary(data)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	if err == nil || !strings.Contains(err.Error(), "truncated or padded") {
		t.Errorf("error %v, want truncated", err)
	}
	// The bound: the message and its formatting, far below one parameter
	// array (785 × 4 bytes) and nothing like the 16 GB claimed.
	if least > 2048 {
		t.Errorf("refusing the header allocated %d bytes, want ≤ 2048", least)
	}
}

// TestCloneIndependent: a clone predicts the same and trains apart.
func TestCloneIndependent(t *testing.T) {
	t.Parallel()
	m := mustPreset(t, "mlp10", 3)
	c := m.Clone()
	x := sparseImage(newRand(1), 784, 0.8)
	if !slices.Equal(m.Predict(nil, x), c.Predict(nil, x)) {
		t.Error("clone predicts differently")
	}
	c.TrainSample(x, 3)
	c.Step(NewSGD(), 0.1)
	if slices.Equal(m.Params, c.Params) {
		t.Error("training the clone changed the original (or did nothing)")
	}
}

// TestDeterminism: the same seed gives identical parameters and identical
// training; another seed differs.
func TestDeterminism(t *testing.T) {
	t.Parallel()
	for _, name := range trainable {
		a, b, c := mustPreset(t, name, 11), mustPreset(t, name, 11), mustPreset(t, name, 12)
		if !slices.Equal(a.Params, b.Params) || slices.Equal(a.Params, c.Params) {
			t.Errorf("%s: same seed must give the same weights, another seed other weights", name)
		}
		r1, r2 := newRand(5), newRand(5)
		for range 3 {
			x1 := sparseImage(r1, a.In.Size(), 0.5)
			x2 := sparseImage(r2, b.In.Size(), 0.5)
			a.TrainSample(x1, 1)
			b.TrainSample(x2, 1)
			a.Step(NewSGD(), 0.01)
			b.Step(NewSGD(), 0.01)
			a.ZeroGrad()
			b.ZeroGrad()
		}
		if !slices.Equal(a.Params, b.Params) {
			t.Errorf("%s: same seed and data trained to different weights", name)
		}
	}
}

// TestSparseStepMatchesDense: ZeroGrad and ScaleGrads over the tracked
// ranges give exactly what full-slab updates give, per sample and for
// batches that overflow the range list.
func TestSparseStepMatchesDense(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"mlp10", "linear", "cnn10", "digits64"} {
		for _, batch := range []int{1, 3, 100} {
			a, b := mustPreset(t, name, 4), mustPreset(t, name, 4)
			r := newRand(8)
			sgd := NewSGD()
			for step := 0; step < 4; step++ {
				for range batch {
					x := sparseImage(r, a.In.Size(), 0.8)
					y := r.IntN(a.Classes())
					a.TrainSample(x, y)
					b.TrainSample(x, y)
				}
				a.ScaleGrads(0.5)
				scale(b.Grads, 0.5)
				a.Step(sgd, 0.05)
				sgd.Step(b.Params, b.Grads, 0.05)
				a.ZeroGrad()
				clear(b.Grads)
				if !slices.Equal(a.Params, b.Params) {
					t.Fatalf("%s batch %d step %d: sparse update differs from the full one", name, batch, step)
				}
				for _, g := range a.Grads {
					if g != 0 {
						t.Fatalf("%s batch %d: ZeroGrad left a non-zero gradient", name, batch)
					}
				}
			}
		}
	}
}

// TestNoAllocs: Forward, Predict, TrainSample, Step and ZeroGrad allocate
// nothing.
func TestNoAllocs(t *testing.T) {
	models := []*Model{linearHead(t, 1)}
	for _, name := range trainable {
		models = append(models, mustPreset(t, name, 1))
	}
	for _, m := range models {
		name := m.Name
		x := sparseImage(newRand(1), m.In.Size(), 0.8)
		dst := make([]float32, 0, 10)
		opt := NewSGD()
		mom := NewMomentum(len(m.Params), 0.9)
		checks := []struct {
			desc string
			f    func()
		}{
			{"Forward", func() { m.Forward(x) }},
			{"Predict", func() { dst = m.Predict(dst, x) }},
		}
		if m.Head != HeadLinear {
			checks = append(checks, struct {
				desc string
				f    func()
			}{"TrainSample+Step+ZeroGrad", func() {
				m.TrainSample(x, 1)
				m.Step(opt, 0.01)
				m.ZeroGrad()
				m.TrainSample(x, 0)
				m.ScaleGrads(0.5)
				m.Step(mom, 0.01)
				m.ZeroGrad()
			}})
		}
		for _, c := range checks {
			if a := testing.AllocsPerRun(20, c.f); a != 0 {
				t.Errorf("%s %s: %v allocations, want 0", name, c.desc, a)
			}
		}
	}
}

// TestBuildErrors: architectures that do not fit return *BuildError.
func TestBuildErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		b    *Builder
		head Head
	}{
		{"kernel too big", NewBuilder("x", Shape{4, 4, 1}).Conv(5, 5, 2, 1, false), HeadLinear},
		{"sigmoid head with 3 outputs", NewBuilder("x", Vec(4)).Dense(3, true), HeadSigmoid},
		{"softmax with 1 output", NewBuilder("x", Vec(4)).Dense(1, true), HeadSoftmax},
		{"pool 1 row", NewBuilder("x", Shape{1, 4, 1}).MaxPool2(), HeadLinear},
		{"no layers", NewBuilder("x", Vec(4)), HeadLinear},
		{"zero dense", NewBuilder("x", Vec(4)).Dense(0, true), HeadLinear},
		{"bad input", NewBuilder("x", Shape{0, 4, 1}).Dense(2, true), HeadLinear},
	}
	for _, tc := range tests {
		var be *BuildError
		if _, err := tc.b.Build(tc.head); !errors.As(err, &be) {
			t.Errorf("%s: error %v, want *BuildError", tc.desc, err)
		}
	}
}

// TestPanics: programmer errors panic with an "nn: " message.
func TestPanics(t *testing.T) {
	t.Parallel()
	m := mustPreset(t, "mlp10", 1)
	lin := linearHead(t, 1)
	tests := []struct {
		desc string
		f    func()
	}{
		{"short input", func() { m.Forward(make([]float32, 10)) }},
		{"label out of range", func() { m.TrainSample(make([]float32, 784), 10) }},
		{"linear head has no loss", func() { lin.TrainSample([]float32{1, 1}, 1) }},
		{"backward length", func() { m.Backward(make([]float32, 3)) }},
		{"momentum length", func() { NewMomentum(3, 0.9).Step(make([]float32, 2), make([]float32, 2), 1) }},
	}
	for _, tc := range tests {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "nn: ") {
					t.Errorf("%s: recovered %v, want a panic starting with \"nn: \"", tc.desc, r)
				}
			}()
			tc.f()
		}()
	}
}
