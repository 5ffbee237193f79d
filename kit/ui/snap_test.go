package ui

import "testing"

// TestSnapButtonOnPanelUnderPointer: the button sits in the top-right
// corner of the innermost titled panel under the pointer, none off the
// panels or over an untitled one; a click asks for that panel and is not
// passed on; Take hands the request over once.
func TestSnapButtonOnPanelUnderPointer(t *testing.T) {
	outer := PanelRef{Title: "Landscape", R: Rect{0, 0, 800, 600}}
	inner := PanelRef{Title: "Loss (mean cross-entropy)", R: Rect{400, 100, 300, 200}}
	plain := PanelRef{R: Rect{0, 0, 100, 100}}
	panels := []PanelRef{outer, inner, plain}
	var p Snap
	in := &Input{X: 500, Y: 200, Pointer: true}
	if !p.Update(in, panels) || p.Over != inner {
		t.Fatalf("over %v, want the inner panel (and a move)", p.Over)
	}
	if b := p.Button.Rect; b.Right() != inner.R.Right()-4 || b.Y != inner.R.Y+4 || b.W != SnapW {
		t.Errorf("button at %v, want the inner panel's top-right corner", b)
	}
	if p.Update(in, panels) {
		t.Error("a still pointer moved the button")
	}
	if p.Update(&Input{X: 50, Y: 50, Pointer: true}, panels); p.Over != outer {
		t.Errorf("over an untitled panel inside a titled one: %v, want the titled one", p.Over)
	}
	if p.Update(&Input{X: 900, Y: 50, Pointer: true}, panels); p.Over.Title != "" || !p.Button.Rect.Empty() {
		t.Errorf("off every panel: over %v, button %v", p.Over, p.Button.Rect)
	}

	p.Update(&Input{X: 500, Y: 200, Pointer: true}, panels)
	x, y := p.Button.Rect.Center()
	consumed := false
	feed(&Input{}, []tick{{x, y, true}, {x, y, false}}, func(in *Input) bool {
		p.Update(in, panels)
		consumed = consumed || in.Consumed()
		return false
	})
	if !consumed {
		t.Error("the press on the button reached the scene")
	}
	if got, ok := p.Take(); !ok || got != inner {
		t.Errorf("Take = %v, %v; want the inner panel", got, ok)
	}
	if _, ok := p.Take(); ok {
		t.Error("Take gave the request twice")
	}
}

func TestSnapFileName(t *testing.T) {
	for title, want := range map[string]string{
		"Loss (mean cross-entropy)":                     "digitlab-loss-mean-cross-entropy.png",
		"Landscape: a ReLU network is piecewise linear": "digitlab-landscape-a-relu-network-is-piecewise-linear.png",
		"Φ along the line":                              "digitlab-along-the-line.png",
		"":                                              "digitlab.png",
	} {
		if got := FileName(title); got != want {
			t.Errorf("FileName(%q) = %q, want %q", title, got, want)
		}
	}
}

// panelScene is a scene with titled panels.
type panelScene struct {
	*fakeScene
	panels []PanelRef
}

func (p *panelScene) Panels(dst []PanelRef) []PanelRef { return append(dst, p.panels...) }

// TestShellSnap: the shell asks the visible scene for its panels, puts the
// button on the one under the pointer, and a click on it asks for a whole
// frame drawn (the picture is taken from it) with the request in Want;
// the scene does not get the click; status() lists the panels.
func TestShellSnap(t *testing.T) {
	chart := PanelRef{Title: "Accuracy", R: Rect{500, 300, 400, 250}}
	r := newRig(t, "", func(i int, f *fakeScene) Scene { return &panelScene{fakeScene: f, panels: []PanelRef{chart}} })
	r.frame(frameDt, 700, 400, false, 0) // the panels arrive at End
	r.frame(frameDt, 700, 400, false, 0)
	if r.s.Snap.Over != chart {
		t.Fatalf("button over %v, want the chart", r.s.Snap.Over)
	}
	for i := 0; i < 3; i++ {
		r.frame(frameDt, 700, 400, false, 0)
	}
	x, y := r.s.Snap.Button.Rect.Center()
	r.frame(frameDt, x, y, false, 0)
	r.frame(frameDt, x, y, true, 0)
	if r.s.In.Consumed() != true {
		t.Error("the press on the button was not consumed")
	}
	r.frame(frameDt, x, y, false, 0)
	if r.s.Snap.Want != chart || !r.s.DrawNow || r.s.DrawPartial {
		t.Errorf("after the click: want %v, DrawNow %v, DrawPartial %v; want the chart in a whole frame", r.s.Snap.Want, r.s.DrawNow, r.s.DrawPartial)
	}
	st := r.s.Status(map[string]any{}, "")
	if ps, ok := st["panels"].([]any); !ok || len(ps) != 1 || st["snapPanel"] != "Accuracy" {
		t.Errorf("status panels %v, snapPanel %v", st["panels"], st["snapPanel"])
	}
}
