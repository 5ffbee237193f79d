package nn

import "math"

// Element-wise activations. Forward overwrites y from x; backward
// overwrites dx from dy and the cached forward input x or output y.

// reluForward: y = max(0, x), as max(x, 0) to the bit (NaN stays NaN, -0
// gives +0). Go's wasm backend has no float max (max calls the runtime,
// ~8 ns per value) nor a float select, but it selects integers without a
// branch: so the bits are zeroed when x <= 0. Unrolled by 8 (see dense.go):
// 6x faster than max in wasm.
func reluForward(y, x []float32) {
	y = y[:len(x)]
	i := 0
	for ; i+8 <= len(x); i += 8 {
		yy, xx := (*[8]float32)(y[i:]), (*[8]float32)(x[i:])
		yy[0] = relu(xx[0])
		yy[1] = relu(xx[1])
		yy[2] = relu(xx[2])
		yy[3] = relu(xx[3])
		yy[4] = relu(xx[4])
		yy[5] = relu(xx[5])
		yy[6] = relu(xx[6])
		yy[7] = relu(xx[7])
	}
	for ; i < len(x); i++ {
		y[i] = relu(x[i])
	}
}

// relu returns max(v, 0) without a branch or a call in wasm.
func relu(v float32) float32 {
	b := math.Float32bits(v)
	if v <= 0 {
		b = 0
	}
	return math.Float32frombits(b)
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
