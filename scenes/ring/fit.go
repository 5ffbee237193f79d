package ring

import "math"

// Fit answers the seed's closing question for a circular ring (a, b): which
// diamond ring fits it best by intersection over union.
type Fit struct {
	Base   Measures // the seed's choice a' = a, b' = b
	Best   Measures // IoU-optimal (a', b'), found numerically
	Scale  float64  // the best uniform scale s for (a', b') = (s·a, s·b)
	Scaled Measures // measures at that scale
}

// Gain is how much the IoU improves from the seed's diamond to the best one.
func (f Fit) Gain() float64 { return f.Best.IoU - f.Base.IoU }

// BestIoU maximises IoU(a', b') against the circular ring (a, b): a 41×41
// grid on [a/2, 2a]×[b/2, 2b] (a' clamped at 0, a' < b'), then a compass
// search that halves its steps until they are below 1e-10·b. IoU is
// continuous and piecewise smooth in (a', b'), so the result is accurate to
// about 1e-9 in the radii. It also finds the best uniform scale s ∈ [0.5, 2]
// by a grid and a golden-section refinement. Returns a *ParamError for bad
// (a, b).
func BestIoU(a, b float64) (Fit, error) {
	if err := Validate(a, b); err != nil {
		return Fit{}, err
	}
	iou := func(da, db float64) float64 {
		if da < 0 || da >= db {
			return -1
		}
		return measures(a, b, da, db, overlapExact(a, b, da, db)).IoU
	}
	const n = 40
	loA, hiA, loB, hiB := a/2, 2*a, b/2, 2*b
	bestA, bestB, best := a, b, iou(a, b)
	for i := 0; i <= n; i++ {
		for j := 0; j <= n; j++ {
			da := loA + (hiA-loA)*float64(i)/n
			db := loB + (hiB-loB)*float64(j)/n
			if v := iou(da, db); v > best {
				bestA, bestB, best = da, db, v
			}
		}
	}
	stepA, stepB := (hiA-loA)/n, (hiB-loB)/n
	if stepA == 0 { // a = 0: still let a' move
		stepA = b / n
	}
	for stepA > 1e-10*b || stepB > 1e-10*b {
		moved := false
		for _, d := range [4][2]float64{{stepA, 0}, {-stepA, 0}, {0, stepB}, {0, -stepB}} {
			da, db := math.Max(0, bestA+d[0]), bestB+d[1]
			if v := iou(da, db); v > best {
				bestA, bestB, best, moved = da, db, v, true
			}
		}
		if !moved {
			stepA, stepB = stepA/2, stepB/2
		}
	}

	scaled := func(s float64) float64 { return iou(s*a, s*b) }
	s := bestScale(scaled, 0.5, 2)
	return Fit{
		Base:   measures(a, b, a, b, overlapExact(a, b, a, b)),
		Best:   measures(a, b, bestA, bestB, overlapExact(a, b, bestA, bestB)),
		Scale:  s,
		Scaled: measures(a, b, s*a, s*b, overlapExact(a, b, s*a, s*b)),
	}, nil
}

// bestScale maximises f on [lo, hi]: a 151-point grid, then golden-section
// search in the bracket around the best grid point.
func bestScale(f func(float64) float64, lo, hi float64) float64 {
	const n = 150
	h := (hi - lo) / n
	bi, bv := 0, math.Inf(-1)
	for i := 0; i <= n; i++ {
		if v := f(lo + h*float64(i)); v > bv {
			bi, bv = i, v
		}
	}
	x0 := math.Max(lo, lo+h*float64(bi-1))
	x1 := math.Min(hi, lo+h*float64(bi+1))
	g := (math.Sqrt(5) - 1) / 2
	c, d := x1-g*(x1-x0), x0+g*(x1-x0)
	fc, fd := f(c), f(d)
	for x1-x0 > 1e-12 {
		if fc > fd {
			x1, d, fd = d, c, fc
			c = x1 - g*(x1-x0)
			fc = f(c)
		} else {
			x0, c, fc = c, d, fd
			d = x0 + g*(x1-x0)
			fd = f(d)
		}
	}
	return (x0 + x1) / 2
}
