//go:build js && wasm

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/digitsview"
	"digitlab/plot"
	"digitlab/ui"
)

// drawChartFrame draws what changes rarely: the card, grid, ticks, axis
// titles, the dashed baseline and the legend.
func drawChartFrame(dst *ebiten.Image, cv *digitsview.ChartView) {
	drawPanel(dst, cv.Panel, cv.Title)
	p, l := cv.Plot, cv.Lay
	if p.W < 20 || p.H < 20 {
		return
	}
	v := plot.NewViewport(l.World, plot.Rect{X0: p.X, Y0: p.Y, X1: p.Right(), Y1: p.Bottom()})
	grid := color.RGBA{0xec, 0xee, 0xf2, 0xff}
	gp := scratch(aliased)
	for _, t := range l.YTicks {
		_, y := v.ToPixel(l.World.X0, t.Value)
		if y < p.Y-0.5 || y > p.Bottom()+0.5 {
			continue
		}
		gp.seg(p.X*dpr, y*dpr, p.Right()*dpr, y*dpr)
		drawText(dst, t.Label, p.X-6, y-ui.LineHeight(sizeSmall)/2+1, sizeSmall, FontRegular, colMuted, AlignEnd)
	}
	for _, t := range l.XTicks {
		x, _ := v.ToPixel(t.Value, l.World.Y0)
		if x < p.X-0.5 || x > p.Right()+0.5 {
			continue
		}
		gp.seg(x*dpr, p.Y*dpr, x*dpr, p.Bottom()*dpr)
		drawText(dst, t.Label, x, p.Bottom()+4, sizeSmall, FontRegular, colMuted, AlignCenter)
	}
	gp.stroke(px(1), grid)
	gp.draw(dst)
	fillRect(dst, ui.Rect{X: p.X, Y: p.Bottom() - 0.5, W: p.W, H: 1}, colBorder)
	fillRect(dst, ui.Rect{X: p.X - 0.5, Y: p.Y, W: 1, H: p.H}, colBorder)
	drawText(dst, cv.Chart.XTitle, p.X+p.W/2, p.Bottom()+4+ui.LineHeight(sizeSmall), sizeSmall, FontRegular, colMuted, AlignCenter)

	// The dashed baseline with its label at the right end.
	if b := cv.Chart.Baseline; b >= l.World.Y0 && b <= l.World.Y1 {
		_, y := v.ToPixel(l.World.X0, b)
		bp := scratch(aliased)
		for x := p.X; x < p.Right(); x += 10 {
			bp.seg(x*dpr, y*dpr, math.Min(x+5, p.Right())*dpr, y*dpr)
		}
		bp.stroke(px(1.2), digitsview.BaselineColor)
		bp.draw(dst)
		ty := y - ui.LineHeight(sizeSmall) - 1
		if ty < p.Y {
			ty = y + 2
		}
		tw := textWidth(cv.Chart.BaselineLabel, sizeSmall, FontRegular)
		fillRect(dst, ui.Rect{X: p.Right() - 8 - tw, Y: ty, W: tw + 6, H: ui.LineHeight(sizeSmall)}, colPanel)
		drawText(dst, cv.Chart.BaselineLabel, p.Right()-5, ty, sizeSmall, FontRegular, colMuted, AlignEnd)
	}

	if l.Empty {
		textIn(dst, "no data yet: press Start", p, sizeBody, FontRegular, colMuted, AlignCenter)
	}

	// Legend above the plot, right-aligned.
	x := p.Right()
	y := p.Y - 18
	for i := len(cv.Chart.Series) - 1; i >= 0; i-- {
		s := cv.Chart.Series[i]
		w := textWidth(s.Name, sizeSmall, FontRegular)
		x -= w
		drawText(dst, s.Name, x, y+1, sizeSmall, FontRegular, colText, AlignStart)
		x -= 20
		fillRect(dst, ui.Rect{X: x, Y: y + 7, W: 14, H: 2.5}, s.Color)
		x -= 12
	}
}

// drawChartData draws the series (clipped to the range; NaN never drawn)
// with the test points as dots, each series as one path.
func drawChartData(dst *ebiten.Image, cv *digitsview.ChartView) {
	p, l := cv.Plot, cv.Lay
	if p.W < 20 || p.H < 20 {
		return
	}
	d := p.Scaled(dpr)
	v := plot.NewViewport(l.World, plot.PixelRect(d.X, d.Y, d.W, d.H))
	b := scratch(aliased)
	for i, s := range l.Series {
		w := 1.6
		if i == 1 {
			w = 2
		}
		for _, line := range s.Lines {
			for _, seg := range digitsview.Clip(line, l.World) {
				b.seg(v.SegmentToPixel(seg))
			}
		}
		b.stroke(px(w), s.Color)
		if i == 1 { // test points: dots (a single point has no segment)
			for _, line := range s.Lines {
				for _, pt := range line {
					if l.World.Contains(pt.X, pt.Y) {
						x, y := v.ToPixel(pt.X, pt.Y)
						b.disc(x, y, 2.5*dpr)
					}
				}
			}
			b.fill(s.Color)
		}
	}
	b.draw(dst)
}
