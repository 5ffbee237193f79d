//go:build js && wasm

package main

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/nn"
	"digitlab/pad"
	"digitlab/plot"
	"digitlab/ui"
)

const (
	padTitle = "Draw a digit (mouse or finger)"
	seeTitle = "What the network sees"
)

// layoutDraw places the drawing pad and the network's view of it, and
// turns pointer drags on the pad into strokes.
func (d *digitsScene) layoutDraw(r ui.Rect, in *ui.Input) {
	u := &d.ui
	// The pad is the largest square that leaves the right panel 300 wide;
	// its panel is just tall enough for it, its title and the controls.
	chrome := 2*ui.Pad + ui.LabelH + 6 + ui.RowH + ui.Gap
	side := math.Max(120, math.Min(r.W-300-ui.Gap-4-2*ui.Pad, r.H-chrome))
	left, right := r.CutLeft(side+2*ui.Pad, ui.Gap+4)
	left.H = math.Min(left.H, side+chrome)
	right.H = left.H
	u.padPanel, u.seePanel = left, right
	pin := ui.PanelContent(left, padTitle)
	ctl, pin := pin.CutBottom(ui.RowH, ui.Gap)
	side = math.Min(pin.W, pin.H)
	u.padRect = ui.Rect{X: pin.X + (pin.W-side)/2, Y: pin.Y, W: side, H: side}
	u.clear.Rect, u.see.Rect = ctl.CutLeft(80, ui.Gap)

	if u.clear.Update(in) {
		d.pad.Clear()
	}
	u.see.Update(in)

	// Strokes: press on the pad starts one, dragging extends it.
	pr := u.padRect
	toPad := func() (float64, float64) { return (in.X - pr.X) / pr.W, (in.Y - pr.Y) / pr.H }
	if in.PressedIn(pr) {
		in.Consume()
		in.Capture(d.pad)
		d.pad.Begin(toPad())
	}
	if in.Captured(d.pad) {
		if in.Down || in.Released {
			d.pad.LineTo(toPad())
		}
		if in.Released || !in.Down {
			d.pad.End()
			in.Release(d.pad)
		}
	}
	if in.Hover(pr) && d.pad.Empty() {
		in.OfferTip(pr, "Draw a digit here; the network's answer updates as you draw")
	}

	sin := ui.PanelContent(right, seeTitle)
	u.seeRect = ui.Rect{X: sin.X, Y: sin.Y, W: 168, H: 168}
	u.padInfo = ui.Rect{X: u.seeRect.Right() + 2*ui.Gap, Y: sin.Y, W: sin.Right() - u.seeRect.Right() - 2*ui.Gap, H: 168}
	u.padBars = ui.Rect{X: sin.X, Y: u.seeRect.Bottom() + 3*ui.Gap, W: sin.W, H: math.Min(180, sin.Bottom()-u.seeRect.Bottom()-3*ui.Gap)}

	// Pictures: the pad at one image pixel per device pixel, the 28×28 small.
	resized := u.padPix.Fit(u.padRect)
	if resized || u.padVer != d.pad.Version() {
		img := u.padPix.RGBA()
		plot.ScaleGray(img, img.Rect, d.pad.Pix, d.pad.N, d.pad.N, plot.GrayInverted, plot.Norm{Min: 0, Max: 1})
		u.padPix.Upload()
		u.padVer = d.pad.Version()
		u.seePix.SetSize(pad.Side, pad.Side)
		x := pad.MNIST(d.padX, d.pad.Pix, d.pad.N)
		d.padX = x
		renderDigit(u.seePix.RGBA(), x, pad.Side, 1)
		u.seePix.Upload()
	}
}

// updatePadPrediction runs the model on the drawing when the drawing or
// the model changed (every frame while training, so it follows the
// learning).
func (d *digitsScene) updatePadPrediction() {
	if d.model == nil || d.pad.Empty() {
		d.padP = d.padP[:0]
		return
	}
	// The model copy changes with the weights the worker sends (twice a
	// second while training): the prediction follows the learning.
	if d.padVer == d.pad.Version() && d.padModel == d.gen && len(d.padP) > 0 {
		return
	}
	d.padX = pad.MNIST(d.padX, d.pad.Pix, d.pad.N)
	d.padP = d.predict(d.padP, d.padIn, d.padX)
	d.padVer, d.padModel = d.pad.Version(), d.gen
}

func (d *digitsScene) drawPad(screen *ebiten.Image) {
	u := &d.ui
	if u.see.On {
		u.seePix.Draw(screen, u.padRect)
	} else {
		u.padPix.Draw(screen, u.padRect)
	}
	strokeRect(screen, u.padRect.Inset(-1), 1, colBorder)
	if d.pad.Empty() {
		textIn(screen, "draw here", u.padRect, sizeTitle, FontRegular, colTrack, AlignCenter)
	}
	u.seePix.Draw(screen, u.seeRect)
	strokeRect(screen, u.seeRect.Inset(-1), 1, colBorder)
	info := u.padInfo
	y := info.Y
	line := func(s string, size float64, f Font, c color.Color) {
		for _, l := range ui.Wrap(s, info.W, size) {
			drawText(screen, l, info.X, y, size, f, c, AlignStart)
			y += ui.LineHeight(size)
		}
	}
	switch {
	case d.model == nil:
		line(d.waitText(), sizeBody, FontRegular, colMuted)
	case !d.pad.Empty() && len(d.padP) > 0 && !finiteProbs(d.padP):
		line("The network outputs NaN: training diverged. Lower η and press Reset.", sizeBody, FontRegular, colBad)
	case d.pad.Empty() || len(d.padP) == 0:
		line("Draw a digit on the left. It is scaled into a 20x20 box and centred by its centre of mass in 28x28, as MNIST's digits were.", sizeBody, FontRegular, colMuted)
	default:
		k := nn.Argmax(d.padP)
		line(fmt.Sprintf("It's a %s", d.className(k)), 28, FontBold, colBarPred)
		y += 4
		line(fmt.Sprintf("p = %.3f", d.padP[k]), sizeBody, FontRegular, colText)
		y += 8
		line(fmt.Sprintf("model %s, weights of step %d", d.snap.Config.Model, d.modelStep), sizeSmall, FontRegular, colMuted)
		if d.cfg.Task == "4v9" {
			line("This model only knows 4 and 9.", sizeSmall, FontRegular, colMuted)
		}
	}
	if len(d.padP) > 0 && !d.pad.Empty() {
		d.drawBars(screen, u.padBars, d.padP, -1)
	}
}
