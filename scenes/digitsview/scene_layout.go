package digitsview

import (
	"fmt"
	"image"
	"math"
	"time"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Sizes of the views' parts, in logical pixels.
const (
	MatrixRowH = 15.0 // height of one row of the 8×8 matrix (matrixRowH)
	MistImg    = 56.0 // a mistake's thumbnail side
	MistBars   = 32.0 // its two probability rows under it
)

// matrixRowH is the height of one row of the 8×8 matrix: MatrixRowH, or
// on a page the line of its larger figures (ui.DenseSize).
func matrixRowH() float64 {
	if ui.Paged {
		return math.Ceil(ui.LineHeight(ui.DenseSize()))
	}
	return MatrixRowH
}

// Titles of the views' panels.
const (
	MatTitle      = "Pixel values (8x8 block)"
	WeightsTitle  = "Weights"
	MistakesTitle = "Misclassified test images, the most confident first"
	SelectedTitle = "Selected mistake"
	PadTitle      = "Draw a digit (mouse or finger)"
	SeeTitle      = "What the network sees"
)

// Rects are where Update put the scene's parts (logical pixels).
type Rects struct {
	Controls, Content ui.Rect // the sidebar, the rest
	PageFirst         float64 // on a page: what the first screen leaves the view
	Info              ui.Rect // the status line above the views
	ViewArea          ui.Rect // the views' area, below it

	ImgPanel, ImgRect, BarsRect, MatPanel ui.Rect // training view
	RacePanel                             ui.Rect // … in a race, instead of the image and the matrix
	ChartRect                             ui.Rect // … its charts
	WPanel, WLegend, WArea                ui.Rect // weights view
	LPanel                                ui.Rect // … its layer table
	MistPanel, MistBig, MistGrid          ui.Rect // mistakes view
	MistImgRect, MistBigBars              ui.Rect
	MistLegend                            ui.Rect   // the line under the thumbnails saying what their rows are
	MistCells                             []ui.Rect // the thumbnails shown
	PadPanel, PadRect, SeePanel, SeeRect  ui.Rect   // draw view
	PadInfo, PadBars                      ui.Rect
	Line                                  LineRects      // line view
	Conf                                  ConfusionRects // confusion view
	InsidePanel                           ui.Rect        // inside view
}

// views is the state of the views besides their rectangles.
type views struct {
	scale float64       // device pixels per logical pixel (this frame's)
	now   time.Duration // this frame's time

	info     Info // the status line, for infoKey
	infoKey  infoKey
	infoDone bool

	// Training view: the charts, laid out on live frames when their data
	// changed; ChartStamp counts those layouts, ChartFrame the ones that
	// changed what the charts' frames (axes, ticks, legend) draw.
	Loss, Acc                   ChartView
	ChartStamp, ChartFrame      int
	chartData                   chartKey
	RaceTable                   RaceTable // the race table, laid out (scene_race_table.go)
	chartDone                   bool
	testStep, testLoss, testAcc []float64
	tip                         tipCache

	// Weights view: the pictures of the model copy generation WeightsAt.
	WPix           plot.Raster
	Weights        Weights
	WeightsOK      bool
	WeightsAt      int
	WeightsStep    int // the training step of the weights they show
	weightsTime    time.Duration
	weightsDrawn   bool
	weightsRenders int

	// Mistakes view: the thumbnails and the selected mistake.
	MistPix  plot.Raster
	mistKey  [4]int // judge passes, gen, cell count and mistakes received the picture shows
	mistRecv int    // snapshots with mistakes merged
	Sel      int    // test index of the selected mistake, -1 none
	SelWrong Mistake
	SelStep  int // the step its probabilities are from

	// Draw view: the pad at one image pixel per device pixel, the 28×28.
	PadPix, SeePix plot.Raster
	padPixVer      int

	layers layerTable     // Weights view: the layer table
	line   lineState      // Line view
	conf   confusionState // Confusion view
	ins    insideState    // Inside view
}

// chartKey is what the charts were laid out for.
type chartKey struct {
	rect     ui.Rect
	n, hist  int
	last     float64
	gen      int
	diverged bool
	race     int // the race's lanes' snapshots, while it races
}

// tipCache keeps a tooltip's text for as long as what it says is the same.
type tipCache struct {
	key  any
	text string
}

// tipFor returns the text for key, built by build only when key changed
// (keys are small comparable structs; storing one allocates only then).
func tipFor[K comparable](c *tipCache, key K, build func() string) string {
	if k, ok := c.key.(K); !ok || k != key {
		c.key, c.text = key, build()
	}
	return c.text
}

// Update lays out the scene in t.Area, handles its input and follows the
// worker; dataReady says whether the data sets are loaded. It allocates
// nothing on a frame where neither the input nor the run changed.
func (s *Scene) Update(t *ui.Tick, dataReady bool) Action {
	// While training, the live parts (status line, current image and its
	// probabilities, charts) follow together once every LivePeriod.
	if !s.Running() || t.Now-s.liveAt >= LivePeriod {
		s.live, s.liveAt = true, t.Now
	} else {
		s.live = false
	}
	s.scale, s.now = t.Scale, t.Now
	L := &s.L
	var act Action
	if ui.Paged {
		act = s.layoutPage(t.Area, t.In)
	} else {
		L.Controls, L.Content = ui.Sidebar(t.Area)
		act = s.updateControls(t.In)
		top, rest := L.Content.CutTop(ui.RowH, ui.Gap)
		vw := math.Min(540, top.W*0.72)
		s.UI.View.Rows = 1
		s.UI.View.Rect, L.Info = top.CutRight(vw, ui.Gap)
		L.ViewArea = rest
	}
	s.UI.View.Update(t.In)
	rest := L.ViewArea

	s.follow()
	s.checkLanes()

	// Waiting for the data, or for a trainer that stopped to be restarted
	// (the page shows the data's progress or Retry in ViewArea).
	s.Waiting = !s.Built() && s.BuildErr() == "" && (s.failed() != "" || !dataReady)
	if s.Waiting {
		return act
	}
	switch s.View() {
	case ViewTrain:
		s.layoutTrain(rest, t.In)
	case ViewWeights:
		s.layoutWeights(rest)
	case ViewMistakes:
		s.layoutMistakes(rest, t.In)
	case ViewDraw:
		act |= s.layoutDraw(rest, t.In)
	case ViewLine:
		s.layoutLine(rest, t.In, t.Budget)
	case ViewConfusion:
		s.layoutConfusion(rest, t.In)
	case ViewInside:
		s.layoutInside(rest, t.In)
	}
	s.updatePadPrediction()
	s.followMine()
	s.judgeMine()
	return act
}

// layoutPage lays the scene out on a page: the views' choice (in two rows
// on a narrow page), the status line, the view, then the controls.
func (s *Scene) layoutPage(area ui.Rect, in *ui.Input) Action {
	L := &s.L
	col := ui.NewColumn(ui.Below(area), ui.Gap)
	s.UI.View.Rows = 2
	if ui.WidePage(area.W) {
		s.UI.View.Rows = 1
	}
	s.UI.View.Rect = col.Next(s.UI.View.Height())
	L.Info = col.Next(ui.RowH)
	L.PageFirst = area.Bottom() - col.R.Y
	L.ViewArea = col.Next(s.pageViewH(area.W))
	L.Content = ui.Rect{X: area.X, Y: area.Y, W: area.W, H: L.ViewArea.Bottom() - area.Y}
	L.Controls = col.Next(ui.PanelChrome() + s.controlRowsH() + 11*ui.Gap + 8*ui.LineHeight(ui.SmallSize))
	s.pageH = L.Controls.Bottom() - area.Y
	return s.updateControls(in)
}

// PageHeight is the height of the scene on a page (ui.Tall).
func (s *Scene) PageHeight() float64 { return s.pageH }

// pageViewH is how tall the view is in a page's column w wide.
func (s *Scene) pageViewH(w float64) float64 {
	if ui.WidePage(w) { // (the desktop's arrangement, from the first screen down)
		h := max(s.L.PageFirst, 560)
		switch s.View() {
		case ViewTrain:
			h = max(h, trainLeftH)
		case ViewLine:
			h = max(h, lineLeftH)
		case ViewMistakes:
			h = max(h, mistLeftH+160)
		case ViewWeights:
			if rows := s.LayerRows(); rows != nil {
				h = max(h, w*0.5+layersHeight(len(rows)))
			}
		case ViewInside:
			h = max(h, w*0.8)
		}
		return h
	}
	switch s.View() {
	case ViewTrain:
		return trainLeftH + ui.Gap + 4 + 2*pageChartH + ui.Gap
	case ViewDraw:
		return drawPageH(w, s.L.PageFirst)
	case ViewLine:
		return lineLeftH + ui.Gap + 4 + 460
	case ViewMistakes:
		return mistLeftH + ui.Gap + 4 + 560
	case ViewInside:
		return 2.4*w + insideDetailPageH
	case ViewConfusion:
		return w + 300
	case ViewWeights:
		h := w + 140
		if rows := s.LayerRows(); rows != nil {
			h += layersHeight(len(rows)) + ui.Gap
		}
		return h
	}
	return math.Max(640, w*1.4)
}

// On a page the views' left panels stack over the right ones: the training
// view's image and matrix (trainLeftH) over its two charts (pageChartH
// each), the Line view's images over its chart, the selected mistake over
// the gallery.
const (
	trainLeftH = 480.0
	pageChartH = 240.0
	lineLeftH  = 500.0
	mistLeftH  = 380.0
)

// sideBySide splits a view's area r into a left column (at most 272 wide,
// 340 on a wide page, 40 %) and the rest right of it; on a narrow page the
// left part is pageLeftH tall, over the rest.
func sideBySide(r ui.Rect, pageLeftH float64) (left, right ui.Rect) {
	leftW := 272.0
	switch {
	case ui.NarrowPage(r.W):
		return r.CutTop(pageLeftH, ui.Gap+4)
	case ui.WidePage(r.W):
		leftW = 340 // (room for the matrix's figures in their page size)
	}
	return r.CutLeft(math.Min(leftW, r.W*0.4), ui.Gap+4)
}

// ---- Training view: current image, bars, matrix, charts ----

func (s *Scene) layoutTrain(r ui.Rect, in *ui.Input) {
	L := &s.L
	left, right := sideBySide(r, trainLeftH)
	L.RacePanel = ui.Rect{}
	if s.Racing() {
		L.ImgPanel, L.ImgRect, L.BarsRect, L.MatPanel, L.RacePanel = ui.Rect{}, ui.Rect{}, ui.Rect{}, ui.Rect{}, left
		s.HoverPx = -1
		s.layoutRaceTable()
		s.layoutCharts(right)
		return
	}
	matH := 8*matrixRowH() + 2*ui.Pad + ui.LabelH + 8 + ui.LineHeight(ui.SmallSize)
	L.MatPanel, L.ImgPanel = left.CutBottom(matH, ui.Gap)
	in2 := ui.PanelContent(L.ImgPanel, "Current image")
	side := s.ImageSide()
	avail := math.Min(in2.W, in2.H-ui.LineHeight(ui.FontSize)-96)
	k := math.Max(1, math.Floor(avail/float64(side)))
	sz := k * float64(side)
	L.ImgRect = ui.Rect{X: in2.X + (in2.W-sz)/2, Y: in2.Y, W: sz, H: sz}
	L.BarsRect = ui.Rect{X: in2.X, Y: math.Min(L.ImgRect.Bottom()+ui.LineHeight(ui.FontSize)+12, in2.Bottom()-84), W: in2.W, H: 84}

	s.HoverPx = -1
	if in.Hover(L.ImgRect) && s.CurX != nil {
		c := int((in.X - L.ImgRect.X) / L.ImgRect.W * float64(side))
		rr := int((in.Y - L.ImgRect.Y) / L.ImgRect.H * float64(side))
		// (the image may still be of the previous task's size)
		if c >= 0 && c < side && rr >= 0 && rr < side && rr*side+c < len(s.CurX) {
			s.HoverPx = rr*side + c
			type key struct {
				px, side int
				v        uint32
				raw      bool
			}
			k := key{s.HoverPx, side, math.Float32bits(s.CurX[s.HoverPx]), s.Cfg.Raw}
			in.OfferTip(L.ImgRect, tipFor(&s.tip, k, s.pixelText))
		}
	}
	s.refreshCurrent()
	s.layoutCharts(right)
}

// layoutCharts lays out the loss and accuracy charts in right, again on
// live frames when their data changed (each redraw strokes every series;
// more often only costs frames).
func (s *Scene) layoutCharts(right ui.Rect) {
	L := &s.L
	sn := s.Snap
	key := chartKey{rect: right, n: len(sn.CurveStep), hist: len(sn.History), gen: sn.Gen, diverged: s.Diverged()}
	if key.n > 0 {
		key.last = sn.CurveStep[key.n-1]
	}
	if s.Racing() {
		key.race = 1 + s.race.stamp
	}
	if (key != s.chartData || !s.chartDone) && s.live {
		h := (right.H - ui.Gap) / 2
		lossP, accP := right.CutTop(h, ui.Gap)
		var lc, ac Chart
		if s.Racing() {
			lc, ac = s.raceCharts()
		} else {
			c := s.curves()
			lc, ac = c.LossChart(), c.AccChart()
		}
		loss := LayoutChart(lossP, "Loss (mean cross-entropy)", lc)
		acc := LayoutChart(accP, "Accuracy", ac)
		if !s.Loss.sameFrame(&loss) || !s.Acc.sameFrame(&acc) {
			s.ChartFrame++
		}
		s.Loss, s.Acc = loss, acc
		s.chartData, s.chartDone, L.ChartRect = key, true, right
		s.ChartStamp++
	}
}

// ImageSide is the side of the task's images: 28 or 8.
func (s *Scene) ImageSide() int {
	// The snapshot's task, not the one just asked for: the images shown
	// are the snapshot's until the worker sends the new task's (a set()
	// from 28×28 to 8×8 drew 784 pixels as 8×8 and panicked).
	if s.Snap.Config.Task == "digits8" {
		return 8
	}
	return 28
}

// PixelMax is the largest input value: 1, or 255 / 16 for raw pixels.
func (s *Scene) PixelMax() float64 {
	if !s.Cfg.Raw {
		return 1
	}
	if s.Cfg.Task == "digits8" {
		return 16
	}
	return 255
}

// refreshCurrent takes the current image's pixels and probabilities —
// the worker's training image from the snapshot, or a test image among
// the mistakes with the model copy's probabilities — and re-renders its
// picture when it changed.
func (s *Scene) refreshCurrent() {
	if s.cur.index < 0 || (!s.cur.test && (!s.Built() || s.cur.gen != s.Snap.Gen)) {
		s.CurX, s.CurP = nil, nil
		return
	}
	if s.cur.test {
		if s.curKey == s.cur && s.CurX != nil && (s.curStep == s.modelStep || !s.live) {
			return
		}
		w := s.SelWrong
		s.CurX, s.curLabel = append(s.CurX[:0], w.Pixels...), w.Label
		if s.model != nil {
			s.CurP = s.model.Predict(s.CurP, s.CurX)
		} else {
			s.CurP = append(s.CurP[:0], w.Probs...)
		}
		s.curStep = s.modelStep
	} else {
		im := &s.Snap.Image
		if s.curKey == s.cur && s.CurX != nil && (s.curStep == im.Step || !s.live) {
			return
		}
		s.cur.step = im.Step
		s.CurX, s.CurP, s.curLabel = append(s.CurX[:0], im.Pixels...), append(s.CurP[:0], im.Probs...), im.Label
		s.curStep = im.Step
	}
	s.curStamp++
	if side := s.ImageSide(); s.curKey != s.cur && len(s.CurX) == side*side {
		s.curKey = s.cur
		s.CurPix.Fit(side, side)
		renderDigit(s.CurPix.Img, s.CurX, side, s.PixelMax())
		s.CurPix.Touch()
	}
}

// renderDigit draws a side×side image (white ink on black, as the seeds
// show them) into dst at one pixel per image pixel.
func renderDigit(dst *image.RGBA, x []float32, side int, mx float64) {
	plot.ScaleGray(dst, image.Rect(0, 0, side, side), x, side, side, plot.Gray, plot.Norm{Min: 0, Max: mx})
}

// fitRaster makes r one pixel per device pixel of rect.
func fitRaster(r *plot.Raster, rect ui.Rect, scale float64) (resized bool) {
	return r.Fit(int(rect.W*scale+0.5), int(rect.H*scale+0.5))
}

// ---- Weights view ----

func (s *Scene) layoutWeights(r ui.Rect) {
	L := &s.L
	L.LPanel = ui.Rect{}
	if rows := s.LayerRows(); rows != nil {
		L.LPanel, r = r.CutBottom(layersHeight(len(rows)), ui.Gap)
	}
	L.WPanel = r
	in := ui.PanelContent(r, WeightsTitle)
	_, in = in.CutTop(ui.LineHeight(ui.FontSize)+4, 4)
	legH := 30.0
	if ui.Paged {
		legH += 2*ui.LineHeight(ui.SmallSize) + 2 // the words under the colour bar
	}
	leg, in := in.CutBottom(legH, ui.Gap)
	L.WLegend, L.WArea = leg, in
	step := s.gen // the model copy changes with every weights snapshot
	resized := fitRaster(&s.WPix, in, s.scale)
	if s.model == nil {
		return
	}
	// Redraw at most ~4 times a second while training.
	due := step != s.WeightsAt && (!s.weightsDrawn || s.now-s.weightsTime > 250*time.Millisecond)
	if resized || due {
		w, ok := FirstLayer(s.model)
		s.Weights, s.WeightsOK = w, ok
		img := s.WPix.Img
		clear(img.Pix)
		if ok && len(w.Maps) > 0 {
			gap := int(6 * s.scale)
			cells := Grid(img.Rect, len(w.Maps), w.Maps[0].W, w.Maps[0].H, gap)
			w.Render(img, cells)
		}
		s.WPix.Touch()
		s.WeightsAt, s.WeightsStep, s.weightsTime, s.weightsDrawn = step, s.modelStep, s.now, true
		s.weightsRenders++
	}
}

// ---- Mistakes view ----

// layoutMistPages places the gallery's page buttons at the right of the
// header row r (when the list has more than fit, the thumbnails that fit)
// and turns a click into the worker's next window of the list (CmdPage).
func (s *Scene) layoutMistPages(r ui.Rect, fit int, in *ui.Input) {
	u, sn := &s.UI, s.Snap
	u.MistPrev.Rect, u.MistNext.Rect = ui.Rect{}, ui.Rect{}
	if fit <= 0 || sn.MistakesOf <= min(fit, len(sn.Mistakes)) && sn.MistakesFrom == 0 {
		return
	}
	bw := 28.0
	if ui.Paged {
		bw = ui.RowH
	}
	u.MistNext.Rect = ui.Rect{X: r.Right() - bw, Y: r.Y - 4, W: bw, H: r.H + 2}
	u.MistPrev.Rect = ui.Rect{X: u.MistNext.Rect.X - bw - 4, Y: r.Y - 4, W: bw, H: r.H + 2}
	shown := min(fit, len(sn.Mistakes))
	u.MistPrev.Disabled = sn.MistakesFrom == 0
	u.MistNext.Disabled = sn.MistakesFrom+shown >= sn.MistakesOf
	if u.MistPrev.Update(in) {
		s.client.Send(Command{Kind: CmdPage, N: max(0, sn.MistakesFrom-fit)})
	}
	if u.MistNext.Update(in) {
		s.client.Send(Command{Kind: CmdPage, N: sn.MistakesFrom + shown})
	}
}

// MistPagesText says which of the list the gallery shows, "61–105 of
// 174" ("" with a single page).
func (s *Scene) MistPagesText() string {
	sn := s.Snap
	if s.UI.MistNext.Rect.W == 0 {
		return ""
	}
	shown := min(len(s.L.MistCells), len(sn.Mistakes))
	return fmt.Sprintf("%d–%d of %d", sn.MistakesFrom+1, sn.MistakesFrom+shown, sn.MistakesOf)
}

func (s *Scene) layoutMistakes(r ui.Rect, in *ui.Input) {
	L := &s.L
	left, right := sideBySide(r, mistLeftH)
	L.MistBig, L.MistPanel = left, right
	grid := ui.PanelContent(right, MistakesTitle)
	head, grid := grid.CutTop(ui.LineHeight(ui.FontSize)+4, 4)
	legLines := 1.0
	if ui.Paged {
		legLines = 2
	}
	L.MistLegend, grid = grid.CutBottom(legLines*ui.LineHeight(ui.SmallSize), 4)
	s.UI.AllMist.Rect = ui.Rect{}
	pageR := head
	if ui.Paged { // (a narrow gallery: its buttons in a row of their own, a finger's size)
		head, grid = grid.CutTop(ui.RowH, 6)
		head.Y, head.H = head.Y+4, head.H-2
		pageR = head
	}
	if _, _, ok := s.Snap.Cell(); ok {
		s.UI.AllMist.Rect = ui.Rect{X: head.Right() - 110, Y: head.Y - 4, W: 110, H: head.H + 2}
		if s.UI.AllMist.Update(in) {
			s.ShowAllMistakes()
		}
		pageR.W -= 110 + ui.Gap
	}
	cw, ch := MistImg+10, MistImg+MistBars+ui.LineHeight(ui.SmallSize)+10
	cols := max(1, int(grid.W/cw))
	rows := max(0, int(grid.H/ch))
	wrong := s.Snap.Mistakes
	n := min(len(wrong), cols*rows)
	L.MistCells = L.MistCells[:0]
	for i := range n {
		L.MistCells = append(L.MistCells, ui.Rect{X: grid.X + float64(i%cols)*cw, Y: grid.Y + float64(i/cols)*ch, W: cw - 10, H: ch - 10})
	}
	s.layoutMistPages(pageR, cols*rows, in)
	for i, c := range L.MistCells {
		if in.Hover(c) {
			w := &wrong[i]
			type key struct {
				index, label, pred int
				p                  uint32
				l, pr              string
			}
			k := key{w.Index, w.Label, w.Pred, math.Float32bits(w.Probs[w.Pred]), s.ClassName(w.Label), s.ClassName(w.Pred)}
			in.OfferTip(c, tipFor(&s.tip, k, func() string { return s.mistakeTip(w) }))
		}
		if in.PressedIn(c) {
			in.Consume()
			w := wrong[i]
			s.Sel, s.SelStep = w.Index, s.Snap.Full.Step
			s.SelWrong = Mistake{Index: w.Index, Label: w.Label, Pred: w.Pred,
				Probs: append(s.SelWrong.Probs[:0], w.Probs...), Pixels: append(s.SelWrong.Pixels[:0], w.Pixels...)}
			s.cur = imageRef{test: true, index: s.Sel, gen: s.Snap.Full.Seq}
		}
	}
	if !s.cur.test {
		s.Sel = -1
	}
	// The thumbnails: one picture, re-rendered when the judge finishes a pass.
	key := [4]int{s.Snap.Full.Seq, s.Snap.Gen, len(L.MistCells), s.mistRecv}
	resized := fitRaster(&s.MistPix, grid, s.scale)
	if resized || key != s.mistKey {
		s.mistKey = key
		img := s.MistPix.Img
		clear(img.Pix)
		side, sc := s.ImageSide(), s.scale
		for i, c := range L.MistCells {
			x := wrong[i].Pixels
			rr := image.Rect(int((c.X-grid.X)*sc), int((c.Y-grid.Y)*sc), int((c.X-grid.X+MistImg)*sc), int((c.Y-grid.Y+MistImg)*sc))
			plot.ScaleGray(img, rr, x, side, side, plot.Gray, plot.Norm{Min: 0, Max: s.PixelMax()})
		}
		s.MistPix.Touch()
	}
	L.MistGrid = grid
	in2 := ui.PanelContent(left, SelectedTitle)
	sz := math.Floor(math.Min(in2.W, in2.H-ui.LineHeight(ui.FontSize)-110)/float64(s.ImageSide())) * float64(s.ImageSide())
	L.MistImgRect = ui.Rect{X: in2.X + (in2.W-sz)/2, Y: in2.Y, W: sz, H: sz}
	L.MistBigBars = ui.Rect{X: in2.X, Y: L.MistImgRect.Bottom() + ui.LineHeight(ui.FontSize) + 12, W: in2.W, H: 84}
	if s.cur.test {
		s.refreshCurrent()
	}
}
