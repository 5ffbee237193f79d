package nn

import "testing"

// benchImages returns n synthetic MNIST-like inputs: 81% zero pixels
// (MNIST's share), the rest in (0,1].
func benchImages(in Shape, n int) [][]float32 {
	r := newRand(77)
	xs := make([][]float32, n)
	for i := range xs {
		xs[i] = sparseImage(r, in.Size(), 0.81)
	}
	return xs
}

// benchTrain measures per-sample training with the optimiser of the
// preset's recipe at batch size 1: TrainSample, Step, ZeroGrad — or, with
// fused (SGD presets), TrainSampleSGD, which is what train.Session runs
// for plain SGD at batch 1. It reports samples/s.
func benchTrain(b *testing.B, name string, naive, fused bool) {
	m := mustPreset(b, name, 1)
	if naive {
		setNaive(m)
	}
	opt := newRecipeOpt(name, len(m.Params))
	xs := benchImages(m.In, 64)
	k := m.Classes()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if fused {
			m.TrainSampleSGD(xs[i&63], i%k, 0.001, 0)
		} else {
			m.TrainSample(xs[i&63], i%k)
			m.Step(opt, 0.001)
			m.ZeroGrad()
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
}

// BenchmarkTrainSample runs each preset fast and beside its naive twin
// (plain loops, whole-slab ZeroGrad), and the SGD presets also fused.
func BenchmarkTrainSample(b *testing.B) {
	for _, name := range []string{"mlp10", "linear", "vanilla", "cnn", "cnn10", "cnn10-tanh", "digits64", "best", "convnetjs"} {
		if recipeOpt[name] == "sgd" {
			b.Run(name+"/fused", func(b *testing.B) { benchTrain(b, name, false, true) })
		}
		b.Run(name+"/fast", func(b *testing.B) { benchTrain(b, name, false, false) })
		b.Run(name+"/naive", func(b *testing.B) { benchTrain(b, name, true, false) })
	}
}

// BenchmarkPredict measures inference (Forward + head).
func BenchmarkPredict(b *testing.B) {
	for _, name := range []string{"mlp10", "cnn", "convnetjs", "best"} {
		for _, naive := range []bool{false, true} {
			variant := "fast"
			if naive {
				variant = "naive"
			}
			b.Run(name+"/"+variant, func(b *testing.B) {
				m := mustPreset(b, name, 1)
				if naive {
					setNaive(m)
				}
				xs := benchImages(m.In, 64)
				dst := make([]float32, 0, 10)
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					dst = m.Predict(dst, xs[i&63])
					i++
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
			})
		}
	}
}
