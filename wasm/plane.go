//go:build js && wasm

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/plot"
	"digitlab/ui"
)

// The drawing helpers of the two plane scenes, Landscape and Descent: a
// plot of the plane with ticks, a usage hint and arrows.

// devRect converts a logical rectangle to a plot.Rect in device pixels.
func devRect(r ui.Rect) plot.Rect { return plot.DeviceRect(r.X, r.Y, r.W, r.H, Scale()) }

// drawPlaneHint writes a short usage hint in the bottom-right corner of r.
func drawPlaneHint(dst *ebiten.Image, r ui.Rect, s string) {
	w := textWidth(s, sizeSmall, FontRegular) + 16
	b := ui.Rect{X: r.Right() - w - 4, Y: r.Bottom() - 20, W: w, H: 16}
	fillRoundRect(dst, b, 3, color.RGBA{255, 255, 255, 210})
	drawText(dst, s, b.X+4, b.Y+1, sizeSmall, FontRegular, colMuted, AlignStart)
}

// drawPlaneAxes draws nice ticks of vp's world below and left of r (logical).
func drawPlaneAxes(dst *ebiten.Image, vp plot.Viewport, r ui.Rect, xName, yName string) {
	w := vp.World
	for _, t := range plot.Ticks(w.X0, w.X1, 6) {
		px, _ := vp.ToPixel(t.Value, w.Y0)
		x := px / Scale()
		strokeLine(dst, x, r.Bottom(), x, r.Bottom()+4, 1, colMuted)
		drawText(dst, t.Label, x, r.Bottom()+4, sizeSmall, FontRegular, colMuted, AlignCenter)
	}
	for _, t := range plot.Ticks(w.Y0, w.Y1, 6) {
		_, py := vp.ToPixel(w.X0, t.Value)
		y := py / Scale()
		strokeLine(dst, r.X-4, y, r.X, y, 1, colMuted)
		drawText(dst, t.Label, r.X-6, y-7, sizeSmall, FontRegular, colMuted, AlignEnd)
	}
	if xName != "" {
		drawText(dst, xName, r.Right()-2, r.Bottom()-16, sizeSmall, FontBold, colMuted, AlignEnd)
		drawText(dst, yName, r.X+4, r.Y+2, sizeSmall, FontBold, colMuted, AlignStart)
	}
}

// drawArrow strokes an arrow in device pixels from (x0,y0) to (x1,y1).
func drawArrow(dst *ebiten.Image, x0, y0, x1, y1 float64, c color.Color) {
	s := Scale()
	vector.StrokeLine(dst, float32(x0), float32(y0), float32(x1), float32(y1), float32(2.5*s), c, true)
	l := math.Hypot(x1-x0, y1-y0)
	if l < 1 {
		return
	}
	ux, uy := (x1-x0)/l, (y1-y0)/l
	h := math.Min(10*s, l/2)
	for _, a := range []float64{0.45, -0.45} {
		ca, sa := math.Cos(a), math.Sin(a)
		hx := x1 - h*(ux*ca-uy*sa)
		hy := y1 - h*(ux*sa+uy*ca)
		vector.StrokeLine(dst, float32(x1), float32(y1), float32(hx), float32(hy), float32(2.5*s), c, true)
	}
}
