package digitsview

import (
	"image"
	"math"
	"math/rand/v2"
	"testing"

	"digitlab/datasets"
	"digitlab/kit/plot"
	"digitlab/nn"
)

var nan, inf = math.NaN(), math.Inf(1)

func finiteRect(r plot.Rect) bool {
	for _, v := range []float64{r.X0, r.Y0, r.X1, r.Y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return r.X1 > r.X0 && r.Y1 > r.Y0
}

func TestChartsWithNaNAndEmpty(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		c     Curves
		empty bool
	}{
		{"no data", Curves{Classes: 2}, true},
		{"only NaN", Curves{Classes: 10, TrainStep: []float64{0, 1}, TrainLoss: []float64{nan, nan}, TrainAcc: []float64{nan, nan}}, true},
		{"diverging", Curves{Classes: 2,
			TrainStep: []float64{0, 10, 20, 30, 40}, TrainLoss: []float64{0.7, 0.5, 1e12, inf, nan}, TrainAcc: []float64{0.5, 0.8, 0.5, nan, nan},
			TestStep: []float64{0, 20}, TestLoss: []float64{0.69, nan}, TestAcc: []float64{0.5, nan}}, false},
		{"normal", Curves{Classes: 10, TrainStep: []float64{0, 100, 200}, TrainLoss: []float64{2.3, 0.5, 0.2}, TrainAcc: []float64{0.1, 0.8, 0.95},
			TestStep: []float64{0, 200}, TestLoss: []float64{2.3, 0.25}, TestAcc: []float64{0.1, 0.93}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			for _, ch := range []Chart{tc.c.LossChart(), tc.c.AccChart()} {
				l := ch.LineChart.Layout()
				if !finiteRect(l.World) {
					t.Fatalf("%s: world %v not finite and non-empty", ch.YTitle, l.World)
				}
				if len(l.XTicks) == 0 || len(l.YTicks) == 0 {
					t.Errorf("%s: no ticks (%v, %v)", ch.YTitle, l.XTicks, l.YTicks)
				}
				for _, tk := range append(l.XTicks, l.YTicks...) {
					if math.IsNaN(tk.Value) || tk.Label == "NaN" || tk.Label == "+Inf" {
						t.Errorf("%s: tick %+v", ch.YTitle, tk)
					}
				}
				if ch.Baseline < l.World.Y0 || ch.Baseline > l.World.Y1 {
					t.Errorf("%s: baseline %v outside the y range %v", ch.YTitle, ch.Baseline, l.World)
				}
				npts := 0
				for _, s := range l.Series {
					for _, line := range s.Lines {
						for _, p := range line {
							npts++
							if math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
								t.Errorf("%s: plotted point %v", ch.YTitle, p)
							}
						}
					}
				}
				if (npts == 0) != tc.empty {
					t.Errorf("%s: %d plotted points, empty = %v", ch.YTitle, npts, tc.empty)
				}
			}
		})
	}
	// A diverging loss is clipped at 3·log 2, not allowed to squash the curve.
	lc := tests[2].c.LossChart()
	l := lc.LineChart.Layout()
	if want := 3 * math.Log(2); math.Abs(l.World.Y1-want) > 1e-12 {
		t.Errorf("loss chart top = %v, want %v", l.World.Y1, want)
	}
	if l.World.Y0 != 0 {
		t.Errorf("loss chart bottom = %v, want 0", l.World.Y0)
	}
	if b := tests[3].c.LossChart().Baseline; math.Abs(b-2.302585) > 1e-6 {
		t.Errorf("10-class baseline = %v, want log 10", b)
	}
	segs := Clip([]plot.Point{{X: 0, Y: 0.5}, {X: 10, Y: 1e12}}, l.World)
	if len(segs) != 1 || segs[0].Y1 > l.World.Y1+1e-9 {
		t.Errorf("Clip = %v, want one segment ending at the top", segs)
	}
}

func TestNiceCeil(t *testing.T) {
	t.Parallel()
	tests := []struct{ v, want float64 }{
		{10, 10}, {11, 12}, {1118, 1200}, {1201, 1500}, {15001, 18000}, {0.3, 0.3}, {0, 1}, {nan, 1}, {inf, 1}, {799, 800}, {801, 1000},
	}
	for _, tc := range tests {
		got := NiceCeil(tc.v)
		if math.Abs(got-tc.want) > 1e-9*tc.want {
			t.Errorf("NiceCeil(%v) = %v, want %v", tc.v, got, tc.want)
		}
		if tc.v > 0 && !math.IsInf(tc.v, 0) && (got < tc.v || got > 1.25*tc.v) {
			t.Errorf("NiceCeil(%v) = %v, not in [v, 1.25v]", tc.v, got)
		}
	}
}

func TestRecorder(t *testing.T) {
	t.Parallel()
	var r Recorder
	r.Max = 8
	r.Reset()
	for s := range 100 {
		r.Add(s, float64(s), 0.5)
	}
	if len(r.Step) > 8 {
		t.Fatalf("kept %d points, want ≤ 8", len(r.Step))
	}
	if r.Step[0] != 0 {
		t.Errorf("first point step = %v, want 0", r.Step[0])
	}
	for i := 1; i < len(r.Step); i++ {
		if r.Step[i] <= r.Step[i-1] || r.Loss[i] != r.Step[i] {
			t.Fatalf("points out of order or mismatched: %v / %v", r.Step, r.Loss)
		}
	}
	if last := r.Step[len(r.Step)-1]; last < 100-float64(r.Stride)-1 {
		t.Errorf("last point at %v, stride %d: the recent steps are missing", last, r.Stride)
	}
	r.Reset()
	if len(r.Step) != 0 || r.Stride != 1 {
		t.Errorf("after Reset: %d points, stride %d", len(r.Step), r.Stride)
	}
}

func TestFirstLayer(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		model      string
		n, w, h    int
		firstValue func(m *nn.Model) float32 // weight (0,0) of map 1 (or 0)
	}{
		{"linear", 1, 28, 28, func(m *nn.Model) float32 { return m.Layers()[0].W[0] }},
		{"vanilla", 32, 28, 28, func(m *nn.Model) float32 { return m.Layers()[0].W[1] }}, // w[i*nOut+o], i=0, o=1
		{"cnn", 8, 5, 5, func(m *nn.Model) float32 { return m.Layers()[1].W[1] }},        // after the avgpool; od=1, id=0
		{"digits64", 32, 8, 8, func(m *nn.Model) float32 { return m.Layers()[0].W[1] }},
	}
	for _, tc := range tests {
		m, err := nn.NewPreset(tc.model, r)
		if err != nil {
			t.Fatal(err)
		}
		w, ok := FirstLayer(m)
		if !ok || len(w.Maps) != tc.n {
			t.Fatalf("%s: %d maps (ok %v), want %d", tc.model, len(w.Maps), ok, tc.n)
		}
		mp := w.Maps[min(1, tc.n-1)]
		if mp.W != tc.w || mp.H != tc.h || len(mp.V) != tc.w*tc.h {
			t.Errorf("%s: map %d×%d (%d values), want %d×%d", tc.model, mp.W, mp.H, len(mp.V), tc.w, tc.h)
		}
		if mp.V[0] != tc.firstValue(m) {
			t.Errorf("%s: map value %v, want %v", tc.model, mp.V[0], tc.firstValue(m))
		}
		if w.Norm.Min != -w.Norm.Max || !(w.Norm.Max > 0) {
			t.Errorf("%s: norm %v is not symmetric", tc.model, w.Norm)
		}
	}
	// Our own preset (its architecture may change): one map per filter of
	// its first convolution, w[((kh*KW+kw)*OD+od)*ID].
	m, _ := nn.NewPreset("best", r)
	w, _ := FirstLayer(m)
	l := m.Layers()[0]
	kh, kw, od, id := l.WShape[0], l.WShape[1], l.WShape[2], l.WShape[3]
	if l.Kind != "Conv" || len(w.Maps) != min(od, MaxMaps) || w.Maps[0].W != kw || w.Maps[0].H != kh {
		t.Errorf("best: %d maps %d×%d, want %d of %d×%d", len(w.Maps), w.Maps[0].W, w.Maps[0].H, od, kw, kh)
	}
	if od > 1 && w.Maps[1].V[kw+1] != l.W[((1*kw+1)*od+1)*id] {
		t.Errorf("best: filter 1 (1,1) = %v, want %v", w.Maps[1].V[kw+1], l.W[((1*kw+1)*od+1)*id])
	}

	// The linear model's map is its 784 weights in image order.
	m, _ = nn.NewPreset("linear", r)
	w, _ = FirstLayer(m)
	for i, v := range w.Maps[0].V {
		if v != m.Params[i] {
			t.Fatalf("linear map[%d] = %v, want w[%d] = %v", i, v, i, m.Params[i])
		}
	}
	// Red negative, white zero, blue positive.
	img := image.NewRGBA(image.Rect(0, 0, 3, 1))
	wm := Weights{Maps: []WeightMap{{W: 3, H: 1, V: []float32{-1, 0, 1}}}, Norm: plot.Symmetric(-1, 1)}
	wm.Render(img, []image.Rectangle{img.Rect})
	neg, zero, pos := img.RGBAAt(0, 0), img.RGBAAt(1, 0), img.RGBAAt(2, 0)
	if !(neg.R > neg.B) || !(pos.B > pos.R) || zero.R != 255 || zero.G != 255 || zero.B != 255 {
		t.Errorf("colours: negative %v, zero %v, positive %v", neg, zero, pos)
	}
}

// Render gives the same pixels as plot.ScaleGray with the diverging map
// (the slow, obviously correct oracle).
func TestRenderMatchesScaleGray(t *testing.T) {
	t.Parallel()
	m, _ := nn.NewPreset("vanilla", rand.New(rand.NewPCG(5, 6)))
	w, _ := FirstLayer(m)
	got := image.NewRGBA(image.Rect(0, 0, 333, 217))
	want := image.NewRGBA(got.Rect)
	cells := Grid(got.Rect, len(w.Maps), w.Maps[0].W, w.Maps[0].H, 3)
	cells[0] = image.Rect(-5, -7, 40, 50) // partly outside: clipped alike
	w.Render(got, cells)
	for i, c := range cells {
		plot.ScaleGray(want, c, w.Maps[i].V, w.Maps[i].W, w.Maps[i].H, plot.Diverging, w.Norm)
	}
	for i := range got.Pix {
		if got.Pix[i] != want.Pix[i] {
			t.Fatalf("byte %d (pixel %d,%d) = %d, want %d", i, i/4%333, i/4/333, got.Pix[i], want.Pix[i])
		}
	}
}

func TestGrid(t *testing.T) {
	t.Parallel()
	area := image.Rect(10, 20, 410, 220)
	for _, n := range []int{1, 8, 16, 32} {
		cells := Grid(area, n, 5, 5, 4)
		if len(cells) != n {
			t.Fatalf("Grid(%d) gave %d cells", n, len(cells))
		}
		for i, c := range cells {
			if !c.In(area) {
				t.Errorf("n=%d: cell %d %v outside %v", n, i, c, area)
			}
			if c.Dx() != c.Dy() || c.Dx()%5 != 0 {
				t.Errorf("n=%d: cell %v not a whole multiple of 5×5", n, c)
			}
			for _, d := range cells[:i] {
				if c.Overlaps(d) {
					t.Errorf("n=%d: cells %v and %v overlap", n, c, d)
				}
			}
		}
	}
}

func TestMatrix(t *testing.T) {
	t.Parallel()
	img := make([]float32, 28*28)
	for i := range img {
		img[i] = float32(i)
	}
	tests := []struct{ row, col, r0, c0 int }{
		{0, 0, 0, 0}, {14, 14, 11, 11}, {27, 27, 20, 20}, {3, 25, 0, 20},
	}
	for _, tc := range tests {
		r0, c0 := BlockAt(tc.row, tc.col, 28, 28)
		if r0 != tc.r0 || c0 != tc.c0 {
			t.Errorf("BlockAt(%d,%d) = (%d,%d), want (%d,%d)", tc.row, tc.col, r0, c0, tc.r0, tc.c0)
		}
		if tc.row < r0 || tc.row >= r0+Block || tc.col < c0 || tc.col >= c0+Block {
			t.Errorf("BlockAt(%d,%d): the pixel is not in its block", tc.row, tc.col)
		}
	}
	m := Matrix(img, 28, 28, 20, 20)
	if m[0][0] != 20*28+20 || m[7][7] != 27*28+27 {
		t.Errorf("Matrix corners = %v, %v", m[0][0], m[7][7])
	}
	if m := Matrix(img[:64], 8, 8, 4, 0); !math.IsNaN(m[7][0]) || m[3][0] != 56 {
		t.Errorf("Matrix beyond the image: %v", m)
	}
	// Seed 003's X[0] first rows, normalised: 0.3125 prints as 0.31.
	cells := []struct {
		v    float64
		raw  bool
		want string
	}{{0.3125, false, "0.31"}, {0, false, "0"}, {1, false, "1"}, {255, true, "255"}, {5, true, "5"}, {nan, false, "·"}}
	for _, c := range cells {
		if got := Cell(c.v, c.raw); got != c.want {
			t.Errorf("Cell(%v, %v) = %q, want %q", c.v, c.raw, got, c.want)
		}
	}
}

func digits(t *testing.T) *datasets.Set {
	t.Helper()
	path, err := datasets.DigitsPath()
	if err != nil {
		t.Fatalf("the 8x8 digits file is part of the repository (datasets/data): %v", err)
	}
	d, err := datasets.LoadDigits(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPrepareDigits8(t *testing.T) {
	t.Parallel()
	src := Sources{Digits: digits(t)}
	c := Default("digits8")
	c.TrainN, c.Noise, c.Raw = 100, 0.5, true
	p, err := Prepare(c, src)
	if err != nil {
		t.Fatal(err)
	}
	if p.Train.Len() != 100 || p.Test.Len() != 360 {
		t.Errorf("sizes %d / %d, want 100 / 360", p.Train.Len(), p.Test.Len())
	}
	if !src.Digits.Normalized() {
		t.Errorf("Prepare changed the source set's normalisation")
	}
	x := p.Test.Sample(nil, 0)
	mx := float32(0)
	for _, v := range x {
		mx = max(mx, v)
	}
	if mx <= 1 {
		t.Errorf("raw test sample max = %v, want 0..16 values", mx)
	}
	if _, err := Prepare(Default("4v9"), src); err == nil {
		t.Errorf("Prepare(4v9) without MNIST: no error")
	}
}

// Seed 000's task from the real MNIST files: the fours and nines, the
// training set shuffled by the seed, the stress test's 1000 noisy images.
func TestPrepare4v9(t *testing.T) {
	if testing.Short() {
		t.Skip("loads MNIST")
	}
	dir, err := datasets.MNISTDir()
	if err != nil {
		t.Fatal(err) // says how to get the data; missing data must fail, not skip
	}
	tr, te, err := datasets.LoadMNIST(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := Sources{Train: tr, Test: te}
	c := Default("4v9")
	p, err := Prepare(c, src)
	if err != nil {
		t.Fatal(err)
	}
	// 5842 fours + 5949 nines; 982 + 1009 in the test set.
	if p.Train.Len() != 11791 || p.Test.Len() != 1991 {
		t.Errorf("sizes %d / %d, want 11791 / 1991", p.Train.Len(), p.Test.Len())
	}
	q, _ := Prepare(c, src)
	c.Seed++
	r, _ := Prepare(c, src)
	same, differ := true, false
	for i := range 50 {
		same = same && p.Train.Label(i) == q.Train.Label(i)
		differ = differ || p.Train.Label(i) != r.Train.Label(i)
	}
	if !same || !differ {
		t.Errorf("shuffle: same seed same order = %v, other seed other order = %v", same, differ)
	}
	c.TrainN, c.Noise = 1000, 1
	s, _ := Prepare(c, src)
	if s.Train.Len() != 1000 || !s.Train.IsFloat() || s.Test.IsFloat() {
		t.Errorf("stress test: %d images, noisy train %v, noisy test %v", s.Train.Len(), s.Train.IsFloat(), s.Test.IsFloat())
	}
	if tr.Len() != 60000 || !tr.Normalized() {
		t.Errorf("Prepare changed the source set")
	}
}

func TestGuessLabel(t *testing.T) {
	if got := guessLabel(2); got != "50/50 guess: log 2" {
		t.Errorf("two classes: %q", got)
	}
	if got := guessLabel(10); got != "uniform guess: log 10" {
		t.Errorf("ten classes: %q (a ten-class guess is not 50/50)", got)
	}
}
