package landscape

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"digitlab/kit/plot"
)

func TestRestrictExampleAlongXAxis(t *testing.T) {
	t.Parallel()
	// Along y=0 from x=-2 to 2 (t = (x+2)/4): unit 0 (x) switches at x=0,
	// unit 1 (2x+1) at x=-1/2, unit 2 (-x-1) at x=-1.
	r := Example().Restrict(plot.Point{X: -2, Y: 0}, plot.Point{X: 2, Y: 0})
	if want := []float64{0.25, 0.375, 0.5}; !reflect.DeepEqual(r.Breaks, want) {
		t.Errorf("Breaks = %v, want %v", r.Breaks, want)
	}
	if want := [][]int{{2}, {1}, {0}}; !reflect.DeepEqual(r.Units, want) {
		t.Errorf("Units = %v, want %v", r.Units, want)
	}
	if r.Segments() != 4 || r.Kinks() != 3 {
		t.Errorf("Segments, Kinks = %d, %d, want 4, 3", r.Segments(), r.Kinks())
	}
	// Φ(x,0) by hand: x<-1: -x-1 → Φ(-2)=1; Φ(-1)=0; Φ(-1/2)=0; Φ(0)=-2; Φ(2)=2-10=-8.
	if want := []float64{1, 0, 0, -2, -8}; !reflect.DeepEqual(r.V, want) {
		t.Errorf("V = %v, want %v", r.V, want)
	}
	// dΦ/dt = 4·dΦ/dx: slopes -1, 0, -4, -3 in x.
	if want := []float64{-4, 0, -16, -12}; !reflect.DeepEqual(r.Slopes, want) {
		t.Errorf("Slopes = %v, want %v", r.Slopes, want)
	}
}

func TestRestrictIsPiecewiseLinear(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 40; trial++ {
		n := 1 + r.IntN(32)
		nt := Random(n, r)
		p0 := plot.Point{X: 4*r.Float64() - 2, Y: 4*r.Float64() - 2}
		p1 := plot.Point{X: 4*r.Float64() - 2, Y: 4*r.Float64() - 2}
		res := nt.Restrict(p0, p1)
		if s := res.Segments(); s > n+1 || s < 1 {
			t.Fatalf("n=%d: Segments = %d, want 1..n+1", n, s)
		}
		for k := range res.V {
			p := res.At(res.T[k])
			if got := nt.Eval(p.X, p.Y); got != res.V[k] {
				t.Fatalf("V[%d] = %v, want Φ = %v", k, res.V[k], got)
			}
		}
		// Inside each piece Φ is the linear interpolation of its knots, and
		// the slope matches: nothing breaks between breakpoints.
		for k := 0; k+1 < len(res.T); k++ {
			for _, u := range []float64{0.1, 0.5, 0.9} {
				tt := res.T[k] + u*(res.T[k+1]-res.T[k])
				p := res.At(tt)
				lin := res.V[k] + u*(res.V[k+1]-res.V[k])
				if got := nt.Eval(p.X, p.Y); math.Abs(got-lin) > 1e-9*(1+math.Abs(lin)) {
					t.Fatalf("n=%d piece %d: Φ(t=%v) = %v, linear interpolation %v", n, k, tt, got, lin)
				}
				if dt := res.T[k+1] - res.T[k]; dt > 1e-6 {
					if sl := (res.V[k+1] - res.V[k]) / dt; math.Abs(sl-res.Slopes[k]) > 1e-6*(1+math.Abs(sl)) {
						t.Fatalf("n=%d piece %d: Slopes = %v, from knots %v", n, k, res.Slopes[k], sl)
					}
				}
			}
		}
		// Every unit whose sign differs at the ends must have a break.
		switches := 0
		for i := 0; i < n; i++ {
			if nt.Pre(i, p0.X, p0.Y)*nt.Pre(i, p1.X, p1.Y) < 0 {
				switches++
			}
		}
		total := 0
		for _, u := range res.Units {
			total += len(u)
		}
		if total != switches {
			t.Fatalf("n=%d: %d units in breaks, want %d sign changes", n, total, switches)
		}
	}
}

func TestRestrictEdgeCases(t *testing.T) {
	t.Parallel()
	dead := net([3]float64{1, 0, 0}, [3]float64{0, 1, 0})
	dead.W2[1] = 0 // unit 1 switches but does not change the slope
	tests := []struct {
		desc           string
		nt             *Net
		p0, p1         plot.Point
		segments, kink int
	}{
		{"zero-length segment", Example(), plot.Point{X: 1, Y: -1}, plot.Point{X: 1, Y: -1}, 1, 0},
		{"starts on a kink: no break", net([3]float64{1, 0, 0}), plot.Point{X: 0, Y: -1}, plot.Point{X: 1, Y: 1}, 1, 0},
		{"runs along a kink", net([3]float64{1, 0, 0}), plot.Point{X: 0, Y: -1}, plot.Point{X: 0, Y: 1}, 1, 0},
		{"W2 = 0 break counts as a segment, not a kink", dead, plot.Point{X: -1, Y: -2}, plot.Point{X: 2, Y: 1}, 3, 1},
		{"two units switching at one point: one break", net([3]float64{1, 0, 0}, [3]float64{0, 1, 0}), plot.Point{X: -1, Y: -1}, plot.Point{X: 1, Y: 1}, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			r := tc.nt.Restrict(tc.p0, tc.p1)
			if r.Segments() != tc.segments || r.Kinks() != tc.kink {
				t.Errorf("Segments, Kinks = %d, %d, want %d, %d (breaks %v)", r.Segments(), r.Kinks(), tc.segments, tc.kink, r.Breaks)
			}
		})
	}
}
