package nn

import (
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
