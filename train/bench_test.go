package train

import (
	"math/rand/v2"
	"testing"

	"digitlab/nn"
)

// mnistLike is n random 28×28 images, about 20% of pixels non-zero as in
// MNIST, with labels 0..k-1.
func mnistLike(n, k int) *memData {
	r := rand.New(rand.NewPCG(1, 1))
	d := &memData{size: 784, x: make([]float32, n*784), labels: make([]int, n)}
	for i := range d.x {
		if r.Float64() < 0.2 {
			d.x[i] = float32(r.Float64())
		}
	}
	for i := range d.labels {
		d.labels[i] = r.IntN(k)
	}
	return d
}

// BenchmarkSession reports training samples/s through a Session (budgets
// of 256 samples) with the preset's recipe beside the bare per-sample
// loop it wraps (TrainSampleSGD for SGD, as the session runs it at batch
// 1; else TrainSample, Step, ZeroGrad), so the session's overhead is the
// ratio.
func BenchmarkSession(b *testing.B) {
	for _, name := range []string{"linear", "mlp10", "cnn", "cnn10-tanh"} {
		p, _ := nn.PresetByName(name)
		rc, _ := RecipeFor(name)
		d := mnistLike(512, p.Classes)
		b.Run(name+"/session", func(b *testing.B) {
			m, _ := nn.NewPreset(name, rand.New(rand.NewPCG(1, 2)))
			cfg := rc.Config()
			cfg.Steps, cfg.Epochs = 0, 0
			s, err := NewSession(m, d, nil, cfg)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				s.Step(Budget{Samples: 256})
				n += 256
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "samples/s")
		})
		b.Run(name+"/bare", func(b *testing.B) {
			m, _ := nn.NewPreset(name, rand.New(rand.NewPCG(1, 2)))
			cfg := rc.Config()
			opt, _ := cfg.newOptimizer(len(m.Params))
			x := make([]float32, 784)
			n := 0
			for b.Loop() {
				for range 256 {
					i := n % d.Len()
					x = d.Sample(x, i)
					if cfg.Opt == "sgd" {
						m.TrainSampleSGD(x, d.Label(i), float32(rc.LR), 0)
					} else {
						m.TrainSample(x, d.Label(i))
						m.Step(opt, float32(rc.LR))
						m.ZeroGrad()
					}
					n++
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "samples/s")
		})
	}
}
