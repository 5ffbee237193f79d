package digitsview

import (
	"errors"
	"fmt"
	"time"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/nn"
	"digitlab/regions"
)

// The Line view: two test images A and B, and the network's log-odds of
// B's class against A's along the straight segment x(t) = A + t·(B − A),
// with its exact linear pieces (regions.Segment), for the model as trained
// now and for its initial weights. Hanin & Rolnick count these pieces
// along lines through MNIST: about one per neuron at initialisation.
//
// The worker draws the images (CmdPair); the page counts with its own
// copy of the model, in slices of the frame's budget, and shows the last
// finished count while it computes the next one.

// LineTitle and LineImagesTitle are the Line view's panels.
const (
	LineTitle       = "Along the straight line from image A to image B"
	LineImagesTitle = "Two test images"
)

// lineCurve is one finished count: the breakpoints, f at them, and what
// it was computed for.
type lineCurve struct {
	T, F   []float64
	Pieces int  // 0 for a smooth model's sampled curve
	Smooth bool // sampled at LineSamples points: the model has no pieces
	Step   int  // training step of the weights (-1: the initial weights)
	OK     bool // a count is shown
	Trunc  bool // stopped at regions.MaxSegmentPieces
}

// lineCount is one count in progress.
type lineCount struct {
	seg     *regions.Segment
	running bool
	// A smooth model's curve is sampled instead, from a copy of its
	// weights, k samples so far.
	smooth      bool
	model       *nn.Model
	a, b, x     []float32 // the endpoints (copied at the start) and a point between
	k           int
	plus, minus int
	sampT       []float64
	sampF       []float64
	pair        int // PairSeq it counts for
	gen         int // model copy generation (trained) it counts for
	step        int
	shown       lineCurve
}

// lineState is the Line view's state besides its rectangles.
type lineState struct {
	A, B     ui.Choice // the classes asked for
	NewPair  ui.Button
	asked    int    // PairSeq + 1 asked for (0: nothing asked)
	askedFor [2]int // the classes asked for
	askTask  string // the task they were asked in
	pairSeq  int    // the pair shown (its PairSeq; 0 none)
	pairTask string
	Pix      [3]plot.Raster // A, B and the image at MixT
	pixKey   [2][2]int      // pairSeq, side rendered

	// The chart, laid out when chartKey changes (chartFrame counts
	// that); the hovered t (-1: none) and the image there.
	Chart      ChartView
	chartKey   lineChartKey
	chartOK    bool
	chartFrame int
	HoverT     float64
	MixT       float64
	mix        []float32
	mixKey     [3]int

	trained, init lineCount
	initModel     *nn.Model
	initKey       Config // the configuration initModel was built for
	Reason        string // why the model has no pieces ("" if it has)
	stamp         int    // bumped when a shown count or the pair changes
	countKey      lineKey
}

// lineKey is what the counts are of: a pair and a model. When it changes,
// the counts under way stop and the ones shown go (they were of another
// network or other images).
type lineKey struct {
	pair int
	cfg  Config
}

// LinePieces returns the pieces of the trained and of the initial count
// shown (-1 when none).
func (s *Scene) LinePieces() (trained, init int) {
	trained, init = -1, -1
	if c := &s.line.trained.shown; c.OK {
		trained = c.Pieces
	}
	if c := &s.line.init.shown; c.OK {
		init = c.Pieces
	}
	return trained, init
}

// lineSync gives the class choices the task's class names.
func (s *Scene) lineSync() {
	u := &s.line
	names := s.Snap.Names
	if len(u.A.Options) != len(names) || (len(names) > 0 && u.A.Options[0] != names[0]) {
		u.A.Options = append(u.A.Options[:0], names...)
		u.B.Options = append(u.B.Options[:0], names...)
		a, b := 0, len(names)-1
		if len(names) == 10 {
			a, b = 4, 9 // as seed 000's pair
		}
		u.A.Index, u.B.Index = a, b
	}
}

// lineReadout is how the count reads the model on the pair: f = z for a
// single output (the log-odds of class 1 against class 0), z_B − z_A for
// a softmax (the log-odds of B's class against A's), z_A when both are of
// one class.
func lineReadout(m *nn.Model, pair []Mistake) (plus, minus int) {
	a, b := pair[0].Label, pair[1].Label
	switch {
	case m.Out().Size() == 1:
		return 0, -1
	case a == b:
		return a, -1
	}
	return b, a
}

// LineYTitle names the plotted value.
func (s *Scene) LineYTitle() string {
	if s.model == nil || !s.linePairOK() {
		return ""
	}
	plus, minus := lineReadout(s.model, s.Snap.Pair)
	switch {
	case minus >= 0:
		return fmt.Sprintf("z%s − z%s = log p(%s)/p(%s)", s.ClassName(plus), s.ClassName(minus), s.ClassName(plus), s.ClassName(minus))
	case s.model.Out().Size() == 1:
		return fmt.Sprintf("z = log p(%s)/p(%s)", s.ClassName(1), s.ClassName(0))
	}
	return "logit z" + s.ClassName(plus)
}

// updateLine handles the Line view's controls, asks the worker for a pair
// when it has none for these classes, and counts within the frame's
// budget.
func (s *Scene) updateLine(in *ui.Input, budget time.Duration) {
	u := &s.line
	s.lineSync()
	sn := s.Snap
	if u.A.Update(in) || u.B.Update(in) {
		u.asked = 0 // new classes: a new pair
	}
	if u.NewPair.Update(in) {
		u.asked = 0
	}
	task := sn.Config.Task
	classes := [2]int{u.A.Index, u.B.Index}
	if sn.PairSeq != u.pairSeq && sn.PairSeq > 0 && len(sn.Pair) == 2 && u.asked > 0 {
		u.pairSeq, u.pairTask = sn.PairSeq, sn.Config.Task // (the worker draws in its task; linePairOK checks the size)
		u.stamp++
	}
	if s.Built() && len(sn.Names) > 0 && (u.asked == 0 || u.askTask != task || u.askedFor != classes) {
		if u.A.Index < len(sn.Names) && u.B.Index < len(sn.Names) {
			s.client.Send(PairCommand(u.A.Index, u.B.Index))
			u.asked, u.askedFor, u.askTask = sn.PairSeq+1, classes, task
		}
	}
	if !s.linePairOK() {
		return
	}
	s.lineImages()
	s.lineCount(budget)
}

// linePairOK reports whether the pair shown is of the task shown, with
// images of the model's size.
func (s *Scene) linePairOK() bool {
	u, sn := &s.line, s.Snap
	side := s.ImageSide()
	return u.pairSeq > 0 && u.pairTask == sn.Config.Task && len(sn.Pair) == 2 &&
		len(sn.Pair[0].Pixels) == side*side && len(sn.Pair[1].Pixels) == side*side
}

// lineImages renders the two images when the pair changed.
func (s *Scene) lineImages() {
	u := &s.line
	side := s.ImageSide()
	for i := range 2 {
		if k := [2]int{u.pairSeq, side}; u.pixKey[i] != k {
			u.Pix[i].Fit(side, side)
			renderDigit(u.Pix[i].Img, s.Snap.Pair[i].Pixels, side, s.PixelMax())
			u.Pix[i].Touch()
			u.pixKey[i] = k
		}
	}
}

// lineCount starts the counts that are due and advances them until the
// budget is spent: the trained model's first (it changes as training
// goes on; a count under way finishes on the weights it started with),
// then the initial weights' (once per pair and model).
func (s *Scene) lineCount(budget time.Duration) {
	u := &s.line
	if s.model == nil {
		return
	}
	pair := s.Snap.Pair
	if k := (lineKey{u.pairSeq, s.modelCfg}); k != u.countKey {
		u.countKey, u.Reason = k, ""
		for _, c := range [2]*lineCount{&u.trained, &u.init} {
			c.running, c.shown.OK, c.pair = false, false, -1
		}
		u.stamp++
	}
	if u.initKey != s.modelCfg || u.initModel == nil {
		m, err := s.modelCfg.NewModel()
		if err != nil {
			u.Reason = err.Error()
			return
		}
		u.initModel, u.initKey = m, s.modelCfg
		u.init.pair = -1
	}
	c := &u.trained
	if !c.running && (c.pair != u.pairSeq || c.gen != s.gen) {
		s.lineStart(c, s.model, s.modelStep, pair)
		c.gen = s.gen
	}
	ci := &u.init
	if !ci.running && ci.pair != u.pairSeq {
		s.lineStart(ci, u.initModel, -1, pair)
	}
	deadline := time.Now().Add(max(budget/2, time.Millisecond))
	for _, c := range [2]*lineCount{&u.trained, &u.init} {
		for c.running && time.Now().Before(deadline) {
			sh := &c.shown
			if c.smooth {
				if s.lineSample(c) {
					c.running = false
					sh.T, sh.F = append(sh.T[:0], c.sampT...), append(sh.F[:0], c.sampF...)
					sh.Pieces, sh.Step, sh.OK, sh.Trunc, sh.Smooth = 0, c.step, true, false, true
					u.stamp++
				}
				continue
			}
			if c.seg.Step(LineChunk) {
				c.running = false
				sh.T, sh.F = append(sh.T[:0], c.seg.T()...), append(sh.F[:0], c.seg.F()...)
				sh.Pieces, sh.Step, sh.OK, sh.Trunc, sh.Smooth = c.seg.Pieces(), c.step, true, c.seg.Truncated(), false
				u.stamp++
			}
		}
	}
}

// LineSamples is how many points a smooth model's curve is sampled at.
const LineSamples = 201

// lineSample evaluates the next few samples of a smooth model's curve and
// reports whether all LineSamples are done.
func (s *Scene) lineSample(c *lineCount) bool {
	a, b := c.a, c.b
	for n := 0; n < 4 && c.k < LineSamples; n++ {
		t := float64(c.k) / (LineSamples - 1)
		c.x = c.x[:0]
		for i := range a {
			c.x = append(c.x, a[i]+float32(t)*(b[i]-a[i]))
		}
		z := c.model.Forward(c.x)
		f := float64(z[c.plus])
		if c.minus >= 0 {
			f -= float64(z[c.minus])
		}
		c.sampT, c.sampF = append(c.sampT, t), append(c.sampF, f)
		c.k++
	}
	return c.k >= LineSamples
}

// LineChunk is how many pieces a count takes between two looks at the
// clock.
const LineChunk = 8

// lineStart starts count c of model m (weights of step) on the pair.
func (s *Scene) lineStart(c *lineCount, m *nn.Model, step int, pair []Mistake) {
	u := &s.line
	if c.seg == nil {
		c.seg = regions.NewSegment()
	}
	c.pair, c.step = u.pairSeq, step
	plus, minus := lineReadout(m, pair)
	err := c.seg.Reset(m, pair[0].Pixels, pair[1].Pixels, plus, minus)
	c.smooth = false
	if err != nil {
		c.running = false
		se, ok := errors.AsType[*regions.SmoothError](err)
		if !ok {
			c.shown.OK, u.Reason = false, err.Error()
			u.stamp++
			return
		}
		u.Reason = fmt.Sprintf("%s has no linear pieces: its layer %d is a %s, a smooth curve with no kinks, so the network is nowhere piecewise linear (the curve is sampled at %d points). The ReLU and leaky-ReLU models (linear, vanilla, cnn, cnn10, best, convnetjs, digits64) have pieces.",
			s.modelCfg.Model, se.Layer+1, se.Kind, LineSamples)
		// Sample the smooth curve from a copy of the weights (m may
		// change before it is done).
		if c.model == nil || c.model.Name != m.Name || len(c.model.Params) != len(m.Params) {
			c.model = m.Clone()
		} else {
			copy(c.model.Params, m.Params)
		}
		c.smooth, c.running, c.k = true, true, 0
		c.a, c.b = append(c.a[:0], pair[0].Pixels...), append(c.b[:0], pair[1].Pixels...)
		c.plus, c.minus = plus, minus
		c.sampT, c.sampF = c.sampT[:0], c.sampF[:0]
		return
	}
	u.Reason = ""
	c.running = true
}

// lineStatus adds the Line view's figures to the status.
func (s *Scene) lineStatus(m map[string]any) {
	u := &s.line
	tr, in := s.LinePieces()
	if u.trained.shown.Smooth {
		tr = -1
	}
	if u.init.shown.Smooth {
		in = -1
	}
	m["linePieces"], m["linePiecesInit"] = nil, nil
	if tr >= 0 {
		m["linePieces"] = tr
	}
	if in >= 0 {
		m["linePiecesInit"] = in
	}
	m["lineStep"] = u.trained.shown.Step
	if !u.trained.shown.OK {
		m["lineStep"] = -1
	}
	m["lineComputing"] = u.trained.running || u.init.running
	m["lineSmooth"] = u.trained.shown.OK && u.trained.shown.Smooth
	m["lineReason"] = u.Reason
	m["lineClasses"] = []float64{float64(u.A.Index), float64(u.B.Index)}
	m["lineImages"] = nil
	if s.linePairOK() {
		p := s.Snap.Pair
		m["lineImages"] = []float64{float64(p[0].Index), float64(p[1].Index)}
		m["lineLabels"] = []float64{float64(p[0].Label), float64(p[1].Label)}
	}
}
