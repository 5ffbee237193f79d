package nn

import (
	"math"
	"slices"
	"testing"
)

// setNaive switches m to the plain-loop twins of every kernel and to
// whole-slab optimiser steps and ZeroGrad: the straightforward model the
// benchmarks compare against.
func setNaive(m *Model) {
	for i := range m.layers {
		m.layers[i].naive = true
	}
}

// TestNaiveModelMatches trains a fast and a naive copy side by side.
func TestNaiveModelMatches(t *testing.T) {
	t.Parallel()
	for _, name := range trainable {
		fast := mustPreset(t, name, 21)
		slow := fast.Clone()
		setNaive(slow)
		r := newRand(3)
		opt1, opt2 := NewSGD(), NewSGD()
		for range 5 {
			x := sparseImage(r, fast.In.Size(), 0.8)
			y := r.IntN(fast.Classes())
			l1, l2 := fast.TrainSample(x, y), slow.TrainSample(x, y)
			if !closeTo(l1, l2, 1e-5, 1e-4) {
				t.Fatalf("%s: loss fast %v, naive %v", name, l1, l2)
			}
			fast.Step(opt1, 0.01)
			slow.Step(opt2, 0.01)
			fast.ZeroGrad()
			slow.ZeroGrad()
		}
		compareSlices(t, name+" params", fast.Params, slow.Params, 1e-5, 1e-4)
		if slices.ContainsFunc(slow.Grads, func(g float32) bool { return g != 0 }) {
			t.Errorf("%s: naive ZeroGrad left gradients", name)
		}
	}
}

// TestTrainSampleSGDExact: the fused per-sample SGD gives bit-for-bit the
// weights of TrainSampleSelective + Step(SGD) + ZeroGrad, fast and naive,
// with the same loss, class and backprop verdict, also when it skips a
// sample (selective backprop) or meets a loss that is not finite.
func TestTrainSampleSGDExact(t *testing.T) {
	for _, name := range trainable {
		for _, naive := range []bool{false, true} {
			a := mustPreset(t, name, 31)
			b := a.Clone()
			b.ZeroGrad()
			if naive {
				setNaive(a)
				setNaive(b)
			}
			r := newRand(4)
			sgd := NewSGD()
			skipped := 0
			for i := range 8 {
				x := sparseImage(r, a.In.Size(), 0.7)
				y := r.IntN(a.Classes())
				minLoss := 0.0
				switch i {
				case 2:
					minLoss = math.Inf(1) // skipped
				case 5:
					x[1] = float32(math.NaN())
				}
				la, ca, ba := a.TrainSampleSelective(x, y, minLoss)
				a.Step(sgd, 0.05)
				a.ZeroGrad()
				lb, cb, bb := b.TrainSampleSGD(x, y, 0.05, minLoss)
				if !(la == lb || math.IsNaN(la) && math.IsNaN(lb)) || ca != cb || ba != bb {
					t.Fatalf("%s naive=%v sample %d: fused gives loss %v class %d backprop %v, unfused %v %d %v", name, naive, i, lb, cb, bb, la, ca, ba)
				}
				if !bb {
					skipped++
				}
			}
			if skipped != 2 {
				t.Errorf("%s: %d samples skipped, want 2 (minLoss +Inf, NaN loss)", name, skipped)
			}
			if !slices.Equal(a.Params, b.Params) {
				t.Errorf("%s naive=%v: fused SGD weights differ from TrainSampleSelective+Step+ZeroGrad", name, naive)
			}
			if slices.ContainsFunc(b.Grads, func(g float32) bool { return g != 0 }) {
				t.Errorf("%s: TrainSampleSGD left non-zero gradients", name)
			}
			if slices.ContainsFunc(b.Params, func(w float32) bool { return math.IsNaN(float64(w)) }) {
				t.Errorf("%s: the NaN sample reached the weights", name)
			}
		}
	}
	m := mustPreset(t, "mlp10", 1)
	x := make([]float32, 784)
	if a := testing.AllocsPerRun(20, func() { m.TrainSampleSGD(x, 3, 0.01, 0) }); a != 0 {
		t.Errorf("TrainSampleSGD: %v allocations, want 0", a)
	}
	m.TrainSample(x, 1)
	defer func() {
		if r := recover(); r == nil {
			t.Error("TrainSampleSGD after TrainSample did not panic")
		}
	}()
	m.TrainSampleSGD(x, 1, 0.01, 0)
}
