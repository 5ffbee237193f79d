package ring

import (
	"image/color"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The chart under the learned read-out (issue 16): the learned net's
// linear regions against the training step, with the held-out accuracy on
// the same step axis and a scale of its own (right), so that students see
// the function keep changing after the decision boundary has settled.
// The series are the histories (history.go) as plot.LineCharts, laid out
// again only when the learned figures or the layout changed; each frame's
// list only points at them.

const (
	// ChartTitle is the chart's title, ChartXTitle its x axis's name and
	// ChartRegions, ChartAcc the names of its series (its legend).
	ChartTitle   = "linear regions vs training step"
	ChartXTitle  = "training step (update)"
	ChartRegions = "regions"
	ChartAcc     = "accuracy" // held-out, on the right axis

	// ChartH is the chart's height: the title line, the plot, its tick
	// labels and the x axis's name.
	ChartH = 126.0
	// chartL and chartR are the room left and right of the plot for the
	// region counts' and the accuracy's tick labels.
	chartL, chartR = 34.0, 36.0
)

var (
	colRegions = paint.Accent  // the region count's line
	colAcc     = paint.Accent2 // the accuracy's line and its tick labels
)

// accTicks are the accuracy's ticks on the right axis (0 is left out: its
// label would meet the last step's under the plot's corner), accRange its
// range: 100% a little under the plot's top, where the line would merge
// with the border.
var (
	accTicks = []plot.Tick{{Value: 0.5, Label: "50%"}, {Value: 1, Label: "100%"}}
	accRange = plot.Norm{Min: 0, Max: 1.06}
)

// historyChart is the chart laid out for one state of the histories.
type historyChart struct {
	key     chartKey
	Plot    ui.Rect          // the plot area in ChartR, logical pixels
	Regions plot.ChartLayout // the region counts: World is steps × counts
	Acc     plot.ChartLayout // the accuracy: the same steps × accRange
	regVP   plot.Viewport    // Regions.World onto Plot, device pixels
	accVP   plot.Viewport    // Acc.World onto Plot, device pixels
	last    [2][]plot.Point  // each series' latest point (a dot: a lone point has no line)
	rx, ry  []float64        // the region counts' coordinates
	ax, ay  []float64        // the accuracy's
	legend  bool             // the legend fits beside the title
}

type chartKey struct {
	gen, layout uint64
	scale       float64
}

// chartRect is where the chart goes: the bottom of the learned half's
// text area t, which it shortens.
func chartRect(t *ui.Rect) ui.Rect {
	r := ui.Rect{X: t.X, Y: t.Bottom() - ChartH, W: t.W, H: ChartH}
	t.H = max(0, t.H-ChartH-ui.Gap)
	return r
}

// updateChart lays the chart out again when the learned figures, the
// layout or the scale changed.
func (s *Scene) updateChart() {
	c := &s.chart
	key := chartKey{s.learnGen, s.layoutGen, s.viewScale()}
	if key == c.key {
		return
	}
	c.key = key
	// The title line (and the legend's, when it does not fit beside the
	// title) over the plot, 8 px for the top tick's label, the plot, the
	// tick labels and the x axis's name.
	lh := ui.LineHeight(ui.SmallSize)
	r := s.ChartR
	c.legend = paint.Measure(ChartTitle, ui.SmallSize, paint.Bold)+ui.Gap+legendW() <= r.W
	top := lh + 8
	if !c.legend {
		top += lh
	}
	c.Plot = ui.Rect{X: r.X + chartL, Y: r.Y + top, W: max(0, r.W-chartL-chartR), H: max(0, r.H-top-4-2*lh)}

	h, a := s.Regions.History, s.AccHistory
	c.rx, c.ry, c.ax, c.ay = c.rx[:0], c.ry[:0], c.ax[:0], c.ay[:0]
	last := 1.0 // the step axis: 0 to the latest step of either series
	for _, p := range h {
		c.rx, c.ry = append(c.rx, float64(p.Step)), append(c.ry, float64(p.Count))
		last = max(last, float64(p.Step))
	}
	for _, p := range a {
		c.ax, c.ay = append(c.ax, float64(p.Step)), append(c.ay, p.Acc)
		last = max(last, float64(p.Step))
	}
	steps := plot.Norm{Min: 0, Max: last}
	rc := plot.LineChart{Series: []plot.Series{{Name: ChartRegions, X: c.rx, Y: c.ry, Color: colRegions}},
		XFixed: steps, XMaxTicks: 4, YMaxTicks: 3}
	ac := plot.LineChart{Series: []plot.Series{{Name: ChartAcc, X: c.ax, Y: c.ay, Color: colAcc}},
		XFixed: steps, YFixed: accRange}
	c.Regions, c.Acc = rc.Layout(), ac.Layout()
	w := &c.Regions.World // a margin above and below the counts, as the accuracy has
	pad := 0.06 * w.H()
	w.Y0, w.Y1 = w.Y0-pad, w.Y1+pad
	px := plot.DeviceRect(c.Plot.X, c.Plot.Y, c.Plot.W, c.Plot.H, s.viewScale())
	c.regVP, c.accVP = plot.NewViewport(c.Regions.World, px), plot.NewViewport(c.Acc.World, px)
	c.last[0], c.last[1] = c.last[0][:0], c.last[1][:0]
	if n := len(h); n > 0 {
		c.last[0] = append(c.last[0], plot.Point{X: float64(h[n-1].Step), Y: float64(h[n-1].Count)})
	}
	if n := len(a); n > 0 {
		c.last[1] = append(c.last[1], plot.Point{X: float64(a[n-1].Step), Y: a[n-1].Acc})
	}
}

// legendW is the width of the legend: a swatch and a name per series.
func legendW() float64 {
	return 2*(17+ui.Gap) + paint.Measure(ChartRegions, ui.SmallSize, paint.Regular) + paint.Measure(ChartAcc, ui.SmallSize, paint.Regular)
}

// paintChart draws the chart: its title and legend, the plot's border,
// the step ticks under it, the region counts' ticks left and the
// accuracy's right (in its colour), the x axis's name, both series and
// their latest points.
func (s *Scene) paintChart(l *paint.List) {
	c, sc := &s.chart, s.viewScale()
	r, p := s.ChartR, c.Plot
	if s.tr == nil || p.W < 20 || p.H < 20 {
		return
	}
	lh := ui.LineHeight(ui.SmallSize)
	l.Picture(ChartPicture, p)
	l.Legend(ChartPicture, r) // the series' key beside the title, both axes' ticks
	l.Text(ChartTitle, r.X, r.Y, ui.SmallSize, paint.Bold, paint.Ink, paint.Start)
	{ // the legend, right-aligned beside the title or under it
		x, y := r.Right(), r.Y
		if !c.legend {
			y += lh
		}
		for _, e := range [2]struct {
			name string
			col  color.RGBA
		}{{ChartAcc, colAcc}, {ChartRegions, colRegions}} {
			x -= paint.Measure(e.name, ui.SmallSize, paint.Regular)
			l.Text(e.name, x, y, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
			x -= 17
			l.Fill(ui.Rect{X: x, Y: y + 7, W: 14, H: 2.5}, e.col)
			x -= ui.Gap
		}
	}
	l.Stroke(p, 1, paint.Border)
	paint.PlaneAxes(l, c.regVP, sc, p, c.Regions.XTicks, c.Regions.YTicks, "", "")
	for _, t := range accTicks {
		_, py := c.accVP.ToPixel(0, t.Value)
		y := py / sc
		l.Fill(ui.Rect{X: p.Right(), Y: y - 0.5, W: 4, H: 1}, paint.Muted)
		l.Text(t.Label, p.Right()+6, y-7, ui.SmallSize, paint.Regular, colAcc, paint.Start)
	}
	l.Text(ChartXTitle, p.X+p.W/2, p.Bottom()+4+lh, ui.SmallSize, paint.Regular, paint.Muted, paint.Center)
	for _, sr := range c.Acc.Series {
		l.Polylines(c.accVP, sr.Lines, 1.5, colAcc, true)
	}
	l.Dots(c.accVP, c.last[1], 2.5, colAcc, true)
	for _, sr := range c.Regions.Series {
		l.Polylines(c.regVP, sr.Lines, 2, colRegions, true)
	}
	l.Dots(c.regVP, c.last[0], 3, colRegions, true)
}
