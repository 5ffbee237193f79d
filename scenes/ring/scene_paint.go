package ring

import (
	"image/color"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Colours of the plots' lines (the theme's are package paint's).
var (
	colCircle  = color.RGBA{0x1c, 0x22, 0x2e, 0xff} // the circles r = a, b; the ring labelling the points
	colKink1   = color.RGBA{0x5d, 0x66, 0x78, 0xff} // layer 1's kinks
	colKink2   = color.RGBA{0x7b, 0x3f, 0xb5, 0xff} // layer 2's kinks
	colOutline = color.RGBA{0x24, 0x95, 0x57, 0xff} // z = 0: the design's outline, the learned contour
)

// seedPts are SeedTests as plot points, for the list's dots.
var seedPts = func() []plot.Point {
	p := make([]plot.Point, len(SeedTests))
	for i, t := range SeedTests {
		p[i] = plot.Point{X: t.X1, Y: t.X2}
	}
	return p
}()

// List is everything the scene shows, in drawing order, as laid out by
// the last Update: the two control panels and their widgets, the content
// panel, each plot's heatmap with its world lines (aliased, through a
// viewport in device pixels) and border, the seed's test points and their
// numbers, the texts and the pointer's figures. Each call rebuilds the
// list into the same storage (no allocation once it has grown); the texts
// in it are formatted only when what they show changed. Call it when the
// frame is drawn: the learned figures change every frame while training.
func (s *Scene) List() *paint.List {
	l := &s.list
	l.Reset()
	l.Panel(s.DesignBox, PanelDesigned)
	l.Widgets(&s.A, &s.B, &s.Optimal, &s.Errors, &s.ShowKinks1, &s.ShowKinks2)
	l.Panel(s.LearnBox, PanelLearned)
	l.Widgets(&s.Arch, &s.Labels, &s.Opt, &s.LR, &s.Batch, &s.Points)
	l.Primary(&s.Run.Start)
	l.Widgets(&s.Run.Step, &s.Run.Reset)
	l.Panel(s.Content, SceneTitle)

	// The designed plot: heatmap, circles, outline, kinks on top (thinner,
	// so that a kink on the outline r = b shows both), the seed's test
	// points white-ringed in their verdict's colour, their numbers.
	v := s.deviceViewport(s.PlotL)
	l.Picture(DesignedPicture, s.PlotL)
	l.Legend(DesignedPicture, axesBox(s.PlotL)) // its axes; the text under it says what the colours are
	l.Raster(s.PlotL, &s.Left)
	l.Segs(v, s.Circles, 1.5, colCircle, true)
	l.Segs(v, s.Outline, 2.5, colOutline, true)
	for i := range s.Kinks {
		k := &s.Kinks[i]
		if k.Layer == 1 && s.ShowKinks1.On {
			l.Segs(v, k.Segs, 1.2, colKink1, true)
		}
		if k.Layer == 2 && s.ShowKinks2.On {
			l.Segs(v, k.Segs, 1.2, colKink2, true)
		}
	}
	l.Dots(v, seedPts, 5, paint.Card, true)
	l.Dots(v, s.seedIn, 3.8, paint.Good, true)
	l.Dots(v, s.seedOut, 3.8, paint.Bad, true)
	l.Ops = append(l.Ops, s.Marks()...)
	l.Stroke(s.PlotL, 1, paint.Border)
	paint.PlaneAxes(l, v, s.viewScale(), s.PlotL, axisTicks, axisTicks, "", "")

	// The learned plot: heatmap, the ring that labels the points, z = 0.
	v = s.deviceViewport(s.PlotR)
	l.Picture(LearnedPicture, s.PlotR)
	l.Legend(LearnedPicture, axesBox(s.PlotR))
	l.Raster(s.PlotR, &s.Right)
	l.Segs(v, s.LabelRing, 1.2, colCircle, true)
	if s.ShowKinks1.On {
		l.Segs(v, s.Regions.Kinks[0], 1.2, colKink1, true)
	}
	if s.ShowKinks2.On {
		l.Segs(v, s.Regions.Kinks[1], 1.2, colKink2, true)
	}
	l.Segs(v, s.Zero, 2.5, colOutline, true)
	l.Stroke(s.PlotR, 1, paint.Border)
	paint.PlaneAxes(l, v, s.viewScale(), s.PlotR, axisTicks, axisTicks, "", "")

	l.Ops = append(l.Ops, s.DesignTexts()...)
	l.Ops = append(l.Ops, s.LearnTexts()...)
	s.paintChart(l)
	if text, box, ok := s.Hover(); ok {
		l.Round(box, paint.Corner, paint.TipBg)
		l.Text(text, box.X+ui.Pad, box.Y+ui.Pad, ui.SmallSize, paint.Mono, paint.TipInk, paint.Start)
	}
	return l
}

// deviceViewport maps Plane onto the plot p in device pixels, as the
// page strokes world lines.
func (s *Scene) deviceViewport(p ui.Rect) plot.Viewport {
	return plot.NewViewport(Plane, plot.DeviceRect(p.X, p.Y, p.W, p.H, s.viewScale()))
}

// viewScale is the device pixels per logical pixel (1 before the first
// frame says).
func (s *Scene) viewScale() float64 {
	if s.scale <= 0 {
		return 1
	}
	return s.scale
}

// axisTicks are the plots' ticks on both axes: −2 to 2 of Plane.
var axisTicks = plot.Ticks(Plane.X0, Plane.X1, 6)

// Panels appends the content panel (both plots), not the two control
// boxes, for the PNG button (ui.Snap).
func (s *Scene) Panels(dst []ui.PanelRef) []ui.PanelRef {
	return s.list.Panels(dst, s.DesignBox, s.LearnBox)
}

// The pictures' names (List.Picture).
const (
	DesignedPicture = "the designed network's plane"
	LearnedPicture  = "the learned network's plane"
	ChartPicture    = "regions and accuracy against step"
)

// axesBox is the plot r with its axes' tick labels (left and below).
func axesBox(r ui.Rect) ui.Rect {
	return ui.Rect{X: r.X - 30, Y: r.Y, W: r.W + 30, H: r.H + 20}
}
