package ring

import (
	"math"
	"sort"

	"digitlab/kit/plot"
)

// Measures compares the circular ring C = {a ≤ √(x1²+x2²) ≤ b} with the
// diamond ring D = {a' ≤ |x1|+|x2| ≤ b'}. All areas are exact up to float64
// rounding (see the package doc for the method).
type Measures struct {
	A, B        float64 // circle radii a, b
	DA, DB      float64 // diamond radii a', b' (L1 norms)
	CircleArea  float64 // |C| = π(b²-a²)
	DiamondArea float64 // |D| = 2(b'²-a'²)
	Overlap     float64 // |C ∩ D|
	Missed      float64 // |C \ D| / |C|: share of the circular ring the diamond misses
	Extra       float64 // |D \ C| / |C|: area wrongly inside, relative to |C|
	IoU         float64 // |C ∩ D| / |C ∪ D|
}

// Wrong is the area the diamond classifies wrongly relative to the ring's
// area: Missed + Extra = |C Δ D| / |C|.
func (m Measures) Wrong() float64 { return m.Missed + m.Extra }

// Compare returns the measures of the circular ring (a, b) against the
// diamond ring (da, db). Both pairs must satisfy 0 ≤ lo < hi (else a
// *ParamError).
func Compare(a, b, da, db float64) (Measures, error) {
	if err := Validate(a, b); err != nil {
		return Measures{}, err
	}
	if err := Validate(da, db); err != nil {
		return Measures{}, err
	}
	return measures(a, b, da, db, overlapExact(a, b, da, db)), nil
}

// Compare returns the measures of n's diamond ring against the circular ring
// with the same radii: Compare(n.A, n.B, n.A, n.B).
func (n *Net) Compare() Measures {
	return measures(n.A, n.B, n.A, n.B, overlapExact(n.A, n.B, n.A, n.B))
}

func measures(a, b, da, db, overlap float64) Measures {
	c := math.Pi * (b*b - a*a)
	d := 2 * (db*db - da*da)
	// Clamp rounding so that the fractions stay in range.
	overlap = math.Max(0, math.Min(overlap, math.Min(c, d)))
	return Measures{
		A: a, B: b, DA: da, DB: db,
		CircleArea: c, DiamondArea: d, Overlap: overlap,
		Missed: (c - overlap) / c,
		Extra:  (d - overlap) / c,
		IoU:    overlap / (c + d - overlap),
	}
}

// k is the L1 norm of the unit vector at angle θ ∈ [0, π/4]: cos θ + sin θ
// = √2·cos(θ-π/4), rising from 1 to √2.
func k(theta float64) float64 { return math.Sqrt2 * math.Cos(theta-math.Pi/4) }

// invK is the antiderivative of 1/k(θ)²: tan(θ-π/4)/2.
func invK(theta float64) float64 { return math.Tan(theta-math.Pi/4) / 2 }

// overlapExact returns |C ∩ D| by integrating ½(hi²-lo²)⁺ over θ ∈ [0, π/4]
// in closed form between breakpoints, times 8 (the eight symmetric octants).
// At angle θ, lo = max(a, da/k), hi = min(b, db/k).
func overlapExact(a, b, da, db float64) float64 {
	breaks := []float64{0, math.Pi / 4}
	for _, num := range [2]float64{da, db} {
		for _, den := range [2]float64{a, b} {
			if den <= 0 {
				continue
			}
			if c := num / den; c > 1 && c < math.Sqrt2 {
				breaks = append(breaks, math.Pi/4-math.Acos(c/math.Sqrt2))
			}
		}
	}
	sort.Float64s(breaks)
	var sum float64
	for i := 1; i < len(breaks); i++ {
		t0, t1 := breaks[i-1], breaks[i]
		if t1 <= t0 {
			continue
		}
		// Between breakpoints each bound is either a constant radius (c²)
		// or an L1 radius over k (q²/k²); pick by the midpoint.
		kk := k((t0 + t1) / 2)
		var cLo, qLo, cHi, qHi float64
		if a >= da/kk {
			cLo = a * a
		} else {
			qLo = da * da
		}
		if b <= db/kk {
			cHi = b * b
		} else {
			qHi = db * db
		}
		if cHi+qHi/(kk*kk) <= cLo+qLo/(kk*kk) {
			continue // empty overlap on this interval
		}
		sum += 0.5 * ((cHi-cLo)*(t1-t0) + (qHi-qLo)*(invK(t1)-invK(t0)))
	}
	return 8 * sum
}

// overlapNumeric is the slow oracle for overlapExact: composite Simpson over
// θ ∈ [0, π/4] with n (even) intervals of the same integrand. The integrand
// has kinks at the breakpoints, so the error falls only like 1/n².
func overlapNumeric(a, b, da, db float64, n int) float64 {
	f := func(t float64) float64 {
		kk := k(t)
		lo := math.Max(a, da/kk)
		hi := math.Min(b, db/kk)
		if hi <= lo {
			return 0
		}
		return 0.5 * (hi*hi - lo*lo)
	}
	h := math.Pi / 4 / float64(n)
	s := f(0) + f(math.Pi/4)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		s += w * f(float64(i)*h)
	}
	return 8 * s * h / 3
}

// RegionMeasures estimates Missed, Extra and IoU of an arbitrary region
// {in(x1, x2)} (a learned network's z ≥ 0) against the circular ring (a, b)
// by the midpoint rule on an n×n grid over box; parts of either set outside
// box are ignored, and CircleArea is the ring's area inside box as counted.
// The error is of the order of the boundary length times the cell size
// divided by |C|. DA and DB are left zero. Panics if n < 1.
func RegionMeasures(in func(x1, x2 float64) bool, a, b float64, box plot.Rect, n int) Measures {
	if n < 1 {
		panic("ring: RegionMeasures needs n ≥ 1")
	}
	hx, hy := box.W()/float64(n), box.H()/float64(n)
	var c, d, both int
	for j := range n {
		y := box.Y0 + (float64(j)+0.5)*hy
		for i := range n {
			x := box.X0 + (float64(i)+0.5)*hx
			ci, di := InCircle(a, b, x, y), in(x, y)
			if ci {
				c++
			}
			if di {
				d++
			}
			if ci && di {
				both++
			}
		}
	}
	cell := hx * hy
	m := Measures{A: a, B: b, CircleArea: float64(c) * cell, DiamondArea: float64(d) * cell, Overlap: float64(both) * cell}
	if c > 0 {
		m.Missed = float64(c-both) / float64(c)
		m.Extra = float64(d-both) / float64(c)
	}
	if u := c + d - both; u > 0 {
		m.IoU = float64(both) / float64(u)
	}
	return m
}
