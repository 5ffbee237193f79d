package ring

import (
	"math"
	"math/rand/v2"
	"time"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Scene is the Ring tab without a screen: seed 003's hand-designed
// 2→4→3→1 detector of the L1 ring a ≤ |x1|+|x2| ≤ b against the circular
// ring (left plot), and a network learning the same problem from sampled
// points (right plot). It owns the widgets and their layout, the options
// (Set, Status), the run (Run: running, pending single steps, the start
// button's label), everything derived in world coordinates, the two
// heatmaps as plot.Rasters, the texts and the display list of all it
// shows (List); the page only paints that list. Fields are for reading;
// change the scene through its methods and widgets. Texts are measured
// with paint.Measure.
//
// Per frame, Update and List allocate nothing while nothing changes:
// strings are built when they are asked for and their inputs changed
// (DesignTexts, LearnTexts, Hover).
type Scene struct {
	// Designed detector: its widgets.
	A, B                    ui.Slider
	Optimal, Errors         ui.Toggle // best-IoU radii; show the disagreeing points
	ShowKinks1, ShowKinks2  ui.Toggle
	Net                     *Net           // weights for the diamond in use
	Fit                     Fit            // seed diamond and IoU-optimal one for (a, b)
	Meas                    Measures       // the diamond in use vs the circle
	Pts                     []Point        // fixed random points, labelled by circle and diamond
	NMissed, NExtra         int            // of Pts: circle-only, diamond-only
	Kinks                   []Kink         // of layers 1 and 2, clipped to Plane
	Outline, Circles        []plot.Segment // z = 0 of the design; the circles r = a, b
	SeedIn                  [7]bool        // the design's verdict on each of SeedTests
	seedIn, seedOut         []plot.Point   // SeedTests split by SeedIn (the list's dots)
	designGen               uint64         // bumped by every rebuildDesign
	designDirty, learnDirty bool           // the rasters need rendering

	// Learned detector.
	Arch, Labels, Opt ui.Choice
	LR, Batch, Points ui.Slider
	Run               ui.RunControls
	Seed              uint64
	LabelRing         []plot.Segment // the ring that labels the points (circles or diamonds)
	Zero              []plot.Segment // learned z = 0 contour
	Learned           Measures       // learned region z ≥ 0 vs the circle
	Regions           learnedRegions // the learned net's linear regions and their count's history (regions.go)
	AccHistory        []AccPoint     // the held-out accuracy against the step (history.go)
	TrainLoss         float64
	TrainAcc          float64
	TestLoss          float64
	TestAcc           float64
	TrainErr          string // why the trainer could not be built or stopped
	tr                *Trainer
	learnGen          uint64        // bumped whenever the learned figures change
	grid, dgrid       *plot.Grid    // learned and designed z sampled on the plane
	evalPhase         int           // 0: scores next, 1: region next
	nextEval          time.Duration // Tick.Now of the next evaluation while running
	changed           bool          // this tick re-evaluated the learned network

	// Left and Right are the heatmaps of the two plots, one pixel per
	// device pixel of PlotL and PlotR.
	Left, Right plot.Raster

	layout
	texts
	chart historyChart // the chart of the histories (scene_chart.go)
	hover hoverState
	scale float64    // device pixels per logical one, from the last Tick
	list  paint.List // what List returns, rebuilt by each call
}

const (
	// SceneTitle, PanelDesigned and PanelLearned are the titles of the
	// content panel and the two control panels.
	SceneTitle    = "Ring — a ReLU network built by hand, then learned"
	PanelDesigned = "Designed 2→4→3→1"
	PanelLearned  = "Learned"

	samplePoints = 3000 // points for the disagreement picture
	sampleSeed   = 2026
	evalEvery    = 400 * time.Millisecond // while training: scores, then the region one frame later
	gridN        = 65                     // learned z is sampled on gridN² points
	designGridN  = 129                    // designed z likewise (piecewise linear: bilinear is close)
	regionCells  = 100                    // RegionMeasures' grid for the learned region
	circleSegs   = 96                     // polygon of each circle
)

// NewScene returns the Ring scene with the seed's a = 1, b = 2 and the
// learned detector's defaults (DefaultLearn).
func NewScene() *Scene {
	d := DefaultLearn()
	s := &Scene{
		A: ui.Slider{Label: "a (inner)", Min: 0, Max: 3.4, Step: 0.05, Value: 1, Format: "%.2f",
			Tip: "The designed net fires for a ≤ |x1|+|x2| ≤ b.\nb2 = [a+b, b, −b] follow from a and b."},
		B: ui.Slider{Label: "b (outer)", Min: 0.1, Max: 3.5, Step: 0.05, Value: 2, Format: "%.2f",
			Tip: "The designed net fires for a ≤ |x1|+|x2| ≤ b.\nThe circle ring is a² ≤ x1²+x2² ≤ b²."},
		Optimal:    ui.Toggle{Label: "best IoU", Tip: "Scale the diamond's radii to (a', b') that maximise\nintersection over union with the circular ring\n(found numerically): the seed's closing question."},
		Errors:     ui.Toggle{Label: "errors", On: true, Tip: "Random points where diamond and circle disagree:\norange = in the circle ring only (missed),\npurple = in the diamond ring only (extra)."},
		ShowKinks1: ui.Toggle{Label: "kinks L1", Tip: "Layer 1 kinks: ReLU(±x1), ReLU(±x2) bend on the axes."},
		ShowKinks2: ui.Toggle{Label: "kinks L2", Tip: "Layer 2 kinks: unit 1 bends on |x1|+|x2| = (a+b)/2,\nunits 2 and 3 on |x1|+|x2| = b. The inner edge r = a\nis where z = 0, not a kink: z = r − a on both sides."},

		Arch: ui.Choice{Label: "hidden layers (2→h1→h2→1)", Options: []string{"4, 3", "8, 8", "16, 16"}, Index: 1,
			Tips: []string{"2→4→3→1: the seed's shape, now learned", "2→8→8→1: two hidden layers of 8 ReLUs", "2→16→16→1: two hidden layers of 16 ReLUs"}},
		Labels: ui.Choice{Label: "labels", Options: []string{"circle", "L1"},
			Tip: "Which ring labels the training points"},
		Opt: ui.Choice{Label: "optimiser", Options: []string{"SGD", "mom.", "Adam"},
			Tips: []string{"Plain SGD: w −= η g", "Momentum β = 0.9: m = βm + g, w −= η m", "Adam (β1 0.9, β2 0.999)"}},
		LR: ui.Slider{Label: "η", Min: 1e-3, Max: 1, Log: true, Value: d.LR,
			Tip: "Learning rate η: the step size of each update"},
		Batch: ui.Slider{Label: "batch", Values: []float64{1, 2, 4, 8, 16, 32, 64, 128}, Value: float64(d.Batch), Format: "%.0f",
			Tip: "Samples whose gradients are averaged per update"},
		Points: ui.Slider{Label: "points", Values: []float64{100, 200, 500, 1000, 2000, 5000}, Value: float64(d.Points), Format: "%.0f",
			Tip: "Training points, uniform in [−2.5, 2.5]²"},
		Run: ui.RunControls{
			Start:      ui.Button{Label: "Start", Tip: "Start or pause training (space)"},
			Step:       ui.Button{Label: "Step", Tip: "One update (s)"},
			Reset:      ui.Button{Label: "Reset", Tip: "New random weights: the next seed (r)"},
			StartLabel: "Start", PauseLabel: "Pause",
		},
		Seed: d.Seed,
	}
	s.Pts = Sample(nil, rand.New(rand.NewPCG(sampleSeed, 1)), samplePoints, Plane)
	s.rebuildDesign()
	s.rebuildTrainer()
	return s
}

// Trainer is the learned detector's trainer, nil when its set-up was
// refused (TrainErr says why).
func (s *Scene) Trainer() *Trainer { return s.tr }

// rebuildDesign recomputes everything of the designed side from a, b and
// the IoU toggle. The sliders and Set keep a < b, so errors here are bugs.
func (s *Scene) rebuildDesign() {
	a, b := s.A.Value, s.B.Value
	fit, err := BestIoU(a, b)
	if err != nil {
		panic("ring scene: " + err.Error())
	}
	s.Fit = fit
	s.Meas = fit.Base
	if s.Optimal.On {
		s.Meas = fit.Best
	}
	s.Net = MustNew(s.Meas.DA, s.Meas.DB)
	Label(s.Pts, a, b, s.Meas.DA, s.Meas.DB)
	s.NMissed, s.NExtra = 0, 0
	for _, p := range s.Pts {
		switch {
		case p.Circle && !p.Diamond:
			s.NMissed++
		case p.Diamond && !p.Circle:
			s.NExtra++
		}
	}
	s.seedIn, s.seedOut = s.seedIn[:0], s.seedOut[:0]
	for i, t := range SeedTests {
		s.SeedIn[i] = s.Net.InRing(t.X1, t.X2)
		if s.SeedIn[i] {
			s.seedIn = append(s.seedIn, plot.Point{X: t.X1, Y: t.X2})
		} else {
			s.seedOut = append(s.seedOut, plot.Point{X: t.X1, Y: t.X2})
		}
	}
	s.Kinks = s.Net.Kinks(Plane)
	s.Outline = s.Net.Boundary(Plane)
	s.Circles = append(ClipAll(Circle(a, circleSegs), Plane), ClipAll(Circle(b, circleSegs), Plane)...)
	s.rebuildLabelRing()
	s.designGen++
	s.designDirty = true
}

// rebuildLabelRing outlines the ring that labels the training points.
func (s *Scene) rebuildLabelRing() {
	if s.Labels.Index == int(LabelCircle) {
		s.LabelRing = s.Circles
	} else {
		s.LabelRing = ClipAll(append(Diamond(s.A.Value), Diamond(s.B.Value)...), Plane)
	}
}

func (s *Scene) learnConfig() LearnConfig {
	c := DefaultLearn()
	c.A, c.B = s.A.Value, s.B.Value
	c.Labels = Labels(s.Labels.Index)
	c.Arch = Archs[s.Arch.Index]
	c.Opt = Opts[s.Opt.Index]
	c.LR = s.LR.Value
	c.Batch = int(s.Batch.Value)
	c.Points = int(s.Points.Value)
	c.Seed = s.Seed
	return c
}

// rebuildTrainer starts the learned detector afresh (new weights and
// points from the current seed).
func (s *Scene) rebuildTrainer() {
	s.learnGen++
	tr, err := NewTrainer(s.learnConfig())
	if err != nil {
		s.TrainErr = err.Error()
		s.tr = nil
		s.Run.Running = false
		return
	}
	s.TrainErr = ""
	s.tr = tr
	s.Run.Pending = 0
	s.evaluate()
}

// relabel follows a change of the ring that labels the points.
func (s *Scene) relabel() {
	s.rebuildLabelRing()
	if s.tr != nil {
		s.tr.Relabel(s.A.Value, s.B.Value, Labels(s.Labels.Index))
		s.evaluate()
	}
}

// evaluate refreshes all learned figures at once (after a reset, a
// relabel or single steps).
func (s *Scene) evaluate() {
	s.evalScores()
	s.evalRegion()
}

// evalScores computes loss and accuracy on the training and held-out
// points (2000 forward passes by default).
func (s *Scene) evalScores() {
	if s.tr == nil {
		return
	}
	s.TrainLoss, s.TrainAcc = s.tr.Eval(false)
	s.TestLoss, s.TestAcc = s.tr.Eval(true)
	s.AccHistory = record(s.AccHistory, AccPoint{s.tr.Steps(), s.TestAcc})
	s.learnGen++
}

// evalRegion samples the learned z on a grid, once, and derives from it
// the z = 0 contour, the region's area measures and the heatmap.
func (s *Scene) evalRegion() {
	if s.tr == nil {
		return
	}
	if s.grid == nil {
		s.grid = plot.NewGrid(Plane, gridN, gridN)
	}
	s.grid.Fill(s.tr.Logit)
	s.Zero = s.Zero[:0]
	for _, c := range plot.Contours(s.grid, []float64{0}) {
		s.Zero = append(s.Zero, c.Segs...)
	}
	s.Learned = RegionMeasures(s.inLearned, s.A.Value, s.B.Value, Plane, regionCells)
	s.countLearned()
	s.learnGen++
	s.learnDirty = true
}

func (s *Scene) inLearned(x, y float64) bool { return s.grid.Sample(x, y) >= 0 }

// Update is one frame: lay out in t.Area, feed t.In to the widgets, act
// on them, train for part of t.Budget and render the rasters that
// changed.
func (s *Scene) Update(t *ui.Tick) {
	s.doLayout(t.Area)
	s.scale = t.Scale
	in := t.In

	// Designed side. Dragging one radius past the other pushes it along,
	// so the sliders can never describe a ≥ b.
	changed := false
	if s.A.Update(in) {
		if s.A.Value >= s.B.Value {
			s.B.Value = math.Min(s.B.Max, s.A.Value+s.B.Step)
			s.A.Value = math.Min(s.A.Value, s.B.Value-s.A.Step)
		}
		changed = true
	}
	if s.B.Update(in) {
		if s.B.Value <= s.A.Value {
			s.A.Value = math.Max(s.A.Min, s.B.Value-s.A.Step)
		}
		changed = true
	}
	if s.Optimal.Update(in) {
		changed = true
	}
	if s.Errors.Update(in) {
		s.designDirty = true // the disagreeing points come or go
	}
	s.ShowKinks1.Update(in)
	s.ShowKinks2.Update(in)
	if changed {
		s.rebuildDesign()
		s.relabel()
	}

	// Learned side.
	if s.Arch.Update(in) || s.Opt.Update(in) || s.Points.Update(in) {
		s.rebuildTrainer()
	}
	if s.Labels.Update(in) {
		s.relabel()
	}
	if s.LR.Update(in) && s.tr != nil {
		s.tr.SetLR(s.LR.Value)
	}
	if s.Batch.Update(in) && s.tr != nil {
		s.tr.SetBatch(int(s.Batch.Value))
	}
	canRun := s.canRun()
	switch s.Run.Update(in, canRun) {
	case ui.RunToggle:
		if s.Run.Running {
			s.Pause()
		} else {
			s.Start()
		}
		s.Run.Step.Disabled = s.Run.Running || !canRun
	case ui.RunStep:
		s.Step(1)
	case ui.RunReset:
		s.Reset()
	}
	s.Run.Sync()
	s.train(t)
	s.trackHover(in)
	s.render(t.Scale)
	s.updateChart()
}

func (s *Scene) canRun() bool { return s.tr != nil && s.tr.Err() == nil }

// train spends part of the frame's budget on updates (all of the pending
// single steps when paused) and re-evaluates every evalEvery.
func (s *Scene) train(t *ui.Tick) {
	if s.tr == nil || !s.Run.Running && s.Run.Pending == 0 {
		return
	}
	t0 := time.Now()
	s.changed = false
	if s.Run.Running && t.Now >= s.nextEval {
		s.changed = true // the scores, then the region: the frames worth drawing
		// Spread the evaluation over two frames, then wait.
		if s.evalPhase == 0 {
			s.evalScores()
			s.evalPhase, s.nextEval = 1, t.Now
		} else {
			s.evalRegion()
			s.evalPhase, s.nextEval = 0, t.Now+evalEvery
		}
	}
	var err error
	if s.Run.Running {
		err = s.tr.RunUntil(t0.Add(t.Budget * 2 / 3))
	} else {
		err = s.tr.Run(s.Run.Pending * s.tr.Cfg.Batch)
		s.Run.Pending = 0
		s.evaluate()
	}
	if err != nil { // diverged: stop and say so until reset
		s.Run.Running = false
		s.TrainErr = err.Error()
		s.evaluate()
	}
}

// Start runs training, unless the trainer is missing or stopped.
func (s *Scene) Start() {
	if s.canRun() {
		s.Run.Running = true
	}
}

// Pause stops training after this frame.
func (s *Scene) Pause() { s.Run.Running = false }

// Running reports whether training runs.
func (s *Scene) Running() bool { return s.Run.Running }

// Changed reports whether the last Update re-evaluated the learned
// network, or the scene is paused: while it trains, the frames in between
// show nothing new.
func (s *Scene) Changed() bool { return s.changed || !s.Run.Running }

// Step queues n updates while paused, done in the next Update.
func (s *Scene) Step(n int) {
	if n > 0 && !s.Run.Running {
		s.Run.Pending += n
	}
}

// Reset starts the learned detector again with new random weights: the
// next seed.
func (s *Scene) Reset() {
	s.Run.Running = false
	s.Seed++
	s.rebuildTrainer()
}

// rateShown is the training speed while running, 0 when paused.
func (s *Scene) rateShown() float64 {
	if !s.Run.Running || s.tr == nil {
		return 0
	}
	return s.tr.Rate()
}
