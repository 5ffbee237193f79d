//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/ui"
)

// drawPad draws the drawing pad (or what the network sees of it, large),
// the 28×28 small, the network's answer and its bars.
func (d *digitsScene) drawPad(screen *ebiten.Image) {
	m := d.m
	L := &m.L
	if m.UI.See.On {
		d.seePix.Show(screen, L.PadRect, &m.SeePix)
	} else {
		d.padPix.Show(screen, L.PadRect, &m.PadPix)
	}
	strokeRect(screen, L.PadRect.Inset(-1), 1, colBorder)
	if m.Pad.Empty() {
		textIn(screen, "draw here", L.PadRect, sizeTitle, FontRegular, colTrack, AlignCenter)
	}
	d.seePix.Show(screen, L.SeeRect, &m.SeePix)
	strokeRect(screen, L.SeeRect.Inset(-1), 1, colBorder)
	info := L.PadInfo
	y := info.Y
	for _, l := range m.PadLines() {
		y += l.Space
		for _, s := range ui.Wrap(l.Text, info.W, l.Size) {
			l.Text = s
			drawInfo(screen, l.Info, info.X, y, l.Size, AlignStart)
			y += ui.LineHeight(l.Size)
		}
	}
	if len(m.PadP) > 0 && !m.Pad.Empty() {
		d.drawBars(screen, L.PadBars, m.PadP, -1)
	}
}
