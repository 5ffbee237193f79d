package regions

import (
	"math"
	"math/rand/v2"
)

const (
	// MaxLayers is the most hidden layers a Net may have.
	MaxLayers = 3
	// MaxWidth is the widest a hidden layer may be (a layer's activation
	// pattern is a 32-bit mask).
	MaxWidth = 32
)

// Panic messages for programmer errors.
const (
	errWidths = "regions: widths must be 1 to 3 hidden layers of 1 to 32 units (check with CheckWidths)"
	errShape  = "regions: a weight slice's length does not match Widths"
	errLeaky  = "regions: Leaky must be finite and in [0, 1)"
	errLayer  = "regions: layer or unit index out of range"
)

// Net is a 2 → n₁ → … → n_L → 1 network with ReLU or leaky-ReLU hidden
// layers and a linear output (see the package doc). Layers are counted
// from 0; nIn(0) = 2 (the inputs x, y) and nIn(l) = Widths[l-1].
type Net struct {
	Widths []int       // hidden widths n₁..n_L, each 1..MaxWidth, 1..MaxLayers of them
	W      [][]float64 // W[l] is (Widths[l], nIn(l)) row-major: W[l][i*nIn(l)+j]
	B      [][]float64 // B[l] is (Widths[l])
	WOut   []float64   // (Widths[L-1]): the output unit's weights
	BOut   float64     // the output unit's bias
	Leaky  float64     // slope α of act for z ≤ 0; 0 is ReLU
}

// Pattern is an activation pattern: bit i of Pattern[l] is set when unit
// i of layer l has pre-activation > 0. Layers beyond the net's depth are 0.
type Pattern [MaxLayers]uint32

// Active reports whether unit i of layer l is active in p.
func (p Pattern) Active(l, i int) bool { return p[l]>>uint(i)&1 == 1 }

// New returns a network with the given hidden widths, all weights zero,
// and leaky slope leaky (0 for ReLU). It copies widths. It panics if
// CheckWidths(widths) fails or leaky is not finite in [0, 1).
func New(widths []int, leaky float64) *Net {
	if CheckWidths(widths) != nil {
		panic(errWidths)
	}
	nt := &Net{Widths: append([]int(nil), widths...), Leaky: leaky}
	nIn := 2
	for _, n := range widths {
		nt.W = append(nt.W, make([]float64, n*nIn))
		nt.B = append(nt.B, make([]float64, n))
		nIn = n
	}
	nt.WOut = make([]float64, nIn)
	nt.Check()
	return nt
}

// Example returns the seed's 2→3→1 ReLU network: W1 = [[1,-1],[2,0],[-1,2]],
// b1 = [0,1,-1], W2 = [1,-2,1], b2 = 0, with Φ(1,-1) = -4.
func Example() *Net {
	nt := New([]int{3}, 0)
	copy(nt.W[0], []float64{1, -1, 2, 0, -1, 2})
	copy(nt.B[0], []float64{0, 1, -1})
	copy(nt.WOut, []float64{1, -2, 1})
	return nt
}

// Init is how Random draws weights.
type Init int

const (
	// SeedInit is the seed's sample_weights generalised to depth: every
	// weight ~ N(0,1), every bias ~ 0.2·N(0,1).
	SeedInit Init = iota
	// HeInit is He initialisation: every weight ~ N(0,1)·sqrt(2/fan_in),
	// every bias 0. With all biases 0, Φ is positively homogeneous, so
	// every kink passes through the origin and every region is a cone
	// from it.
	HeInit
)

// Random returns a network with the given widths and leaky slope whose
// weights are drawn from r in this order: layer by layer, W[l] row-major
// then B[l], then WOut, then BOut. With SeedInit each of those is one
// draw; with HeInit the biases are 0 and are not drawn. For depth 1 and
// SeedInit this is the seed's sample_weights(n) order (W1, b1, W2, b2), so
// the same source gives the same net as the landscape scene's Random.
// It panics as New does.
func Random(widths []int, leaky float64, init Init, r *rand.Rand) *Net {
	nt := New(widths, leaky)
	draw := func(w []float64, nIn int, bias bool) {
		scale := 1.0
		switch {
		case init == HeInit && bias:
			return // stays 0
		case init == HeInit:
			scale = math.Sqrt(2 / float64(nIn))
		case bias:
			scale = 0.2
		}
		for k := range w {
			w[k] = scale * r.NormFloat64()
		}
	}
	nIn := 2
	for l, n := range nt.Widths {
		draw(nt.W[l], nIn, false)
		draw(nt.B[l], nIn, true)
		nIn = n
	}
	draw(nt.WOut, nIn, false)
	out := []float64{0}
	draw(out, nIn, true)
	nt.BOut = out[0]
	return nt
}

// Depth returns the number of hidden layers.
func (nt *Net) Depth() int { return len(nt.Widths) }

// nIn returns the input width of layer l.
func (nt *Net) nIn(l int) int {
	if l == 0 {
		return 2
	}
	return nt.Widths[l-1]
}

// Check panics unless nt's widths pass CheckWidths, every weight slice has
// the length its doc gives, and Leaky is finite in [0, 1). New and Random
// return nets that pass; Enumerate, NewEnumerator, Reset and Restrict call
// it; Eval, Grad, Pattern and Pre assume it.
func (nt *Net) Check() {
	if CheckWidths(nt.Widths) != nil {
		panic(errWidths)
	}
	L := len(nt.Widths)
	if len(nt.W) != L || len(nt.B) != L || len(nt.WOut) != nt.Widths[L-1] {
		panic(errShape)
	}
	for l, n := range nt.Widths {
		if len(nt.W[l]) != n*nt.nIn(l) || len(nt.B[l]) != n {
			panic(errShape)
		}
	}
	if !(nt.Leaky >= 0 && nt.Leaky < 1) {
		panic(errLeaky)
	}
}

// Finite reports whether every weight and bias is finite. Regions of a
// net with NaN or infinite weights are meaningless (but enumeration still
// terminates).
func (nt *Net) Finite() bool {
	ok := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	for l := range nt.W {
		for _, v := range nt.W[l] {
			if !ok(v) {
				return false
			}
		}
		for _, v := range nt.B[l] {
			if !ok(v) {
				return false
			}
		}
	}
	for _, v := range nt.WOut {
		if !ok(v) {
			return false
		}
	}
	return ok(nt.BOut)
}

// forward runs the net at (x,y) by the plain formula of the package doc,
// carrying each activation's gradient along (forward mode). It returns Φ,
// ∇Φ and the pattern; if stopL >= 0 it stops at layer stopL and returns
// unit stopI's pre-activation as v instead.
func (nt *Net) forward(x, y float64, stopL, stopI int) (v, gx, gy float64, p Pattern) {
	// h, hx, hy are (nIn): the previous layer's activations and their
	// partial derivatives in x and y.
	var h, hx, hy [MaxWidth]float64
	h[0], h[1] = x, y
	hx[0], hy[1] = 1, 1
	nIn := 2
	for l, n := range nt.Widths {
		var z, zx, zy [MaxWidth]float64
		w, b := nt.W[l], nt.B[l]
		for i := 0; i < n; i++ {
			row := w[i*nIn : (i+1)*nIn]
			s, sx, sy := b[i], 0.0, 0.0
			for j, wij := range row {
				s += wij * h[j]
				sx += wij * hx[j]
				sy += wij * hy[j]
			}
			z[i], zx[i], zy[i] = s, sx, sy
		}
		if l == stopL {
			return z[stopI], zx[stopI], zy[stopI], p
		}
		for i := 0; i < n; i++ {
			if z[i] > 0 {
				p[l] |= 1 << uint(i)
				h[i], hx[i], hy[i] = z[i], zx[i], zy[i]
			} else {
				a := nt.Leaky
				h[i], hx[i], hy[i] = a*z[i], a*zx[i], a*zy[i]
			}
		}
		nIn = n
	}
	v = nt.BOut
	for i, wi := range nt.WOut {
		v += wi * h[i]
		gx += wi * hx[i]
		gy += wi * hy[i]
	}
	return v, gx, gy, p
}

// Eval returns Φ(x,y). It does not allocate.
func (nt *Net) Eval(x, y float64) float64 {
	v, _, _, _ := nt.forward(x, y, -1, 0)
	return v
}

// Grad returns ∇Φ at (x,y) on the linear region containing it. On a kink
// it is the gradient of the side where the switching units are inactive.
func (nt *Net) Grad(x, y float64) (gx, gy float64) {
	_, gx, gy, _ = nt.forward(x, y, -1, 0)
	return gx, gy
}

// Pattern returns the activation pattern at (x,y).
func (nt *Net) Pattern(x, y float64) Pattern {
	_, _, _, p := nt.forward(x, y, -1, 0)
	return p
}

// Pre returns the pre-activation of unit i of layer l at (x,y): its zero
// set is that unit's kink. It panics if l or i is out of range.
func (nt *Net) Pre(l, i int, x, y float64) float64 {
	if l < 0 || l >= len(nt.Widths) || i < 0 || i >= nt.Widths[l] {
		panic(errLayer)
	}
	v, _, _, _ := nt.forward(x, y, l, i)
	return v
}
