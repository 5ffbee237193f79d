package regions

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"digitlab/kit/plot"
)

func randPoint(r *rand.Rand, v plot.Rect) plot.Point {
	return plot.Point{X: v.X0 + r.Float64()*v.W(), Y: v.Y0 + r.Float64()*v.H()}
}

// TestRestrictAgainstSampling checks breakpoints against the pattern
// sampled densely along the segment: between two samples whose patterns
// differ there is a break, and every sample inside a piece has that
// piece's pattern.
func TestRestrictAgainstSampling(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(12, 1))
	samples := 20000
	if testing.Short() {
		samples = 4000
	}
	for _, tc := range randCases {
		nt := tc.net()
		for q := 0; q < 5; q++ {
			res := nt.Restrict(randPoint(r, tc.view), randPoint(r, tc.view))
			piece := 0
			prev := Pattern{}
			for s := 0; s <= samples; s++ {
				tt := float64(s) / float64(samples)
				for piece+1 < len(res.Patterns) && res.T[piece+1] <= tt {
					piece++
				}
				p := res.At(tt)
				got := nt.Pattern(p.X, p.Y)
				if s > 0 && got != prev {
					lo, hi := float64(s-1)/float64(samples), tt
					found := false
					for _, b := range res.Breaks {
						found = found || b >= lo-BreakTol && b <= hi+BreakTol
					}
					if !found {
						t.Fatalf("%s: pattern changes between t=%v and %v but no break there (breaks %v)", tc.desc, lo, hi, res.Breaks)
					}
				}
				prev = got
				if d := math.Min(tt-res.T[piece], res.T[piece+1]-tt); d > 1e-9 && got != res.Patterns[piece] {
					t.Fatalf("%s: at t=%v pattern %x, piece %d has %x", tc.desc, tt, got, piece, res.Patterns[piece])
				}
			}
			for k := range res.Breaks {
				if len(res.Switches(nil, k)) == 0 {
					t.Fatalf("%s: no unit switches at break %d", tc.desc, k)
				}
			}
		}
	}
}

// TestRestrictValues: the values at the knots are Φ there, consecutive
// knots are joined by each piece's slope, and Φ is the straight line
// between knots inside every piece.
func TestRestrictValues(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(13, 1))
	for _, tc := range randCases {
		nt := tc.net()
		for q := 0; q < 10; q++ {
			res := nt.Restrict(randPoint(r, tc.view), randPoint(r, tc.view))
			if len(res.T) != len(res.V) || len(res.T) != res.Segments()+1 || len(res.Slopes) != res.Segments() {
				t.Fatalf("%s: %d knots, %d values, %d slopes, %d segments", tc.desc, len(res.T), len(res.V), len(res.Slopes), res.Segments())
			}
			for k, tt := range res.T {
				p := res.At(tt)
				if want := nt.Eval(p.X, p.Y); math.Abs(res.V[k]-want) > 1e-9*(1+math.Abs(want)) {
					t.Fatalf("%s: V[%d] = %v at t=%v, Eval = %v", tc.desc, k, res.V[k], tt, want)
				}
			}
			for k := 0; k+1 < len(res.T); k++ {
				dt := res.T[k+1] - res.T[k]
				if end := res.V[k] + res.Slopes[k]*dt; math.Abs(end-res.V[k+1]) > 1e-9*(1+math.Abs(end)) {
					t.Fatalf("%s piece %d: V + slope·dt = %v, next V = %v", tc.desc, k, end, res.V[k+1])
				}
				for _, u := range []float64{0.1, 0.5, 0.9} {
					p := res.At(res.T[k] + u*dt)
					lin := res.V[k] + u*(res.V[k+1]-res.V[k])
					if got := nt.Eval(p.X, p.Y); math.Abs(got-lin) > 1e-9*(1+math.Abs(lin)) {
						t.Fatalf("%s piece %d: Φ = %v inside, straight line %v", tc.desc, k, got, lin)
					}
				}
			}
			if res.Segments() < 1 || res.Segments() > 1+totalUnits(nt.Widths)*64 {
				t.Fatalf("%s: %d segments", tc.desc, res.Segments())
			}
		}
	}
}

func totalUnits(w []int) int {
	n := 0
	for _, v := range w {
		n += v
	}
	return n
}

func TestRestrictCases(t *testing.T) {
	t.Parallel()
	// The seed example along y = 0 from x = -2 to 2 (t = (x+2)/4): unit 2
	// (-x-1) switches at x=-1, unit 1 (2x+1) at x=-1/2, unit 0 (x) at 0;
	// Φ(x,0) by hand: 1 at x=-2, 0 at -1 and -1/2, -2 at 0, 2-10 = -8 at 2
	// (landscape's restrict_test.go).
	res := Example().Restrict(plot.Point{X: -2, Y: 0}, plot.Point{X: 2, Y: 0})
	if want := []float64{0.25, 0.375, 0.5}; !reflect.DeepEqual(res.Breaks, want) {
		t.Errorf("Breaks = %v, want %v", res.Breaks, want)
	}
	if want := []float64{1, 0, 0, -2, -8}; !reflect.DeepEqual(res.V, want) {
		t.Errorf("V = %v, want %v", res.V, want)
	}
	if want := []float64{-4, 0, -16, -12}; !reflect.DeepEqual(res.Slopes, want) {
		t.Errorf("Slopes = %v, want %v", res.Slopes, want)
	}
	if got := res.Switches(nil, 0); !reflect.DeepEqual(got, []UnitID{{0, 2}}) {
		t.Errorf("Switches at break 0 = %v, want unit 2 of layer 0", got)
	}

	// The bent net along x = -1 then x = 1, upwards: the layer-1 unit
	// switches at y = 1/2 and y = 3/2 (its kink's two arms).
	bn := bent()
	for _, c := range []struct {
		x     float64
		wantY float64
		layer int
	}{{-1, 0.5, 1}, {1, 1.5, 1}} {
		res := bn.Restrict(plot.Point{X: c.x, Y: 0.25}, plot.Point{X: c.x, Y: 2})
		if res.Segments() != 2 {
			t.Errorf("bent along x=%v: %d segments (breaks %v), want 2", c.x, res.Segments(), res.Breaks)
			continue
		}
		if p := res.At(res.Breaks[0]); math.Abs(p.Y-c.wantY) > 1e-12 {
			t.Errorf("bent along x=%v: break at y=%v, want %v", c.x, p.Y, c.wantY)
		}
		if sw := res.Switches(nil, 0); len(sw) != 1 || sw[0].Layer != c.layer {
			t.Errorf("bent along x=%v: switches %v, want the layer-1 unit", c.x, sw)
		}
	}

	tests := []struct {
		desc     string
		nt       *Net
		p0, p1   plot.Point
		segments int
		switches int
	}{
		{"zero-length segment", Example(), plot.Point{X: 1, Y: -1}, plot.Point{X: 1, Y: -1}, 1, 0},
		{"starts on a kink: no break", lines([3]float64{1, 0, 0}), plot.Point{X: 0, Y: -1}, plot.Point{X: 1, Y: 1}, 1, 0},
		{"runs along a kink", lines([3]float64{1, 0, 0}), plot.Point{X: 0, Y: -1}, plot.Point{X: 0, Y: 1}, 1, 0},
		{"two units switching at one point: one break", lines([3]float64{1, 0, 0}, [3]float64{0, 1, 0}), plot.Point{X: -1, Y: -1}, plot.Point{X: 1, Y: 1}, 2, 2},
		{"layer-1 unit switching where a layer-0 one does", bent(), plot.Point{X: -1, Y: 0.5}, plot.Point{X: 1, Y: 0.5}, 2, 2},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			res := tc.nt.Restrict(tc.p0, tc.p1)
			sw := 0
			if len(res.Breaks) > 0 {
				sw = len(res.Switches(nil, 0))
			}
			if res.Segments() != tc.segments || sw != tc.switches {
				t.Errorf("Segments = %d, switches at the first break = %d, want %d, %d (breaks %v)", res.Segments(), sw, tc.segments, tc.switches, res.Breaks)
			}
		})
	}
}

func TestRestrictToAllocs(t *testing.T) {
	nt := randCases[4].net()
	var res Restriction
	p0, p1 := plot.Point{X: -2, Y: -1.3}, plot.Point{X: 1.9, Y: 2}
	nt.RestrictTo(&res, p0, p1)
	allocs := testing.AllocsPerRun(20, func() { nt.RestrictTo(&res, p0, p1) })
	if allocs != 0 {
		t.Errorf("RestrictTo allocates %v times when reused, want 0", allocs)
	}
}
