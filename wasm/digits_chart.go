//go:build js && wasm

package main

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/digitsview"
	"digitlab/plot"
	"digitlab/ui"
)

// chartView is one laid-out chart: the model, its layout and where it goes.
type chartView struct {
	panel ui.Rect // the white card
	plot  ui.Rect // the plotting area inside the axes
	title string
	ch    digitsview.Chart
	lay   plot.ChartLayout
}

// layoutChart computes the chart's geometry in panel (logical pixels).
func layoutChart(panel ui.Rect, title string, ch digitsview.Chart) chartView {
	in := panelContent(panel, title)
	_, in = in.CutLeft(44, 0)   // y tick labels
	_, in = in.CutBottom(34, 0) // x tick labels and the x title
	in, _ = in.CutTop(in.H, 0)  // (keeps the rest)
	_, in = in.CutTop(16, 2)    // legend line
	in, _ = in.CutRight(in.W-8, 0)
	return chartView{panel: panel, plot: in, title: title, ch: ch, lay: ch.LineChart.Layout()}
}

// chartKey identifies what drawChartFrame draws (for the chrome cache).
func chartKey(cv *chartView) string {
	return fmt.Sprint(cv.panel, cv.plot, cv.title, cv.lay.World, cv.lay.XTicks, cv.lay.YTicks, cv.ch.Baseline, cv.ch.BaselineLabel, cv.lay.Empty)
}

// drawChartFrame draws what changes rarely: the card, grid, ticks, axis
// titles, the dashed baseline and the legend.
func drawChartFrame(dst *ebiten.Image, cv *chartView) {
	drawPanel(dst, cv.panel, cv.title)
	p, l := cv.plot, cv.lay
	if p.W < 20 || p.H < 20 {
		return
	}
	v := plot.NewViewport(l.World, plot.Rect{X0: p.X, Y0: p.Y, X1: p.Right(), Y1: p.Bottom()})
	grid := color.RGBA{0xec, 0xee, 0xf2, 0xff}
	var gp pathBuilder
	for _, t := range l.YTicks {
		_, y := v.ToPixel(l.World.X0, t.Value)
		if y < p.Y-0.5 || y > p.Bottom()+0.5 {
			continue
		}
		gp.seg(p.X, y, p.Right(), y)
		drawText(dst, t.Label, p.X-6, y-lineHeight(sizeSmall)/2+1, sizeSmall, FontRegular, colMuted, AlignEnd)
	}
	for _, t := range l.XTicks {
		x, _ := v.ToPixel(t.Value, l.World.Y0)
		if x < p.X-0.5 || x > p.Right()+0.5 {
			continue
		}
		gp.seg(x, p.Y, x, p.Bottom())
		drawText(dst, t.Label, x, p.Bottom()+4, sizeSmall, FontRegular, colMuted, AlignCenter)
	}
	gp.stroke(dst, 1, grid)
	fillRect(dst, ui.Rect{X: p.X, Y: p.Bottom() - 0.5, W: p.W, H: 1}, colBorder)
	fillRect(dst, ui.Rect{X: p.X - 0.5, Y: p.Y, W: 1, H: p.H}, colBorder)
	drawText(dst, cv.ch.XTitle, p.X+p.W/2, p.Bottom()+4+lineHeight(sizeSmall), sizeSmall, FontRegular, colMuted, AlignCenter)

	// The dashed baseline with its label at the right end.
	if b := cv.ch.Baseline; b >= l.World.Y0 && b <= l.World.Y1 {
		_, y := v.ToPixel(l.World.X0, b)
		var bp pathBuilder
		for x := p.X; x < p.Right(); x += 10 {
			bp.seg(x, y, math.Min(x+5, p.Right()), y)
		}
		bp.stroke(dst, 1.2, digitsview.BaselineColor)
		ty := y - lineHeight(sizeSmall) - 1
		if ty < p.Y {
			ty = y + 2
		}
		tw := textWidth(cv.ch.BaselineLabel, sizeSmall, FontRegular)
		fillRect(dst, ui.Rect{X: p.Right() - 8 - tw, Y: ty, W: tw + 6, H: lineHeight(sizeSmall)}, colPanel)
		drawText(dst, cv.ch.BaselineLabel, p.Right()-5, ty, sizeSmall, FontRegular, colMuted, AlignEnd)
	}

	if l.Empty {
		textIn(dst, "no data yet: press Start", p, sizeBody, FontRegular, colMuted, AlignCenter)
	}

	// Legend above the plot, right-aligned.
	x := p.Right()
	y := p.Y - 18
	for i := len(cv.ch.Series) - 1; i >= 0; i-- {
		s := cv.ch.Series[i]
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
func drawChartData(dst *ebiten.Image, cv *chartView) {
	p, l := cv.plot, cv.lay
	if p.W < 20 || p.H < 20 {
		return
	}
	v := plot.NewViewport(l.World, plot.Rect{X0: p.X, Y0: p.Y, X1: p.Right(), Y1: p.Bottom()})
	for i, s := range l.Series {
		w := 1.6
		if i == 1 {
			w = 2
		}
		var sp, dots pathBuilder
		for _, line := range s.Lines {
			for _, seg := range digitsview.Clip(line, l.World) {
				sp.seg(v.SegmentToPixel(seg))
			}
			if i == 1 { // test points: dots (a single point has no segment)
				for _, pt := range line {
					if l.World.Contains(pt.X, pt.Y) {
						x, y := v.ToPixel(pt.X, pt.Y)
						dots.dot(x, y, 2.5)
					}
				}
			}
		}
		sp.stroke(dst, w, s.Color)
		dots.fill(dst, s.Color)
	}
}

// pathBuilder collects many line segments (or dots) into one vector.Path,
// so that a chart's series is one draw call: stroking each segment on its
// own is several times slower in software GL. Coordinates are logical.
type pathBuilder struct {
	p            vector.Path
	n            int
	lastX, lastY float64
}

// seg adds the segment (x0,y0)–(x1,y1), continuing the current subpath
// when it starts where the last segment ended.
func (b *pathBuilder) seg(x0, y0, x1, y1 float64) {
	if b.n == 0 || x0 != b.lastX || y0 != b.lastY {
		b.p.MoveTo(px(x0), px(y0))
	}
	b.p.LineTo(px(x1), px(y1))
	b.lastX, b.lastY = x1, y1
	b.n++
}

// dot adds a disc of radius r around (x, y).
func (b *pathBuilder) dot(x, y, r float64) {
	b.p.MoveTo(px(x+r), px(y))
	b.p.Arc(px(x), px(y), px(r), 0, 2*math.Pi, vector.Clockwise)
	b.p.Close()
	b.n++
}

// stroke draws the segments w logical pixels wide.
func (b *pathBuilder) stroke(dst *ebiten.Image, w float64, c color.Color) {
	if b.n == 0 {
		return
	}
	op := &vector.StrokeOptions{Width: px(w), LineJoin: vector.LineJoinBevel}
	pathVerts, pathIdx = b.p.AppendVerticesAndIndicesForStroke(pathVerts[:0], pathIdx[:0], op)
	drawPath(dst, c)
}

// fill fills the dots.
func (b *pathBuilder) fill(dst *ebiten.Image, c color.Color) {
	if b.n == 0 {
		return
	}
	pathVerts, pathIdx = b.p.AppendVerticesAndIndicesForFilling(pathVerts[:0], pathIdx[:0])
	drawPath(dst, c)
}
