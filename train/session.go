package train

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"digitlab/nn"
)

// Budget bounds the work of one Step call. At least one of the two must
// be set; Step stops at whichever runs out first.
type Budget struct {
	// Samples is the most samples to process; a training sample and a
	// test-evaluation sample count one each. 0 = no limit.
	Samples int
	// Until is a deadline on the session's clock (Session.Now), checked
	// every few samples (about every quarter millisecond at the measured
	// speed). The zero time = no deadline.
	Until time.Time
	// EvalOnly makes Step work only on a test evaluation that is under
	// way or asked for with EvalNow: it never trains, starts no periodic
	// point, and returns when there is no such evaluation.
	EvalOnly bool
}

// Point is one entry of the training history, taken at a test
// evaluation.
type Point struct {
	Samples int64 // training samples seen
	Step    int   // optimiser steps taken
	Epoch   int   // completed passes over the training set
	// TrainLoss and TrainAcc are the running averages over the last
	// Config.Window training samples (NaN before the first sample).
	TrainLoss, TrainAcc float64
	// TestLoss and TestAcc judge the model on the test set (its first
	// Config.EvalN samples, or all of it at a full point: see
	// Config.FullEvery and Session.EvalNow); NaN without a test set.
	TestLoss, TestAcc float64
	// N is the number of test samples judged (0 without a test set).
	N int
}

// sampleStat is one entry of the running window.
type sampleStat struct {
	loss    float32
	correct bool
}

// Session trains one model on one data set, resumably: all of its
// position is in fields, and Step does a bounded amount of work. A Session
// is not safe for concurrent use.
type Session struct {
	Model       *nn.Model
	Train, Test Data
	// Now is the clock for Budget.Until and the samples/s figure;
	// time.Now unless a test injects another.
	Now func() time.Time

	cfg   Config
	opt   nn.Optimizer
	init  []float32 // the parameters at NewSession, for Reset
	rng   *rand.Rand
	perm  []int32 // sample order of the current epoch (Shuffle only)
	n     int     // training samples
	batch int     // effective batch size ≥ 1
	fused bool    // plain SGD at batch 1: nn's TrainSampleSGD takes the step

	// Position.
	epoch     int   // completed epochs
	index     int   // next position in the epoch's order
	inBatch   int   // samples accumulated into the current batch
	step      int   // optimiser steps taken
	seen      int64 // training samples seen
	backprops int64 // of them back-propagated (all unless SkipBelow)
	batchBack int   // samples back-propagated into the current batch
	permEpoch int   // epoch the permutation was drawn for (-1: none yet)
	last      int   // data index of the last trained sample (-1: none)

	// Running window over the last len(ring) training samples.
	ring        []sampleStat
	ringPos     int
	ringN       int
	ringLoss    float64
	ringCorrect int

	// Test evaluation, possibly spread over several Step calls.
	ev                 evaluator
	evaluating         bool
	nextEval           int64  // seen at which the next evaluation is due
	finalDone          bool   // the evaluation at the end has been taken
	base               Config // the configuration as made, for Reset after Extend
	runs               int    // Extend calls since Reset
	evTrainL, evTrainA float64
	evSeen             int64
	evStep, evEpoch    int
	evFull             bool  // the evaluation under way judges the whole test set
	evNow              bool  // EvalNow asked for an evaluation not yet started
	points             int   // scheduled points started (the one at 0 samples is point 0)
	lastSched          int64 // samples seen at the last scheduled point (-1: none)
	history            []Point

	// Full evaluations, double-buffered: the pass under way fills one
	// buffer while Full returns the other.
	full     [2]FullEval
	fullLast int // index into full of the latest finished pass (-1: none)
	fullSeq  int // full passes finished since Reset

	err              error
	x                []float32 // input buffer
	xs               []float32 // second input buffer for Shift
	checkEvery       int       // samples between clock checks
	rateNum, rateDen float64   // time-decayed samples and seconds
	busy             time.Duration
}

// NewSession returns a session that trains m on train with cfg and, if
// cfg.EvalEvery > 0 or when asked with EvalNow, judges it on test (which
// may be nil). It keeps a copy of m's current parameters for Reset, and
// allocates the buffers of the full evaluations. It returns a
// *ConfigError for a configuration that cannot train: an unknown
// optimiser, a negative or non-finite learning rate, an empty training
// set, samples of the wrong size or labels the model has no class for.
func NewSession(m *nn.Model, train, test Data, cfg Config) (*Session, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	opt, err := cfg.newOptimizer(len(m.Params))
	if err != nil {
		return nil, err
	}
	if in := m.In; cfg.Shift > 0 && (in.H <= 2*cfg.Shift || in.W <= 2*cfg.Shift) {
		return nil, &ConfigError{"Shift", fmt.Sprintf("shifting by up to %d pixels needs images wider and taller than %d; model %s takes %v", cfg.Shift, 2*cfg.Shift, m.Name, in)}
	}
	if m.Head == nn.HeadLinear {
		return nil, &ConfigError{"Model", fmt.Sprintf("model %s has a linear head and no loss to train", m.Name)}
	}
	if train == nil || train.Len() == 0 {
		return nil, &ConfigError{"Train", "the training set is empty"}
	}
	if err := checkData("Train", train, m); err != nil {
		return nil, err
	}
	if test != nil && test.Len() > 0 {
		if err := checkData("Test", test, m); err != nil {
			return nil, err
		}
	}
	if cfg.Window == 0 {
		cfg.Window = 1000
	}
	s := &Session{Model: m, Train: train, Test: test, Now: time.Now, cfg: cfg, base: cfg, opt: opt,
		init: append([]float32(nil), m.Params...), n: train.Len(), batch: cfg.Batch,
		ring: make([]sampleStat, cfg.Window), x: make([]float32, m.In.Size()),
		ev: evaluator{x: make([]float32, m.In.Size()), probs: make([]float32, 0, m.Classes())}}
	if s.batch == 0 || s.batch > s.n {
		s.batch = s.n
	}
	if cfg.Order == Shuffle {
		s.perm = make([]int32, s.n)
	}
	// Per-sample plain SGD is one fused call (bit for bit the same
	// weights as TrainSample, Step and ZeroGrad, and faster).
	s.fused = cfg.Opt == "sgd" && s.batch == 1
	if n := s.testLen(); n > 0 {
		for i := range s.full {
			s.full[i] = newFullEval(n, cfg.Mistakes, m.Classes())
		}
	}
	s.Reset()
	return s, nil
}

func checkData(field string, d Data, m *nn.Model) error {
	x := d.Sample(nil, 0)
	if len(x) != m.In.Size() {
		return &ConfigError{field, fmt.Sprintf("samples have %d values, model %s wants %v = %d", len(x), m.Name, m.In, m.In.Size())}
	}
	k := m.Classes()
	for i := range d.Len() {
		if y := d.Label(i); y < 0 || y >= k {
			return &ConfigError{field, fmt.Sprintf("sample %d has label %d, model %s has %d classes", i, y, m.Name, k)}
		}
	}
	return nil
}

// Reset puts the session back to its start: the parameters it was created
// with, fresh optimiser state, the seed's shuffle, empty window and
// history, no full evaluation and no EvalNow request, and no error. Run
// the same Steps again and you get the same numbers.
func (s *Session) Reset() {
	s.cfg.Steps, s.cfg.Epochs, s.cfg.Schedule.Total, s.runs = s.base.Steps, s.base.Epochs, s.base.Schedule.Total, 0
	copy(s.Model.Params, s.init)
	clear(s.Model.Grads)
	s.Model.ZeroGrad()
	s.opt.Reset()
	s.rng = rand.New(rand.NewPCG(s.cfg.Seed, 0x7a11))
	s.epoch, s.index, s.inBatch, s.step, s.seen = 0, 0, 0, 0, 0
	s.backprops, s.batchBack = 0, 0
	s.permEpoch, s.last = -1, -1
	clear(s.ring)
	s.ringPos, s.ringN, s.ringLoss, s.ringCorrect = 0, 0, 0, 0
	s.evaluating, s.nextEval, s.finalDone = false, 0, false
	s.evFull, s.evNow, s.points, s.lastSched = false, false, 0, -1
	s.fullLast, s.fullSeq = -1, 0
	s.history = s.history[:0]
	s.err = nil
	s.checkEvery = 1
	s.rateNum, s.rateDen, s.busy = 0, 0, 0
}

// Step trains (and evaluates, when an evaluation is due or asked for
// with EvalNow) until the budget runs out or training is done, and
// returns; with b.EvalOnly it only evaluates. Its position is kept, so
// many small Steps give bit-identical parameters to one big Step. It
// returns a *DivergedError when a loss or a parameter stops being finite;
// the session then stays stopped, returning that error, until Reset.
// Step allocates nothing except when it appends a history point. It
// panics if b sets neither Samples nor Until.
func (s *Session) Step(b Budget) error {
	if b.Samples <= 0 && b.Until.IsZero() {
		panic("train: Step needs a budget (Samples or Until)")
	}
	if s.err != nil {
		return s.err
	}
	t0 := s.Now()
	deadline := !b.Until.IsZero()
	if deadline && !t0.Before(b.Until) {
		return nil
	}
	work, trained, check := 0, 0, s.checkEvery
	for b.Samples <= 0 || work < b.Samples {
		if deadline {
			if check == 0 {
				if !s.Now().Before(b.Until) {
					break
				}
				check = s.checkEvery
			}
			check--
		}
		if s.evaluating {
			i := s.ev.next
			p := s.ev.one(s.Model, s.Test)
			if s.evFull {
				s.filling().add(i, s.Test.Label(i), p, s.ev.probs)
			}
			work++
			if s.ev.done() {
				s.finishEval()
			}
			continue
		}
		// A point due now goes first; when EvalNow asked for a full
		// evaluation here, that point judges the whole test set (one
		// point at this step, not a partial one and a full one).
		if s.inBatch == 0 && s.evalDue() && (!b.EvalOnly || s.evNow) {
			full := s.evNow
			s.evNow = false
			s.startEval(false, full)
			continue
		}
		if s.evNow {
			s.evNow = false
			if !s.fullHere() {
				s.startEval(true, true)
			}
			continue
		}
		if b.EvalOnly || s.Done() {
			break
		}
		if err := s.trainOne(); err != nil {
			s.err = err
			break
		}
		work++
		trained++
	}
	if s.err == nil && trained > 0 {
		if i := firstNonFinite(s.Model.Params); i >= 0 {
			s.err = &DivergedError{Step: s.step, Samples: s.seen, Loss: s.runningLoss(), LR: s.LR(), Param: i, Value: s.Model.Params[i]}
		}
	}
	s.measure(s.Now().Sub(t0), trained)
	return s.err
}

// trainOne trains on the next sample and takes an optimiser step when the
// batch is full or the epoch ends.
func (s *Session) trainOne() error {
	if s.perm != nil && s.permEpoch != s.epoch {
		for i := range s.perm {
			s.perm[i] = int32(i)
		}
		for i := len(s.perm) - 1; i > 0; i-- { // Fisher–Yates
			j := s.rng.IntN(i + 1)
			s.perm[i], s.perm[j] = s.perm[j], s.perm[i]
		}
		s.permEpoch = s.epoch
	}
	i := s.index
	if s.perm != nil {
		i = int(s.perm[i])
	}
	s.x = s.Train.Sample(s.x, i)
	if k := s.cfg.Shift; k > 0 {
		in := s.Model.In
		dx, dy := s.rng.IntN(2*k+1)-k, s.rng.IntN(2*k+1)-k
		s.xs = shiftImage(s.xs, s.x, in.H, in.W, in.C, dx, dy)
		s.x, s.xs = s.xs, s.x
	}
	y := s.Train.Label(i)
	var loss float64
	var class int
	var back bool
	if s.fused {
		loss, class, back = s.Model.TrainSampleSGD(s.x, y, float32(s.LR()), s.cfg.SkipBelow)
	} else {
		loss, class, back = s.Model.TrainSampleSelective(s.x, y, s.cfg.SkipBelow)
	}
	if math.IsNaN(loss) || math.IsInf(loss, 0) { // not back-propagated, no step
		return &DivergedError{Step: s.step, Samples: s.seen, Loss: loss, LR: s.LR(), Param: -1}
	}
	s.record(loss, class == y)
	s.last = i
	s.seen++
	s.inBatch++
	s.index++
	if back {
		s.backprops++
		s.batchBack++
	}
	if s.inBatch == s.batch || s.index == s.n {
		if s.batchBack > 0 && !s.fused { // else no gradient, or the step is taken
			if s.inBatch > 1 {
				s.Model.ScaleGrads(1 / float32(s.inBatch))
			}
			s.Model.Step(s.opt, float32(s.LR()))
			s.Model.ZeroGrad()
		}
		s.step++
		s.inBatch, s.batchBack = 0, 0
	}
	if s.index == s.n {
		s.index = 0
		s.epoch++
	}
	return nil
}

// record adds one sample to the running window.
func (s *Session) record(loss float64, correct bool) {
	old := s.ring[s.ringPos]
	if s.ringN == len(s.ring) {
		s.ringLoss -= float64(old.loss)
		if old.correct {
			s.ringCorrect--
		}
	} else {
		s.ringN++
	}
	st := sampleStat{loss: float32(loss), correct: correct}
	s.ring[s.ringPos] = st
	s.ringLoss += float64(st.loss)
	if correct {
		s.ringCorrect++
	}
	s.ringPos++
	if s.ringPos == len(s.ring) {
		s.ringPos = 0
		// Recompute the sum once per lap so rounding cannot drift.
		s.ringLoss = 0
		for _, e := range s.ring {
			s.ringLoss += float64(e.loss)
		}
	}
}

func (s *Session) runningLoss() float64 {
	if s.ringN == 0 {
		return math.NaN()
	}
	return s.ringLoss / float64(s.ringN)
}

// Running returns the mean loss and accuracy over the last (up to
// Config.Window) training samples, and how many samples that is. Both are
// NaN before the first sample.
func (s *Session) Running() (loss, acc float64, n int) {
	if s.ringN == 0 {
		return math.NaN(), math.NaN(), 0
	}
	return s.runningLoss(), float64(s.ringCorrect) / float64(s.ringN), s.ringN
}

// evalDue reports whether a history point is due now: every EvalEvery
// samples, and once at the end.
func (s *Session) evalDue() bool {
	if s.cfg.EvalEvery <= 0 {
		return false
	}
	if s.Done() {
		return !s.finalDone && s.lastSched != s.seen
	}
	return s.seen >= s.nextEval
}

func (s *Session) testLen() int {
	if s.Test == nil {
		return 0
	}
	return s.Test.Len()
}

// fullPoint reports whether scheduled point i (the one at 0 samples is
// point 0; final marks the one at the end of training) judges the whole
// test set because of Config.FullEvery.
func (c *Config) fullPoint(i int, final bool) bool {
	f := c.FullEvery
	return f > 0 && (final || (i >= 1 && (i-1)%f == 0))
}

// startEval starts a history point at the current position: the
// scheduled one that evalDue asked for, or, when now is set, the full
// one that EvalNow asked for (which leaves the schedule alone).
// startEval starts an evaluation: the periodic point due (now false) or
// one EvalNow asked for (now true), judging the whole test set if full or
// if the schedule says so.
func (s *Session) startEval(now, full bool) {
	s.evTrainL, s.evTrainA, _ = s.Running()
	s.evSeen, s.evStep, s.evEpoch = s.seen, s.step, s.epoch
	nt := s.testLen()
	n := nt
	if !now {
		s.nextEval = (s.seen/int64(s.cfg.EvalEvery) + 1) * int64(s.cfg.EvalEvery)
		final := s.Done()
		if final {
			s.finalDone = true
		}
		if s.cfg.EvalN > 0 && !full && !s.cfg.fullPoint(s.points, final) {
			n = min(n, s.cfg.EvalN)
		}
		s.points++
		s.lastSched = s.seen
	}
	s.evFull = n > 0 && n == nt
	if s.evFull {
		s.filling().start()
	}
	s.ev.start(n)
	s.evaluating = true
	if n == 0 {
		s.finishEval()
	}
}

func (s *Session) finishEval() {
	s.evaluating = false
	p := Point{Samples: s.evSeen, Step: s.evStep, Epoch: s.evEpoch, TrainLoss: s.evTrainL, TrainAcc: s.evTrainA,
		TestLoss: math.NaN(), TestAcc: math.NaN()}
	if s.ev.n > 0 {
		r := s.ev.result()
		p.TestLoss, p.TestAcc, p.N = r.Loss, r.Acc, r.N
	}
	s.history = append(s.history, p)
	if s.evFull {
		i := s.fillIndex()
		s.fullSeq++
		s.full[i].Point, s.full[i].Seq = p, s.fullSeq
		s.full[i].sortMistakes()
		s.fullLast = i
		s.evFull = false
	}
}

// fillIndex returns the index into full of the buffer that the full pass
// under way fills: the one Full does not return.
func (s *Session) fillIndex() int {
	if s.fullLast == 0 {
		return 1
	}
	return 0
}

func (s *Session) filling() *FullEval { return &s.full[s.fillIndex()] }

// fullHere reports whether the latest full evaluation, finished or under
// way, is at the current step and sample count.
func (s *Session) fullHere() bool {
	if s.evaluating && s.evFull {
		return s.evSeen == s.seen && s.evStep == s.step
	}
	f := s.Full()
	return f != nil && f.Samples == s.seen && f.Step == s.step
}

// EvalNow asks for an evaluation of the whole test set at the current
// position (for a page paused after single steps, whose mistakes describe
// an older model). It makes a history point like any evaluation and
// fills Full, and leaves the periodic points where they were. Step starts
// it as soon as it runs, even in the middle of a mini-batch (a forward
// pass leaves the accumulated gradients alone), after the evaluation
// already under way and after a point due at this position; with
// Budget.EvalOnly, Step runs it without training. EvalNow does nothing
// without a test set, or when the latest full evaluation, finished or
// under way, is already at the current step and sample count.
func (s *Session) EvalNow() {
	if s.testLen() == 0 || s.fullHere() {
		return
	}
	s.evNow = true
}

// Full returns the latest finished full evaluation, or nil if there has
// been none since Reset. It is the session's own buffer, reused: do not
// modify it. It stays valid until the next full evaluation finishes (the
// pass under way fills a second buffer); copy what you keep longer.
func (s *Session) Full() *FullEval {
	if s.fullLast < 0 {
		return nil
	}
	return &s.full[s.fullLast]
}

// EvalProgress returns the fraction done of the evaluation under way and
// whether it judges the whole test set; 0, false when there is none.
func (s *Session) EvalProgress() (frac float64, full bool) {
	if !s.evaluating || s.ev.n == 0 {
		return 0, false
	}
	return float64(s.ev.next) / float64(s.ev.n), s.evFull
}

// measure folds one Step call into the samples/s figure, an average that
// forgets with a time constant of one second.
func (s *Session) measure(el time.Duration, trained int) {
	s.busy += el
	sec := el.Seconds()
	if sec <= 0 {
		return
	}
	k := math.Exp(-sec)
	s.rateNum = s.rateNum*k + float64(trained)
	s.rateDen = s.rateDen*k + sec
	// Check the clock about every quarter millisecond.
	s.checkEvery = min(max(int(s.Rate()/4000), 1), 64)
}

// Rate returns the training speed in samples per second (recent Step
// calls weigh most; evaluation time counts against it); 0 before any
// measurement.
func (s *Session) Rate() float64 {
	if s.rateDen <= 0 {
		return 0
	}
	return s.rateNum / s.rateDen
}

// Busy returns the total time spent inside Step since the last Reset.
func (s *Session) Busy() time.Duration { return s.busy }

// Extend lengthens the run by the length it was made with (its Steps or
// Epochs once more), so that a finished run trains on from where it is. A
// decaying schedule is stretched over the longer run (Total grows by the
// first run's Total), so the learning rate does not stay at its end value
// of 0. It reports false, changing nothing, for a run that never ends or
// has stopped with an error. Reset undoes it.
func (s *Session) Extend() bool {
	if s.err != nil || (s.base.Steps == 0 && s.base.Epochs == 0) {
		return false
	}
	if s.base.Steps > 0 {
		s.cfg.Steps += s.base.Steps
	} else {
		s.cfg.Epochs += s.base.Epochs
	}
	if s.cfg.Schedule.Decay != "" {
		s.cfg.Schedule.Total += s.base.Schedule.Total
	}
	s.finalDone = false
	s.runs++
	return true
}

// Runs is the run's length in the lengths it was made with: 1, and one
// more for each Extend since Reset.
func (s *Session) Runs() int { return 1 + s.runs }

// Done reports whether the configured epochs or steps are complete. A
// final evaluation may still be pending: keep calling Step until Idle.
func (s *Session) Done() bool {
	return (s.cfg.Steps > 0 && s.step >= s.cfg.Steps) || (s.cfg.Epochs > 0 && s.epoch >= s.cfg.Epochs)
}

// Idle reports whether Step has nothing left to do: training is done,
// the final evaluation (if any) has been taken and no EvalNow is
// pending, or training has stopped with an error.
func (s *Session) Idle() bool {
	return s.err != nil || (s.Done() && !s.evaluating && !s.evalDue() && !s.evNow)
}

// Progress returns the fraction of training done, 0..1 (0 when training
// never ends).
func (s *Session) Progress() float64 {
	p := 0.0
	if s.cfg.Steps > 0 {
		p = float64(s.step) / float64(s.cfg.Steps)
	}
	if s.cfg.Epochs > 0 {
		p = max(p, (float64(s.epoch)+float64(s.index)/float64(s.n))/float64(s.cfg.Epochs))
	}
	return min(p, 1)
}

// Err returns the error that stopped training, or nil.
func (s *Session) Err() error { return s.err }

// Epoch returns the number of completed passes over the training set.
func (s *Session) Epoch() int { return s.epoch }

// Index returns the position of the next sample in the epoch's order.
func (s *Session) Index() int { return s.index }

// InBatch returns how many samples the current mini-batch holds so far.
func (s *Session) InBatch() int { return s.inBatch }

// Steps returns the number of optimiser steps taken (with SkipBelow: of
// batches, a batch whose samples were all skipped counting too).
func (s *Session) Steps() int { return s.step }

// Backprops is how many of the training samples seen were
// back-propagated: all of them unless Config.SkipBelow is set.
func (s *Session) Backprops() int64 { return s.backprops }

// Seen returns the number of training samples seen.
func (s *Session) Seen() int64 { return s.seen }

// Last returns the data index of the last trained sample, -1 before the first.
func (s *Session) Last() int { return s.last }

// BatchSize returns the effective batch size (the training set's size for
// full batch).
func (s *Session) BatchSize() int { return s.batch }

// Evaluating reports whether a test evaluation is under way.
func (s *Session) Evaluating() bool { return s.evaluating }

// History returns the history points so far. The slice is the session's
// own: do not modify it; it stays valid until Reset.
func (s *Session) History() []Point { return s.history }

// Config returns the session's configuration (with defaults filled in).
func (s *Session) Config() Config { return s.cfg }

// LR returns the learning rate of the next optimiser step.
func (s *Session) LR() float64 { return s.cfg.Schedule.At(s.step) }

// SetSchedule changes the learning rate and annealing from the next step
// on (a live slider). It returns a *ConfigError for a negative or
// non-finite value and leaves the schedule unchanged.
func (s *Session) SetSchedule(sc nn.Schedule) error {
	c := s.cfg
	c.Schedule = sc
	if err := c.validate(); err != nil {
		return err
	}
	s.cfg.Schedule = sc
	return nil
}

// shiftImage writes src (an H×W×C image, channels last) moved by dx
// columns right and dy rows down into dst, zero where nothing moves in,
// and returns dst (resliced, allocated when too small).
func shiftImage(dst, src []float32, H, W, C, dx, dy int) []float32 {
	n := H * W * C
	if cap(dst) < n {
		dst = make([]float32, n)
	}
	dst = dst[:n]
	clear(dst)
	x0, x1 := max(0, dx), min(W, W+dx) // destination columns that get a pixel
	if x0 >= x1 {
		return dst
	}
	for y := max(0, dy); y < min(H, H+dy); y++ {
		d := dst[(y*W+x0)*C : (y*W+x1)*C]
		copy(d, src[((y-dy)*W+x0-dx)*C:])
	}
	return dst
}
