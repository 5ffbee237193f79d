package datasets

import (
	"math"
	"math/rand/v2"
	"testing"
)

// nearL1 reports whether point p lies within float32 rounding of the L1
// ring's boundary, where a float32 copy may fall on the other side.
func nearL1(p []float32, a, b float64) bool {
	r := math.Abs(float64(p[0])) + math.Abs(float64(p[1]))
	return math.Abs(r-a) < 1e-6 || math.Abs(r-b) < 1e-6
}

func TestInRing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		desc       string
		x, y       float64
		circle, l1 bool
	}{
		{"origin", 0, 0, false, false},
		{"on axis inside", 1.5, 0, true, true},
		{"diagonal (1,1)", 1, 1, true, true}, // r² = 2; |x|+|y| = 2 = b: boundary counts
		{"inner boundary", 0, -1, true, true},
		{"outer corner", 1.9, 1.9, false, false},
		{"circle not diamond", 1.5, 1.2, true, false}, // r² = 3.69; L1 2.7
		{"diamond not circle", 0.6, 0.6, false, true}, // r² = 0.72; L1 1.2
		{"outside", -3, 0, false, false},
	} {
		if got := InRing(RingCircle, 1, 2, tc.x, tc.y); got != tc.circle {
			t.Errorf("%s: InRing(circle, 1, 2, %v, %v) = %v, want %v", tc.desc, tc.x, tc.y, got, tc.circle)
		}
		if got := InRing(RingL1, 1, 2, tc.x, tc.y); got != tc.l1 {
			t.Errorf("%s: InRing(l1, 1, 2, %v, %v) = %v, want %v", tc.desc, tc.x, tc.y, got, tc.l1)
		}
	}
}

func TestRingPoints(t *testing.T) {
	t.Parallel()
	const n, half = 20000, 2.5
	for _, tc := range []struct {
		desc   string
		kind   RingKind
		a, b   float64
		golden int // inside count for rand.NewPCG(1, 2), recorded; same natively and in wasm
	}{
		{"circle 1..2", RingCircle, 1, 2, 7494},
		{"l1 1..2", RingL1, 1, 2, 4788},
		{"circle 0.5..1.5", RingCircle, 0.5, 1.5, 4964},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			s := RingPoints(rand.New(rand.NewPCG(1, 2)), n, half, tc.kind, tc.a, tc.b)
			if s.Len() != n || s.Size() != 2 || s.Classes() != 2 || s.Names[1] != "inside" {
				t.Fatalf("RingPoints: %d samples of size %d, want %d of 2", s.Len(), s.Size(), n)
			}
			inside := s.Counts()[1]
			p := RingArea(tc.kind, tc.a, tc.b) / (4 * half * half)
			sd := math.Sqrt(n * p * (1 - p))
			if math.Abs(float64(inside)-n*p) > 4*sd {
				t.Errorf("inside = %d, want %.0f ± %.0f (area ratio %.4f)", inside, n*p, 4*sd, p)
			}
			if inside != tc.golden {
				t.Errorf("inside = %d, want golden %d", inside, tc.golden)
			}
			x := make([]float32, 2)
			for i := range s.Len() {
				x = s.Sample(x, i)
				if math.Abs(float64(x[0])) > half || math.Abs(float64(x[1])) > half {
					t.Fatalf("point %v outside the square", x)
				}
				in := InRing(tc.kind, tc.a, tc.b, float64(x[0]), float64(x[1]))
				if in != (s.Label(i) == 1) && !nearL1(x, tc.a, tc.b) {
					t.Fatalf("point %v labelled %d, InRing = %v", x, s.Label(i), in)
				}
			}
		})
	}
}

func TestGrid(t *testing.T) {
	t.Parallel()
	xy := Grid(3, 2, 1)
	want := []float32{-1, -1, 0, -1, 1, -1, -1, 1, 0, 1, 1, 1}
	for i := range want {
		if xy[i] != want[i] {
			t.Fatalf("Grid(3, 2, 1) = %v, want %v", xy, want)
		}
	}
	// A 201×201 grid over [-2.5, 2.5]² (spacing 0.025): count the inside
	// points with a plain loop over the documented coordinates and compare
	// with the area ratio.
	for _, kind := range []RingKind{RingCircle, RingL1} {
		s := RingGrid(kind, 1, 2, 2.5, 201, 201)
		count := 0
		for j := range 201 {
			for i := range 201 {
				x, y := 2.5*float64(2*i-200)/200, 2.5*float64(2*j-200)/200
				var in bool
				if kind == RingCircle {
					in = 1 <= x*x+y*y && x*x+y*y <= 4
				} else {
					in = 1 <= math.Abs(x)+math.Abs(y) && math.Abs(x)+math.Abs(y) <= 2
				}
				if in {
					count++
				}
			}
		}
		got := s.Counts()[1]
		if got != count {
			t.Errorf("%v: RingGrid inside = %d, brute force %d", kind, got, count)
		}
		ratio := float64(got) / (201 * 201)
		if want := RingArea(kind, 1, 2) / 25; math.Abs(ratio-want) > 0.01 {
			t.Errorf("%v: inside ratio %.4f, want area ratio %.4f", kind, ratio, want)
		}
	}
}
