//go:build js && wasm

package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/digitsview"
	"digitlab/nn"
	"digitlab/plot"
	"digitlab/ui"
)

// Colours of the probability bars, as in seed 003: the true class red,
// the predicted class green, the others blue.
var (
	colBarTrue  = color.RGBA{0xd6, 0x3a, 0x2f, 0xff}
	colBarPred  = color.RGBA{0x2e, 0x9e, 0x4f, 0xff}
	colBarOther = color.RGBA{0x3b, 0x6f, 0xd6, 0xff}
)

const matrixRowH = 15.0 // height of one row of the 8×8 matrix

const matTitle = "Pixel values (8x8 block)"

// livePeriod is how often the live parts refresh while training. Each
// refresh costs the browser far more than a frame that draws nothing
// (WebGL in software, no GPU): measured at 1024×640 while best trains in
// the worker, 4 refreshes a second gave 34 fps against 59 idle, 2 gave 37,
// one gave 54 against 56 and let the worker train faster (5000 against
// 3800 samples/s), both sharing the machine's two cores.
const livePeriod = time.Second

// Update lays out the scene, handles its input and trains within budget.
func (d *digitsScene) Update(ctx *Context) error {
	u := &d.ui
	// While training, the live parts (status line, current image and its
	// probabilities, charts) follow together once every livePeriod.
	if now := time.Now(); !d.Running() || now.Sub(d.liveAt) >= livePeriod {
		d.live, d.liveAt = true, now
	} else {
		d.live = false
	}
	u.controls, u.content = ui.Sidebar(ctx.Area)
	d.updateControls(ctx.In)
	top, rest := u.content.CutTop(ui.RowH, ui.Gap)
	vw := math.Min(330, top.W*0.5)
	u.view.Rect, u.info = top.CutRight(vw, ui.Gap)
	u.view.Update(ctx.In)
	u.viewArea = rest

	d.tick()

	// Waiting for the data, or for a trainer that stopped to be restarted.
	u.waiting = !d.built() && d.buildErr() == "" && (d.tr.failed != "" || !ctx.Data.Ready())
	if u.waiting {
		u.dataView.Update(ctx, rest)
		d.pollLoad(ctx)
		return nil
	}
	switch digitViews[u.view.Index] {
	case "train":
		d.layoutTrain(rest, ctx.In)
	case "weights":
		d.layoutWeights(rest)
	case "mistakes":
		d.layoutMistakes(rest, ctx.In)
	case "draw":
		d.layoutDraw(rest, ctx.In)
	}
	d.updatePadPrediction()
	d.pollLoad(ctx)
	return nil
}

// ---- Training view: current image, bars, matrix, charts ----

func (d *digitsScene) layoutTrain(r ui.Rect, in *ui.Input) {
	u := &d.ui
	leftW := math.Min(272, r.W*0.4)
	left, right := r.CutLeft(leftW, ui.Gap+4)
	matH := 8*matrixRowH + 2*ui.Pad + ui.LabelH + 8 + ui.LineHeight(sizeSmall)
	u.matPanel, u.imgPanel = left.CutBottom(matH, ui.Gap)
	in2 := ui.PanelContent(u.imgPanel, "Current image")
	side := d.imageSide()
	avail := math.Min(in2.W, in2.H-ui.LineHeight(sizeBody)-96)
	k := math.Max(1, math.Floor(avail/float64(side)))
	s := k * float64(side)
	u.imgRect = ui.Rect{X: in2.X + (in2.W-s)/2, Y: in2.Y, W: s, H: s}
	u.barsRect = ui.Rect{X: in2.X, Y: math.Min(u.imgRect.Bottom()+ui.LineHeight(sizeBody)+12, in2.Bottom()-84), W: in2.W, H: 84}

	d.hoverPx = -1
	if in.Hover(u.imgRect) && d.curX != nil {
		c := int((in.X - u.imgRect.X) / u.imgRect.W * float64(side))
		rr := int((in.Y - u.imgRect.Y) / u.imgRect.H * float64(side))
		if c >= 0 && c < side && rr >= 0 && rr < side {
			d.hoverPx = rr*side + c
			in.OfferTip(u.imgRect, fmt.Sprintf("pixel (row %d, col %d) = %s", rr, c, digitsview.Cell(float64(d.curX[d.hoverPx]), d.cfg.Raw)))
		}
	}
	d.refreshCurrent()

	// The charts follow the data on live frames (each redraw strokes
	// every series; more often only costs frames).
	sn := d.snap
	dataKey := fmt.Sprint(right, len(sn.CurveStep), sn.CurveStep[max(0, len(sn.CurveStep)-1):], len(sn.History), sn.Gen, d.diverged())
	if dataKey != u.chartData && d.live {
		h := (right.H - ui.Gap) / 2
		lossP, accP := right.CutTop(h, ui.Gap)
		c := d.curves()
		u.loss = layoutChart(lossP, "Loss (mean cross-entropy)", c.LossChart())
		u.acc = layoutChart(accP, "Accuracy", c.AccChart())
		u.chartData, u.chartRect = dataKey, right
		u.chartStamp++
	}
}

// imageSide is the side of the task's images: 28 or 8.
func (d *digitsScene) imageSide() int {
	if d.cfg.Task == "digits8" {
		return 8
	}
	return 28
}

// curves collects the chart data: the recorder's running figures and the
// session's test points.
func (d *digitsScene) curves() digitsview.Curves {
	s := d.snap
	c := digitsview.Curves{Classes: s.Config.Classes(), TrainStep: s.CurveStep, TrainLoss: s.CurveLoss, TrainAcc: s.CurveAcc}
	if d.built() {
		h := s.History
		u := &d.ui
		u.testStep, u.testLoss, u.testAcc = u.testStep[:0], u.testLoss[:0], u.testAcc[:0]
		for _, p := range h {
			u.testStep = append(u.testStep, float64(p.Step))
			u.testLoss = append(u.testLoss, p.TestLoss)
			u.testAcc = append(u.testAcc, p.TestAcc)
		}
		c.TestStep, c.TestLoss, c.TestAcc = u.testStep, u.testLoss, u.testAcc
	}
	return c
}

// refreshCurrent takes the current image's pixels and probabilities —
// the worker's training image from the snapshot, or a test image among
// the mistakes with the model copy's probabilities — and re-renders its
// picture when it changed.
func (d *digitsScene) refreshCurrent() {
	if d.cur.index < 0 || (!d.cur.test && (!d.built() || d.cur.gen != d.snap.Gen)) {
		d.curX, d.curP = nil, nil
		return
	}
	if d.cur.test {
		if d.curKey == d.cur && d.curX != nil && (d.curStep == d.modelStep || !d.live) {
			return
		}
		w := d.ui.selWrong
		d.curX, d.curLabel = append(d.curX[:0], w.Pixels...), w.Label
		if d.model != nil {
			d.curP = d.model.Predict(d.curP, d.curX)
		} else {
			d.curP = append(d.curP[:0], w.Probs...)
		}
		d.curStep = d.modelStep
	} else {
		im := &d.snap.Image
		if d.curKey == d.cur && d.curX != nil && (d.curStep == im.Step || !d.live) {
			return
		}
		d.cur.step = im.Step
		d.curX, d.curP, d.curLabel = append(d.curX[:0], im.Pixels...), append(d.curP[:0], im.Probs...), im.Label
		d.curStep = im.Step
	}
	d.curStamp++
	if d.curKey != d.cur {
		d.curKey = d.cur
		side := d.imageSide()
		d.curPix.SetSize(side, side)
		renderDigit(d.curPix.RGBA(), d.curX, side, d.pixelMax())
		d.curPix.Upload()
	}
}

// pixelMax is the largest input value: 1, or 255 / 16 for raw pixels.
func (d *digitsScene) pixelMax() float64 {
	if !d.cfg.Raw {
		return 1
	}
	if d.cfg.Task == "digits8" {
		return 16
	}
	return 255
}

// renderDigit draws a side×side image (white ink on black, as the seeds
// show them) into dst at one pixel per image pixel.
func renderDigit(dst *image.RGBA, x []float32, side int, mx float64) {
	plot.ScaleGray(dst, image.Rect(0, 0, side, side), x, side, side, plot.Gray, plot.Norm{Min: 0, Max: mx})
}

// currentLabel returns the true class of the current image.
func (d *digitsScene) currentLabel() int {
	if d.cur.index < 0 || d.curX == nil {
		return -1
	}
	return d.curLabel
}

// className is the digit a class stands for.
func (d *digitsScene) className(k int) string {
	if n := d.snap.Names; k >= 0 && k < len(n) {
		return n[k]
	}
	return fmt.Sprint(k)
}

// imgTitle is the title of the current-image panel.
func (d *digitsScene) imgTitle() string {
	switch {
	case d.cur.test:
		return "Test image (a mistake)"
	case d.built():
		return "Current training image"
	}
	return "Current image"
}

// drawCurrent draws the current image with its block and hover marks, its
// label and prediction, the bars and the 8×8 matrix.
func (d *digitsScene) drawCurrent(screen *ebiten.Image) {
	u := &d.ui
	in := ui.PanelContent(u.imgPanel, d.imgTitle())
	if d.curX == nil {
		textIn(screen, d.waitText(), u.imgRect, sizeBody, FontRegular, colMuted, AlignCenter)
	} else {
		d.curPix.Draw(screen, u.imgRect)
		strokeRect(screen, u.imgRect.Inset(-1), 1, colBorder)
		side := d.imageSide()
		cell := u.imgRect.W / float64(side)
		r0, c0 := d.blockOrigin()
		strokeRect(screen, ui.Rect{X: u.imgRect.X + float64(c0)*cell - 1, Y: u.imgRect.Y + float64(r0)*cell - 1,
			W: float64(min(8, side))*cell + 2, H: float64(min(8, side))*cell + 2}, 1.5, colAccent2)
		if d.hoverPx >= 0 {
			hr, hc := d.hoverPx/side, d.hoverPx%side
			strokeRect(screen, ui.Rect{X: u.imgRect.X + float64(hc)*cell, Y: u.imgRect.Y + float64(hr)*cell, W: cell, H: cell}, 1.5, colAccent)
		}
		label := d.currentLabel()
		y := u.imgRect.Bottom() + 4
		if finiteProbs(d.curP) {
			pred := nn.Argmax(d.curP)
			verdict, vc := "right", colGood
			if pred != label {
				verdict, vc = "wrong", colBad
			}
			drawText(screen, fmt.Sprintf("label %s, predicted %s", d.className(label), d.className(pred)), in.X, y, sizeBody, FontRegular, colText, AlignStart)
			drawText(screen, verdict, in.Right(), y, sizeBody, FontBold, vc, AlignEnd)
		} else {
			drawText(screen, fmt.Sprintf("label %s, no prediction", d.className(label)), in.X, y, sizeBody, FontRegular, colText, AlignStart)
		}
		d.drawBars(screen, u.barsRect, d.curP, label)
	}
	d.drawMatrix(screen)
}

// blockOrigin is the top-left of the 8×8 block the matrix shows: around
// the hovered pixel, else the centre of the image.
func (d *digitsScene) blockOrigin() (r0, c0 int) {
	side := d.imageSide()
	if d.hoverPx >= 0 {
		return digitsview.BlockAt(d.hoverPx/side, d.hoverPx%side, side, side)
	}
	return digitsview.BlockAt(side/2, side/2, side, side)
}

// drawMatrix prints the 8×8 block's values (seed 003, section 1), each
// cell shaded like its pixel.
func (d *digitsScene) drawMatrix(screen *ebiten.Image) {
	u := &d.ui
	in := ui.PanelContent(u.matPanel, matTitle)
	if d.curX == nil {
		return
	}
	side := d.imageSide()
	r0, c0 := d.blockOrigin()
	m := digitsview.Matrix(d.curX, side, side, r0, c0)
	caption, cc := fmt.Sprintf("rows %d-%d, cols %d-%d (hover the image)", r0, r0+7, c0, c0+7), colMuted
	if d.hoverPx >= 0 {
		caption = fmt.Sprintf("pixel (row %d, col %d) = %s", d.hoverPx/side, d.hoverPx%side, digitsview.Cell(float64(d.curX[d.hoverPx]), d.cfg.Raw))
		cc = colAccent
	}
	drawText(screen, caption, in.X, in.Y, sizeSmall, FontRegular, cc, AlignStart)
	grid := ui.Rect{X: in.X, Y: in.Y + ui.LineHeight(sizeSmall) + 2, W: in.W, H: 8 * matrixRowH}
	cw := grid.W / 8
	mx := d.pixelMax()
	for i := range 8 {
		for j := range 8 {
			v := m[i][j]
			cell := ui.Rect{X: grid.X + float64(j)*cw, Y: grid.Y + float64(i)*matrixRowH, W: cw - 1, H: matrixRowH - 1}
			t := 0.0
			if !math.IsNaN(v) {
				t = math.Max(0, math.Min(1, v/mx))
			}
			g := uint8(255 - 200*t)
			fillRect(screen, cell, color.RGBA{g, g, g, 0xff})
			fg := colText
			if t > 0.55 {
				fg = colPanel
			}
			if d.hoverPx >= 0 && d.hoverPx == (r0+i)*side+c0+j {
				strokeRect(screen, cell, 1.5, colAccent)
			}
			textIn(screen, digitsview.Cell(v, d.cfg.Raw), cell, sizeSmall-1, FontMono, fg, AlignCenter)
		}
	}
}

// drawBars draws one vertical bar per class (seed 003's colours) with the
// class names under them and the predicted probability over its bar.
func (d *digitsScene) drawBars(screen *ebiten.Image, r ui.Rect, probs []float32, label int) {
	if len(probs) == 0 {
		return
	}
	if !finiteProbs(probs) {
		fillRect(screen, r, color.RGBA{0xf1, 0xf3, 0xf6, 0xff})
		textIn(screen, "no probabilities: the weights are not numbers", r, sizeSmall, FontRegular, colBad, AlignCenter)
		return
	}
	lblH := ui.LineHeight(sizeSmall)
	area := ui.Rect{X: r.X, Y: r.Y + lblH, W: r.W, H: r.H - 2*lblH - 2}
	vals := make([]float64, len(probs))
	for i, p := range probs {
		vals[i] = float64(p)
	}
	pred := nn.Argmax(probs)
	gap := math.Min(6, area.W/float64(len(vals))*0.2)
	bars := plot.ProbBars(plot.Rect{X0: area.X, Y0: area.Y, X1: area.Right(), Y1: area.Bottom()}, vals, gap, true)
	for _, b := range bars {
		full := ui.Rect{X: b.Full.X0, Y: b.Full.Y0, W: b.Full.W(), H: b.Full.H()}
		fillRect(screen, full, color.RGBA{0xf1, 0xf3, 0xf6, 0xff})
		c := colBarOther
		switch b.Index {
		case label:
			c = colBarTrue
		case pred:
			c = colBarPred
		}
		fillRect(screen, ui.Rect{X: b.Fill.X0, Y: b.Fill.Y0, W: b.Fill.W(), H: b.Fill.H()}, c)
		drawText(screen, d.className(b.Index), full.X+full.W/2, area.Bottom()+2, sizeSmall, FontRegular, colText, AlignCenter)
		if b.Index == pred {
			drawText(screen, fmt.Sprintf("%.2f", vals[b.Index]), full.X+full.W/2, b.Fill.Y0-lblH, sizeSmall, FontBold, c, AlignCenter)
		}
	}
	strokeLine(screen, area.X, area.Bottom(), area.Right(), area.Bottom(), 1, colBorder)
}

// waitText says why there is nothing to show yet.
func (d *digitsScene) waitText() string {
	switch {
	case d.buildErr() != "":
		return "cannot train: see the message above"
	case d.tr.failed != "":
		return "the trainer stopped"
	case !d.built():
		return "loading the data…"
	case d.model == nil:
		return "waiting for the trainer's weights…"
	}
	return ""
}

// ---- Weights view ----

func (d *digitsScene) layoutWeights(r ui.Rect) {
	u := &d.ui
	u.wPanel = r
	in := ui.PanelContent(r, "Weights")
	_, in = in.CutTop(ui.LineHeight(sizeBody)+4, 4)
	leg, in := in.CutBottom(30, ui.Gap)
	u.wLegend = leg
	u.wArea = in
	step := d.gen // the model copy changes with every weights snapshot
	resized := u.wPix.Fit(in)
	if d.model == nil {
		return
	}
	// Redraw at most ~4 times a second while training.
	due := step != u.weightsAt && time.Since(u.weightsTime) > 250*time.Millisecond
	if resized || due {
		w, ok := digitsview.FirstLayer(d.model)
		u.weights, u.weightsOK = w, ok
		img := u.wPix.RGBA()
		clear(img.Pix)
		if ok && len(w.Maps) > 0 {
			gap := int(6 * Scale())
			cells := digitsview.Grid(img.Rect, len(w.Maps), w.Maps[0].W, w.Maps[0].H, gap)
			w.Render(img, cells)
		}
		u.wPix.Upload()
		u.weightsAt, u.weightsTime = step, time.Now()
	}
}

func (d *digitsScene) drawWeights(screen *ebiten.Image) {
	u := &d.ui
	in := ui.PanelContent(u.wPanel, "Weights")
	if d.model == nil {
		textIn(screen, d.waitText(), u.wArea, sizeBody, FontRegular, colMuted, AlignCenter)
		return
	}
	w := u.weights
	more := ""
	if w.Total > len(w.Maps) {
		more = fmt.Sprintf(" (the first %d shown)", len(w.Maps))
	}
	drawText(screen, fmt.Sprintf("%s%s, at step %d", w.Title, more, u.weightsAt), in.X, in.Y, sizeBody, FontRegular, colText, AlignStart)
	u.wPix.Draw(screen, u.wArea)
	// Colour legend: red negative, white zero, blue positive.
	leg := u.wLegend
	bar := ui.Rect{X: leg.X, Y: leg.Y + 4, W: math.Min(240, leg.W/2), H: 10}
	n := 60
	for i := range n {
		t := float64(i) / float64(n-1)
		c := plot.Diverging.At(t)
		fillRect(screen, ui.Rect{X: bar.X + bar.W*float64(i)/float64(n), Y: bar.Y, W: bar.W/float64(n) + 0.5, H: bar.H}, c)
	}
	strokeRect(screen, bar, 1, colBorder)
	ty := bar.Bottom() + 1
	drawText(screen, fmt.Sprintf("%.2g", w.Norm.Min), bar.X, ty, sizeSmall, FontRegular, colMuted, AlignStart)
	drawText(screen, "0", bar.X+bar.W/2, ty, sizeSmall, FontRegular, colMuted, AlignCenter)
	drawText(screen, fmt.Sprintf("+%.2g", w.Norm.Max), bar.Right(), ty, sizeSmall, FontRegular, colMuted, AlignEnd)
	drawText(screen, "red: negative weight, white: zero, blue: positive (one scale for all)", bar.Right()+16, bar.Y-2, sizeSmall, FontRegular, colMuted, AlignStart)
}

// ---- Mistakes view ----

const (
	mistImg  = 56.0 // thumbnail side
	mistBars = 30.0 // mini bars under it
)

func (d *digitsScene) layoutMistakes(r ui.Rect, in *ui.Input) {
	u := &d.ui
	leftW := math.Min(272, r.W*0.4)
	left, right := r.CutLeft(leftW, ui.Gap+4)
	u.mistBig = left
	u.mistPanel = right
	grid := ui.PanelContent(right, "Misclassified test images")
	_, grid = grid.CutTop(ui.LineHeight(sizeBody)+4, 4)
	cw, ch := mistImg+10, mistImg+mistBars+ui.LineHeight(sizeSmall)+10
	cols := max(1, int(grid.W/cw))
	rows := max(0, int(grid.H/ch))
	wrong := d.snap.Mistakes
	n := min(len(wrong), cols*rows)
	u.mistCells = u.mistCells[:0]
	for i := range n {
		u.mistCells = append(u.mistCells, ui.Rect{X: grid.X + float64(i%cols)*cw, Y: grid.Y + float64(i/cols)*ch, W: cw - 10, H: ch - 10})
	}
	for i, c := range u.mistCells {
		if in.Hover(c) {
			w := wrong[i]
			in.OfferTip(c, fmt.Sprintf("test image %d: label %s, predicted %s (p = %.2f); click to see it large",
				w.Index, d.className(w.Label), d.className(w.Pred), w.Probs[w.Pred]))
		}
		if in.PressedIn(c) {
			in.Consume()
			w := wrong[i]
			u.sel, u.selStep = w.Index, d.snap.Full.Step
			u.selWrong = digitsview.Mistake{Index: w.Index, Label: w.Label, Pred: w.Pred,
				Probs: append(u.selWrong.Probs[:0], w.Probs...), Pixels: append(u.selWrong.Pixels[:0], w.Pixels...)}
			d.cur = imageRef{test: true, index: u.sel, gen: d.snap.Full.Seq}
		}
	}
	if !d.cur.test {
		u.sel = -1
	}
	// The thumbnails: one panel image, re-rendered when the judge finishes a pass.
	key := [3]int{d.snap.Full.Seq, d.snap.Gen, len(u.mistCells)}
	resized := u.mistPix.Fit(grid)
	if resized || key != u.mistKey {
		u.mistKey = key
		img := u.mistPix.RGBA()
		clear(img.Pix)
		side := d.imageSide()
		s := Scale()
		for i, c := range u.mistCells {
			x := wrong[i].Pixels
			rr := image.Rect(int((c.X-grid.X)*s), int((c.Y-grid.Y)*s), int((c.X-grid.X+mistImg)*s), int((c.Y-grid.Y+mistImg)*s))
			plot.ScaleGray(img, rr, x, side, side, plot.Gray, plot.Norm{Min: 0, Max: d.pixelMax()})
		}
		u.mistPix.Upload()
	}
	u.mistGrid = grid
	in2 := ui.PanelContent(left, "Selected mistake")
	s := math.Floor(math.Min(in2.W, in2.H-ui.LineHeight(sizeBody)-110)/float64(d.imageSide())) * float64(d.imageSide())
	u.mistImgRect = ui.Rect{X: in2.X + (in2.W-s)/2, Y: in2.Y, W: s, H: s}
	u.mistBigBars = ui.Rect{X: in2.X, Y: u.mistImgRect.Bottom() + ui.LineHeight(sizeBody) + 12, W: in2.W, H: 84}
	if d.cur.test {
		d.refreshCurrent()
	}
}

func (d *digitsScene) drawMistakes(screen *ebiten.Image) {
	u := &d.ui
	in := ui.PanelContent(u.mistPanel, "Misclassified test images")
	s := d.snap
	j := s.Full
	busy := ""
	if s.Evaluating && s.EvalFull {
		busy = fmt.Sprintf(" · judging step %d… %.0f%%", s.Step, 100*s.EvalProgress)
	}
	switch {
	case !d.built():
		drawText(screen, d.waitText(), in.X, in.Y, sizeBody, FontRegular, colMuted, AlignStart)
	case j.Seq == 0 && busy != "":
		drawText(screen, "judging the whole test set"+busy[len(" · judging"):], in.X, in.Y, sizeBody, FontRegular, colMuted, AlignStart)
	case j.Seq == 0:
		drawText(screen, "no evaluation of the whole test set yet: train a little (Start or Step)", in.X, in.Y, sizeBody, FontRegular, colMuted, AlignStart)
	default:
		drawText(screen, fmt.Sprintf("%d of %d wrong (accuracy %.4f) at step %d%s", j.Wrong, j.N, j.Acc, j.Step, busy),
			in.X, in.Y, sizeBody, FontRegular, colText, AlignStart)
	}
	wrong := s.Mistakes
	u.mistPix.Draw(screen, u.mistGrid)
	for i, c := range u.mistCells {
		w := wrong[i]
		img := ui.Rect{X: c.X, Y: c.Y, W: mistImg, H: mistImg}
		if w.Index == u.sel {
			strokeRect(screen, img.Inset(-3), 2, colAccent)
		}
		d.drawMiniBars(screen, ui.Rect{X: c.X, Y: img.Bottom() + 2, W: mistImg, H: mistBars}, w.Probs, w.Label)
		drawText(screen, fmt.Sprintf("%s→%s", d.className(w.Label), d.className(w.Pred)), c.X+mistImg/2, img.Bottom()+mistBars+3, sizeSmall, FontRegular, colText, AlignCenter)
	}
	// The selected one, large.
	bin := ui.PanelContent(u.mistBig, "Selected mistake")
	if u.sel < 0 || !d.cur.test || d.curX == nil {
		textIn(screen, "click a mistake", u.mistImgRect, sizeBody, FontRegular, colMuted, AlignCenter)
		return
	}
	d.curPix.Draw(screen, u.mistImgRect)
	w := u.selWrong
	y := u.mistImgRect.Bottom() + 6
	drawText(screen, fmt.Sprintf("test image %d: label %s, predicted %s", w.Index, d.className(w.Label), d.className(w.Pred)),
		bin.X, y, sizeBody, FontRegular, colText, AlignStart)
	d.drawBars(screen, u.mistBigBars, w.Probs, w.Label)
	y = u.mistBigBars.Bottom() + 6
	drawText(screen, fmt.Sprintf("probabilities at step %d", u.selStep), bin.X, y, sizeSmall, FontRegular, colMuted, AlignStart)
	if finiteProbs(d.curP) && d.model != nil && d.modelStep != u.selStep {
		now := nn.Argmax(d.curP)
		c := colBad
		if now == w.Label {
			c = colGood
		}
		drawText(screen, fmt.Sprintf("the model at step %d says %s (p = %.2f)", d.modelStep, d.className(now), d.curP[now]),
			bin.X, y+ui.LineHeight(sizeSmall), sizeSmall, FontRegular, c, AlignStart)
	}
}

// finiteProbs reports whether every probability is a number (after a
// divergence they are NaN and must not be shown as numbers or bars).
func finiteProbs(p []float32) bool {
	for _, v := range p {
		if v != v || math.IsInf(float64(v), 0) {
			return false
		}
	}
	return len(p) > 0
}

// drawMiniBars draws small probability bars without labels.
func (d *digitsScene) drawMiniBars(screen *ebiten.Image, r ui.Rect, probs []float32, label int) {
	vals := make([]float64, len(probs))
	for i, p := range probs {
		vals[i] = float64(p)
	}
	pred := nn.Argmax(probs)
	for _, b := range plot.ProbBars(plot.Rect{X0: r.X, Y0: r.Y, X1: r.Right(), Y1: r.Bottom()}, vals, 1, true) {
		fillRect(screen, ui.Rect{X: b.Full.X0, Y: b.Full.Y0, W: b.Full.W(), H: b.Full.H()}, color.RGBA{0xf1, 0xf3, 0xf6, 0xff})
		c := colBarOther
		switch b.Index {
		case label:
			c = colBarTrue
		case pred:
			c = colBarPred
		}
		fillRect(screen, ui.Rect{X: b.Fill.X0, Y: b.Fill.Y0, W: b.Fill.W(), H: math.Max(b.Fill.H(), 1)}, c)
	}
}

// ---- Draw ----

// Draw draws the scene as laid out by Update: the chrome (sidebar, panel
// cards, chart axes — many anti-aliased shapes, slow in software GL) from
// a cached layer redrawn only when it changes, then the live content.
func (d *digitsScene) Draw(screen *ebiten.Image) {
	d.ui.chrome.draw(screen, d.chromeKey(), ui.Rect{}, d.drawChrome)
	d.drawLive(screen, false)
}

// DrawChanges redraws over the last frame only what training changed: the
// status line, and the current image or the charts when they changed (the
// other views: their panel). It declines while the data loads, over the
// divergence message and when the chrome changed.
func (d *digitsScene) DrawChanges(screen *ebiten.Image) bool {
	u := &d.ui
	if u.waiting || d.tr.failed != "" || d.diverged() || u.chrome.img == nil || d.chromeKey() != u.chrome.key {
		return false
	}
	d.drawLive(screen, true)
	return true
}

// drawLive draws the status line and the view's content; with changed,
// only the parts whose key differs from the last frame's, each first
// restored to the background and the chrome under it. A part drawn from a
// cached layer is keyed by the layer's own key.
func (d *digitsScene) drawLive(screen *ebiten.Image, changed bool) {
	u := &d.ui
	part := func(r ui.Rect, key string, last *string, draw func()) {
		if changed && key == *last {
			return
		}
		if changed {
			u.chrome.restore(screen, r, colBg)
		}
		draw()
		*last = key
	}
	if !changed || d.live {
		text, font, c := d.infoLine()
		part(u.info, fmt.Sprint(text, font, c), &u.infoDrawn, func() {
			textIn(screen, text, u.info, sizeBody, font, c, AlignStart)
		})
	}
	if u.waiting {
		u.dataView.Draw(screen)
		return
	}
	switch digitViews[u.view.Index] {
	case "train":
		key := fmt.Sprint(d.curStamp, d.curX == nil, d.hoverPx, u.imgPanel, u.imgRect, u.matPanel, d.cfg.Raw, d.waitText())
		left := ui.Rect{X: u.imgPanel.X, Y: u.imgPanel.Y, W: u.imgPanel.W, H: u.matPanel.Bottom() - u.imgPanel.Y}
		part(left, key, &u.imgLayer.key, func() { u.imgLayer.draw(screen, key, left, d.drawCurrent) })
		ck := fmt.Sprint(u.chartStamp)
		part(u.chartRect, ck, &u.chartLayer.key, func() {
			u.chartLayer.draw(screen, ck, u.chartRect, func(dst *ebiten.Image) {
				drawChartData(dst, &u.loss)
				drawChartData(dst, &u.acc)
			})
		})
	case "weights":
		part(u.viewArea, fmt.Sprint(u.weightsAt, u.weightsTime, d.model == nil), &u.viewDrawn, func() { d.drawWeights(screen) })
	case "mistakes":
		s := d.snap
		key := fmt.Sprint(s.Full.Seq, s.Evaluating && s.EvalFull, int(100*s.EvalProgress), s.Gen, u.sel, d.curStamp, len(u.mistCells), d.built())
		part(u.viewArea, key, &u.viewDrawn, func() { d.drawMistakes(screen) })
	case "draw":
		part(u.viewArea, "", &u.viewDrawn, func() { d.drawPad(screen) })
	}
	d.drawDiverged(screen)
}

// infoLine is the status line above the views: step, epoch, speed and test
// accuracy while training, else what the scene waits for or why it cannot
// train.
func (d *digitsScene) infoLine() (string, Font, color.Color) {
	r := d.ui.info
	switch {
	case d.tr.failed != "":
		return "The trainer stopped: " + d.tr.failed, FontBold, colBad
	case d.buildErr() != "":
		return "cannot train: " + d.buildErr(), FontBold, colBad
	case !d.built():
		return d.waitText(), FontRegular, colMuted
	}
	s := d.snap
	p := s.Config.Preset()
	ep := fmt.Sprintf("epoch %.2f", s.Epochs())
	if p.Epochs > 0 {
		ep += fmt.Sprintf("/%d", p.Epochs)
	}
	step := fmt.Sprintf("step %d", s.Step)
	if p.Steps > 0 {
		step += fmt.Sprintf("/%d", p.Steps)
	}
	// The test figure right after the step (on a narrow window the later
	// parts drop off), with the step it was computed at.
	parts := []string{step}
	if _, acc, _, at := s.TestFigures(); !math.IsNaN(acc) {
		parts = append(parts, fmt.Sprintf("test %.4f at step %d", acc, at))
	}
	parts = append(parts, ep)
	if d.Running() {
		parts = append(parts, compact(s.WallRate)+"/s")
	}
	if p.SkipBelow > 0 && s.Seen > 0 {
		// selective backprop: the share of images that were not yet easy
		parts = append(parts, fmt.Sprintf("backprop %.0f%%", 100*float64(s.Backprops)/float64(s.Seen)))
	}
	c := colText
	switch {
	case d.finished():
		parts = append(parts, "done")
		c = colGood
	case s.Loaded != "":
		parts = append(parts, "from "+s.Loaded)
	}
	// As many parts as fit, the most important first.
	text := ""
	for i := range parts {
		t := strings.Join(parts[:i+1], " · ")
		if textWidth(t, sizeBody, FontRegular)+2*ui.Pad > r.W && i > 0 {
			break
		}
		text = t
	}
	return text, FontRegular, c
}

// compact formats a rate: 1234 → "1234 samples", 12345 → "12.3k samples".
func compact(v float64) string {
	if v >= 10000 {
		return fmt.Sprintf("%.1fk samples", v/1000)
	}
	return fmt.Sprintf("%.0f samples", v)
}

// drawDiverged explains a blown-up run over the content area.
func (d *digitsScene) drawDiverged(screen *ebiten.Image) {
	if !d.diverged() {
		return
	}
	c := d.ui.content
	box := ui.Rect{X: c.X + c.W/2 - 230, Y: c.Y + 90, W: 460, H: 150}
	fillRoundRect(screen, box, corner, colBannerBg)
	strokeRoundRect(screen, box, corner, 2, colBad)
	in := box.Inset(14)
	drawText(screen, "Training diverged", in.X, in.Y, sizeTitle, FontBold, colBad, AlignStart)
	dv := d.snap.Diverged
	thing := "loss"
	if dv.Param >= 0 {
		thing = fmt.Sprintf("weight %d", dv.Param)
	}
	what := fmt.Sprintf("The %s stopped being a number at step %d (η = %.4g).", thing, dv.Step, dv.LR)
	lines := ui.Wrap(what+" The steps were so large that the weights overshot and grew without bound.", in.W, sizeBody)
	seedLR := d.cfg.LR / 100
	if p, err := nn.PresetByName(d.cfg.Model); err == nil {
		seedLR = p.LR
	}
	lines = append(lines, ui.Wrap(fmt.Sprintf("What to do: set a smaller η (the preset uses %g) and press Reset (r).", seedLR), in.W, sizeBody)...)
	y := in.Y + ui.LineHeight(sizeTitle) + 6
	for _, l := range lines {
		drawText(screen, l, in.X, y, sizeBody, FontRegular, colText, AlignStart)
		y += ui.LineHeight(sizeBody)
	}
}

// drawChrome draws everything of the scene that changes only with the
// layout, the options or the hovered widget.
func (d *digitsScene) drawChrome(dst *ebiten.Image) {
	u := &d.ui
	d.drawControls(dst)
	drawChoice(dst, &u.view)
	if u.waiting {
		return
	}
	switch digitViews[u.view.Index] {
	case "train":
		drawPanel(dst, u.imgPanel, d.imgTitle())
		drawPanel(dst, u.matPanel, matTitle)
		drawChartFrame(dst, &u.loss)
		drawChartFrame(dst, &u.acc)
	case "weights":
		drawPanel(dst, u.wPanel, "Weights")
	case "mistakes":
		drawPanel(dst, u.mistPanel, "Misclassified test images")
		drawPanel(dst, u.mistBig, "Selected mistake")
	case "draw":
		drawPanel(dst, u.padPanel, padTitle)
		drawButton(dst, &u.clear)
		drawToggle(dst, &u.see)
		drawPanel(dst, u.seePanel, seeTitle)
	}
}

// chromeKey describes everything drawChrome draws; the cached layer is
// redrawn when it changes.
func (d *digitsScene) chromeKey() string {
	u := &d.ui
	var b strings.Builder
	fmt.Fprint(&b, dpr, u.controls, u.content, u.waiting, d.cfg.Task, d.cfg.Model, d.cfg.Raw, u.raw.Label, "|")
	for _, c := range []*ui.Choice{&u.task, &u.model, &u.opt, &u.view} {
		fmt.Fprint(&b, c.Rect, c.Index, c.Hovered(), c.Disabled, c.Options, "|")
	}
	for _, s := range []*ui.Slider{&u.lr, &u.anneal, &u.batch, &u.trainN, &u.noise} {
		fmt.Fprint(&b, s.Rect, s.Value, s.Hovered(), s.Dragging(), s.Disabled, "|")
	}
	for _, t := range []*ui.Toggle{&u.raw, &u.see} {
		fmt.Fprint(&b, t.Rect, t.On, t.Hovered(), t.Disabled, "|")
	}
	for _, bt := range []*ui.Button{&u.seed, &u.start, &u.step, &u.rst, &u.save, &u.load, &u.clear} {
		fmt.Fprint(&b, bt.Rect, bt.Label, bt.Hovered(), bt.Held(), bt.Disabled, "|")
	}
	switch digitViews[u.view.Index] {
	case "train":
		fmt.Fprint(&b, u.imgPanel, d.imgTitle(), u.matPanel, chartKey(&u.loss), chartKey(&u.acc))
	case "weights":
		fmt.Fprint(&b, u.wPanel)
	case "mistakes":
		fmt.Fprint(&b, u.mistPanel, u.mistBig)
	case "draw":
		fmt.Fprint(&b, u.padPanel, u.seePanel)
	}
	return b.String()
}

// layerCache is an offscreen copy of slow-to-draw, rarely changing
// drawing, redrawn only when its key changes.
type layerCache struct {
	img     *ebiten.Image
	key     string
	redraws int // renders so far (status: how well the cache works)
}

// draw puts the part r (logical pixels; empty = all) of the layer on dst,
// first re-rendering it with render when the key or dst's size changed.
// render draws in screen coordinates; only r of it is kept.
func (c *layerCache) draw(dst *ebiten.Image, key string, r ui.Rect, render func(*ebiten.Image)) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
		if c.img != nil {
			c.img.Deallocate()
		}
		c.img = ebiten.NewImage(w, h)
		c.key = ""
	}
	area := c.img.Bounds()
	if !r.Empty() {
		area = deviceRect(r).Intersect(area)
	}
	sub := c.img.SubImage(area).(*ebiten.Image)
	if key != c.key || key == "" {
		sub.Clear()
		render(sub)
		c.key = key
		c.redraws++
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(float64(area.Min.X), float64(area.Min.Y))
	dst.DrawImage(sub, op)
}

// restore puts the layer's part r (logical pixels, widened to whole device
// pixels) back on dst over the background colour bg, erasing what was
// drawn there: the first step of redrawing just that part.
func (c *layerCache) restore(dst *ebiten.Image, r ui.Rect, bg color.Color) {
	area := deviceRect(r).Intersect(dst.Bounds())
	if area.Empty() {
		return
	}
	dst.SubImage(area).(*ebiten.Image).Fill(bg)
	if c.img == nil {
		return
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(float64(area.Min.X), float64(area.Min.Y))
	dst.DrawImage(c.img.SubImage(area).(*ebiten.Image), op)
}

// deviceRect is the smallest rectangle of whole device pixels covering r.
func deviceRect(r ui.Rect) image.Rectangle {
	return image.Rect(int(math.Floor(r.X*dpr)), int(math.Floor(r.Y*dpr)), int(math.Ceil(r.Right()*dpr)), int(math.Ceil(r.Bottom()*dpr)))
}
