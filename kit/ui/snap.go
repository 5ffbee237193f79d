package ui

import "strings"

// PanelRef is a titled card a scene shows: its title and where it lies.
type PanelRef struct {
	Title string
	R     Rect
}

// Panels is what a scene that wants its cards to be saved as pictures
// implements: it appends the titled panels it shows to dst.
type Panels interface {
	Panels(dst []PanelRef) []PanelRef
}

// Snap is the small "PNG" button that shows at the top-right corner of the
// titled panel under the pointer (as plotting libraries show their tools
// on hover) and saves that panel as a picture at the screen's resolution,
// title included, for slides. Want is the panel asked for this frame; the
// page takes it (Take) when it draws the next whole frame.
type Snap struct {
	Button Button
	Over   PanelRef // the panel the button shows on (Title "" when none)
	Want   PanelRef // the panel to save (Title "" when none)
}

// SnapW and SnapH are the button's size.
const (
	SnapW = 42.0
	SnapH = 20.0
)

// Update places the button on the panel under the pointer (the innermost
// when panels nest) and reports a click, which sets Want and is consumed
// so that the scene below does not get it. It returns whether the button
// came, went or moved (the page must redraw what it covered).
func (p *Snap) Update(in *Input, panels []PanelRef) (moved bool) {
	over := PanelRef{}
	if in.Pointer {
		for _, pr := range panels {
			if pr.Title != "" && pr.R.Contains(in.X, in.Y) && (over.Title == "" || pr.R.W*pr.R.H < over.R.W*over.R.H) {
				over = pr
			}
		}
	}
	moved = over != p.Over
	p.Over = over
	if over.Title == "" {
		p.Button.Rect = Rect{}
		return moved
	}
	p.Button.Label = "PNG"
	p.Button.Tip = "Save “" + over.Title + "” as a picture (PNG)"
	p.Button.Rect = Rect{X: over.R.Right() - SnapW - 4, Y: over.R.Y + 4, W: SnapW, H: SnapH}
	if p.Button.Update(in) {
		p.Want = over
	}
	return moved
}

// Take returns the panel asked for and clears the request.
func (p *Snap) Take() (PanelRef, bool) {
	w := p.Want
	p.Want = PanelRef{}
	return w, w.Title != ""
}

// FileName is the picture's name for a panel title: "digitlab-" and the
// title in lower case, words joined by '-', other characters dropped,
// ".png" ("Loss (mean cross-entropy)" → "digitlab-loss-mean-cross-entropy.png").
func FileName(title string) string {
	var b strings.Builder
	b.WriteString("digitlab")
	word := false
	for _, r := range strings.ToLower(title) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		if ok && !word {
			b.WriteByte('-')
		}
		if ok {
			b.WriteRune(r)
		}
		word = ok
		if b.Len() > 60 {
			break
		}
	}
	b.WriteString(".png")
	return b.String()
}
