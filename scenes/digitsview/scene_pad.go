package digitsview

import (
	"math"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/scenes/pad"
)

// layoutDraw places the drawing pad, the network's view of it and My
// digits under both, and turns pointer drags on the pad into strokes.
func (s *Scene) layoutDraw(r ui.Rect, in *ui.Input) Action {
	L, u := &s.L, &s.UI
	var mineR, left, right ui.Rect
	// The pad is the largest square that leaves the right panel 320 wide;
	// its panel is just tall enough for it, its title and the controls.
	chrome := padChrome()
	if ui.NarrowPage(r.W) {
		// On a narrow page: the pad across the column, the network's view under
		// it, My digits under both.
		side := padPageSide(r.W, s.L.PageFirst)
		left = ui.Rect{X: r.X, Y: r.Y, W: r.W, H: side + chrome}
		right = ui.Rect{X: r.X, Y: left.Bottom() + ui.Gap, W: r.W, H: seePageH}
		mineR = ui.Rect{X: r.X, Y: right.Bottom() + ui.Gap, W: r.W, H: minePageH}
	} else {
		mineR, r = r.CutBottom(math.Round(math.Min(260, math.Max(184, r.H*0.37))), ui.Gap)
		side := math.Max(120, math.Min(r.W-320-ui.Gap-4-2*ui.Pad, r.H-chrome))
		left, right = r.CutLeft(side+2*ui.Pad, ui.Gap+4)
		left.H = math.Min(left.H, side+chrome)
		right.H = left.H
	}
	act := s.layoutMine(mineR, in)
	L.PadPanel, L.SeePanel = left, right
	pin := ui.PanelContent(left, PadTitle)
	ctl, pin := pin.CutBottom(ui.RowH, ui.Gap)
	side := math.Min(pin.W, pin.H)
	L.PadRect = ui.Rect{X: pin.X + (pin.W-side)/2, Y: pin.Y, W: side, H: side}
	u.Clear.Rect, u.See.Rect = ctl.CutLeft(80, ui.Gap)
	u.See.Label = seeLabel
	if u.See.Width() > u.See.Rect.W { // a narrow pad (a short window)
		u.See.Label = seeLabelShort
	}

	if u.Clear.Update(in) {
		s.Pad.Clear()
	}
	u.See.Update(in)

	// Strokes: press on the pad starts one, dragging extends it.
	pr := L.PadRect
	toPad := func() (float64, float64) { return (in.X - pr.X) / pr.W, (in.Y - pr.Y) / pr.H }
	if in.PressedIn(pr) {
		in.Consume()
		in.Capture(s.Pad)
		s.Pad.Begin(toPad())
	}
	if in.Captured(s.Pad) {
		if in.Down || in.Released {
			s.Pad.LineTo(toPad())
		}
		if in.Released || !in.Down {
			s.Pad.End()
			in.Release(s.Pad)
		}
	}
	if in.Hover(pr) && s.Pad.Empty() {
		in.OfferTip(pr, "Draw a digit here; the network's answer updates as you draw")
	}

	// The network's view: 28×28 at a whole number of pixels (6× at most),
	// leaving room for "add it to my digits as" and the bars.
	sin := ui.PanelContent(right, SeeTitle)
	addH := s.mine.AddAs.Height()
	see := 28 * math.Max(3, math.Min(6, math.Floor((sin.H-addH-3*ui.Gap-84)/28)))
	L.SeeRect = ui.Rect{X: sin.X, Y: sin.Y, W: see, H: see}
	L.PadInfo = ui.Rect{X: L.SeeRect.Right() + 2*ui.Gap, Y: sin.Y, W: sin.Right() - L.SeeRect.Right() - 2*ui.Gap, H: see}
	st := &s.mine
	st.AddAs.Rect = ui.Rect{X: sin.X, Y: L.SeeRect.Bottom() + ui.Gap, W: math.Min(sin.W, 320), H: addH}
	st.AddAs.Disabled = s.Pad.Empty()
	if st.AddAs.Update(in) && st.AddAs.Index >= 0 {
		if err := s.AddMine(st.AddAs.Index); err != nil {
			s.setMineNote(Info{Text: err.Error(), Tone: ToneBad})
		}
	}
	st.AddAs.Index = -1
	barsY := st.AddAs.Rect.Bottom() + 2*ui.Gap
	L.PadBars = ui.Rect{X: sin.X, Y: barsY, W: sin.W, H: math.Min(180, sin.Bottom()-barsY)}

	resized := fitRaster(&s.PadPix, L.PadRect, s.scale)
	if resized || s.padPixVer != s.Pad.Version() {
		img := s.PadPix.Img
		plot.ScaleGray(img, img.Rect, s.Pad.Pix, s.Pad.N, s.Pad.N, plot.GrayInverted, plot.Norm{Min: 0, Max: 1})
		s.PadPix.Touch()
		s.padPixVer = s.Pad.Version()
		s.SeePix.Fit(pad.Side, pad.Side)
		s.PadX = pad.MNIST(s.PadX, s.Pad.Pix, s.Pad.N)
		renderDigit(s.SeePix.Img, s.PadX, pad.Side, 1)
		s.SeePix.Touch()
	}
	return act
}

// padChrome is the height the pad's panel adds to the pad: its title, the
// controls under it.
func padChrome() float64 { return 2*ui.Pad + ui.LabelH + 6 + ui.RowH + ui.Gap }

// On a page: the pad's side in a column w wide with h of the first
// screen left for the view, the heights of the network's view and of My
// digits.
func padPageSide(w, h float64) float64 { return min(360, ui.PageSide(w-2*ui.Pad, h-padChrome())) }

const (
	seePageH  = 380.0
	minePageH = 330.0
)

// drawPageH is the Draw view's height on a page w wide, h of its first
// screen left for the view.
func drawPageH(w, h float64) float64 {
	return padPageSide(w, h) + padChrome() + seePageH + minePageH + 2*ui.Gap
}

// updatePadPrediction runs the model on the drawing when the drawing or
// the model changed (the model copy changes with the weights the worker
// sends while training: the prediction follows the learning).
func (s *Scene) updatePadPrediction() {
	if s.model == nil || s.Pad.Empty() {
		s.PadP = s.PadP[:0]
		return
	}
	if s.padVer == s.Pad.Version() && s.padModel == s.gen && len(s.PadP) > 0 {
		return
	}
	s.PadX = pad.MNIST(s.PadX, s.Pad.Pix, s.Pad.N)
	s.PadP = s.predict(s.PadP, s.padIn, s.PadX)
	s.padVer, s.padModel = s.Pad.Version(), s.gen
}
