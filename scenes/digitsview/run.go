package digitsview

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"digitlab/datasets"
	"digitlab/excerpt"
	"digitlab/nn"
	"digitlab/train"
)

// Run is the Digits trainer without a screen: the configuration, the data
// prepared for it, the model and its train.Session, the run controls
// (Start, Pause, Step, Reset, Set, LoadWeights), the running curve, and
// the Snapshot the page draws. The trainer worker hosts one and calls Tick
// in slices; the command line and the tests drive it the same way.
//
// Its state lives in one place: whether the run is finished or diverged,
// and every figure with the step it was computed at, come from the
// session; the Run adds only what the session does not know (whether the
// user wants it to run, steps asked for, the weights file it came from).
// A Run is not safe for concurrent use.
type Run struct {
	// Now is the clock for Tick's deadline and the wall-clock rate;
	// time.Now unless a test injects another.
	Now func() time.Time

	cfg      Config
	src      Sources
	prep     Prepared
	prepKey  Config // dataKey of the configuration prep was made for
	prepOK   bool
	model    *nn.Model
	sess     *train.Session
	buildErr error
	running  bool // training continuously
	wantRun  bool // Start came before the data or the model
	pending  int  // optimiser steps asked for by Step(n)
	rec      Recorder
	loaded   string // the weights file the run started from
	gen      int    // bumped by every rebuild, reset and load

	// Wall-clock training speed while running.
	rateAt   time.Time
	rateSeen int64
	wallRate float64
	// Wall time spent running: runWall until the last pause, and since
	// runFrom while running (zero when not).
	runWall time.Duration
	runFrom time.Time

	// What the last snapshot carried, to send mistakes and weights only
	// when they changed.
	sentGen, sentFull int
	sentWGen          int
	sentWSeen         int64
	sentW             bool
	x                 []float32 // input buffer for mistakes' pixels

	// The two test images of the last CmdPair (PickPair), and the
	// PairSeq the last snapshot carried.
	pair              []Mistake
	pairSeq, sentPair int

	// The confusion cell the mistakes show (CmdCell; -1: the most
	// confident mistakes), and the one the last mistakes sent showed.
	cell, sentCell int
	from, sentFrom int   // the first of the list the mistakes show (CmdPage), and the one last sent
	cellIdx        []int // scratch: the cell's images

	// A race lane judges the whole training set at rest (seed 000's
	// table): the judgement under way and the last one, of generation
	// judgeGen after judgeSeen samples.
	judge      train.Judge
	judging    bool
	judgeGen   int
	judgeSeen  int64
	trainFull  FullSummary
	judgements int

	// My digits mixed into training (SetMine): the digits, the share in
	// percent (0: none) and how many of them the task can use.
	mine      []MyDigit
	mineShare int
	mineN     int
}

// MaxWrong is the most misclassified test images a run keeps of a full
// evaluation.
const MaxWrong = 60

// NewRun returns a run of cfg; it builds its model once the data is there
// (SetSources) at the next Tick. It panics on an invalid cfg (use
// Config.Validate on configurations from outside).
func NewRun(cfg Config) *Run {
	if err := cfg.Validate(); err != nil {
		panic("digitsview: NewRun: " + err.Error())
	}
	r := &Run{Now: time.Now, cfg: cfg, sentGen: -1, cell: -1, sentCell: -1}
	r.rec.Max = 400 // chart points per series: enough for a smooth curve
	r.rec.Reset()
	return r
}

// Config returns the run's configuration.
func (r *Run) Config() Config { return r.cfg }

// Session returns the run's session, nil until the model is built.
func (r *Run) Session() *train.Session { return r.sess }

// Model returns the model being trained, nil until it is built.
func (r *Run) Model() *nn.Model { return r.model }

// Prepared returns the data sets the run trains and tests on (zero until
// built).
func (r *Run) Prepared() Prepared { return r.prep }

// Gen counts rebuilds, resets and loads: a page's copy of the model is
// stale when it changes.
func (r *Run) Gen() int { return r.gen }

// BuildErr is why the configuration cannot train, or nil.
func (r *Run) BuildErr() error { return r.buildErr }

// SetSources gives the run the loaded data sets.
func (r *Run) SetSources(src Sources) { r.src = src }

// dataKey is the part of a configuration the prepared data depends on.
func dataKey(c Config) Config {
	return Config{Task: c.Task, Model: c.Model, TrainN: c.TrainN, Noise: c.Noise, Raw: c.Raw, Seed: c.Seed, Race: c.Race}
}

// invalidate drops the session; the next Tick builds a new one.
func (r *Run) invalidate() {
	r.model, r.sess, r.buildErr = nil, nil, nil
	r.pending, r.loaded = 0, ""
	r.rec.Reset()
	r.gen++
}

// build makes the model and the session once the data is there.
func (r *Run) build() {
	if !r.src.Ready(r.cfg.Task) {
		return
	}
	if !r.prepOK || r.prepKey != dataKey(r.cfg) {
		p, err := Prepare(r.cfg, r.src)
		if err != nil {
			r.buildErr = err
			return
		}
		r.prep, r.prepKey, r.prepOK = p, dataKey(r.cfg), true
	}
	m, err := newModel(r.cfg, r.prep)
	if err != nil {
		r.buildErr = err
		return
	}
	r.startSession(m)
}

// startSession trains m (fresh or loaded weights) as the configuration
// says.
func (r *Run) startSession(m *nn.Model) {
	tc := r.cfg.TrainConfig()
	tc.EvalEvery, tc.EvalN, tc.FullEvery = r.evalPlan(r.cfg.Recipe())
	tc.Mistakes = MaxWrong
	s, err := train.NewSession(m, r.prep.Train, r.prep.Test, tc)
	if err != nil {
		r.buildErr = err
		return
	}
	s.Now = r.Now
	r.model, r.sess, r.buildErr = m, s, nil
	r.mixMine()
	r.rec.Reset()
	r.gen++
	r.judging, r.trainFull = false, FullSummary{}
	r.wallRate, r.rateAt = 0, time.Time{}
	r.runWall, r.runFrom = 0, time.Time{}
}

// runSamples is the length of the run in training samples (0 = endless).
func (r *Run) runSamples(p train.Recipe) int {
	switch {
	case p.Steps > 0:
		return p.Steps * r.batch(p)
	case p.Epochs > 0:
		return p.Epochs * r.prep.Train.Len()
	}
	return 0
}

// batch is the batch the session takes: 0 and oversized are the whole
// training set.
func (r *Run) batch(p train.Recipe) int {
	if n := r.prep.Train.Len(); p.Batch == 0 || p.Batch > n {
		return n
	}
	return p.Batch
}

// evalPlan picks how often the session evaluates and on how many test
// images. About 25 points over the run (or every EvalEvery steps when
// set), each on the first n ≤ 2000 test images, costing together at most
// about half the training samples; and, where n is less than the test
// set, every full-th point from the second on and the last one judge the
// whole test set (their mistakes are what the Mistakes view shows),
// costing together about a tenth of the training samples, plus the last
// one (best: 3 passes, 16 %; TestEvalPlan). On long runs
// (the ten-digit CNNs) the points use 1000 images and come at most every
// 6000 samples; with selective backprop (best), where most training
// samples cost just a forward pass, every 15000 at most. For best that is
// a first full evaluation after 15000 samples, a few seconds after Start.
func (r *Run) evalPlan(p train.Recipe) (every, n, full int) {
	test := r.prep.Test.Len()
	n = min(test, 2000)
	total := r.runSamples(p)
	if total == 0 {
		total = 20 * r.prep.Train.Len()
	}
	if r.cfg.EvalEvery > 0 {
		every = r.cfg.EvalEvery * r.batch(p)
	} else {
		every = max(total/25, min(500, total))
		if total > 30000 {
			n = min(n, 1000)
			every = max(every, 6*n)
			if p.SkipBelow > 0 {
				every = max(every, 15*n)
			}
		}
		if p.Batch == 0 {
			every = max(every, r.prep.Train.Len()) // full batch: whole epochs
		}
	}
	points := max(1, total/every)
	n = min(n, max(250, total/(2*points)))
	if n >= test {
		return every, test, 0
	}
	full = int(math.Ceil(float64(points) * float64(test) / (0.1 * float64(total))))
	return every, n, min(max(full, 1), points)
}

// Tick trains (while running, or the steps asked for), evaluates and
// records the curve until the deadline on the run's clock. Paused with a
// trained model that the latest full evaluation does not describe, it
// evaluates the whole test set. It builds the model first when needed.
func (r *Run) Tick(until time.Time) {
	if r.sess == nil {
		if r.buildErr == nil {
			r.build()
		}
		if r.sess == nil {
			return
		}
		if r.wantRun {
			r.running, r.wantRun = true, false
		}
	}
	now := r.Now()
	s := r.sess
	switch {
	case r.running && !s.Idle():
		r.step(train.Budget{Until: until})
	case r.pending > 0:
		target := s.Steps() + r.pending
		for s.Steps() < target && r.Now().Before(until) {
			// Steps asked for past the run's end continue it, as Step
			// does at the end.
			if s.Idle() && !(r.Finished() && s.Extend()) {
				break
			}
			r.step(train.Budget{Samples: max(1, s.BatchSize()-s.InBatch()), Until: until})
		}
		r.pending = max(0, target-s.Steps())
	}
	if s.Idle() {
		r.running, r.pending = false, 0
	}
	if !r.running && r.pending == 0 && s.Err() == nil && (s.Seen() > 0 || r.loaded != "") {
		s.EvalNow() // a no-op when the latest full evaluation is of this model
		if r.Now().Before(until) {
			r.step(train.Budget{Until: until, EvalOnly: true})
		}
		if !s.Evaluating() && r.judgeDue() {
			r.judgeTrain(until)
		}
	} else {
		r.judging = false
	}
	r.measureWall(now)
	r.clockRun()
	// The running figures are noise over the first few samples: the
	// curve starts once the window holds 50.
	if loss, acc, n := s.Running(); n >= 50 {
		r.rec.Add(s.Steps(), loss, acc)
	}
}

// Busy reports whether Tick has work: training, steps asked for, an
// evaluation under way or due, or a model to build.
func (r *Run) Busy() bool {
	if r.sess == nil {
		return r.buildErr == nil && r.src.Ready(r.cfg.Task)
	}
	s := r.sess
	if r.running || r.pending > 0 || s.Evaluating() {
		return true
	}
	f := s.Full()
	return s.Err() == nil && (s.Seen() > 0 || r.loaded != "") && (f == nil || f.Samples != s.Seen() || r.judgeDue())
}

// judgeDue reports whether a race lane's model lacks its judgement of
// the whole training set.
func (r *Run) judgeDue() bool {
	return r.cfg.Race != "" && r.sess != nil && (r.trainFull.Seq == 0 || r.judgeGen != r.gen || r.judgeSeen != r.sess.Seen())
}

// judgeTrain goes on judging the whole training set until the deadline.
func (r *Run) judgeTrain(until time.Time) {
	s := r.sess
	if !r.judging || r.judgeGen != r.gen || r.judgeSeen != s.Seen() {
		r.judge.Start(r.prep.Train.Len())
		r.judging, r.judgeGen, r.judgeSeen = true, r.gen, s.Seen()
	}
	for r.Now().Before(until) {
		if r.judge.Step(r.model, r.prep.Train, 64) {
			res := r.judge.Result()
			r.judgements++
			r.trainFull = FullSummary{Seq: r.judgements, Step: s.Steps(), N: res.N, Loss: res.Loss, Acc: res.Acc}
			r.judging = false
			return
		}
	}
}

// TrainFull is a race lane's latest judgement of the whole training set
// (Seq 0: none of this model yet).
func (r *Run) TrainFull() FullSummary {
	if r.judgeGen != r.gen {
		return FullSummary{}
	}
	return r.trainFull
}

// step runs the session; divergence stops the run (its error stays in
// the session until Reset).
func (r *Run) step(b train.Budget) {
	err := r.sess.Step(b)
	if err == nil {
		return // before errors.As: its target would escape (an allocation per call)
	}
	var de *train.DivergedError
	switch {
	case errors.As(err, &de):
		r.running, r.pending = false, 0
		loss, acc, _ := r.sess.Running()
		r.rec.Add(r.sess.Steps()+1, loss, acc) // breaks the line
	case err != nil:
		r.buildErr = err
		r.running, r.pending = false, 0
	}
}

// measureWall folds this tick into the wall-clock samples/s figure, an
// average that forgets with a time constant of about a second.
func (r *Run) measureWall(now time.Time) {
	if !r.running {
		r.rateAt = time.Time{}
		return
	}
	seen := r.sess.Seen()
	if !r.rateAt.IsZero() {
		if dt := now.Sub(r.rateAt).Seconds(); dt > 0 {
			k := math.Exp(-dt)
			r.wallRate = k*r.wallRate + (1-k)*float64(seen-r.rateSeen)/dt
		}
	}
	r.rateAt, r.rateSeen = now, seen
}

// clockRun starts or stops the running clock as the run starts or stops.
func (r *Run) clockRun() {
	switch {
	case r.running && r.runFrom.IsZero():
		r.runFrom = r.Now()
	case !r.running && !r.runFrom.IsZero():
		r.runWall += r.Now().Sub(r.runFrom)
		r.runFrom = time.Time{}
	}
}

// RunTime is the wall time the run has spent running since it was built:
// from Start (or the first tick after it) to Pause or the end of the
// schedule, added up.
func (r *Run) RunTime() time.Duration {
	if r.runFrom.IsZero() {
		return r.runWall
	}
	return r.runWall + r.Now().Sub(r.runFrom)
}

// Diverged returns the error that stopped a blown-up run, or nil.
func (r *Run) Diverged() *train.DivergedError {
	if r.sess == nil || r.sess.Err() == nil {
		return nil // before errors.As: its target would escape
	}
	var de *train.DivergedError
	if errors.As(r.sess.Err(), &de) {
		return de
	}
	return nil
}

// Finished reports whether the preset's schedule is complete (and its
// final evaluation taken).
func (r *Run) Finished() bool {
	return r.sess != nil && r.sess.Err() == nil && r.sess.Done() && r.sess.Idle()
}

// Start trains continuously from the next Tick (once the model is built).
// A finished run continues for its length once more (train.Session's
// Extend); a diverged one stays paused: Reset first.
func (r *Run) Start() {
	switch {
	case r.sess == nil:
		r.wantRun = r.buildErr == nil
	case r.Diverged() != nil:
	case r.Finished() && !r.sess.Extend():
	default:
		r.running = true
	}
	r.clockRun()
}

// Pause stops training after the current tick.
func (r *Run) Pause() {
	r.running, r.wantRun = false, false
	if r.sess != nil {
		r.clockRun()
	}
}

// Running reports whether the run trains or will once built.
func (r *Run) Running() bool { return r.running || r.wantRun }

// Step asks for n more optimiser steps while paused.
func (r *Run) Step(n int) {
	if !r.running && n > 0 && r.Diverged() == nil {
		if r.Finished() {
			r.sess.Extend() // a step past the end continues the run
		}
		r.pending += n
	}
}

// Reset starts again from the seed's initial weights, paused.
func (r *Run) Reset() {
	r.running, r.wantRun = false, false
	r.invalidate()
	r.runWall, r.runFrom = 0, time.Time{}
}

// Set applies URL / digitlab.set options (Config.Apply) and then
// SetConfig.
func (r *Run) Set(opts map[string]string) []error {
	c := r.cfg
	_, errs := c.Apply(opts)
	if err := r.SetConfig(c); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// SetConfig uses c: a change of a field that shapes the network or the
// data resets the run (it keeps running if it was); η and T change the
// running session's schedule. An invalid c is refused with an error and
// changes nothing.
func (r *Run) SetConfig(c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	old := r.cfg
	if c == old {
		return nil
	}
	r.cfg = c
	live := old
	live.LR, live.AnnealT = c.LR, c.AnnealT
	if live == c && r.sess != nil && r.Diverged() == nil {
		sc := r.sess.Config().Schedule // keeps the preset's warm-up and decay
		sc.LR, sc.AnnealT = c.LR, c.AnnealT
		return r.sess.SetSchedule(sc)
	}
	running := r.Running()
	r.invalidate()
	r.running, r.wantRun = false, running
	return nil
}

// LoadWeightsError says why a weights file cannot be used.
type LoadWeightsError struct {
	File, Model string
	Err         error
}

func (e *LoadWeightsError) Error() string {
	why := e.Err.Error()
	if fe, ok := errors.AsType[*nn.FormatError](e.Err); ok {
		why = fe.Msg // without the package's prefix: the file is named here
	}
	return fmt.Sprintf("cannot load the weights file %s into model %s: %s", excerpt.Word(e.File), e.Model, why)
}
func (e *LoadWeightsError) Unwrap() error { return e.Err }

// LoadWeights restarts the run, paused, from the weights file data (its
// name is shown): numpy's .npz or Digit Lab's own format (nn.Model.Load). A file that does not fit the model, or holds weights
// that are not finite numbers (nn refuses those), is refused with a
// *LoadWeightsError and the run stays as it was.
func (r *Run) LoadWeights(name string, data []byte) error {
	if r.model == nil {
		return fmt.Errorf("weights file %s: no model yet (wait for the data)", excerpt.Word(name))
	}
	m := r.model.Clone()
	if err := m.Load(data); err != nil {
		return &LoadWeightsError{File: name, Model: r.cfg.Model, Err: err}
	}
	r.running, r.wantRun, r.pending = false, false, 0
	r.startSession(m)
	r.loaded = name
	return nil
}

// Snapshot fills s with the run's state (reusing s's slices). The
// mistakes are sent when they changed since the last snapshot; the
// weights when weights is true and they changed since they were last
// sent. Data, Seq and Ack are the worker's to fill.
func (r *Run) Snapshot(s *Snapshot, weights bool) {
	c := r.cfg
	p := c.Recipe()
	s.Gen, s.Config = r.gen, c
	s.Built, s.BuildErr, s.Loaded = r.sess != nil, "", r.loaded
	if r.buildErr != nil {
		s.BuildErr = r.buildErr.Error()
	}
	s.Running = r.Running()
	s.Done = r.Finished()
	s.Diverged = Divergence{Param: -1}
	if de := r.Diverged(); de != nil {
		s.Diverged = Divergence{Msg: de.Error(), Step: de.Step, LR: de.LR, Param: de.Param}
	}
	s.Step, s.Epoch, s.Index, s.Seen, s.Backprops, s.Runs = 0, 0, 0, 0, 0, 1
	s.TrainN, s.TestN, s.BatchSize = 0, 0, max(p.Batch, 0)
	s.Progress, s.Rate, s.WallRate, s.RunSecs = 0, 0, r.wallRate, r.RunTime().Seconds()
	s.TrainLoss, s.TrainAcc, s.RunN = math.NaN(), math.NaN(), 0
	s.MineN, s.MineShare = r.mineN, 0
	if r.mineN > 0 {
		s.MineShare = r.mineShare
	}
	s.History = s.History[:0]
	s.CurveStep = append(s.CurveStep[:0], r.rec.Step...)
	s.CurveLoss = append(s.CurveLoss[:0], r.rec.Loss...)
	s.CurveAcc = append(s.CurveAcc[:0], r.rec.Acc...)
	s.Evaluating, s.EvalFull, s.EvalProgress = false, false, 0
	s.Full = FullSummary{}
	s.TrainFull, s.Judging = r.TrainFull(), r.judging
	s.Image.Index, s.Image.Label, s.Image.Step = -1, -1, 0
	s.HasMistakes, s.HasWeights, s.HasPair = false, false, false
	if r.pairSeq != r.sentPair {
		s.HasPair, s.PairSeq, r.sentPair = true, r.pairSeq, r.pairSeq
		s.Pair = resize(s.Pair, len(r.pair))
		for i, m := range r.pair {
			p := &s.Pair[i]
			p.Index, p.Label, p.Pred = m.Index, m.Label, m.Pred
			p.Probs, p.Pixels = p.Probs[:0], append(p.Pixels[:0], m.Pixels...)
		}
	}
	s.About, s.Names = "", s.Names[:0]
	if r.prepOK && r.prepKey == dataKey(c) {
		s.About = r.prep.About
		s.Names = append(s.Names, r.prep.Test.Names...)
	}
	sess := r.sess
	if sess == nil {
		if r.sentGen != r.gen || r.sentCell != r.cell {
			s.HasMistakes, s.Mistakes, r.sentGen, r.sentFull = true, s.Mistakes[:0], r.gen, 0
			s.Confusion, s.MistakesCell, r.sentCell = s.Confusion[:0], r.cell+1, r.cell
		}
		return
	}
	s.Step, s.Epoch, s.Index, s.Runs = sess.Steps(), sess.Epoch(), sess.Index(), sess.Runs()
	s.Seen, s.Backprops = sess.Seen(), sess.Backprops()
	s.TrainN, s.TestN, s.BatchSize = r.prep.Train.Len(), r.prep.Test.Len(), sess.BatchSize()
	s.Progress, s.Rate = sess.Progress(), sess.Rate()
	s.TrainLoss, s.TrainAcc, s.RunN = sess.Running()
	s.History = append(s.History, sess.History()...)
	s.Evaluating = sess.Evaluating()
	s.EvalProgress, s.EvalFull = sess.EvalProgress()
	r.snapImage(s)
	f := sess.Full()
	if f != nil {
		s.Full = FullSummary{Seq: f.Seq, Step: f.Step, N: f.N, Loss: f.TestLoss, Acc: f.TestAcc, Wrong: f.Wrong}
	}
	if r.sentGen != r.gen || (f != nil && f.Seq != r.sentFull) || r.sentCell != r.cell || r.sentFrom != r.from {
		r.snapMistakes(s, f)
		r.sentCell, r.sentFrom = r.cell, r.from
		r.sentGen = r.gen
		if f != nil {
			r.sentFull = f.Seq
		} else {
			r.sentFull = 0
		}
	}
	if weights && (!r.sentW || r.sentWGen != r.gen || r.sentWSeen != sess.Seen()) {
		s.HasWeights, s.WeightsStep = true, sess.Steps()
		s.Weights = append(s.Weights[:0], r.model.Params...)
		r.sentW, r.sentWGen, r.sentWSeen = true, r.gen, sess.Seen()
	}
}

// snapImage puts the last trained sample and the model's probabilities
// for it now into s.Image.
func (r *Run) snapImage(s *Snapshot) {
	i := r.sess.Last()
	if i < 0 {
		i = 0
	}
	im := &s.Image
	tr := r.prep.Train
	im.Index, im.Label, im.Step = i, r.sess.Train.Label(i), r.sess.Steps()
	im.H, im.W = tr.H, tr.W
	im.Pixels = r.sess.Train.Sample(im.Pixels, i) // (one of my digits when mixed in)
	im.Probs = r.model.Predict(im.Probs, im.Pixels)
}

// snapMistakes copies the full evaluation's mistakes with their pixels
// into s (none when f is nil).
func (r *Run) snapMistakes(s *Snapshot, f *train.FullEval) {
	s.HasMistakes, s.MistakesCell = true, r.cell+1
	s.Mistakes, s.Confusion = s.Mistakes[:0], s.Confusion[:0]
	if f == nil {
		return
	}
	s.Confusion = append(s.Confusion, f.Confusion...)
	r.snapList(s, f)
}

// snapList puts a page of the mistakes of evaluation f into s.Mistakes:
// all of them, or the images of confusion cell r.cell (true t, predicted
// p; a cell of the diagonal holds the images the model gets right),
// the most confident first (by the probability of the predicted class;
// ties by index), MaxWrong from the r.from-th on (the last MaxWrong when
// there are not that many), with the probabilities of that evaluation.
func (r *Run) snapList(s *Snapshot, f *train.FullEval) {
	te := r.prep.Test
	k := len(te.Names)
	t, p := r.cell/100, r.cell%100
	if r.cell >= 0 && (t >= k || p >= k) || len(f.Probs) < len(f.Pred)*k {
		return
	}
	idx := r.cellIdx[:0]
	for i, pr := range f.Pred {
		if l := te.Label(i); r.cell < 0 && int(pr) != l || r.cell >= 0 && int(pr) == p && l == t {
			idx = append(idx, i)
		}
	}
	conf := func(i int) float32 { return f.Probs[i*k+int(f.Pred[i])] }
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(conf(b), conf(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	r.cellIdx = idx
	from := r.from
	if from >= len(idx) {
		from = max(0, len(idx)-MaxWrong)
	}
	s.MistakesFrom, s.MistakesOf = from, len(idx)
	for _, i := range idx[from:min(len(idx), from+MaxWrong)] {
		if n := len(s.Mistakes); n < cap(s.Mistakes) {
			s.Mistakes = s.Mistakes[:n+1] // keeps the element's buffers
		} else {
			s.Mistakes = append(s.Mistakes, Mistake{})
		}
		m := &s.Mistakes[len(s.Mistakes)-1]
		m.Index, m.Label, m.Pred = i, te.Label(i), int(f.Pred[i])
		m.Probs = append(m.Probs[:0], f.Probs[i*k:(i+1)*k]...)
		m.Pixels = te.Sample(m.Pixels, i)
	}
}

// SetFrom makes the mistakes the next snapshots send start at the n-th of
// the list the cell chooses (the page's gallery turns its pages so).
func (r *Run) SetFrom(n int) error {
	if n < 0 {
		return fmt.Errorf("mistakes: there is no image %d", n)
	}
	r.from = n
	return nil
}

// SetCell makes the mistakes the next snapshots send the images of true
// class t predicted p (n = t*100+p), or the most confident mistakes (n =
// -1).
func (r *Run) SetCell(n int) error {
	k := 100
	if r.prepOK {
		k = len(r.prep.Test.Names)
	}
	if n < -1 || (n >= 0 && (n/100 >= k || n%100 >= k)) {
		return fmt.Errorf("confusion cell %d: the task has classes 0 to %d", n, k-1)
	}
	r.cell, r.from = n, 0
	return nil
}

// Do applies a command from the page: the run controls, a configuration
// and a weights file. CmdRetry and CmdSnapshot are the worker's own and do
// nothing here. The error is for the page's message banner; the run stays
// usable whatever the command.
func (r *Run) Do(c Command) error {
	switch c.Kind {
	case CmdConfig:
		return r.SetConfig(c.Config)
	case CmdStart:
		r.Start()
	case CmdPause:
		r.Pause()
	case CmdStep:
		r.Step(min(max(c.N, 0), 1_000_000))
	case CmdReset:
		r.Reset()
	case CmdLoad:
		return r.LoadWeights(c.Name, c.Data)
	case CmdPair:
		if c.N < 0 {
			return fmt.Errorf("two test images: classes %d are not two class numbers", c.N)
		}
		return r.PickPair(c.N/100, c.N%100)
	case CmdCell:
		return r.SetCell(c.N)
	case CmdPage:
		return r.SetFrom(c.N)
	case CmdMine:
		ds, err := ParseMineWire(c.Data)
		if err != nil {
			return err
		}
		return r.SetMine(ds, c.N)
	case CmdRetry, CmdSnapshot:
	default:
		return fmt.Errorf("digitsview: unknown command %d", c.Kind)
	}
	return nil
}

// PickPair draws a random test image of class a and one of class b (an
// other image when a == b and the class has two), for the next snapshot's
// Pair. The draws are the same for the same seed: the k-th pair of a run
// comes from the seed and k.
func (r *Run) PickPair(a, b int) error {
	if !r.prepOK || r.prepKey != dataKey(r.cfg) {
		return errors.New("two test images: the test images are not loaded yet")
	}
	te := r.prep.Test
	k := len(te.Names)
	if a < 0 || a >= k || b < 0 || b >= k {
		return fmt.Errorf("two test images: classes %d and %d: the task has classes 0 to %d", a, b, k-1)
	}
	rnd := rand.New(rand.NewPCG(r.cfg.Seed, 0x9a1e+uint64(r.pairSeq)))
	ia := pickOf(te, a, -1, rnd)
	ib := pickOf(te, b, ia, rnd)
	if ia < 0 || ib < 0 {
		return fmt.Errorf("two test images: the test set has no image of class %s", te.Names[min(a, b)])
	}
	r.pair = resize(r.pair, 2)
	for i, idx := range [2]int{ia, ib} {
		p := &r.pair[i]
		p.Index, p.Label, p.Pred, p.Probs = idx, te.Label(idx), -1, nil
		p.Pixels = te.Sample(p.Pixels, idx)
	}
	r.pairSeq++
	return nil
}

// pickOf returns a random index of an image of class c in set, other than
// not if there is another, or -1 if the class has none.
func pickOf(set *datasets.Set, c, not int, rnd *rand.Rand) int {
	n := 0
	for i := range set.Len() {
		if set.Label(i) == c && i != not {
			n++
		}
	}
	if n == 0 {
		if not >= 0 && set.Label(not) == c {
			return not
		}
		return -1
	}
	k := rnd.IntN(n)
	for i := range set.Len() {
		if set.Label(i) == c && i != not {
			if k == 0 {
				return i
			}
			k--
		}
	}
	return -1
}

// Checksum is the CRC-32 (IEEE) of the model's parameters as little-endian
// float32 bits: the same run gives the same checksum natively, on Node and
// in the browser (digitlab.checksum(), digitlab page).
func Checksum(params []float32) uint32 {
	var b [4]byte
	h := crc32.NewIEEE()
	for _, v := range params {
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(v))
		h.Write(b[:])
	}
	return h.Sum32()
}

// MaxMineShare is the largest share of my digits in the training stream,
// in percent: beyond it the model would forget MNIST.
const MaxMineShare = 50

// SetMine mixes ds into the training stream as share percent of the
// samples (train.Mix), from the next sample on and for every run built
// after (a reset, another model); share 0 stops it. The digits of no
// class of the task (a 7 in 4 vs 9) are left out; if none is left it says
// so, and training goes on on the task's own data.
func (r *Run) SetMine(ds []MyDigit, share int) error {
	if share < 0 || share > MaxMineShare {
		return fmt.Errorf("my digits: a share of %d %% is not 0–%d %%", share, MaxMineShare)
	}
	r.mine, r.mineShare = append(r.mine[:0], ds...), share
	if share == 0 {
		r.mine = r.mine[:0]
	}
	r.mixMine()
	if share > 0 && len(ds) > 0 && r.sess != nil && r.mineN == 0 {
		return fmt.Errorf("my digits: none of your %d digits is one of this task's (%s): training goes on without them", len(ds), strings.Join(r.prep.Train.Names, ", "))
	}
	return nil
}

// mixMine points the session's training data at the task's own set, or at
// a mix of it with my digits.
func (r *Run) mixMine() {
	r.mineN = 0
	if r.sess == nil {
		return
	}
	r.sess.Train = r.prep.Train
	if r.mineShare == 0 || len(r.mine) == 0 {
		return
	}
	md := newMineData(r.mine, r.prep.Train.Digits, r.model.In, r.cfg.Raw)
	if md.Len() == 0 {
		return
	}
	r.mineN = md.Len()
	r.sess.Train = &train.Mix{Base: r.prep.Train, Extra: md, Percent: r.mineShare}
}
