package descent

import (
	"fmt"
	"math"
)

// Behaviour is what the gradient method does along one axis of a quadratic.
type Behaviour int

// Ordered from best to worst.
const (
	Converges            Behaviour = iota // 0 <= r < 1: straight in
	ConvergesOscillating                  // -1 < r < 0: zig-zag in
	Oscillates                            // r = -1: jumps between two points for ever
	Diverges                              // r > 1: runs away on one side
	DivergesOscillating                   // r < -1: zig-zags out
)

func (b Behaviour) String() string {
	return [...]string{"converges", "converges (oscillating)", "oscillates", "diverges", "diverges (oscillating)"}[b]
}

// Factor returns the per-step contraction factor r of the gradient method
// along an axis with curvature k: the distance to the optimum along that
// axis is multiplied by r each step, so x_k - x* = r^k (x_0 - x*).
// Stepping towards the optimum (descent on a minimum, ascent on a maximum)
// gives r = 1 - ηk; the wrong sign gives r = 1 + ηk.
func Factor(fn *Func, k, eta float64, sign Sign) float64 {
	right := (sign == Descend) != fn.Maximum
	if right {
		return 1 - eta*k
	}
	return 1 + eta*k
}

// Factors returns the factors along x and y (curvatures Kx, Ky).
func Factors(fn *Func, eta float64, sign Sign) (rx, ry float64) {
	return Factor(fn, fn.Kx, eta, sign), Factor(fn, fn.Ky, eta, sign)
}

// BehaviourOf classifies a factor r (exact comparisons: r = -1 only at
// exactly η = 2/k).
func BehaviourOf(r float64) Behaviour {
	switch {
	case r >= 0 && r < 1:
		return Converges
	case r < 0 && r > -1:
		return ConvergesOscillating
	case r == -1:
		return Oscillates
	case r < -1:
		return DivergesOscillating
	default: // r >= 1: with η > 0 only the wrong sign gives this
		return Diverges
	}
}

// Classification is the verdict on a learning rate for a function.
type Classification struct {
	RX, RY float64   // factors along x and y
	X, Y   Behaviour // per axis
	All    Behaviour // the worse of the two
}

// Classify returns what the gradient method does on fn with learning rate
// eta and the given sign. For the bowl f (curvatures 6 and 2) descent
// converges for η < 1/3 (zig-zagging in x when η > 1/6), oscillates for
// ever in x at η = 1/3 and diverges in x for η > 1/3 (|1-6η| > 1), and in
// y too for η > 1 (|1-2η| > 1). The mountain B has the same curvatures and
// the same thresholds for ascent.
func Classify(fn *Func, eta float64, sign Sign) Classification {
	rx, ry := Factors(fn, eta, sign)
	c := Classification{RX: rx, RY: ry, X: BehaviourOf(rx), Y: BehaviourOf(ry)}
	c.All = c.X
	if worse(c.Y, c.X) {
		c.All = c.Y
	}
	return c
}

func worse(a, b Behaviour) bool { return rank(a) > rank(b) }

func rank(b Behaviour) int {
	if b == DivergesOscillating {
		return int(Diverges) // both divergences are equally bad
	}
	return int(b)
}

// Thresholds returns the learning rates where behaviour changes along an
// axis of curvature k for the right sign: 1/k (zig-zag starts) and 2/k
// (divergence starts). For f along x: 1/6 and 1/3.
func Thresholds(k float64) (zigzag, diverge float64) { return 1 / k, 2 / k }

// Caption says in a sentence what η does on fn, for the scene.
func Caption(fn *Func, eta float64, sign Sign) string {
	c := Classify(fn, eta, sign)
	right := (sign == Descend) != fn.Maximum
	if !right {
		what := "minimum"
		if fn.Maximum {
			what = "maximum"
		}
		return fmt.Sprintf("wrong sign: %s of %s walks away from the %s (factor %.3g per step)", sign, fn.Name, what, math.Max(c.RX, c.RY))
	}
	_, dx := Thresholds(fn.Kx)
	return fmt.Sprintf("η = %.3g: x factor 1-%gη = %.3g, y factor 1-%gη = %.3g → %s (diverges in x for η > %.3g)",
		eta, fn.Kx, c.RX, fn.Ky, c.RY, c.All, dx)
}
