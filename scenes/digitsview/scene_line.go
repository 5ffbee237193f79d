package digitsview

import (
	"fmt"
	"math"
	"time"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The Line view's layout and drawing (its state and counting: line.go).

// LineRects are where the Line view's parts are.
type LineRects struct {
	Images, Panel ui.Rect // the left panel, the chart's card
	ImgA, ImgB    ui.Rect
	ImgT          ui.Rect // the image at the hovered t
	Text          ui.Rect // the counts, under the controls
}

// InitColor is the initial weights' curve.
var InitColor = BaselineColor

// layoutLine lays the view out in r and runs its update.
func (s *Scene) layoutLine(r ui.Rect, in *ui.Input, budget time.Duration) {
	u, L := &s.line, &s.L.Line
	left, right := sideBySide(r, lineLeftH)
	L.Images, L.Panel = left, right
	c := ui.PanelContent(left, LineImagesTitle)
	side := float64(s.ImageSide())
	sz := math.Max(side, math.Min(112, math.Floor((c.W-ui.Gap)/2/side)*side))
	L.ImgA = ui.Rect{X: c.X, Y: c.Y, W: sz, H: sz}
	L.ImgB = ui.Rect{X: c.Right() - sz, Y: c.Y, W: sz, H: sz}
	col := ui.NewColumn(ui.Rect{X: c.X, Y: L.ImgA.Bottom() + ui.LineHeight(ui.SmallSize) + 6, W: c.W, H: c.Bottom() - L.ImgA.Bottom()}, ui.Gap)
	u.A.Label, u.B.Label = "image A is a", "image B is a"
	u.A.Rect = col.Next(u.A.Height())
	u.B.Rect = col.Next(u.B.Height())
	u.NewPair.Label, u.NewPair.Tip = "New pair", "Two other test images of these classes"
	u.NewPair.Rect = col.Next(ui.RowH)
	t := col.Next(0)
	tsz := math.Min(sz, math.Floor(math.Max(0, c.Bottom()-t.Y-4*ui.LineHeight(ui.SmallSize)-ui.Gap)/side)*side)
	L.ImgT = ui.Rect{X: c.X, Y: t.Y + 2, W: tsz, H: tsz}
	L.Text = ui.Rect{X: c.X + tsz + ui.Gap, Y: t.Y, W: c.W - tsz - ui.Gap, H: c.Bottom() - t.Y}
	if tsz < side {
		L.ImgT = ui.Rect{}
		L.Text = ui.Rect{X: c.X, Y: t.Y, W: c.W, H: c.Bottom() - t.Y}
	}

	s.updateLine(in, budget)
	s.layoutLineChart(right, in)
}

// lineChartKey is what the chart was laid out for.
type lineChartKey struct {
	stamp, pair int
	rect        ui.Rect
	cfg         Config // of the model copy
}

// layoutLineChart lays out the chart when its data changed, follows the
// pointer over it (the t it points at, with both curves' values) and
// renders the image at that t.
func (s *Scene) layoutLineChart(r ui.Rect, in *ui.Input) {
	u := &s.line
	k := lineChartKey{u.stamp, u.pairSeq, r, s.modelCfg}
	if k != u.chartKey || !u.chartOK {
		tr, ini := &u.trained.shown, &u.init.shown
		var series []plot.Series
		if tr.OK {
			series = append(series, plot.Series{Name: s.lineLegend(tr, "trained"), X: tr.T, Y: tr.F, Color: TrainColor})
		}
		if ini.OK {
			series = append(series, plot.Series{Name: s.lineLegend(ini, "initial weights"), X: ini.T, Y: ini.F, Color: InitColor})
		}
		ch := Chart{
			LineChart:     plot.LineChart{Series: series, XFixed: plot.Norm{Min: 0, Max: 1}, YIncludes: []float64{0}},
			Baseline:      0,
			BaselineLabel: s.lineBaselineLabel(),
			XTitle:        "t: position on the line, 0 = image A, 1 = image B",
			YTitle:        s.LineYTitle(),
			NoDots:        true,
			NoPanel:       true,
		}
		u.Chart = LayoutChart(r, LineTitle, ch)
		_, u.Chart.Plot = u.Chart.Plot.CutTop(18, 0) // a row for the y title above the legend's
		u.chartKey, u.chartOK = k, true
		u.chartFrame++
	}
	// The pointer: t, the values, the image there.
	p := u.Chart.Plot
	ht := -1.0
	if in.Hover(p) && s.linePairOK() {
		ht = math.Max(0, math.Min(1, (in.X-p.X)/p.W))
	}
	if ht < 0 {
		ht = 0.5
		u.HoverT = -1
	} else {
		u.HoverT = ht
		type key struct {
			t     float64
			stamp int
		}
		in.OfferTip(p, tipFor(&s.tip, key{math.Round(ht * 1000), u.stamp}, func() string { return s.lineTip(ht) }))
	}
	if s.linePairOK() && s.L.Line.ImgT.W > 0 {
		if key := [3]int{u.pairSeq, int(math.Round(ht * 1000)), s.ImageSide()}; key != u.mixKey {
			side := s.ImageSide()
			a, b := s.Snap.Pair[0].Pixels, s.Snap.Pair[1].Pixels
			u.mix = u.mix[:0]
			for i := range a {
				u.mix = append(u.mix, a[i]+float32(ht)*(b[i]-a[i]))
			}
			u.Pix[2].Fit(side, side)
			renderDigit(u.Pix[2].Img, u.mix, side, s.PixelMax())
			u.Pix[2].Touch()
			u.mixKey, u.MixT = key, ht
		}
	}
}

// lineLegend is a curve's legend entry: what and its pieces.
func (s *Scene) lineLegend(c *lineCurve, what string) string {
	if c.Step >= 0 {
		what += fmt.Sprintf(", step %d", c.Step)
	}
	if c.Smooth {
		return what + ": smooth, no pieces"
	}
	more := ""
	if c.Trunc {
		more = " or more"
	}
	return fmt.Sprintf("%s: %d %s%s", what, c.Pieces, plural(c.Pieces, "piece", "pieces"), more)
}

// lineBaselineLabel names the zero line.
func (s *Scene) lineBaselineLabel() string {
	if !s.linePairOK() || s.model == nil {
		return ""
	}
	plus, minus := lineReadout(s.model, s.Snap.Pair)
	switch {
	case minus >= 0:
		return fmt.Sprintf("p(%s) = p(%s)", s.ClassName(plus), s.ClassName(minus))
	case s.model.Out().Size() == 1:
		return fmt.Sprintf("p(%s) = p(%s) = 0.5", s.ClassName(1), s.ClassName(0))
	}
	return "z = 0"
}

// lineTip is the hover text at t: both curves' values.
func (s *Scene) lineTip(t float64) string {
	u := &s.line
	text := fmt.Sprintf("t = %.3f", t)
	if c := &u.trained.shown; c.OK {
		text += fmt.Sprintf("; trained: %s = %.3g", "f", curveAt(c.T, c.F, t))
	}
	if c := &u.init.shown; c.OK {
		text += fmt.Sprintf("; initial weights: f = %.3g", curveAt(c.T, c.F, t))
	}
	return text
}

// curveAt is the piecewise-linear curve (T, F) at t.
func curveAt(T, F []float64, t float64) float64 {
	for i := 1; i < len(T); i++ {
		if t <= T[i] {
			d := T[i] - T[i-1]
			if d <= 0 {
				return F[i]
			}
			return F[i-1] + (t-T[i-1])/d*(F[i]-F[i-1])
		}
	}
	if len(F) > 0 {
		return F[len(F)-1]
	}
	return math.NaN()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// LineText is the text under the Line view's controls.
func (s *Scene) LineText() []Info {
	u := &s.line
	switch {
	case s.model == nil:
		return []Info{{s.WaitText(), false, ToneMuted}}
	case u.Reason != "":
		return []Info{{u.Reason, false, ToneMuted}}
	case !s.linePairOK():
		return []Info{{"drawing two test images…", false, ToneMuted}}
	}
	var out []Info
	tr, ini := &u.trained.shown, &u.init.shown
	if tr.OK {
		out = append(out, Info{fmt.Sprintf("%d %s along the line (weights of step %d)", tr.Pieces, plural(tr.Pieces, "linear piece", "linear pieces"), tr.Step), true, ToneText})
	}
	if ini.OK {
		out = append(out, Info{fmt.Sprintf("%d with the initial weights", ini.Pieces), false, ToneText})
	}
	if u.trained.running || u.init.running {
		out = append(out, Info{"counting for the latest weights…", false, ToneMuted})
	}
	out = append(out, Info{"On each piece every ReLU keeps its side and every max-pool its winner: the network is one affine map there. Dots mark the kinks; the picture shows the image at t (hover the chart).", false, ToneMuted})
	return out
}

// LineKey describes the Line view's content.
type LineKey struct {
	stamp, frame  int
	pair          int
	running       bool
	hover         float64
	mix           [3]int
	a, b          choiceKey
	btn           buttonKey
	panel, images ui.Rect
	wait, reason  string
	model         bool
}

// LineKey returns what the Line view shows now.
func (s *Scene) LineKey() LineKey {
	u := &s.line
	return LineKey{u.stamp, u.chartFrame, u.pairSeq, u.trained.running || u.init.running, u.HoverT, u.mixKey,
		choiceKey{u.A.Rect, u.A.Index, u.A.Hovered(), len(u.A.Options), u.A.Disabled},
		choiceKey{u.B.Rect, u.B.Index, u.B.Hovered(), len(u.B.Options), u.B.Disabled},
		buttonKey{u.NewPair.Rect, u.NewPair.Label, u.NewPair.Hovered(), u.NewPair.Held(), u.NewPair.Disabled},
		s.L.Line.Panel, s.L.Line.Images, s.WaitText(), u.Reason, s.model != nil}
}

// LineList is the Line view's content (what LineKey describes).
func (s *Scene) LineList() *paint.List {
	return s.pl.line.get(s.LineKey(), s.paintLine)
}

// paintLine draws the two images, the controls, the counts and the chart.
func (s *Scene) paintLine(l *paint.List) {
	u, L := &s.line, &s.L.Line
	l.Widgets(&u.A, &u.B, &u.NewPair)
	small := ui.LineHeight(ui.SmallSize)
	if s.linePairOK() {
		p := s.Snap.Pair
		for i, r := range [2]ui.Rect{L.ImgA, L.ImgB} {
			l.Raster(r, &u.Pix[i])
			l.Stroke(r.Inset(-1), 1, paint.Border)
			l.Text(fmt.Sprintf("%s: a %s (#%d)", "AB"[i:i+1], s.ClassName(p[i].Label), p[i].Index), r.X+r.W/2, r.Bottom()+2, ui.SmallSize, paint.Regular, paint.Ink, paint.Center)
		}
		if L.ImgT.W > 0 {
			l.Raster(L.ImgT, &u.Pix[2])
			l.Stroke(L.ImgT.Inset(-1), 1, paint.Border)
		}
	} else {
		l.TextIn(s.WaitText(), ui.Rect{X: L.ImgA.X, Y: L.ImgA.Y, W: L.ImgB.Right() - L.ImgA.X, H: L.ImgA.H}, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
	}
	y := L.Text.Y
	if L.ImgT.W > 0 && s.linePairOK() {
		l.Text(fmt.Sprintf("t = %.2f", u.MixT), L.ImgT.X+L.ImgT.W/2, L.ImgT.Bottom()+2, ui.SmallSize, paint.Regular, paint.Muted, paint.Center)
	}
	for _, t := range s.LineText() {
		for _, line := range ui.Wrap(t.Text, L.Text.W, ui.SmallSize) {
			if y+small > L.Text.Bottom() {
				break
			}
			t.Text = line
			info(l, t, L.Text.X, y, ui.SmallSize, paint.Start)
			y += small
		}
		y += 3
	}

	// The chart: its frame (grid, ticks, zero line, legend) and curves.
	cv := &u.Chart
	s.paintChartFrame(l, cv, s.scale, 2)
	pr := cv.Plot
	if pr.W < 20 || pr.H < 20 {
		return
	}
	l.Text(cv.Chart.YTitle, pr.X-40, pr.Y-36+1, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	if !s.linePairOK() || s.model == nil || (u.Reason != "" && !u.trained.shown.Smooth) {
		msg := s.WaitText()
		if u.Reason != "" {
			msg = "no linear pieces: see the note on the left"
		} else if msg == "" {
			msg = "drawing two test images…"
		}
		l.Fill(pr.Inset(4), paint.Card)
		l.TextIn(msg, pr, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
		return
	}
	s.paintChartData(l, cv, s.scale, 2)
	// The trained curve's kinks as dots on it (when they can be told
	// apart).
	if tr := &u.trained.shown; tr.OK && !tr.Smooth && tr.Pieces <= int(pr.W/4) {
		dv := deviceViewport(cv.Lay.World, pr, s.scale)
		dots := s.pl.kinks[:0]
		for i := 1; i+1 < len(tr.T); i++ {
			dots = append(dots, plot.Point{X: tr.T[i], Y: tr.F[i]})
		}
		s.pl.kinks = dots
		l.Dots(dv, dots, 2.2, TrainColor, true)
	}
	if u.HoverT >= 0 {
		x := pr.X + u.HoverT*pr.W
		l.Fill(ui.Rect{X: x - 0.5, Y: pr.Y, W: 1, H: pr.H}, paint.Accent2)
	}
}
