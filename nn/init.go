package nn

import (
	"math"
	"math/rand/v2"
)

// randnScaled overwrites w with r.NormFloat64()*scale.
func randnScaled(w []float32, r *rand.Rand, scale float64) {
	for i := range w {
		w[i] = float32(r.NormFloat64() * scale)
	}
}

// InitNormal sets every weight of every Dense and Conv layer to
// randn·std(fanIn, fanOut) and every bias to 0, layer by layer in order.
// fanIn/fanOut are nIn/nOut for Dense and KH·KW·ID / KH·KW·OD for Conv.
func InitNormal(m *Model, r *rand.Rand, std func(fanIn, fanOut int) float64) {
	for _, l := range m.Layers() {
		if l.W == nil {
			continue
		}
		in, out := fans(l)
		randnScaled(l.W, r, std(in, out))
		clear(l.B)
	}
}

// InitGlorotUniform sets weights to U(-a, a), a = sqrt(6/(fanIn+fanOut))
// (Keras' glorot_uniform, as seed 002's library), biases to 0.
func InitGlorotUniform(m *Model, r *rand.Rand) {
	for _, l := range m.Layers() {
		if l.W == nil {
			continue
		}
		in, out := fans(l)
		a := math.Sqrt(6 / float64(in+out))
		for i := range l.W {
			l.W[i] = float32((2*r.Float64() - 1) * a)
		}
		clear(l.B)
	}
}

// He is the std of He initialisation, sqrt(2/fanIn), for InitNormal.
func He(fanIn, fanOut int) float64 { return math.Sqrt(2 / float64(fanIn)) }

func fans(l LayerInfo) (in, out int) {
	if l.Kind == "Conv" {
		k := l.WShape[0] * l.WShape[1]
		return k * l.WShape[3], k * l.WShape[2]
	}
	return l.WShape[0], l.WShape[1]
}
