package descent

import (
	"image/color"
	"math"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The Scene's display list: everything the page draws, in logical pixels,
// rebuilt at the end of an Update only when what it shows changed.

// Layers are the parts of the picture the page keeps tessellated (the
// level curves are thousands of pieces, the path up to MaxSteps steps and
// a frame is drawn for every step while running): each is a list of world
// lines and dots of its own (Layer), which List places with
// paint.Custom(id).
const (
	LayerLevels = iota // the level curves (LevelsGen)
	LayerHover         // the level curve through the pointer (HoverGen)
	LayerPath          // the path and its points (PathGen)
	NumLayers
)

// Hint is the usage hint in the plot's corner.
const Hint = "click: start here · wheel: zoom · arrows: pan"

// PlanePicture names the plane (List.Picture).
const PlanePicture = "the plane"

// TouchHint is the plane's hint on a touch screen.
const TouchHint = "tap: start here"

var (
	levelInk = color.RGBA{40, 50, 70, 140}    // the level curves
	labelBg  = color.RGBA{255, 255, 255, 190} // behind the level curves' labels
)

// paintKey is what List shows: it is rebuilt when any of it moved.
type paintKey struct {
	levels, path, hover, texts, chart uint64
	on, touch                         bool
	at                                plot.Point
	area                              ui.Rect
	scale                             float64
}

// Layer returns layer id's list (world lines and dots through VP) and its
// generation: the page tessellates the list again when that moved. The
// generation is 0 only while the list is empty.
func (s *Scene) Layer(id int) (*paint.List, uint64) {
	return &s.layers[id], s.layerGen(id)
}

func (s *Scene) layerGen(id int) uint64 {
	switch id {
	case LayerLevels:
		return s.LevelsGen
	case LayerHover:
		return s.HoverGen
	}
	return s.PathGen
}

// paint rebuilds the layers whose generation moved, then List if what it
// shows changed.
func (s *Scene) paint() {
	for id := range s.layers {
		if g := s.layerGen(id); g != s.layerGens[id] {
			s.layerGens[id] = g
			s.paintLayer(id)
		}
	}
	k := paintKey{levels: s.LevelsGen, path: s.PathGen, chart: s.Chart.Gen, hover: s.HoverGen, texts: s.textGen,
		on: s.Hover, at: s.HoverAt, area: s.area, scale: s.scale, touch: s.touch}
	if k == s.paintKey {
		return
	}
	s.paintKey = k
	l := &s.List
	l.Reset()
	l.Panel(s.Controls, ControlsTitle)
	l.Widget(&s.Fn)
	l.TextIn(s.Func().Formula, s.Formula, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	l.Widget(&s.Sign)
	l.Widget(&s.Eta)
	l.Widget(&s.Speed)
	l.Primary(&s.Run.Start)
	l.Widget(&s.Run.Step)
	l.Widget(&s.Run.Reset)
	l.Widget(&s.Home)
	s.paintFigures(l)
	l.Panel(s.Content, ContentTitle)
	s.paintPlot(l)
	s.paintChart(l)
	l.Paragraph(s.Text.Caption, s.Caption.X, s.Caption.Y, CaptionSize, paint.Regular, paint.Muted)
}

func (s *Scene) paintLayer(id int) {
	l := &s.layers[id]
	l.Reset()
	switch id {
	case LayerLevels:
		l.Polylines(s.VP, s.LevelLines, 1, levelInk, false)
	case LayerHover:
		l.Segs(s.VP, s.HoverLevel, 2, paint.Accent2, false)
	case LayerPath:
		c := paint.Accent
		if s.path != nil && s.path.State() == Diverged {
			c = paint.Bad
		}
		l.Segs(s.VP, s.PathSegs, 2, c, false)
		for i := 0; i < len(s.PathDots); { // a Dots op per run of one radius
			j := i + 1
			for j < len(s.PathDots) && s.PathDots[j].R == s.PathDots[i].R {
				j++
			}
			l.Dots(s.VP, s.dotPts[i:j], s.PathDots[i].R, c, false)
			i = j
		}
	}
}

// paintFigures: the error, or the step, point, value, state, the
// prediction and the pointer's figures below the controls.
func (s *Scene) paintFigures(l *paint.List) {
	t, r := &s.Text, s.Figures
	lh := ui.LineHeight(ui.FontSize)
	y := r.Y + 4
	if t.Err != nil {
		l.Paragraph(t.Err, r.X, y, ui.FontSize, paint.Regular, paint.Bad)
		return
	}
	state := paint.Ink
	switch s.path.State() {
	case Converged:
		state = paint.Good
	case Diverged:
		state = paint.Bad
	}
	l.Text(t.Step, r.X, y, ui.TitleSize, paint.Bold, paint.Ink, paint.Start)
	y += ui.LineHeight(ui.TitleSize) + 2
	l.Text(t.Point, r.X, y, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
	y += lh
	l.Text(t.Value, r.X, y, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
	y += lh
	l.Text(t.State, r.X, y, ui.FontSize, paint.Bold, state, paint.Start)
	y += lh + 6
	// The read-out at the pointer under the prediction, or in its place
	// where both do not fit (a short window, the About card open).
	hy := y + 3*ui.LineHeight(CaptionSize) + 6
	if hy+2*ui.LineHeight(CaptionSize) > r.Bottom() && s.Hover {
		hy = y
	} else {
		l.Text(t.Prediction, r.X, y, CaptionSize, paint.Regular, paint.Muted, paint.Start)
	}
	if s.Hover {
		l.Text(t.Hover, r.X, hy, CaptionSize, paint.Regular, paint.Ink, paint.Start)
	}
}

// paintPlot: the heatmap, the level curves with their labels, the optimum,
// the path and its point, the arrows at the pointer (all clipped to the
// plot), the frame, the axes and the hint.
func (s *Scene) paintPlot(l *paint.List) {
	r, vp, sc := s.Plot, s.VP, s.scale
	// Its scale: the level curves' labels (the values of f) and the axes.
	l.Picture(PlanePicture, r)
	l.Legend(PlanePicture, ui.Rect{X: r.X - 40, Y: r.Y, W: r.W + 40, H: r.H + 20})
	l.Raster(r, &s.Heat)
	l.Clip(r)
	l.Custom(LayerLevels)
	l.Custom(LayerHover)
	l.Unclip()
	paint.ContourLabels(l, vp, sc, r, s.Labels, labelBg, paint.HintBox(r, Hint))
	l.Clip(r)
	// the optimum: a ringed cross
	opt := s.Func().Opt
	ox, oy := vp.ToPixel(opt.X, opt.Y)
	ox, oy = ox/sc, oy/sc
	l.Circle(ox, oy, 7, 2, paint.Bad)
	l.Line(ox-11, oy, ox+11, oy, 2, paint.Bad)
	l.Line(ox, oy-11, ox, oy+11, 2, paint.Bad)
	l.Text(s.Text.Opt, ox+10, oy+6, ui.SmallSize, paint.Bold, paint.Bad, paint.Start)
	l.Custom(LayerPath)
	if s.InView() {
		q := s.path.Point()
		px, py := vp.ToPixel(q.X, q.Y)
		l.Disc(px/sc, py/sc, 6, paint.Ink)
		l.Disc(px/sc, py/sc, 3.5, paint.Card)
	} else {
		l.Text("the path left the view", r.X+24, r.Bottom()-6-ui.LineHeight(ui.FontSize), ui.FontSize, paint.Bold, paint.Bad, paint.Start)
	}
	if s.Hover {
		s.paintArrows(l)
	}
	l.Unclip()
	l.Stroke(r, 1, paint.Border)
	paint.PlaneAxes(l, vp, sc, r, s.xTicks, s.yTicks, "x", "y")
	hint := Hint
	if s.touch {
		hint = TouchHint
	}
	paint.PlaneHint(l, r, hint)
}

// paintArrows: ∇F at the pointer (fixed length, its direction is the
// point) and the step the method would take from there (true length, up
// to 400 px).
func (s *Scene) paintArrows(l *paint.List) {
	g, sc := s.HoverGrad, s.scale
	px, py := s.VP.ToPixel(s.HoverAt.X, s.HoverAt.Y)
	norm := math.Hypot(g.X, g.Y)
	if norm == 0 {
		return
	}
	// the gradient's direction on screen (y flipped)
	ux, uy := g.X/norm, -g.Y/norm
	// the step: sign·η·∇F in world units, through the viewport
	sx, sy := s.VP.ToPixel(s.HoverStep.X, s.HoverStep.Y)
	d := math.Hypot(sx-px, sy-py)
	if d > 400*sc {
		sx, sy = px+(sx-px)*400*sc/d, py+(sy-py)*400*sc/d
	}
	// The longer arrow first, the shorter over it: in ascent the two point
	// the same way, and the one drawn last would hide the other.
	grad := func() { paint.Arrow(l, px, py, px+ux*70*sc, py+uy*70*sc, sc, paint.Accent2) }
	step := func() { paint.Arrow(l, px, py, sx, sy, sc, paint.Accent) }
	if d > 70*sc {
		step()
		grad()
	} else {
		grad()
		step()
	}
	l.Text("grad", (px+ux*78*sc)/sc-12, (py+uy*78*sc)/sc-7, ui.SmallSize, paint.Bold, paint.Accent2, paint.Start)
}

// Panels appends the content panel (the plane), not the controls, for
// the PNG button (ui.Snap).
func (s *Scene) Panels(dst []ui.PanelRef) []ui.PanelRef {
	return s.List.Panels(dst, s.Controls)
}
