package paint

import (
	"image/color"
	"math"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The pieces of a plot of the plane (Landscape, Descent): its ticks, a
// usage hint and arrows.

// HintBg is the hint's backing: white, a little see-through.
var HintBg = color.RGBA{255, 255, 255, 210}

// HintBox is where PlaneHint puts hint s over the plot r: its top-right
// corner (the bottom-right one holds the x axis's name, see PlaneAxes).
func HintBox(r ui.Rect, s string) ui.Rect {
	w := Measure(s, ui.SmallSize, Regular) + 16
	return ui.Rect{X: r.Right() - w - 4, Y: r.Y + 4, W: w, H: 16}
}

// PlaneHint writes a short usage hint in HintBox(r, s).
func PlaneHint(l *List, r ui.Rect, s string) {
	b := HintBox(r, s)
	l.Round(b, 3, HintBg)
	l.Text(s, b.X+4, b.Y+1, ui.SmallSize, Regular, Muted, Start)
}

// PlaneAxes draws the ticks xs and ys of vp's world (vp maps to device
// pixels, scale of them per logical pixel) below and left of r, and the
// axes' names inside r's bottom-right and top-left corners. The tick
// marks are fills, not lines: each anti-aliased line costs the page an
// offscreen flush in software GL, and a chart's ten of them cut the
// Ring's training to a fifth.
func PlaneAxes(l *List, vp plot.Viewport, scale float64, r ui.Rect, xs, ys []plot.Tick, xName, yName string) {
	w := vp.World
	for _, t := range xs {
		px, _ := vp.ToPixel(t.Value, w.Y0)
		x := px / scale
		l.Fill(ui.Rect{X: x - 0.5, Y: r.Bottom(), W: 1, H: 4}, Muted)
		l.Text(t.Label, x, r.Bottom()+4, ui.SmallSize, Regular, Muted, Center)
	}
	for _, t := range ys {
		_, py := vp.ToPixel(w.X0, t.Value)
		y := py / scale
		l.Fill(ui.Rect{X: r.X - 4, Y: y - 0.5, W: 4, H: 1}, Muted)
		// (a label at the bottom corner sits just above the x labels' line)
		l.Text(t.Label, r.X-6, math.Min(y-7, r.Bottom()+4-ui.LineHeight(ui.SmallSize)), ui.SmallSize, Regular, Muted, End)
	}
	if xName != "" {
		l.Text(xName, r.Right()-2, r.Bottom()-16, ui.SmallSize, Bold, Muted, End)
		l.Text(yName, r.X+4, r.Y+2, ui.SmallSize, Bold, Muted, Start)
	}
}

// Arrow draws an arrow from (x0,y0) to (x1,y1), given in device pixels
// (scale of them per logical pixel): a shaft 2.5 px wide and, when it is
// at least a device pixel long, a head of two strokes up to 10 px long.
func Arrow(l *List, x0, y0, x1, y1, scale float64, c color.RGBA) {
	const w = 2.5
	l.Line(x0/scale, y0/scale, x1/scale, y1/scale, w, c)
	d := math.Hypot(x1-x0, y1-y0)
	if d < 1 {
		return
	}
	ux, uy := (x1-x0)/d, (y1-y0)/d
	h := math.Min(10*scale, d/2)
	for _, a := range [2]float64{0.45, -0.45} {
		ca, sa := math.Cos(a), math.Sin(a)
		hx := x1 - h*(ux*ca-uy*sa)
		hy := y1 - h*(ux*sa+uy*ca)
		l.Line(x1/scale, y1/scale, hx/scale, hy/scale, w, c)
	}
}

// ContourLabels writes level-curve labels (world positions through vp,
// which maps to device pixels, scale of them per logical pixel) on white
// boxes of colour bg, leaving out those that would stick out of r or
// meet avoid (the hint's box).
func ContourLabels(l *List, vp plot.Viewport, scale float64, r ui.Rect, labels []plot.Label, bg color.RGBA, avoid ui.Rect) {
	var buf [64]ui.Rect
	placed := buf[:0] // the labels written so far: a label that would touch one is left out
	for _, lb := range labels {
		px, py := vp.ToPixel(lb.X, lb.Y)
		x, y := px/scale, py/scale
		w := Measure(lb.Text, ui.SmallSize, Regular) + 4
		box := ui.Rect{X: x - w/2, Y: y - 7, W: w, H: 14}
		if !r.Contains(box.X, box.Y) || !r.Contains(box.Right(), box.Bottom()) || meet(box, avoid) {
			continue
		}
		crowded := false
		for _, q := range placed {
			crowded = crowded || meet(box.Inset(-2), q)
		}
		if crowded {
			continue
		}
		placed = append(placed, box)
		l.Fill(box, bg)
		l.Text(lb.Text, x, y-7, ui.SmallSize, Regular, Ink, Center)
	}
}

// meet reports whether a and b share some area.
func meet(a, b ui.Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}
