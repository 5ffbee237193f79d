package nn

import (
	"fmt"
	"math"
)

// Optimizer updates a flat parameter slab from its gradient slab. It zeroes
// nothing: the caller calls Model.ZeroGrad after each step. Step panics if
// len(params) != len(grads) (or, for stateful optimisers, != n).
type Optimizer interface {
	Step(params, grads []float32, lr float32)
	Reset() // forget the state (m, v, t); SGD has none
}

// sgd is plain stochastic gradient descent.
type sgd struct{}

// NewSGD returns plain gradient descent:
//
//	w[i] -= lr * g[i]
func NewSGD() Optimizer { return &sgd{} }

func (*sgd) Step(params, grads []float32, lr float32) {
	if len(params) != len(grads) {
		panic("nn: SGD: params and grads differ in length")
	}
	axpy(params, grads, -lr)
}

func (*sgd) Reset() {}

// Momentum is seed 000's heavy-ball momentum (the "classic" convention
// without dampening, as tinygrad's SGD with momentum):
//
//	m[i] = Beta*m[i] + g[i]
//	w[i] -= lr * m[i]
type Momentum struct {
	Beta float32
	M    []float32 // velocity, starts at 0
}

// NewMomentum returns seed 000's momentum for n parameters.
func NewMomentum(n int, beta float32) Optimizer {
	return &Momentum{Beta: beta, M: make([]float32, n)}
}

func (o *Momentum) Step(params, grads []float32, lr float32) {
	if len(params) != len(o.M) || len(grads) != len(o.M) {
		panic(fmt.Sprintf("nn: Momentum for %d params got %d params, %d grads", len(o.M), len(params), len(grads)))
	}
	m := o.M
	grads, params = grads[:len(m)], params[:len(m)]
	b := o.Beta
	i := 0
	for ; i+4 <= len(m); i += 4 { // unrolled: see dense.go
		mm, gg, pp := (*[4]float32)(m[i:]), (*[4]float32)(grads[i:]), (*[4]float32)(params[i:])
		mm[0] = b*mm[0] + gg[0]
		mm[1] = b*mm[1] + gg[1]
		mm[2] = b*mm[2] + gg[2]
		mm[3] = b*mm[3] + gg[3]
		pp[0] -= lr * mm[0]
		pp[1] -= lr * mm[1]
		pp[2] -= lr * mm[2]
		pp[3] -= lr * mm[3]
	}
	for ; i < len(m); i++ {
		m[i] = b*m[i] + grads[i]
		params[i] -= lr * m[i]
	}
}

func (o *Momentum) Reset() { clear(o.M) }

// Adam is Kingma & Ba's Adam with bias correction, β^t kept as running
// products B1t, B2t (no Pow per weight):
//
//	t++; B1t *= B1; B2t *= B2
//	m[i] = B1*m[i] + (1-B1)*g[i]
//	v[i] = B2*v[i] + (1-B2)*g[i]²
//	w[i] -= lr * (m[i]/(1-B1t)) / (sqrt(v[i]/(1-B2t)) + Eps)
type Adam struct {
	B1, B2, Eps float32
	M, V        []float32 // first and second moment, start at 0
	T           int       // steps taken
	B1t, B2t    float64   // B1^T, B2^T
}

// NewAdam returns Adam for n parameters (the usual values are 0.9, 0.999,
// 1e-7 as Keras or 1e-8 as the paper).
func NewAdam(n int, b1, b2, eps float32) Optimizer {
	return &Adam{B1: b1, B2: b2, Eps: eps, M: make([]float32, n), V: make([]float32, n), B1t: 1, B2t: 1}
}

func (o *Adam) Step(params, grads []float32, lr float32) {
	if len(params) != len(o.M) || len(grads) != len(o.M) {
		panic(fmt.Sprintf("nn: Adam for %d params got %d params, %d grads", len(o.M), len(params), len(grads)))
	}
	o.T++
	o.B1t *= float64(o.B1)
	o.B2t *= float64(o.B2)
	c1 := float32(1 / (1 - o.B1t))
	c2 := float32(1 / (1 - o.B2t))
	b1, b2, eps := o.B1, o.B2, o.Eps
	a1, a2 := 1-b1, 1-b2 // hoisted: Go does not move them out of the loop
	m, v := o.M, o.V[:len(o.M)]
	grads, params = grads[:len(m)], params[:len(m)]
	i := 0
	for ; i+4 <= len(m); i += 4 { // unrolled (see dense.go), constant-length slices: 1.3x in wasm
		mm, vv, gg, pp := (*[4]float32)(m[i:i+4]), (*[4]float32)(v[i:i+4]), (*[4]float32)(grads[i:i+4]), (*[4]float32)(params[i:i+4])
		g0, g1, g2, g3 := gg[0], gg[1], gg[2], gg[3]
		m0 := b1*mm[0] + a1*g0
		m1 := b1*mm[1] + a1*g1
		m2 := b1*mm[2] + a1*g2
		m3 := b1*mm[3] + a1*g3
		v0 := b2*vv[0] + a2*g0*g0
		v1 := b2*vv[1] + a2*g1*g1
		v2 := b2*vv[2] + a2*g2*g2
		v3 := b2*vv[3] + a2*g3*g3
		mm[0], mm[1], mm[2], mm[3] = m0, m1, m2, m3
		vv[0], vv[1], vv[2], vv[3] = v0, v1, v2, v3
		// float32(math.Sqrt(float64(x))) compiles to one float32 sqrt.
		pp[0] -= lr * (m0 * c1) / (float32(math.Sqrt(float64(v0*c2))) + eps)
		pp[1] -= lr * (m1 * c1) / (float32(math.Sqrt(float64(v1*c2))) + eps)
		pp[2] -= lr * (m2 * c1) / (float32(math.Sqrt(float64(v2*c2))) + eps)
		pp[3] -= lr * (m3 * c1) / (float32(math.Sqrt(float64(v3*c2))) + eps)
	}
	for ; i < len(m); i++ {
		g := grads[i]
		mi := b1*m[i] + a1*g
		vi := b2*v[i] + a2*g*g
		m[i], v[i] = mi, vi
		params[i] -= lr * (mi * c1) / (float32(math.Sqrt(float64(vi*c2))) + eps)
	}
}

func (o *Adam) Reset() {
	clear(o.M)
	clear(o.V)
	o.T, o.B1t, o.B2t = 0, 1, 1
}

// Schedule is a learning rate with seed 000's annealing, optionally
// shaped by a warm-up and a decay to zero at the end of the run:
//
//	LR(t) = LR · T/(T+t) · warm(t) · decay(t)
//
// T = AnnealT; AnnealT == 0 leaves out the T/(T+t) factor (constant).
// warm(t) = (t+1)/Warmup for t < Warmup, else 1 (Warmup 0: always 1).
// decay(t) over Total steps, 0 from t ≥ Total on:
//
//	Decay ""        1 (no decay; Total is ignored)
//	Decay "linear"  1 − t/Total
//	Decay "cosine"  (1 + cos(π·t/Total))/2
//
// The zero values of Decay and Warmup give seed 000's schedule exactly.
type Schedule struct {
	LR, AnnealT float64
	Decay       string // "", "linear" or "cosine"
	Total       int    // steps over which Decay falls to 0 (the run's length)
	Warmup      int    // steps of linear warm-up from LR/Warmup to LR
}

// Decays are the values Schedule.Decay may take.
var Decays = []string{"", "linear", "cosine"}

// At returns the learning rate at step t (0-based). It panics if Decay is
// not one of Decays or Total ≤ 0 with a Decay (train.Config validates both).
func (s Schedule) At(step int) float64 {
	lr := s.LR
	if s.AnnealT != 0 {
		lr = s.LR * s.AnnealT / (s.AnnealT + float64(step))
	}
	if step < s.Warmup {
		lr *= float64(step+1) / float64(s.Warmup)
	}
	if s.Decay == "" {
		return lr
	}
	if s.Total <= 0 {
		panic("nn: Schedule with a decay needs Total > 0")
	}
	if step >= s.Total {
		return 0
	}
	f := float64(step) / float64(s.Total)
	switch s.Decay {
	case "linear":
		return lr * (1 - f)
	case "cosine":
		return lr * (1 + math.Cos(math.Pi*f)) / 2
	}
	panic("nn: unknown schedule decay " + s.Decay)
}
