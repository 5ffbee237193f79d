//go:build js && wasm

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

// Drawing of the ui widgets. A scene keeps the widgets (state lives in
// package ui), lays them out and calls their Update in its Update, and calls
// these in its Draw. None of them changes the widget.

const corner = paint.Corner

// drawButton draws b: outlined, filled when hovered or held, greyed when
// disabled.
func drawButton(dst *ebiten.Image, b *ui.Button) {
	bg, fg := colPanel, colText
	switch {
	case b.Disabled:
		fg = colDisabled
	case b.Held():
		bg = colPressed
	case b.Hovered():
		bg = colHover
	}
	fillRoundRect(dst, b.Rect, corner, bg)
	border := colBorder
	if b.Hovered() && !b.Disabled {
		border = colAccent
	}
	strokeRoundRect(dst, b.Rect, corner, 1, border)
	textIn(dst, b.Label, b.Rect, sizeBody, FontRegular, fg, AlignCenter)
}

// drawPrimaryButton draws b as the main action of a panel (filled accent).
func drawPrimaryButton(dst *ebiten.Image, b *ui.Button) {
	bg := colAccent
	switch {
	case b.Disabled:
		bg = colDisabled
	case b.Held():
		bg = darker(colAccent, 0.75)
	case b.Hovered():
		bg = darker(colAccent, 0.88)
	}
	fillRoundRect(dst, b.Rect, corner, bg)
	textIn(dst, b.Label, b.Rect, sizeBody, FontBold, colPanel, AlignCenter)
}

// drawToggle draws a switch on the left of t.Rect and the label right of it.
func drawToggle(dst *ebiten.Image, t *ui.Toggle) {
	if t.Hovered() && !t.Disabled {
		fillRoundRect(dst, t.Rect, corner, colHover)
	}
	sw := ui.Rect{X: t.Rect.X + 4, Y: t.Rect.Y + (t.Rect.H-18)/2, W: 32, H: 18}
	track := colTrack
	if t.On {
		track = colAccent
	}
	if t.Disabled {
		track = colDisabled
	}
	fillRoundRect(dst, sw, 9, track)
	kx := sw.X + 9
	if t.On {
		kx = sw.Right() - 9
	}
	fillDisc(dst, kx, sw.Y+9, 7, colPanel)
	fg := colText
	if t.Disabled {
		fg = colDisabled
	}
	_, lr := t.Rect.CutLeft(36, 0)
	textIn(dst, t.Label, lr, sizeBody, FontRegular, fg, AlignStart)
}

// drawSlider draws the label line (label left, value right) and the track
// with its filled part and knob.
func drawSlider(dst *ebiten.Image, s *ui.Slider) {
	lbl, _ := s.Rect.CutTop(ui.LabelH, 0)
	fg, val := colMuted, colText
	if s.Disabled {
		fg, val = colDisabled, colDisabled
	}
	drawText(dst, s.Label, lbl.X, lbl.Y+1, sizeSmall+1, FontRegular, fg, AlignStart)
	drawText(dst, s.Text(), lbl.Right(), lbl.Y+1, sizeSmall+1, FontBold, val, AlignEnd)
	t := s.Track()
	cy := t.Y + t.H/2
	if s.Hovered() && !s.Disabled {
		fillRoundRect(dst, ui.Rect{X: s.Rect.X, Y: t.Y, W: s.Rect.W, H: t.H}, corner, colHover)
	}
	fillRoundRect(dst, ui.Rect{X: t.X, Y: cy - 2, W: t.W, H: 4}, 2, colTrack)
	kx := s.KnobX()
	acc := colAccent
	if s.Disabled {
		acc = colDisabled
	}
	fillRoundRect(dst, ui.Rect{X: t.X, Y: cy - 2, W: kx - t.X, H: 4}, 2, acc)
	r := 7.0
	if s.Dragging() {
		r = 8.5
	}
	fillDisc(dst, kx, cy, r, acc)
	fillDisc(dst, kx, cy, r-2.5, colPanel)
}

// drawChoice draws the label line (if any) and the segmented options.
func drawChoice(dst *ebiten.Image, c *ui.Choice) {
	if c.Label != "" {
		lbl, _ := c.Rect.CutTop(ui.LabelH, 0)
		fg := colMuted
		if c.Disabled {
			fg = colDisabled
		}
		drawText(dst, c.Label, lbl.X, lbl.Y+1, sizeSmall+1, FontRegular, fg, AlignStart)
	}
	segs := c.Segments()
	if len(segs) == 0 {
		return
	}
	last := segs[len(segs)-1] // (the options may take rows: Choice.Rows)
	all := ui.Rect{X: segs[0].X, Y: segs[0].Y, W: max(last.Right(), segs[0].X+c.Rect.W) - segs[0].X, H: last.Bottom() - segs[0].Y}
	all.W = min(all.W, c.Rect.Right()-all.X)
	fillRoundRect(dst, all, corner, colPanel)
	for i, seg := range segs {
		fg := colText
		switch {
		case i == c.Index:
			bg := colAccent
			if c.Disabled {
				bg = colDisabled
			}
			fillRoundRect(dst, seg.Inset(2), corner-1, bg)
			fg = colPanel
		case c.Disabled:
			fg = colDisabled
		case i == c.Hovered():
			fillRoundRect(dst, seg.Inset(2), corner-1, colHover)
		}
		if i > 0 && i != c.Index && i-1 != c.Index && seg.Y == segs[i-1].Y {
			fillRect(dst, ui.Rect{X: seg.X, Y: seg.Y + 6, W: 1, H: seg.H - 12}, colBorder)
		}
		size := sizeBody
		if c.Small {
			size = sizeSmall
		}
		textIn(dst, c.Options[i], seg, size, FontRegular, fg, AlignCenter)
	}
	strokeRoundRect(dst, all, corner, 1, colBorder)
}

// drawTabs draws the scene tabs along the top of the window.
func drawTabs(dst *ebiten.Image, t *ui.Tabs) {
	segs := t.Segments()
	for i, seg := range segs {
		switch {
		case i == t.Index:
			fillRect(dst, seg, colBg)
			fillRect(dst, ui.Rect{X: seg.X, Y: seg.Bottom() - 3, W: seg.W, H: 3}, colAccent)
			textIn(dst, t.Options[i], seg, sizeBody+1, FontBold, colText, AlignCenter)
		case i == t.Hovered():
			fillRect(dst, seg, colHover)
			textIn(dst, t.Options[i], seg, sizeBody+1, FontRegular, colText, AlignCenter)
		default:
			textIn(dst, t.Options[i], seg, sizeBody+1, FontRegular, colMuted, AlignCenter)
		}
	}
}

// drawPanel draws a white panel with a border and, if title is not empty,
// a title line; it returns the content rectangle inside the padding.
func drawPanel(dst *ebiten.Image, r ui.Rect, title string) ui.Rect {
	fillRoundRect(dst, r, corner, colPanel)
	strokeRoundRect(dst, r, corner, 1, colBorder)
	if title != "" {
		in := r.Inset(ui.Pad)
		drawText(dst, title, in.X, in.Y, sizeBody, FontBold, colText, AlignStart)
	}
	return ui.PanelContent(r, title)
}

// drawTooltip draws text in a dark box placed next to the control at at,
// wrapped to at most 320 logical pixels, kept inside screen.
func drawTooltip(dst *ebiten.Image, tip string, at, screen ui.Rect) {
	lines := ui.Wrap(tip, 320, sizeSmall+1)
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, sizeSmall+1, FontRegular))
	}
	lh := ui.LineHeight(sizeSmall + 1)
	box := ui.Place(at, w+2*ui.Pad, float64(len(lines))*lh+2*ui.Pad-2, screen)
	fillRoundRect(dst, box, corner, colTipBg)
	for i, l := range lines {
		drawText(dst, l, box.X+ui.Pad, box.Y+ui.Pad-1+float64(i)*lh, sizeSmall+1, FontRegular, colTipText, AlignStart)
	}
}

// darker scales c's colour channels by f (0..1).
func darker(c color.RGBA, f float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), c.A}
}
