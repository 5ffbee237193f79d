package datasets

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// tagged builds an MNIST-like set of n 2×2 images whose four pixels all
// equal the sample's index i (so a sample can be traced through copies),
// with digit label i%10.
func tagged(t testing.TB, n int) *Set {
	t.Helper()
	pix := make([]byte, 0, 4*n)
	labels := make([]byte, n)
	for i := range n {
		pix = append(pix, byte(i), byte(i), byte(i), byte(i))
		labels[i] = byte(i % 10)
	}
	s, err := ReadMNIST(bytes.NewReader(idxImages(MagicImages, uint32(n), 2, 2, pix)),
		bytes.NewReader(idxLabels(MagicLabels, uint32(n), labels)), "tagged")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// pointSet is a set that is not digits (no Digits): two 2-D points stored
// as float32, classes "outside" and "inside".
func pointSet() *Set {
	return &Set{Name: "points", H: 1, W: 1, C: 2, Names: []string{"outside", "inside"}, Max: 1,
		n: 2, labels: []uint8{0, 1}, fpix: []float32{0.1, 0.2, 0.9, 0.8}, norm: true}
}

// tag returns the tag of sample i and checks that its pixels agree.
func tag(t *testing.T, s *Set, i int) int {
	t.Helper()
	r := s.Raw(i)
	if r[0] != r[1] || r[0] != r[2] || r[0] != r[3] {
		t.Fatalf("sample %d pixels %v are not one tag", i, r)
	}
	return int(r[0])
}

func TestSampleScale(t *testing.T) {
	// Not parallel: AllocsPerRun.
	s := tagged(t, 200)
	x := make([]float32, 0, 4)
	x = s.Sample(x, 150)
	if len(x) != 4 || x[0] != float32(150)/255 {
		t.Fatalf("Sample(150) = %v, want 4 × 150/255", x)
	}
	s.SetNormalized(false)
	if x = s.Sample(x, 150); x[3] != 150 || s.Scale() != 1 || s.Normalized() {
		t.Fatalf("raw Sample(150) = %v, want 4 × 150", x)
	}
	s.SetNormalized(true)
	if s.Scale() != float32(1)/255 {
		t.Fatalf("Scale() = %v, want 1/255", s.Scale())
	}
	if a := testing.AllocsPerRun(100, func() { x = s.Sample(x, 7) }); a != 0 {
		t.Errorf("Sample allocates %v times, want 0", a)
	}
	if got := s.Sample(nil, 1); len(got) != 4 {
		t.Errorf("Sample(nil, 1) has length %d, want 4", len(got))
	}
	defer func() {
		if recover() == nil {
			t.Errorf("Sample(_, 200) did not panic")
		}
	}()
	s.Sample(x, 200)
}

func TestSelect(t *testing.T) {
	t.Parallel()
	s := tagged(t, 100)
	sel, err := s.Select(9, 4)
	if err != nil {
		t.Fatal(err)
	}
	if sel.Len() != 20 || sel.Classes() != 2 || sel.Names[0] != "9" || sel.Names[1] != "4" {
		t.Fatalf("Select(9, 4): %d samples, names %v; want 20, [9 4]", sel.Len(), sel.Names)
	}
	prev := -1
	for i := range sel.Len() {
		g := tag(t, sel, i)
		want := 0 // digit 9 → class 0
		if g%10 == 4 {
			want = 1
		}
		if g <= prev || sel.Label(i) != want || sel.Digit(i) != g%10 {
			t.Fatalf("sample %d: tag %d (prev %d) class %d digit %d, want order kept, class %d", i, g, prev, sel.Label(i), sel.Digit(i), want)
		}
		prev = g
	}
	// Selecting again from the selection works on its own digits.
	if again, err := sel.Select(4); err != nil || again.Len() != 10 || again.Digit(0) != 4 {
		t.Fatalf("Select(4) of Select(9, 4) = %v, %v", again, err)
	}
	for _, tc := range []struct {
		desc   string
		s      *Set
		digits []int
	}{
		{"absent digit", sel, []int{3}},
		{"twice", s, []int{4, 4}},
		{"none", s, nil},
		{"not digits", pointSet(), []int{1}},
	} {
		var ce *ConfigError
		if _, err := tc.s.Select(tc.digits...); !errors.As(err, &ce) {
			t.Errorf("%s: Select(%v) error = %v, want *ConfigError", tc.desc, tc.digits, err)
		}
	}
}

func TestShuffle(t *testing.T) {
	t.Parallel()
	a, b := tagged(t, 200), tagged(t, 200)
	a.Shuffle(rand.New(rand.NewPCG(7, 7)))
	b.Shuffle(rand.New(rand.NewPCG(7, 7)))
	seen := make([]bool, 200)
	moved := 0
	for i := range a.Len() {
		g := tag(t, a, i)
		if a.Digit(i) != g%10 {
			t.Fatalf("after Shuffle sample %d has tag %d but digit %d", i, g, a.Digit(i))
		}
		if seen[g] {
			t.Fatalf("tag %d appears twice after Shuffle", g)
		}
		seen[g] = true
		if g != i {
			moved++
		}
		if tag(t, b, i) != g {
			t.Fatalf("same seed, different order at %d", i)
		}
	}
	if moved < 150 {
		t.Errorf("Shuffle moved only %d of 200 samples", moved)
	}
	// Float storage shuffles too: noise 0 keeps each tag, as tag/255.
	q := tagged(t, 50).AddNoise(rand.New(rand.NewPCG(1, 2)), 0)
	q.Shuffle(rand.New(rand.NewPCG(3, 3)))
	seen = make([]bool, 50)
	moved = 0
	for i := range q.Len() {
		y := q.Sample(nil, i)
		g := int(math.Round(float64(y[0]) * 255))
		if y[1] != y[0] || y[2] != y[0] || y[3] != y[0] || g < 0 || g >= 50 || seen[g] || q.Label(i) != g%10 {
			t.Fatalf("shuffled float sample %d = %v with label %d: not one tag, seen once, with its digit", i, y, q.Label(i))
		}
		seen[g] = true
		if g != i {
			moved++
		}
	}
	if moved < 30 {
		t.Errorf("Shuffle moved only %d of 50 float samples", moved)
	}
}

func TestHeadSplitConcat(t *testing.T) {
	t.Parallel()
	s := tagged(t, 250)
	h := s.Head(100)
	if h.Len() != 100 || tag(t, h, 99) != 99 || s.Head(1000).Len() != 250 || s.Head(0).Len() != 0 {
		t.Fatalf("Head: len %d, want 100 / 250 / 0", h.Len())
	}
	tr, te := s.Split(rand.New(rand.NewPCG(42, 0)), 0.2)
	if tr.Len() != 200 || te.Len() != 50 {
		t.Fatalf("Split(0.2) of 250 = %d/%d, want 200/50", tr.Len(), te.Len())
	}
	seen := make([]int, 250)
	for _, part := range []*Set{tr, te} {
		for i := range part.Len() {
			g := tag(t, part, i)
			seen[g]++
			if part.Digit(i) != g%10 {
				t.Fatalf("split sample with tag %d has digit %d", g, part.Digit(i))
			}
		}
	}
	for g, c := range seen {
		if c != 1 {
			t.Fatalf("tag %d appears %d times in train+test", g, c)
		}
	}
	tr2, _ := s.Split(rand.New(rand.NewPCG(42, 0)), 0.2)
	for i := range tr.Len() {
		if tag(t, tr, i) != tag(t, tr2, i) {
			t.Fatalf("Split with the same seed differs at %d", i)
		}
	}
	c, err := Concat(te, tr)
	if err != nil || c.Len() != 250 || tag(t, c, 50) != tag(t, tr, 0) {
		t.Fatalf("Concat = %v, %v", c, err)
	}
	sel, _ := s.Select(4, 9)
	var ce *ConfigError
	if _, err := Concat(s, sel); !errors.As(err, &ce) {
		t.Errorf("Concat of 10-class and 2-class sets: err = %v, want *ConfigError", err)
	}
	if _, err := Concat(s, s.AddNoise(rand.New(rand.NewPCG(1, 1)), 0.1)); !errors.As(err, &ce) {
		t.Errorf("Concat of uint8 and float sets: err = %v, want *ConfigError", err)
	}
}

// TestAddNoise checks seed 000's stress transform x' = clip(x + randn, 0, 1)
// against the clipped normal's moments: for x = 0 the mean of x' is
// φ(0) − φ(1) + (1 − Φ(1)) ≈ 0.31563 and P(x' = 0) = 1/2; for x = 1 the
// mean is 1 − 0.31563.
func TestAddNoise(t *testing.T) {
	// Not parallel: AllocsPerRun.
	const n = 4000 // samples of 2×2
	pix := make([]byte, 4*n)
	for i := range pix {
		if i%2 == 1 {
			pix[i] = 255
		}
	}
	s, err := ReadMNIST(bytes.NewReader(idxImages(MagicImages, n, 2, 2, pix)),
		bytes.NewReader(idxLabels(MagicLabels, n, make([]byte, n))), "flat")
	if err != nil {
		t.Fatal(err)
	}
	noisy := s.AddNoise(rand.New(rand.NewPCG(1, 2)), 1)
	if !noisy.IsFloat() || s.IsFloat() || noisy.Raw(0) != nil {
		t.Fatalf("AddNoise: IsFloat %v (source %v), want true (false)", noisy.IsFloat(), s.IsFloat())
	}
	phi := func(z float64) float64 { return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi) }
	wantMean0 := phi(0) - phi(1) + 0.5*math.Erfc(1/math.Sqrt2)
	var sum [2]float64
	zeros := 0
	x := make([]float32, 4)
	for i := range n {
		for j, v := range noisy.Sample(x, i) {
			if v < 0 || v > 1 {
				t.Fatalf("noisy value %v outside [0, 1]", v)
			}
			sum[j%2] += float64(v)
			if j%2 == 0 && v == 0 {
				zeros++
			}
		}
	}
	m := 2.0 * n // values per parity
	// Standard error of the mean is below 0.4/sqrt(8000) ≈ 0.0045; allow 4×.
	if got := sum[0] / m; math.Abs(got-wantMean0) > 0.018 {
		t.Errorf("mean of clip(0 + randn) = %.4f, want %.4f", got, wantMean0)
	}
	if got := sum[1] / m; math.Abs(got-(1-wantMean0)) > 0.018 {
		t.Errorf("mean of clip(1 + randn) = %.4f, want %.4f", got, 1-wantMean0)
	}
	if got := float64(zeros) / m; math.Abs(got-0.5) > 0.025 {
		t.Errorf("P(clip(0 + randn) = 0) = %.4f, want 0.5", got)
	}
	// Raw output of a noisy set is in 0..255; sigma 0 keeps the values.
	quiet := tagged(t, 200).AddNoise(rand.New(rand.NewPCG(1, 2)), 0)
	quiet.SetNormalized(false)
	if got := quiet.Sample(x, 123); math.Abs(float64(got[0])-123) > 1e-4 {
		t.Errorf("raw Sample of sigma-0 noise = %v, want 123", got[0])
	}
	if a := testing.AllocsPerRun(100, func() { x = noisy.Sample(x, 5) }); a != 0 {
		t.Errorf("float Sample allocates %v times, want 0", a)
	}
}
