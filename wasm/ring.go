//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/plot"
	"digitlab/ring"
	"digitlab/ui"
)

// Ring is scene 4: seed 003's hand-designed 2→4→3→1 ReLU detector of the L1
// ring a ≤ |x1|+|x2| ≤ b drawn against the circular ring (left plot), and a
// network learning the same problem from sampled points (right plot). The
// math lives in package ring; this file lays out, renders and reports.
type Ring struct {
	// Designed detector.
	a, b                    ui.Slider
	optimal, kinks1, kinks2 ui.Toggle
	showDis                 ui.Toggle
	net                     *ring.Net     // weights for the diamond in use
	fit                     ring.Fit      // seed diamond and IoU-optimal one for (a, b)
	meas                    ring.Measures // the diamond in use vs the circle
	pts                     []ring.Point  // fixed random points, labelled by circle and diamond
	nMissed, nExtra         int           // of pts: circle-only, diamond-only
	kinks                   []ring.Kink
	outline                 []ring.Segment
	circles                 []ring.Segment
	designDirty             bool

	// Learned detector.
	arch, labels, opt    ui.Choice
	lr, batch, npts      ui.Slider
	start, stepB, resetB ui.Button
	seed                 uint64
	tr                   *ring.Trainer
	trErr                string
	running              bool
	pending              int
	trainLoss, trainAcc  float64
	testLoss, testAcc    float64
	learned              ring.Measures
	zero                 []plot.Segment // learned z = 0 contour
	learnDirty           bool
	grid                 *plot.Grid    // learned z sampled on the plane
	dgrid                *plot.Grid    // designed z sampled on the plane
	evalPhase            int           // 0: scores next, 1: region next
	nextEval             time.Duration // ctx.Now of the next evaluation while running

	hover          string  // what the pointer is over (plots), drawn next to it
	hoverX, hoverY float64 // pointer position (logical)

	// Layout (logical pixels).
	controls, designBox, learnBox ui.Rect
	content, plotL, plotR         ui.Rect
	textL, textR                  ui.Rect
	matrices                      ui.Rect
	left, right                   Texture
	changed                       bool // this tick re-evaluated the learned network (Changed)
}

var (
	ringArchNames  = []string{"2-4-3-1", "2-8-8-1", "2-16-16-1"}
	ringLabelNames = []string{"circle", "l1"}
	ringOptNames   = []string{"sgd", "momentum", "adam"}
)

const (
	ringSamplePoints = 3000 // points for the disagreement picture
	ringSampleSeed   = 2026
	ringEvalEvery    = 400 * time.Millisecond // while training: scores, then the region one frame later
	ringGridN        = 65                     // learned z is sampled on ringGridN² points
	ringDesignGridN  = 129                    // designed z likewise (piecewise linear: bilinear is close)
)

// NewRing returns the Ring scene with the seed's a = 1, b = 2 and the
// learned detector's defaults (ring.DefaultLearn).
func NewRing() *Ring {
	d := ring.DefaultLearn()
	r := &Ring{
		a: ui.Slider{Label: "a (inner)", Min: 0, Max: 3.4, Step: 0.05, Value: 1, Format: "%.2f",
			Tip: "The designed net fires for a ≤ |x1|+|x2| ≤ b.\nb2 = [a+b, b, −b] follow from a and b."},
		b: ui.Slider{Label: "b (outer)", Min: 0.1, Max: 3.5, Step: 0.05, Value: 2, Format: "%.2f",
			Tip: "The designed net fires for a ≤ |x1|+|x2| ≤ b.\nThe circle ring is a² ≤ x1²+x2² ≤ b²."},
		optimal: ui.Toggle{Label: "best IoU", Tip: "Scale the diamond's radii to (a', b') that maximise\nintersection over union with the circular ring\n(found numerically): the seed's closing question."},
		showDis: ui.Toggle{Label: "errors", On: true, Tip: "Random points where diamond and circle disagree:\norange = in the circle ring only (missed),\npurple = in the diamond ring only (extra)."},
		kinks1:  ui.Toggle{Label: "kinks L1", Tip: "Layer 1 kinks: ReLU(±x1), ReLU(±x2) bend on the axes."},
		kinks2:  ui.Toggle{Label: "kinks L2", Tip: "Layer 2 kinks: unit 1 bends on |x1|+|x2| = (a+b)/2,\nunits 2 and 3 on |x1|+|x2| = b. The inner edge r = a\nis where z = 0, not a kink: z = r − a on both sides."},

		arch: ui.Choice{Label: "hidden layers (2→h1→h2→1)", Options: []string{"4, 3", "8, 8", "16, 16"}, Index: 1,
			Tips: []string{"2→4→3→1: the seed's shape, now learned", "2→8→8→1: two hidden layers of 8 ReLUs", "2→16→16→1: two hidden layers of 16 ReLUs"}},
		labels: ui.Choice{Label: "labels", Options: []string{"circle", "L1"},
			Tip: "Which ring labels the training points"},
		opt: ui.Choice{Label: "optimiser", Options: []string{"SGD", "mom.", "Adam"},
			Tips: []string{"Plain SGD: w −= η g", "Momentum β = 0.9: m = βm + g, w −= η m", "Adam (β1 0.9, β2 0.999)"}},
		lr: ui.Slider{Label: "η", Min: 1e-3, Max: 1, Log: true, Value: d.LR,
			Tip: "Learning rate η: the step size of each update"},
		batch: ui.Slider{Label: "batch", Values: []float64{1, 2, 4, 8, 16, 32, 64, 128}, Value: float64(d.Batch), Format: "%.0f",
			Tip: "Samples whose gradients are averaged per update"},
		npts: ui.Slider{Label: "points", Values: []float64{100, 200, 500, 1000, 2000, 5000}, Value: float64(d.Points), Format: "%.0f",
			Tip: "Training points, uniform in [−2.5, 2.5]²"},
		start:  ui.Button{Label: "Start", Tip: "Start or pause training (space)"},
		stepB:  ui.Button{Label: "Step", Tip: "One update (s)"},
		resetB: ui.Button{Label: "Reset", Tip: "New random weights: the next seed (r)"},
		seed:   d.Seed,
	}
	r.pts = ring.Sample(nil, rand.New(rand.NewPCG(ringSampleSeed, 1)), ringSamplePoints, ring.Plane)
	r.rebuildDesign()
	r.rebuildTrainer()
	return r
}

func (r *Ring) Name() string  { return "ring" }
func (r *Ring) Title() string { return "Ring" }

// rebuildDesign recomputes everything of the designed side from a, b and
// the IoU toggle. The sliders keep a < b, so errors here are bugs.
func (r *Ring) rebuildDesign() {
	a, b := r.a.Value, r.b.Value
	fit, err := ring.BestIoU(a, b)
	if err != nil {
		panic("ring scene: " + err.Error())
	}
	r.fit = fit
	r.meas = fit.Base
	if r.optimal.On {
		r.meas = fit.Best
	}
	r.net = ring.MustNew(r.meas.DA, r.meas.DB)
	ring.Label(r.pts, a, b, r.meas.DA, r.meas.DB)
	r.nMissed, r.nExtra = 0, 0
	for _, p := range r.pts {
		switch {
		case p.Circle && !p.Diamond:
			r.nMissed++
		case p.Diamond && !p.Circle:
			r.nExtra++
		}
	}
	r.kinks = r.net.Kinks(ring.Plane)
	r.outline = r.net.Boundary(ring.Plane)
	r.circles = append(ring.ClipAll(ring.Circle(a, 96), ring.Plane), ring.ClipAll(ring.Circle(b, 96), ring.Plane)...)
	r.designDirty = true
}

func (r *Ring) learnConfig() ring.LearnConfig {
	c := ring.DefaultLearn()
	c.A, c.B = r.a.Value, r.b.Value
	c.Labels = ring.Labels(r.labels.Index)
	c.Arch = ring.Archs[r.arch.Index]
	c.Opt = ringOptNames[r.opt.Index]
	c.LR = r.lr.Value
	c.Batch = int(r.batch.Value)
	c.Points = int(r.npts.Value)
	c.Seed = r.seed
	return c
}

// rebuildTrainer starts the learned detector afresh (new weights and
// points from the current seed).
func (r *Ring) rebuildTrainer() {
	tr, err := ring.NewTrainer(r.learnConfig())
	if err != nil {
		r.trErr = err.Error()
		r.tr = nil
		r.running = false
		return
	}
	r.trErr = ""
	r.tr = tr
	r.pending = 0
	r.evaluate()
}

// evaluate refreshes all learned figures at once (after a reset, a
// relabel or single steps).
func (r *Ring) evaluate() {
	r.evalScores()
	r.evalRegion()
}

// evalScores computes loss and accuracy on the training and held-out
// points (2000 forward passes by default).
func (r *Ring) evalScores() {
	if r.tr == nil {
		return
	}
	r.trainLoss, r.trainAcc = r.tr.Eval(false)
	r.testLoss, r.testAcc = r.tr.Eval(true)
}

// evalRegion samples the learned z on a grid, once, and derives from it
// the z = 0 contour, the region's area measures and (via learnDirty) the
// heatmap.
func (r *Ring) evalRegion() {
	if r.tr == nil {
		return
	}
	if r.grid == nil {
		r.grid = plot.NewGrid(plotWorld(), ringGridN, ringGridN)
	}
	r.grid.Fill(r.tr.Logit)
	r.zero = r.zero[:0]
	for _, c := range plot.Contours(r.grid, []float64{0}) {
		r.zero = append(r.zero, c.Segs...)
	}
	r.learned = ring.RegionMeasures(func(x, y float64) bool { return r.grid.Sample(x, y) >= 0 },
		r.a.Value, r.b.Value, ring.Plane, 100)
	r.learnDirty = true
}

func plotWorld() plot.Rect {
	p := ring.Plane
	return plot.Rect{X0: p.MinX, Y0: p.MinY, X1: p.MaxX, Y1: p.MaxY}
}

func (r *Ring) layout(area ui.Rect) {
	r.controls, r.content = ui.Sidebar(area)
	const matrixLines = 6
	designH := ui.PanelChrome() + r.a.Height() + 2*(ui.RowH+ui.Gap) + ui.Gap + matrixLines*matrixLineH
	r.designBox, r.learnBox = r.controls.CutTop(designH, ui.Gap)
	learnH := ui.PanelChrome() + 3*(r.arch.Height()+ui.Gap) + 2 + ui.RowH
	r.learnBox.H = math.Min(r.learnBox.H, learnH)

	col := ui.NewColumn(ui.PanelContent(r.designBox, "Designed 2→4→3→1"), ui.Gap)
	t := col.Next(r.a.Height()).SplitH(2, 2*ui.Gap)
	r.a.Rect, r.b.Rect = t[0], t[1]
	t = col.Next(ui.RowH).SplitH(2, ui.Gap)
	r.optimal.Rect, r.showDis.Rect = t[0], t[1]
	t = col.Next(ui.RowH).SplitH(2, ui.Gap)
	r.kinks1.Rect, r.kinks2.Rect = t[0], t[1]
	r.matrices = col.R

	col = ui.NewColumn(ui.PanelContent(r.learnBox, "Learned"), ui.Gap)
	r.arch.Rect = col.Next(r.arch.Height())
	t = col.Next(r.labels.Height()).SplitH(2, ui.Gap)
	r.labels.Rect, r.opt.Rect = t[0], t[1]
	t = col.Next(r.lr.Height()).SplitH(3, 2*ui.Gap)
	r.lr.Rect, r.batch.Rect, r.npts.Rect = t[0], t[1], t[2]
	col.Next(2)
	t = col.Next(ui.RowH).SplitH(3, ui.Gap)
	r.start.Rect, r.stepB.Rect, r.resetB.Rect = t[0], t[1], t[2]

	in := ui.PanelContent(r.content, ringTitle)
	titleH := ui.LineHeight(sizeBody) + 4
	textH := 10*ui.LineHeight(sizeSmall) + ui.Gap
	s := math.Max(40, math.Min((in.W-2*ui.Gap)/2, in.H-titleH-textH))
	halves := in.SplitH(2, 2*ui.Gap)
	for i, h := range halves {
		p := ui.Rect{X: h.X + (h.W-s)/2, Y: h.Y + titleH, W: s, H: s}
		txt := ui.Rect{X: h.X, Y: p.Bottom() + ui.Gap, W: h.W, H: math.Max(0, h.Bottom()-p.Bottom()-ui.Gap)}
		if i == 0 {
			r.plotL, r.textL = p, txt
		} else {
			r.plotR, r.textR = p, txt
		}
	}
}

const (
	ringTitle   = "Ring — a ReLU network built by hand, then learned"
	matrixLineH = 15.0
)

func (r *Ring) Update(ctx *Context) error {
	r.layout(ctx.Area)
	in := ctx.In

	// Designed side. Dragging one radius past the other pushes it along,
	// so the sliders can never describe a ≥ b.
	changed := false
	if r.a.Update(in) {
		if r.a.Value >= r.b.Value {
			r.b.Value = math.Min(r.b.Max, r.a.Value+r.b.Step)
			r.a.Value = math.Min(r.a.Value, r.b.Value-r.a.Step)
		}
		changed = true
	}
	if r.b.Update(in) {
		if r.b.Value <= r.a.Value {
			r.a.Value = math.Max(r.a.Min, r.b.Value-r.a.Step)
		}
		changed = true
	}
	if r.optimal.Update(in) {
		changed = true
	}
	r.showDis.Update(in)
	r.kinks1.Update(in)
	r.kinks2.Update(in)
	if changed {
		r.applyRadii()
	}

	// Learned side.
	if r.arch.Update(in) || r.opt.Update(in) || r.npts.Update(in) {
		r.rebuildTrainer()
	}
	if r.labels.Update(in) && r.tr != nil {
		r.tr.Relabel(r.a.Value, r.b.Value, ring.Labels(r.labels.Index))
		r.evaluate()
	}
	if r.lr.Update(in) && r.tr != nil {
		r.tr.SetLR(r.lr.Value)
	}
	if r.batch.Update(in) && r.tr != nil {
		r.tr.SetBatch(int(r.batch.Value))
	}
	r.start.Disabled = r.tr == nil || r.tr.Err() != nil
	if r.start.Update(in) {
		if r.running {
			r.Pause()
		} else {
			r.Start()
		}
	}
	r.stepB.Disabled = r.running || r.tr == nil || r.tr.Err() != nil
	if r.stepB.Update(in) {
		r.Step(1)
	}
	if r.resetB.Update(in) {
		r.Reset()
	}
	if r.running {
		r.start.Label = "Pause"
	} else {
		r.start.Label = "Start"
	}
	r.train(ctx)
	r.updateHover(in)
	r.render()
	return nil
}

// applyRadii follows a change of a, b or the IoU toggle on both sides.
func (r *Ring) applyRadii() {
	r.rebuildDesign()
	if r.tr != nil {
		r.tr.Relabel(r.a.Value, r.b.Value, ring.Labels(r.labels.Index))
		r.evaluate()
	}
}

// train spends part of the frame's budget on updates (all of the pending
// single steps when paused) and re-evaluates every ringEvalEvery.
func (r *Ring) train(ctx *Context) {
	if r.tr == nil {
		return
	}
	if !r.running && r.pending == 0 {
		return
	}
	t0 := time.Now()
	r.changed = false
	if r.running && ctx.Now >= r.nextEval {
		r.changed = true // the scores, then the region: the frames worth drawing
		// Spread the evaluation over two frames, then wait.
		if r.evalPhase == 0 {
			r.evalScores()
			r.evalPhase, r.nextEval = 1, ctx.Now
		} else {
			r.evalRegion()
			r.evalPhase, r.nextEval = 0, ctx.Now+ringEvalEvery
		}
	}
	var err error
	if r.running {
		err = r.tr.RunUntil(t0.Add(ctx.Budget * 2 / 3))
	} else {
		err = r.tr.Run(r.pending * r.tr.Cfg.Batch)
		r.pending = 0
		r.evaluate()
	}
	if err != nil { // diverged: stop and say so until reset
		r.running = false
		r.trErr = err.Error()
		r.evaluate()
	}
}

func (r *Ring) updateHover(in *ui.Input) {
	r.hover = ""
	for i, p := range []ui.Rect{r.plotL, r.plotR} {
		if !in.Hover(p) {
			continue
		}
		v := plot.NewViewport(plotWorld(), plot.Rect{X0: p.X, Y0: p.Y, X1: p.Right(), Y1: p.Bottom()})
		x, y := v.ToWorld(in.X, in.Y)
		r.hoverX, r.hoverY = in.X, in.Y
		if i == 0 {
			h1, h2, z := r.net.Layers(x, y)
			r.hover = fmt.Sprintf("x = (%.2f, %.2f)\nr = |x1|+|x2| = %.3f\n√(x1²+x2²) = %.3f\nh1 = [%.2f %.2f %.2f %.2f]\nh2 = [%.2f %.2f %.2f]\nz = %.3f",
				x, y, math.Abs(x)+math.Abs(y), math.Hypot(x, y), h1[0], h1[1], h1[2], h1[3], h2[0], h2[1], h2[2], z)
		} else if r.tr != nil {
			z := r.tr.Logit(x, y)
			r.hover = fmt.Sprintf("x = (%.2f, %.2f)\n√(x1²+x2²) = %.3f\nz = %.3f\np(in) = %.3f", x, y, math.Hypot(x, y), z, 1/(1+math.Exp(-z)))
		}
	}
}

// Colours of the ring plots.
var (
	colMissed  = color.RGBA{0xe0, 0x71, 0x24, 0xff} // in the circle ring only
	colExtra   = color.RGBA{0x7b, 0x3f, 0xb5, 0xff} // in the diamond ring only
	colCircle  = color.RGBA{0x1c, 0x22, 0x2e, 0xff}
	colKink1   = color.RGBA{0x5d, 0x66, 0x78, 0xff}
	colKink2   = color.RGBA{0x7b, 0x3f, 0xb5, 0xff}
	colPtIn    = color.RGBA{0x1c, 0x22, 0x2e, 0xff}
	colPtOut   = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colPtEdge  = color.RGBA{0x5d, 0x66, 0x78, 0xff}
	colOutline = color.RGBA{0x24, 0x95, 0x57, 0xff}
)

// render redraws the panels' pixels that changed: the designed heatmap of z
// with the disagreement points, and the learned heatmap of p with the
// training points.
func (r *Ring) render() {
	if r.left.Fit(r.plotL) {
		r.designDirty = true
	}
	if r.right.Fit(r.plotR) {
		r.learnDirty = true
	}
	if r.designDirty && r.left.RGBA() != nil {
		img := r.left.RGBA()
		m := math.Max(r.net.B-r.net.A, 0.2) / 2
		if r.dgrid == nil {
			r.dgrid = plot.NewGrid(plotWorld(), ringDesignGridN, ringDesignGridN)
		}
		r.dgrid.Fill(r.net.Score)
		plot.HeatmapGrid(img, r.dgrid, plot.Diverging, plot.Norm{Min: -m, Max: m})
		plot.Fade(img, 0.6)
		if r.showDis.On {
			for _, p := range r.pts {
				switch {
				case p.Circle && !p.Diamond:
					plot.Dot(img, plotWorld(), p.X1, p.X2, 2.2*dpr, colMissed, colMissed)
				case p.Diamond && !p.Circle:
					plot.Dot(img, plotWorld(), p.X1, p.X2, 2.2*dpr, colExtra, colExtra)
				}
			}
		}
		r.left.Upload()
		r.designDirty = false
	}
	if r.learnDirty && r.right.RGBA() != nil {
		img := r.right.RGBA()
		if r.tr != nil && r.grid != nil {
			p := func(x, y float64) float64 { return 1 / (1 + math.Exp(-r.grid.Sample(x, y))) }
			plot.HeatmapFunc(img, plotWorld(), p, plot.Diverging, plot.Norm{Min: 0, Max: 1})
			plot.Fade(img, 0.45)
			for _, q := range r.tr.Pts {
				if r.tr.Label(q) == 1 {
					plot.Dot(img, plotWorld(), q.X1, q.X2, 1.8*dpr, colPtIn, colPtIn)
				} else {
					plot.Dot(img, plotWorld(), q.X1, q.X2, 1.8*dpr, colPtOut, colPtEdge)
				}
			}
		} else {
			draw := img.Pix
			for i := range draw {
				draw[i] = 0xff
			}
		}
		r.right.Upload()
		r.learnDirty = false
	}
}

func (r *Ring) Draw(screen *ebiten.Image) {
	drawPanel(screen, r.designBox, "Designed 2→4→3→1")
	drawSlider(screen, &r.a)
	drawSlider(screen, &r.b)
	for _, t := range []*ui.Toggle{&r.optimal, &r.showDis, &r.kinks1, &r.kinks2} {
		drawToggle(screen, t)
	}
	r.drawMatrices(screen)

	drawPanel(screen, r.learnBox, "Learned")
	drawChoice(screen, &r.arch)
	drawChoice(screen, &r.labels)
	drawChoice(screen, &r.opt)
	drawSlider(screen, &r.lr)
	drawSlider(screen, &r.batch)
	drawSlider(screen, &r.npts)
	drawPrimaryButton(screen, &r.start)
	drawButton(screen, &r.stepB)
	drawButton(screen, &r.resetB)

	drawPanel(screen, r.content, ringTitle)
	r.drawDesigned(screen)
	r.drawLearned(screen)
	r.drawHover(screen)
}

// drawMatrices shows the weights as numbers: W1 and b1 are fixed; W2 | b2
// and W3 | b3 as augmented matrices.
func (r *Ring) drawMatrices(screen *ebiten.Image) {
	n := r.net
	g := func(v float64) string {
		s := fmt.Sprintf("%.3g", v)
		if s == "-0" {
			s = "0"
		}
		return strings.Replace(s, "-", "−", 1)
	}
	lines := []string{
		"W1 = [1 0; −1 0; 0 1; 0 −1]   b1 = 0",
	}
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
	lines = append(lines, fmt.Sprintf("W3 = [%s %s %s]   b3 = %s", g(n.W3[0]), g(n.W3[1]), g(n.W3[2]), g(n.B3)))
	m := r.matrices
	for i, l := range lines {
		drawText(screen, l, m.X, m.Y+float64(i)*matrixLineH, sizeSmall, FontMono, colText, AlignStart)
	}
}

func screenViewport(p ui.Rect) plot.Viewport {
	return plot.NewViewport(plotWorld(), plot.Rect{X0: p.X, Y0: p.Y, X1: p.Right(), Y1: p.Bottom()})
}

// strokeSegs strokes all segments as one path: one anti-aliased draw call
// instead of one per segment (hundreds of calls are slow in software GL).
func strokeSegs[S ring.Segment | plot.Segment](screen *ebiten.Image, v plot.Viewport, segs []S, w float64, c color.Color) {
	if len(segs) == 0 {
		return
	}
	var p vector.Path
	for _, s := range segs {
		x0, y0, x1, y1 := v.SegmentToPixel(plot.Segment(s))
		p.MoveTo(px(x0), px(y0))
		p.LineTo(px(x1), px(y1))
	}
	op := &vector.StrokeOptions{Width: px(w), LineCap: vector.LineCapRound}
	pathVerts, pathIdx = p.AppendVerticesAndIndicesForStroke(pathVerts[:0], pathIdx[:0], op)
	drawPath(screen, c)
}

// fillDots fills discs of radius rad around the given pixel positions as
// one path.
func fillDots(screen *ebiten.Image, xy [][2]float64, rad float64, c color.Color) {
	var p vector.Path
	for _, q := range xy {
		p.MoveTo(px(q[0]+rad), px(q[1]))
		p.Arc(px(q[0]), px(q[1]), px(rad), 0, 2*math.Pi, vector.Clockwise)
		p.Close()
	}
	pathVerts, pathIdx = p.AppendVerticesAndIndicesForFilling(pathVerts[:0], pathIdx[:0])
	drawPath(screen, c)
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

func (r *Ring) drawDesigned(screen *ebiten.Image) {
	p := r.plotL
	title := fmt.Sprintf("designed: %.3g ≤ |x1|+|x2| ≤ %.3g", r.meas.DA, r.meas.DB)
	if textWidth(title, sizeBody, FontBold) > r.textL.W {
		title = "designed"
	}
	drawText(screen, title, p.X+p.W/2, p.Y-ui.LineHeight(sizeBody)-2, sizeBody, FontBold, colText, AlignCenter)
	r.left.Draw(screen, p)
	v := screenViewport(p)
	strokeSegs(screen, v, r.circles, 1.5, colCircle)
	strokeSegs(screen, v, r.outline, 2.5, colOutline)
	// Kinks on top, thinner, so that a kink on the outline (r = b) shows
	// both.
	for _, k := range r.kinks {
		if k.Layer == 1 && r.kinks1.On {
			strokeSegs(screen, v, k.Segs, 1.2, colKink1)
		}
		if k.Layer == 2 && r.kinks2.On {
			strokeSegs(screen, v, k.Segs, 1.2, colKink2)
		}
	}
	var all, in, out [][2]float64
	for _, t := range ring.SeedTests {
		x, y := v.ToPixel(t.X1, t.X2)
		all = append(all, [2]float64{x, y})
		if r.net.InRing(t.X1, t.X2) {
			in = append(in, [2]float64{x, y})
		} else {
			out = append(out, [2]float64{x, y})
		}
	}
	fillDots(screen, all, 5, colPanel)
	fillDots(screen, in, 3.8, colGood)
	fillDots(screen, out, 3.8, colBad)
	for i, q := range all {
		dy := -16.0
		if i%2 == 1 {
			dy = 5
		}
		drawText(screen, fmt.Sprint(i+1), q[0], q[1]+dy, sizeSmall, FontBold, colText, AlignCenter)
	}
	strokeRect(screen, p, 1, colBorder)

	c := &textCursor{screen: screen, x: r.textL.X, y: r.textL.Y, w: r.textL.W}
	m := r.meas
	c.para(fmt.Sprintf("vs circle ring: missed %s · extra %s · IoU %.3f", pct(m.Missed), pct(m.Extra), m.IoU), FontBold, colText)
	if r.optimal.On {
		c.para(fmt.Sprintf("best-IoU radii a' = %.3f, b' = %.3f: IoU %+.3f over the seed's %.3f",
			m.DA, m.DB, r.fit.Gain(), r.fit.Base.IoU), FontRegular, colText)
	} else {
		c.para(fmt.Sprintf("best IoU %.3f at a' = %.3f, b' = %.3f", r.fit.Best.IoU, r.fit.Best.DA, r.fit.Best.DB), FontRegular, colMuted)
	}
	c.para(fmt.Sprintf("of %d points: %d missed (orange), %d extra (purple)", len(r.pts), r.nMissed, r.nExtra), FontRegular, colMuted)
	c.y += 4

	// The seed's seven test points in two columns: label, z, verdict.
	labelW, zW := 0.0, 0.0
	for i, tp := range ring.SeedTests {
		labelW = math.Max(labelW, textWidth(fmt.Sprintf("%d (%g, %g)", i+1, tp.X1, tp.X2), sizeSmall, FontRegular))
		zW = math.Max(zW, textWidth(fmt.Sprintf("z = %.2f", r.net.Score(tp.X1, tp.X2)), sizeSmall, FontRegular))
	}
	colW := labelW + zW + textWidth("out", sizeSmall, FontBold) + 5*ui.Gap
	if 2*colW > c.w {
		colW = c.w / 2
	}
	for i, tp := range ring.SeedTests {
		z := r.net.Score(tp.X1, tp.X2)
		verdict, vc := "out", colBad
		if z >= 0 {
			verdict, vc = "in", colGood
		}
		x := c.x + float64(i/4)*colW
		y := c.y + float64(i%4)*ui.LineHeight(sizeSmall)
		drawText(screen, fmt.Sprintf("%d (%g, %g)", i+1, tp.X1, tp.X2), x, y, sizeSmall, FontRegular, colText, AlignStart)
		drawText(screen, fmt.Sprintf("z = %.2f", z), x+labelW+ui.Gap, y, sizeSmall, FontRegular, colText, AlignStart)
		drawText(screen, verdict, x+labelW+zW+2*ui.Gap, y, sizeSmall, FontBold, vc, AlignStart)
	}
}

// textCursor writes wrapped paragraphs downwards from (x, y) in width w.
type textCursor struct {
	screen  *ebiten.Image
	x, y, w float64
}

func (c *textCursor) para(s string, f Font, col color.Color) {
	for _, l := range ui.Wrap(s, c.w, sizeSmall) {
		drawText(c.screen, l, c.x, c.y, sizeSmall, f, col, AlignStart)
		c.y += ui.LineHeight(sizeSmall)
	}
}

func (r *Ring) drawLearned(screen *ebiten.Image) {
	p := r.plotR
	title := "learned"
	if r.tr != nil {
		if t := fmt.Sprintf("learned %s, %s labels", r.tr.Cfg.Arch, r.tr.Cfg.Labels); textWidth(t, sizeBody, FontBold) <= r.textR.W {
			title = t
		}
	}
	drawText(screen, title, p.X+p.W/2, p.Y-ui.LineHeight(sizeBody)-2, sizeBody, FontBold, colText, AlignCenter)
	r.right.Draw(screen, p)
	v := screenViewport(p)
	if r.labels.Index == int(ring.LabelCircle) {
		strokeSegs(screen, v, r.circles, 1.2, colCircle)
	} else {
		strokeSegs(screen, v, ring.ClipAll(append(ring.Diamond(r.a.Value), ring.Diamond(r.b.Value)...), ring.Plane), 1.2, colCircle)
	}
	strokeSegs(screen, v, r.zero, 2.5, colOutline)
	strokeRect(screen, p, 1, colBorder)

	c := &textCursor{screen: screen, x: r.textR.X, y: r.textR.Y, w: r.textR.W}
	if r.trErr != "" {
		c.para(r.trErr, FontRegular, colBad)
	}
	if r.tr == nil {
		return
	}
	c.para(fmt.Sprintf("accuracy: train %s · held-out %s", pct(r.trainAcc), pct(r.testAcc)), FontBold, colText)
	c.para(fmt.Sprintf("loss: train %.3f · held-out %.3f (chance %.3f)", r.trainLoss, r.testLoss, math.Ln2), FontRegular, colText)
	lm := r.learned
	c.para(fmt.Sprintf("vs circle ring: missed %s · extra %s · IoU %.3f", pct(lm.Missed), pct(lm.Extra), lm.IoU), FontRegular, colText)
	c.para(fmt.Sprintf("update %d · epoch %d · seed %d · %.0f samples/s", r.tr.Steps(), r.tr.Epoch(), r.seed, r.rateShown()), FontRegular, colMuted)
	c.para("dots: dark = in the ring, white = outside; green: z = 0", FontRegular, colMuted)
}

// drawHover draws the pointer's figures in a small box beside it.
func (r *Ring) drawHover(screen *ebiten.Image) {
	if r.hover == "" {
		return
	}
	lines := strings.Split(r.hover, "\n")
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, textWidth(l, sizeSmall, FontMono))
	}
	box := ui.Rect{X: r.hoverX + 14, Y: r.hoverY + 14, W: w + 2*ui.Pad, H: float64(len(lines))*ui.LineHeight(sizeSmall) + 2*ui.Pad}
	if box.Right() > r.content.Right() {
		box.X = r.hoverX - 14 - box.W
	}
	if box.Bottom() > r.content.Bottom() {
		box.Y = r.hoverY - 14 - box.H
	}
	fillRoundRect(screen, box, corner, colTipBg)
	drawText(screen, r.hover, box.X+ui.Pad, box.Y+ui.Pad, sizeSmall, FontMono, colTipText, AlignStart)
}

func (r *Ring) Status() map[string]any {
	scores := make([]float64, len(ring.SeedTests))
	var verdicts strings.Builder
	for i, t := range ring.SeedTests {
		scores[i] = r.net.Score(t.X1, t.X2)
		if scores[i] >= 0 {
			verdicts.WriteByte('T')
		} else {
			verdicts.WriteByte('F')
		}
	}
	st := map[string]any{
		"a": r.a.Value, "b": r.b.Value,
		"optimal": r.optimal.On, "diamondA": r.meas.DA, "diamondB": r.meas.DB,
		"missed": r.meas.Missed, "extra": r.meas.Extra, "iou": r.meas.IoU,
		"bestA": r.fit.Best.DA, "bestB": r.fit.Best.DB, "bestIoU": r.fit.Best.IoU,
		"disagree": r.nMissed + r.nExtra, "samplePoints": len(r.pts),
		"testScores": scores, "testVerdicts": verdicts.String(),
		"kinks1": r.kinks1.On, "kinks2": r.kinks2.On,

		"arch": ringArchNames[r.arch.Index], "labels": ringLabelNames[r.labels.Index],
		"opt": ringOptNames[r.opt.Index], "lr": r.lr.Value, "batch": int(r.batch.Value),
		"points": int(r.npts.Value), "seed": int(r.seed),
		"step": 0, "epoch": 0, "samplesPerSec": 0.0,
		"trainLoss": math.NaN(), "trainAcc": math.NaN(), "testLoss": math.NaN(), "testAcc": math.NaN(),
		"learnedMissed": math.NaN(), "learnedExtra": math.NaN(), "learnedIoU": math.NaN(),
	}
	if r.tr != nil {
		st["step"], st["epoch"] = r.tr.Steps(), r.tr.Epoch()
		if r.running {
			st["samplesPerSec"] = r.tr.Rate()
		}
		st["trainLoss"], st["trainAcc"] = r.trainLoss, r.trainAcc
		st["testLoss"], st["testAcc"] = r.testLoss, r.testAcc
		st["learnedMissed"], st["learnedExtra"], st["learnedIoU"] = r.learned.Missed, r.learned.Extra, r.learned.IoU
	}
	if r.trErr != "" {
		st["trainError"] = r.trErr
	}
	return st
}

var ringKeys = []string{"a", "b", "optimal", "errors", "kinks1", "kinks2", "arch", "labels", "opt", "lr", "batch", "points", "seed"}

// Set applies URL / JS options. a and b are checked together: a pair with
// a ≥ b is rejected as a whole (a *ui.OptionError carrying ring's reason).
func (r *Ring) Set(opts map[string]string) []error {
	var errs []error
	a, b := r.a.Value, r.b.Value
	radii, rebuild, relabel := false, false, false
	toggles := map[string]*ui.Toggle{"optimal": &r.optimal, "errors": &r.showDis, "kinks1": &r.kinks1, "kinks2": &r.kinks2}
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		var err error
		switch k {
		case "a":
			a, err = ui.ParseFloat(k, v, r.a.Min, r.a.Max)
			if err != nil {
				a = r.a.Value
			} else {
				radii = true
			}
		case "b":
			b, err = ui.ParseFloat(k, v, r.b.Min, r.b.Max)
			if err != nil {
				b = r.b.Value
			} else {
				radii = true
			}
		case "optimal", "errors", "kinks1", "kinks2":
			var on bool
			if on, err = ui.ParseBool(k, v); err == nil {
				toggles[k].On = on
				radii = radii || k == "optimal"
			}
		case "arch", "labels", "opt":
			c, names := &r.arch, ringArchNames
			if k == "labels" {
				c, names = &r.labels, ringLabelNames
			} else if k == "opt" {
				c, names = &r.opt, ringOptNames
			}
			var i int
			if i, err = ui.ParseChoice(k, v, names); err == nil && i != c.Index {
				c.Index = i
				if k == "labels" {
					relabel = true
				} else {
					rebuild = true
				}
			}
		case "lr":
			var x float64
			if x, err = ui.ParseFloat(k, v, r.lr.Min, r.lr.Max); err == nil {
				r.lr.Value = x
				if r.tr != nil {
					r.tr.SetLR(x)
				}
			}
		case "batch", "points":
			s := &r.batch
			if k == "points" {
				s = &r.npts
			}
			var n int
			if n, err = ui.ParseInt(k, v, int(s.Values[0]), int(s.Values[len(s.Values)-1])); err == nil {
				s.Value = float64(n)
				if k == "points" {
					rebuild = true
				} else if r.tr != nil {
					r.tr.SetBatch(n)
				}
			}
		case "seed":
			var n int
			if n, err = ui.ParseInt(k, v, 0, math.MaxInt32); err == nil {
				r.seed = uint64(n)
				rebuild = true
			}
		default:
			err = ui.UnknownKey("ring", k, v, ringKeys)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if radii {
		if err := ring.Validate(a, b); err != nil {
			var pe *ring.ParamError
			msg := err.Error()
			if errors.As(err, &pe) {
				msg = pe.Msg + "; kept a = " + fmt.Sprint(r.a.Value) + ", b = " + fmt.Sprint(r.b.Value)
			}
			errs = append(errs, &ui.OptionError{Key: "a", Value: fmt.Sprintf("%g (b=%g)", a, b), Msg: msg})
		} else {
			r.a.Value, r.b.Value = a, b
		}
		r.rebuildDesign()
		relabel = true
	}
	switch {
	case rebuild:
		r.rebuildTrainer()
	case relabel && r.tr != nil:
		r.tr.Relabel(r.a.Value, r.b.Value, ring.Labels(r.labels.Index))
		r.evaluate()
	}
	return errs
}

// rateShown is the training speed while running, 0 when paused.
func (r *Ring) rateShown() float64 {
	if !r.running || r.tr == nil {
		return 0
	}
	return r.tr.Rate()
}

func (r *Ring) Start() {
	if r.tr != nil && r.tr.Err() == nil {
		r.running = true
	}
}

func (r *Ring) Pause()        { r.running = false }
func (r *Ring) Running() bool { return r.running }

// Changed reports whether this tick re-evaluated the learned network
// (Pacer): while it trains, the frames in between draw nothing, which
// keeps the frame rate near idle where WebGL runs in software.
func (r *Ring) Changed() bool { return r.changed || !r.running }

// Step queues n updates, done in the next Update.
func (r *Ring) Step(n int) {
	if n > 0 && !r.running {
		r.pending += n
	}
}

// Reset starts the learned detector again with new random weights: the
// next seed.
func (r *Ring) Reset() {
	r.running = false
	r.seed++
	r.rebuildTrainer()
}
