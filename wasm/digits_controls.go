//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/digitsview"
	"digitlab/ui"
)

// drawControls draws the sidebar as the model laid it out.
func (d *digitsScene) drawControls(screen *ebiten.Image) {
	u, m := &d.m.UI, d.m
	drawPanel(screen, m.L.Controls, "Training")
	drawChoice(screen, &u.Task)
	drawChoice(screen, &u.Model)
	drawChoice(screen, &u.Opt)
	drawSlider(screen, &u.LR)
	drawSliderText(screen, &u.Anneal, digitsview.AnnealText(u.Anneal.Value))
	drawSliderText(screen, &u.Batch, digitsview.BatchText(int(u.Batch.Value)))
	drawSliderText(screen, &u.TrainN, digitsview.TrainNText(int(u.TrainN.Value)))
	drawSlider(screen, &u.Noise)
	drawToggle(screen, &u.Raw)
	drawButton(screen, &u.Seed)
	drawPrimaryButton(screen, &u.Start)
	drawButton(screen, &u.Step)
	drawButton(screen, &u.Reset)
	drawButton(screen, &u.Save)
	drawButton(screen, &u.Load)
	// Under the buttons: what the preset is and where it comes from.
	y := u.NoteY
	for _, l := range u.Note {
		if y+ui.LineHeight(sizeSmall) > u.NoteBottom {
			break
		}
		drawText(screen, l, m.L.Controls.X+ui.Pad, y, sizeSmall, FontRegular, colMuted, AlignStart)
		y += ui.LineHeight(sizeSmall)
	}
}

// drawSliderText is drawSlider with the value shown as text (for sliders
// whose values have names: "full", "all", "off").
func drawSliderText(dst *ebiten.Image, s *ui.Slider, text string) {
	lbl, _ := s.Rect.CutTop(ui.LabelH, 0)
	drawSliderTrack(dst, s)
	drawText(dst, s.Label, lbl.X, lbl.Y+1, sizeSmall+1, FontRegular, colMuted, AlignStart)
	drawText(dst, text, lbl.Right(), lbl.Y+1, sizeSmall+1, FontBold, colText, AlignEnd)
}

// drawSliderTrack draws a slider's track and knob (drawSlider without the
// label line).
func drawSliderTrack(dst *ebiten.Image, s *ui.Slider) {
	t := s.Track()
	cy := t.Y + t.H/2
	if s.Hovered() && !s.Disabled {
		fillRoundRect(dst, ui.Rect{X: s.Rect.X, Y: t.Y, W: s.Rect.W, H: t.H}, corner, colHover)
	}
	fillRoundRect(dst, ui.Rect{X: t.X, Y: cy - 2, W: t.W, H: 4}, 2, colTrack)
	kx := s.KnobX()
	fillRoundRect(dst, ui.Rect{X: t.X, Y: cy - 2, W: kx - t.X, H: 4}, 2, colAccent)
	r := 7.0
	if s.Dragging() {
		r = 8.5
	}
	fillCircle(dst, kx, cy, r, colAccent)
	fillCircle(dst, kx, cy, r-2.5, colPanel)
}
