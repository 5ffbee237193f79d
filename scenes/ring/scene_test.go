package ring

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

// The page's area for the Ring scene in a 1024×640 window.
var testArea = ui.Rect{X: 12, Y: 56, W: 1000, H: 572}

func tick(in *ui.Input, now time.Duration) *ui.Tick {
	return &ui.Tick{In: in, Area: testArea, Scale: 1, Now: now, Budget: 2 * time.Millisecond}
}

// newScene returns a scene after one idle frame (laid out, rasters rendered).
func newScene(t *testing.T) (*Scene, *ui.Input) {
	t.Helper()
	s := NewScene()
	in := &ui.Input{}
	s.Update(tick(in, 0))
	return s, in
}

// frame feeds one frame of input: in is reset, then set by f.
func frame(s *Scene, in *ui.Input, now time.Duration, f func(in *ui.Input)) {
	in.Reset()
	f(in)
	s.Update(tick(in, now))
}

// click presses and releases the pointer at the centre of r over two frames.
func click(s *Scene, in *ui.Input, r ui.Rect) {
	x, y := r.Center()
	frame(s, in, 0, func(in *ui.Input) { in.X, in.Y, in.Pointer, in.Down, in.Pressed = x, y, true, true, true })
	frame(s, in, 0, func(in *ui.Input) { in.Down, in.Released = false, true })
}

// Every option set alone shows in Status (or the widget, for errors, which
// Status does not report) and reaches the trainer.
func TestSceneSetStatusRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key, value string
		status     string // Status key, "" for none
		want       any
		check      func(s *Scene) bool
	}{
		{"a", "0.5", "a", 0.5, func(s *Scene) bool { return s.Meas.A == 0.5 && s.Trainer().Cfg.A == 0.5 }},
		{"b", "2.5", "b", 2.5, func(s *Scene) bool { return s.Meas.B == 2.5 && s.Trainer().Cfg.B == 2.5 }},
		{"optimal", "1", "optimal", true, func(s *Scene) bool { return s.Net.A == s.Fit.Best.DA && s.Net.B == s.Fit.Best.DB }},
		{"errors", "0", "", nil, func(s *Scene) bool { return !s.Errors.On }},
		{"kinks1", "on", "kinks1", true, func(s *Scene) bool { return s.ShowKinks1.On }},
		{"kinks2", "yes", "kinks2", true, func(s *Scene) bool { return s.ShowKinks2.On }},
		{"arch", "2-16-16-1", "arch", "2-16-16-1", func(s *Scene) bool { return s.Trainer().Cfg.Arch == Arch{16, 16} }},
		{"labels", "L1", "labels", "l1", func(s *Scene) bool { return s.Trainer().Cfg.Labels == LabelDiamond }},
		{"opt", "Adam", "opt", "adam", func(s *Scene) bool { return s.Trainer().Cfg.Opt == "adam" }},
		{"lr", "0.05", "lr", 0.05, func(s *Scene) bool { return s.Trainer().Cfg.LR == 0.05 }},
		{"batch", "32", "batch", 32, func(s *Scene) bool { return s.Trainer().Cfg.Batch == 32 }},
		{"points", "200", "points", 200, func(s *Scene) bool { return len(s.Trainer().Pts) == 200 }},
		{"seed", "7", "seed", 7, func(s *Scene) bool { return s.Trainer().Cfg.Seed == 7 }},
	}
	all := map[string]string{}
	for _, tc := range tests {
		all[tc.key] = tc.value
		s, _ := newScene(t)
		if errs := s.Set(map[string]string{tc.key: tc.value}); len(errs) > 0 {
			t.Fatalf("Set(%s=%s) = %v", tc.key, tc.value, errs)
		}
		if tc.status != "" {
			if got := s.Status()[tc.status]; got != tc.want {
				t.Errorf("Set(%s=%s): status %s = %v (%T), want %v (%T)", tc.key, tc.value, tc.status, got, got, tc.want, tc.want)
			}
		}
		if !tc.check(s) {
			t.Errorf("Set(%s=%s) did not reach the scene's state", tc.key, tc.value)
		}
	}
	if len(tests) != len(OptionKeys) {
		t.Errorf("%d options tested, the scene has %d", len(tests), len(OptionKeys))
	}
	// All at once.
	s, _ := newScene(t)
	if errs := s.Set(all); len(errs) > 0 {
		t.Fatalf("Set(all) = %v", errs)
	}
	for _, tc := range tests {
		if tc.status != "" && s.Status()[tc.status] != tc.want {
			t.Errorf("Set(all): status %s = %v, want %v", tc.status, s.Status()[tc.status], tc.want)
		}
		if !tc.check(s) {
			t.Errorf("Set(all): %s did not reach the scene's state", tc.key)
		}
	}
}

// A bad value for every option is an *ui.OptionError naming the option, and
// nothing changes.
func TestSceneSetBadValues(t *testing.T) {
	t.Parallel()
	bad := []struct {
		opts map[string]string
		key  string
	}{
		{map[string]string{"a": "wide"}, "a"},
		{map[string]string{"a": "-1"}, "a"},
		{map[string]string{"a": "3.5"}, "a"},
		{map[string]string{"a": "NaN"}, "a"},
		{map[string]string{"b": "x"}, "b"},
		{map[string]string{"b": "0.05"}, "b"},
		{map[string]string{"b": "4"}, "b"},
		{map[string]string{"a": "2", "b": "1"}, "a"}, // both fine alone, not together
		{map[string]string{"a": "2.5"}, "a"},         // against b = 2
		{map[string]string{"optimal": "maybe"}, "optimal"},
		{map[string]string{"errors": "2"}, "errors"},
		{map[string]string{"kinks1": ""}, "kinks1"},
		{map[string]string{"kinks2": "onn"}, "kinks2"},
		{map[string]string{"arch": "2-5-5-1"}, "arch"},
		{map[string]string{"labels": "square"}, "labels"},
		{map[string]string{"opt": "rmsprop"}, "opt"},
		{map[string]string{"lr": "0"}, "lr"},
		{map[string]string{"lr": "2"}, "lr"},
		{map[string]string{"lr": "fast"}, "lr"},
		{map[string]string{"batch": "0"}, "batch"},
		{map[string]string{"batch": "129"}, "batch"},
		{map[string]string{"batch": "8.5"}, "batch"},
		{map[string]string{"points": "99"}, "points"},
		{map[string]string{"points": "5001"}, "points"},
		{map[string]string{"points": "many"}, "points"},
		{map[string]string{"seed": "-1"}, "seed"},
		{map[string]string{"seed": "2147483648"}, "seed"},
		{map[string]string{"seed": "x"}, "seed"},
		{map[string]string{"zoom": "2"}, "zoom"},
	}
	seen := map[string]bool{}
	for _, tc := range bad {
		s, _ := newScene(t)
		before, tr, errorsOn := ui.Clean(s.Status()), s.Trainer(), s.Errors.On
		errs := s.Set(tc.opts)
		var oe *ui.OptionError
		if len(errs) != 1 || !errors.As(errs[0], &oe) || oe.Key != tc.key {
			t.Errorf("Set(%v) = %v, want one *ui.OptionError for %q", tc.opts, errs, tc.key)
			continue
		}
		seen[tc.key] = true
		if after := ui.Clean(s.Status()); !reflect.DeepEqual(before, after) {
			t.Errorf("Set(%v) changed the status:\n before %v\n after  %v", tc.opts, before, after)
		}
		if s.Trainer() != tr || s.Errors.On != errorsOn {
			t.Errorf("Set(%v) changed the trainer or the errors toggle", tc.opts)
		}
	}
	for _, k := range OptionKeys {
		if !seen[k] {
			t.Errorf("no bad value tested for %q", k)
		}
	}
	// The pair's message says what was kept.
	s, _ := newScene(t)
	if errs := s.Set(map[string]string{"a": "2", "b": "1"}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "kept a = 1, b = 2") {
		t.Errorf("Set(a=2, b=1) = %v, want the kept radii named", errs)
	}
	// The other options of a call still apply.
	if errs := s.Set(map[string]string{"a": "x", "kinks1": "1"}); len(errs) != 1 || !s.ShowKinks1.On {
		t.Errorf("Set(a=x, kinks1=1) = %v, kinks1 %v: want one error and kinks1 on", errs, s.ShowKinks1.On)
	}
}

// Step, Start, Pause and Reset through the methods (keys, JS) and through
// the buttons.
func TestSceneRunControls(t *testing.T) {
	t.Parallel()
	s, in := newScene(t)
	if s.Running() || s.Run.Start.Label != "Start" || s.Run.Step.Disabled {
		t.Fatalf("new scene: running %v, start %q, step disabled %v", s.Running(), s.Run.Start.Label, s.Run.Step.Disabled)
	}
	s.Step(3)
	s.Step(0)
	if st := s.Status()["step"]; st != 0 {
		t.Errorf("step %v before the next Update, want 0 (steps are done in Update)", st)
	}
	frame(s, in, 0, func(*ui.Input) {})
	// Batch 8 and 1000 points: 3 steps are 24 samples of the first epoch.
	if st := s.Status(); st["step"] != 3 || s.Trainer().Seen() != 24 || s.Run.Pending != 0 {
		t.Errorf("after Step(3): step %v, seen %d, pending %d; want 3, 24, 0", st["step"], s.Trainer().Seen(), s.Run.Pending)
	}

	s.Start()
	s.Step(5) // ignored while running
	if !s.Running() || s.Run.Pending != 0 {
		t.Errorf("Start: running %v, pending %d", s.Running(), s.Run.Pending)
	}
	for _, now := range []time.Duration{0, 0, time.Millisecond} { // the scores, the region, training
		frame(s, in, now, func(*ui.Input) {})
	}
	// Training gets what is left of each frame's budget after an
	// evaluation: on a slow machine (js/wasm on Node) the first frames may
	// have none left, so give it frames (between evaluations), not time.
	for k := 0; k < 200 && s.Trainer().Steps() <= 3; k++ {
		frame(s, in, time.Millisecond, func(*ui.Input) {})
	}
	if s.Run.Start.Label != "Pause" || !s.Run.Step.Disabled || s.Trainer().Steps() <= 3 {
		t.Errorf("running: start %q, step disabled %v, steps %d; want Pause, true, > 3", s.Run.Start.Label, s.Run.Step.Disabled, s.Trainer().Steps())
	}
	if s.Status()["samplesPerSec"].(float64) <= 0 {
		t.Errorf("samplesPerSec %v while running, want > 0", s.Status()["samplesPerSec"])
	}
	s.Pause()
	frame(s, in, 0, func(*ui.Input) {})
	steps := s.Trainer().Steps()
	frame(s, in, 0, func(*ui.Input) {})
	if s.Running() || s.Run.Start.Label != "Start" || s.Trainer().Steps() != steps || s.Status()["samplesPerSec"] != 0.0 {
		t.Errorf("paused: running %v, start %q, steps %d → %d, rate %v", s.Running(), s.Run.Start.Label, steps, s.Trainer().Steps(), s.Status()["samplesPerSec"])
	}

	s.Start()
	s.Reset()
	if st := s.Status(); s.Running() || st["seed"] != 2 || st["step"] != 0 {
		t.Errorf("Reset: running %v, seed %v, step %v; want false, 2, 0", s.Running(), st["seed"], st["step"])
	}

	// The buttons.
	click(s, in, s.Run.Start.Rect)
	if !s.Running() || s.Run.Start.Label != "Pause" || !s.Run.Step.Disabled {
		t.Errorf("Start clicked: running %v, label %q, step disabled %v", s.Running(), s.Run.Start.Label, s.Run.Step.Disabled)
	}
	click(s, in, s.Run.Start.Rect)
	if s.Running() || s.Run.Start.Label != "Start" {
		t.Errorf("Pause clicked: running %v, label %q", s.Running(), s.Run.Start.Label)
	}
	steps = s.Trainer().Steps()
	click(s, in, s.Run.Step.Rect)
	if s.Trainer().Steps() != steps+1 {
		t.Errorf("Step clicked: %d → %d steps, want one more", steps, s.Trainer().Steps())
	}
	click(s, in, s.Run.Reset.Rect)
	if s.Status()["seed"] != 3 || s.Trainer().Steps() != 0 {
		t.Errorf("Reset clicked: seed %v, steps %d; want 3, 0", s.Status()["seed"], s.Trainer().Steps())
	}
}

// A diverging run stops, says why, and cannot be started again until reset.
func TestSceneDiverges(t *testing.T) {
	t.Parallel()
	s, in := newScene(t)
	if errs := s.Set(map[string]string{"opt": "momentum", "lr": "1", "batch": "1", "arch": "2-16-16-1"}); len(errs) > 0 {
		t.Fatal(errs)
	}
	s.Step(20000)
	frame(s, in, 0, func(*ui.Input) {})
	if s.TrainErr == "" || s.Status()["trainError"] != s.TrainErr {
		t.Fatalf("momentum with η = 1 did not diverge: %v", s.Status())
	}
	s.Start()
	frame(s, in, 0, func(*ui.Input) {})
	if s.Running() || !s.Run.Start.Disabled || !s.Run.Step.Disabled {
		t.Errorf("after divergence: running %v, start disabled %v, step disabled %v", s.Running(), s.Run.Start.Disabled, s.Run.Step.Disabled)
	}
	found := false
	for _, x := range s.LearnTexts() {
		found = found || x.C == paint.Bad && strings.Contains(s.TrainErr, x.S)
	}
	if !found {
		t.Errorf("the error is not among the learned texts")
	}
	s.Reset()
	if s.TrainErr != "" || !s.canRun() {
		t.Errorf("Reset after divergence: error %q", s.TrainErr)
	}
}

// The disagreeing points are counted as an independent count of the same
// random points says, and the counts agree with the exact areas.
func TestSceneCountedPoints(t *testing.T) {
	t.Parallel()
	for i, opts := range []map[string]string{{}, {"optimal": "1"}, {"a": "0.5", "b": "1.5"}, {"a": "0", "b": "3.5"}} {
		inPlane := i < 3 // both rings (nearly) inside the sampled square
		s, _ := newScene(t)
		if errs := s.Set(opts); len(errs) > 0 {
			t.Fatal(errs)
		}
		st := s.Status()
		a, b, da, db := st["a"].(float64), st["b"].(float64), st["diamondA"].(float64), st["diamondB"].(float64)
		rng := rand.New(rand.NewPCG(2026, 1))
		missed, extra := 0, 0
		for range 3000 {
			x := -2.5 + 5*rng.Float64()
			y := -2.5 + 5*rng.Float64()
			e, l1 := math.Sqrt(x*x+y*y), math.Abs(x)+math.Abs(y)
			inC, inD := a <= e && e <= b, da <= l1 && l1 <= db
			if inC && !inD {
				missed++
			}
			if inD && !inC {
				extra++
			}
		}
		if s.NMissed != missed || s.NExtra != extra || st["disagree"] != missed+extra || st["samplePoints"] != 3000 {
			t.Errorf("%v: missed %d, extra %d, disagree %v; counted %d, %d", opts, s.NMissed, s.NExtra, st["disagree"], missed, extra)
		}
		want := fmt.Sprintf("of 3000 points: %d missed (orange), %d extra (purple)", missed, extra)
		if !hasText(s.DesignTexts(), want) {
			t.Errorf("%v: no text %q", opts, want)
		}
		if !inPlane {
			continue
		}
		// Binomial counts of the exact area fractions (of the 25 square units), within 4σ.
		m := s.Meas
		for _, c := range []struct {
			name string
			n    int
			area float64
		}{{"missed", missed, m.Missed * m.CircleArea}, {"extra", extra, m.Extra * m.CircleArea}} {
			p := c.area / 25
			if mu, sd := 3000*p, math.Sqrt(3000*p*(1-p)); math.Abs(float64(c.n)-mu) > 4*sd+1 {
				t.Errorf("%v: %d %s points, %.1f ± %.1f expected from the area", opts, c.n, c.name, mu, sd)
			}
		}
	}
}

func hasText(ts []paint.Op, s string) bool {
	var sb strings.Builder
	for _, t := range ts {
		sb.WriteString(t.S)
		sb.WriteByte(' ')
	}
	return strings.Contains(sb.String(), s)
}

// learnedCount measures {z ≥ 0} against the circle ring on an n×n
// midpoint grid, z from the trainer itself (not the scene's grid).
func learnedCount(tr *Trainer, a, b float64, n int) (missed, extra, iou float64) {
	var c, d, both int
	for j := range n {
		for i := range n {
			x, y := -2.5+5*(float64(i)+0.5)/float64(n), -2.5+5*(float64(j)+0.5)/float64(n)
			r2 := x*x + y*y
			inC, inD := a*a <= r2 && r2 <= b*b, tr.Logit(x, y) >= 0
			if inC {
				c++
			}
			if inD {
				d++
			}
			if inC && inD {
				both++
			}
		}
	}
	return float64(c-both) / float64(c), float64(d-both) / float64(c), float64(both) / float64(c+d-both)
}

// Training moves the learned region towards the ring, and its measures are
// those of the trainer's own z.
func TestSceneLearnedRegion(t *testing.T) {
	t.Parallel()
	s, in := newScene(t)
	check := func(when string) {
		t.Helper()
		missed, extra, iou := learnedCount(s.Trainer(), 1, 2, 200)
		l := s.Learned
		t.Logf("%s: learned missed %.3f extra %.3f IoU %.3f; direct %.3f %.3f %.3f", when, l.Missed, l.Extra, l.IoU, missed, extra, iou)
		if math.Abs(l.Missed-missed) > 0.04 || math.Abs(l.Extra-extra) > 0.04 || math.Abs(l.IoU-iou) > 0.04 {
			t.Errorf("%s: learned measures %.3f %.3f %.3f, direct count %.3f %.3f %.3f", when, l.Missed, l.Extra, l.IoU, missed, extra, iou)
		}
	}
	check("untrained")
	before, zero := s.Learned, len(s.Zero)
	s.Step(2000)
	frame(s, in, 0, func(*ui.Input) {})
	check("after 2000 updates")
	if s.Learned == before || s.Learned.IoU < before.IoU+0.1 || s.Learned.IoU < 0.6 {
		t.Errorf("IoU %.3f → %.3f after 2000 updates, want a rise of 0.1 to at least 0.6", before.IoU, s.Learned.IoU)
	}
	if s.TrainAcc < 0.9 || s.TestAcc < 0.88 {
		t.Errorf("accuracy train %.3f held-out %.3f, want ≥ 0.9, 0.88", s.TrainAcc, s.TestAcc)
	}
	if len(s.Zero) == 0 || zero == 0 {
		t.Errorf("z = 0 contour: %d → %d segments", zero, len(s.Zero))
	}
	for _, seg := range s.Zero { // on the sampled z = 0, so near the true one
		if z := s.Trainer().Logit((seg.X0+seg.X1)/2, (seg.Y0+seg.Y1)/2); math.Abs(z) > 1 {
			t.Errorf("contour midpoint of %v has z = %.2f", seg, z)
			break
		}
	}
	want := fmt.Sprintf("update 2000 · epoch %d · seed 1 · 0 samples/s", 2000*8/1000)
	if !hasText(s.LearnTexts(), want) {
		t.Errorf("no text %q in %v", want, s.LearnTexts())
	}
}

// The pointer's figures over each plot.
func TestSceneHover(t *testing.T) {
	t.Parallel()
	s, in := newScene(t)
	at := func(p ui.Rect, x, y float64) {
		frame(s, in, 0, func(in *ui.Input) {
			in.X, in.Y, in.Pointer = p.X+(x+2.5)/5*p.W, p.Y+(2.5-y)/5*p.H, true
		})
	}
	at(s.PlotL, 1, 0.5)
	// r = 1.5: h1 = relu(±x) = [1 0 0.5 0], h2 = relu([3−3, 2−1.5, 1.5−2]) = [0 0.5 0],
	// z = −0 + 0.5 − 0.
	want := "x = (1.00, 0.50)\nr = |x1|+|x2| = 1.500\n√(x1²+x2²) = 1.118\nh1 = [1.00 0.00 0.50 0.00]\nh2 = [0.00 0.50 0.00]\nz = 0.500"
	text, box, ok := s.Hover()
	if !ok || text != want {
		t.Errorf("hover over the left plot at (1, 0.5):\n%q\nwant\n%q", text, want)
	}
	wide := 0
	for _, l := range strings.Split(want, "\n") {
		wide = max(wide, utf8.RuneCountInString(l))
	}
	// paint.Measure's default sets mono at 0.6 em a rune.
	wantBox := ui.Rect{X: in.X + 14, Y: in.Y + 14, W: float64(wide)*ui.SmallSize*0.6 + 2*ui.Pad, H: 6*ui.LineHeight(ui.SmallSize) + 2*ui.Pad}
	if !near4(box, wantBox) {
		t.Errorf("hover box %v, want %v", box, wantBox)
	}

	at(s.PlotR, -0.5, 1.25)
	z := s.Trainer().Logit(-0.5, 1.25)
	want = fmt.Sprintf("x = (-0.50, 1.25)\n√(x1²+x2²) = %.3f\nz = %.3f\np(in) = %.3f", math.Sqrt(0.25+1.5625), z, 1/(1+math.Exp(-z)))
	if text, _, ok = s.Hover(); !ok || text != want {
		t.Errorf("hover over the right plot:\n%q\nwant\n%q", text, want)
	}
	// Near the right edge of the content the box goes to the left of the pointer.
	at(s.PlotR, 2.45, -2.45)
	if _, box, _ = s.Hover(); box.Right() > in.X-14+1e-9 || box.Right() > s.Content.Right() {
		t.Errorf("hover box %v at the right edge (%v, %v), want it left of the pointer", box, in.X, in.Y)
	}
	// Training changes the figures under a resting pointer.
	text, _, _ = s.Hover()
	s.Step(500)
	frame(s, in, 0, func(*ui.Input) {})
	if again, _, _ := s.Hover(); again == text {
		t.Errorf("hover text unchanged after 500 updates: %q", text)
	}
	frame(s, in, 0, func(in *ui.Input) { in.X, in.Y = s.Content.X+2, s.Content.Y+2 })
	if _, _, ok := s.Hover(); ok {
		t.Errorf("hover outside the plots")
	}
}

func near4(a, b ui.Rect) bool {
	return math.Abs(a.X-b.X) < 1e-9 && math.Abs(a.Y-b.Y) < 1e-9 && math.Abs(a.W-b.W) < 1e-9 && math.Abs(a.H-b.H) < 1e-9
}

// The weight matrices as shown in the design panel, worked out by hand
// from b2 = [a+b, b, −b] (fmt pads by runes; − is U+2212).
func TestSceneMatrices(t *testing.T) {
	t.Parallel()
	s, _ := newScene(t)
	want := []string{
		"W1 = [1 0; −1 0; 0 1; 0 −1]   b1 = 0",
		"W2 | b2 = [ −2 −2 −2 −2 |      3 ]",
		"          [ −1 −1 −1 −1 |      2 ]",
		"          [  1  1  1  1 |     −2 ]",
		"W3 = [−1 1 −1]   b3 = 0",
	}
	ts := s.DesignTexts()
	for i, w := range want {
		if ts[i].S != w || ts[i].Font != paint.Mono || ts[i].X0 != s.Matrices.X || ts[i].Y0 != s.Matrices.Y+float64(i)*MatrixLineH {
			t.Errorf("line %d: %+v, want %q at (%v, %v)", i, ts[i], w, s.Matrices.X, s.Matrices.Y+float64(i)*MatrixLineH)
		}
	}
	if got := matrixLines(MustNew(0.5, 1.5)); got[1] != "W2 | b2 = [ −2 −2 −2 −2 |      2 ]" || got[2] != "          [ −1 −1 −1 −1 |    1.5 ]" || got[3] != "          [  1  1  1  1 |   −1.5 ]" {
		t.Errorf("matrices for (0.5, 1.5): %q", got)
	}
	s.Set(map[string]string{"a": "0.5", "b": "1.5"})
	if got := s.DesignTexts()[2].S; got != "          [ −1 −1 −1 −1 |    1.5 ]" {
		t.Errorf("after Set(a=0.5, b=1.5) line 2 = %q", got)
	}
}

// The layout: two equal square plots side by side in the content panel,
// texts below them, the widgets inside their panels.
func TestSceneLayout(t *testing.T) {
	t.Parallel()
	s, _ := newScene(t)
	l, r := s.PlotL, s.PlotR
	if l.W != l.H || r.W != l.W || r.H != l.H || l.Right() > r.X || l.Y != r.Y {
		t.Errorf("plots %v, %v: want equal squares side by side", l, r)
	}
	inside := func(a, b ui.Rect) bool {
		return a.X >= b.X-1e-9 && a.Y >= b.Y-1e-9 && a.Right() <= b.Right()+1e-9 && a.Bottom() <= b.Bottom()+1e-9
	}
	for _, p := range []ui.Rect{l, r, s.TextL, s.TextR} {
		if !inside(p, s.Content) {
			t.Errorf("%v outside the content %v", p, s.Content)
		}
	}
	if s.TextL.Y <= l.Bottom() || s.TextR.Y <= r.Bottom() {
		t.Errorf("texts %v, %v not below the plots", s.TextL, s.TextR)
	}
	for _, w := range []ui.Rect{s.A.Rect, s.B.Rect, s.Optimal.Rect, s.Errors.Rect, s.ShowKinks1.Rect, s.ShowKinks2.Rect, s.Matrices} {
		if !inside(w, s.DesignBox) || w.Empty() {
			t.Errorf("design widget %v outside %v", w, s.DesignBox)
		}
	}
	for _, w := range []ui.Rect{s.Arch.Rect, s.Labels.Rect, s.Opt.Rect, s.LR.Rect, s.Batch.Rect, s.Points.Rect, s.Run.Start.Rect, s.Run.Step.Rect, s.Run.Reset.Rect} {
		if !inside(w, s.LearnBox) || w.Empty() {
			t.Errorf("learned widget %v outside %v", w, s.LearnBox)
		}
	}
	// The matrices fit below the toggles.
	if s.Matrices.H < 5*MatrixLineH {
		t.Errorf("matrices get %v, want room for 5 lines", s.Matrices.H)
	}
	// The seed's test point 6, (2, 0), is numbered below itself.
	m := s.Marks()[5]
	if m.S != "6" || math.Abs(m.X0-(l.X+4.5/5*l.W)) > 1e-9 || math.Abs(m.Y0-(l.Y+l.H/2+5)) > 1e-9 {
		t.Errorf("mark 6 = %+v, want at (%v, %v)", m, l.X+4.5/5*l.W, l.Y+l.H/2+5)
	}
}

// The heatmaps are one pixel per device pixel; the errors toggle shows and
// hides the disagreeing points.
func TestSceneRasters(t *testing.T) {
	t.Parallel()
	s := NewScene()
	in := &ui.Input{}
	tk := tick(in, 0)
	tk.Scale = 2
	s.Update(tk)
	w, h := s.Left.Img.Rect.Dx(), s.Left.Img.Rect.Dy()
	if want := int(s.PlotL.W*2 + 0.5); w != want || h != want {
		t.Errorf("left raster %d×%d, want %d² for a %v plot at scale 2", w, h, want, s.PlotL.W)
	}
	count := func(c color.RGBA) int {
		n, p := 0, s.Left.Img.Pix
		for i := 0; i < len(p); i += 4 {
			if p[i] == c.R && p[i+1] == c.G && p[i+2] == c.B {
				n++
			}
		}
		return n
	}
	if count(colMissed) == 0 || count(colExtra) == 0 {
		t.Errorf("no missed or extra points drawn")
	}
	gen := s.Left.Gen
	s.Update(tk)
	if s.Left.Gen != gen {
		t.Errorf("an idle frame re-rendered the left raster")
	}
	// Click the toggle off: the points go.
	x, y := s.Errors.Rect.Center()
	in.X, in.Y, in.Pointer, in.Down, in.Pressed = x, y, true, true, true
	s.Update(tk)
	in.Reset()
	in.Down = false
	if s.Errors.On || s.Left.Gen == gen || count(colMissed) != 0 || count(colExtra) != 0 {
		t.Errorf("errors off: on %v, gen %d → %d, %d missed and %d extra pixels", s.Errors.On, gen, s.Left.Gen, count(colMissed), count(colExtra))
	}
	s.Set(map[string]string{"errors": "1"})
	s.Update(tk)
	if count(colMissed) == 0 {
		t.Errorf("errors on again: no points")
	}
	// The learned raster shows the training points: dark inside the ring.
	inside := 0
	for _, p := range s.Trainer().Pts {
		if s.Trainer().Label(p) == 1 {
			inside++
		}
	}
	if inside == 0 || s.Right.Img == nil || s.Right.Gen == 0 {
		t.Errorf("learned raster not rendered (%d points inside)", inside)
	}
}

// While running, the learned figures are evaluated every evalEvery, the
// scores one frame and the region the next; Changed says which frames.
func TestScenePacing(t *testing.T) {
	t.Parallel()
	s, in := newScene(t)
	if !s.Changed() {
		t.Errorf("paused: Changed false, want true (draw on input)")
	}
	s.Start()
	ms := time.Millisecond
	var loss float64
	for _, st := range []struct {
		now             time.Duration
		changed, region bool
	}{
		{0, true, false}, // the scores
		{10 * ms, true, true},
		{20 * ms, false, false},
		{400 * ms, false, false}, // 400 ms after the region, not the scores
		{410 * ms, true, false},
		{415 * ms, true, true},
		{500 * ms, false, false},
	} {
		if st.now == 410*ms {
			loss = s.TrainLoss
		}
		region, gen := s.Learned, s.learnGen
		frame(s, in, st.now, func(*ui.Input) {})
		if s.Changed() != st.changed {
			t.Errorf("at %v: Changed %v, want %v", st.now, s.Changed(), st.changed)
		}
		if !st.changed && s.learnGen != gen || !st.region && s.Learned != region {
			t.Errorf("at %v: the learned figures changed", st.now)
		}
		if st.now == 410*ms && s.TrainLoss == loss {
			t.Errorf("at %v: the scores were not evaluated again", st.now)
		}
	}
	if s.Trainer().Steps() == 0 {
		t.Errorf("no training while running")
	}
}

// Per-frame work allocates nothing while nothing changes: an idle frame
// with the list the page draws (also with the pointer resting on either
// plot), after leaving a choice, and a running frame between evaluations.
func TestSceneNoAllocs(t *testing.T) {
	s, in := newScene(t)
	tk := tick(in, 0)
	frame := func() {
		in.Reset()
		s.Update(tk)
		s.List()
	}
	for _, c := range []struct {
		what string
		at   ui.Rect // where the pointer rests (none: off the canvas)
	}{{"idle frame", ui.Rect{}}, {"pointer on the left plot", s.PlotL}, {"pointer on the right plot", s.PlotR}} {
		in.X, in.Y, in.Pointer = c.at.X+10, c.at.Y+10, !c.at.Empty()
		frame()
		if n := testing.AllocsPerRun(50, frame); n != 0 {
			t.Errorf("%s with its list: %v allocations, want 0", c.what, n)
		}
	}
	// Over a choice and off it again.
	in.X, in.Y = s.Arch.Rect.Center()
	s.Update(tk)
	in.X, in.Y = s.Content.X+2, s.Content.Y+2
	s.Update(tk)
	if n := testing.AllocsPerRun(50, func() { in.Reset(); s.Update(tk) }); n != 0 {
		t.Errorf("idle frame after leaving a choice: %v allocations, want 0", n)
	}

	s.Start()
	tk.Budget = time.Millisecond
	s.Update(tk) // the scores
	s.Update(tk) // the region
	tk.Now = 100 * time.Millisecond
	if n := testing.AllocsPerRun(20, func() { in.Reset(); s.Update(tk) }); n != 0 {
		t.Errorf("running between evaluations: %v allocations, want 0", n)
	}
	if s.Changed() {
		t.Errorf("Changed between evaluations")
	}

	// Paused after a run of single steps, the chart showing a history of
	// both figures: idle frames with the list.
	s.Pause()
	s.Step(50)
	frame()
	frame()
	if n := testing.AllocsPerRun(50, frame); n != 0 {
		t.Errorf("idle frame with the chart of a history: %v allocations, want 0", n)
	}
	if len(s.Regions.History) < 2 || len(s.AccHistory) < 2 {
		t.Errorf("histories of %d region counts and %d accuracies, want a few", len(s.Regions.History), len(s.AccHistory))
	}
}

// Status reports every key the page and the browser tests read.
func TestSceneStatusKeys(t *testing.T) {
	t.Parallel()
	s, _ := newScene(t)
	st := s.Status()
	for _, k := range []string{"a", "b", "optimal", "diamondA", "diamondB", "missed", "extra", "iou", "bestA", "bestB", "bestIoU",
		"disagree", "samplePoints", "testScores", "testVerdicts", "kinks1", "kinks2", "arch", "labels", "opt", "lr", "batch",
		"points", "seed", "step", "epoch", "samplesPerSec", "trainLoss", "trainAcc", "testLoss", "testAcc",
		"learnedMissed", "learnedExtra", "learnedIoU", "learnedRegions", "learnedRegionHistory", "learnedAccuracyHistory"} {
		if _, ok := st[k]; !ok {
			t.Errorf("status lacks %q", k)
		}
	}
	if len(st) != 37 {
		t.Errorf("status has %d keys, want 37", len(st))
	}
	// The seed's verdicts {(0,0): F, (0.5,0.5): T, (1.1,0): T, (1,1): T, (1.5,0.2): T, (2,0): T, (2.1,0): F}
	// and z = min(r − a, b − r).
	if st["testVerdicts"] != "FTTTTTF" {
		t.Errorf("testVerdicts %v", st["testVerdicts"])
	}
	for i, z := range st["testScores"].([]float64) {
		p := SeedTests[i]
		r := math.Abs(p.X1) + math.Abs(p.X2)
		if want := math.Min(r-1, 2-r); math.Abs(z-want) > 1e-12 {
			t.Errorf("testScores[%d] = %v, want %v", i, z, want)
		}
	}
	// The designed texts say the same as the status.
	if !hasText(s.DesignTexts(), fmt.Sprintf("IoU %.3f", st["iou"])) {
		t.Errorf("the designed texts lack the IoU %.3f", st["iou"])
	}
}
