package plot

import (
	"image/color"
	"math"
)

// Series is one line of a LineChart. X may be nil, meaning 0, 1, 2, ….
// Points whose X or Y is NaN or ±Inf are gaps: the line is broken there.
type Series struct {
	Name  string
	X, Y  []float64
	Color color.RGBA
}

// LineChart describes a chart as data. Fixed ranges override the automatic
// range on that axis when their Max > Min.
type LineChart struct {
	Series     []Series
	XFixed     Norm // fixed x range when XFixed.Max > XFixed.Min
	YFixed     Norm // fixed y range when YFixed.Max > YFixed.Min
	YIncludes  []float64
	XMaxTicks  int  // 0 means 6
	YMaxTicks  int  // 0 means 5
	ZeroBasedY bool // include 0 in the y range
}

// ChartLines is one series laid out: its polylines in world (data)
// coordinates, one per run of finite points.
type ChartLines struct {
	Name  string
	Color color.RGBA
	Lines [][]Point
}

// ChartLayout is a LineChart ready to draw: map World onto the plot's pixel
// rectangle with a Viewport and stroke every polyline; draw the ticks.
type ChartLayout struct {
	World  Rect
	Series []ChartLines
	XTicks []Tick
	YTicks []Tick
	Empty  bool // no finite point at all (World is then [0,1]×[0,1])
}

// Layout computes the chart's world range (the finite data range, the
// YIncludes values and 0 if ZeroBasedY; ignoring NaN and ±Inf; a zero-width
// range is widened by ±0.5, or ±10% of its magnitude when larger; fixed ranges
// win), the polylines split at gaps, and nice ticks. Empty data is safe.
// It panics if a series has X and Y of different lengths.
func (c *LineChart) Layout() ChartLayout {
	xt, yt := c.XMaxTicks, c.YMaxTicks
	if xt <= 0 {
		xt = 6
	}
	if yt <= 0 {
		yt = 5
	}
	var out ChartLayout
	xlo, xhi := math.Inf(1), math.Inf(-1)
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		if s.X != nil && len(s.X) != len(s.Y) {
			panic("plot: Series X and Y lengths differ")
		}
		cl := ChartLines{Name: s.Name, Color: s.Color}
		var cur []Point
		for k, y := range s.Y {
			x := float64(k)
			if s.X != nil {
				x = s.X[k]
			}
			if !finite(x) || !finite(y) {
				if len(cur) > 0 {
					cl.Lines = append(cl.Lines, cur)
					cur = nil
				}
				continue
			}
			cur = append(cur, Point{x, y})
			xlo, xhi = math.Min(xlo, x), math.Max(xhi, x)
			ylo, yhi = math.Min(ylo, y), math.Max(yhi, y)
		}
		if len(cur) > 0 {
			cl.Lines = append(cl.Lines, cur)
		}
		out.Series = append(out.Series, cl)
	}
	if xlo > xhi {
		out.Empty = true
		xlo, xhi, ylo, yhi = 0, 1, 0, 1
	}
	for _, v := range c.YIncludes {
		if finite(v) {
			ylo, yhi = math.Min(ylo, v), math.Max(yhi, v)
		}
	}
	if c.ZeroBasedY {
		ylo, yhi = math.Min(ylo, 0), math.Max(yhi, 0)
	}
	xlo, xhi = widen(xlo, xhi)
	ylo, yhi = widen(ylo, yhi)
	if c.XFixed.Max > c.XFixed.Min {
		xlo, xhi = c.XFixed.Min, c.XFixed.Max
	}
	if c.YFixed.Max > c.YFixed.Min {
		ylo, yhi = c.YFixed.Min, c.YFixed.Max
	}
	out.World = Rect{xlo, ylo, xhi, yhi}
	out.XTicks = Ticks(xlo, xhi, xt)
	out.YTicks = Ticks(ylo, yhi, yt)
	return out
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func widen(lo, hi float64) (float64, float64) {
	if hi > lo {
		return lo, hi
	}
	d := math.Max(0.5, 0.1*math.Abs(lo))
	return lo - d, hi + d
}

// Bar is one laid-out bar in pixel coordinates: Full is the whole slot
// (background), Fill the part proportional to the value.
type Bar struct {
	Full, Fill Rect
	Value      float64
	Index      int
}

// ProbBars lays out one bar per value in the pixel rectangle area: vertical
// bars side by side (growing upwards from area's bottom) when vertical is
// true, else horizontal bars stacked top to bottom (growing rightwards).
// gap is the pixel space between slots. Values are clamped to [0,1]; NaN
// counts as 0. Empty values give nil.
func ProbBars(area Rect, values []float64, gap float64, vertical bool) []Bar {
	n := len(values)
	if n == 0 {
		return nil
	}
	out := make([]Bar, n)
	for k, v := range values {
		if !(v > 0) {
			v = 0
		}
		v = math.Min(v, 1)
		var full, fill Rect
		if vertical {
			w := (area.W() - gap*float64(n-1)) / float64(n)
			x0 := area.X0 + float64(k)*(w+gap)
			full = Rect{x0, area.Y0, x0 + w, area.Y1}
			fill = Rect{x0, area.Y1 - v*area.H(), x0 + w, area.Y1}
		} else {
			h := (area.H() - gap*float64(n-1)) / float64(n)
			y0 := area.Y0 + float64(k)*(h+gap)
			full = Rect{area.X0, y0, area.X1, y0 + h}
			fill = Rect{area.X0, y0, area.X0 + v*area.W(), y0 + h}
		}
		out[k] = Bar{Full: full, Fill: fill, Value: values[k], Index: k}
	}
	return out
}
