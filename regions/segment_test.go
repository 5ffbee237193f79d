package regions

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"digitlab/datasets"
	"digitlab/nn"
)

// refNet is the tests' own evaluation of an nn model: the plain formulas
// of nn's layers in float64, sharing no code with Segment. It records the
// activation pattern: per ReLU or leaky-ReLU unit 1 if its input is > 0,
// else 0; per max-pool output the position 0..3 in its window of the first
// largest input.
type refNet struct {
	ls   []nn.LayerInfo
	w, b [][]float64 // each layer's weights and biases, as float64, in nn's layouts
	acts [][]float64 // acts[i] is layer i's input, acts[len(ls)] the output
	x    []float64
}

func newRefNet(m *nn.Model) *refNet {
	r := &refNet{ls: m.Layers(), x: make([]float64, m.In.Size())}
	r.acts = append(r.acts, make([]float64, m.In.Size()))
	f64 := func(v []float32) []float64 {
		out := make([]float64, len(v))
		for i, x := range v {
			out[i] = float64(x)
		}
		return out
	}
	for _, l := range r.ls {
		r.acts = append(r.acts, make([]float64, l.Out.Size()))
		r.w, r.b = append(r.w, f64(l.W)), append(r.b, f64(l.B))
	}
	return r
}

// at runs the net at a + t·(b−a), appends the pattern to pat[:0] and
// returns the raw output (valid until the next call) and the pattern.
func (r *refNet) at(a, b []float32, t float64, pat []int8) ([]float64, []int8) {
	for i := range r.x {
		r.x[i] = float64(a[i]) + t*(float64(b[i])-float64(a[i]))
	}
	return r.eval(r.x, pat)
}

// eval is the forward pass. The linear layers start each output from its
// bias (or 0) and add each non-zero input's contributions to all outputs.
func (r *refNet) eval(x []float64, pat []int8) ([]float64, []int8) {
	pat = pat[:0]
	copy(r.acts[0], x)
	for li, l := range r.ls {
		in, out := r.acts[li], r.acts[li+1]
		w, b := r.w[li], r.b[li]
		switch l.Kind {
		case "Dense", "Conv":
			for o := range out {
				out[o] = 0
				if len(b) > 0 {
					out[o] = b[o%len(b)]
				}
			}
		}
		switch l.Kind {
		case "Dense":
			nIn, nOut := l.WShape[0], l.WShape[1]
			for i, v := range in[:nIn] {
				if v == 0 {
					continue
				}
				for o, wv := range w[i*nOut : (i+1)*nOut] { // w[i*nOut+o]
					out[o] += wv * v
				}
			}
		case "Conv":
			KH, KW, OD, ID := l.WShape[0], l.WShape[1], l.WShape[2], l.WShape[3]
			st, W := l.Stride, l.In.W
			for oh := 0; oh < l.Out.H; oh++ {
				for ow := 0; ow < l.Out.W; ow++ {
					y := out[(oh*l.Out.W+ow)*OD:][:OD]
					for kh := 0; kh < KH; kh++ {
						for kw := 0; kw < KW; kw++ {
							wk := w[(kh*KW+kw)*OD*ID:][:OD*ID] // wk[od*ID+id] = w[((kh*KW+kw)*OD+od)*ID+id]
							for id := 0; id < ID; id++ {
								v := in[((oh*st+kh)*W+ow*st+kw)*ID+id]
								if v == 0 {
									continue
								}
								for od := range y {
									y[od] += wk[od*ID+id] * v
								}
							}
						}
					}
				}
			}
		case "AvgPool2", "MaxPool2":
			W, C := l.In.W, l.In.C
			for oh := 0; oh < l.Out.H; oh++ {
				for ow := 0; ow < l.Out.W; ow++ {
					for c := 0; c < C; c++ {
						var win [4]float64
						for q := range win {
							h, w := 2*oh+q/2, 2*ow+q%2
							win[q] = in[(h*W+w)*C+c]
						}
						o := (oh*l.Out.W+ow)*C + c
						if l.Kind == "AvgPool2" {
							out[o] = (win[0] + win[1] + win[2] + win[3]) / 4
							continue
						}
						best := 0
						for q := 1; q < 4; q++ {
							if win[q] > win[best] {
								best = q
							}
						}
						out[o] = win[best]
						pat = append(pat, int8(best))
					}
				}
			}
		case "Flatten":
			copy(out, in)
		case "ReLU", "LeakyReLU":
			for i, v := range in {
				switch {
				case v > 0:
					out[i] = v
					pat = append(pat, 1)
				case l.Kind == "ReLU":
					out[i] = 0
					pat = append(pat, 0)
				default:
					out[i] = v / 10
					pat = append(pat, 0)
				}
			}
		default:
			panic("refNet: layer " + l.Kind)
		}
	}
	return r.acts[len(r.ls)], pat
}

// readout is f = z[plus] − z[minus] (minus < 0: z[plus]).
func readout(z []float64, plus, minus int) float64 {
	if minus < 0 {
		return z[plus]
	}
	return z[plus] - z[minus]
}

// sampleChanges evaluates the net at ts (on all CPUs) and returns, for
// each i < len(ts)−1, whether the pattern at ts[i+1] differs from the one
// at ts[i], and f at each ts.
func sampleChanges(m *nn.Model, a, b []float32, plus, minus int, ts []float64) (changed []bool, f []float64) {
	changed, f = make([]bool, len(ts)-1), make([]float64, len(ts))
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(ts) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(ts); lo += chunk {
		hi := min(lo+chunk, len(ts))
		wg.Go(func() {
			r := newRefNet(m)
			var prev, cur []int8
			for i := lo; i < hi; i++ {
				var z []float64
				z, cur = r.at(a, b, ts[i], cur)
				f[i] = readout(z, plus, minus)
				if i > lo {
					changed[i-1] = !slices.Equal(prev, cur)
				}
				prev, cur = cur, prev
			}
			if hi < len(ts) { // the pair straddling the next chunk
				_, cur = r.at(a, b, ts[hi], cur)
				changed[hi-1] = !slices.Equal(prev, cur)
			}
		})
	}
	wg.Wait()
	return changed, f
}

// countSegment runs a fresh Segment to the end.
func countSegment(t testing.TB, m *nn.Model, a, b []float32, plus, minus int) *Segment {
	t.Helper()
	s := NewSegment()
	if err := s.Reset(m, a, b, plus, minus); err != nil {
		t.Fatalf("Reset: %v", err)
	}
	for !s.Step(100) {
	}
	return s
}

// checkSegment checks a finished count of m between a and b against the
// reference net, sampled at n grid points t_i = (i+½)/n:
//   - the pattern changes between t_i and t_{i+1} exactly when Segment has
//     a breakpoint in that cell. Cells holding two or more breakpoints say
//     nothing: with multiOK they are left out, otherwise the grid is made
//     up to 16 times finer and the test skipped if that is not enough.
//     Breakpoints before t_0 or after t_{n−1} are left to the next checks;
//   - the patterns at the midpoints of neighbouring pieces differ;
//   - F equals the reference f at every breakpoint and f at every piece's
//     midpoint is both the reference's and the mean of its ends' F.
//
// It returns the number of pieces.
func checkSegment(t *testing.T, m *nn.Model, a, b []float32, plus, minus, n int, multiOK bool) int {
	t.Helper()
	s := countSegment(t, m, a, b, plus, minus)
	T, F := s.T(), s.F()
	if s.Truncated() || s.Pieces() != len(T)-1 || len(F) != len(T) || T[0] != 0 || T[len(T)-1] != 1 {
		t.Fatalf("Pieces %d, len(T) %d, len(F) %d, T[0] %v, T[last] %v, Truncated %v", s.Pieces(), len(T), len(F), T[0], T[len(T)-1], s.Truncated())
	}
	for k := 1; k < len(T); k++ {
		if !(T[k]-T[k-1] >= SegmentDelta) {
			t.Fatalf("T[%d] = %v after T[%d] = %v: pieces must be longer than δ", k, T[k], k-1, T[k-1])
		}
	}

	// The grid: n cells, or up to 16n when some cell holds two breakpoints.
	var inCell []int // breakpoints in (t_i, t_{i+1}]
	edge, multi := 0, 0
	for base, grid := n, n; grid <= 16*base; grid *= 4 {
		n, inCell, edge, multi = grid, make([]int, grid-1), 0, 0
		for _, x := range T[1 : len(T)-1] {
			i := int(math.Floor(x*float64(n) - 0.5))
			if i < 0 || i >= n-1 {
				edge++
				continue
			}
			if inCell[i]++; inCell[i] == 2 {
				multi++
			}
		}
		if multi == 0 || multiOK {
			break
		}
	}
	if multi > 0 && !multiOK {
		t.Skipf("%d grid cells of %d hold two or more of the %d breakpoints: the sampled check cannot tell", multi, n-1, len(T)-2)
	}
	ts := make([]float64, n)
	for i := range ts {
		ts[i] = (float64(i) + 0.5) / float64(n)
	}
	changed, fs := sampleChanges(m, a, b, plus, minus, ts)
	sampled, cells, bad := 0, 0, 0
	for i, c := range changed {
		if inCell[i] > 1 {
			continue
		}
		if c {
			sampled++
		}
		if inCell[i] == 1 {
			cells++
		}
		if c != (inCell[i] == 1) {
			if bad++; bad <= 5 {
				t.Errorf("cell (%v, %v]: sampled pattern changes = %v, Segment's breakpoints in it = %d", ts[i], ts[i+1], c, inCell[i])
			}
		}
	}
	if sampled != cells {
		t.Errorf("%d sampled pattern changes, %d grid cells with a breakpoint (%d cells disagree)", sampled, cells, bad)
	}
	if multi > 0 || edge > 0 {
		t.Logf("left out of the sampled check: %d cells with 2+ breakpoints, %d breakpoints in the end half-cells", multi, edge)
	}

	// f: the reference's scale for the absolute part of the tolerance.
	scale := 0.0
	for _, v := range fs {
		scale = max(scale, math.Abs(v))
	}
	const rtol = 1e-9
	atol := rtol * max(scale, 1e-300)
	close := func(got, want float64) bool { return math.Abs(got-want) <= atol+rtol*math.Abs(want) }
	r := newRefNet(m)
	var prev, cur []int8
	for k := range T {
		z, _ := r.at(a, b, T[k], nil)
		if want := readout(z, plus, minus); !close(F[k], want) {
			t.Errorf("F[%d] = f(%v) = %v, want %v", k, T[k], F[k], want)
		}
		if k == len(T)-1 {
			break
		}
		mid := (T[k] + T[k+1]) / 2
		z, cur = r.at(a, b, mid, cur)
		want := readout(z, plus, minus)
		if got := (F[k] + F[k+1]) / 2; !close(got, want) {
			t.Errorf("piece %d (%v, %v): mean of its ends' F = %v, f(midpoint) = %v: not affine", k, T[k], T[k+1], got, want)
		}
		if k > 0 && slices.Equal(prev, cur) {
			t.Errorf("pieces %d and %d (breakpoint %v) have the same pattern at their midpoints", k-1, k, T[k])
		}
		prev, cur = cur, prev
	}
	return s.Pieces()
}

// randModel builds b and fills its weights and biases with seeded normal
// values (weights ·sqrt(2/fan-in), biases ·0.3).
func randModel(t testing.TB, b *nn.Builder, r *rand.Rand) *nn.Model {
	t.Helper()
	m, err := b.Build(nn.HeadLinear)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range m.Layers() {
		if l.W == nil {
			continue
		}
		fanIn := l.WShape[0]
		if l.Kind == "Conv" {
			fanIn = l.WShape[0] * l.WShape[1] * l.WShape[3]
		}
		for i := range l.W {
			l.W[i] = float32(r.NormFloat64() * math.Sqrt(2/float64(fanIn)))
		}
		for i := range l.B {
			l.B[i] = float32(0.3 * r.NormFloat64())
		}
	}
	return m
}

// randEnds draws two endpoints ~ scale·N(0,1); with blank > 0, that
// fraction of the positions is 0 in both (blank pixels: exact ties).
func randEnds(n int, scale, blank float64, r *rand.Rand) (a, b []float32) {
	a, b = make([]float32, n), make([]float32, n)
	for i := range a {
		if r.Float64() < blank {
			continue
		}
		a[i], b[i] = float32(scale*r.NormFloat64()), float32(scale*r.NormFloat64())
	}
	return a, b
}

type segCase struct {
	desc        string
	build       func() *nn.Builder
	scale       float64 // of the endpoints
	blank       float64 // fraction of blank positions
	plus, minus int
}

var segCases = []segCase{
	{"6→8 relu→8 leaky→3, biases", func() *nn.Builder {
		return nn.NewBuilder("d", nn.Vec(6)).Dense(8, true).ReLU().Dense(8, true).LeakyReLU().Dense(3, true)
	}, 2, 0, 2, 0},
	{"6→8 relu→8 leaky→3, no biases", func() *nn.Builder {
		return nn.NewBuilder("d", nn.Vec(6)).Dense(8, false).ReLU().Dense(8, false).LeakyReLU().Dense(3, false)
	}, 2, 0, 1, -1},
	{"4→16 relu→16 relu→16 leaky→1", func() *nn.Builder {
		return nn.NewBuilder("deep", nn.Vec(4)).Dense(16, true).ReLU().Dense(16, true).ReLU().Dense(16, true).LeakyReLU().Dense(1, true)
	}, 2, 0, 0, -1},
	{"6×6×1 conv 3×3×4 maxpool relu dense 3", func() *nn.Builder {
		return nn.NewBuilder("c", nn.Shape{H: 6, W: 6, C: 1}).Conv(3, 3, 4, 1, true).MaxPool2().ReLU().Dense(3, true)
	}, 1, 0, 0, 2},
	{"9×9×2 conv 3×3×4 avgpool (odd) leaky maxpool (odd) flatten dense 2", func() *nn.Builder {
		return nn.NewBuilder("c", nn.Shape{H: 9, W: 9, C: 2}).Conv(3, 3, 4, 1, false).AvgPool2().LeakyReLU().MaxPool2().Flatten().Dense(2, true)
	}, 1, 0, 1, 0},
	{"9×9×2 conv stride 2, relu, maxpool, dense 3", func() *nn.Builder {
		return nn.NewBuilder("c", nn.Shape{H: 9, W: 9, C: 2}).Conv(3, 3, 3, 2, true).ReLU().MaxPool2().Dense(3, false)
	}, 1, 0, 0, 1},
	{"8×8×1 blank pixels, no biases: conv relu maxpool (ties of zeros) dense 2", func() *nn.Builder {
		return nn.NewBuilder("c", nn.Shape{H: 8, W: 8, C: 1}).Conv(3, 3, 3, 1, false).ReLU().MaxPool2().Dense(2, false)
	}, 1, 0.5, 1, 0},
}

func TestSegmentRandomModels(t *testing.T) {
	n := 40000
	if testing.Short() {
		n = 10000
	}
	for _, c := range segCases {
		for seed := uint64(1); seed <= 4; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", c.desc, seed), func(t *testing.T) {
				t.Parallel()
				r := rand.New(rand.NewPCG(seed, 16))
				m := randModel(t, c.build(), r)
				a, b := randEnds(m.In.Size(), c.scale, c.blank, r)
				checkSegment(t, m, a, b, c.plus, c.minus, n, false)
			})
		}
	}
}

// TestSegmentGolden: f = relu(x) − 2·relu(x − ½) on x from −1 to 1
// breaks at x = 0 (t = ½) and x = ½ (t = ¾).
func TestSegmentGolden(t *testing.T) {
	m := handModel(t)
	s := countSegment(t, m, []float32{-1}, []float32{1}, 0, -1)
	wantT, wantF := []float64{0, 0.5, 0.75, 1}, []float64{0, 0, 0.5, 0}
	if !slices.Equal(s.T(), wantT) || !slices.Equal(s.F(), wantF) || s.Pieces() != 3 {
		t.Errorf("T = %v, F = %v, %d pieces; want %v, %v, 3", s.T(), s.F(), s.Pieces(), wantT, wantF)
	}
}

// handModel is 1 → dense 2 (w = [1, 1], b = [0, −½]) → relu → dense 1
// (w = [1, −2]).
func handModel(t testing.TB) *nn.Model {
	t.Helper()
	m, err := nn.NewBuilder("hand", nn.Vec(1)).Dense(2, true).ReLU().Dense(1, false).Build(nn.HeadLinear)
	if err != nil {
		t.Fatal(err)
	}
	l := m.Layers()
	copy(l[0].W, []float32{1, 1})
	copy(l[0].B, []float32{0, -0.5})
	copy(l[2].W, []float32{1, -2})
	return m
}

// The cache (restarting a pass at the first layer with an event) gives
// the same breakpoints and values, to the bit, as recomputing every layer.
func TestSegmentCacheIsExact(t *testing.T) {
	for _, c := range segCases {
		t.Run(c.desc, func(t *testing.T) {
			r := rand.New(rand.NewPCG(9, 16))
			m := randModel(t, c.build(), r)
			a, b := randEnds(m.In.Size(), 3*c.scale, c.blank, r)
			fast := countSegment(t, m, a, b, c.plus, c.minus)
			slow := NewSegment()
			slow.fullPass = true
			if err := slow.Reset(m, a, b, c.plus, c.minus); err != nil {
				t.Fatal(err)
			}
			for !slow.Step(1) {
			}
			if !slices.Equal(fast.T(), slow.T()) || !slices.Equal(fast.F(), slow.F()) {
				t.Errorf("cached: %d pieces, T %v; full passes: %d pieces, T %v", fast.Pieces(), fast.T(), slow.Pieces(), slow.T())
			}
		})
	}
}

// One Segment reused across models (flatten or not, other shapes) counts
// as a fresh one does.
func TestSegmentReuse(t *testing.T) {
	s := NewSegment()
	r := rand.New(rand.NewPCG(3, 16))
	for round := range 3 {
		for _, c := range segCases {
			m := randModel(t, c.build(), r)
			a, b := randEnds(m.In.Size(), 2*c.scale, c.blank, r)
			if err := s.Reset(m, a, b, c.plus, c.minus); err != nil {
				t.Fatal(err)
			}
			for !s.Step(7) {
			}
			want := countSegment(t, m, a, b, c.plus, c.minus)
			if !slices.Equal(s.T(), want.T()) || !slices.Equal(s.F(), want.F()) {
				t.Errorf("round %d, %s: reused Segment has %d pieces, a fresh one %d", round, c.desc, s.Pieces(), want.Pieces())
			}
		}
	}
}

// The weights are copied at Reset: changing the model afterwards changes
// nothing.
func TestSegmentCopiesWeights(t *testing.T) {
	c := segCases[3]
	r := rand.New(rand.NewPCG(4, 16))
	m := randModel(t, c.build(), r)
	a, b := randEnds(m.In.Size(), 2, 0, r)
	want := countSegment(t, m, a, b, c.plus, c.minus)
	s := NewSegment()
	if err := s.Reset(m, a, b, c.plus, c.minus); err != nil {
		t.Fatal(err)
	}
	for i := range m.Params {
		m.Params[i] = -m.Params[i]
	}
	for !s.Step(1) {
	}
	if !slices.Equal(s.T(), want.T()) || !slices.Equal(s.F(), want.F()) {
		t.Errorf("weights changed after Reset: %d pieces, want %d", s.Pieces(), want.Pieces())
	}
}

// segMNIST holds the first 4 and the first 9 of MNIST's test set,
// normalised to 0..1 as the models see them.
var segMNIST struct {
	once   sync.Once
	a, b   []float32
	i4, i9 int
	err    error
}

// mnist49 returns the 4 and the 9, skipping when MNIST is not found
// (except under CI).
func mnist49(tb testing.TB) (four, nine []float32) {
	tb.Helper()
	segMNIST.once.Do(func() {
		dir, err := datasets.MNISTDir()
		if err != nil {
			segMNIST.err = err
			return
		}
		im, err := os.Open(filepath.Join(dir, datasets.MNISTTestImages))
		if err != nil {
			segMNIST.err = err
			return
		}
		defer im.Close()
		lb, err := os.Open(filepath.Join(dir, datasets.MNISTTestLabels))
		if err != nil {
			segMNIST.err = err
			return
		}
		defer lb.Close()
		te, err := datasets.ReadMNIST(im, lb, "t10k")
		if err != nil {
			segMNIST.err = err
			return
		}
		te.SetNormalized(true)
		segMNIST.i4, segMNIST.i9 = -1, -1
		for i := 0; i < te.Len() && (segMNIST.i4 < 0 || segMNIST.i9 < 0); i++ {
			switch d := te.Digit(i); {
			case d == 4 && segMNIST.i4 < 0:
				segMNIST.i4, segMNIST.a = i, te.Sample(nil, i)
			case d == 9 && segMNIST.i9 < 0:
				segMNIST.i9, segMNIST.b = i, te.Sample(nil, i)
			}
		}
	})
	if err := segMNIST.err; err != nil {
		if errors.Is(err, datasets.ErrMNISTNotFound) && os.Getenv("CI") == "" {
			tb.Skipf("no MNIST data: %v", err)
		}
		tb.Fatal(err)
	}
	return segMNIST.a, segMNIST.b
}

// mnistReadout is the page's: z for a one-output model, else z₉ − z₄.
func mnistReadout(m *nn.Model) (plus, minus int) {
	if m.Out().Size() == 1 {
		return 0, -1
	}
	return 9, 4
}

func TestSegmentMNIST(t *testing.T) {
	a, b := mnist49(t)
	for _, c := range []struct {
		preset string
		n      int
	}{{"vanilla", 50000}, {"cnn", 50000}, {"cnn10", 10000}, {"best", 20000}} {
		t.Run(c.preset, func(t *testing.T) {
			n := c.n
			if testing.Short() {
				n /= 10
			}
			m, err := nn.NewPreset(c.preset, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			plus, minus := mnistReadout(m)
			pieces := checkSegment(t, m, a, b, plus, minus, n, true)
			t.Logf("%s at its initial weights (PCG(1,2)), test image %d (a 4) to %d (a 9): %d pieces", c.preset, segMNIST.i4, segMNIST.i9, pieces)
		})
	}
}

func TestSegmentPresets(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 16))
	a, b := randEnds(784, 1, 0, r)
	m, err := nn.NewPreset("linear", rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if s := countSegment(t, m, a, b, 0, -1); s.Pieces() != 1 || !slices.Equal(s.T(), []float64{0, 1}) {
		t.Errorf("linear: %d pieces, T = %v; want 1, [0 1]", s.Pieces(), s.T())
	}
	for _, c := range []struct {
		preset string
		layer  int
		kind   string
	}{{"mlp10", 1, "Sigmoid"}, {"cnn10-tanh", 1, "Tanh"}} {
		m, err := nn.NewPreset(c.preset, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		s := NewSegment()
		err = s.Reset(m, a, b, 1, 0)
		var se *SmoothError
		if !errors.As(err, &se) || se.Layer != c.layer || se.Kind != c.kind || errors.Unwrap(err) != nil {
			t.Errorf("%s: Reset = %v, want a *SmoothError{%d, %s}", c.preset, err, c.layer, c.kind)
			continue
		}
		if want := fmt.Sprintf("layer %d (%s) is smooth: the network has no linear pieces", c.layer+1, c.kind); !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %q does not say %q", c.preset, err, want)
		}
		if !s.Done() || !s.Step(10) || s.Pieces() != 0 || len(s.T()) != 0 {
			t.Errorf("%s: after the error Done %v, Pieces %d, T %v; want done with nothing", c.preset, s.Done(), s.Pieces(), s.T())
		}
	}
}

func TestSegmentErrors(t *testing.T) {
	m := randModel(t, segCases[0].build(), rand.New(rand.NewPCG(6, 16))) // 6 inputs, 3 outputs
	ok := make([]float32, 6)
	for _, c := range []struct {
		desc        string
		m           *nn.Model
		a, b        []float32
		plus, minus int
	}{
		{"nil model", nil, ok, ok, 0, -1},
		{"short a", m, ok[:5], ok, 0, -1},
		{"long b", m, ok, make([]float32, 7), 0, -1},
		{"plus negative", m, ok, ok, -1, -1},
		{"plus too large", m, ok, ok, 3, -1},
		{"minus too large", m, ok, ok, 0, 3},
	} {
		t.Run(c.desc, func(t *testing.T) {
			s := countSegment(t, m, ok, ok, 0, -1) // a finished count first
			err := s.Reset(c.m, c.a, c.b, c.plus, c.minus)
			var se *SmoothError
			if err == nil || errors.As(err, &se) {
				t.Fatalf("Reset = %v, want an error", err)
			}
			if !s.Done() || s.Pieces() != 0 || len(s.T()) != 0 || len(s.F()) != 0 {
				t.Errorf("after %v: Done %v, Pieces %d, T %v", err, s.Done(), s.Pieces(), s.T())
			}
		})
	}
	if s := NewSegment(); !s.Done() || !s.Step(1) || s.Pieces() != 0 {
		t.Errorf("new Segment: Done %v, Pieces %d; want done with nothing", s.Done(), s.Pieces())
	}
}

func TestSegmentStep(t *testing.T) {
	c := segCases[2]
	r := rand.New(rand.NewPCG(7, 16))
	m := randModel(t, c.build(), r)
	a, b := randEnds(m.In.Size(), 3, 0, r)
	want := countSegment(t, m, a, b, c.plus, c.minus)
	if want.Pieces() < 10 {
		t.Fatalf("only %d pieces: the test wants more", want.Pieces())
	}
	s := NewSegment()
	if err := s.Reset(m, a, b, c.plus, c.minus); err != nil {
		t.Fatal(err)
	}
	if s.Done() || s.Pieces() != 0 || !slices.Equal(s.T(), []float64{0}) || len(s.F()) != 1 {
		t.Fatalf("after Reset: Done %v, Pieces %d, T %v, F %v", s.Done(), s.Pieces(), s.T(), s.F())
	}
	if s.Step(0) || s.Step(-3) || s.Pieces() != 0 {
		t.Fatalf("Step(0) made progress: %d pieces", s.Pieces())
	}
	for steps := 1; !s.Done(); steps++ {
		before := s.Pieces()
		done := s.Step(3)
		if got := s.Pieces() - before; got > 3 || (!done && got != 3) || done != s.Done() {
			t.Fatalf("step %d: %d pieces in a budget of 3 (done %v)", steps, got, done)
		}
		if len(s.T()) != s.Pieces()+1 || len(s.F()) != len(s.T()) {
			t.Fatalf("step %d: %d pieces but len(T) %d, len(F) %d", steps, s.Pieces(), len(s.T()), len(s.F()))
		}
	}
	if !slices.Equal(s.T(), want.T()) || s.Truncated() {
		t.Errorf("in steps of 3: %d pieces (truncated %v), at once %d", s.Pieces(), s.Truncated(), want.Pieces())
	}
	if !s.Step(5) || s.Pieces() != want.Pieces() {
		t.Errorf("Step after Done changed the count to %d", s.Pieces())
	}

	defer func(old int) { maxPieces = old }(maxPieces)
	maxPieces = 4
	tr := countSegment(t, m, a, b, c.plus, c.minus)
	if !tr.Truncated() || tr.Pieces() != 4 || !slices.Equal(tr.T(), want.T()[:5]) || !slices.Equal(tr.F(), want.F()[:5]) {
		t.Errorf("with at most 4 pieces: Truncated %v, %d pieces, T %v; want the first 5 of %v", tr.Truncated(), tr.Pieces(), tr.T(), want.T())
	}
	maxPieces = want.Pieces()
	if tr := countSegment(t, m, a, b, c.plus, c.minus); tr.Truncated() || tr.Pieces() != want.Pieces() {
		t.Errorf("with at most exactly the %d pieces: Truncated %v, %d pieces", want.Pieces(), tr.Truncated(), tr.Pieces())
	}
}

func TestSegmentAllocs(t *testing.T) {
	for _, c := range []segCase{segCases[0], segCases[4]} {
		r := rand.New(rand.NewPCG(8, 16))
		m := randModel(t, c.build(), r)
		a, b := randEnds(m.In.Size(), 2, 0, r)
		s := countSegment(t, m, a, b, c.plus, c.minus) // warm-up: the buffers and T, F
		allocs := testing.AllocsPerRun(10, func() {
			if err := s.Reset(m, a, b, c.plus, c.minus); err != nil {
				t.Fatal(err)
			}
			for !s.Step(3) {
			}
		})
		if allocs != 0 {
			t.Errorf("%s: Reset + Step to the end allocate %v times, want 0", c.desc, allocs)
		}
	}
}

// Two switches closer than δ make one breakpoint: f = relu(x) +
// relu(x − 1e-10) from x = −1 to 1 breaks at t = ½ only.
func TestSegmentMergesShortPieces(t *testing.T) {
	m, err := nn.NewBuilder("close", nn.Vec(1)).Dense(2, true).ReLU().Dense(1, false).Build(nn.HeadLinear)
	if err != nil {
		t.Fatal(err)
	}
	l := m.Layers()
	copy(l[0].W, []float32{1, 1})
	copy(l[0].B, []float32{0, -1e-10})
	copy(l[2].W, []float32{1, 1})
	s := countSegment(t, m, []float32{-1}, []float32{1}, 0, -1)
	if !slices.Equal(s.T(), []float64{0, 0.5, 1}) {
		t.Errorf("T = %v, want [0 0.5 1]: a piece of 5e-11 < δ is merged", s.T())
	}
}

// A window whose inputs tie at tau in float64 though one has the larger
// slope passes that one on, and reports no event at or before tau.
func TestMaxPoolAffineRoundingTie(t *testing.T) {
	// Input 1 is 1 + t·1e-20: equal to input 0 (= 1) at tau after rounding,
	// above it for every t > 0.
	cx, sx := []float64{1, 1, 0, 0}, []float64{0, 1e-20, 0, 0}
	cy, sy := make([]float64, 1), make([]float64, 1)
	next := maxPoolAffine(cy, sy, cx, sx, 2, 2, 1, 0.5)
	if cy[0] != 1 || sy[0] != 1e-20 || !math.IsInf(next, 1) {
		t.Errorf("maxPoolAffine = (%v, %v), next event %v; want (1, 1e-20), +Inf", cy[0], sy[0], next)
	}
}
