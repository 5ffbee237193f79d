package digitsview

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"digitlab/datasets"
	"digitlab/kit/ui"
	"digitlab/nn"
	"digitlab/train"
)

// Most tests train digits64 on the 8×8 digits (1437 training, 360 test
// images, full batch: one optimiser step per epoch), whose data ships in
// the repository.

func TestNewRunPanicsOnInvalidConfig(t *testing.T) {
	t.Parallel()
	defer func() {
		if recover() == nil {
			t.Errorf("NewRun(model nope) did not panic")
		}
	}()
	c := Default("digits8")
	c.Model = "nope"
	NewRun(c)
}

// A run builds its model at the first Tick after the data is there.
func TestRunBuild(t *testing.T) {
	t.Parallel()
	cfg := Default("digits8")
	r := NewRun(cfg)
	clk := &fakeClock{t: time.Unix(1e9, 0), d: time.Millisecond}
	r.Now = clk.Now
	if r.Busy() {
		t.Errorf("Busy() = true without data, want false")
	}
	r.Tick(clk.after(farAhead))
	if r.Session() != nil || r.Model() != nil {
		t.Fatalf("Tick without data built a session")
	}
	var s Snapshot
	r.Snapshot(&s, true)
	if s.Built || !s.HasMistakes || len(s.Mistakes) != 0 || s.HasWeights || s.Step != 0 || s.Image.Index != -1 {
		t.Errorf("snapshot before the build: Built %v, HasMistakes %v with %d, HasWeights %v, Step %d, Image.Index %d; want false, true with 0, false, 0, -1",
			s.Built, s.HasMistakes, len(s.Mistakes), s.HasWeights, s.Step, s.Image.Index)
	}
	if r.Snapshot(&s, true); s.HasMistakes {
		t.Errorf("second snapshot before the build: HasMistakes = true, want false (nothing changed)")
	}

	r.SetSources(Sources{Digits: digitsData(t)})
	if !r.Busy() {
		t.Errorf("Busy() = false with the data there and no model yet, want true")
	}
	gen := r.Gen()
	r.Tick(clk.after(farAhead))
	sess := r.Session()
	if sess == nil {
		t.Fatalf("Tick with the data did not build: %v", r.BuildErr())
	}
	if r.Gen() != gen+1 {
		t.Errorf("Gen = %d after the build, want %d", r.Gen(), gen+1)
	}
	if sess.Steps() != 0 || sess.Seen() != 0 || r.Running() || r.Busy() {
		t.Errorf("after the build: step %d, seen %d, running %v, busy %v; want 0, 0, false, false", sess.Steps(), sess.Seen(), r.Running(), r.Busy())
	}
	fresh, err := cfg.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	if i := sameBits(r.Model().Params, fresh.Params); i >= 0 {
		t.Errorf("built model differs from cfg.NewModel() at parameter %d", i)
	}
	every, n, full := r.evalPlan(cfg.Recipe())
	if c := sess.Config(); c.EvalEvery != every || c.EvalN != n || c.FullEvery != full || c.Mistakes != MaxWrong {
		t.Errorf("session evaluates every %d on %d, full every %d, keeps %d mistakes; want evalPlan's %d, %d, %d and %d",
			c.EvalEvery, c.EvalN, c.FullEvery, c.Mistakes, every, n, full, MaxWrong)
	}
	before := clk.t
	sess.Now()
	if !clk.t.After(before) {
		t.Errorf("the session's clock is not the run's Now")
	}
	r.Snapshot(&s, false)
	if !s.Built || !s.HasMistakes || len(s.Mistakes) != 0 || s.Gen != r.Gen() {
		t.Errorf("snapshot after the build: Built %v, HasMistakes %v with %d, Gen %d; want true, true with 0, %d", s.Built, s.HasMistakes, len(s.Mistakes), s.Gen, r.Gen())
	}
	if s.TrainN != 1437 || s.TestN != 360 || s.BatchSize != 1437 || s.About != "1437 training / 360 test images" || len(s.Names) != 10 {
		t.Errorf("snapshot data: %d / %d, batch %d, About %q, %d names; want 1437 / 360, 1437, the sizes, 10", s.TrainN, s.TestN, s.BatchSize, s.About, len(s.Names))
	}
}

// handTrained trains cfg's model on its prepared data with a session of
// its own, sample by sample, for n samples.
func handTrained(t *testing.T, cfg Config, n int64) *nn.Model {
	t.Helper()
	prep, err := Prepare(cfg, Sources{Digits: digitsData(t)})
	if err != nil {
		t.Fatal(err)
	}
	m, err := cfg.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	s, err := train.NewSession(m, prep.Train, prep.Test, cfg.TrainConfig())
	if err != nil {
		t.Fatal(err)
	}
	for s.Seen() < n {
		if err := s.Step(train.Budget{Samples: 1}); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// The run's ticks, evaluations and snapshots change no weight: its model
// equals one trained by a bare session on the same data, bit for bit,
// whether the steps come in many short ticks or one long one.
func TestRunSameNumbers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		opts  map[string]string
		steps int
	}{
		{"full batch", nil, 5},
		{"adam batch 32", map[string]string{"opt": "adam", "lr": "0.01", "batch": "32"}, 50},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			cfg := Default("digits8")
			if _, errs := cfg.Apply(tc.opts); errs != nil {
				t.Fatal(errs)
			}
			var runs []*Run
			for _, dt := range []time.Duration{6 * time.Millisecond, 40 * time.Millisecond, farAhead} {
				r, clk := newTestRun(t, cfg)
				r.Step(tc.steps)
				var s Snapshot
				tickUntil(t, r, clk, dt, "the steps asked for", func() bool {
					r.Snapshot(&s, true)
					return r.Session() != nil && r.pending == 0
				})
				if got := r.Session().Steps(); got != tc.steps {
					t.Fatalf("ticks of %v: Step(%d) took %d steps", dt, tc.steps, got)
				}
				runs = append(runs, r)
			}
			want := handTrained(t, cfg, runs[0].Session().Seen())
			for k, r := range runs {
				if r.Session().Seen() != runs[0].Session().Seen() {
					t.Errorf("run %d: %d steps took %d samples, run 0 %d", k, tc.steps, r.Session().Seen(), runs[0].Session().Seen())
				}
				if i := sameBits(r.Model().Params, want.Params); i >= 0 {
					t.Errorf("run %d: parameter %d = %v, the bare session's %v", k, i, r.Model().Params[i], want.Params[i])
				}
				if got, w := crcOf(t, r.Model()), crcOf(t, want); got != w {
					t.Errorf("run %d: weights file crc %08x, the bare session's %08x", k, got, w)
				}
			}
		})
	}
	// Running continuously and pausing mid-batch.
	t.Run("start and pause", func(t *testing.T) {
		t.Parallel()
		cfg := Default("digits8")
		r, clk := newTestRun(t, cfg)
		r.Start()
		tickUntil(t, r, clk, 7*time.Millisecond, "3000 samples", func() bool { return r.Session() != nil && r.Session().Seen() >= 3000 })
		r.Pause()
		want := handTrained(t, cfg, r.Session().Seen())
		if i := sameBits(r.Model().Params, want.Params); i >= 0 {
			t.Errorf("after %d samples: parameter %d differs from the bare session's", r.Session().Seen(), i)
		}
	})
}

func TestRunControls(t *testing.T) {
	t.Parallel()
	r := NewRun(Default("digits8"))
	clk := &fakeClock{t: time.Unix(1e9, 0), d: time.Millisecond}
	r.Now = clk.Now
	r.Start()
	if !r.Running() {
		t.Errorf("Start before the data: Running() = false, want true (it runs once built)")
	}
	r.Tick(clk.after(farAhead))
	r.SetSources(Sources{Digits: digitsData(t)})
	tickUntil(t, r, clk, 10*time.Millisecond, "training after the build", func() bool { return r.Session() != nil && r.Session().Seen() > 2000 })
	if !r.Running() {
		t.Errorf("Running() = false while training")
	}
	var snap Snapshot
	if r.Snapshot(&snap, false); !snap.Running || !(snap.WallRate > 0) || math.IsInf(snap.WallRate, 0) {
		t.Errorf("snapshot while training: Running %v, WallRate %v; want true and a positive rate", snap.Running, snap.WallRate)
	}

	// Step is ignored while running.
	r.Step(5)
	if r.pending != 0 {
		t.Errorf("Step(5) while running: %d steps pending, want 0", r.pending)
	}
	r.Pause()
	if r.Running() {
		t.Errorf("Running() = true after Pause")
	}
	sess := r.Session()
	steps, seen := sess.Steps(), sess.Seen()
	for range 50 {
		r.Tick(clk.after(farAhead))
	}
	if sess.Steps() != steps || sess.Seen() != seen {
		t.Errorf("paused: step %d, seen %d after ticks, want %d, %d", sess.Steps(), sess.Seen(), steps, seen)
	}

	// Step(3) from the middle of a batch: the first step ends it.
	if sess.InBatch() == 0 {
		t.Fatalf("setup: paused at a batch boundary, want mid-batch")
	}
	r.Step(3)
	tickUntil(t, r, clk, 5*time.Millisecond, "Step(3)", func() bool { return r.pending == 0 })
	if sess.Steps() != steps+3 || sess.InBatch() != 0 || sess.Seen() != int64(steps+3)*1437 {
		t.Errorf("Step(3) from step %d: step %d, in batch %d, seen %d; want %d, 0, %d", steps, sess.Steps(), sess.InBatch(), sess.Seen(), steps+3, (steps+3)*1437)
	}
	settle(t, r, clk) // the paused evaluation of the new model
	if sess.Steps() != steps+3 || r.Running() {
		t.Errorf("after Step(3): step %d, running %v; want %d, false", sess.Steps(), r.Running(), steps+3)
	}

	// Reset: paused, a new generation, the seed's initial weights.
	r.Start()
	gen := r.Gen()
	r.Reset()
	if r.Running() || r.Gen() <= gen || r.Session() != nil {
		t.Errorf("Reset: running %v, Gen %d (was %d), session %v; want false, > %d, nil", r.Running(), r.Gen(), gen, r.Session(), gen)
	}
	if r.Snapshot(&snap, false); snap.Step != 0 || snap.Built || snap.Running {
		t.Errorf("snapshot after Reset: step %d, built %v, running %v; want 0, false, false", snap.Step, snap.Built, snap.Running)
	}
	r.Tick(clk.after(farAhead))
	fresh, _ := r.Config().NewModel()
	if r.Session() == nil || r.Session().Steps() != 0 || r.Session().Seen() != 0 {
		t.Fatalf("Tick after Reset: %s, want built at step 0", runState(r))
	}
	if i := sameBits(r.Model().Params, fresh.Params); i >= 0 {
		t.Errorf("after Reset parameter %d differs from a fresh model's", i)
	}
}

func TestRunDo(t *testing.T) {
	t.Parallel()
	r, clk := newTestRun(t, Default("digits8"))
	r.Tick(clk.after(farAhead))
	lr := r.Config()
	lr.LR = 0.2
	bad := r.Config()
	bad.Opt = "rmsprop"
	// state is what a command may change.
	type state struct {
		gen, pending int
		cfg          Config
		running      bool
		sess         *train.Session
	}
	now := func() state { return state{r.Gen(), r.pending, r.Config(), r.Running(), r.Session()} }
	tests := []struct {
		desc    string
		c       Command
		wantErr bool
		want    func(was state) state
	}{
		{"start", Command{Kind: CmdStart}, false, func(w state) state { w.running = true; return w }},
		{"pause", Command{Kind: CmdPause}, false, func(w state) state { w.running = false; return w }},
		{"step", Command{Kind: CmdStep, N: 2}, false, func(w state) state { w.pending += 2; return w }},
		{"negative step", Command{Kind: CmdStep, N: -5}, false, nil},
		{"huge step", Command{Kind: CmdStep, N: 2_000_000_000}, false, func(w state) state { w.pending += 1_000_000; return w }},
		{"reset", Command{Kind: CmdReset}, false, func(w state) state { w.gen++; w.pending, w.sess = 0, nil; return w }},
		{"config", Command{Kind: CmdConfig, Config: lr}, false, func(w state) state { w.cfg = lr; return w }},
		{"bad config", Command{Kind: CmdConfig, Config: bad}, true, nil},
		{"load junk", Command{Kind: CmdLoad, Name: "junk.bin", Data: []byte("junk")}, true, nil},
		{"retry", Command{Kind: CmdRetry}, false, nil},
		{"snapshot", Command{Kind: CmdSnapshot}, false, nil},
		{"kind 0", Command{Kind: 0}, true, nil},
		{"kind 200", Command{Kind: 200}, true, nil},
	}
	for _, tc := range tests {
		if r.Session() == nil {
			r.Tick(clk.after(farAhead)) // builds again after the reset (paused: no training)
		}
		was := now()
		err := r.Do(tc.c)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: Do = %v, want error %v", tc.desc, err, tc.wantErr)
		}
		want := was
		if tc.want != nil {
			want = tc.want(was)
		}
		if got := now(); got != want {
			t.Errorf("%s: after Do gen %d, pending %d, running %v, new session %v, config changed %v; want gen %d, pending %d, running %v, new session %v, config changed %v",
				tc.desc, got.gen, got.pending, got.running, got.sess != was.sess, got.cfg != was.cfg,
				want.gen, want.pending, want.running, want.sess != was.sess, want.cfg != was.cfg)
		}
	}
	var le *LoadWeightsError
	if err := r.Do(Command{Kind: CmdLoad, Name: "junk.bin", Data: []byte("junk")}); !errors.As(err, &le) {
		t.Errorf("CmdLoad with junk: %v, want a *LoadWeightsError", err)
	}
}

func TestRunSetConfig(t *testing.T) {
	t.Parallel()
	t.Run("live learning rate", func(t *testing.T) {
		t.Parallel()
		r, clk := newTestRun(t, Default("digits8"))
		r.Step(2)
		tickUntil(t, r, clk, farAhead, "Step(2)", func() bool { return r.Session() != nil && r.pending == 0 })
		sess, gen := r.Session(), r.Gen()
		c := r.Config()
		c.LR, c.AnnealT = 0.05, 100
		if err := r.SetConfig(c); err != nil {
			t.Fatal(err)
		}
		if r.Session() != sess || r.Gen() != gen || sess.Steps() != 2 || r.Config() != c {
			t.Errorf("η change: new session %v, Gen %d (was %d), step %d; want the same session at step 2", r.Session() != sess, r.Gen(), gen, sess.Steps())
		}
		if want := 0.05 * 100 / (100 + 2.0); math.Abs(sess.LR()-want) > 1e-15 {
			t.Errorf("LR() = %v after η 0.05, T 100 at step 2, want %v", sess.LR(), want)
		}
	})
	t.Run("reset keeps running", func(t *testing.T) {
		t.Parallel()
		r, clk := newTestRun(t, Default("digits8"))
		r.Start()
		tickUntil(t, r, clk, 10*time.Millisecond, "training", func() bool { return r.Session() != nil && r.Session().Seen() > 100 })
		for _, change := range []struct {
			desc string
			c    Config
		}{
			{"seed", func() Config { c := r.Config(); c.Seed = 7; return c }()},
			{"batch", func() Config { c := r.Config(); c.Batch = 32; return c }()},
		} {
			gen := r.Gen()
			if err := r.SetConfig(change.c); err != nil {
				t.Fatal(err)
			}
			if r.Gen() == gen || r.Session() != nil || !r.Running() {
				t.Errorf("%s change: Gen %d (was %d), session %v, running %v; want a new generation, none, true", change.desc, r.Gen(), gen, r.Session() != nil, r.Running())
			}
			r.Tick(clk.after(10 * time.Millisecond))
			if s := r.Session(); s == nil || s.Seen() != 0 || !r.Running() {
				t.Fatalf("%s change: after one tick %s; want a new session at 0, running", change.desc, runState(r))
			}
			tickUntil(t, r, clk, 10*time.Millisecond, "training again", func() bool { return r.Session().Seen() > 0 })
			if s := r.Session(); s.Seen() > 100 || s.Steps() != 0 || !r.Running() {
				t.Errorf("%s change: %s; want training from 0", change.desc, runState(r))
			}
			if r.Config() != change.c {
				t.Errorf("%s change: Config() = %+v, want %+v", change.desc, r.Config(), change.c)
			}
		}
		gen := r.Gen()
		if err := r.SetConfig(Default("4v9")); err != nil {
			t.Fatal(err)
		}
		if r.Gen() == gen || r.Session() != nil || !r.Running() || r.Busy() {
			t.Errorf("task change without MNIST: Gen %d (was %d), session %v, running %v, busy %v; want new, none, true, false", r.Gen(), gen, r.Session() != nil, r.Running(), r.Busy())
		}
	})
	t.Run("invalid", func(t *testing.T) {
		t.Parallel()
		r, clk := newTestRun(t, Default("digits8"))
		r.Start()
		tickUntil(t, r, clk, 10*time.Millisecond, "training", func() bool { return r.Session() != nil && r.Session().Seen() > 100 })
		good := r.Config()
		tests := []struct {
			desc string
			edit func(c *Config)
		}{
			{"unknown model", func(c *Config) { c.Model = "nope" }},
			{"model of another task", func(c *Config) { c.Model = "best" }},
			{"unknown task", func(c *Config) { c.Task = "fashion" }},
			{"lr NaN", func(c *Config) { c.LR = math.NaN() }},
			{"lr 0", func(c *Config) { c.LR = 0 }},
			{"lr above LRMax", func(c *Config) { c.LR = 2 * LRMax }},
			{"batch -1", func(c *Config) { c.Batch = -1 }},
			{"unknown opt", func(c *Config) { c.Opt = "rmsprop" }},
			{"trainsize 5", func(c *Config) { c.TrainN = 5 }},
			{"noise Inf", func(c *Config) { c.Noise = math.Inf(1) }},
			{"evalevery -1", func(c *Config) { c.EvalEvery = -1 }},
		}
		for _, tc := range tests {
			c := good
			tc.edit(&c)
			sess, gen, seen := r.Session(), r.Gen(), r.Session().Seen()
			err := r.SetConfig(c)
			var oe *ui.OptionError
			if !errors.As(err, &oe) {
				t.Errorf("%s: SetConfig = %v, want a *ui.OptionError", tc.desc, err)
			}
			if r.Config() != good || r.Gen() != gen || r.Session() != sess || sess.Seen() != seen || !r.Running() {
				t.Errorf("%s: the refused config changed the run: %+v, Gen %d (was %d)", tc.desc, r.Config(), r.Gen(), gen)
			}
		}
	})
	t.Run("Set", func(t *testing.T) {
		t.Parallel()
		r, clk := newTestRun(t, Default("digits8"))
		r.Tick(clk.after(farAhead))
		c0, gen, sess := r.Config(), r.Gen(), r.Session()
		if errs := r.Set(map[string]string{"lr": "0.2", "noise": "9"}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "noise") {
			t.Errorf("Set(lr 0.2, noise 9) = %v, want one error about noise", errs)
		}
		if r.Config().LR != 0.2 || r.Config().Noise != c0.Noise || r.Gen() != gen || r.Session() != sess {
			t.Errorf("Set(lr 0.2, noise 9): lr %v, noise %v, new generation %v; want 0.2 applied live, noise kept", r.Config().LR, r.Config().Noise, r.Gen() != gen)
		}
		if errs := r.Set(map[string]string{"lr": "abc", "batch": "8"}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "lr") {
			t.Errorf("Set(lr abc, batch 8) = %v, want one error about lr", errs)
		}
		if r.Config().Batch != 8 || r.Config().LR != 0.2 || r.Gen() == gen {
			t.Errorf("Set(lr abc, batch 8): batch %d, lr %v, Gen %d; want 8, 0.2 kept, a new generation", r.Config().Batch, r.Config().LR, r.Gen())
		}
		c1, gen := r.Config(), r.Gen()
		if errs := r.Set(map[string]string{"bogus": "1"}); len(errs) != 1 || r.Config() != c1 || r.Gen() != gen {
			t.Errorf("Set(bogus): %v, config changed %v; want one error and no change", errs, r.Config() != c1)
		}
	})
}

// The 8×8 digits cannot make digits64 diverge through the options: at a
// large η (up to LRMax, with sgd, momentum or adam, raw or not, batch 0,
// 1 or 32) its ReLU units all die and the weights stay finite. So the
// test puts a NaN into a weight, which the next sample turns into a
// non-finite loss or weight as a blow-up would; TestRunDivergesMNIST
// diverges through η.
func TestRunDivergence(t *testing.T) {
	t.Parallel()
	r, clk := newTestRun(t, Default("digits8"))
	r.Start()
	tickUntil(t, r, clk, 10*time.Millisecond, "training", func() bool { return r.Session() != nil && r.Session().Seen() > 100 })
	r.Model().Params[0] = float32(math.NaN())
	r.Tick(clk.after(10 * time.Millisecond))
	checkDiverged(t, r, clk)
}

// TestRunDivergesMNIST: seed 000's vanilla network at η = LRMax blows up
// within ten steps.
func TestRunDivergesMNIST(t *testing.T) {
	t.Parallel()
	src := mnistSources(t)
	c, err := ForModel("4v9", "vanilla")
	if err != nil {
		t.Fatal(err)
	}
	c.LR = LRMax
	r := NewRun(c)
	clk := &fakeClock{t: time.Unix(1e9, 0), d: time.Millisecond}
	r.Now = clk.Now
	r.SetSources(src)
	r.Start()
	tickUntil(t, r, clk, 10*time.Millisecond, "divergence", func() bool { return r.Diverged() != nil })
	if s := r.Session().Steps(); s > 20 {
		t.Errorf("η = %g diverged only at step %d", LRMax, s)
	}
	checkDiverged(t, r, clk)
}

// checkDiverged checks a run that has just diverged: it is stopped and
// says so, Start and Step do nothing, and Reset recovers.
func checkDiverged(t *testing.T, r *Run, clk *fakeClock) {
	t.Helper()
	de := r.Diverged()
	if de == nil {
		t.Fatalf("not diverged: %s", runState(r))
	}
	if r.Running() || r.Busy() || r.Finished() {
		t.Errorf("diverged: running %v, busy %v, finished %v; want all false", r.Running(), r.Busy(), r.Finished())
	}
	var s Snapshot
	r.Snapshot(&s, false)
	if d := s.Diverged; d.Msg == "" || d.Msg != de.Error() || d.Step != de.Step || d.LR != de.LR || d.Param != de.Param || !(d.LR > 0) {
		t.Errorf("snapshot Diverged = %+v, want the error %+v", d, de)
	}
	m := map[string]any{}
	if s.Status(m); m["diverged"] != true || m["divergedMsg"] != de.Error() || m["running"] != false {
		t.Errorf("status: diverged %v, divergedMsg %q, running %v", m["diverged"], m["divergedMsg"], m["running"])
	}
	sess := r.Session()
	steps, seen := sess.Steps(), sess.Seen()
	r.Start()
	r.Step(3)
	if r.Running() || r.pending != 0 {
		t.Errorf("diverged: Start and Step(3) give running %v, %d steps pending; want false, 0", r.Running(), r.pending)
	}
	for range 10 {
		r.Tick(clk.after(farAhead))
	}
	if sess.Steps() != steps || sess.Seen() != seen || r.Diverged() == nil {
		t.Errorf("diverged: ticks trained on (step %d, seen %d; was %d, %d)", sess.Steps(), sess.Seen(), steps, seen)
	}
	// As the message says: a smaller learning rate, from the start.
	c := r.Config()
	p, _ := train.RecipeFor(c.Model)
	c.LR = p.LR
	if err := r.SetConfig(c); err != nil {
		t.Fatal(err)
	}
	r.Reset()
	r.Start()
	tickUntil(t, r, clk, 10*time.Millisecond, "training after Reset", func() bool { return r.Session() != nil && r.Session().Seen() > 200 })
	if r.Diverged() != nil || !r.Running() {
		t.Errorf("after Reset and Start: %s, diverged %v; want training again", runState(r), r.Diverged())
	}
}

// checkFull checks that the snapshot's full evaluation describes the
// model now: at its step, on the whole test set, with train.Evaluate's
// figures.
func checkFull(t *testing.T, r *Run, s *Snapshot) {
	t.Helper()
	if s.Full.Seq == 0 || s.Full.Step != s.Step || s.Full.N != s.TestN || s.Evaluating {
		t.Fatalf("snapshot at step %d (of %d test images): full evaluation %+v, evaluating %v; want one at this step on all of them",
			s.Step, s.TestN, s.Full, s.Evaluating)
	}
	want := train.Evaluate(r.Model(), r.Prepared().Test)
	if s.Full.Acc != want.Acc || s.Full.Loss != want.Loss {
		t.Errorf("full evaluation acc %v, loss %v; train.Evaluate gives %v, %v", s.Full.Acc, s.Full.Loss, want.Acc, want.Loss)
	}
}

// Paused with a model its latest full evaluation does not describe, the
// run evaluates the whole test set (Session.EvalNow), and Busy is false
// once it has.
func TestPausedFullEvaluation(t *testing.T) {
	t.Parallel()
	t.Run("after Step", func(t *testing.T) {
		t.Parallel()
		r, clk := newTestRun(t, Default("digits8"))
		r.Step(3)
		settle(t, r, clk)
		var s Snapshot
		r.Snapshot(&s, false)
		checkFull(t, r, &s)
	})
	t.Run("after Pause", func(t *testing.T) {
		t.Parallel()
		r, clk := newTestRun(t, Default("digits8"))
		r.Start()
		tickUntil(t, r, clk, 10*time.Millisecond, "training", func() bool { return r.Session() != nil && r.Session().Seen() > 2000 })
		r.Pause()
		settle(t, r, clk)
		var s Snapshot
		r.Snapshot(&s, false)
		checkFull(t, r, &s)
	})
	t.Run("after LoadWeights", func(t *testing.T) {
		t.Parallel()
		r, clk := newTestRun(t, Default("digits8"))
		r.Tick(clk.after(farAhead))
		file, err := handTrained(t, Default("digits8"), 3*1437).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if err := r.LoadWeights("three.dlnn", file); err != nil {
			t.Fatal(err)
		}
		settle(t, r, clk)
		var s Snapshot
		r.Snapshot(&s, false)
		checkFull(t, r, &s)
	})
}

// Pausing where a scheduled point is due (digits64 evaluates every 4
// epochs) and going on must not judge the model twice at one step.
func TestPauseAtDuePoint(t *testing.T) {
	t.Parallel()
	r, clk := newTestRun(t, Default("digits8"))
	r.Step(4)
	tickUntil(t, r, clk, farAhead, "Step(4)", func() bool { return r.Session() != nil && r.pending == 0 })
	settle(t, r, clk) // the paused full evaluation at step 4
	r.Start()
	tickUntil(t, r, clk, 10*time.Millisecond, "step 6", func() bool { return r.Session().Steps() >= 6 })
	var steps []int
	for _, p := range r.Session().History() {
		steps = append(steps, p.Step)
	}
	for i := 1; i < len(steps); i++ {
		if steps[i] <= steps[i-1] {
			t.Errorf("history points at steps %v: two at step %d (the paused full evaluation judged it, then the point scheduled there ran again on Start)", steps, steps[i])
		}
	}
}

// finishedRun returns a digits64 run on 10 training images (100 epochs of
// one step each, 1000 samples), trained to the end.
func finishedRun(t *testing.T) (*Run, *fakeClock) {
	t.Helper()
	c := Default("digits8")
	c.TrainN = 10
	r, clk := newTestRun(t, c)
	r.Start()
	settle(t, r, clk)
	return r, clk
}

func TestRunFinished(t *testing.T) {
	t.Parallel()
	r, clk := finishedRun(t)
	sess := r.Session()
	if !r.Finished() || r.Running() || r.Busy() || sess.Steps() != 100 || sess.Seen() != 1000 {
		t.Fatalf("after the run: finished %v, %s; want finished at step 100, seen 1000", r.Finished(), runState(r))
	}
	var s Snapshot
	r.Snapshot(&s, false)
	if !s.Done || s.Running || s.Progress != 1 || s.Epoch != 100 {
		t.Errorf("snapshot: Done %v, Running %v, Progress %v, Epoch %d; want true, false, 1, 100", s.Done, s.Running, s.Progress, s.Epoch)
	}
	last := s.History[len(s.History)-1]
	if last.Step != 100 || last.Samples != 1000 || last.N != s.TestN {
		t.Errorf("final history point %+v, want step 100, 1000 samples, all %d test images", last, s.TestN)
	}
	checkFull(t, r, &s)
	// Continue: Start trains the run's length once more and stops again;
	// a Step past the end takes one more step.
	r.Start()
	for range 5 {
		r.Tick(clk.after(farAhead))
	}
	if r.Running() || !r.Finished() || sess.Steps() != 200 || len(sess.History()) <= len(s.History) {
		t.Errorf("finished, then Start: running %v, finished %v, step %d, %d points; want stopped again at step 200 with more than %d points",
			r.Running(), r.Finished(), sess.Steps(), len(sess.History()), len(s.History))
	}
	r.Step(5)
	for range 5 {
		r.Tick(clk.after(farAhead))
	}
	if sess.Steps() != 205 || r.Finished() {
		t.Errorf("Step(5) past the end: step %d, finished %v; want 205 and more to go", sess.Steps(), r.Finished())
	}
	// Steps asked for before the end that cross it are all taken: the run
	// goes on past its end (it stopped there, short of them).
	r.Step(150)
	for range 10 {
		r.Tick(clk.after(farAhead))
	}
	if sess.Steps() != 355 || r.Running() {
		t.Errorf("Step(150) from step 205 of a 300-step run: step %d, running %v; want 355, paused", sess.Steps(), r.Running())
	}
	r.Reset()
	if r.Finished() {
		t.Errorf("Finished() = true after Reset")
	}
}

func TestSnapshotMistakesAndWeights(t *testing.T) {
	t.Parallel()
	r, clk := finishedRun(t)
	var s Snapshot
	r.Snapshot(&s, true)
	if !s.HasMistakes {
		t.Fatalf("first snapshot of a full evaluation: HasMistakes = false")
	}
	test := r.Prepared().Test
	res := train.Evaluate(r.Model(), test)
	// The mistakes kept: the most confident first (ties by index).
	var wrong []int
	conf := map[int]float32{}
	var px, pr []float32
	for i, p := range res.Pred {
		if p != res.Labels[i] {
			wrong = append(wrong, i)
			pr = r.Model().Predict(pr, test.Sample(px, i))
			conf[i] = pr[p]
		}
	}
	sort.SliceStable(wrong, func(a, b int) bool { return conf[wrong[a]] > conf[wrong[b]] })
	if len(wrong) <= MaxWrong {
		t.Fatalf("setup: %d mistakes, want more than MaxWrong = %d", len(wrong), MaxWrong)
	}
	if s.Full.Wrong != len(wrong) || len(s.Mistakes) != MaxWrong {
		t.Errorf("Wrong = %d with %d mistakes kept, want %d with %d", s.Full.Wrong, len(s.Mistakes), len(wrong), MaxWrong)
	}
	var x, probs []float32
	for k, m := range s.Mistakes {
		if k >= len(wrong) || m.Index != wrong[k] {
			t.Errorf("mistake %d is test image %d, want %d (the most confident first)", k, m.Index, wrong[min(k, len(wrong)-1)])
			continue
		}
		x = test.Sample(x, m.Index)
		probs = r.Model().Predict(probs, x)
		if m.Label != test.Label(m.Index) || m.Pred != nn.Argmax(probs) || m.Pred == m.Label {
			t.Errorf("mistake %d (image %d): label %d, pred %d; want %d, %d", k, m.Index, m.Label, m.Pred, test.Label(m.Index), nn.Argmax(probs))
		}
		if i := sameBits(m.Probs, probs); i >= 0 {
			t.Errorf("mistake %d (image %d): probs %v, Predict %v", k, m.Index, m.Probs, probs)
		}
		if i := sameBits(m.Pixels, x); i >= 0 {
			t.Errorf("mistake %d (image %d): pixel %d differs from the test image", k, m.Index, i)
		}
	}
	if !s.HasWeights || s.WeightsStep != 100 || sameBits(s.Weights, r.Model().Params) >= 0 {
		t.Errorf("Snapshot(s, true): HasWeights %v at step %d, equal to the model %v", s.HasWeights, s.WeightsStep, sameBits(s.Weights, r.Model().Params) < 0)
	}
	kept := slices.Clone(s.Mistakes)
	r.Snapshot(&s, true)
	if s.HasMistakes || s.HasWeights {
		t.Errorf("second snapshot, nothing changed: HasMistakes %v, HasWeights %v; want false, false", s.HasMistakes, s.HasWeights)
	}
	if len(s.Mistakes) != len(kept) || s.Mistakes[0].Index != kept[0].Index {
		t.Errorf("second snapshot dropped the kept mistakes")
	}
	var other Snapshot
	if r.Snapshot(&other, false); other.HasWeights || other.Weights != nil {
		t.Errorf("Snapshot(s, false): HasWeights %v with %d weights, want none", other.HasWeights, len(other.Weights))
	}

	r.Reset()
	if r.Snapshot(&s, true); !s.HasMistakes || len(s.Mistakes) != 0 || s.HasWeights {
		t.Errorf("after Reset: HasMistakes %v with %d, HasWeights %v; want true with 0, false (no model)", s.HasMistakes, len(s.Mistakes), s.HasWeights)
	}
	r.Tick(clk.after(farAhead))
	fresh, _ := r.Config().NewModel()
	if r.Snapshot(&s, true); !s.HasMistakes || len(s.Mistakes) != 0 || !s.HasWeights || s.WeightsStep != 0 || sameBits(s.Weights, fresh.Params) >= 0 {
		t.Errorf("after the rebuild: HasMistakes %v with %d, HasWeights %v at step %d; want true with 0, the fresh weights at 0",
			s.HasMistakes, len(s.Mistakes), s.HasWeights, s.WeightsStep)
	}
	// Weights go again once training changed them.
	r.Step(1)
	tickUntil(t, r, clk, farAhead, "Step(1)", func() bool { return r.pending == 0 })
	if r.Snapshot(&s, true); !s.HasWeights || s.WeightsStep != 1 || sameBits(s.Weights, r.Model().Params) >= 0 {
		t.Errorf("after a step: HasWeights %v at step %d, want the new weights at step 1", s.HasWeights, s.WeightsStep)
	}
}

// The snapshot describes the data of its own configuration: after a change
// of task whose data is not loaded, nothing of the old task's data.
func TestSnapshotDataMatchesConfig(t *testing.T) {
	t.Parallel()
	r, clk := newTestRun(t, Default("digits8"))
	r.Tick(clk.after(farAhead))
	if err := r.SetConfig(Default("4v9")); err != nil {
		t.Fatal(err)
	}
	var s Snapshot
	r.Snapshot(&s, false)
	if s.Built || s.Config.Task != "4v9" {
		t.Fatalf("setup: built %v, task %s", s.Built, s.Config.Task)
	}
	if s.About != "" || (len(s.Names) != 0 && len(s.Names) != s.Config.Classes()) {
		t.Errorf("snapshot of task 4v9 (not built, no MNIST): About %q, Names %q; want neither from the 8×8 digits the run no longer uses", s.About, s.Names)
	}
}

func TestSnapshotStatus(t *testing.T) {
	t.Parallel()
	t.Run("before", func(t *testing.T) {
		t.Parallel()
		var s Snapshot
		NewRun(Default("digits8")).Snapshot(&s, false)
		loss, acc, n, step := s.TestFigures()
		if !math.IsNaN(loss) || !math.IsNaN(acc) || n != 0 || step != -1 {
			t.Errorf("TestFigures() before a point = %v, %v, %d, %d; want NaN, NaN, 0, -1", loss, acc, n, step)
		}
		m := map[string]any{}
		s.Status(m)
		for _, k := range []string{"testAcc", "testLoss", "fullTestAcc", "fullTestLoss", "trainLoss"} {
			if v, ok := m[k].(float64); !ok || !math.IsNaN(v) {
				t.Errorf("status %s = %v before a point, want NaN", k, m[k])
			}
		}
		if m["testStep"] != -1 || m["fullTestStep"] != -1 || m["testN"] != 0 || m["built"] != false || m["step"] != 0 {
			t.Errorf("status before a point: testStep %v, fullTestStep %v, testN %v, built %v, step %v", m["testStep"], m["fullTestStep"], m["testN"], m["built"], m["step"])
		}
	})
	t.Run("finished", func(t *testing.T) {
		t.Parallel()
		r, _ := finishedRun(t)
		var s Snapshot
		r.Snapshot(&s, false)
		last := s.History[len(s.History)-1]
		loss, acc, n, step := s.TestFigures()
		if loss != last.TestLoss || acc != last.TestAcc || n != last.N || step != last.Step {
			t.Errorf("TestFigures() = %v, %v, %d, %d; want the last point's %v, %v, %d, %d", loss, acc, n, step, last.TestLoss, last.TestAcc, last.N, last.Step)
		}
		m := map[string]any{}
		s.Status(m)
		want := map[string]any{
			"step": s.Step, "samples": int(s.Seen), "testAcc": last.TestAcc, "testLoss": last.TestLoss, "testStep": last.Step,
			"testN": last.N, "fullTestAcc": s.Full.Acc, "fullTestStep": s.Full.Step, "fullTestN": s.Full.N, "wrong": s.Full.Wrong,
			"done": true, "diverged": false, "running": false, "built": true, "gen": s.Gen, "model": "digits64", "trainsize": 10,
		}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("status %s = %v (%T), want %v (%T)", k, m[k], m[k], v, v)
			}
		}
		if h, ok := m["testAccHistory"].([]float64); !ok || len(h) != len(s.History) || h[len(h)-1] != last.TestAcc {
			t.Errorf("status testAccHistory = %v, want the %d points' accuracies", m["testAccHistory"], len(s.History))
		}
		// The confusion matrix: the run's own predictions counted by hand,
		// rows the true class, summing to the test images judged.
		test := r.Prepared().Test
		res := train.Evaluate(r.Model(), test)
		rows, ok := m["confusion"].([]any)
		if !ok || len(rows) != 10 || m["confusionStep"] != s.Full.Step {
			t.Fatalf("status confusion %v at %v", m["confusion"], m["confusionStep"])
		}
		total := 0
		for t2, row := range rows {
			for p, c := range row.([]float64) {
				want := 0
				for i := range res.Pred {
					if res.Labels[i] == t2 && res.Pred[i] == p {
						want++
					}
				}
				if int(c) != want {
					t.Errorf("confusion[%d][%d] = %v, counted by hand %d", t2, p, c, want)
				}
				total += int(c)
			}
		}
		if total != s.Full.N {
			t.Errorf("confusion sums to %d, %d test images judged", total, s.Full.N)
		}
	})
}

func TestLoadWeights(t *testing.T) {
	t.Parallel()
	r, clk := newTestRun(t, Default("digits8"))
	if err := r.LoadWeights("early.dlnn", []byte("DLNN")); err == nil || !strings.Contains(err.Error(), "early.dlnn") {
		t.Errorf("LoadWeights before the build = %v, want an error naming the file", err)
	}
	r.Step(2)
	tickUntil(t, r, clk, farAhead, "Step(2)", func() bool { return r.Session() != nil && r.pending == 0 })
	sess, gen, params := r.Session(), r.Gen(), slices.Clone(r.Model().Params)
	unchanged := func(desc string) {
		t.Helper()
		var s Snapshot
		r.Snapshot(&s, false)
		if r.Session() != sess || r.Gen() != gen || sess.Steps() != 2 || sameBits(r.Model().Params, params) >= 0 || s.Loaded != "" {
			t.Errorf("%s: the refused file changed the run: %s, Gen %d (was %d), loaded %q", desc, runState(r), r.Gen(), gen, s.Loaded)
		}
	}

	linear, err := nn.NewPreset("linear", rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	lin, _ := linear.MarshalBinary()
	trained := handTrained(t, Default("digits8"), 3*1437)
	good, _ := trained.MarshalBinary()
	tests := []struct {
		desc, name string
		data       []byte
		want       []string // in the error's text
	}{
		{"another model", "linear.dlnn", lin, []string{"linear.dlnn", "digits64", "linear"}},
		{"junk", "junk.dlnn", []byte("not weights"), []string{"junk.dlnn", "digits64"}},
		{"truncated", "cut.dlnn", good[:len(good)-5], []string{"cut.dlnn", "digits64"}},
		{"NaN weight", "nan.dlnn", weightsFile(t, trained, 0, float32(math.NaN())), []string{"nan.dlnn", "parameter 1 of", "NaN", "not finite"}},
		{"Inf weight", "inf.dlnn", weightsFile(t, trained, len(trained.Params)-1, float32(math.Inf(-1))), []string{"inf.dlnn", "-Inf"}},
	}
	for _, tc := range tests {
		err := r.LoadWeights(tc.name, tc.data)
		var le *LoadWeightsError
		if !errors.As(err, &le) || le.File != tc.name || le.Model != "digits64" {
			t.Errorf("%s: LoadWeights = %v, want a *LoadWeightsError for %s and digits64", tc.desc, err, tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not say %q", tc.desc, err, w)
			}
		}
		unchanged(tc.desc)
	}

	r.Start()
	r.Step(4)
	if err := r.LoadWeights("three.dlnn", good); err != nil {
		t.Fatal(err)
	}
	var s Snapshot
	r.Snapshot(&s, false)
	if r.Gen() == gen || r.Running() || r.pending != 0 || s.Step != 0 || s.Seen != 0 || s.Loaded != "three.dlnn" {
		t.Errorf("loaded: Gen %d (was %d), running %v, pending %d, step %d, seen %d, Loaded %q; want new, false, 0, 0, 0, three.dlnn",
			r.Gen(), gen, r.Running(), r.pending, s.Step, s.Seen, s.Loaded)
	}
	if i := sameBits(r.Model().Params, trained.Params); i >= 0 {
		t.Errorf("loaded parameter %d differs from the file's", i)
	}
	if !r.Busy() {
		t.Errorf("Busy() = false with loaded weights not yet judged")
	}
	r.Reset()
	r.Tick(clk.after(farAhead))
	fresh, _ := r.Config().NewModel()
	if r.Snapshot(&s, false); s.Loaded != "" || sameBits(r.Model().Params, fresh.Params) >= 0 {
		t.Errorf("Reset after a load: Loaded %q, seed weights %v; want none and the seed's", s.Loaded, sameBits(r.Model().Params, fresh.Params) < 0)
	}
}

// A task change keeps running on the new task's data.
func TestRunTaskChangeMNIST(t *testing.T) {
	t.Parallel()
	src := mnistSources(t)
	r := NewRun(Default("digits8"))
	clk := &fakeClock{t: time.Unix(1e9, 0), d: time.Millisecond}
	r.Now = clk.Now
	r.SetSources(src)
	r.Start()
	tickUntil(t, r, clk, 10*time.Millisecond, "training", func() bool { return r.Session() != nil && r.Session().Seen() > 100 })
	gen := r.Gen()
	if err := r.SetConfig(Default("4v9")); err != nil {
		t.Fatal(err)
	}
	tickUntil(t, r, clk, 10*time.Millisecond, "training 4 vs 9", func() bool { return r.Session() != nil && r.Session().Seen() > 50 })
	var s Snapshot
	r.Snapshot(&s, false)
	if s.Gen == gen || !s.Running || s.Config.Model != "linear" || s.TrainN != 11791 || s.TestN != 1991 || len(s.Names) != 2 || len(s.Image.Probs) != 2 {
		t.Errorf("after the change to 4 vs 9: Gen %d (was %d), running %v, model %s, %d / %d images, names %q, %d probs",
			s.Gen, gen, s.Running, s.Config.Model, s.TrainN, s.TestN, s.Names, len(s.Image.Probs))
	}
}

// Config.EvalEvery counts optimiser steps, whatever the batch.
func TestEvalEveryCountsSteps(t *testing.T) {
	t.Parallel()
	for _, batch := range []int{0, 32, 4096} {
		c := Default("digits8")
		c.EvalEvery, c.Batch = 5, batch
		r, clk := newTestRun(t, c)
		r.Step(10)
		settle(t, r, clk)
		var steps []int
		for _, p := range r.Session().History() {
			steps = append(steps, p.Step)
		}
		// The point at step 10 is the paused full evaluation.
		if !slices.Equal(steps, []int{0, 5, 10}) {
			t.Errorf("batch %s (%d samples a step), evalevery 5: history points at steps %v, want 0, 5, 10; the session evaluates every %d samples",
				BatchText(batch), r.Session().BatchSize(), steps, r.Session().Config().EvalEvery)
		}
	}
}

// evalPlanCase is a run length and data sizes for evalPlan.
type evalPlanCase struct {
	task, model      string
	trainN, testN    int
	points, fullCost float64 // at least points, full passes at most fullCost of the training samples
}

// standIn returns n samples of the 8×8 digits, repeated as often as it
// takes (the fours and nines for a binary task): data of a task's sizes
// that a tiny network gets through in milliseconds.
func standIn(t *testing.T, n int, binary bool) *datasets.Set {
	t.Helper()
	s := digitsData(t)
	if binary {
		var err error
		if s, err = s.Select(4, 9); err != nil {
			t.Fatal(err)
		}
	}
	for s.Len() < n {
		var err error
		if s, err = datasets.Concat(s, s); err != nil {
			t.Fatal(err)
		}
	}
	return s.Head(n)
}

// TestEvalPlan runs a real session with evalPlan's schedule on stand-in
// data of the task's sizes (the 8×8 digits repeated, for a tiny 64→4→k
// network, so that the long runs take a fraction of a second), and counts
// the points and what they cost in test samples.
func TestEvalPlan(t *testing.T) {
	t.Parallel()
	tests := []evalPlanCase{
		{"digits8", "digits64", 1437, 360, 10, 0.15},
		{"10", "best", 60000, 10000, 10, 0.16},
	}
	if !testing.Short() {
		// The others, for the log only (points 0, fullCost 0: no check).
		tests = append(tests,
			evalPlanCase{"4v9", "linear", 11791, 1991, 0, 0},
			evalPlanCase{"10", "mlp10", 60000, 10000, 0, 0},
			evalPlanCase{"10", "cnn10", 1000, 1000, 0, 0},
			evalPlanCase{"10", "cnn10-tanh", 1000, 1000, 0, 0},
			evalPlanCase{"10", "convnetjs", 60000, 10000, 0, 0})
	}
	for _, tc := range tests {
		t.Run(tc.model, func(t *testing.T) {
			t.Parallel()
			c, err := ForModel(tc.task, tc.model)
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(3, 4))
			r := NewRun(c)
			binary := c.Classes() == 2
			r.prep = Prepared{Train: standIn(t, tc.trainN, binary), Test: standIn(t, tc.testN, binary)}
			p := c.Recipe()
			every, n, full := r.evalPlan(p)
			out, head := 10, nn.HeadSoftmax
			if binary {
				out, head = 1, nn.HeadSigmoid
			}
			m, err := nn.NewBuilder("stand-in", nn.Shape{H: 8, W: 8, C: 1}).Dense(4, true).ReLU().Dense(out, true).Build(head)
			if err != nil {
				t.Fatal(err)
			}
			nn.InitNormal(m, rng, nn.He)
			tc2 := train.Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.01}, Batch: p.Batch, Epochs: p.Epochs, Steps: p.Steps,
				EvalEvery: every, EvalN: n, FullEvery: full}
			s, err := train.NewSession(m, r.prep.Train, r.prep.Test, tc2)
			if err != nil {
				t.Fatal(err)
			}
			for !s.Idle() {
				if err := s.Step(train.Budget{Samples: 1 << 20}); err != nil {
					t.Fatal(err)
				}
			}
			h := s.History()
			fulls, evalN := 0, 0
			for _, q := range h {
				evalN += q.N
				if q.N == tc.testN {
					fulls++
				}
			}
			total := float64(s.Seen())
			fullCost := float64(fulls*tc.testN) / total
			t.Logf("%s: %d training samples, every %d on %d, full every %d: %d points, %d full (%.1f%% of the training samples), all points %.1f%%",
				tc.model, s.Seen(), every, n, full, len(h), fulls, 100*fullCost, 100*float64(evalN)/total)
			if last := h[len(h)-1]; last.N != tc.testN || last.Samples != s.Seen() {
				t.Errorf("last point %+v, want one on all %d test images at the end", last, tc.testN)
			}
			if float64(len(h)) < tc.points {
				t.Errorf("%d points, want at least %g", len(h), tc.points)
			}
			if tc.fullCost > 0 && fullCost > tc.fullCost {
				t.Errorf("full passes cost %.3f of the training samples, want at most %g", fullCost, tc.fullCost)
			}
			if tc.fullCost > 0 && float64(evalN) > 0.5*total {
				t.Errorf("the points cost %d test samples, more than half the %d training samples", evalN, s.Seen())
			}
		})
	}
}

// A training tick and a snapshot in steady state allocate nothing. The
// ticks measured stay within one optimiser step and between two
// evaluation points (the recorder appends only at a new step, the
// session only at a point).
func TestRunAllocs(t *testing.T) {
	r, clk := newTestRun(t, Default("digits8"))
	r.Start()
	tickUntil(t, r, clk, 8*time.Millisecond, "step 1", func() bool { return r.Session() != nil && r.Session().Steps() >= 1 })
	sess := r.Session()
	steps, points, seen := sess.Steps(), len(sess.History()), sess.Seen()
	var s Snapshot
	r.Snapshot(&s, true)
	ticks := testing.AllocsPerRun(1, func() {
		for range 40 {
			r.Tick(clk.after(8 * time.Millisecond))
		}
	})
	if sess.Steps() != steps || len(sess.History()) != points || sess.Seen() == seen {
		t.Fatalf("setup: the ticks went from step %d to %d, from %d to %d points, seen %d to %d; want training within one step",
			steps, sess.Steps(), points, len(sess.History()), seen, sess.Seen())
	}
	if ticks != 0 {
		t.Errorf("40 training ticks allocate %v times, want 0", ticks)
	}
	both := testing.AllocsPerRun(1, func() {
		for range 10 {
			r.Tick(clk.after(8 * time.Millisecond))
			r.Snapshot(&s, true)
		}
	})
	if !s.HasWeights || sess.Steps() != steps {
		t.Fatalf("setup: HasWeights %v, step %d; want new weights within step %d", s.HasWeights, sess.Steps(), steps)
	}
	if both != 0 {
		t.Errorf("10 ticks with a snapshot and its weights each allocate %v times, want 0", both)
	}
	r.Pause()
	for range 3 {
		r.Tick(clk.after(farAhead))
	}
	r.Snapshot(&s, false)
	snaps := testing.AllocsPerRun(1, func() {
		for range 100 {
			r.Snapshot(&s, false)
		}
	})
	if snaps != 0 {
		t.Errorf("100 snapshots allocate %v times, want 0", snaps)
	}
}

// TestRunTime: the running clock counts from Start to Pause and on to
// the end of the schedule, not while paused; Reset sets it back to 0.
func TestRunTime(t *testing.T) {
	r, clk := newTestRun(t, Default("digits8"))
	r.Tick(clk.after(time.Millisecond)) // builds
	if got := r.RunTime(); got != 0 {
		t.Fatalf("RunTime before Start = %v", got)
	}
	r.Start()
	t0 := clk.t
	tickUntil(t, r, clk, 10*time.Millisecond, "10 steps", func() bool { return r.Session().Steps() >= 10 })
	r.Pause()
	ran := clk.t.Sub(t0)
	if got := r.RunTime(); got <= 0 || got > ran {
		t.Fatalf("RunTime after Pause = %v, want in (0, %v]", got, ran)
	}
	paused := r.RunTime()
	clk.t = clk.t.Add(time.Hour)
	settle(t, r, clk)
	if got := r.RunTime(); got != paused {
		t.Errorf("RunTime grew while paused: %v → %v", paused, got)
	}
	var s Snapshot
	r.Snapshot(&s, false)
	if s.RunSecs != paused.Seconds() {
		t.Errorf("Snapshot.RunSecs = %v, want %v", s.RunSecs, paused.Seconds())
	}
	r.Start()
	tickUntil(t, r, clk, 10*time.Millisecond, "the end", r.Finished)
	done := r.RunTime()
	if done <= paused {
		t.Errorf("RunTime at the end %v, not more than at the pause %v", done, paused)
	}
	clk.t = clk.t.Add(time.Hour)
	if got := r.RunTime(); got != done {
		t.Errorf("RunTime grew after the end: %v → %v", done, got)
	}
	r.Reset()
	if got := r.RunTime(); got != 0 {
		t.Errorf("RunTime after Reset = %v", got)
	}
}

// A Step that arrives when the run has reached its end but its final
// evaluation is not yet taken (the page pauses and steps at once) still
// takes its steps: the evaluation is finished first, then the run
// continues past its end.
func TestRunStepBeforeTheFinalEvaluation(t *testing.T) {
	t.Parallel()
	c := Default("digits8")
	c.TrainN = 10
	r, clk := newTestRun(t, c)
	r.Start()
	tickUntil(t, r, clk, 3*time.Millisecond, "the end of the run", func() bool { return r.Session() != nil && r.Session().Done() })
	sess := r.Session()
	if sess.Idle() {
		t.Fatalf("the run is idle at its end already (%s): the test needs its final evaluation pending", runState(r))
	}
	r.Pause()
	r.Step(5)
	tickUntil(t, r, clk, farAhead, "Step(5) at the end", func() bool { return r.pending == 0 && !r.Busy() })
	if sess.Steps() != 105 {
		t.Errorf("Step(5) at the end, before its final evaluation: step %d, want 105; %s", sess.Steps(), runState(r))
	}
}
