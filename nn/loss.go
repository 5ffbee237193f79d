package nn

import "math"

// ClipZ is the clip of seed 000's sigmoid: p = σ(clip(z, -ClipZ, ClipZ)).
const ClipZ = 15

// SigmoidClipped returns σ(z) with z clipped to ±ClipZ (seed 000).
func SigmoidClipped(z float32) float32 {
	if z > ClipZ {
		z = ClipZ
	} else if z < -ClipZ {
		z = -ClipZ
	}
	return sigmoid(z)
}

// sigmoidBCE is the binary cross-entropy of p = σ(clip z) against label
// (1 = class B). It overwrites dz[0] = p - y and returns the loss
// -log(p) or -log(1-p), computed in float64.
func sigmoidBCE(dz []float32, z float32, label int) float64 {
	p := SigmoidClipped(z)
	var y float32
	var l float64
	if label == 1 {
		y = 1
		l = -math.Log(float64(p))
	} else {
		l = -math.Log(1 - float64(p))
	}
	dz[0] = p - y
	return l
}

// softmax overwrites p with the softmax of z (max subtracted, sums in
// float64).
func softmax(p, z []float32) {
	p = p[:len(z)]
	m := z[0]
	for _, v := range z {
		if v > m {
			m = v
		}
	}
	var s float64
	for i, v := range z {
		e := math.Exp(float64(v - m))
		p[i] = float32(e)
		s += e
	}
	inv := 1 / s
	for i := range p {
		p[i] = float32(float64(p[i]) * inv)
	}
}

// softmaxCE overwrites p = softmax(z) and dz = p - onehot(label) and
// returns -log p[label] (float64; p floored at the smallest float32 so
// the loss stays finite).
func softmaxCE(dz, p, z []float32, label int) float64 {
	softmax(p, z)
	dz = dz[:len(p)]
	copy(dz, p)
	dz[label] -= 1
	return -math.Log(math.Max(float64(p[label]), math.SmallestNonzeroFloat32))
}
