package train

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"digitlab/nn"
)

func TestResumable(t *testing.T) {
	t.Parallel()
	tr, te := newData(1, 23, 3, 3), newData(2, 11, 3, 3)
	for _, opt := range []string{"sgd", "momentum", "adam"} {
		for _, batch := range []int{1, 4, 0} {
			for _, order := range []Order{Cycle, Shuffle} {
				cfg := Config{Opt: opt, Schedule: nn.Schedule{LR: 0.05, AnnealT: 10}, Batch: batch, Epochs: 3,
					Order: order, Seed: 7, Window: 5, EvalEvery: 9}
				t.Run(fmt.Sprintf("%s/batch%d/%v", opt, batch, order), func(t *testing.T) {
					big := newSession(t, softmaxModel(t, 3), tr, te, cfg)
					runAll(t, big, 1<<30)
					for _, k := range []int{1, 2, 5} {
						small := newSession(t, softmaxModel(t, 3), tr, te, cfg)
						runAll(t, small, k)
						if i := sameBits(big.Model.Params, small.Model.Params); i >= 0 {
							t.Fatalf("Steps of %d: param %d = %v, one big Step gives %v", k, i, small.Model.Params[i], big.Model.Params[i])
						}
						if small.Seen() != big.Seen() || small.Steps() != big.Steps() || small.Epoch() != big.Epoch() {
							t.Errorf("Steps of %d: seen/steps/epoch %d/%d/%d, want %d/%d/%d", k,
								small.Seen(), small.Steps(), small.Epoch(), big.Seen(), big.Steps(), big.Epoch())
						}
						if !reflect.DeepEqual(fmt.Sprint(small.History()), fmt.Sprint(big.History())) {
							t.Errorf("Steps of %d: history %v, want %v", k, small.History(), big.History())
						}
					}
					wantSteps := 3 * ((23 + big.BatchSize() - 1) / big.BatchSize())
					if big.Steps() != wantSteps || big.Seen() != 3*23 {
						t.Errorf("steps %d seen %d, want %d and %d", big.Steps(), big.Seen(), wantSteps, 3*23)
					}
					// Reset replays the same run.
					p := append([]float32(nil), big.Model.Params...)
					big.Reset()
					runAll(t, big, 3)
					if i := sameBits(p, big.Model.Params); i >= 0 {
						t.Fatalf("after Reset: param %d = %v, want %v", i, big.Model.Params[i], p[i])
					}
				})
			}
		}
	}
}

// manualRun trains a clone of m the slow, obvious way: per batch, collect
// each sample's gradient separately, average in float64, step by hand.
func manualRun(m *nn.Model, d *memData, order []int, batch int, sched nn.Schedule) {
	g := make([]float64, len(m.Params))
	step := 0
	for lo := 0; lo < len(order); lo += batch {
		hi := min(lo+batch, len(order))
		clear(g)
		for _, i := range order[lo:hi] {
			clear(m.Grads)
			m.ZeroGrad()
			m.TrainSample(d.Sample(nil, i), d.Label(i))
			for j, v := range m.Grads {
				g[j] += float64(v)
			}
		}
		lr := sched.At(step)
		for j := range m.Params {
			m.Params[j] -= float32(lr * g[j] / float64(hi-lo))
		}
		step++
	}
}

func TestBatchAveragingMatchesManual(t *testing.T) {
	t.Parallel()
	d := newData(3, 10, 3, 3)
	order := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	sched := nn.Schedule{LR: 0.3, AnnealT: 2}
	for _, tc := range []struct {
		desc  string
		batch int
		want  int // optimiser steps in one epoch
	}{
		{"per-sample", 1, 10},
		{"batch 4 with a short last batch", 4, 3},
		{"full batch", 0, 1},
		{"batch larger than the set", 50, 1},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			m := softmaxModel(t, 5)
			ref := m.Clone()
			s := newSession(t, m, d, nil, Config{Opt: "sgd", Schedule: sched, Batch: tc.batch, Epochs: 1})
			runAll(t, s, 3)
			b := tc.batch
			if b == 0 || b > 10 {
				b = 10
			}
			manualRun(ref, d, order, b, sched)
			if s.Steps() != tc.want {
				t.Errorf("steps = %d, want %d", s.Steps(), tc.want)
			}
			for i := range ref.Params {
				if diff := math.Abs(float64(m.Params[i] - ref.Params[i])); diff > 1e-6+1e-5*math.Abs(float64(ref.Params[i])) {
					t.Fatalf("param %d = %v, manual %v", i, m.Params[i], ref.Params[i])
				}
			}
		})
	}
}

func TestFullBatchEpochsAreSteps(t *testing.T) {
	t.Parallel()
	d := newData(4, 17, 3, 2)
	s := newSession(t, softmaxModel(t, 1), d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: 0, Epochs: 5})
	runAll(t, s, 7)
	if s.Steps() != 5 || s.Epoch() != 5 || s.Seen() != 5*17 || s.BatchSize() != 17 {
		t.Errorf("steps %d epochs %d seen %d batch %d, want 5 5 85 17", s.Steps(), s.Epoch(), s.Seen(), s.BatchSize())
	}
	// Full-batch gradient descent does not depend on the order.
	sh := newSession(t, softmaxModel(t, 1), d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: 0, Epochs: 5, Order: Shuffle, Seed: 3})
	runAll(t, sh, 1000)
	for i := range s.Model.Params {
		if d := math.Abs(float64(s.Model.Params[i] - sh.Model.Params[i])); d > 1e-5 {
			t.Fatalf("param %d: cycle %v, shuffle %v", i, s.Model.Params[i], sh.Model.Params[i])
		}
	}
}

func TestScheduleAndMomentumMatchSeed(t *testing.T) {
	t.Parallel()
	// Seed 000's loop: m = βm + g; LR = η·T/(T+t); w -= LR·m, per sample,
	// cycling through the data.
	d := newData(5, 6, 3, 2)
	sched := nn.Schedule{LR: 0.5, AnnealT: 3}
	m := sigmoidModel(t, 2)
	w := make([]float64, len(m.Params))
	for i, v := range m.Params {
		w[i] = float64(v)
	}
	s := newSession(t, m, d, nil, Config{Opt: "momentum", Beta1: 0.9, Schedule: sched, Batch: 1, Steps: 15})
	runAll(t, s, 4)
	mom := make([]float64, len(w))
	for step := range 15 {
		i := step % d.Len()
		x := d.Sample(nil, i)
		p := seedSigmoid(w, x)
		lr := 0.5 * 3 / (3 + float64(step))
		for j := range w {
			g := (p - float64(d.Label(i))) * float64(x[j])
			mom[j] = 0.9*mom[j] + g
			w[j] -= lr * mom[j]
		}
	}
	for j := range w {
		if math.Abs(w[j]-float64(m.Params[j])) > 1e-5 {
			t.Errorf("w[%d] = %v, seed's loop gives %v", j, m.Params[j], w[j])
		}
	}
	if got, want := s.LR(), 0.5*3/(3+15.0); math.Abs(got-want) > 1e-15 {
		t.Errorf("LR() after 15 steps = %v, want %v", got, want)
	}
	if !s.Done() || s.Epoch() != 2 || s.Index() != 3 {
		t.Errorf("done %v epoch %d index %d, want true 2 3 (15 samples cycling through 6)", s.Done(), s.Epoch(), s.Index())
	}
}

func TestRunningWindow(t *testing.T) {
	t.Parallel()
	d := newData(6, 9, 3, 3)
	m := softmaxModel(t, 4)
	ref := m.Clone()
	s := newSession(t, m, d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.2}, Batch: 1, Steps: 13, Window: 4})
	if l, a, n := s.Running(); !math.IsNaN(l) || !math.IsNaN(a) || n != 0 {
		t.Errorf("Running() before training = %v %v %d, want NaN NaN 0", l, a, n)
	}
	runAll(t, s, 5)
	var losses []float64
	var oks []bool
	opt := nn.NewSGD()
	probs := make([]float32, 3)
	for step := range 13 {
		i := step % d.Len()
		x := d.Sample(nil, i)
		probs = ref.Predict(probs, x)
		oks = append(oks, nn.Argmax(probs) == d.Label(i))
		ref.ZeroGrad()
		losses = append(losses, float64(float32(ref.TrainSample(x, d.Label(i)))))
		ref.Step(opt, 0.2)
	}
	var wl, wa float64
	for k := 9; k < 13; k++ {
		wl += losses[k]
		if oks[k] {
			wa++
		}
	}
	l, a, n := s.Running()
	if n != 4 || math.Abs(l-wl/4) > 1e-6 || a != wa/4 {
		t.Errorf("Running() = %v %v %d, want %v %v 4", l, a, n, wl/4, wa/4)
	}
}

func TestShuffleVisitsEverySampleOncePerEpoch(t *testing.T) {
	t.Parallel()
	d := newData(7, 12, 3, 2)
	s := newSession(t, softmaxModel(t, 1), d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.01}, Batch: 1, Epochs: 3, Order: Shuffle, Seed: 9})
	var orders [3][]int
	for !s.Idle() {
		e := s.Epoch()
		if err := s.Step(Budget{Samples: 1}); err != nil {
			t.Fatal(err)
		}
		orders[e] = append(orders[e], s.Last())
	}
	for e, o := range orders {
		seen := make([]bool, 12)
		for _, i := range o {
			seen[i] = true
		}
		for i, ok := range seen {
			if !ok || len(o) != 12 {
				t.Fatalf("epoch %d order %v misses sample %d", e, o, i)
			}
		}
	}
	if fmt.Sprint(orders[0]) == fmt.Sprint(orders[1]) || fmt.Sprint(orders[0]) == fmt.Sprint(orders[0][:0]) {
		t.Errorf("epochs 0 and 1 have the same order %v", orders[0])
	}
}

func TestDivergence(t *testing.T) {
	t.Parallel()
	d := newData(8, 20, 3, 2)
	for i := range d.x {
		d.x[i] *= 1e3
	}
	cfg := Config{Opt: "sgd", Schedule: nn.Schedule{LR: 1e36}, Batch: 1, Epochs: 50}
	m := sigmoidModel(t, 2)
	s := newSession(t, m, d, nil, cfg)
	var err error
	for i := 0; i < 1000 && err == nil && !s.Idle(); i++ {
		err = s.Step(Budget{Samples: 10})
	}
	var de *DivergedError
	if !errors.As(err, &de) {
		t.Fatalf("Step with η=1e30 returned %v, want a *DivergedError", err)
	}
	msg := err.Error()
	t.Log(msg)
	for _, want := range []string{"became", fmt.Sprintf("step %d", de.Step), "η=1e+36", "diverged", "smaller learning rate"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	seen := s.Seen()
	if err2 := s.Step(Budget{Samples: 10}); err2 != err || s.Seen() != seen {
		t.Errorf("Step after divergence = %v (seen %d → %d), want the same error and no work", err2, seen, s.Seen())
	}
	// Reset with a sane learning rate recovers and equals a fresh session.
	if err := s.SetSchedule(nn.Schedule{LR: 1e-3}); err != nil {
		t.Fatal(err)
	}
	s.Reset()
	runAll(t, s, 7)
	cfg.Schedule.LR = 1e-3
	fresh := newSession(t, sigmoidModel(t, 2), d, nil, cfg)
	runAll(t, fresh, 1000)
	if i := sameBits(fresh.Model.Params, s.Model.Params); i >= 0 {
		t.Errorf("after Reset param %d = %v, fresh session %v", i, s.Model.Params[i], fresh.Model.Params[i])
	}
}

func TestDivergenceNaNInput(t *testing.T) {
	t.Parallel()
	d := newData(9, 5, 3, 2)
	d.x[3*3+1] = float32(math.NaN())
	s := newSession(t, sigmoidModel(t, 1), d, nil, Config{Opt: "momentum", Schedule: nn.Schedule{LR: 0.01}, Batch: 1, Steps: 100})
	err := s.Step(Budget{Samples: 100})
	var de *DivergedError
	if !errors.As(err, &de) || de.Step != 3 || de.Param != -1 || !math.IsNaN(de.Loss) {
		t.Fatalf("Step = %#v, want a NaN loss at step 3", err)
	}
	if !strings.Contains(err.Error(), "loss became NaN at step 3 with η=0.01") {
		t.Errorf("message %q", err)
	}
}

func TestTimeBudget(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Unix(1000, 0)}
	d := newData(10, 50, 3, 3)
	d.onRead = func() { clock.Advance(time.Millisecond) } // each sample costs 1 ms
	s := newSession(t, softmaxModel(t, 1), d, d, Config{Opt: "adam", Schedule: nn.Schedule{LR: 0.01}, Batch: 4, Epochs: 100, EvalEvery: 30})
	s.Now = clock.Now
	for call := range 40 {
		start := clock.Now()
		seen := s.Seen()
		if err := s.Step(Budget{Until: start.Add(10 * time.Millisecond)}); err != nil {
			t.Fatal(err)
		}
		el := clock.Now().Sub(start)
		if el > 11*time.Millisecond {
			t.Fatalf("call %d took %v of a 10ms budget", call, el)
		}
		if el < 10*time.Millisecond {
			t.Fatalf("call %d returned after %v of a 10ms budget", call, el)
		}
		if s.Seen() == seen && !s.Evaluating() && len(s.History()) == 0 {
			t.Fatalf("call %d did no work", call)
		}
	}
	// 30 training samples (30 ms) then 50 test samples (50 ms): 375/s.
	if r := s.Rate(); r < 330 || r > 420 {
		t.Errorf("Rate() = %v samples/s, want about 375 (1 ms per sample, evaluation counts against it)", r)
	}
	// An expired deadline does nothing.
	seen := s.Seen()
	if err := s.Step(Budget{Until: clock.Now()}); err != nil || s.Seen() != seen {
		t.Errorf("expired budget: seen %d → %d, err %v", seen, s.Seen(), err)
	}
}

func TestEvalInSlicesEqualsEvaluate(t *testing.T) {
	t.Parallel()
	tr, te := newData(11, 40, 3, 3), newData(12, 13, 3, 3)
	for _, evalN := range []int{0, 6} {
		m := softmaxModel(t, 6)
		s := newSession(t, m, tr, te, Config{Opt: "momentum", Schedule: nn.Schedule{LR: 0.05}, Batch: 2, Epochs: 2, EvalEvery: 10, EvalN: evalN})
		// With a budget of one sample, the call that finishes an
		// evaluation does nothing else, so the model is still the one
		// that was judged.
		for !s.Idle() {
			n := len(s.History())
			if err := s.Step(Budget{Samples: 1}); err != nil {
				t.Fatal(err)
			}
			if len(s.History()) > n {
				p := s.History()[len(s.History())-1]
				want := EvaluateN(m, te, evalN+13*(1-min(evalN, 1)))
				if p.TestLoss != want.Loss || p.TestAcc != want.Acc {
					t.Fatalf("point %d: test %v/%v, Evaluate gives %v/%v", n, p.TestLoss, p.TestAcc, want.Loss, want.Acc)
				}
			}
		}
		h := s.History()
		// Points at 0, 10, 20, …, 80 samples (the last is the end).
		if len(h) != 9 || h[0].Samples != 0 || h[8].Samples != 80 || h[3].Samples != 30 {
			t.Errorf("EvalN %d: history samples %v", evalN, h)
		}
		if !math.IsNaN(h[0].TrainLoss) || math.IsNaN(h[1].TrainLoss) {
			t.Errorf("train loss at 0 = %v (want NaN), at 10 = %v", h[0].TrainLoss, h[1].TrainLoss)
		}
		// A budget of 3 samples never judges the whole test set at once.
		s3 := newSession(t, softmaxModel(t, 6), tr, te, s.Config())
		if err := s3.Step(Budget{Samples: 3}); err != nil || !s3.Evaluating() || len(s3.History()) != 0 {
			t.Errorf("first Step(3): evaluating %v, history %d, err %v; want an evaluation under way", s3.Evaluating(), len(s3.History()), err)
		}
		runAll(t, s3, 3)
		if fmt.Sprint(s3.History()) != fmt.Sprint(h) {
			t.Errorf("EvalN %d: history with budgets of 3 %v, of 1 %v", evalN, s3.History(), h)
		}
	}
}

func TestEvaluate(t *testing.T) {
	t.Parallel()
	d := newData(13, 25, 3, 3)
	m := softmaxModel(t, 8)
	r := Evaluate(m, d)
	var probs []float32
	pred := make([]int, d.Len())
	labels := make([]int, d.Len())
	var all []float32
	for i := range d.Len() {
		probs = m.Predict(probs, d.Sample(nil, i))
		all = append(all, probs...)
		pred[i], labels[i] = nn.Argmax(probs), d.Label(i)
	}
	if r.N != 25 || !reflect.DeepEqual(r.Pred, pred) || !reflect.DeepEqual(r.Labels, labels) {
		t.Fatalf("Evaluate N=%d pred %v labels %v, want 25 %v %v", r.N, r.Pred, r.Labels, pred, labels)
	}
	if want := nn.Accuracy(pred, labels); r.Acc != want {
		t.Errorf("Acc = %v, want %v", r.Acc, want)
	}
	if want := nn.MeanCrossEntropy(all, 3, labels); math.Abs(r.Loss-want) > 1e-12 {
		t.Errorf("Loss = %v, want %v", r.Loss, want)
	}
	if c := r.Confusion(3); len(c) != 9 {
		t.Errorf("Confusion has %d cells", len(c))
	}
}

func TestStepAllocatesNothing(t *testing.T) {
	d := newData(14, 30, 3, 3)
	for _, cfg := range []Config{
		{Opt: "sgd", Schedule: nn.Schedule{LR: 0.01, AnnealT: 100}, Batch: 1},
		{Opt: "momentum", Schedule: nn.Schedule{LR: 0.01}, Batch: 4, Order: Shuffle},
		{Opt: "adam", Schedule: nn.Schedule{LR: 0.01}, Batch: 0, Order: Shuffle},
	} {
		s := newSession(t, softmaxModel(t, 1), d, d, cfg)
		s.Step(Budget{Samples: 100}) // warm up
		if a := testing.AllocsPerRun(20, func() { s.Step(Budget{Samples: 50}) }); a != 0 {
			t.Errorf("%s batch %d: Step(50 samples) allocates %v times", cfg.Opt, cfg.Batch, a)
		}
		if a := testing.AllocsPerRun(20, func() { s.Step(Budget{Until: time.Now().Add(200 * time.Microsecond)}) }); a != 0 {
			t.Errorf("%s batch %d: Step(200µs) allocates %v times", cfg.Opt, cfg.Batch, a)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	d := newData(15, 10, 3, 3)
	for _, tc := range []struct {
		desc  string
		cfg   Config
		data  Data
		field string
	}{
		{"unknown optimiser", Config{Opt: "rmsprop", Schedule: nn.Schedule{LR: 0.1}}, d, "Opt"},
		{"negative lr", Config{Opt: "sgd", Schedule: nn.Schedule{LR: -1}}, d, "LR"},
		{"NaN lr", Config{Opt: "sgd", Schedule: nn.Schedule{LR: math.NaN()}}, d, "LR"},
		{"negative batch", Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: -2}, d, "Batch"},
		{"empty data", Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}}, newData(1, 0, 3, 3), "Train"},
		{"wrong size", Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}}, newData(1, 5, 4, 3), "Train"},
		{"label out of range", Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}}, &memData{size: 3, x: make([]float32, 6), labels: []int{0, 7}}, "Train"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := NewSession(softmaxModel(t, 1), tc.data, nil, tc.cfg)
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Field != tc.field {
				t.Fatalf("NewSession = %v, want a *ConfigError on %s", err, tc.field)
			}
			if !strings.HasPrefix(err.Error(), "train: ") {
				t.Errorf("message %q lacks the package prefix", err)
			}
		})
	}
}

func TestRecipeConfig(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		opt   string
		order Order
		batch int
	}{
		{"cnn", "momentum", Cycle, 1},
		{"mlp10", "sgd", Cycle, 1},
		{"cnn10", "sgd", Shuffle, 1},
		{"cnn10-tanh", "adam", Shuffle, 32},
		{"digits64", "sgd", Cycle, 0},
	} {
		r, err := RecipeFor(tc.name)
		if err != nil {
			t.Fatal(err)
		}
		c := r.Config()
		if c.Opt != tc.opt || c.Order != tc.order || c.Batch != tc.batch || c.Schedule != r.Schedule() || c.Epochs != r.Epochs || c.Steps != r.Steps || c.Seed != 42 {
			t.Errorf("RecipeFor(%s).Config() = %+v", tc.name, c)
		}
	}
}

// TestFusedSGDMatchesStep: a session with plain SGD at batch 1 (nn's
// fused TrainSampleSGD) trains bit for bit as TrainSampleSelective, Step
// and ZeroGrad per sample do, with the same running loss and accuracy and
// the same samples skipped by selective backprop.
func TestFusedSGDMatchesStep(t *testing.T) {
	t.Parallel()
	d := mnistLike(40, 10)
	sched := nn.Schedule{LR: 0.05, AnnealT: 30}
	for _, skip := range []float64{0, 2.2} {
		m, err := nn.NewPreset("mlp10", rand.New(rand.NewPCG(3, 4)))
		if err != nil {
			t.Fatal(err)
		}
		ref := m.Clone()
		s := newSession(t, m, d, nil, Config{Opt: "sgd", Schedule: sched, Batch: 1, Epochs: 3, SkipBelow: skip, Window: 120})
		if !s.fused {
			t.Fatal("SGD at batch 1 does not take the fused path")
		}
		runAll(t, s, 7)
		sgd := nn.NewSGD()
		var loss float64
		correct, backs := 0, int64(0)
		x := make([]float32, 784)
		for step := range 3 * d.Len() {
			i := step % d.Len()
			x = d.Sample(x, i)
			l, class, back := ref.TrainSampleSelective(x, d.Label(i), skip)
			ref.Step(sgd, float32(sched.At(step)))
			ref.ZeroGrad()
			loss += float64(float32(l))
			if class == d.Label(i) {
				correct++
			}
			if back {
				backs++
			}
		}
		if i := sameBits(m.Params, ref.Params); i >= 0 {
			t.Fatalf("skip %g: param %d = %v fused, %v by TrainSampleSelective+Step+ZeroGrad", skip, i, m.Params[i], ref.Params[i])
		}
		gl, ga, n := s.Running()
		if n != 120 || math.Abs(gl-loss/120) > 1e-9 || ga != float64(correct)/120 || s.Backprops() != backs {
			t.Errorf("skip %g: running loss %v acc %v over %d, backprops %d; want %v %v over 120, %d", skip, gl, ga, n, s.Backprops(), loss/120, float64(correct)/120, backs)
		}
		if skip > 0 && (backs == 0 || backs == 120) {
			t.Errorf("skip %g: %d of 120 samples back-propagated: the test does not exercise skipping", skip, backs)
		}
	}
	for _, c := range []Config{{Opt: "sgd", Batch: 2}, {Opt: "momentum", Batch: 1}, {Opt: "adam", Batch: 1}} {
		m, _ := nn.NewPreset("mlp10", rand.New(rand.NewPCG(3, 4)))
		c.Schedule, c.Epochs = sched, 1
		if s := newSession(t, m, d, nil, c); s.fused {
			t.Errorf("%s at batch %d takes the fused SGD path", c.Opt, c.Batch)
		}
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	d := newData(16, 10, 3, 3)
	s := newSession(t, softmaxModel(t, 1), d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: 1, Epochs: 4})
	if s.Progress() != 0 {
		t.Errorf("Progress at start = %v", s.Progress())
	}
	s.Step(Budget{Samples: 15})
	if p := s.Progress(); math.Abs(p-15.0/40) > 1e-12 {
		t.Errorf("Progress after 15 of 40 = %v", p)
	}
	runAll(t, s, 100)
	if s.Progress() != 1 || !s.Done() || !s.Idle() {
		t.Errorf("Progress at end = %v done %v idle %v", s.Progress(), s.Done(), s.Idle())
	}
}

// TestSkipBelow: selective backprop trains exactly as a hand loop that
// back-propagates only the samples whose loss is at least SkipBelow,
// scales each batch by its full size and takes no step for a batch whose
// samples were all skipped (its step still advances the schedule). A
// threshold above every loss leaves the weights alone.
func TestSkipBelow(t *testing.T) {
	t.Parallel()
	d := newData(11, 12, 3, 3)
	sched := nn.Schedule{LR: 0.05, AnnealT: 4}
	m := softmaxModel(t, 6)
	ref := m.Clone()
	// A threshold near the median first loss skips about half.
	losses := make([]float64, d.Len())
	for i := range losses {
		losses[i] = m.Loss(d.Sample(nil, i), d.Label(i))
	}
	slices.Sort(losses)
	tau := losses[len(losses)/2]
	cfg := Config{Opt: "adam", Schedule: sched, Batch: 2, Epochs: 3, SkipBelow: tau}
	s := newSession(t, m, d, nil, cfg)
	runAll(t, s, 5)

	opt := nn.NewAdam(len(ref.Params), 0.9, 0.999, 1e-7)
	var back, emptyBatches int64
	step, inBatch := 0, 0
	for range 3 {
		for i := range d.Len() {
			x := d.Sample(nil, i)
			if ref.Loss(x, d.Label(i)) >= tau {
				ref.TrainSample(x, d.Label(i))
				back++
				inBatch++
			}
			if i%2 == 1 {
				if inBatch > 0 {
					ref.ScaleGrads(0.5)
					ref.Step(opt, float32(sched.At(step)))
					ref.ZeroGrad()
				} else {
					emptyBatches++
				}
				step++
				inBatch = 0
			}
		}
	}
	if back == 0 || back == 36 || emptyBatches == 0 {
		t.Fatalf("threshold %v back-propagates %d of 36 samples with %d empty batches: the test needs some of each", tau, back, emptyBatches)
	}
	if i := sameBits(m.Params, ref.Params); i >= 0 {
		t.Errorf("parameter %d = %v, the hand loop gives %v", i, m.Params[i], ref.Params[i])
	}
	if s.Backprops() != back || s.Seen() != 36 || s.Steps() != step {
		t.Errorf("backprops %d seen %d steps %d, want %d 36 %d", s.Backprops(), s.Seen(), s.Steps(), back, step)
	}

	cfg.SkipBelow = math.MaxFloat64
	m2 := softmaxModel(t, 6)
	s2 := newSession(t, m2, d, nil, cfg)
	runAll(t, s2, 7)
	if i := sameBits(m2.Params, s2.init); i >= 0 || s2.Backprops() != 0 || s2.Steps() != 18 {
		t.Errorf("nothing above the threshold: parameter %d moved, %d backprops, %d steps; want none, 0, 18", i, s2.Backprops(), s2.Steps())
	}
	s.Reset()
	if s.Backprops() != 0 || s.Seen() != 0 {
		t.Errorf("after Reset: backprops %d seen %d, want 0 0", s.Backprops(), s.Seen())
	}
}

// TestShiftImage: every shift of a small two-channel image against the
// definition dst(y, x) = src(y−dy, x−dx), zero outside.
func TestShiftImage(t *testing.T) {
	t.Parallel()
	const H, W, C = 3, 4, 2
	src := make([]float32, H*W*C)
	for i := range src {
		src[i] = float32(i + 1)
	}
	var dst []float32
	for dy := -3; dy <= 3; dy++ {
		for dx := -4; dx <= 4; dx++ {
			dst = shiftImage(dst, src, H, W, C, dx, dy)
			for y := range H {
				for x := range W {
					for c := range C {
						var want float32
						if sy, sx := y-dy, x-dx; sy >= 0 && sy < H && sx >= 0 && sx < W {
							want = src[(sy*W+sx)*C+c]
						}
						if got := dst[(y*W+x)*C+c]; got != want {
							t.Fatalf("shift (%d, %d): pixel (%d, %d, %d) = %v, want %v", dx, dy, y, x, c, got, want)
						}
					}
				}
			}
		}
	}
}

// TestShift: a session that shifts its images trains differently from one
// that does not, the same for the same seed, again after Reset; a shift
// that does not fit the input is a *ConfigError.
func TestShift(t *testing.T) {
	t.Parallel()
	d := newData(13, 20, 25, 3) // 5×5 images
	model := func() *nn.Model {
		m, err := nn.NewBuilder("img", nn.Shape{H: 5, W: 5, C: 1}).Dense(3, true).Build(nn.HeadSoftmax)
		if err != nil {
			t.Fatal(err)
		}
		nn.InitNormal(m, rand.New(rand.NewPCG(3, 4)), nn.He)
		return m
	}
	cfg := Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: 2, Epochs: 2, Order: Shuffle, Seed: 5, Shift: 1}
	run := func(cfg Config) (*Session, []float32) {
		s := newSession(t, model(), d, nil, cfg)
		runAll(t, s, 3)
		return s, append([]float32(nil), s.Model.Params...)
	}
	s, a := run(cfg)
	_, b := run(cfg)
	s.Reset()
	runAll(t, s, 7)
	if i := sameBits(a, b); i >= 0 {
		t.Errorf("same seed, parameter %d differs: %v vs %v", i, a[i], b[i])
	}
	if i := sameBits(a, s.Model.Params); i >= 0 {
		t.Errorf("after Reset, parameter %d differs: %v vs %v", i, a[i], s.Model.Params[i])
	}
	cfg.Shift = 0
	if _, c := run(cfg); sameBits(a, c) < 0 {
		t.Error("shifting the images changed nothing")
	}
	for _, k := range []int{-1, 3} {
		cfg.Shift = k
		var ce *ConfigError
		if _, err := NewSession(model(), d, nil, cfg); !errors.As(err, &ce) || ce.Field != "Shift" {
			t.Errorf("shift %d on 5×5 images: NewSession = %v, want a *ConfigError on Shift", k, err)
		}
	}
}

// TestExtend: a finished run extended trains its length once more, to the
// same weights as one run made twice as long (cycling order, constant η);
// a decaying schedule is stretched, not left at 0; Reset brings the
// first length back; a run with an error is not extended.
func TestExtend(t *testing.T) {
	t.Parallel()
	d := newData(5, 6, 3, 2)
	cfg := Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.3}, Batch: 1, Steps: 12}
	a := newSession(t, sigmoidModel(t, 2), d, nil, cfg)
	runAll(t, a, 5)
	if !a.Done() || !a.Extend() || a.Done() || a.Idle() {
		t.Fatalf("after Extend: done %v idle %v, want a run with work left", a.Done(), a.Idle())
	}
	runAll(t, a, 5)
	long := cfg
	long.Steps = 24
	b := newSession(t, sigmoidModel(t, 2), d, nil, long)
	runAll(t, b, 7)
	if a.Steps() != 24 || !slices.Equal(a.Model.Params, b.Model.Params) {
		t.Errorf("extended run: %d steps, weights equal to a 24-step run: %v", a.Steps(), slices.Equal(a.Model.Params, b.Model.Params))
	}
	if a.Runs() != 2 {
		t.Errorf("Runs after one Extend = %d, want 2", a.Runs())
	}
	a.Reset()
	if a.Config().Steps != 12 || a.Runs() != 1 {
		t.Errorf("Reset left %d steps, want 12", a.Config().Steps)
	}

	// Linear decay to 0 over 12 steps: extended, η at step 12 is half of η0.
	dec := cfg
	dec.Schedule = nn.Schedule{LR: 0.3, Decay: "linear", Total: 12}
	c := newSession(t, sigmoidModel(t, 2), d, nil, dec)
	runAll(t, c, 5)
	if c.LR() != 0 || !c.Extend() {
		t.Fatalf("LR at the end %v", c.LR())
	}
	if got := c.LR(); math.Abs(got-0.15) > 1e-12 {
		t.Errorf("LR after Extend = %v, want 0.15 (the decay stretched over 24 steps)", got)
	}

	// Epochs: one more pass.
	ep := newSession(t, sigmoidModel(t, 2), d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.3}, Batch: 0, Epochs: 2})
	runAll(t, ep, 100)
	ep.Extend()
	runAll(t, ep, 100)
	if ep.Epoch() != 4 {
		t.Errorf("epochs after Extend: %d, want 4", ep.Epoch())
	}
	never := newSession(t, sigmoidModel(t, 2), d, nil, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.3}, Batch: 1})
	if never.Extend() {
		t.Error("a run that never ends was extended")
	}
}
