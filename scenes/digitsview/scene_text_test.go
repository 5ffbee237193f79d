package digitsview

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"digitlab/kit/ui"
	"digitlab/train"
)

func TestSceneSmallTexts(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Compact(0), "0 samples"}, {Compact(1234.4), "1234 samples"}, {Compact(9999.4), "9999 samples"},
		{Compact(12345), "12.3k samples"}, {Compact(250000), "250.0k samples"},
		{AnnealText(0), "off"}, {AnnealText(4000), "4000"}, {AnnealText(100000), "100000"},
		{TrainNText(0), "all"}, {TrainNText(1000), "1000"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	r := newSceneRig(t)
	if r.s.ClassName(3) != "3" || r.s.ClassName(-1) != "-1" {
		t.Errorf("class names without a snapshot: %q %q", r.s.ClassName(3), r.s.ClassName(-1))
	}
	r.post(builtSnap(t, r.s.Cfg, 0))
	if r.s.ClassName(0) != "4" || r.s.ClassName(1) != "9" || r.s.ClassName(2) != "2" {
		t.Errorf("4 vs 9 class names: %q %q %q", r.s.ClassName(0), r.s.ClassName(1), r.s.ClassName(2))
	}
}

// TestSceneInfoLine checks the status line against hand-made snapshots.
func TestSceneInfoLine(t *testing.T) {
	r := newSceneRig(t)
	r.s.L.Info.W = 2000
	if got := r.s.InfoLine(); got != (Info{"loading the data…", false, ToneMuted}) {
		t.Errorf("before the run: %+v", got)
	}
	// linear on 4 vs 9: seed 000's 15001 steps; 120 of 11791 images is
	// epoch 0.0102; the test point of step 100.
	sn := builtSnap(t, r.s.Cfg, 0)
	r.post(sn)
	want := "step 120/15001 · test 0.9500 at step 100 · epoch 0.01"
	if got := r.s.InfoLine(); got != (Info{want, false, ToneText}) {
		t.Errorf("paused: %+v, want %q", got, want)
	}
	// Narrow: the parts that fit, the first always.
	w := ui.Measure("step 120/15001 · test 0.9500 at step 100", ui.FontSize) + 2*ui.Pad
	for _, c := range []struct {
		w    float64
		want string
	}{{w, "step 120/15001 · test 0.9500 at step 100"}, {w - 1, "step 120/15001"}, {10, "step 120/15001"}} {
		r.s.L.Info.W = c.w
		if got := r.s.InfoLine().Text; got != c.want {
			t.Errorf("width %g: %q, want %q", c.w, got, c.want)
		}
	}
	r.s.L.Info.W = 2000
	// Training: the speed; a loaded file; done.
	sn.Seq, sn.Running, sn.WallRate, sn.Loaded = 2, true, 12345, "my.weights"
	r.s.Start()
	r.post(sn)
	if got := r.s.InfoLine().Text; got != want+" · 12.3k samples/s · from my.weights" {
		t.Errorf("running: %q", got)
	}
	sn.Seq, sn.Running, sn.Done = 3, false, true
	r.post(sn)
	if got := r.s.InfoLine(); got != (Info{want + " · done", false, ToneGood}) {
		t.Errorf("done: %+v", got)
	}
	// best: epochs as a fraction of its steps, and the share back-propagated.
	r.s.Set(map[string]string{"task": "10"})
	b := builtSnap(t, r.s.Cfg, 0)
	b.Seq, b.Gen, b.History, b.Seen, b.Backprops, b.TrainN = 4, 2, nil, 1000, 400, 60000
	r.post(b)
	if got := r.s.InfoLine().Text; got != "step 120/12000 · epoch 0.00 · backprop 40%" {
		t.Errorf("best: %q", got)
	}
	// Failures.
	r.post(&Snapshot{Seq: 5, Gen: 3, Config: r.s.Cfg, BuildErr: "no MNIST"})
	if got := r.s.InfoLine(); got != (Info{"cannot train: no MNIST", true, ToneBad}) {
		t.Errorf("build error: %+v", got)
	}
	r.c.Fail("it stopped answering (nothing for 11 s)")
	if got := r.s.InfoLine(); got != (Info{"The trainer stopped: it stopped answering (nothing for 11 s)", true, ToneBad}) {
		t.Errorf("dead worker: %+v", got)
	}
}

func TestSceneNoteLines(t *testing.T) {
	c := Default("4v9")
	full := "linear (seed 000): p = σ(w·x): 784 weights, no bias, z clipped to ±15"
	lines := NoteLines(c, 1e6, 100)
	if len(lines) != 1 || lines[0] != full {
		t.Errorf("wide: %q, want %q", lines, full)
	}
	c10 := Default("10")
	if l := NoteLines(c10, 1e6, 100); !strings.HasPrefix(l[0], "best (our own preset): ") {
		t.Errorf("our own preset: %q", l)
	}
	// Two lines' room for a long text: the second ends in "…" and fits.
	c.Raw = true
	w := 260.0
	all := ui.Wrap(full+rawNote, w, ui.SmallSize)
	lines = NoteLines(c, w, 2.5*ui.LineHeight(ui.SmallSize))
	if len(all) < 3 || len(lines) != 2 || lines[0] != all[0] || !strings.HasSuffix(lines[1], " …") ||
		ui.Measure(lines[1], ui.SmallSize) > w || !strings.HasPrefix(all[1], strings.TrimSuffix(lines[1], " …")) {
		t.Errorf("cut to two lines: %q (of %q)", lines, all)
	}
	if l := NoteLines(c, w, 0.5*ui.LineHeight(ui.SmallSize)); len(l) != len(all) {
		t.Errorf("no room: %d lines, want them all (none is drawn)", len(l))
	}
}

func TestSceneViewTexts(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"task": "10"})
	if got := r.s.MistakesHeader(); got != (Info{"loading the data…", false, ToneMuted}) {
		t.Errorf("mistakes before the run: %+v", got)
	}
	sn := builtSnap(t, r.s.Cfg, 3)
	sn.Full = FullSummary{}
	sn.Evaluating, sn.EvalFull, sn.EvalProgress = true, true, 0.426
	r.post(sn)
	if got := r.s.MistakesHeader().Text; got != "judging the whole test set at step 120… 43%" {
		t.Errorf("judging: %q", got)
	}
	sn.Seq, sn.Evaluating = 2, false
	r.post(sn)
	if got := r.s.MistakesHeader().Text; got != "no evaluation of the whole test set yet: train a little (Start or Step)" {
		t.Errorf("no evaluation: %q", got)
	}
	sn.Seq, sn.Full, sn.Evaluating = 3, FullSummary{Seq: 2, Step: 900, N: 10000, Acc: 0.98765, Wrong: 123}, true
	r.post(sn)
	if got := r.s.MistakesHeader(); got != (Info{"123 of 10000 wrong (accuracy 0.9877) at step 900 · judging step 120… 43%", false, ToneText}) {
		t.Errorf("judged: %+v", got)
	}

	// The current image's caption: label 1, predicted 1 (p 0.8) is right.
	r.frame(nil)
	text, verdict, label := r.s.CurrentCaption()
	if text != "label 1, predicted 1" || verdict != (Info{"right", true, ToneGood}) || label != 1 {
		t.Errorf("caption %q %+v %d", text, verdict, label)
	}
	r.s.CurP[0], r.s.CurP[1] = 0.9, 0.01
	if text, verdict, _ := r.s.CurrentCaption(); text != "label 1, predicted 0" || verdict.Text != "wrong" || verdict.Tone != ToneBad {
		t.Errorf("wrong caption %q %+v", text, verdict)
	}
	r.s.CurP[0] = float32(math.NaN())
	if text, verdict, _ := r.s.CurrentCaption(); text != "label 1, no prediction" || verdict.Text != "" {
		t.Errorf("NaN caption %q %+v", text, verdict)
	}

	// The weights' heading names the training step of the weights shown
	// (not the number of weight snapshots, which it showed before).
	r.s.Set(map[string]string{"view": "weights"})
	r.frame(nil)
	w := r.s.Weights
	at := fmt.Sprintf(", at step %d", r.s.ModelStep())
	if r.s.ModelStep() == r.s.WeightsAt {
		t.Fatalf("the test cannot tell the step (%d) from the copy's generation", r.s.ModelStep())
	}
	if !r.s.WeightsOK || w.Title != "first layer: 8 filters 3×3" || r.s.WeightsHeading() != w.Title+at {
		t.Errorf("weights heading %q (title %q)", r.s.WeightsHeading(), w.Title)
	}
	r.s.Weights.Total = len(w.Maps) + 5
	if got, want := r.s.WeightsHeading(), w.Title+" (the first 8 shown)"+at; got != want {
		t.Errorf("weights heading %q, want %q", got, want)
	}

	// A diverged run.
	d := builtSnap(t, r.s.Cfg, 0)
	d.Seq, d.Diverged = 4, Divergence{Msg: "NaN", Step: 31, LR: 100, Param: 12}
	r.post(d)
	what, todo := r.s.DivergedText()
	if what != "The weight 12 stopped being a number at step 31 (η = 100). The steps were so large that the weights overshot and grew without bound." ||
		todo != "What to do: set a smaller η (the preset uses 0.005) and press Reset (r)." {
		t.Errorf("diverged: %q / %q", what, todo)
	}
	// At the preset's η, the advice is not "a smaller η than the preset's";
	// with raw pixels it names them.
	d.Seq, d.Diverged.LR = 5, 0.005
	r.post(d)
	if _, todo := r.s.DivergedText(); todo != "What to do: set η below 0.005 (say 0.0005) and press Reset (r)." {
		t.Errorf("diverged at the preset's η: %q", todo)
	}
	r.s.Set(map[string]string{"raw": "1"})
	if _, todo := r.s.DivergedText(); !strings.HasPrefix(todo, "What to do: raw pixels up to 255 make the first layer's sums huge; switch raw pixels off, or set η far smaller (say 5e-05)") {
		t.Errorf("diverged with raw pixels: %q", todo)
	}
	r.s.Set(map[string]string{"raw": "0"})
	d.Seq, d.Diverged.Param, d.Diverged.LR = 6, -1, 100
	r.post(d)
	if what, _ := r.s.DivergedText(); !strings.HasPrefix(what, "The loss stopped being a number at step 31") {
		t.Errorf("diverged loss: %q", what)
	}
	// The pad's answer after a divergence.
	r.s.Pad.Begin(0.5, 0.2)
	r.s.Pad.LineTo(0.5, 0.8)
	r.s.Pad.End()
	r.s.PadP = append(r.s.PadP[:0], float32(math.NaN()), 0)
	if l := r.s.PadLines(); len(l) != 1 || l[0].Tone != ToneBad || !strings.HasPrefix(l[0].Text, "The network outputs NaN") {
		t.Errorf("pad after a divergence: %+v", l)
	}
}

// TestSceneChromeKey checks that the chrome's key stays on steady frames
// and changes with what the chrome shows.
func TestSceneChromeKey(t *testing.T) {
	r := newSceneRig(t)
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.frame(nil)
	r.frame(nil)
	k := r.s.ChromeKey(1)
	r.frame(nil)
	if r.s.ChromeKey(1) != k {
		t.Fatal("the chrome key changed on a steady frame")
	}
	if r.s.ChromeKey(2) == k {
		t.Error("the device scale is not in the key")
	}
	frame := r.s.ChartFrame
	r.move(r.s.UI.Seed.Rect)
	r.frame(nil)
	if r.s.ChromeKey(1) == k {
		t.Error("hovering a button does not change the key")
	}
	r.move(ui.Rect{X: -10, Y: -10, W: 1, H: 1})
	r.frame(nil)
	if r.s.ChromeKey(1) != k {
		t.Error("the key did not come back after the hover")
	}
	// New points re-lay the charts out; the frames change only when their
	// axes do: a test point inside the range keeps them.
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.Seq = 2
	sn.History = append(sn.History, train.Point{Step: 110, TestLoss: 0.25, TestAcc: 0.95, N: 500})
	stamp := r.s.ChartStamp
	r.post(sn)
	r.frame(nil)
	if r.s.ChartStamp != stamp+1 || r.s.ChartFrame != frame || r.s.ChromeKey(1) != k {
		t.Errorf("one more test point: stamp %d→%d, frame %d→%d", stamp, r.s.ChartStamp, frame, r.s.ChartFrame)
	}
	sn.Seq = 3
	sn.CurveStep = append(sn.CurveStep, 5000)
	sn.CurveLoss, sn.CurveAcc = append(sn.CurveLoss, 0.1), append(sn.CurveAcc, 0.99)
	r.post(sn)
	r.frame(nil)
	if r.s.ChartFrame != frame+1 || r.s.ChromeKey(1) == k {
		t.Errorf("a longer axis: frame %d→%d", frame, r.s.ChartFrame)
	}
	// The options shown are in the key.
	k = r.s.ChromeKey(1)
	r.s.Set(map[string]string{"raw": "true"})
	r.frame(nil)
	if r.s.ChromeKey(1) == k {
		t.Error("raw does not change the key")
	}
}

// TestWeightsLegendSaysTheClass: the linear model's weight map says which
// digit blue and red push towards; the others' say what the colours are.
func TestWeightsLegendSaysTheClass(t *testing.T) {
	r := newSceneRig(t)
	r.post(builtSnap(t, r.s.Cfg, 0))
	if got := r.s.WeightsLegend(); got != "blue: ink here pushes towards 9, red: towards 4, white: no effect" {
		t.Errorf("linear 4 vs 9: %q", got)
	}
	r.s.Set(map[string]string{"model": "vanilla"})
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.Gen = 2
	r.post(sn)
	if got := r.s.WeightsLegend(); got != WeightsLegend {
		t.Errorf("vanilla: %q, want the plain legend", got)
	}
}
