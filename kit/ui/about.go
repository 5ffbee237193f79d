package ui

import (
	"slices"
	"strings"
)

// About is the "About this tab" card: a strip under the banner, above the
// scene, that says what the tab teaches, what to try and which seed it
// comes from. Its × closes it for good (the page keeps Closed, see
// OnChange); the "about" button in the bar opens or closes it again.
type About struct {
	Texts  map[string]string // each scene's card, by its Name ("" or none: no card)
	Closed map[string]bool   // the cards the user closed
	// OnChange, if set, is called after the user opened or closed a card,
	// with the names of the closed ones, sorted (the page saves them).
	OnChange func(closed []string)

	// Hold hides the card (not closed) while the banner shows a message
	// in its place: the card keeps its strip, so the scene below does not
	// move when a message comes or goes.
	Hold bool

	Close Button // the × at the right end
	Open  Button // "about" in the bar (placed by the Shell)
	Rect  Rect
	Lines []string // the card's text wrapped to its width

	scene   string // the scene laid out for
	wrapped struct {
		w     float64
		scene string
	}
}

// AboutLineH is the height of a line of the card: a banner's, so a
// message of as many lines fits the card's strip.
const AboutLineH = BannerLineH

// AboutMaxLines is the most lines the card shows (its text is written to
// take two at 1024 wide).
const AboutMaxLines = 3

// aboutMax is the most lines the card shows: AboutMaxLines, more on a
// page's narrow column.
func aboutMax() int {
	if Paged {
		return 2 * AboutMaxLines
	}
	return AboutMaxLines
}

// Visible reports whether the card of the scene laid out is shown.
func (a *About) Visible() bool {
	return a.Texts[a.scene] != "" && !a.Closed[a.scene] && !a.Hold
}

// Layout places the card of scene at the top of area (when it is open,
// also while held) and returns the rest.
func (a *About) Layout(area Rect, scene string) (rest Rect) {
	a.scene = scene
	a.Open.Label = "about"
	a.Open.Tip = "About this tab: what it teaches and what to try (open or close the card)"
	a.Open.Disabled = a.Texts[scene] == ""
	if a.Texts[scene] == "" || a.Closed[scene] {
		a.Rect, a.Lines, a.Close.Rect = Rect{}, a.Lines[:0], Rect{}
		return area
	}
	w := area.W - 4*Pad - RowH - 8
	if a.wrapped.w != w || a.wrapped.scene != scene {
		a.Lines = Wrap(a.Texts[scene], w, FontSize)
		if n := aboutMax(); len(a.Lines) > n {
			a.Lines = a.Lines[:n]
		}
		a.wrapped.w, a.wrapped.scene = w, scene
	}
	a.Rect, rest = area.CutTop(float64(len(a.Lines))*AboutLineH+2*Pad, 0)
	a.Close.Label, a.Close.Tip = "×", "Close this card (the about button in the bar opens it again)"
	a.Close.Rect = Rect{X: a.Rect.Right() - Pad - RowH, Y: a.Rect.Y + Pad, W: RowH, H: RowH}
	if a.Hold {
		a.Close.Rect = Rect{}
	}
	return rest
}

// Update closes the card on a click on ×, and opens or closes it on a
// click on "about"; a press elsewhere on the card is swallowed. It
// reports whether the card came or went.
func (a *About) Update(in *Input) (changed bool) {
	if a.Open.Update(in) {
		a.set(a.scene, !a.Closed[a.scene])
		return true
	}
	if !a.Visible() {
		return false
	}
	if a.Close.Update(in) {
		a.set(a.scene, true)
		return true
	}
	if in.PressedIn(a.Rect) {
		in.Consume()
	}
	return false
}

// set records whether the card of scene is closed and tells OnChange.
func (a *About) set(scene string, closed bool) {
	if a.Closed == nil {
		a.Closed = map[string]bool{}
	}
	a.Closed[scene] = closed
	a.wrapped.scene = "" // (wrap again when it opens)
	if a.OnChange != nil {
		a.OnChange(a.ClosedNames())
	}
}

// ClosedNames are the closed cards' scenes, sorted.
func (a *About) ClosedNames() []string {
	var out []string
	for s, c := range a.Closed {
		if c {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// SetClosed restores the closed cards from the page's list of names
// (comma-separated).
func (a *About) SetClosed(list string) {
	a.Closed = map[string]bool{}
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			a.Closed[s] = true
		}
	}
}
