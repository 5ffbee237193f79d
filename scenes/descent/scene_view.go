package descent

import (
	"fmt"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The Scene's derived state: computed from the options, the path and the
// view, each part again only when what it depends on changed.

// Grid sizes: the heatmap and level curves, the level curve through the
// pointer.
const (
	levelGrid = 161
	hoverGrid = 121
)

type pathKey struct {
	id, levels uint64
	steps      int
	state      State
}

type figKey struct {
	id            uint64
	steps         int
	state         State
	fn, sign      int
	eta, w, scale float64 // (text measures may depend on the scale)
	err           string
}

type hovKey struct {
	on   bool
	x, y float64
	fn   int
}

type capKey struct {
	fn, sign      int
	eta, w, scale float64
}

// recompute samples the function over the view: the heatmap (the optimum
// dark: a summit like a valley floor), the level curves and their labels.
func (s *Scene) recompute() {
	fn := s.Func()
	w := s.VP.World
	g := plot.SampleGrid(w, levelGrid, levelGrid, fn.F)
	lo, hi := g.Range()
	n := plot.Norm{Min: lo, Max: hi}
	if fn.Maximum {
		n = plot.Norm{Min: hi, Max: lo}
	}
	levels := plot.Contours(g, fn.Levels(w, 10))
	s.LevelLines = s.LevelLines[:0]
	for _, c := range levels {
		s.LevelLines = append(s.LevelLines, plot.Polylines(c.Segs)...)
	}
	s.Labels = plot.ContourLabels(levels, 0.3*w.W(), 1.2*w.W())
	s.xTicks, s.yTicks = plot.Ticks(w.X0, w.X1, 6), plot.Ticks(w.Y0, w.Y1, 6)
	if s.Heat.Img != nil {
		plot.HeatmapGrid(s.Heat.Img, g, plot.PaleSequential, n)
		s.Heat.Touch()
	}
	s.HoverLevel = s.HoverLevel[:0]
	s.hoverValid = false
	s.HoverGen++
	s.LevelsGen++
}

func (s *Scene) derive() {
	s.derivePath()
	s.deriveChart()
	s.deriveHover()
	s.deriveTexts()
}

// derivePath clips the path to a margin of one view around the view (far
// points of a diverging path stay drawable) and lists the points to mark:
// the start (larger), the first 500 and the last, where they are in view.
func (s *Scene) derivePath() {
	p := s.path
	if p == nil {
		return
	}
	key := pathKey{id: s.pathID, levels: s.LevelsGen, steps: p.Steps(), state: p.State()}
	if key == s.pathKey {
		return
	}
	s.pathKey = key
	s.PathGen++
	s.PathSegs, s.PathDots, s.dotPts = s.PathSegs[:0], s.PathDots[:0], s.dotPts[:0]
	w := s.VP.World
	if !w.Valid() {
		return
	}
	big := plot.Rect{X0: w.X0 - w.W(), Y0: w.Y0 - w.H(), X1: w.X1 + w.W(), Y1: w.Y1 + w.H()}
	pts := p.Points
	for k := 1; k < len(pts); k++ {
		if seg, ok := plot.ClipSegment(plot.Segment{X0: pts[k-1].X, Y0: pts[k-1].Y, X1: pts[k].X, Y1: pts[k].Y}, big); ok {
			s.PathSegs = append(s.PathSegs, seg)
		}
	}
	for k, q := range pts {
		if k > 500 && k < len(pts)-1 || !w.Contains(q.X, q.Y) {
			continue
		}
		r := 3.0
		if k == 0 {
			r = 5
		}
		s.PathDots = append(s.PathDots, Dot{X: q.X, Y: q.Y, R: r})
		s.dotPts = append(s.dotPts, q)
	}
}

// InView reports whether the path's current point is in the view.
func (s *Scene) InView() bool {
	q := s.path.Point()
	return s.VP.World.Contains(q.X, q.Y)
}

// deriveHover: the gradient at the pointer, the step the method would take
// from there, and the level curve through it (seed 4b) on a coarse grid.
// The curve stays when the pointer leaves the plot, until the view changes.
func (s *Scene) deriveHover() {
	if !s.Hover {
		return
	}
	fn := s.Func()
	x, y := s.HoverAt.X, s.HoverAt.Y
	gx, gy := fn.Grad(x, y)
	st := float64(s.Sgn()) * s.Eta.Value
	s.HoverGrad = plot.Point{X: gx, Y: gy}
	s.HoverStep = plot.Point{X: x + st*gx, Y: y + st*gy}
	lv := fn.F(x, y)
	if s.hoverValid && lv == s.hLevel {
		return
	}
	if s.hgrid == nil {
		s.hgrid = plot.NewGrid(s.VP.World, hoverGrid, hoverGrid)
	}
	s.hgrid.World = s.VP.World
	s.hgrid.Fill(fn.F)
	s.HoverLevel = plot.Contours(s.hgrid, []float64{lv})[0].Segs
	s.hLevel, s.hoverValid = lv, true
	s.HoverGen++
}

// deriveTexts writes the figures, the hover text and the caption again
// when what they show changed.
func (s *Scene) deriveTexts() {
	fn, p, eta := s.Func(), s.path, s.Eta.Value
	t := &s.Text
	if k := (figKey{id: s.pathID, steps: p.Steps(), state: p.State(), fn: s.Fn.Index, sign: s.Sign.Index,
		eta: eta, w: s.Figures.W, scale: s.scale, err: s.err}); k != s.figKey {
		s.figKey = k
		s.textGen++
		t.Err = nil
		if s.err != "" {
			t.Err = ui.Wrap(s.err, s.Figures.W, ui.FontSize)
		}
		q := p.Point()
		t.Step = fmt.Sprintf("step k = %d", p.Steps())
		t.Point = fmt.Sprintf("(x, y) = (%.4g, %.4g)", q.X, q.Y)
		t.Value = fmt.Sprintf("%s(x, y) = %.6g", fn.Name, p.Value())
		state := p.State().String()
		switch p.State() {
		case Running:
			state = "on its way"
		case Stopped:
			state = fmt.Sprintf("stopped after %d steps", MaxSteps)
		}
		t.State = "state: " + state
		c := Classify(fn, eta, s.Sgn())
		t.Prediction = fmt.Sprintf("each step multiplies the distance to\nthe optimum by %.3g in x, %.3g in y\nprediction: %s", c.RX, c.RY, c.All)
		kind := "min"
		if fn.Maximum {
			kind = "max"
		}
		t.Opt = fmt.Sprintf("%s (%g, %g)", kind, fn.Opt.X, fn.Opt.Y)
	}
	if k := (hovKey{on: s.Hover, x: s.HoverAt.X, y: s.HoverAt.Y, fn: s.Fn.Index}); k != s.hovKey {
		s.hovKey = k
		s.textGen++
		t.Hover = ""
		if s.Hover {
			t.Hover = fmt.Sprintf("pointer (%.3g, %.3g)\ngrad = (%.3g, %.3g)", s.HoverAt.X, s.HoverAt.Y, s.HoverGrad.X, s.HoverGrad.Y)
		}
	}
	if k := (capKey{fn: s.Fn.Index, sign: s.Sign.Index, eta: eta, w: s.Caption.W, scale: s.scale}); k != s.capKey {
		s.capKey = k
		s.textGen++
		text := Caption(fn, eta, s.Sgn()) + ". " +
			"The orange arrow is the gradient at the pointer: it is perpendicular to the level curve through that point (orange) " +
			"and does not point at the optimum. The blue arrow is the step the method takes from there."
		t.Caption = ui.Wrap(text, s.Caption.W, CaptionSize)
	}
}
