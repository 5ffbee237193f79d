package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Seed 003's small ReLU networks on the plane R².

// NewLandscape returns a random 2→n→1 ReLU network with biases and a
// linear head, drawn as seed 003's sample_weights: W1 ~ randn (n,2),
// b1 ~ 0.2·randn (n), W2 ~ randn (1,n), b2 ~ 0.2·randn. Layers: Dense(n)
// ReLU Dense(1). It returns a *BuildError for n < 1.
func NewLandscape(n int, r *rand.Rand) (*Model, error) {
	m, err := landscapeModel(n)
	if err != nil {
		return nil, err
	}
	l := m.Layers()
	for o := 0; o < n; o++ { // row o of W1 is (w[0*n+o], w[1*n+o])
		l[0].W[o] = float32(r.NormFloat64())
		l[0].W[n+o] = float32(r.NormFloat64())
	}
	randnScaled(l[0].B, r, 0.2)
	randnScaled(l[2].W, r, 1)
	randnScaled(l[2].B, r, 0.2)
	return m, nil
}

func landscapeModel(n int) (*Model, error) {
	if n < 1 {
		return nil, &BuildError{Model: "landscape", Msg: fmt.Sprintf("n = %d hidden units, want at least 1", n)}
	}
	return NewBuilder("landscape", Vec(2)).Dense(n, true).ReLU().Dense(1, true).Build(HeadLinear)
}

// NewLandscapeWeights returns the 2→n→1 ReLU network Φ(x) = W2·relu(W1 x +
// b1) + b2 with the given weights (row o of W1 feeds hidden unit o). The
// seed's example W1=[[1,-1],[2,0],[-1,2]], b1=[0,1,-1], W2=[1,-2,1], b2=0
// gives Φ(1,-1) = -4. It returns a *BuildError when the lengths disagree.
func NewLandscapeWeights(W1 [][2]float32, b1, W2 []float32, b2 float32) (*Model, error) {
	n := len(W1)
	if len(b1) != n || len(W2) != n {
		return nil, &BuildError{Model: "landscape", Msg: fmt.Sprintf("W1 has %d rows, b1 %d, W2 %d: all must be equal", n, len(b1), len(W2))}
	}
	m, err := landscapeModel(n)
	if err != nil {
		return nil, err
	}
	l := m.Layers()
	for o, row := range W1 {
		l[0].W[o] = row[0]
		l[0].W[n+o] = row[1]
	}
	copy(l[0].B, b1)
	copy(l[2].W, W2)
	l[2].B[0] = b2
	return m, nil
}

// NewRing returns seed 003's designed 2→4→3→1 ReLU detector of the L1
// annulus a ≤ |x1|+|x2| ≤ b (linear head; inside iff output ≥ 0):
//
//	W1 rows (1,0), (-1,0), (0,1), (0,-1), b1 = 0   → h1 sums to r = |x1|+|x2|
//	W2 = [[-2]*4, [-1]*4, [1]*4], b2 = [a+b, b, -b]
//	W3 = [-1, 1, -1], b3 = 0                        → z = min(r-a, b-r)
//
// It returns a *BuildError unless 0 ≤ a < b (finite).
func NewRing(a, b float32) (*Model, error) {
	if !(a >= 0 && a < b) || math.IsInf(float64(b), 0) {
		return nil, &BuildError{Model: "ring", Msg: fmt.Sprintf("need 0 ≤ a < b, got a = %g, b = %g", a, b)}
	}
	m, err := NewBuilder("ring", Vec(2)).Dense(4, true).ReLU().Dense(3, true).ReLU().Dense(1, true).Build(HeadLinear)
	if err != nil {
		return nil, err
	}
	l := m.Layers()
	// W1 is (nIn=2, nOut=4): w[i*4+o].
	copy(l[0].W, []float32{1, -1, 0, 0, 0, 0, 1, -1})
	// W2 is (4, 3): w[i*3+o]; unit o has the same weight for every i.
	for i := 0; i < 4; i++ {
		copy(l[2].W[i*3:], []float32{-2, -1, 1})
	}
	copy(l[2].B, []float32{a + b, b, -b})
	copy(l[4].W, []float32{-1, 1, -1})
	return m, nil
}

// NewRingLearned returns a trainable 2→h→h→1 ReLU network with a sigmoid
// head (label 1 = inside the ring), He-initialised weights and zero
// biases, for the ring scene's learned detector.
func NewRingLearned(h int, r *rand.Rand) (*Model, error) {
	m, err := NewBuilder("ring-learned", Vec(2)).Dense(h, true).ReLU().Dense(h, true).ReLU().Dense(1, true).Build(HeadSigmoid)
	if err != nil {
		return nil, err
	}
	InitNormal(m, r, He)
	return m, nil
}
