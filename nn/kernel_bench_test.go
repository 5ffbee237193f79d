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
	x2 := sparseImage(r, 12*12*8, 0.5)
	w1 := randVec(r, 5*5*8, 0.1)
	w2 := randVec(r, 5*5*16*8, 0.1)
	wt2 := make([]float32, len(w2))
	dw2 := make([]float32, len(w2))
	y1 := make([]float32, 24*24*8)
	y2 := make([]float32, 8*8*16)
	dy2 := sparseImage(r, 8*8*16, 0.85)
	dy1 := sparseImage(r, 24*24*8, 0.85)
	dx2 := make([]float32, len(x2))
	b.Run("conv1Forward28x5x5x8", func(b *testing.B) {
		for b.Loop() {
			convForward(y1, x, w1, nil, nil, 28, 28, 1, 5, 5, 8, 1)
		}
	})
	b.Run("conv1Backward28x5x5x8", func(b *testing.B) {
		for b.Loop() {
			convBackward(nil, w1, nil, dy1, x, w1, 28, 28, 1, 5, 5, 8, 1)
		}
	})
	b.Run("conv2Forward12x5x5x16x8", func(b *testing.B) {
		for b.Loop() {
			convForward(y2, x2, w2, wt2, nil, 12, 12, 8, 5, 5, 16, 1)
		}
	})
	b.Run("conv2Backward12x5x5x16x8", func(b *testing.B) {
		for b.Loop() {
			convBackward(dx2, dw2, nil, dy2, x2, w2, 12, 12, 8, 5, 5, 16, 1)
		}
	})
	b.Run("adam6k", func(b *testing.B) {
		o := NewAdam(6000, 0.9, 0.999, 1e-7)
		for b.Loop() {
			o.Step(w[:6000], dw[:6000], 0.001)
		}
	})
}
