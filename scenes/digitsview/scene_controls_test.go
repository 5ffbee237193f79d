package digitsview

import (
	"strings"
	"testing"
	"time"
)

// A click on another model or task mid-run asks first: the run stays, the
// note under the buttons says what a second click throws away; the second
// click switches. With nothing trained it switches at once.
func TestSceneSwitchAsksFirst(t *testing.T) {
	r := newSceneRig(t)
	r.post(builtSnap(t, r.s.Cfg, 0)) // 4 vs 9, linear, at step 120
	r.frame(nil)
	u := &r.s.UI
	vanilla := u.Model.Segment(1)
	r.click(vanilla)
	r.frame(nil)
	if r.s.Cfg.Model != "linear" || u.Model.Selected() != "linear" {
		t.Fatalf("one click switched to %s (choice shows %s)", r.s.Cfg.Model, u.Model.Selected())
	}
	if !strings.HasPrefix(strings.Join(u.Note, " "), "Click vanilla again to switch to it: this run (step 120) starts over") {
		t.Errorf("note %q", u.Note)
	}
	r.click(vanilla)
	if r.s.Cfg.Model != "vanilla" || r.lastConfig().Model != "vanilla" {
		t.Fatalf("the second click: model %s, sent %s", r.s.Cfg.Model, r.lastConfig().Model)
	}
	r.frame(nil)
	if strings.Contains(strings.Join(u.Note, " "), "again") {
		t.Errorf("the question stays after the switch: %q", u.Note)
	}
	// The question lapses: a click long after asks again.
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.frame(nil)
	ten := u.Task.Segment(1)
	r.click(ten)
	for range int(switchWait/(16*time.Millisecond)) + 2 {
		r.frame(nil)
	}
	r.click(ten)
	if r.s.Cfg.Task != "4v9" {
		t.Errorf("a second click after the question lapsed switched the task to %s", r.s.Cfg.Task)
	}
	// At step 0 a click switches at once.
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.Step = 0
	r.post(sn)
	r.frame(nil)
	r.click(ten)
	if r.s.Cfg.Task != "10" {
		t.Errorf("at step 0 one click left task %s", r.s.Cfg.Task)
	}
}
