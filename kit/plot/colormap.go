package plot

import (
	"image/color"
	"math"
)

// ColorMap maps t in [0,1] to a colour. Values outside [0,1] are clamped;
// NaN maps to the map's NaN colour.
type ColorMap interface {
	At(t float64) color.RGBA
}

// Table is a colour map that interpolates linearly between equally spaced
// stops: Stops[0] at t=0, Stops[len-1] at t=1.
type Table struct {
	Name  string
	Stops []color.RGBA
	NaN   color.RGBA // colour for NaN input
}

// At returns the colour at t, clamped to [0,1]. It panics if the table has
// fewer than two stops.
func (m *Table) At(t float64) color.RGBA {
	if len(m.Stops) < 2 {
		panic("plot: colour table needs at least two stops")
	}
	if math.IsNaN(t) {
		return m.NaN
	}
	if t <= 0 {
		return m.Stops[0]
	}
	if t >= 1 {
		return m.Stops[len(m.Stops)-1]
	}
	f := t * float64(len(m.Stops)-1)
	i := int(f)
	if i >= len(m.Stops)-1 {
		return m.Stops[len(m.Stops)-1]
	}
	u := f - float64(i)
	a, b := m.Stops[i], m.Stops[i+1]
	lerp := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + u*(float64(q)-float64(p)))) }
	return color.RGBA{lerp(a.R, b.R), lerp(a.G, b.G), lerp(a.B, b.B), 255}
}

// Diverging is red for negative values, white at zero and blue for positive
// values (ColorBrewer RdBu-like stops with a pure white centre). Use it with
// a Symmetric Norm so that zero lands on t=0.5. Weight maps use it too.
var Diverging = &Table{
	Name: "diverging",
	Stops: []color.RGBA{
		{178, 24, 43, 255},
		{214, 96, 77, 255},
		{244, 165, 130, 255},
		{253, 219, 199, 255},
		{255, 255, 255, 255},
		{209, 229, 240, 255},
		{146, 197, 222, 255},
		{67, 147, 195, 255},
		{33, 102, 172, 255},
	},
	NaN: color.RGBA{128, 128, 128, 255},
}

// Sequential is a viridis-like map from dark purple (t=0) through blue and
// green to yellow (t=1), with lightness increasing monotonically. The stops
// are viridis sampled at ninths.
var Sequential = &Table{
	Name: "sequential",
	Stops: []color.RGBA{
		{68, 1, 84, 255},
		{72, 40, 120, 255},
		{62, 73, 137, 255},
		{49, 104, 142, 255},
		{38, 130, 142, 255},
		{31, 158, 137, 255},
		{53, 183, 121, 255},
		{110, 206, 88, 255},
		{253, 231, 37, 255},
	},
	NaN: color.RGBA{255, 0, 255, 255},
}

// Gray maps 0 to black and 1 to white.
var Gray = &Table{
	Name:  "gray",
	Stops: []color.RGBA{{0, 0, 0, 255}, {255, 255, 255, 255}},
	NaN:   color.RGBA{255, 0, 0, 255},
}

// GrayInverted maps 0 to white and 1 to black (ink on paper, as digits are
// usually shown).
var GrayInverted = &Table{
	Name:  "gray-inverted",
	Stops: []color.RGBA{{255, 255, 255, 255}, {0, 0, 0, 255}},
	NaN:   color.RGBA{255, 0, 0, 255},
}

// Norm maps a value v to t = (v-Min)/(Max-Min). When Max == Min every finite
// value maps to 0.5.
type Norm struct{ Min, Max float64 }

// T returns the normalised position of v (not clamped; ColorMap.At clamps).
func (n Norm) T(v float64) float64 {
	if n.Max == n.Min {
		if math.IsNaN(v) {
			return v
		}
		return 0.5
	}
	return (v - n.Min) / (n.Max - n.Min)
}

// Symmetric returns the Norm [-m, m] with m = max(|lo|, |hi|), so that zero
// maps to t = 0.5 (the white of Diverging). Non-finite inputs are ignored;
// if nothing finite is left, or m == 0, it returns [-1, 1].
func Symmetric(lo, hi float64) Norm {
	m := 0.0
	for _, v := range [...]float64{lo, hi} {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			m = math.Max(m, math.Abs(v))
		}
	}
	if m == 0 {
		m = 1
	}
	return Norm{-m, m}
}

// Color returns cm.At(n.T(v)).
func Color(cm ColorMap, n Norm, v float64) color.RGBA { return cm.At(n.T(v)) }
