package digitsview

import (
	"strings"
	"testing"

	"digitlab/regions"
)

// lineRig is a scene in the Line view with a built snapshot of cfg and its
// pair posted, run until both counts are shown.
func lineRig(t *testing.T, cfg Config) (*sceneRig, *Snapshot) {
	t.Helper()
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "line", "task": cfg.Task, "model": cfg.Model})
	cfg = r.s.Cfg
	sn := builtSnap(t, cfg, 3)
	r.post(sn)
	for range 200 {
		r.frame(nil)
		if tr, in := r.s.LinePieces(); (tr >= 0 && in >= 0) || r.s.line.Reason != "" {
			break
		}
	}
	return r, sn
}

// countOn counts the pieces of cfg's model with weights w between the
// snapshot's two images, directly.
func countOn(t *testing.T, cfg Config, w []float32, sn *Snapshot) int {
	t.Helper()
	m, err := cfg.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	copy(m.Params, w)
	plus, minus := lineReadout(m, sn.Pair)
	seg := regions.NewSegment()
	if err := seg.Reset(m, sn.Pair[0].Pixels, sn.Pair[1].Pixels, plus, minus); err != nil {
		t.Fatal(err)
	}
	for !seg.Step(1000) {
	}
	return seg.Pieces()
}

func TestLineViewCounts(t *testing.T) {
	for _, c := range []struct{ task, model string }{{"digits8", "digits64"}, {"4v9", "vanilla"}, {"4v9", "linear"}} {
		t.Run(c.model, func(t *testing.T) {
			cfg := Default(c.task)
			cfg.Model = c.model
			r, sn := lineRig(t, cfg)
			// The page asked the worker for a pair of its default classes.
			var asked *Command
			for _, cmd := range r.sent() {
				if cmd.Kind == CmdPair {
					asked = &cmd
				}
			}
			wantN := 1 // 4 vs 9: class 0 (a 4) and class 1 (a 9)
			if c.task == "digits8" {
				wantN = 409
			}
			if asked == nil || asked.N != wantN {
				t.Fatalf("commands %v: want a CmdPair with N = %d", r.sentKinds(), wantN)
			}
			st := r.s.Status()
			tr, in := r.s.LinePieces()
			if tr < 1 || in < 1 || st["linePieces"] != tr || st["linePiecesInit"] != in || st["lineReason"] != "" {
				t.Fatalf("pieces %d, initial %d; status %v %v %q", tr, in, st["linePieces"], st["linePiecesInit"], st["lineReason"])
			}
			// The counts are of the model copy's weights and of the seed's
			// initial weights, on the pair the worker sent.
			if want := countOn(t, r.s.modelCfg, sn.Weights, sn); tr != want {
				t.Errorf("trained count %d, counting the same weights directly gives %d", tr, want)
			}
			init, _ := r.s.modelCfg.NewModel()
			if want := countOn(t, r.s.modelCfg, init.Params, sn); in != want {
				t.Errorf("initial count %d, counting the seed's weights directly gives %d", in, want)
			}
			if c.model == "linear" && (tr != 1 || in != 1) {
				t.Errorf("a linear model has one piece, got %d and %d", tr, in)
			}
			// The shown curve spans the segment and the chart has both.
			sh := &r.s.line.trained.shown
			if len(sh.T) != tr+1 || sh.T[0] != 0 || sh.T[len(sh.T)-1] != 1 {
				t.Errorf("trained curve: %d breakpoints from %v to %v, want %d from 0 to 1", len(sh.T), sh.T[0], sh.T[len(sh.T)-1], tr+1)
			}
			if n := len(r.s.line.Chart.Chart.Series); n != 2 {
				t.Errorf("chart has %d series, want 2 (trained, initial weights)", n)
			}
			if st["lineImages"] == nil || st["lineStep"] != 120 {
				t.Errorf("status lineImages %v, lineStep %v (want the pair and step 120)", st["lineImages"], st["lineStep"])
			}
			// A new pair is asked for with the button, and a changed class.
			n0 := len(r.sent())
			r.click(r.s.line.NewPair.Rect)
			if k := r.sent()[len(r.sent())-1]; len(r.sent()) == n0 || k.Kind != CmdPair {
				t.Errorf("New pair sent %v", r.sentKinds()[n0:])
			}
		})
	}
}

func TestLineViewNewWeightsRecount(t *testing.T) {
	cfg := Default("digits8")
	r, sn := lineRig(t, cfg)
	before, _ := r.s.LinePieces()
	// Later weights: the count follows them.
	sn.Seq++
	sn.WeightsStep, sn.Step = 500, 500
	for i := range sn.Weights {
		sn.Weights[i] *= 3
	}
	r.post(sn)
	for range 200 {
		r.frame(nil)
		if r.s.line.trained.shown.Step == 500 {
			break
		}
	}
	got, _ := r.s.LinePieces()
	if want := countOn(t, r.s.modelCfg, sn.Weights, sn); got != want || r.s.line.trained.shown.Step != 500 {
		t.Errorf("after new weights: %d pieces at step %d (before %d); counting them directly gives %d",
			got, r.s.line.trained.shown.Step, before, want)
	}
}

func TestLineViewSmoothModel(t *testing.T) {
	cfg := Default("10")
	cfg.Model = "mlp10"
	r, _ := lineRig(t, cfg)
	st := r.s.Status()
	reason, _ := st["lineReason"].(string)
	if !strings.Contains(reason, "Sigmoid") || !strings.Contains(reason, "no linear pieces") || st["linePieces"] != nil {
		t.Errorf("mlp10: reason %q, pieces %v; want a reason naming the sigmoid and no pieces", reason, st["linePieces"])
	}
	if txt := r.s.LineText(); len(txt) == 0 || txt[0].Text != reason {
		t.Errorf("the view's text %v does not say the reason", txt)
	}
}

// TestLineViewModelSwitch switches from a smooth model being sampled to
// another task and model: the counts under way stop (the 8×8 images do not
// fit mlp10: the page panicked so), the ones shown go, and the new model is
// counted.
func TestLineViewModelSwitch(t *testing.T) {
	cfg := Default("10")
	cfg.Model = "mlp10"
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "line", "task": "10", "model": "mlp10"})
	r.post(builtSnap(t, r.s.Cfg, 3))
	r.s.line.A.Index, r.s.line.B.Index = 4, 9
	r.frame(nil) // the sampling of mlp10's curve starts
	r.s.Set(map[string]string{"task": "digits8"})
	sn := builtSnap(t, r.s.Cfg, 3)
	sn.Seq, sn.Gen, sn.PairSeq = 10, 2, 2
	r.post(sn)
	for range 200 {
		r.frame(nil)
		if tr, in := r.s.LinePieces(); tr >= 0 && in >= 0 {
			break
		}
	}
	tr, in := r.s.LinePieces()
	if r.s.modelCfg.Model != "digits64" || r.s.line.Reason != "" || tr < 1 || in < 1 {
		t.Fatalf("after the switch: model %s, reason %q, pieces %d and %d", r.s.modelCfg.Model, r.s.line.Reason, tr, in)
	}
	if want := countOn(t, r.s.modelCfg, sn.Weights, sn); tr != want {
		t.Errorf("after the switch: %d pieces, digits64 on the new pair has %d", tr, want)
	}
}
