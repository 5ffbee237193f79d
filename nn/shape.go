package nn

import "fmt"

// Shape is the shape of one sample. Images are (H, W, C) row-major:
// pixel (h, w) channel c is at index (h*W+w)*C+c. Vectors are {1, 1, N}.
type Shape struct{ H, W, C int }

// Size returns H*W*C, the number of float32 values of one sample.
func (s Shape) Size() int { return s.H * s.W * s.C }

// String prints the shape as "(H, W, C)", or "(N,)" for a vector.
func (s Shape) String() string {
	if s.H == 1 && s.W == 1 {
		return fmt.Sprintf("(%d,)", s.C)
	}
	return fmt.Sprintf("(%d, %d, %d)", s.H, s.W, s.C)
}

// Vec returns the shape {1, 1, n} of a vector of n values.
func Vec(n int) Shape { return Shape{1, 1, n} }

// Head says what sits on a model's output and which loss TrainSample uses.
type Head int

const (
	// HeadSigmoid: one output z, p = σ(z) with z clipped to ±15 (seed 000),
	// binary cross-entropy with label 1 = class B; dL/dz = p - y.
	HeadSigmoid Head = iota
	// HeadSoftmax: K outputs, softmax, cross-entropy with an integer label;
	// dL/dz = p - onehot(label).
	HeadSoftmax
	// HeadLinear: raw outputs, no loss (landscape, designed ring).
	// TrainSample panics; use Backward with your own dL/dz.
	HeadLinear
)

func (h Head) String() string {
	switch h {
	case HeadSigmoid:
		return "sigmoid"
	case HeadSoftmax:
		return "softmax"
	case HeadLinear:
		return "linear"
	}
	return fmt.Sprintf("Head(%d)", int(h))
}
