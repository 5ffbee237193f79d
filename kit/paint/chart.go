package paint

import (
	"image/color"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The colours of a chart's frame: its background and grid lines.
var (
	ChartBg   = color.RGBA{250, 251, 253, 255}
	ChartGrid = color.RGBA{230, 233, 238, 255}
)

// ChartFrame draws the frame of a chart laid out as lay in the plot box ci
// (logical pixels; vp maps lay's world onto device pixels, sc device
// pixels per logical one): its background and border, a grid line and a
// label at each y tick, a label under each x tick, and the x axis' title
// under those; it marks ci as the picture name and its axes as the
// picture's legend (List.Picture).
func ChartFrame(l *List, name string, vp plot.Viewport, sc float64, ci ui.Rect, lay *plot.ChartLayout, xTitle string) {
	l.Picture(name, ci)
	l.Legend(name, ui.Rect{X: ci.X - 40, Y: ci.Y, W: ci.W + 40, H: ci.H + 2*ui.LineHeight(ui.SmallSize) + 3})
	l.Fill(ci, ChartBg)
	l.Stroke(ci, 1, Border)
	for _, t := range lay.YTicks {
		_, py := vp.ToPixel(vp.World.X0, t.Value)
		y := py / sc
		l.Line(ci.X, y, ci.Right(), y, 1, ChartGrid)
		l.Text(t.Label, ci.X-4, y-7, ui.SmallSize, Regular, Muted, End)
	}
	for _, t := range lay.XTicks {
		px, _ := vp.ToPixel(t.Value, vp.World.Y0)
		l.Text(t.Label, px/sc, ci.Bottom()+3, ui.SmallSize, Regular, Muted, Center)
	}
	l.Text(xTitle, ci.X+ci.W/2, ci.Bottom()+3+ui.LineHeight(ui.SmallSize), ui.SmallSize, Regular, Muted, Center)
}
