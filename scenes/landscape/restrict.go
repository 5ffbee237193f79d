package landscape

import (
	"math"
	"sort"

	"digitlab/kit/plot"
)

// Restriction is Φ restricted to the segment p(t) = P0 + t·(P1-P0),
// t in [0,1]: a piecewise-linear function of one variable.
type Restriction struct {
	P0, P1 plot.Point
	// Breaks are the parameters 0 < t < 1 where at least one unit switches
	// on or off along the segment, ascending; Units[k] lists the units that
	// switch at Breaks[k] (units whose lines cross the segment at the same
	// point share one break).
	Breaks []float64
	Units  [][]int
	// T are the knots 0, Breaks..., 1 and V the values Φ(p(T[k])).
	T, V []float64
	// Slopes[k] is dΦ/dt on (T[k], T[k+1]).
	Slopes []float64
}

// Segments returns the number of pieces between consecutive knots,
// len(Breaks)+1. Since each unit's pre-activation is affine in t it
// switches at most once, so Segments() <= n+1. This counts pieces between
// breakpoints even where the slope happens not to change (W2ᵢ = 0, or two
// switches cancelling); Kinks counts only real slope changes.
func (r Restriction) Segments() int { return len(r.Breaks) + 1 }

// Kinks returns the number of breaks where the slope really changes
// (|Δslope| > 1e-12·(1+max|slope|)): the visible kinks of the 1-D graph.
func (r Restriction) Kinks() int {
	scale := 0.0
	for _, s := range r.Slopes {
		scale = math.Max(scale, math.Abs(s))
	}
	k := 0
	for q := 1; q < len(r.Slopes); q++ {
		if math.Abs(r.Slopes[q]-r.Slopes[q-1]) > 1e-12*(1+scale) {
			k++
		}
	}
	return k
}

// At returns the point p(t) on the segment.
func (r Restriction) At(t float64) plot.Point {
	return plot.Point{X: r.P0.X + t*(r.P1.X-r.P0.X), Y: r.P0.Y + t*(r.P1.Y-r.P0.Y)}
}

// Restrict returns Φ restricted to the segment p0→p1. Unit i's
// pre-activation z(t) = z0 + t(z1-z0) switches at t = z0/(z0-z1) when z0
// and z1 have strictly opposite signs; a unit that is zero at an end point
// or along the whole segment does not break it. Breaks closer than 1e-12
// in t are merged. A zero-length segment gives one piece.
func (nt *Net) Restrict(p0, p1 plot.Point) Restriction {
	r := Restriction{P0: p0, P1: p1}
	type sw struct {
		t    float64
		unit int
	}
	var sws []sw
	for i := 0; i < nt.N; i++ {
		z0, z1 := nt.Pre(i, p0.X, p0.Y), nt.Pre(i, p1.X, p1.Y)
		if z0 > 0 && z1 < 0 || z0 < 0 && z1 > 0 {
			t := z0 / (z0 - z1)
			if t > 0 && t < 1 {
				sws = append(sws, sw{t, i})
			}
		}
	}
	sort.Slice(sws, func(a, b int) bool { return sws[a].t < sws[b].t })
	for _, s := range sws {
		if k := len(r.Breaks) - 1; k >= 0 && s.t-r.Breaks[k] <= 1e-12 {
			r.Units[k] = append(r.Units[k], s.unit)
			continue
		}
		r.Breaks = append(r.Breaks, s.t)
		r.Units = append(r.Units, []int{s.unit})
	}
	r.T = make([]float64, 0, len(r.Breaks)+2)
	r.T = append(r.T, 0)
	r.T = append(r.T, r.Breaks...)
	r.T = append(r.T, 1)
	r.V = make([]float64, len(r.T))
	for k, t := range r.T {
		p := r.At(t)
		r.V[k] = nt.Eval(p.X, p.Y)
	}
	// Slope of each piece from the pattern at its midpoint:
	// dΦ/dt = Σ active W2ᵢ·(W1ᵢ·(p1-p0)).
	dx, dy := p1.X-p0.X, p1.Y-p0.Y
	r.Slopes = make([]float64, len(r.T)-1)
	for k := range r.Slopes {
		m := r.At((r.T[k] + r.T[k+1]) / 2)
		s := 0.0
		for i := 0; i < nt.N; i++ {
			if nt.Pre(i, m.X, m.Y) > 0 {
				s += nt.W2[i] * (nt.W1[2*i]*dx + nt.W1[2*i+1]*dy)
			}
		}
		r.Slopes[k] = s
	}
	return r
}
