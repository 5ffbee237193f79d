package ring

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// What the Ring scene shows, in logical pixels: the layout, the texts
// placed in it (paint text ops), the pointer's figures and the two
// heatmaps. scene_paint.go puts them in the scene's display list.

// MatrixLineH is the distance between the lines of the weight matrices.
const MatrixLineH = 15.0

// learnLines are the lines of small text the learned figures have room
// for above the chart; lines past them are left out (the last ones say
// the least).
const learnLines = 7

// layout is where everything goes (logical pixels), recomputed when the
// scene's area changes.
type layout struct {
	Controls, DesignBox, LearnBox ui.Rect // the control column and its two panels
	Content, PlotL, PlotR         ui.Rect // the content panel and its two square plots
	TextL, TextR                  ui.Rect // below each plot
	ChartR                        ui.Rect // under TextR: the learned figures against the step (scene_chart.go)
	Matrices                      ui.Rect // the weights, in the design panel

	area      ui.Rect
	laidOut   bool
	pageH     float64 // the height on a page (PageHeight)
	layoutGen uint64
	marks     [7]paint.Op // the seed test points' numbers on the left plot (text ops)
}

func (s *Scene) doLayout(area ui.Rect) {
	if s.laidOut && area == s.area {
		return
	}
	s.area, s.laidOut = area, true
	s.layoutGen++
	if ui.Paged {
		s.layoutPage(area)
	} else {
		s.Controls, s.Content = ui.Sidebar(area)
		s.layoutControls()
		s.layoutContent()
	}
	s.placeMarks()
}

// The heights of the two panels of controls.
func (s *Scene) designH() float64 {
	const matrixLines = 6
	return ui.PanelChrome() + s.A.Height() + 2*(ui.RowH+ui.Gap) + ui.Gap + matrixLines*MatrixLineH
}

func (s *Scene) learnH() float64 {
	return ui.PanelChrome() + s.Arch.Height() + s.Labels.Height() + s.LR.Height() + 4*ui.Gap + 2 + ui.RowH
}

// Room for the axes' tick labels: left of each plot and under it.
const axisL, axisB = 26.0, 16.0

// textH is the height of the figures under the plots side by side: 10
// lines under the designed one, 7 and the chart under the learned one.
func textH() float64 {
	return max(10*ui.LineHeight(ui.SmallSize), learnLines*ui.LineHeight(ui.SmallSize)+ui.Gap+ChartH) + ui.Gap
}

// layoutPage lays the scene out on a page: the designed plot and its
// figures, the learned plot, its figures and chart (side by side on a wide
// page, as on a desktop; else stacked), then the two panels of controls.
func (s *Scene) layoutPage(area ui.Rect) {
	if ui.WidePage(area.W) { // (the two plots side by side, as on a desktop)
		// As tall as the first screen (at least room for 240 px plots),
		// no taller than plots as wide as their halves need.
		rest := ui.PanelChrome() + ui.LineHeight(ui.FontSize) + 4 + axisB + textH()
		sideW := (area.W-2*ui.Pad-2*ui.Gap)/2 - axisL
		s.Content = ui.Rect{X: area.X, Y: area.Y, W: area.W, H: min(max(area.H, rest+240), rest+sideW)}
		s.layoutContent()
		s.layoutPageControls(area)
		return
	}
	titleH := ui.LineHeight(ui.FontSize) + 4
	small := ui.LineHeight(ui.SmallSize)
	side := min(480, ui.PageSide(area.W-2*ui.Pad-axisL-8, area.H-ui.PanelChrome()-titleH-axisB))
	textL, textR := 11*small+ui.Gap, (learnLines+2)*small+ui.Gap+ChartH+ui.Gap
	s.Content, _ = ui.Below(area).CutTop(ui.PanelChrome()+2*(titleH+side+axisB+ui.Gap)+textL+textR+ui.Gap, 0)
	in := ui.PanelContent(s.Content, SceneTitle)
	y := in.Y
	for i, th := range [2]float64{textL, textR} {
		p := ui.Rect{X: in.X + axisL + (in.W-axisL-side)/2, Y: y + titleH, W: side, H: side}
		txt := ui.Rect{X: in.X, Y: p.Bottom() + axisB + ui.Gap, W: in.W, H: th}
		y = txt.Bottom() + ui.Gap
		if i == 0 {
			s.PlotL, s.TextL = p, txt
		} else {
			s.PlotR, s.TextR = p, txt
			s.ChartR = chartRect(&s.TextR)
		}
	}
	s.layoutPageControls(area)
}

// layoutPageControls places the two panels of controls under the content
// on a page.
func (s *Scene) layoutPageControls(area ui.Rect) {
	s.Controls = ui.PageControls(area, s.Content, s.designH()+ui.Gap+s.learnH())
	s.layoutControls()
	s.pageH = s.Controls.Bottom() - area.Y
}

// PageHeight is the height of the scene on a page (ui.Tall).
func (s *Scene) PageHeight() float64 { return s.pageH }

// layoutControls places the designed and the learned network's controls
// in s.Controls.
func (s *Scene) layoutControls() {
	s.DesignBox, s.LearnBox = s.Controls.CutTop(s.designH(), ui.Gap)
	s.LearnBox.H = math.Min(s.LearnBox.H, s.learnH())

	col := ui.NewColumn(ui.PanelContent(s.DesignBox, PanelDesigned), ui.Gap)
	t := col.Next(s.A.Height()).SplitH(2, 2*ui.Gap)
	s.A.Rect, s.B.Rect = t[0], t[1]
	t = col.Next(ui.RowH).SplitH(2, ui.Gap)
	s.Optimal.Rect, s.Errors.Rect = t[0], t[1]
	t = col.Next(ui.RowH).SplitH(2, ui.Gap)
	s.ShowKinks1.Rect, s.ShowKinks2.Rect = t[0], t[1]
	s.Matrices = col.R

	col = ui.NewColumn(ui.PanelContent(s.LearnBox, PanelLearned), ui.Gap)
	s.Arch.Rect = col.Next(s.Arch.Height())
	t = col.Next(s.Labels.Height()).SplitH(2, ui.Gap)
	s.Labels.Rect, s.Opt.Rect = t[0], t[1]
	t = col.Next(s.LR.Height()).SplitH(3, 2*ui.Gap)
	s.LR.Rect, s.Batch.Rect, s.Points.Rect = t[0], t[1], t[2]
	col.Next(2)
	t = col.Next(ui.RowH).SplitH(3, ui.Gap)
	s.Run.Start.Rect, s.Run.Step.Rect, s.Run.Reset.Rect = t[0], t[1], t[2]
}

// layoutContent places the two plots side by side, their figures and the
// chart under them.
func (s *Scene) layoutContent() {
	in := ui.PanelContent(s.Content, SceneTitle)
	titleH := ui.LineHeight(ui.FontSize) + 4
	textH := textH()
	side := math.Max(40, math.Min((in.W-2*ui.Gap)/2-axisL, in.H-titleH-textH-axisB))
	for i, h := range in.SplitH(2, 2*ui.Gap) {
		p := ui.Rect{X: h.X + axisL + (h.W-axisL-side)/2, Y: h.Y + titleH, W: side, H: side}
		below := p.Bottom() + axisB + ui.Gap
		txt := ui.Rect{X: h.X, Y: below, W: h.W, H: math.Max(0, h.Bottom()-below)}
		if i == 0 {
			s.PlotL, s.TextL = p, txt
		} else {
			s.PlotR, s.TextR = p, txt
			s.ChartR = chartRect(&s.TextR)
		}
	}
}

// placeMarks numbers the seed's test points on the left plot.
func (s *Scene) placeMarks() {
	v := viewport(s.PlotL)
	for i, tp := range SeedTests {
		x, y := v.ToPixel(tp.X1, tp.X2)
		dy := -16.0
		if i%2 == 1 {
			dy = 5
		}
		s.marks[i] = paint.Op{Kind: paint.KText, S: fmt.Sprint(i + 1), X0: x, Y0: y + dy, Size: ui.SmallSize, Font: paint.Bold, C: paint.Ink, Align: paint.Center}
	}
}

// viewport maps Plane onto the plot p (logical pixels).
func viewport(p ui.Rect) plot.Viewport {
	return plot.NewViewport(Plane, plot.PixelRect(p.X, p.Y, p.W, p.H))
}

// Marks are the numbers of the seed's test points next to them on the
// left plot (text ops).
func (s *Scene) Marks() []paint.Op { return s.marks[:] }

// texts are the scene's texts, built when asked for after what they show
// changed.
type texts struct {
	design, learn       paint.List
	designKey, learnKey textKey
}

type textKey struct {
	gen, layout  uint64
	steps, epoch int
	rate         uint64 // bits of the rate shown
	ok           bool
}

// cursor writes wrapped paragraphs downwards from (x, y) in width w,
// leaving out the lines that would pass bottom (when it is set).
type cursor struct {
	out             *paint.List
	x, y, w, bottom float64
}

func (c *cursor) para(str string, f paint.Font, ink color.RGBA) {
	lines := paint.Wrap(str, c.w, ui.SmallSize, f)
	if c.bottom > 0 {
		n := int((c.bottom - c.y + 1e-9) / ui.LineHeight(ui.SmallSize))
		lines = lines[:max(0, min(n, len(lines)))]
	}
	c.y = c.out.Paragraph(lines, c.x, c.y, ui.SmallSize, f, ink)
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

// DesignTexts are the texts of the designed side (text ops): the weight
// matrices in the design panel, the left plot's title and the figures
// below it.
func (s *Scene) DesignTexts() []paint.Op {
	key := textKey{gen: s.designGen, layout: s.layoutGen, ok: true}
	if key == s.designKey {
		return s.design.Ops
	}
	s.designKey = key
	out := &s.design
	out.Reset()
	for i, l := range matrixLines(s.Net) {
		out.Text(l, s.Matrices.X, s.Matrices.Y+float64(i)*MatrixLineH, ui.SmallSize, paint.Mono, paint.Ink, paint.Start)
	}
	m, p := s.Meas, s.PlotL
	title := fmt.Sprintf("designed: %.3g ≤ |x1|+|x2| ≤ %.3g", m.DA, m.DB)
	if paint.Measure(title, ui.FontSize, paint.Bold) > s.TextL.W {
		title = "designed"
	}
	out.Text(title, p.X+p.W/2, p.Y-ui.LineHeight(ui.FontSize)-2, ui.FontSize, paint.Bold, paint.Ink, paint.Center)

	c := cursor{out: out, x: s.TextL.X, y: s.TextL.Y, w: s.TextL.W}
	c.para(fmt.Sprintf("vs the circle ring, in %% of its area: missed %s · extra %s · IoU %.3f", pct(m.Missed), pct(m.Extra), m.IoU), paint.Bold, paint.Ink)
	if s.Optimal.On {
		c.para(fmt.Sprintf("best-IoU radii a' = %.3f, b' = %.3f: IoU %+.3f over the seed's %.3f",
			m.DA, m.DB, s.Fit.Gain(), s.Fit.Base.IoU), paint.Regular, paint.Ink)
	} else {
		c.para(fmt.Sprintf("best IoU %.3f at a' = %.3f, b' = %.3f", s.Fit.Best.IoU, s.Fit.Best.DA, s.Fit.Best.DB), paint.Regular, paint.Muted)
	}
	c.para(fmt.Sprintf("of %d points: %d missed (orange), %d extra (purple)", len(s.Pts), s.NMissed, s.NExtra), paint.Regular, paint.Muted)
	c.y += 4

	// The seed's seven test points in two columns: label, z, verdict.
	var labels, zs [7]string
	labelW, zW := 0.0, 0.0
	for i, tp := range SeedTests {
		labels[i] = fmt.Sprintf("%d (%g, %g)", i+1, tp.X1, tp.X2)
		zs[i] = fmt.Sprintf("z = %.2f", s.Net.Score(tp.X1, tp.X2))
		labelW = math.Max(labelW, paint.Measure(labels[i], ui.SmallSize, paint.Regular))
		zW = math.Max(zW, paint.Measure(zs[i], ui.SmallSize, paint.Regular))
	}
	colW := labelW + zW + paint.Measure("out", ui.SmallSize, paint.Bold) + 5*ui.Gap
	if 2*colW > c.w {
		colW = c.w / 2
	}
	for i, tp := range SeedTests {
		verdict, ink := "out", paint.Bad
		if s.Net.Score(tp.X1, tp.X2) >= 0 {
			verdict, ink = "in", paint.Good
		}
		x := c.x + float64(i/4)*colW
		y := c.y + float64(i%4)*ui.LineHeight(ui.SmallSize)
		out.Text(labels[i], x, y, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
		out.Text(zs[i], x+labelW+ui.Gap, y, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
		out.Text(verdict, x+labelW+zW+2*ui.Gap, y, ui.SmallSize, paint.Bold, ink, paint.Start)
	}
	return out.Ops
}

// LearnTexts are the texts of the learned side (text ops): the right
// plot's title and the figures below it.
func (s *Scene) LearnTexts() []paint.Op {
	key := textKey{gen: s.learnGen, layout: s.layoutGen, rate: math.Float64bits(s.rateShown()), ok: true}
	if s.tr != nil {
		key.steps, key.epoch = s.tr.Steps(), s.tr.Epoch()
	}
	if key == s.learnKey {
		return s.learn.Ops
	}
	s.learnKey = key
	out := &s.learn
	out.Reset()
	p := s.PlotR
	title := "learned"
	if s.tr != nil {
		if t := fmt.Sprintf("learned %s, %s labels", s.tr.Cfg.Arch, s.tr.Cfg.Labels); paint.Measure(t, ui.FontSize, paint.Bold) <= s.TextR.W {
			title = t
		}
	}
	out.Text(title, p.X+p.W/2, p.Y-ui.LineHeight(ui.FontSize)-2, ui.FontSize, paint.Bold, paint.Ink, paint.Center)

	c := cursor{out: out, x: s.TextR.X, y: s.TextR.Y, w: s.TextR.W, bottom: s.TextR.Bottom()}
	if s.TrainErr != "" {
		c.para(s.TrainErr, paint.Regular, paint.Bad)
	}
	if s.tr != nil {
		c.para(fmt.Sprintf("accuracy: train %s · held-out %s", pct(s.TrainAcc), pct(s.TestAcc)), paint.Bold, paint.Ink)
		c.para(fmt.Sprintf("loss: train %.3f · held-out %.3f (chance %.3f)", s.TrainLoss, s.TestLoss, math.Ln2), paint.Regular, paint.Ink)
		lm := s.Learned
		c.para(fmt.Sprintf("vs the circle ring, in %% of its area: missed %s · extra %s · IoU %.3f", pct(lm.Missed), pct(lm.Extra), lm.IoU), paint.Regular, paint.Ink)
		c.para(s.regionsText(), paint.Regular, paint.Ink)
		c.para(fmt.Sprintf("update %d · epoch %d · seed %d · %.0f samples/s", s.tr.Steps(), s.tr.Epoch(), s.Seed, s.rateShown()), paint.Regular, paint.Muted)
		c.para("dots: dark = in the ring, white = outside; green: z = 0", paint.Regular, paint.Muted)
	}
	return out.Ops
}

// regionsText says how many linear pieces the learned z has over the plot
// now and at the first count of the run.
func (s *Scene) regionsText() string {
	h := s.Regions.History
	if len(h) < 2 || h[0].Count == s.Regions.Count {
		return fmt.Sprintf("linear regions of z: %d", s.Regions.Count)
	}
	return fmt.Sprintf("linear regions of z: %d (%d at update %d)", s.Regions.Count, h[0].Count, h[0].Step)
}

// matrixLines shows the designed weights as numbers: W1 and b1 are fixed;
// W2 | b2 and W3 | b3 as augmented matrices.
func matrixLines(n *Net) []string {
	g := func(v float64) string {
		s := fmt.Sprintf("%.3g", v)
		if s == "-0" {
			s = "0"
		}
		return strings.Replace(s, "-", "−", 1)
	}
	lines := []string{"W1 = [1 0; −1 0; 0 1; 0 −1]   b1 = 0"}
	for i := range 3 {
		pre := "          "
		if i == 0 {
			pre = "W2 | b2 = "
		}
		row := ""
		for _, w := range n.W2[i] {
			row += fmt.Sprintf("%3s", g(w))
		}
		lines = append(lines, fmt.Sprintf("%s[%s | %6s ]", pre, row, g(n.B2[i])))
	}
	return append(lines, fmt.Sprintf("W3 = [%s %s %s]   b3 = %s", g(n.W3[0]), g(n.W3[1]), g(n.W3[2]), g(n.B3)))
}

// hoverState is where the pointer is over a plot; the text is built when
// asked for.
type hoverState struct {
	plot   int     // 0 left, 1 right, -1 neither
	px, py float64 // pointer (logical)
	x, y   float64 // world
	key    hoverKey
	text   string
	box    ui.Rect
}

type hoverKey struct {
	plot        int
	px, py      float64
	gen, layout uint64
	steps       int
	built       bool
}

func (s *Scene) trackHover(in *ui.Input) {
	h := &s.hover
	h.plot = -1
	for i, p := range [2]ui.Rect{s.PlotL, s.PlotR} {
		if !in.Hover(p) {
			continue
		}
		h.x, h.y = viewport(p).ToWorld(in.X, in.Y)
		h.px, h.py = in.X, in.Y
		if i == 0 || s.tr != nil {
			h.plot = i
		}
	}
}

// Hover returns the figures at the pointer over a plot and the box to
// draw them in (mono, small, one figure a line, ui.Pad inside the box);
// ok is false when the pointer is over neither plot.
func (s *Scene) Hover() (text string, box ui.Rect, ok bool) {
	h := &s.hover
	if h.plot < 0 || h.plot == 1 && s.tr == nil {
		return "", ui.Rect{}, false
	}
	key := hoverKey{plot: h.plot, px: h.px, py: h.py, gen: s.designGen, layout: s.layoutGen, built: true}
	if h.plot == 1 {
		key.gen, key.steps = s.learnGen, s.tr.Steps()
	}
	if key == h.key {
		return h.text, h.box, true
	}
	h.key = key
	x, y := h.x, h.y
	if h.plot == 0 {
		h1, h2, z := s.Net.Layers(x, y)
		h.text = fmt.Sprintf("x = (%.2f, %.2f)\nr = |x1|+|x2| = %.3f\n√(x1²+x2²) = %.3f\nh1 = [%.2f %.2f %.2f %.2f]\nh2 = [%.2f %.2f %.2f]\nz = %.3f",
			x, y, math.Abs(x)+math.Abs(y), math.Hypot(x, y), h1[0], h1[1], h1[2], h1[3], h2[0], h2[1], h2[2], z)
	} else {
		z := s.tr.Logit(x, y)
		h.text = fmt.Sprintf("x = (%.2f, %.2f)\n√(x1²+x2²) = %.3f\nz = %.3f\np(in) = %.3f", x, y, math.Hypot(x, y), z, 1/(1+math.Exp(-z)))
	}
	lines := strings.Split(h.text, "\n")
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, paint.Measure(l, ui.SmallSize, paint.Mono))
	}
	h.box = ui.Rect{X: h.px + 14, Y: h.py + 14, W: w + 2*ui.Pad, H: float64(len(lines))*ui.LineHeight(ui.SmallSize) + 2*ui.Pad}
	if h.box.Right() > s.Content.Right() {
		h.box.X = h.px - 14 - h.box.W
	}
	if h.box.Bottom() > s.Content.Bottom() {
		h.box.Y = h.py - 14 - h.box.H
	}
	return h.text, h.box, true
}

// Colours of the points in the heatmaps.
var (
	colMissed = color.RGBA{0xe0, 0x71, 0x24, 0xff} // in the circle ring only
	colExtra  = color.RGBA{0x7b, 0x3f, 0xb5, 0xff} // in the diamond ring only
	colPtIn   = color.RGBA{0x1c, 0x22, 0x2e, 0xff}
	colPtOut  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colPtEdge = color.RGBA{0x5d, 0x66, 0x78, 0xff}
)

// render redraws the rasters whose pixels changed (scale device pixels per
// logical one): the designed heatmap of z with the disagreeing points, and
// the learned heatmap of p with the training points.
func (s *Scene) render(scale float64) {
	if s.Left.Fit(devPx(s.PlotL.W, scale), devPx(s.PlotL.H, scale)) {
		s.designDirty = true
	}
	if s.Right.Fit(devPx(s.PlotR.W, scale), devPx(s.PlotR.H, scale)) {
		s.learnDirty = true
	}
	if s.designDirty {
		img := s.Left.Img
		m := math.Max(s.Net.B-s.Net.A, 0.2) / 2
		if s.dgrid == nil {
			s.dgrid = plot.NewGrid(Plane, designGridN, designGridN)
		}
		s.dgrid.Fill(s.Net.Score)
		plot.HeatmapGrid(img, s.dgrid, plot.Diverging, plot.Norm{Min: -m, Max: m})
		plot.Fade(img, 0.6)
		if s.Errors.On {
			for _, p := range s.Pts {
				switch {
				case p.Circle && !p.Diamond:
					plot.Dot(img, Plane, p.X1, p.X2, 2.2*scale, colMissed, colMissed)
				case p.Diamond && !p.Circle:
					plot.Dot(img, Plane, p.X1, p.X2, 2.2*scale, colExtra, colExtra)
				}
			}
		}
		s.Left.Touch()
		s.designDirty = false
	}
	if s.learnDirty {
		img := s.Right.Img
		if s.tr != nil && s.grid != nil {
			plot.HeatmapFunc(img, Plane, s.learnedP, plot.Diverging, plot.Norm{Min: 0, Max: 1})
			plot.Fade(img, 0.45)
			for _, q := range s.tr.Pts {
				if s.tr.Label(q) == 1 {
					plot.Dot(img, Plane, q.X1, q.X2, 1.8*scale, colPtIn, colPtIn)
				} else {
					plot.Dot(img, Plane, q.X1, q.X2, 1.8*scale, colPtOut, colPtEdge)
				}
			}
		} else {
			for i := range img.Pix {
				img.Pix[i] = 0xff
			}
		}
		s.Right.Touch()
		s.learnDirty = false
	}
}

// learnedP is the learned p(in) = σ(z), z interpolated on the grid.
func (s *Scene) learnedP(x, y float64) float64 { return 1 / (1 + math.Exp(-s.grid.Sample(x, y))) }

// devPx is a logical length in whole device pixels.
func devPx(v, scale float64) int { return int(v*scale + 0.5) }
