package digitsview

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/nn"
)

// The scene's drawing as display lists (package paint), one per part the
// page draws on its own: the chrome (in a layer redrawn only when
// ChromeKey changes), the status line, the training view's left column
// (the image layer) and chart data (the chart layer), the weights, the
// mistakes, the drawing pad and the divergence message. Each list is
// rebuilt when what it shows changed, into its own storage: asking for a
// list on a steady frame allocates nothing.

// cached is a list and the key of what it shows.
type cached[K comparable] struct {
	paint.List
	key    K
	ok     bool
	builds int // rebuilds so far
}

// get returns the list, first rebuilt with build when key changed.
func (c *cached[K]) get(key K, build func(l *paint.List)) *paint.List {
	if !c.ok || c.key != key {
		c.Reset()
		build(&c.List)
		c.key, c.ok = key, true
		c.builds++
	}
	return &c.List
}

// paintLists are the scene's lists and what they were built for.
type paintLists struct {
	chrome   cached[ChromeKey]
	info     cached[infoListKey]
	current  cached[ImageKey]
	chart    cached[chartListKey]
	weights  cached[weightsListKey]
	mistakes cached[mistakesListKey]
	pad      cached[PadListKey]
	line     cached[LineKey]
	conf     cached[ConfusionKey]
	inside   cached[InsideListKey]
	diverged cached[divergedKey]

	// What the lists' ops point at, per chart (loss, accuracy): the
	// clipped series, the test points, the grid and the dashed baseline.
	// The third is the Line view's chart.
	segs       [3][][]plot.Segment // per chart, per series
	dots       [3][][]plot.Point
	grid, dash [3][]plot.Segment
	kinks      []plot.Point // the Line view's kinks
	vals       []float64    // the bars' values (copied by ProbBars)
}

type infoListKey struct {
	info Info
	r    ui.Rect
}

type chartListKey struct {
	stamp int
	scale float64
}

type weightsListKey struct {
	WeightsKey
	panel, area, legend ui.Rect
	layers              ui.Rect
	wait                string
}

type mistakesListKey struct {
	MistakesKey
	step, modelStep, selStep  int
	panel, big, imgRect, bars ui.Rect
}

// PadListKey describes the draw view's content (PadKey).
type PadListKey struct {
	see, empty, model bool
	ver, gen, step, n int
	task, wait        string
	pad, small, info  ui.Rect
	bars              ui.Rect
	mine              mineKey
}

// mineKey is what the My digits panel's content shows.
type mineKey struct {
	ver, first, cells, hover int
	last                     mineResult
	lastOK                   bool
	lastVer                  int
	before                   mineResult
	hasBefore                bool
	note                     Info
	noteOn                   bool
	storage                  string
	mixN, mixShare           int
	noteR, text              ui.Rect
	gallery, strip           ui.Rect
	prev, next               buttonKey
	task                     string
}

type divergedKey struct {
	on      bool
	d       Divergence
	content ui.Rect
	lr      float64
	model   string
}

// Colours of the probability bars, as in seed 003: the true class red,
// the predicted class green, the others blue.
var (
	BarTrue  = color.RGBA{0xd6, 0x3a, 0x2f, 0xff}
	BarPred  = color.RGBA{0x2e, 0x9e, 0x4f, 0xff}
	BarOther = color.RGBA{0x3b, 0x6f, 0xd6, 0xff}
	BarBack  = color.RGBA{0xf1, 0xf3, 0xf6, 0xff}
)

// toneColors are the theme's colours of the text tones.
var toneColors = [...]color.RGBA{ToneText: paint.Ink, ToneMuted: paint.Muted, ToneBad: paint.Bad,
	ToneGood: paint.Good, ToneAccent: paint.Accent, TonePred: BarPred}

// ChromeList is everything that changes only with the layout, the
// options or the hovered widget (what ChromeKey(scale) describes): the
// sidebar, the view choice, the view's panels and the charts' frames.
func (s *Scene) ChromeList(scale float64) *paint.List {
	return s.pl.chrome.get(s.ChromeKey(scale), func(l *paint.List) { s.paintChrome(l, scale) })
}

// InfoList is the status line (InfoLine) above the views.
func (s *Scene) InfoList() *paint.List {
	k := infoListKey{s.InfoLine(), s.L.Info}
	return s.pl.info.get(k, func(l *paint.List) { infoIn(l, k.info, k.r, paint.Start) })
}

// CurrentList is the training view's left column (what ImageKey
// describes): the current image with its block and hover marks, its
// caption, the bars and the 8×8 matrix.
func (s *Scene) CurrentList() *paint.List { return s.pl.current.get(s.ImageKey(), s.paintCurrent) }

// ChartList is the charts' data (the series and test points, laid out
// ChartStamp times so far) at device scale scale; ChromeList has their
// frames.
func (s *Scene) ChartList(scale float64) *paint.List {
	return s.pl.chart.get(chartListKey{s.ChartStamp, scale}, func(l *paint.List) {
		s.paintChartData(l, &s.Loss, scale, 0)
		s.paintChartData(l, &s.Acc, scale, 1)
	})
}

// WeightsList is the weights view's content (what WeightsKey describes).
func (s *Scene) WeightsList() *paint.List {
	L := &s.L
	return s.pl.weights.get(weightsListKey{s.WeightsKey(), L.WPanel, L.WArea, L.WLegend, L.LPanel, s.WaitText()}, s.paintWeights)
}

// MistakesList is the mistakes view's content (what MistakesKey
// describes): the thumbnails and the selected mistake.
func (s *Scene) MistakesList() *paint.List {
	L := &s.L
	k := mistakesListKey{s.MistakesKey(), s.Snap.Step, s.modelStep, s.SelStep, L.MistPanel, L.MistBig, L.MistImgRect, L.MistBigBars}
	return s.pl.mistakes.get(k, s.paintMistakes)
}

// PadList is the draw view's content: the pad, the 28×28, the answer.
func (s *Scene) PadList() *paint.List { return s.pl.pad.get(s.PadKey(), s.paintPad) }

// PadKey is what the draw view's content shows.
func (s *Scene) PadKey() PadListKey {
	L, st := &s.L, &s.mine
	j := &st.judge
	bk := func(b *ui.Button) buttonKey { return buttonKey{b.Rect, b.Label, b.Hovered(), b.Held(), b.Disabled} }
	return PadListKey{s.UI.See.On, s.Pad.Empty(), s.model != nil, s.Pad.Version(), s.gen, s.modelStep, len(s.PadP),
		s.Cfg.Task, s.WaitText(), L.PadRect, L.SeeRect, L.PadInfo, L.PadBars,
		mineKey{st.M.Version(), st.first, len(st.Cells), st.hover, j.last, j.lastOK, j.lastVer, st.before, st.hasBefore,
			st.note, s.mineNoteFresh(), st.Storage, s.Snap.MineN, s.Snap.MineShare, st.Note, st.Text, st.Gallery, st.Strip, bk(&st.Prev), bk(&st.Next), s.Cfg.Task}}
}

// DivergedList explains a blown-up run over the content area (empty
// while the run is fine).
func (s *Scene) DivergedList() *paint.List {
	k := divergedKey{on: s.Diverged()}
	if k.on {
		k.d, k.content, k.lr, k.model = s.Snap.Diverged, s.L.Content, s.Cfg.LR, s.Cfg.Model
	}
	return s.pl.diverged.get(k, s.paintDiverged)
}

// info draws a line of the scene's text at (x, y) at font size size.
func info(l *paint.List, t Info, x, y, size float64, a paint.Align) {
	f := paint.Regular
	if t.Bold {
		f = paint.Bold
	}
	l.Text(t.Text, x, y, size, f, toneColors[t.Tone], a)
}

// infoIn draws a line of the scene's text vertically centred in r.
func infoIn(l *paint.List, t Info, r ui.Rect, a paint.Align) {
	f := paint.Regular
	if t.Bold {
		f = paint.Bold
	}
	l.TextIn(t.Text, r, ui.FontSize, f, toneColors[t.Tone], a)
}

// paintChrome draws the sidebar, the view choice and the view's panels.
func (s *Scene) paintChrome(l *paint.List, scale float64) {
	u, L := &s.UI, &s.L
	l.Panel(L.Controls, "Training")
	l.Widgets(&u.Task, &u.Model, &u.Opt, &u.LR)
	sliderText(l, &u.Anneal, AnnealText(u.Anneal.Value))
	sliderText(l, &u.Batch, BatchText(int(u.Batch.Value)))
	sliderText(l, &u.TrainN, TrainNText(int(u.TrainN.Value)))
	l.Widgets(&u.Noise, &u.Raw, &u.Seed)
	l.Primary(&u.Start)
	l.Widgets(&u.Step, &u.Reset, &u.Save, &u.Load, &u.CSV, &u.RaceModels, &u.RaceOpts)
	// Under the buttons: what the preset is and where it comes from.
	y := u.NoteY
	for _, t := range u.Note {
		if y+ui.LineHeight(ui.SmallSize) > u.NoteBottom {
			break
		}
		c, f := paint.Muted, paint.Regular
		if u.noteAsk != "" { // a switch waiting for its confirmation
			c, f = paint.Bad, paint.Bold
		}
		l.Text(t, L.Controls.X+ui.Pad, y, ui.SmallSize, f, c, paint.Start)
		y += ui.LineHeight(ui.SmallSize)
	}
	l.Widget(&u.View)
	if s.Waiting {
		return
	}
	switch s.View() {
	case ViewTrain:
		if s.Racing() {
			l.Panel(L.RacePanel, RaceTitle)
		} else {
			l.Panel(L.ImgPanel, s.ImgTitle())
			l.Panel(L.MatPanel, MatTitle)
		}
		s.paintChartFrame(l, &s.Loss, scale, 0)
		s.paintChartFrame(l, &s.Acc, scale, 1)
	case ViewWeights:
		l.Panel(L.WPanel, WeightsTitle)
		if !L.LPanel.Empty() {
			l.Panel(L.LPanel, LayersTitle)
		}
	case ViewMistakes:
		l.Panel(L.MistPanel, MistakesTitle)
		l.Panel(L.MistBig, SelectedTitle)
	case ViewDraw:
		l.Panel(L.PadPanel, PadTitle)
		l.Widgets(&u.Clear, &u.See)
		l.Panel(L.SeePanel, SeeTitle)
		st := &s.mine
		l.Widget(&st.AddAs)
		l.Panel(st.Panel, MineTitle)
		l.Widgets(&st.Train, &st.Share, &st.Export, &st.Import, &st.ClearAll)
	case ViewLine:
		l.Panel(L.Line.Images, LineImagesTitle)
		l.Panel(L.Line.Panel, LineTitle)
	case ViewConfusion:
		l.Panel(L.Conf.Panel, ConfusionTitle)
	case ViewInside:
		l.Panel(L.InsidePanel, InsideTitle)
		l.Widget(&s.ins.Focus)
	}
}

// sliderText draws a slider with its value shown as text (for sliders
// whose values have names: "full", "all", "off"); its knob is
// anti-aliased, unlike the plain slider widget's.
func sliderText(l *paint.List, sl *ui.Slider, text string) {
	lbl, _ := sl.Rect.CutTop(ui.LabelH, 0)
	t := sl.Track()
	cy := t.Y + t.H/2
	if sl.Hovered() && !sl.Disabled {
		l.Round(ui.Rect{X: sl.Rect.X, Y: t.Y, W: sl.Rect.W, H: t.H}, paint.Corner, paint.HoverBg)
	}
	l.Round(ui.Rect{X: t.X, Y: cy - 2, W: t.W, H: 4}, 2, paint.Track)
	kx := sl.KnobX()
	l.Round(ui.Rect{X: t.X, Y: cy - 2, W: kx - t.X, H: 4}, 2, paint.Accent)
	r := 7.0
	if sl.Dragging() {
		r = 8.5
	}
	l.Disc(kx, cy, r, paint.Accent)
	l.Disc(kx, cy, r-2.5, paint.Card)
	l.Text(sl.Label, lbl.X, lbl.Y+1, ui.SmallSize+1, paint.Regular, paint.Muted, paint.Start)
	l.Text(text, lbl.Right(), lbl.Y+1, ui.SmallSize+1, paint.Bold, paint.Ink, paint.End)
}

// barColor is the colour of class k's bar: the true class red, the
// predicted green, the others blue.
func barColor(k, label, pred int) color.RGBA {
	switch k {
	case label:
		return BarTrue
	case pred:
		return BarPred
	}
	return BarOther
}

// floatsInto returns p as float64s in buf's storage.
func floatsInto(buf []float64, p []float32) []float64 {
	buf = buf[:0]
	for _, v := range p {
		buf = append(buf, float64(v))
	}
	return buf
}

// paintBars draws one vertical bar per class (seed 003's colours) with
// the class names under them and the predicted probability over its bar.
func (s *Scene) paintBars(l *paint.List, r ui.Rect, probs []float32, label int) {
	if len(probs) == 0 {
		return
	}
	l.Picture(BarsPicture, r) // (its legend: the caller's caption in the bars' colours)
	if !FiniteProbs(probs) {
		l.Fill(r, BarBack)
		l.TextIn("no probabilities: the weights are not numbers", r, ui.SmallSize, paint.Regular, paint.Bad, paint.Center)
		return
	}
	lblH := ui.LineHeight(ui.SmallSize)
	area := ui.Rect{X: r.X, Y: r.Y + lblH, W: r.W, H: r.H - 2*lblH - 2}
	s.pl.vals = floatsInto(s.pl.vals, probs)
	vals := s.pl.vals
	pred := nn.Argmax(probs)
	gap := math.Min(6, area.W/float64(len(vals))*0.2)
	for _, b := range plot.ProbBars(plot.Rect{X0: area.X, Y0: area.Y, X1: area.Right(), Y1: area.Bottom()}, vals, gap, true) {
		full := ui.Rect{X: b.Full.X0, Y: b.Full.Y0, W: b.Full.W(), H: b.Full.H()}
		l.Fill(full, BarBack)
		c := barColor(b.Index, label, pred)
		l.Fill(ui.Rect{X: b.Fill.X0, Y: b.Fill.Y0, W: b.Fill.W(), H: b.Fill.H()}, c)
		l.Text(s.ClassName(b.Index), full.X+full.W/2, area.Bottom()+2, ui.SmallSize, paint.Regular, paint.Ink, paint.Center)
		if b.Index == pred {
			l.Text(fmt.Sprintf("%.2f", vals[b.Index]), full.X+full.W/2, b.Fill.Y0-lblH, ui.SmallSize, paint.Bold, c, paint.Center)
		}
	}
	l.Line(area.X, area.Bottom(), area.Right(), area.Bottom(), 1, paint.Border)
}

// paintMistakeBars draws the two probabilities of a mistake that matter,
// a row each: the true digit's (red), then the one the model said
// (green), each as the digit, a bar of its share and the percentage.
func (s *Scene) paintMistakeBars(l *paint.List, r ui.Rect, probs []float32, label int) {
	pred := nn.Argmax(probs)
	rowH, lh := r.H/2, ui.LineHeight(ui.SmallSize)
	for i, k := range [2]int{label, pred} {
		if k < 0 || k >= len(probs) {
			continue
		}
		y := r.Y + float64(i)*rowH
		c := barColor(k, label, pred)
		name := s.ClassName(k)
		nw := paint.Measure(name, ui.SmallSize, paint.Bold) + 3
		track := ui.Rect{X: r.X + nw, Y: y + 1, W: r.W - nw, H: rowH - 2}
		p := math.Max(0, math.Min(1, float64(probs[k])))
		l.Fill(track, BarBack)
		l.Fill(ui.Rect{X: track.X, Y: track.Y, W: track.W * p, H: track.H}, pale(c))
		l.Text(name, r.X, y+(rowH-lh)/2, ui.SmallSize, paint.Bold, c, paint.Start)
		l.Text(Percent(p), track.Right()-2, y+(rowH-lh)/2, ui.SmallSize, paint.Regular, paint.Ink, paint.End)
	}
}

// pale is c blended two parts in three with white: a fill dark text
// reads on.
func pale(c color.RGBA) color.RGBA {
	return color.RGBA{uint8((int(c.R) + 2*255) / 3), uint8((int(c.G) + 2*255) / 3), uint8((int(c.B) + 2*255) / 3), 0xff}
}

// Percent writes a probability in whole percents, "<1%" below one and
// ">99%" above 99 (neither rounds to a certainty it is not).
func Percent(p float64) string {
	switch v := math.Round(100 * p); {
	case p < 0.01:
		return "<1%"
	case p > 0.99:
		return ">99%"
	default:
		return strconv.Itoa(int(v)) + "%"
	}
}

// paintDiverged explains a blown-up run over the content area.
func (s *Scene) paintDiverged(l *paint.List) {
	if !s.Diverged() {
		return
	}
	c := s.L.Content
	box := ui.Rect{X: c.X + c.W/2 - 230, Y: c.Y + 90, W: 460, H: 150}
	l.Round(box, paint.Corner, paint.BannerBg)
	l.RoundStroke(box, paint.Corner, 2, paint.Bad)
	in := box.Inset(14)
	l.Text("Training diverged", in.X, in.Y, ui.TitleSize, paint.Bold, paint.Bad, paint.Start)
	what, todo := s.DivergedText()
	lines := append(ui.Wrap(what, in.W, ui.FontSize), ui.Wrap(todo, in.W, ui.FontSize)...)
	l.Paragraph(lines, in.X, in.Y+ui.LineHeight(ui.TitleSize)+6, ui.FontSize, paint.Regular, paint.Ink)
}

// Panels appends the titled panels the page shows (the charts, the
// current image, the weights, the mistakes, the pad), not the sidebar,
// for the PNG button (ui.Snap).
func (s *Scene) Panels(dst []ui.PanelRef) []ui.PanelRef {
	return s.pl.chrome.List.Panels(dst, s.L.Controls)
}

// Lists are the display lists the page draws for the scene's view, in
// their order: the chrome, the status line, the view's and the
// divergence message (for the browser tests' texts, paint.Texts).
func (s *Scene) Lists(dpr float64) []*paint.List {
	ls := []*paint.List{s.ChromeList(dpr), s.InfoList()}
	if !s.Waiting {
		switch s.View() {
		case ViewTrain:
			ls = append(ls, s.CurrentList(), s.ChartList(dpr))
		case ViewWeights:
			ls = append(ls, s.WeightsList())
		case ViewMistakes:
			ls = append(ls, s.MistakesList())
		case ViewDraw:
			ls = append(ls, s.PadList())
		case ViewConfusion:
			ls = append(ls, s.ConfusionList())
		case ViewLine:
			ls = append(ls, s.LineList())
		case ViewInside:
			ls = append(ls, s.InsideList())
		}
	}
	return append(ls, s.DivergedList())
}

// The pictures' names (List.Picture) where no title names them.
const (
	BarsPicture          = "probability bars"
	WeightsPicture       = "weights"
	MistakesPicture      = "mistakes"
	ConfusionPicture     = "confusion matrix"
	InsideWeightsPicture = "a unit's incoming weights"
	InsideContribPicture = "weight × input"
)
