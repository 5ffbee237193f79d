package digitsview

import (
	"digitlab/kit/paint"
	"digitlab/kit/ui"
	"digitlab/scenes/pad"
)

// The Inside view: every layer's output for the image in focus (inside.go
// computes it from the page's copy of the model, inside_paint.go draws
// it), a unit's value on hover, its incoming weights and their
// contributions on a click.

// InsideTitle is the Inside view's panel title.
const InsideTitle = "Inside the network: every layer's output"

// Focuses are the images the Inside view can show, in the order of its
// choice: the image shown large in the Training view (the current
// training image or the mistake picked), or the drawing on the pad.
var Focuses = []string{"image", "drawing"}

// insideState is the Inside view's state.
type insideState struct {
	In         Inside
	View       InsideView
	Hover, Sel Unit
	Focus      ui.Choice
	key        insideKey // what In was computed for
	ok         bool
	arch       int
	msg        string // why nothing is shown ("" when In holds the layers)
}

type insideKey struct {
	stamp, gen, pad, focus int
	model                  bool
}

func (s *Scene) initInside() {
	s.ins.Focus = ui.Choice{Options: []string{"image in focus", "my drawing"},
		Tips: []string{"The current training image, or the mistake picked in the Mistakes view", "The digit drawn on the Draw view's pad, as the network sees it"}}
	s.ins.Hover, s.ins.Sel = NoUnit, NoUnit
}

// insideInput is the model's input for the image in focus (nil: none).
func (s *Scene) insideInput() []float32 {
	if s.ins.Focus.Index == 1 {
		if s.Pad.Empty() || s.model == nil {
			return nil
		}
		s.PadX = pad.MNIST(s.PadX, s.Pad.Pix, s.Pad.N)
		s.padIn = s.modelInput(s.padIn, s.PadX)
		return s.padIn
	}
	return s.CurX
}

// refreshInside computes the layers again when the image or the weights
// changed.
func (s *Scene) refreshInside() {
	st := &s.ins
	k := insideKey{s.curStamp, s.gen, s.Pad.Version(), st.Focus.Index, s.model != nil}
	if st.ok && st.key == k {
		return
	}
	st.key, st.ok = k, true
	x := s.insideInput()
	switch {
	case s.model == nil:
		st.msg = s.WaitText()
	case x == nil && st.Focus.Index == 1:
		st.msg = "Draw a digit in the Draw view: its layers show here"
	case x == nil:
		st.msg = "no image yet"
	default:
		if err := st.In.Compute(s.model, x); err != nil {
			st.msg = "this image does not fit the model yet (the task is changing)"
			return
		}
		st.msg = ""
		if st.In.Arch != st.arch {
			st.arch, st.Sel, st.Hover = st.In.Arch, NoUnit, NoUnit
		}
	}
}

// layoutInside lays out the Inside view in r and routes its input.
func (s *Scene) layoutInside(r ui.Rect, in *ui.Input) {
	st := &s.ins
	L := &s.L
	L.InsidePanel = r
	c := ui.PanelContent(r, InsideTitle)
	row, rest := c.CutTop(ui.RowH, ui.Gap)
	st.Focus.Rect = ui.Rect{X: row.X, Y: row.Y, W: min(300, row.W), H: row.H}
	if st.Focus.Update(in) {
		st.ok = false
	}
	s.refreshCurrent() // (the Training view's image, which this view shows inside)
	s.refreshInside()
	st.View.Scale, st.View.Classes = s.scale, s.Snap.Names
	st.View.Layout(rest, &st.In)
	st.Hover = NoUnit
	if st.msg != "" {
		return
	}
	if in.Hover(st.View.R) {
		if u, ok := st.View.HitTest(in.X, in.Y); ok {
			st.Hover = u
			if rr, ok := st.View.UnitRect(u); ok {
				type key struct {
					u   Unit
					gen int
				}
				in.OfferTip(rr, tipFor(&s.tip, key{u, st.In.Gen}, func() string { return st.View.hoverText(&st.In, u, true) }))
			}
			if in.PressedIn(st.View.R) {
				st.Sel = u
			}
		}
	}
}

// InsideListKey is what the Inside view's list shows.
type InsideListKey struct {
	gen        int
	hover, sel Unit
	r          ui.Rect
	scale      float64
	msg        string
}

// InsideKey describes the Inside view's content.
func (s *Scene) InsideKey() InsideListKey {
	st := &s.ins
	return InsideListKey{st.In.Gen, st.Hover, st.Sel, st.View.R, s.scale, st.msg}
}

// InsideList is the Inside view's content (what InsideKey describes).
func (s *Scene) InsideList() *paint.List {
	return s.pl.inside.get(s.InsideKey(), func(l *paint.List) {
		st := &s.ins
		if st.msg != "" {
			l.TextIn(st.msg, st.View.R, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
			return
		}
		st.View.Paint(l, &st.In, st.Hover, st.Sel)
	})
}

// InsideJSON is digitlab.inside(): the layers for the image in focus,
// each {name, shape, values} (NaN as null), or nil with why.
func (s *Scene) InsideJSON() ([]any, string) {
	s.refreshInside()
	if s.ins.msg != "" {
		return nil, s.ins.msg
	}
	return s.ins.In.JSON(), ""
}

// insideStatus puts the Inside view's state into status().
func (s *Scene) insideStatus(m map[string]any) {
	st := &s.ins
	r := st.View.R
	m["insideFocus"], m["insideRect"] = Focuses[st.Focus.Index], []float64{r.X, r.Y, r.W, r.H}
	m["insideLayers"], m["insideMessage"] = len(st.In.Layers), st.msg
	m["insideHover"], m["insideSelected"] = []int{st.Hover.Layer, st.Hover.Index}, []int{st.Sel.Layer, st.Sel.Index}
	fr := st.Focus.Rect
	m["insideFocusRect"] = []float64{fr.X, fr.Y, fr.W, fr.H}
	if u := st.Sel; u != NoUnit {
		if rr, ok := st.View.UnitRect(u); ok {
			m["insideSelectedRect"] = []float64{rr.X, rr.Y, rr.W, rr.H}
		}
	}
}
