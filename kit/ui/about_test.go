package ui

import (
	"slices"
	"testing"
)

// The card takes the top of the area while open; × closes it and tells
// OnChange, the bar's button opens it again; a press on the card does not
// reach the scene; a scene without a card has none.
func TestAbout(t *testing.T) {
	var saved []string
	a := &About{Texts: map[string]string{"digits": "Digits trains the course's networks on handwritten digits. Try: Start."},
		OnChange: func(c []string) { saved = c }}
	area := Rect{X: 0, Y: 44, W: 1024, H: 596}
	rest := a.Layout(area, "digits")
	if !a.Visible() || len(a.Lines) != 1 || a.Rect.H != AboutLineH+2*Pad || rest.Y != a.Rect.Bottom() || rest.H != area.H-a.Rect.H {
		t.Fatalf("open card: visible %v, %d lines, rect %v, rest %v", a.Visible(), len(a.Lines), a.Rect, rest)
	}
	// A press on the card is the card's.
	in := &Input{X: 500, Y: a.Rect.Y + 5, Pointer: true, Down: true, Pressed: true}
	a.Update(in)
	if in.PressedIn(area) {
		t.Error("a press on the card reached the scene")
	}
	// ×: closed, remembered, the scene gets the whole area.
	cx, cy := a.Close.Rect.Center()
	in = &Input{X: cx, Y: cy, Pointer: true, Down: true, Pressed: true}
	a.Update(in)
	in = &Input{X: cx, Y: cy, Pointer: true, Released: true}
	if !a.Update(in) || a.Visible() || !slices.Equal(saved, []string{"digits"}) {
		t.Fatalf("after ×: visible %v, saved %v", a.Visible(), saved)
	}
	if rest := a.Layout(area, "digits"); rest != area {
		t.Errorf("closed card: rest %v, want the whole area", rest)
	}
	// The bar's button opens it again.
	a.Open.Rect = Rect{X: 900, Y: 8, W: 64, H: 28}
	ox, oy := a.Open.Rect.Center()
	a.Update(&Input{X: ox, Y: oy, Pointer: true, Down: true, Pressed: true})
	if !a.Update(&Input{X: ox, Y: oy, Pointer: true, Released: true}) || !a.Visible() || len(saved) != 0 {
		t.Errorf("after about: visible %v, saved %v", a.Visible(), saved)
	}
	// While the banner shows a message the card waits (not closed) and
	// keeps its strip: the scene below stays where it was.
	open := a.Layout(area, "digits")
	a.Hold = true
	if rest := a.Layout(area, "digits"); a.Visible() || rest != open || a.Closed["digits"] || a.Close.Rect != (Rect{}) {
		t.Errorf("held: visible %v, rest %v (open: %v), closed %v, × at %v", a.Visible(), rest, open, a.Closed["digits"], a.Close.Rect)
	}
	a.Hold = false
	if a.Layout(area, "digits"); !a.Visible() {
		t.Error("the card did not come back after the message")
	}
	// No card for a scene without text; the restored list.
	if rest := a.Layout(area, "ring"); a.Visible() || rest != area || !a.Open.Disabled {
		t.Errorf("ring without a card: visible %v, open disabled %v", a.Visible(), a.Open.Disabled)
	}
	a.SetClosed("ring, digits,")
	if got := a.ClosedNames(); !slices.Equal(got, []string{"digits", "ring"}) {
		t.Errorf("SetClosed: %v", got)
	}
	// A long text is cut to AboutMaxLines.
	long := ""
	for range 80 {
		long += "word word "
	}
	b := &About{Texts: map[string]string{"x": long}}
	b.Layout(Rect{W: 600, H: 400}, "x")
	if len(b.Lines) != AboutMaxLines {
		t.Errorf("%d lines, want at most %d", len(b.Lines), AboutMaxLines)
	}
}
