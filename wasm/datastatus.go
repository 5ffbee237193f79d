//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
	"digitlab/scenes/digitsview"
)

// Data is the page's view of the data download, which the trainer worker
// does: scenes read it through ctx.Data; the app polls it every Update.
type Data = digitsview.Download

// DataStatusView is the "loading the data / download failed, Retry" panel a
// scene that needs the data sets shows in place of its content until
// ctx.Data.Ready(). Keep one in the scene; call Update in Update and Draw in
// Draw.
type DataStatusView struct {
	Rect  ui.Rect
	retry ui.Button
	state digitsview.LoadState
	text  string
	frac  float64
}

// Update lays the view out in r and handles its Retry button.
func (v *DataStatusView) Update(ctx *Context, r ui.Rect) {
	d := ctx.Data
	v.Rect, v.state, v.text, v.frac = r, d.State, d.ProgressText(), d.Fraction()
	ui.SetRetry(&v.retry, d.Stopped())
	cx, cy := r.Center()
	v.retry.Rect = ui.Rect{X: cx - 50, Y: cy + 24, W: 100, H: ui.RowH}
	if d.Failed() && v.retry.Update(ctx.In) {
		d.Retry()
	}
}

// Draw draws the progress bar with bytes of total, or the error and Retry.
func (v *DataStatusView) Draw(dst *ebiten.Image) {
	r := v.Rect
	cx, cy := r.Center()
	w := min(420, r.W-40)
	switch v.state {
	case digitsview.LoadReady:
		return
	case digitsview.LoadFailed:
		lines := ui.Wrap(v.text, w, sizeBody)
		y := cy - float64(len(lines))*ui.LineHeight(sizeBody) - 4
		for i, l := range lines {
			drawText(dst, l, cx, y+float64(i)*ui.LineHeight(sizeBody), sizeBody, FontRegular, colBad, AlignCenter)
		}
		drawPrimaryButton(dst, &v.retry)
	default:
		drawText(dst, v.text, cx, cy-28, sizeBody, FontRegular, colMuted, AlignCenter)
		track := ui.Rect{X: cx - w/2, Y: cy, W: w, H: 8}
		fillRoundRect(dst, track, 4, colTrack)
		track.W *= v.frac
		fillRoundRect(dst, track, 4, colAccent)
	}
}
