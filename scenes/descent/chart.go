package descent

import (
	"math"
	"strconv"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// ValueChart is the chart beside the plane: the function's value at each
// step of the path, f(x_k) (or B(x_k)) against k, with the optimum's value
// as a dashed line: how fast the method gets there, or that it does not.
type ValueChart struct {
	Rect ui.Rect          // its part of the content panel (title, note, chart), logical pixels
	In   ui.Rect          // the chart's plot box
	Lay  plot.ChartLayout // the series and ticks, in (k, value)
	VP   plot.Viewport    // Lay.World onto In, device pixels
	Gen  uint64           // bumps when Lay or VP change

	Title string // ChartTitle of the function shown
	Note  string // ChartNote of it

	xs, ys []float64
	incl   [1]float64
	key    chartKey
}

type chartKey struct {
	path uint64
	px   plot.Rect
	fn   string
}

// The chart's texts.
const (
	ChartXTitle = "step k"
)

// ChartNote says what the dashed line is: fn's optimum value.
func ChartNote(fn *Func) string {
	what := "minimum"
	if fn.Maximum {
		what = "maximum"
	}
	return "dashed: the " + what + ", " + fn.Name + " = " + strconv.FormatFloat(fn.OptValue, 'g', 4, 64)
}

// ChartTitle is the chart's title for the function named fn ("f" or "B").
func ChartTitle(fn string) string { return fn + "(x_k) against the step k" }

// layoutChart places the chart in r: the title and note on top, room for
// the y tick labels on the left and the x ticks and title below; no
// taller than it is wide.
func (s *Scene) layoutChart(r ui.Rect) {
	c := &s.Chart
	c.Rect = r
	if r.Empty() {
		c.In = ui.Rect{}
		return
	}
	_, box := r.CutTop(ui.LineHeight(ui.FontSize)+ui.LineHeight(ui.SmallSize)+6, 0)
	box.X += 44
	box.W -= 44 + 8
	box.H -= 2*ui.LineHeight(ui.SmallSize) + 6
	box.H = math.Max(0, math.Min(box.H, box.W*1.1))
	c.In = box
}

// deriveChart lays the path's values out again when the path, the chart's
// place or the function changed: the values of the points up to the first
// that is not finite.
func (s *Scene) deriveChart() {
	c := &s.Chart
	fn := s.Func()
	px := plot.DeviceRect(c.In.X, c.In.Y, c.In.W, c.In.H, s.scale)
	key := chartKey{s.PathGen, px, fn.Name}
	if key == c.key || !px.Valid() {
		return
	}
	if key.fn != c.key.fn || c.Title == "" {
		c.Title, c.Note = ChartTitle(fn.Name), ChartNote(fn)
	}
	c.key = key
	c.xs, c.ys = c.xs[:0], c.ys[:0]
	if p := s.path; p != nil {
		for k, q := range p.Points {
			v := p.Fn.F(q.X, q.Y)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				break
			}
			c.xs, c.ys = append(c.xs, float64(k)), append(c.ys, v)
		}
	}
	c.incl[0] = fn.OptValue
	lc := plot.LineChart{
		Series:    []plot.Series{{Name: fn.Name, X: c.xs, Y: c.ys, Color: paint.Accent}},
		XFixed:    plot.Norm{Min: 0, Max: math.Max(1, float64(len(c.xs)-1))},
		YIncludes: c.incl[:],
		XMaxTicks: 4, YMaxTicks: 5,
	}
	c.Lay = lc.Layout()
	c.Lay.World = c.Lay.World.PadY(0.05)
	c.VP = plot.NewViewport(c.Lay.World, px)
	c.Gen++
}

// paintChart draws the chart: title, note, frame, the optimum's value
// dashed and the values' line (red once the path diverged).
func (s *Scene) paintChart(l *paint.List) {
	c, sc := &s.Chart, s.scale
	if c.In.Empty() || !c.VP.World.Valid() {
		return
	}
	r, ci := c.Rect, c.In
	l.Text(c.Title, r.X, r.Y, ui.FontSize, paint.Bold, paint.Ink, paint.Start)
	l.Text(c.Note, r.X, r.Y+ui.LineHeight(ui.FontSize), ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	paint.ChartFrame(l, "value against step", c.VP, sc, ci, &c.Lay, ChartXTitle)
	_, py := c.VP.ToPixel(0, s.Func().OptValue)
	for x := ci.X; x < ci.Right(); x += 8 {
		l.Line(x, py/sc, math.Min(x+4, ci.Right()), py/sc, 1, paint.Good)
	}
	col := paint.Accent
	if s.path != nil && s.path.State() == Diverged {
		col = paint.Bad
	}
	l.Clip(ci)
	for _, ln := range c.Lay.Series {
		l.Polylines(c.VP, ln.Lines, 2, col, false)
		if n := len(ln.Lines); n > 0 && len(ln.Lines[n-1]) > 0 { // the value now
			last := ln.Lines[n-1]
			l.Dots(c.VP, last[len(last)-1:], 3.5, col, false)
		}
	}
	l.Unclip()
}
