package paint

import (
	"testing"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

func TestListOpsAndTexts(t *testing.T) {
	var l List
	r := ui.Rect{X: 10, Y: 20, W: 200, H: 100}
	in := l.Panel(r, "Title")
	if in != ui.PanelContent(r, "Title") {
		t.Errorf("Panel content %v", in)
	}
	l.Text("left", 10, 5, 14, Regular, Ink, Start)
	l.Text("mid", 100, 5, 14, Bold, Ink, Center)
	l.Text("two\nlines", 300, 5, 12, Mono, Muted, End)
	l.Text("", 0, 0, 14, Regular, Ink, Start) // nothing
	l.TextIn("in", ui.Rect{X: 0, Y: 0, W: 100, H: 40}, 14, Regular, Ink, Center)
	l.Segs(plot.Viewport{}, nil, 1, Ink, false) // nothing
	if got := len(l.Ops); got != 5 {
		t.Fatalf("%d ops, want 5 (empty texts and lines add none)", got)
	}
	boxes := l.Texts(nil)
	if len(boxes) != 4 {
		t.Fatalf("%d texts", len(boxes))
	}
	w := Measure("left", 14, Regular)
	if b := boxes[0].R; b != (ui.Rect{X: 10, Y: 5, W: w, H: ui.LineHeight(14)}) {
		t.Errorf("start box %v", b)
	}
	if b := boxes[1].R; b.X+b.W/2 != 100 {
		t.Errorf("centred box %v", b)
	}
	mono := Measure("lines", 12, Mono)
	if b := boxes[2].R; b.Right() != 300 || b.W != mono || b.H != 2*ui.LineHeight(12) {
		t.Errorf("end box %v, want right 300, width %v, two lines", b, mono)
	}
	if b := boxes[3].R; b.Y != (40-ui.LineHeight(14))/2 || b.X+b.W/2 != 50 {
		t.Errorf("TextIn box %v", b)
	}
	// A rebuild reuses the storage.
	b := &ui.Button{}
	n := testing.AllocsPerRun(50, func() {
		l.Reset()
		l.Panel(r, "Title")
		l.Text("left", 10, 5, 14, Regular, Ink, Start)
		l.Widget(b)
		l.Fill(r, Card)
	})
	if n != 0 {
		t.Errorf("rebuilding the list allocates %v times", n)
	}
}

// TestListPanels: the titled panels of a list, in order, less the ones
// asked to be left out and the untitled.
func TestListPanels(t *testing.T) {
	var l List
	side, chart, plain := ui.Rect{X: 0, Y: 0, W: 200, H: 600}, ui.Rect{X: 210, Y: 0, W: 500, H: 300}, ui.Rect{X: 210, Y: 310, W: 500, H: 290}
	l.Panel(side, "Training")
	l.Panel(chart, "Loss")
	l.Panel(plain, "")
	l.Fill(chart, BannerBg)
	got := l.Panels(nil, side)
	if len(got) != 1 || got[0] != (ui.PanelRef{Title: "Loss", R: chart}) {
		t.Errorf("Panels = %v, want only Loss", got)
	}
	if got := l.Panels(nil); len(got) != 2 {
		t.Errorf("Panels without exceptions = %v, want Training and Loss", got)
	}
}
