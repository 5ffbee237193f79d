package landscape

import (
	"image/color"
	"strconv"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The Landscape scene's display list: everything the page shows, in
// drawing order, rebuilt (into the same storage) only when what it shows
// changed. Widgets are drawn as they are when the list is drawn, so their
// hover and press states need no rebuild.

// The page's own drawings in the list (paint.Custom ids): batches it keeps
// because they are rebuilt only when their generation changes.
const (
	CustomLines = 1 // the level curves and kink lines, in VP (PlaneGen)
	CustomMesh  = 2 // the surface's triangles and lifted kinks, in MeshVP (MeshGen)
)

// Hint is the usage hint in the plane's corner.
const Hint = "drag: draw a line · wheel: zoom · arrows: pan"

// TouchHint is the plane's hint on a touch screen.
const TouchHint = "drag: draw a line · tap: read Φ there"

var (
	white      = color.RGBA{255, 255, 255, 255}
	labelBg    = color.RGBA{255, 255, 255, 200} // behind a contour label
	unitLabels = func() (u [33]string) {
		for i := range u {
			u[i] = strconv.Itoa(i)
		}
		return u
	}()
)

// paintKey is what the list shows, beyond the widgets' own state.
type paintKey struct {
	area                      ui.Rect
	scale                     float64
	planeGen, meshGen, netGen uint64
	surface, tint             bool
	vp, chartVP               plot.Viewport
	line                      [2]plot.Point
	hover                     bool
	hx, hy                    float64
	figs                      [5]int
	scatterGen                uint64
	touch                     bool
}

// paint rebuilds List when what it shows changed.
func (s *Scene) paint() {
	key := paintKey{s.area, s.scale, s.PlaneGen, s.MeshGen, s.netGen, s.Surface.On, s.Tint.On,
		s.VP, s.ChartVP, s.Line, s.Hover, s.HX, s.HY, s.figFor, s.Scatter.gen, s.touch}
	if s.paintOK && key == s.painted {
		return
	}
	s.painted, s.paintOK = key, true
	s.ListGen++
	l, L := &s.List, &s.Layout
	l.Reset()
	l.Panel(L.Controls, s.NetTitle)
	l.Widgets(&s.Preset, &s.N, &s.Depth, &s.Reroll, &s.Home, &s.Tint, &s.Surface, &s.Leaky)
	s.paintFigures(l)
	s.paintScale(l)
	s.paintLegend(l)
	s.paintHover(l)
	l.Panel(L.Content, Title)
	if s.Surface.On {
		s.paintSurface(l)
	} else {
		s.paintPlane(l)
	}
	s.paintChart(l)
	s.paintScatter(l)
	l.Paragraph(s.CaptionLines, L.Caption.X, L.Caption.Y, CaptionSize, paint.Regular, paint.Muted)
}

func (s *Scene) paintFigures(l *paint.List) {
	r, f := s.Layout.Figures, &s.Figures
	lh := ui.LineHeight(ui.FontSize)
	l.Text(f[0], r.X, r.Y, ui.FontSize, paint.Bold, paint.Ink, paint.Start)
	l.Text(f[1], r.X, r.Y+lh, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
	l.Text(f[2], r.X, r.Y+2*lh, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
}

// ScaleH is the height of the colour scale under the counts.
const ScaleH = 44.0

// Scale texts: what the plane's colours mean.
const (
	ScaleTitle = "colour of the plane: Φ(x)"
	TintTitle  = "colour of the plane: one per pattern of"
	TintLine2  = "active units, so one per linear piece"
)

// paintScale draws the heatmap's colour scale, red (negative) through
// white (0) to blue (positive), with its ends and 0; with the tint on, what
// the tint's colours are.
func (s *Scene) paintScale(l *paint.List) {
	r := s.Layout.Scale
	if s.Surface.On {
		return // the surface has its own note
	}
	l.Legend(PlanePicture, r)
	if s.Tint.On {
		l.Text(TintTitle, r.X, r.Y, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
		l.Text(TintLine2, r.X, r.Y+ui.LineHeight(ui.SmallSize), ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
		return
	}
	l.Text(ScaleTitle, r.X, r.Y, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	bar := ui.Rect{X: r.X, Y: r.Y + 17, W: r.W, H: 9}
	const n = 48
	for i := range n {
		c := plot.Diverging.At(float64(i) / float64(n-1))
		l.Fill(ui.Rect{X: bar.X + bar.W*float64(i)/n, Y: bar.Y, W: bar.W/n + 0.5, H: bar.H}, c)
	}
	l.Stroke(bar, 1, paint.Border)
	ty := bar.Bottom() + 1
	l.Text(s.scaleText[0], bar.X, ty, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	l.Text("0", bar.X+bar.W/2, ty, ui.SmallSize, paint.Regular, paint.Muted, paint.Center)
	l.Text(s.scaleText[1], bar.Right(), ty, ui.SmallSize, paint.Regular, paint.Muted, paint.End)
}

// LegendRowH is the height of a row of the units' legend (its header's
// too): a line of small text.
const LegendRowH = 16.0

// paintLegend draws the units' colours, eight to a row, dimming the units
// inactive at the hover.
func (s *Scene) paintLegend(l *paint.List) {
	r := s.Layout.Legend
	if s.Deep() {
		l.Text("kinks of layer ℓ (layer 2 bends at layer 1's)", r.X, r.Y, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
		for k := range s.DeepNet.Depth() {
			x, y := r.X+float64(k)*r.W/3, r.Y+LegendRowH
			l.Fill(ui.Rect{X: x + 2, Y: y + 6.5, W: 12, H: 3}, UnitColor(k)) // (a fill: an anti-aliased line costs a flush in software GL)
			l.Text(layerLabels[k], x+17, y+1, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
		}
		return
	}
	l.Text("kink line of unit i: W1[i]·x + b1[i] = 0", r.X, r.Y, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	cw := r.W / 8
	for i := 0; i < s.Net.N; i++ {
		x := r.X + float64(i%8)*cw
		y := r.Y + LegendRowH + float64(i/8)*LegendRowH
		l.Fill(ui.Rect{X: x + 2, Y: y + 6.5, W: 12, H: 3}, UnitColor(i))
		fg := paint.Ink
		if s.UnitDim(i) {
			fg = paint.Disabled
		}
		l.Text(unitLabel(i), x+17, y+1, ui.SmallSize, paint.Regular, fg, paint.Start)
	}
}

// layerLabels name the layers in the deep legend.
var layerLabels = [...]string{"layer 1", "layer 2", "layer 3"}

// unitLabel is unit i's number on screen (1-based), formatted once.
func unitLabel(i int) string {
	if i+1 < len(unitLabels) {
		return unitLabels[i+1]
	}
	return strconv.Itoa(i + 1)
}

func (s *Scene) paintHover(l *paint.List) {
	r, t := s.Layout.HoverR, &s.HoverText
	if !s.Hover {
		l.Text("Hover the plane to read x, Φ(x)\nand the active units.", r.X, r.Y, ui.FontSize, paint.Regular, paint.Muted, paint.Start)
		return
	}
	lh := ui.LineHeight(ui.FontSize)
	l.Text(t[0], r.X, r.Y, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
	l.Text(t[1], r.X, r.Y+lh, ui.FontSize, paint.Bold, paint.Ink, paint.Start)
	l.Text(t[2], r.X, r.Y+2*lh, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
}

// paintPlane draws the heatmap, the level curves and kink lines (the
// page's batch), the contour labels that fit, the user's line with its
// breakpoints, the hover cross, the axes and the hint.
// The pictures' names (List.Picture).
const (
	PlanePicture   = "the plane Φ(x)"
	SurfacePicture = "the surface Φ(x)"
)

func (s *Scene) paintPlane(l *paint.List) {
	p, sc := s.Layout.Plot, s.scale
	l.Picture(PlanePicture, p)
	l.Raster(p, &s.Heat)
	l.Clip(p)
	l.Custom(CustomLines)
	l.Unclip()
	paint.ContourLabels(l, s.VP, sc, p, s.Labels, labelBg, paint.HintBox(p, Hint))
	l.Clip(p)
	x0, y0, x1, y1 := s.VP.SegmentToPixel(plot.Segment{X0: s.Line[0].X, Y0: s.Line[0].Y, X1: s.Line[1].X, Y1: s.Line[1].Y})
	x0, y0, x1, y1 = x0/sc, y0/sc, x1/sc, y1/sc
	l.Line(x0, y0, x1, y1, 4, white)
	l.Line(x0, y0, x1, y1, 2, paint.Ink)
	l.Disc(x0, y0, 4, paint.Ink)
	l.Circle(x1, y1, 4, 2, paint.Ink)
	for _, mk := range s.Marks {
		px, py := s.VP.ToPixel(mk.Plane.X, mk.Plane.Y)
		l.Disc(px/sc, py/sc, 4.5, white)
		l.Disc(px/sc, py/sc, 3, UnitColor(mk.Unit))
	}
	if s.Hover {
		px, py := s.VP.ToPixel(s.HX, s.HY)
		x, y := px/sc, py/sc
		l.Line(x-6, y, x+6, y, 1.5, paint.Ink)
		l.Line(x, y-6, x, y+6, 1.5, paint.Ink)
	}
	l.Unclip()
	l.Stroke(p, 1, paint.Border)
	w := s.VP.World
	paint.PlaneAxes(l, s.VP, sc, p, plot.Ticks(w.X0, w.X1, 6), plot.Ticks(w.Y0, w.Y1, 6), "x₁", "x₂")
	hint := Hint
	if s.touch {
		hint = TouchHint
	}
	paint.PlaneHint(l, p, hint)
}

func (s *Scene) paintSurface(l *paint.List) {
	p := s.Layout.Plot
	l.Picture(SurfacePicture, p)
	l.Legend(SurfacePicture, p) // its axes, drawn over it, and the note on Φ's range
	l.Fill(p, paint.Card)
	l.Clip(p)
	l.Custom(CustomMesh)
	// The axes over the surface, their ends' values and names beside them.
	sc, lh := s.scale, ui.LineHeight(ui.SmallSize)
	for i, a := range s.Axes3D {
		l.Line(a.From.X/sc, a.From.Y/sc, a.To.X/sc, a.To.Y/sc, 1.5, paint.Ink)
		al := paint.Center
		if i == 2 {
			al = paint.End // Φ's, left of the upright axis
		}
		for _, t := range a.Ticks {
			l.Line(t.At.X/sc, t.At.Y/sc, t.Out.X/sc, t.Out.Y/sc, 1, paint.Ink)
			l.Text(t.Label, t.LabelAt.X/sc, t.LabelAt.Y/sc-lh/2, ui.SmallSize, paint.Regular, paint.Ink, al)
		}
		l.Text(a.Name, a.NameAt.X/sc, a.NameAt.Y/sc-lh/2, ui.SmallSize, paint.Bold, paint.Ink, paint.Center)
	}
	l.Unclip()
	l.Stroke(p, 1, paint.Border)
	l.Text(s.SurfaceNote, p.X+6, p.Y+4, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
}

// ChartXTitle names the x axis of the chart of Φ along the line.
const ChartXTitle = "distance along the line from its start"

// paintChart draws Φ along the user's line: the polyline through the
// knots, a mark at each break in the colour of the unit that switches
// there, and the text under it.
func (s *Scene) paintChart(l *paint.List) {
	r, ci, sc, vp := s.Layout.Chart, s.Layout.ChartIn, s.scale, s.ChartVP
	l.Text("Φ along the dragged line", r.X, r.Y, ui.FontSize, paint.Bold, paint.Ink, paint.Start)
	l.Text(s.ChartNote, r.X, r.Y+ui.LineHeight(ui.FontSize), ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	paint.ChartFrame(l, "Φ along the line", vp, sc, ci, &s.Chart, ChartXTitle)
	if vp.World.Y0 < 0 && vp.World.Y1 > 0 {
		_, py := vp.ToPixel(0, 0)
		l.Line(ci.X, py/sc, ci.Right(), py/sc, 1, paint.Track)
	}
	for _, mk := range s.Marks {
		px, _ := vp.ToPixel(mk.Chart.X, 0)
		c := UnitColor(mk.Unit)
		l.Line(px/sc, ci.Y, px/sc, ci.Bottom(), 1, color.RGBA{c.R / 2, c.G / 2, c.B / 2, 128})
	}
	for _, ser := range s.Chart.Series {
		l.Polylines(vp, ser.Lines, 2.5, paint.Ink, false)
	}
	for _, mk := range s.Marks {
		px, py := vp.ToPixel(mk.Chart.X, mk.Chart.Y)
		l.Disc(px/sc, py/sc, 4, UnitColor(mk.Unit))
	}
	x0, y0 := vp.ToPixel(0, s.Restr.V[0])
	l.Disc(x0/sc, y0/sc, 4, paint.Ink)
	in := s.Layout.Info
	l.Paragraph(s.InfoLines, in.X, in.Y, CaptionSize, paint.Regular, paint.Muted)
}

// Panels appends the content panel (the plane, the chart), not the
// controls, for the PNG button (ui.Snap).
func (s *Scene) Panels(dst []ui.PanelRef) []ui.PanelRef {
	return s.List.Panels(dst, s.Layout.Controls)
}
