package plot

import (
	"math"
	"strconv"
)

// NiceStep returns the smallest step of the form {1,2,5}·10^k with
// span/step <= maxTicks. It panics if maxTicks < 1; a zero or non-finite
// span gives 1.
func NiceStep(span float64, maxTicks int) float64 {
	if maxTicks < 1 {
		panic("plot: NiceStep needs maxTicks >= 1")
	}
	span = math.Abs(span)
	if span == 0 || math.IsNaN(span) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(maxTicks)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range [...]float64{1, 2, 5, 10} {
		if s := m * p; s >= raw*(1-1e-12) {
			return s
		}
	}
	return 10 * p
}

// NiceTicks returns the multiples of NiceStep(max-min, maxTicks) that lie in
// [min, max] (with a relative tolerance of 1e-9 of the step at both ends).
// min > max are swapped; a degenerate or non-finite range gives nil.
func NiceTicks(min, max float64, maxTicks int) []float64 {
	if min > max {
		min, max = max, min
	}
	if !(max > min) || math.IsInf(max-min, 0) {
		return nil
	}
	step := NiceStep(max-min, maxTicks)
	k0 := math.Ceil(min/step - 1e-9)
	k1 := math.Floor(max/step + 1e-9)
	ticks := make([]float64, 0, int(k1-k0)+1)
	for k := k0; k <= k1; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0 // no "-0"
		}
		ticks = append(ticks, v)
	}
	return ticks
}

// NiceLevels returns about n level values for contouring data in [lo, hi]:
// the nice ticks strictly inside (lo, hi).
func NiceLevels(lo, hi float64, n int) []float64 {
	var out []float64
	for _, v := range NiceTicks(lo, hi, n) {
		if v > lo && v < hi {
			out = append(out, v)
		}
	}
	return out
}

// FormatTick formats v with as many decimals as the step needs
// (step 0.25 → 2 decimals, step 5 → 0). Very large or small magnitudes use
// exponent notation.
func FormatTick(v, step float64) string {
	if v == 0 {
		return "0"
	}
	if a := math.Abs(v); a >= 1e6 || a < 1e-4 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	dec := 0
	step = math.Abs(step)
	if step > 0 && !math.IsInf(step, 0) {
		for s := step; dec < 8 && math.Abs(s-math.Round(s)) > 1e-9*math.Max(1, s); s *= 10 {
			dec++
		}
	}
	return strconv.FormatFloat(v, 'f', dec, 64)
}

// Tick is an axis position with its label.
type Tick struct {
	Value float64
	Label string
}

// Ticks returns NiceTicks(min, max, maxTicks) with labels.
func Ticks(min, max float64, maxTicks int) []Tick {
	vs := NiceTicks(min, max, maxTicks)
	if len(vs) == 0 {
		return nil
	}
	step := NiceStep(math.Abs(max-min), maxTicks)
	out := make([]Tick, len(vs))
	for i, v := range vs {
		out[i] = Tick{v, FormatTick(v, step)}
	}
	return out
}
