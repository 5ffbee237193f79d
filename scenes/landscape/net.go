package landscape

import (
	"math"
	"math/rand/v2"
)

// MaxUnits is the largest hidden width a Net supports (activation patterns
// are 64-bit masks).
const MaxUnits = 64

// Net is a 2→n→1 ReLU network Φ(x,y) = Σᵢ W2ᵢ·ReLU(W1ᵢ·(x,y) + B1ᵢ) + B2.
type Net struct {
	N  int
	W1 []float64 // (N, 2) row-major: unit i's input weights are W1[2i], W1[2i+1]
	B1 []float64 // (N)
	W2 []float64 // (N)
	B2 float64
}

// New returns a zero network with n hidden units.
// It panics if n < 1 or n > MaxUnits.
func New(n int) *Net {
	if n < 1 || n > MaxUnits {
		panic("landscape: hidden width out of range 1..64")
	}
	return &Net{N: n, W1: make([]float64, 2*n), B1: make([]float64, n), W2: make([]float64, n)}
}

// Example returns the seed's 2→3→1 network: W1 = [[1,-1],[2,0],[-1,2]],
// b1 = [0,1,-1], W2 = [1,-2,1], b2 = 0, with Φ(1,-1) = -4.
func Example() *Net {
	return &Net{
		N:  3,
		W1: []float64{1, -1, 2, 0, -1, 2},
		B1: []float64{0, 1, -1},
		W2: []float64{1, -2, 1},
		B2: 0,
	}
}

// Random returns a network drawn as the seed's sample_weights(n) does:
// W1, W2 ~ N(0,1), b1, b2 ~ 0.2·N(0,1), drawn in the order W1 (row-major),
// b1, W2, b2 from r. It panics if n is out of 1..MaxUnits.
func Random(n int, r *rand.Rand) *Net {
	nt := New(n)
	for i := range nt.W1 {
		nt.W1[i] = r.NormFloat64()
	}
	for i := range nt.B1 {
		nt.B1[i] = 0.2 * r.NormFloat64()
	}
	for i := range nt.W2 {
		nt.W2[i] = r.NormFloat64()
	}
	nt.B2 = 0.2 * r.NormFloat64()
	return nt
}

// Pre returns unit i's pre-activation W1ᵢ·(x,y) + b1ᵢ.
func (nt *Net) Pre(i int, x, y float64) float64 {
	return nt.W1[2*i]*x + nt.W1[2*i+1]*y + nt.B1[i]
}

// Eval returns Φ(x,y).
func (nt *Net) Eval(x, y float64) float64 {
	z := nt.B2
	for i := 0; i < nt.N; i++ {
		if a := nt.Pre(i, x, y); a > 0 {
			z += nt.W2[i] * a
		}
	}
	return z
}

// Pattern is the set of active units as a bit mask: bit i is set when unit
// i's pre-activation is > 0 (ReLU(0) = 0 counts as inactive).
type Pattern uint64

// Active reports whether unit i is active in p.
func (p Pattern) Active(i int) bool { return p>>uint(i)&1 == 1 }

// Count returns the number of active units.
func (p Pattern) Count() int {
	c := 0
	for ; p != 0; p &= p - 1 {
		c++
	}
	return c
}

// Pattern returns the activation pattern at (x,y).
func (nt *Net) Pattern(x, y float64) Pattern {
	var p Pattern
	for i := 0; i < nt.N; i++ {
		if nt.Pre(i, x, y) > 0 {
			p |= 1 << uint(i)
		}
	}
	return p
}

// ActiveUnits appends the indices of the units active at (x,y) to dst[:0].
func (nt *Net) ActiveUnits(dst []int, x, y float64) []int {
	dst = dst[:0]
	for i := 0; i < nt.N; i++ {
		if nt.Pre(i, x, y) > 0 {
			dst = append(dst, i)
		}
	}
	return dst
}

// Grad returns ∇Φ at (x,y) on the linear piece containing it:
// Σ over active i of W2ᵢ·W1ᵢ. On a kink it is the gradient of the piece
// where the switching units are inactive.
func (nt *Net) Grad(x, y float64) (gx, gy float64) {
	for i := 0; i < nt.N; i++ {
		if nt.Pre(i, x, y) > 0 {
			gx += nt.W2[i] * nt.W1[2*i]
			gy += nt.W2[i] * nt.W1[2*i+1]
		}
	}
	return gx, gy
}

// Clone returns an independent copy of nt.
func (nt *Net) Clone() *Net {
	c := *nt
	c.W1 = append([]float64(nil), nt.W1...)
	c.B1 = append([]float64(nil), nt.B1...)
	c.W2 = append([]float64(nil), nt.W2...)
	return &c
}

// Finite reports whether every weight is finite.
func (nt *Net) Finite() bool {
	for _, s := range [][]float64{nt.W1, nt.B1, nt.W2, {nt.B2}} {
		for _, v := range s {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		}
	}
	return true
}
