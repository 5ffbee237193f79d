package pad

import (
	"math"
	"testing"
)

// draw replays strokes (pad units) on a fresh default canvas.
func draw(strokes ...[]Point) *Canvas {
	c := NewCanvas(DefaultN, DefaultRadius)
	for _, s := range strokes {
		c.Begin(s[0].X, s[0].Y)
		for _, p := range s[1:] {
			c.LineTo(p.X, p.Y)
		}
		c.End()
	}
	return c
}

// com is the test's own centre of mass (float64, pixel centres at i+0.5).
func com(img []float32, w int) (cx, cy, mass float64) {
	for i, v := range img {
		x, y := i%w, i/w
		mass += float64(v)
		cx += float64(v) * (float64(x) + 0.5)
		cy += float64(v) * (float64(y) + 0.5)
	}
	return cx / mass, cy / mass, mass
}

// extent is the test's own ink bounding box size (values > 0).
func extent(img []float32, w int) (bw, bh int) {
	x0, y0, x1, y1 := w, len(img)/w, -1, -1
	for i, v := range img {
		if v > 0 {
			x, y := i%w, i/w
			x0, x1 = min(x0, x), max(x1, x)
			y0, y1 = min(y0, y), max(y1, y)
		}
	}
	if x1 < 0 {
		return 0, 0
	}
	return x1 - x0 + 1, y1 - y0 + 1
}

var shapes = []struct {
	desc    string
	strokes [][]Point
	tall    bool // the bounding box is taller than wide
}{
	{"vertical one", [][]Point{{{0.45, 0.1}, {0.5, 0.9}}}, true},
	{"horizontal bar", [][]Point{{{0.1, 0.5}, {0.9, 0.52}}}, false},
	{"seven in a corner", [][]Point{{{0.05, 0.05}, {0.4, 0.05}, {0.15, 0.5}}}, true},
	{"four", [][]Point{{{0.3, 0.2}, {0.25, 0.55}, {0.7, 0.55}}, {{0.6, 0.2}, {0.6, 0.9}}}, true},
	{"zero", circle(0.5, 0.5, 0.2, 0.3, 40), true},
	{"dot", [][]Point{{{0.8, 0.8}}}, false},
	{"seven", [][]Point{{{0.2, 0.1}, {0.8, 0.1}, {0.45, 0.9}}}, true},
}

func circle(cx, cy, rx, ry float64, n int) [][]Point {
	s := make([]Point, n+1)
	for i := range s {
		a := 2 * math.Pi * float64(i) / float64(n)
		s[i] = Point{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	return [][]Point{s}
}

func TestMNISTCentredAndBoxed(t *testing.T) {
	t.Parallel()
	for _, tc := range shapes {
		t.Run(tc.desc, func(t *testing.T) {
			c := draw(tc.strokes...)
			x := MNIST(nil, c.Pix, c.N)
			if len(x) != 784 {
				t.Fatalf("len = %d, want 784", len(x))
			}
			for i, v := range x {
				if math.IsNaN(float64(v)) || v < 0 || v > 1 {
					t.Fatalf("pixel %d = %v, want a number in [0,1]", i, v)
				}
			}
			cx, cy, mass := com(x, 28)
			if mass <= 0 {
				t.Fatalf("no ink in the 28×28 image")
			}
			if math.Abs(cx-14) > 0.5 || math.Abs(cy-14) > 0.5 {
				t.Errorf("centre of mass = (%.3f, %.3f), want (14, 14) ± 0.5", cx, cy)
			}
			bw, bh := extent(x, 28)
			if bw > 20 || bh > 20 {
				t.Errorf("ink box = %d×%d, want ≤ 20×20", bw, bh)
			}
			long := max(bw, bh)
			if tc.desc != "dot" && long != 20 {
				t.Errorf("longer side = %d, want 20 (scaled to fit the box)", long)
			}
			if tc.desc != "dot" && (bh > bw) != tc.tall {
				t.Errorf("box %d×%d: aspect ratio not kept (tall = %v)", bw, bh, tc.tall)
			}
		})
	}
}

// A drawing whose ink is piled at one edge of its box cannot have its
// centre of mass moved to (14, 14) without pushing ink out of the field:
// then the ink stays whole and the centre is as close as the field allows.
func TestMNISTKeepsInkInField(t *testing.T) {
	t.Parallel()
	hook := []Point{{0.1, 0.1}, {0.9, 0.1}, {0.9, 0.15}, {0.1, 0.15}, {0.1, 0.2}, {0.9, 0.2}, {0.5, 0.9}}
	c := draw(hook)
	x := MNIST(nil, c.Pix, c.N)
	var box [Box * Box]float32
	fitBox(box[:], c.Pix, c.N, Box)
	_, _, want := com(box[:], Box)
	cx, cy, got := com(x, 28)
	if math.Abs(got-want) > 1e-3 {
		t.Errorf("ink = %.3f, want %.3f (nothing cut off)", got, want)
	}
	if math.Abs(cx-14) > 0.5 || math.Abs(cy-14) > 1.5 {
		t.Errorf("centre of mass = (%.3f, %.3f), want near (14, 14)", cx, cy)
	}
}

func TestMNISTBlank(t *testing.T) {
	t.Parallel()
	c := NewCanvas(DefaultN, DefaultRadius)
	dst := make([]float32, 784)
	for i := range dst {
		dst[i] = 7 // must be overwritten
	}
	x := MNIST(dst, c.Pix, c.N)
	for i, v := range x {
		if v != 0 {
			t.Fatalf("blank pad: pixel %d = %v, want 0", i, v)
		}
	}
	c.Begin(0.5, 0.5)
	c.Clear()
	if !c.Empty() {
		t.Errorf("Empty() = false after Clear")
	}
	for i, v := range MNIST(x, c.Pix, c.N) {
		if v != 0 {
			t.Fatalf("cleared pad: pixel %d = %v, want 0", i, v)
		}
	}
	for i, v := range Digits8(nil, c.Pix, c.N) {
		if v != 0 {
			t.Fatalf("cleared pad, 8×8: pixel %d = %v, want 0", i, v)
		}
	}
}

// Moving the drawing on the pad by whole canvas pixels must not change what
// the network sees: MNIST's pre-processing removes position.
func TestMNISTTranslationInvariant(t *testing.T) {
	t.Parallel()
	base := [][]Point{{{0.3, 0.2}, {0.25, 0.55}, {0.7, 0.55}}, {{0.6, 0.2}, {0.6, 0.7}}}
	shift := func(dx, dy float64) [][]Point {
		out := make([][]Point, len(base))
		for i, s := range base {
			for _, p := range s {
				out[i] = append(out[i], Point{p.X + dx, p.Y + dy})
			}
		}
		return out
	}
	a := MNIST(nil, draw(base...).Pix, DefaultN)
	b := MNIST(nil, draw(shift(16.0/DefaultN, 24.0/DefaultN)...).Pix, DefaultN)
	for i := range a {
		if d := math.Abs(float64(a[i] - b[i])); d > 1e-3 {
			t.Fatalf("pixel %d: %v vs %v after moving the drawing", i, a[i], b[i])
		}
	}
}

func TestBrush(t *testing.T) {
	t.Parallel()
	c := draw([]Point{{0.1, 0.5}, {0.9, 0.5}})
	n := c.N
	mid := n / 2 // the line y = 0.5·n passes between rows mid-1 and mid
	tests := []struct {
		desc string
		x, y int
		lo   float32
		hi   float32
	}{
		{"on the line", n / 2, mid, 1, 1},
		{"inside the radius", n / 2, mid + 3, 1, 1},
		{"on the soft edge", n / 2, mid + int(DefaultRadius), 0.01, 0.99},
		{"far away", n / 2, mid + int(DefaultRadius) + 3, 0, 0},
		{"beyond the end", n - 2, mid, 0, 0},
	}
	for _, tc := range tests {
		if v := c.Pix[tc.y*n+tc.x]; v < tc.lo || v > tc.hi {
			t.Errorf("%s: Pix(%d,%d) = %v, want in [%v,%v]", tc.desc, tc.x, tc.y, v, tc.lo, tc.hi)
		}
	}
	// Redraw reproduces the incremental stamping.
	before := append([]float32(nil), c.Pix...)
	c.Redraw()
	for i := range before {
		if before[i] != c.Pix[i] {
			t.Fatalf("Redraw: pixel %d = %v, was %v", i, c.Pix[i], before[i])
		}
	}
}

func TestDigits8(t *testing.T) {
	t.Parallel()
	c := draw([]Point{{0.5, 0.1}, {0.5, 0.9}})
	x := Digits8(nil, c.Pix, c.N)
	bw, bh := extent(x, 8)
	if bh != 8 || bw > 3 {
		t.Errorf("vertical stroke in 8×8: box %d×%d, want height 8 and a narrow width", bw, bh)
	}
	for i, v := range x {
		if math.IsNaN(float64(v)) || v < 0 || v > 1 {
			t.Fatalf("pixel %d = %v, want in [0,1]", i, v)
		}
	}
}

func TestPanicsOnWrongLength(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Errorf("MNIST with a short canvas did not panic")
		}
	}()
	MNIST(nil, make([]float32, 10), DefaultN)
}

func BenchmarkMNIST(b *testing.B) {
	c := draw(circle(0.5, 0.5, 0.2, 0.3, 40)...)
	dst := make([]float32, 784)
	b.ReportAllocs()
	for b.Loop() {
		MNIST(dst, c.Pix, c.N)
	}
}
