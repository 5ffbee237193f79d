package digitsview

import (
	"strings"
	"testing"

	"digitlab/kit/ui"
)

func TestConfusionViewClickShowsTheCell(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "confusion", "task": "10", "model": "cnn10"})
	sn := builtSnap(t, r.s.Cfg, 5)
	r.post(sn)
	r.frame(nil)
	L := r.s.L.Conf
	if r.s.confusionK() != 10 || L.Matrix.W < 10*12 {
		t.Fatalf("k %d, matrix %v", r.s.confusionK(), L.Matrix)
	}
	// Every count is drawn in its cell, with its row's and column's labels.
	texts := map[string]bool{}
	for _, tb := range r.s.ConfusionList().Texts(nil) {
		texts[tb.S] = true
	}
	for _, want := range []string{"predicted", "true", "recall", "precision", "194", "1"} {
		if !texts[want] {
			t.Errorf("no %q among the texts drawn", want)
		}
	}
	// Hover cell (true 2, predicted 3): its tooltip; click: the worker is
	// asked for its images and the view turns to the mistakes.
	cell := ui.Rect{X: L.Matrix.X + 3*L.Cell, Y: L.Matrix.Y + 2*L.Cell, W: L.Cell, H: L.Cell}
	r.move(cell)
	r.frame(nil)
	if tip, _ := r.in.Tip(); !strings.Contains(tip, "of a 2 predicted 3") {
		t.Errorf("tooltip %q", tip)
	}
	r.click(cell)
	last := r.sent()[len(r.sent())-1]
	if last.Kind != CmdCell || last.N != 203 || r.s.View() != ViewMistakes {
		t.Fatalf("after the click: sent %v N=%d, view %d; want CmdCell 203 and the mistakes view", last.Kind, last.N, r.s.View())
	}
	// The worker answers with the cell's images: the header says so, and
	// "all mistakes" goes back.
	sn.Seq++
	sn.MistakesCell = 1 + 203
	sn.Mistakes = sn.Mistakes[2:3]
	r.post(sn)
	r.frame(nil)
	if h := r.s.MistakesHeader().Text; !strings.Contains(h, "true 2 → predicted 3: 1 image at") {
		t.Errorf("header %q", h)
	}
	st := r.s.Status()
	if c, ok := st["mistakesCell"].([]float64); !ok || c[0] != 2 || c[1] != 3 {
		t.Errorf("status mistakesCell %v", st["mistakesCell"])
	}
	r.click(r.s.UI.AllMist.Rect)
	if last := r.sent()[len(r.sent())-1]; last.Kind != CmdCell || last.N != -1 {
		t.Errorf("all mistakes sent %v N=%d, want CmdCell -1", last.Kind, last.N)
	}
}

// TestMistakesCellHeaderFits: the header of a cell's images leaves room
// for the "all mistakes" button at 1024×640.
func TestMistakesCellHeaderFits(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "mistakes"})
	sn := builtSnap(t, r.s.Cfg, 60)
	sn.MistakesCell = 1 + 1 // true 4 predicted 9
	sn.Confusion[1] = 120
	r.post(sn)
	r.frame(nil)
	b := r.s.UI.AllMist.Rect
	for _, tb := range r.s.MistakesList().Texts(nil) {
		if strings.HasPrefix(tb.S, "true ") && tb.R.Right() > b.X {
			t.Errorf("header %q ends at %.0f, under the button at %.0f", tb.S, tb.R.Right(), b.X)
		}
	}
}
