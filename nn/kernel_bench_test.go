package nn

import "testing"

// Kernel benchmarks: the pieces of one mlp10 training step.
func BenchmarkKernels(b *testing.B) {
	r := newRand(5)
	x := sparseImage(r, 784, 0.81)
	w := randVec(r, 784*32, 0.1)
	dw := make([]float32, 784*32)
	bias := make([]float32, 32)
	y := make([]float32, 32)
	dy := randVec(r, 32, 1)
	nz := make([]int32, 0, 784)
	h := randVec(r, 32, 1)
	b.Run("denseForward784x32", func(b *testing.B) {
		for b.Loop() {
			nz = denseForward(y, x, w, bias, nz, 784, 32)
		}
	})
	b.Run("denseForwardNaive784x32", func(b *testing.B) {
		for b.Loop() {
			denseForwardNaive(y, x, w, bias, 784, 32)
		}
	})
	b.Run("denseBackward784x32", func(b *testing.B) {
		nz = denseForward(y, x, w, bias, nz, 784, 32)
		for b.Loop() {
			denseBackward(nil, dw, bias, dy, x, w, nz, 784, 32)
		}
	})
	b.Run("denseBackward32x32dx", func(b *testing.B) {
		dx := make([]float32, 32)
		w2 := w[:1024]
		nz2 := denseForward(y, h, w2, bias, make([]int32, 0, 32), 32, 32)
		for b.Loop() {
			denseBackward(dx, dw[:1024], bias, dy, h, w2, nz2, 32, 32)
		}
	})
	b.Run("sigmoid32", func(b *testing.B) {
		for b.Loop() {
			sigmoidForward(y, h)
		}
	})
	b.Run("sgd5k", func(b *testing.B) {
		o := NewSGD()
		for b.Loop() {
			o.Step(w[:5000], dw[:5000], 0.01)
		}
	})
	b.Run("clear5k", func(b *testing.B) {
		for b.Loop() {
			clear(dw[:5000])
		}
	})
}
