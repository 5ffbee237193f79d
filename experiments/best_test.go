package experiments

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"digitlab/nn"
	"digitlab/train"
)

// bestArch builds a candidate architecture for the best preset sweep.
func bestArch(name string) *nn.Builder {
	b := nn.NewBuilder(name, nn.Shape{H: 28, W: 28, C: 1})
	switch name {
	case "base": // the best preset before the sweep
		return b.Conv(3, 3, 16, 1, true).ReLU().MaxPool2().Conv(3, 3, 32, 1, true).ReLU().MaxPool2().Dense(10, true)
	case "d64":
		return b.Conv(3, 3, 16, 1, true).ReLU().MaxPool2().Conv(3, 3, 32, 1, true).ReLU().MaxPool2().Dense(64, true).ReLU().Dense(10, true)
	case "d128":
		return b.Conv(3, 3, 16, 1, true).ReLU().MaxPool2().Conv(3, 3, 32, 1, true).ReLU().MaxPool2().Dense(128, true).ReLU().Dense(10, true)
	case "8-32d64":
		return b.Conv(3, 3, 8, 1, true).ReLU().MaxPool2().Conv(3, 3, 32, 1, true).ReLU().MaxPool2().Dense(64, true).ReLU().Dense(10, true)
	case "16-16d64":
		return b.Conv(3, 3, 16, 1, true).ReLU().MaxPool2().Conv(3, 3, 16, 1, true).ReLU().MaxPool2().Dense(64, true).ReLU().Dense(10, true)
	case "pf-base":
		return b.Conv(3, 3, 16, 1, true).MaxPool2().ReLU().Conv(3, 3, 32, 1, true).MaxPool2().ReLU().Dense(10, true)
	case "pf-8-32d64":
		return b.Conv(3, 3, 8, 1, true).MaxPool2().ReLU().Conv(3, 3, 32, 1, true).MaxPool2().ReLU().Dense(64, true).ReLU().Dense(10, true)
	case "pf-8-48d64":
		return b.Conv(3, 3, 8, 1, true).MaxPool2().ReLU().Conv(3, 3, 48, 1, true).MaxPool2().ReLU().Dense(64, true).ReLU().Dense(10, true)
	case "pf-16-16d64":
		return b.Conv(3, 3, 16, 1, true).MaxPool2().ReLU().Conv(3, 3, 16, 1, true).MaxPool2().ReLU().Dense(64, true).ReLU().Dense(10, true)
	case "pool-first-d64": // maxpool before relu: same function, cheaper
		return b.Conv(3, 3, 16, 1, true).MaxPool2().ReLU().Conv(3, 3, 32, 1, true).MaxPool2().ReLU().Dense(64, true).ReLU().Dense(10, true)
	}
	panic("unknown arch " + name)
}

func envF(k string, def float64) float64 {
	if v := os.Getenv(k); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			panic(err)
		}
		return f
	}
	return def
}

// TestBestSweep trains one candidate (BEST_ARCH, BEST_LR, BEST_T,
// BEST_BATCH, BEST_SAMPLES, BEST_SEED, BEST_CHECKS=comma list of sample
// counts) and prints the test accuracy at each check. Only with BEST_SWEEP=1.
func TestBestSweep(t *testing.T) {
	if os.Getenv("BEST_SWEEP") == "" {
		t.Skip("set BEST_SWEEP=1")
	}
	arch := os.Getenv("BEST_ARCH")
	seed := uint64(envF("BEST_SEED", 1))
	m, err := bestArch(arch).Build(nn.HeadSoftmax)
	if err != nil {
		t.Fatal(err)
	}
	nn.InitNormal(m, newRand(seed), nn.He)
	tr, te, err := testData.Ten(0, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	cfg := train.Config{Opt: "adam", Beta1: 0.9, Beta2: 0.999, Eps: 1e-7,
		Schedule: nn.Schedule{LR: envF("BEST_LR", 0.002), AnnealT: envF("BEST_T", 3000)},
		Batch:    int(envF("BEST_BATCH", 16)), Order: train.Shuffle, Seed: seed}
	s, err := train.NewSession(m, tr, nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	t0 := time.Now()
	var out []string
	for _, c := range strings.Split(os.Getenv("BEST_CHECKS"), ",") {
		n, _ := strconv.Atoi(c)
		if err := s.Step(train.Budget{Samples: n - done}); err != nil {
			t.Fatal(err)
		}
		done = n
		r := train.Evaluate(m, te)
		out = append(out, fmt.Sprintf("%dk=%.4f", n/1000, r.Acc))
		fmt.Printf("CHECK arch=%s %dk=%.4f (%.0fs)\n", arch, n/1000, r.Acc, time.Since(t0).Seconds())
	}
	fmt.Printf("RESULT arch=%s lr=%g T=%g batch=%d seed=%d params=%d %s (%.0fs)\n", arch, cfg.Schedule.LR, cfg.Schedule.AnnealT,
		cfg.Batch, seed, len(m.Params), strings.Join(out, " "), time.Since(t0).Seconds())
}

// BenchmarkBestArch measures per-sample training speed of each candidate
// (TrainSample + Adam step every 16 samples), for a wasm/native ratio run.
func BenchmarkBestArch(b *testing.B) {
	for _, arch := range benchArchs() {
		b.Run(arch, func(b *testing.B) {
			m, err := bestArch(arch).Build(nn.HeadSoftmax)
			if err != nil {
				b.Fatal(err)
			}
			r := newRand(1)
			nn.InitNormal(m, r, nn.He)
			xs := make([][]float32, 64)
			for i := range xs {
				xs[i] = make([]float32, 784)
				for j := range xs[i] {
					if r.Float64() > 0.81 {
						xs[i][j] = r.Float32()
					}
				}
			}
			opt := nn.NewAdam(len(m.Params), 0.9, 0.999, 1e-7)
			i := 0
			for b.Loop() {
				m.TrainSample(xs[i&63], i%10)
				i++
				if i%16 == 0 {
					m.ScaleGrads(1.0 / 16)
					m.Step(opt, 0.001)
					m.ZeroGrad()
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
		})
	}
}

func benchArchs() []string {
	if v := os.Getenv("BEST_ARCHS"); v != "" {
		return strings.Split(v, ",")
	}
	return []string{"base", "d64", "8-32d64", "16-16d64", "pool-first-d64", "pf-base", "pf-8-32d64", "pf-16-16d64"}
}

// TestPoolBeforeReLU: max-pooling before the ReLU (as the best preset now
// does) computes the same function and gradients as ReLU before pooling
// (max and ReLU commute), on a quarter of the values. Both orders, from
// the same initial weights, train to the same weights on real digits.
func TestPoolBeforeReLU(t *testing.T) {
	if testing.Short() {
		t.Skip("needs MNIST")
	}
	tr, _, err := testData.Ten(200, 10, true)
	if err != nil {
		t.Fatalf("MNIST is needed for this test: %v", err)
	}
	var ms [2]*nn.Model
	for i, arch := range []string{"base", "pf-base"} {
		m, err := bestArch(arch).Build(nn.HeadSoftmax)
		if err != nil {
			t.Fatal(err)
		}
		nn.InitNormal(m, newRand(3), nn.He)
		ms[i] = m
	}
	if len(ms[0].Params) != len(ms[1].Params) {
		t.Fatalf("param counts %d vs %d", len(ms[0].Params), len(ms[1].Params))
	}
	for i := range ms[0].Params {
		if ms[0].Params[i] != ms[1].Params[i] {
			t.Fatalf("initial weights differ at %d", i)
		}
	}
	var x []float32
	for _, m := range ms {
		opt := nn.NewAdam(len(m.Params), 0.9, 0.999, 1e-7)
		for i := range tr.Len() {
			x = tr.Sample(x, i)
			m.TrainSample(x, tr.Label(i))
			if i%16 == 15 {
				m.ScaleGrads(1.0 / 16)
				m.Step(opt, 0.002)
				m.ZeroGrad()
			}
		}
	}
	worst := 0.0
	for i, a := range ms[0].Params {
		worst = max(worst, math.Abs(float64(a-ms[1].Params[i])))
	}
	t.Logf("largest weight difference after %d samples: %g", tr.Len(), worst)
	if worst > 1e-5 {
		t.Errorf("pool-first weights differ from relu-first by up to %g", worst)
	}
}
