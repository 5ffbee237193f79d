package digitsview

import (
	"image/color"
	"math"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// gridColor is the charts' grid.
var gridColor = color.RGBA{0xec, 0xee, 0xf2, 0xff}

// deviceViewport maps the world onto the plot rectangle p in device
// pixels (scale per logical pixel), as the list's world lines want.
func deviceViewport(world plot.Rect, p ui.Rect, scale float64) plot.Viewport {
	d := p.Scaled(scale)
	return plot.NewViewport(world, plot.PixelRect(d.X, d.Y, d.W, d.H))
}

// paintChartFrame draws what changes rarely of chart i (0 loss, 1
// accuracy): the card, grid, ticks, axis titles, the dashed baseline and
// the legend. The grid and the baseline are aliased (cheap in software
// GL, and they are horizontal and vertical lines).
func (s *Scene) paintChartFrame(l *paint.List, cv *ChartView, scale float64, i int) {
	if !cv.Chart.NoPanel {
		l.Panel(cv.Panel, cv.Title)
	}
	p, w := cv.Plot, cv.Lay.World
	if p.W < 20 || p.H < 20 {
		return
	}
	// Its axes' ticks and titles and its series' key explain it.
	l.Picture(cv.Title, p)
	l.Legend(cv.Title, ui.Rect{X: p.X - 40, Y: p.Y, W: p.W + 40, H: p.H + 2*ui.LineHeight(ui.SmallSize) + 4})
	v := plot.NewViewport(w, plot.Rect{X0: p.X, Y0: p.Y, X1: p.Right(), Y1: p.Bottom()})
	dv := deviceViewport(w, p, scale)
	small := ui.LineHeight(ui.SmallSize)
	grid := s.pl.grid[i][:0]
	for _, t := range cv.Lay.YTicks {
		_, y := v.ToPixel(w.X0, t.Value)
		if y < p.Y-0.5 || y > p.Bottom()+0.5 {
			continue
		}
		grid = append(grid, plot.Segment{X0: w.X0, Y0: t.Value, X1: w.X1, Y1: t.Value})
		l.Text(t.Label, p.X-6, y-small/2+1, ui.SmallSize, paint.Regular, paint.Muted, paint.End)
	}
	for _, t := range cv.Lay.XTicks {
		x, _ := v.ToPixel(t.Value, w.Y0)
		if x < p.X-0.5 || x > p.Right()+0.5 {
			continue
		}
		grid = append(grid, plot.Segment{X0: t.Value, Y0: w.Y1, X1: t.Value, Y1: w.Y0})
		l.Text(t.Label, x, p.Bottom()+4, ui.SmallSize, paint.Regular, paint.Muted, paint.Center)
	}
	s.pl.grid[i] = grid
	l.Segs(dv, grid, 1, gridColor, true)
	l.Fill(ui.Rect{X: p.X, Y: p.Bottom() - 0.5, W: p.W, H: 1}, paint.Border)
	l.Fill(ui.Rect{X: p.X - 0.5, Y: p.Y, W: 1, H: p.H}, paint.Border)
	l.Text(cv.Chart.XTitle, p.X+p.W/2, p.Bottom()+4+small, ui.SmallSize, paint.Regular, paint.Muted, paint.Center)

	// The dashed baseline with its label at the right end.
	if b := cv.Chart.Baseline; b >= w.Y0 && b <= w.Y1 {
		_, y := v.ToPixel(w.X0, b)
		dash := s.pl.dash[i][:0]
		for x := p.X; x < p.Right(); x += 10 {
			x0, _ := v.ToWorld(x, y)
			x1, _ := v.ToWorld(math.Min(x+5, p.Right()), y)
			dash = append(dash, plot.Segment{X0: x0, Y0: b, X1: x1, Y1: b})
		}
		s.pl.dash[i] = dash
		l.Segs(dv, dash, 1.2, BaselineColor, true)
		ty := y - small - 1
		if ty < p.Y {
			ty = y + 2
		}
		label := cv.Chart.BaselineLabel
		tw := paint.Measure(label, ui.SmallSize, paint.Regular)
		l.Fill(ui.Rect{X: p.Right() - 8 - tw, Y: ty, W: tw + 6, H: small}, paint.Card)
		l.Text(label, p.Right()-5, ty, ui.SmallSize, paint.Regular, paint.Muted, paint.End)
	}

	if cv.Lay.Empty {
		l.TextIn(s.EmptyChartText(), p, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
	}

	// Legend above the plot, right-aligned.
	x, y := p.Right(), p.Y-18
	for i := len(cv.Chart.Series) - 1; i >= 0; i-- {
		sr := &cv.Chart.Series[i]
		if sr.Name == "" {
			continue
		}
		x -= paint.Measure(sr.Name, ui.SmallSize, paint.Regular)
		l.Text(sr.Name, x, y+1, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
		x -= 20
		l.Fill(ui.Rect{X: x, Y: y + 7, W: 14, H: 2.5}, sr.Color)
		x -= 12
	}
	if n := cv.Chart.Note; n != "" && x-paint.Measure(n, ui.SmallSize, paint.Regular) > p.X-40 {
		l.Text(n, x, y+1, ui.SmallSize, paint.Regular, paint.Muted, paint.End)
	}
}

// paintChartData draws chart i's series (clipped to the range; NaN never
// drawn), each as one aliased path (anti-aliased strokes cost the page
// two thirds of its frame rate while training in software GL), with the
// test points as dots.
func (s *Scene) paintChartData(l *paint.List, cv *ChartView, scale float64, i int) {
	p, lay := cv.Plot, cv.Lay
	if p.W < 20 || p.H < 20 {
		return
	}
	dv := deviceViewport(lay.World, p, scale)
	for len(s.pl.segs[i]) < len(lay.Series) {
		s.pl.segs[i] = append(s.pl.segs[i], nil)
		s.pl.dots[i] = append(s.pl.dots[i], nil)
	}
	for j, sr := range lay.Series {
		w, dotted := 1.6, j == 1 && !cv.Chart.NoDots
		if j == 1 {
			w = 2
		}
		if j < len(cv.Chart.Styles) {
			w, dotted = cv.Chart.Styles[j].Width, cv.Chart.Styles[j].Dots
		}
		segs := s.pl.segs[i][j][:0]
		for _, line := range sr.Lines {
			for k := 1; k < len(line); k++ {
				sg := plot.Segment{X0: line[k-1].X, Y0: line[k-1].Y, X1: line[k].X, Y1: line[k].Y}
				if c, ok := plot.ClipSegment(sg, lay.World); ok {
					segs = append(segs, c)
				}
			}
		}
		s.pl.segs[i][j] = segs
		l.Segs(dv, segs, w, sr.Color, true)
		if dotted { // test points: dots (a single point has no segment)
			dots := s.pl.dots[i][j][:0]
			for _, line := range sr.Lines {
				for _, pt := range line {
					if lay.World.Contains(pt.X, pt.Y) {
						dots = append(dots, pt)
					}
				}
			}
			s.pl.dots[i][j] = dots
			l.Dots(dv, dots, 2.5, sr.Color, true)
		}
	}
}
