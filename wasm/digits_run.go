//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"digitlab/datasets"
	"digitlab/digitsview"
	"digitlab/nn"
	"digitlab/pad"
	"digitlab/train"
	"digitlab/ui"
)

// digitsScene is the trainer (DESIGN scene 1): pick a task and a seed
// model, train it live inside Update within the frame's budget, watch the
// curves, the weights and the mistakes, and draw digits for it. The maths
// lives in digitsview, pad, train and nn; this file holds the training
// state, digits_controls.go the controls, digits_panels.go and
// digits_chart.go the drawing, digits_pad.go the drawing pad and
// digits_io.go saving and loading weights.
type digitsScene struct {
	cfg digitsview.Config

	// The run.
	model     *nn.Model
	sess      *train.Session
	prep      digitsview.Prepared
	prepKey   digitsview.Config // configuration prep was made for (data fields only)
	prepOK    bool
	running   bool
	wantRun   bool  // Start pressed before the data was there
	pending   int   // optimiser steps asked for by Step(n)
	diverged  error // *train.DivergedError that stopped the run
	buildErr  error // the configuration could not be built
	finished  bool  // the preset's schedule is complete
	rec       digitsview.Recorder
	judge     digitsview.Judge
	histSeen  int    // history points already judged
	loaded    string // name of the weights file the run started from
	reportErr error  // to show in the banner on the next Update

	// Wall-clock training speed: samples per second of real time while
	// running (the session's Rate counts only the time inside Step).
	rateAt   time.Time
	rateSeen int64
	wallRate float64

	// The image shown large: from the training set (the last trained
	// sample) or a test image picked among the mistakes.
	cur      imageRef
	curX     []float32 // its pixels as the model sees them
	curP     []float32 // the model's probabilities for it
	curKey   imageRef  // what curPanel holds
	curPix   Panel
	curStep  int       // training step curP was computed at
	curStamp int       // bumped whenever curX/curP are recomputed
	live     bool      // this frame refreshes the live parts (see Update)
	liveAt   time.Time // the last frame that did
	hoverPx  int       // hovered pixel of the large image (-1: none)

	// The drawing pad.
	pad      *pad.Canvas
	padX     []float32 // the 28×28 the network sees, 0..1
	padIn    []float32 // the model's input made from it
	padP     []float32
	padVer   int // pad version padP was computed for
	padModel int // model generation padP was computed for
	gen      int // model generation: bumped by every rebuild and load
	padAt    time.Time
	padStep  int

	ui digitsUI
}

// imageRef names one image of the prepared sets.
type imageRef struct {
	test  bool
	index int // -1: none
	gen   int
}

func newDigitsScene() *digitsScene {
	d := &digitsScene{cfg: digitsview.Default("4v9"), hoverPx: -1, cur: imageRef{index: -1}}
	d.rec.Max = 400 // chart points per series: enough for a smooth curve
	d.pad = pad.NewCanvas(2*pad.DefaultN, 2*pad.DefaultRadius)
	d.initUI()
	d.syncWidgets()
	return d
}

func (d *digitsScene) Name() string  { return "digits" }
func (d *digitsScene) Title() string { return "Digits" }

// sources are the app's loaded data sets.
func sources(data *Data) digitsview.Sources {
	if data == nil {
		return digitsview.Sources{}
	}
	return digitsview.Sources{Train: data.Train, Test: data.Test, Digits: data.Digits}
}

// dataKey is the part of a configuration the prepared data depends on.
func dataKey(c digitsview.Config) digitsview.Config {
	return digitsview.Config{Task: c.Task, Model: c.Model, TrainN: c.TrainN, Noise: c.Noise, Raw: c.Raw, Seed: c.Seed}
}

// invalidate drops the run; the next Update builds a new one.
func (d *digitsScene) invalidate() {
	d.model, d.sess = nil, nil
	d.running = d.running && d.diverged == nil
	d.diverged, d.buildErr, d.finished = nil, nil, false
	d.rec.Reset()
	d.judge.Clear()
	d.histSeen = 0
	d.pending = 0
	d.loaded = ""
	d.cur = imageRef{index: -1}
	d.gen++
}

// build makes the model and the session for d.cfg once the data is there.
func (d *digitsScene) build(data *Data) {
	src := sources(data)
	if !src.Ready(d.cfg.Task) {
		return
	}
	if !d.prepOK || d.prepKey != dataKey(d.cfg) {
		p, err := digitsview.Prepare(d.cfg, src)
		if err != nil {
			d.buildErr = err
			return
		}
		d.prep, d.prepKey, d.prepOK = p, dataKey(d.cfg), true
	}
	m, err := d.cfg.NewModel()
	if err != nil {
		d.buildErr = err
		return
	}
	d.startSession(m)
}

// startSession trains m (fresh or loaded weights) as d.cfg says.
func (d *digitsScene) startSession(m *nn.Model) {
	tc := d.cfg.TrainConfig()
	tc.EvalEvery, tc.EvalN = d.evalPlan(d.cfg.Preset())
	s, err := train.NewSession(m, d.prep.Train, d.prep.Test, tc)
	if err != nil {
		d.buildErr = err
		return
	}
	d.model, d.sess, d.buildErr = m, s, nil
	d.rec.Reset()
	d.judge.Clear()
	d.histSeen = 0
	d.gen++
	d.cur = imageRef{index: 0, gen: d.gen}
	d.wallRate, d.rateAt = 0, time.Time{}
	d.judge.Begin(m, d.prep.Test, 0)
	d.ui.weightsDirty = true
}

// runSamples is the length of the run in training samples (0 = endless).
func (d *digitsScene) runSamples(p nn.Preset) int {
	n := d.prep.Train.Len()
	b := p.Batch
	if b == 0 || b > n {
		b = n
	}
	switch {
	case p.Steps > 0:
		return p.Steps * b
	case p.Epochs > 0:
		return p.Epochs * n
	}
	return 0
}

// evalPlan picks how often the session judges the test set and on how
// many images: about 25 points over the run (or every EvalEvery samples
// when set), on at most 2000 test images; the Judge measures the whole
// test set. A forward pass costs about half a training sample, so on long
// runs (the ten-digit CNNs) 25 points of 2000 images would eat a third of
// the training time: there the points use 1000 images and come at most
// every 6000 samples (evaluating costs ≤ 9 %). With selective backprop
// (best) most training samples cost just a forward pass, so the points
// come every 15000 samples at most (≤ 7 %).
func (d *digitsScene) evalPlan(p nn.Preset) (every, n int) {
	n = min(d.prep.Test.Len(), 2000)
	if d.cfg.EvalEvery > 0 {
		return d.cfg.EvalEvery * max(p.Batch, 1), n
	}
	total := d.runSamples(p)
	if total == 0 {
		total = 20 * d.prep.Train.Len()
	}
	every = max(total/25, min(500, total))
	if total > 30000 {
		n = min(n, 1000)
		every = max(every, 6*n)
		if p.SkipBelow > 0 {
			every = max(every, 15*n)
		}
	}
	if p.Batch == 0 {
		every = max(every, d.prep.Train.Len()) // full batch: whole epochs
	}
	return every, n
}

// tick does this frame's training and judging within budget.
func (d *digitsScene) tick(ctx *Context) {
	if d.sess == nil {
		if d.buildErr == nil {
			d.build(ctx.Data)
		}
		if d.sess == nil {
			return
		}
		if d.wantRun {
			d.running, d.wantRun = true, false
		}
	}
	t0 := time.Now()
	deadline := t0.Add(ctx.Budget)
	s := d.sess
	switch {
	case d.running && s.Idle():
		d.running = false
	case d.running:
		// The rest of the budget judges the whole test set for the
		// mistakes: a twentieth, or 40 % while they are on screen (a
		// pass over 10,000 images takes the best CNN ~3 s of CPU).
		share := ctx.Budget * 19 / 20
		if digitViews[d.ui.view.Index] == "mistakes" {
			share = ctx.Budget * 6 / 10
		}
		d.step(train.Budget{Until: t0.Add(share)})
	case d.pending > 0:
		target := s.Steps() + d.pending
		for s.Steps() < target && !s.Idle() && time.Now().Before(deadline) {
			d.step(train.Budget{Samples: max(1, s.BatchSize()-s.InBatch()), Until: deadline})
		}
		d.pending = max(0, target-s.Steps())
		if s.Idle() {
			d.pending = 0
		}
	}
	if s.Done() && !d.finished && s.Idle() {
		d.finished = true
		d.running = false
	}
	// A new test point: judge the whole test set on a snapshot, unless a
	// pass is under way (it finishes first).
	if h := s.History(); len(h) > d.histSeen && !d.judge.Busy() {
		d.histSeen = len(h)
		d.judge.Begin(d.model, d.prep.Test, s.Steps())
	}
	// Paused with a model the mistakes do not describe: judge it.
	if !d.running && d.pending == 0 && !d.judge.Busy() && d.judge.Done && d.judge.Step != s.Steps() && d.diverged == nil {
		d.judge.Begin(d.model, d.prep.Test, s.Steps())
	}
	if d.judge.Busy() {
		for time.Now().Before(deadline) && !d.judge.Run(1) {
		}
	}
	d.measureWall(t0)
	// The running figures are noise over the first few samples: start
	// the curve once the window holds 50.
	loss, acc, n := s.Running()
	if n >= 50 {
		d.rec.Add(s.Steps(), loss, acc)
	}
	// The current image follows training, a few times a second (every
	// frame would flicker unreadably and costs drawing); a mistake clicked
	// by the user stays until training runs outside the Mistakes view.
	browsing := d.cur.test && digitViews[d.ui.view.Index] == "mistakes"
	follow := (!d.cur.test || d.running) && !browsing
	if last := s.Last(); last >= 0 && (d.cur.index < 0 || follow && d.live) {
		d.cur = imageRef{index: last, gen: d.gen}
	}
}

// measureWall folds this frame into the wall-clock samples/s figure, an
// average that forgets with a time constant of about a second.
func (d *digitsScene) measureWall(now time.Time) {
	if !d.running {
		d.rateAt = time.Time{}
		return
	}
	seen := d.sess.Seen()
	if !d.rateAt.IsZero() {
		dt := now.Sub(d.rateAt).Seconds()
		if dt > 0 {
			k := math.Exp(-dt)
			d.wallRate = k*d.wallRate + (1-k)*float64(seen-d.rateSeen)/dt
		}
	}
	d.rateAt, d.rateSeen = now, seen
}

// step runs the session and handles divergence.
func (d *digitsScene) step(b train.Budget) {
	err := d.sess.Step(b)
	var de *train.DivergedError
	if errors.As(err, &de) {
		d.diverged = de
		d.running, d.pending = false, 0
		loss, acc, _ := d.sess.Running()
		d.rec.Add(d.sess.Steps()+1, loss, acc) // breaks the line
	} else if err != nil {
		d.buildErr = err
		d.running = false
	}
}

// Start, Pause, Running, Step and Reset are the run controls (buttons,
// keys space/s/r and window.digitlab).
func (d *digitsScene) Start() {
	switch {
	case d.diverged != nil:
		// stays paused: reset first (the message says so)
	case d.sess == nil:
		d.wantRun = true
	case d.finished:
		// the seed's schedule is complete: reset to train again
	default:
		d.running = true
	}
}

func (d *digitsScene) Pause() { d.running, d.wantRun = false, false }

func (d *digitsScene) Running() bool { return d.running || d.wantRun }

func (d *digitsScene) Step(n int) {
	if !d.running && d.diverged == nil {
		d.pending += n
	}
}

// Reset starts again from the seed's initial weights.
func (d *digitsScene) Reset() {
	d.running, d.wantRun = false, false
	d.invalidate()
}

// Set applies URL / digitlab.set options: the training options go to the
// configuration (a change that needs a new network resets the run, η and T
// apply live); "view" picks the view of the content area.
func (d *digitsScene) Set(opts map[string]string) []error {
	rest := map[string]string{}
	var errs []error
	for k, v := range opts {
		if k == "view" {
			i, err := ui.ParseChoice(k, v, digitViews)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			d.ui.view.Index = i
			continue
		}
		rest[k] = v
	}
	if len(rest) > 0 {
		errs = append(errs, d.apply(rest)...)
	}
	return errs
}

// apply changes the configuration and resets what depends on it.
func (d *digitsScene) apply(opts map[string]string) []error {
	old := d.cfg
	nc := d.cfg
	_, errs := nc.Apply(opts)
	for i, e := range errs {
		var oe *ui.OptionError
		if errors.As(e, &oe) && oe.Msg != "" && oe.Key != "" && isUnknownKey(oe) {
			errs[i] = ui.UnknownKey("digits", oe.Key, oe.Value, slices.Concat(digitsview.Keys, []string{"view"}))
		}
	}
	d.cfg = nc
	d.configChanged(old)
	d.syncWidgets()
	return errs
}

func isUnknownKey(e *ui.OptionError) bool {
	for _, k := range digitsview.Keys {
		if e.Key == k {
			return false
		}
	}
	return true
}

// configChanged resets the run when a field that shapes it changed; η and
// T change the running session's schedule.
func (d *digitsScene) configChanged(old digitsview.Config) {
	c := d.cfg
	if c == old {
		return
	}
	live := old
	live.LR, live.AnnealT = c.LR, c.AnnealT
	if live == c && d.sess != nil && d.diverged == nil {
		sc := d.sess.Config().Schedule // keeps the preset's warm-up and decay
		sc.LR, sc.AnnealT = c.LR, c.AnnealT
		if err := d.sess.SetSchedule(sc); err != nil {
			d.buildErr = err
		}
		return
	}
	running := d.running
	d.invalidate()
	d.wantRun = running
	d.running = false
}

// testFigures returns the latest test loss and accuracy, the number of
// test images they were measured on, and the step: the Judge's full pass
// or the session's periodic point, whichever is more recent.
func (d *digitsScene) testFigures() (loss, acc float64, n, step int) {
	loss, acc, step = math.NaN(), math.NaN(), -1
	if d.sess != nil {
		if h := d.sess.History(); len(h) > 0 {
			p := h[len(h)-1]
			loss, acc, n, step = p.TestLoss, p.TestAcc, d.sess.Config().EvalN, p.Step
			if n == 0 || n > d.prep.Test.Len() {
				n = d.prep.Test.Len()
			}
		}
	}
	if d.judge.Done && d.judge.Step >= step {
		loss, acc, n, step = d.judge.Loss, d.judge.Acc, d.judge.N, d.judge.Step
	}
	return loss, acc, n, step
}

// epochs is the fractional number of passes over the training set.
func (d *digitsScene) epochs() float64 {
	if d.sess == nil {
		return 0
	}
	return float64(d.sess.Epoch()) + float64(d.sess.Index())/float64(max(d.prep.Train.Len(), 1))
}

// Status is the scene's part of window.digitlab.status().
func (d *digitsScene) Status() map[string]any {
	c := d.cfg
	m := map[string]any{
		"task": c.Task, "model": c.Model, "opt": c.Opt, "lr": c.LR, "anneal": c.AnnealT,
		"batch": c.Batch, "trainsize": c.TrainN, "noise": c.Noise, "raw": c.Raw, "seed": int(c.Seed),
		"evalevery": c.EvalEvery, "view": digitViews[d.ui.view.Index],
		"step": 0, "samples": 0, "epoch": 0.0, "epochs": 0, "samplesPerSec": 0.0,
		"trainLoss": math.NaN(), "trainAcc": math.NaN(), "testLoss": math.NaN(), "testAcc": math.NaN(),
		"testN": 0, "testAccHistory": []float64{}, "testLossHistory": []float64{},
		"diverged": d.diverged != nil, "divergedMsg": "", "done": d.finished,
		"built": d.sess != nil, "buildError": "", "wrong": 0, "fullTestAcc": math.NaN(),
		"padEmpty": d.pad.Empty(), "padPred": -1, "padProbs": []float64{}, "weightsFile": d.loaded,
	}
	if d.diverged != nil {
		m["divergedMsg"] = d.diverged.Error()
	}
	if d.buildErr != nil {
		m["buildError"] = d.buildErr.Error()
	}
	if s := d.sess; s != nil {
		m["step"], m["samples"], m["epoch"] = s.Steps(), int(s.Seen()), d.epochs()
		m["samplesPerSec"], m["computeSamplesPerSec"] = d.wallRate, s.Rate()
		m["progress"] = s.Progress()
		m["trainN"], m["batchSize"] = d.prep.Train.Len(), s.BatchSize()
		p := d.cfg.Preset()
		m["epochs"], m["steps"] = p.Epochs, p.Steps
		m["backprops"], m["skipBelow"], m["shift"] = int(s.Backprops()), p.SkipBelow, p.Shift
		tl, ta, _ := s.Running()
		m["trainLoss"], m["trainAcc"] = tl, ta
		l, a, n, _ := d.testFigures()
		m["testLoss"], m["testAcc"], m["testN"] = l, a, n
		var accs, losses []float64
		for _, h := range s.History() {
			accs, losses = append(accs, h.TestAcc), append(losses, h.TestLoss)
		}
		m["testAccHistory"], m["testLossHistory"] = nonNil(accs), nonNil(losses)
		if d.judge.Done {
			m["fullTestAcc"], m["wrong"], m["fullTestStep"] = d.judge.Acc, d.judge.WrongTotal, d.judge.Step
		}
	}
	if !d.pad.Empty() && len(d.padP) > 0 {
		m["padPred"] = nn.Argmax(d.padP)
		ps := make([]float64, len(d.padP))
		for i, v := range d.padP {
			ps[i] = float64(v)
		}
		m["padProbs"] = ps
		px := make([]float64, len(d.padX))
		for i, v := range d.padX {
			px[i] = float64(v)
		}
		m["padPixels"] = px
	}
	m["chromeRedraws"], m["imageRedraws"] = d.ui.chrome.redraws, d.ui.imgLayer.redraws
	rect := func(r ui.Rect) []float64 { return []float64{r.X, r.Y, r.W, r.H} }
	m["padRect"], m["saveRect"], m["loadRect"] = rect(d.ui.padRect), rect(d.ui.save.Rect), rect(d.ui.load.Rect)
	m["imageRect"], m["seeRect"] = rect(d.ui.imgRect), rect(d.ui.see.Rect)
	if len(d.ui.mistCells) > 0 {
		m["mistakeRect"] = rect(d.ui.mistCells[0])
	}
	if d.cur.index >= 0 {
		m["image"], m["imageIsTest"] = d.cur.index, d.cur.test
	}
	return m
}

func nonNil(v []float64) []float64 {
	if v == nil {
		return []float64{}
	}
	return v
}

// Predict classifies a 28×28 image (0..1, row-major) with the current
// model, pre-processed for it as the pad's drawings are (window.digitlab.predict).
func (d *digitsScene) Predict(pixels []float32) ([]float64, error) {
	if d.model == nil {
		return nil, fmt.Errorf("predict: no model yet (the data is still loading or the options are invalid)")
	}
	if len(pixels) != 28*28 {
		return nil, fmt.Errorf("predict: got %d pixels, want 784", len(pixels))
	}
	p := d.predict(nil, nil, pixels)
	out := make([]float64, len(p))
	for i, v := range p {
		out[i] = float64(v)
	}
	return out, nil
}

// predict turns a 28×28 image in 0..1 into the model's input (8×8 for the
// 8×8 digits, raw values when training on raw pixels) in buf and returns
// the probabilities appended to dst[:0].
func (d *digitsScene) predict(dst, buf []float32, px28 []float32) []float32 {
	in := d.model.In
	var x []float32
	scale := float32(1)
	if in.H == 8 {
		x = pad.Digits8(buf, px28, 28)
		if d.cfg.Raw {
			scale = datasets.DigitsMax
		}
	} else {
		if cap(buf) < len(px28) {
			buf = make([]float32, len(px28))
		}
		x = buf[:len(px28)]
		copy(x, px28)
		if d.cfg.Raw {
			scale = 255
		}
	}
	if scale != 1 {
		for i := range x {
			x[i] *= scale
		}
	}
	return d.model.Predict(dst, x)
}
