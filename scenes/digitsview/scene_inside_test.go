package digitsview

import (
	"strings"
	"testing"

	"digitlab/kit/ui"
)

// TestSceneInside: the Inside view shows the layers of the image shown
// large, computed with the page's copy of the model; a click selects a
// unit; the drawing in focus without a drawing says what to do.
func TestSceneInside(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"model": "vanilla", "view": "inside"})
	sn := builtSnap(t, r.s.Cfg, 3)
	r.post(sn)
	r.frame(nil)
	layers, why := r.s.InsideJSON()
	if layers == nil {
		t.Fatalf("no layers: %s", why)
	}
	var in Inside
	if err := in.Compute(r.s.Model(), r.s.CurX); err != nil {
		t.Fatal(err)
	}
	if len(layers) != len(in.Layers) || len(in.Layers) != 7 {
		t.Fatalf("%d layers, want %d (7 for vanilla)", len(layers), len(in.Layers))
	}
	last := layers[len(layers)-1].(map[string]any)
	probs := r.s.Model().Predict(nil, r.s.CurX)
	if vs, ok := last["values"].([]any); !ok || len(vs) != 2 || vs[1] != float64(probs[1]) {
		t.Errorf("the probabilities %v, Predict %v", last["values"], probs)
	}
	u := Unit{Layer: 1, Index: 5}
	rect, ok := r.s.ins.View.UnitRect(u)
	if !ok {
		t.Fatal("unit (1, 5) not laid out")
	}
	r.click(rect)
	if r.s.ins.Sel != u {
		t.Errorf("selected %v after a click on %v", r.s.ins.Sel, u)
	}
	if l := r.s.InsideList(); len(l.Ops) == 0 {
		t.Error("the Inside list is empty")
	}
	// The drawing in focus, none drawn: a message and no layers.
	fr := r.s.ins.Focus.Rect
	r.click(ui.Rect{X: fr.X + fr.W*0.75, Y: fr.Y, W: 1, H: fr.H})
	if r.s.ins.Focus.Index != 1 {
		t.Fatal("the focus choice did not switch")
	}
	if layers, why := r.s.InsideJSON(); layers != nil || !strings.Contains(why, "Draw a digit") {
		t.Errorf("no drawing: %d layers, %q", len(layers), why)
	}
}
