package nn

import "math"

// Element-wise activations. Forward overwrites y from x; backward
// overwrites dx from dy and the cached forward input x or output y.

// reluForward: y = max(0, x) (branch-free, unrolled by 4: see dense.go).
func reluForward(y, x []float32) {
	y = y[:len(x)]
	i := 0
	for ; i+4 <= len(x); i += 4 {
		yy, xx := (*[4]float32)(y[i:]), (*[4]float32)(x[i:])
		yy[0] = max(xx[0], 0)
		yy[1] = max(xx[1], 0)
		yy[2] = max(xx[2], 0)
		yy[3] = max(xx[3], 0)
	}
	for ; i < len(x); i++ {
		y[i] = max(x[i], 0)
	}
}

// reluBackward: dx = dy·[x > 0] (derivative 0 at 0).
func reluBackward(dx, dy, x []float32) {
	dx, dy = dx[:len(x)], dy[:len(x)]
	for i, v := range x {
		if v > 0 {
			dx[i] = dy[i]
		} else {
			dx[i] = 0
		}
	}
}

// lreluForward: y = max(x/10, x), the leaky ReLU of seed 000.
func lreluForward(y, x []float32) {
	y = y[:len(x)]
	for i, v := range x {
		if v >= 0 {
			y[i] = v
		} else {
			y[i] = v / 10
		}
	}
}

// lreluBackward: dx = dy·(1 if x > 0, 0.1 if x < 0, 0.55 at exactly 0) —
// seed 000's 0.1 + 0.9·heaviside(x, 0.5).
func lreluBackward(dx, dy, x []float32) {
	dx, dy = dx[:len(x)], dy[:len(x)]
	for i, v := range x {
		switch {
		case v > 0:
			dx[i] = dy[i]
		case v < 0:
			dx[i] = 0.1 * dy[i]
		default:
			dx[i] = 0.55 * dy[i]
		}
	}
}

// sigmoid returns 1/(1+e^-z), computed in float64.
func sigmoid(z float32) float32 { return float32(1 / (1 + math.Exp(-float64(z)))) }

// sigmoidForward: y = σ(x) (no clip; the ±15 clip belongs to HeadSigmoid).
func sigmoidForward(y, x []float32) {
	y = y[:len(x)]
	for i, v := range x {
		y[i] = sigmoid(v)
	}
}

// sigmoidBackward: dx = dy·y·(1-y).
func sigmoidBackward(dx, dy, y []float32) {
	dx, dy = dx[:len(y)], dy[:len(y)]
	for i, v := range y {
		dx[i] = dy[i] * v * (1 - v)
	}
}

// tanhForward: y = tanh(x).
func tanhForward(y, x []float32) {
	y = y[:len(x)]
	for i, v := range x {
		y[i] = float32(math.Tanh(float64(v)))
	}
}

// tanhBackward: dx = dy·(1-y²).
func tanhBackward(dx, dy, y []float32) {
	dx, dy = dx[:len(y)], dy[:len(y)]
	for i, v := range y {
		dx[i] = dy[i] * (1 - v*v)
	}
}
