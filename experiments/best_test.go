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
	"digitlab/scenes/digitsview"
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
	case "s2-8-32d64": // 5×5 stride-2 first conv instead of conv + pool: 28→12→10→5
		return b.Conv(5, 5, 8, 2, true).ReLU().Conv(3, 3, 32, 1, true).MaxPool2().ReLU().Dense(64, true).ReLU().Dense(10, true)
	case "pool-first-d64": // maxpool before relu: same function, cheaper
		return b.Conv(3, 3, 16, 1, true).MaxPool2().ReLU().Conv(3, 3, 32, 1, true).MaxPool2().ReLU().Dense(64, true).ReLU().Dense(10, true)
	}
	return sweepArch(b, name)
}

// sweepArch builds "k1-c1-k2-c2-dN[-dM…]": conv k1×k1×c1, max-pool, ReLU,
// conv k2×k2×c2, max-pool, ReLU, dense N ReLU (…), dense 10; the best
// preset is "3-8-3-16-d128".
func sweepArch(b *nn.Builder, name string) *nn.Builder {
	p := strings.Split(name, "-")
	n := make([]int, len(p))
	for i, f := range p {
		v, err := strconv.Atoi(strings.TrimPrefix(f, "d"))
		if err != nil || len(p) < 5 {
			panic("unknown arch " + name)
		}
		n[i] = v
	}
	b = b.Conv(n[0], n[0], n[1], 1, true).MaxPool2().ReLU().Conv(n[2], n[2], n[3], 1, true).MaxPool2().ReLU()
	for _, d := range n[4:] {
		b = b.Dense(d, true).ReLU()
	}
	return b.Dense(10, true)
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

// TestBestSweep trains one candidate and prints the test accuracy (all
// 10k) at each of BEST_CHECKS (comma list of sample counts; the run ends
// at the last). Only with BEST_SWEEP=1. BEST_ARCH=preset trains the best
// preset exactly as its recipe sets it up (checks default to its
// whole run); any other BEST_ARCH (see bestArch) trains with Adam
// (BEST_B1, BEST_B2, BEST_EPS), BEST_LR, BEST_T, BEST_DECAY ("", linear,
// cosine: to 0 at the last check), BEST_WARMUP steps, BEST_BATCH, shuffled,
// BEST_SKIP (selective backprop below that loss), BEST_SHIFT (pixels).
// BEST_SEED seeds the initial weights and the shuffles; BEST_STD=1 feeds
// standardised pixels.
func TestBestSweep(t *testing.T) {
	if os.Getenv("BEST_SWEEP") == "" {
		t.Skip("set BEST_SWEEP=1")
	}
	arch := os.Getenv("BEST_ARCH")
	seed := uint64(envF("BEST_SEED", 1))
	var tr, te train.Data
	trs, tes, err := testData.Ten(0, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	tr, te = trs, tes
	if os.Getenv("BEST_STD") != "" {
		tr, te = standardised{trs}, standardised{tes}
	}
	var m *nn.Model
	var cfg train.Config
	checks := strings.Split(os.Getenv("BEST_CHECKS"), ",")
	if arch == "preset" {
		p, _ := train.RecipeFor("best")
		if m, err = nn.NewPreset("best", newRand(seed)); err != nil {
			t.Fatal(err)
		}
		cfg = p.Config()
		cfg.Seed = seed
		if checks[0] == "" {
			checks = []string{strconv.Itoa(p.Steps * p.Batch)}
		}
	} else {
		if m, err = bestArch(arch).Build(nn.HeadSoftmax); err != nil {
			t.Fatal(err)
		}
		nn.InitNormal(m, newRand(seed), nn.He)
		last, _ := strconv.Atoi(checks[len(checks)-1])
		batch := int(envF("BEST_BATCH", 16))
		sched := nn.Schedule{LR: envF("BEST_LR", 0.005), AnnealT: envF("BEST_T", 0),
			Decay: os.Getenv("BEST_DECAY"), Warmup: int(envF("BEST_WARMUP", 0))}
		if sched.Decay != "" {
			sched.Total = (last + batch - 1) / batch // the run ends at the last check
		}
		cfg = train.Config{Opt: "adam", Beta1: envF("BEST_B1", 0.9), Beta2: envF("BEST_B2", 0.999), Eps: envF("BEST_EPS", 1e-7),
			Schedule: sched, Batch: batch, Order: train.Shuffle, Seed: seed,
			SkipBelow: envF("BEST_SKIP", 0), Shift: int(envF("BEST_SHIFT", 0))}
	}
	s, err := train.NewSession(m, tr, nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	t0 := time.Now()
	var out []string
	for _, c := range checks {
		n, _ := strconv.Atoi(c)
		if err := s.Step(train.Budget{Samples: n - done}); err != nil {
			t.Fatal(err)
		}
		done = n
		r := train.Evaluate(m, te)
		out = append(out, fmt.Sprintf("%dk=%.4f", n/1000, r.Acc))
		fmt.Printf("CHECK arch=%s %dk=%.4f (%.0fs)\n", arch, n/1000, r.Acc, time.Since(t0).Seconds())
	}
	sc := cfg.Schedule
	fmt.Printf("RESULT arch=%s lr=%g T=%g decay=%s warm=%d b2=%g batch=%d skip=%g shift=%d seed=%d params=%d backprops=%d %s (%.0fs)\n", arch, sc.LR, sc.AnnealT,
		sc.Decay, sc.Warmup, cfg.Beta2, cfg.Batch, cfg.SkipBelow, cfg.Shift, seed, len(m.Params), s.Backprops(), strings.Join(out, " "), time.Since(t0).Seconds())
}

// TestBestShortRun: the best preset's own set-up (architecture, He init,
// Adam, shuffled batches of 16, η falling linearly to 0 at the run's end)
// cut to 300 steps (4800 samples, about a second natively) already
// classifies the ten digits: test accuracy ≥ 0.93 on the first 2000
// test images (measured 0.942, 0.952, 0.948 for seeds 1–3), and the rate is 0
// when the run stops.
func TestBestShortRun(t *testing.T) {
	skipLong(t)
	p, err := train.RecipeFor("best")
	if err != nil {
		t.Fatal(err)
	}
	p.Steps = 300
	tr, te, err := testData.Ten(0, 2000, true)
	if err != nil {
		t.Fatalf("MNIST is needed for this test: %v", err)
	}
	for _, seed := range []uint64{1, 2, 3} {
		m, err := nn.NewPreset("best", newRand(seed))
		if err != nil {
			t.Fatal(err)
		}
		cfg := p.Config()
		cfg.Seed = seed
		s, err := train.NewSession(m, tr, nil, cfg)
		if err != nil {
			t.Fatal(err)
		}
		for !s.Done() {
			if err := s.Step(train.Budget{Samples: 1000}); err != nil {
				t.Fatal(err)
			}
		}
		acc := train.Evaluate(m, te).Acc
		t.Logf("seed %d: %d samples, test acc %.4f", seed, s.Seen(), acc)
		if s.Seen() != 4800 || s.LR() != 0 {
			t.Errorf("seed %d: run ended after %d samples with η %g, want 4800 and 0", seed, s.Seen(), s.LR())
		}
		atLeast(t, fmt.Sprintf("seed %d test acc", seed), acc, 0.93)
	}
}

// TestBestInThePage trains best exactly as the page does at its default
// seed (the Digits scene's data preparation, initial weights and shuffle
// for seed 42) to the end of its run: the test accuracy on all 10,000
// images is at least 0.99 (measured 0.9915; seeds 43-49 give 0.9916 to
// 0.9937), and selective backprop skipped most samples (measured 20,229
// back-propagated of 192,000). The run is bit-for-bit the page's, so this
// is the figure the page shows at the end; ~25 s natively.
func TestBestInThePage(t *testing.T) {
	skipLong(t)
	tr, te, err := testData.MNIST()
	if err != nil {
		t.Fatalf("MNIST is needed for this test: %v", err)
	}
	cfg, err := digitsview.ForModel("10", "best")
	if err != nil {
		t.Fatal(err)
	}
	prep, err := digitsview.Prepare(cfg, digitsview.Sources{Train: tr, Test: te})
	if err != nil {
		t.Fatal(err)
	}
	m, err := cfg.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	s, err := train.NewSession(m, prep.Train, nil, cfg.TrainConfig())
	if err != nil {
		t.Fatal(err)
	}
	for !s.Done() {
		if err := s.Step(train.Budget{Samples: 20000}); err != nil {
			t.Fatal(err)
		}
	}
	acc := train.Evaluate(m, prep.Test).Acc
	t.Logf("seed %d: %d samples, %d back-propagated, test accuracy %.4f on %d images", cfg.Seed, s.Seen(), s.Backprops(), acc, prep.Test.Len())
	p := cfg.Recipe()
	if want := int64(p.Steps * p.Batch); prep.Test.Len() != 10000 || s.Seen() != want {
		t.Errorf("%d test images, %d samples; want 10000 and %d", prep.Test.Len(), s.Seen(), want)
	}
	atLeast(t, "test accuracy", acc, 0.99)
	if s.Backprops() > s.Seen()/4 {
		t.Errorf("%d of %d samples back-propagated, want under a quarter", s.Backprops(), s.Seen())
	}
}

// standardised gives MNIST pixels as (x − 0.1307)/0.3081 (the training
// set's mean and standard deviation) instead of 0..1.
type standardised struct{ train.Data }

func (d standardised) Sample(dst []float32, i int) []float32 {
	dst = d.Data.Sample(dst, i)
	for j, v := range dst {
		dst[j] = (v - 0.1307) / 0.3081
	}
	return dst
}

// BenchmarkBestArch measures per-sample training speed of each candidate
// (BEST_ARCHS, comma list): TrainSample + an Adam step every BEST_BATCH
// (16) samples. Run it under wasm: the wasm/native ratio varies by net.
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
			batch := int(envF("BEST_BATCH", 16))
			i := 0
			for b.Loop() {
				m.TrainSample(xs[i&63], i%10)
				i++
				if i%batch == 0 {
					m.ScaleGrads(1 / float32(batch))
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
	return []string{"pf-8-32d64", "3-8-3-16-d128", "3-8-3-16-d64", "3-8-3-16-d256"}
}

// TestPoolBeforeReLU: max-pooling before the ReLU (as the best preset now
// does) computes the same function and gradients as ReLU before pooling
// (max and ReLU commute), on a quarter of the values. Both orders, from
// the same initial weights, train to the same weights on real digits.
func TestPoolBeforeReLU(t *testing.T) {
	skipLong(t)
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
