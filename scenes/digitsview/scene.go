package digitsview

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/nn"
	"digitlab/scenes/pad"
	"digitlab/train"
)

// Views are the views of the content area (URL key "view").
var Views = []string{"train", "weights", "mistakes", "draw", "line", "confusion", "inside"}

// The views by index in Views.
const (
	ViewTrain = iota
	ViewWeights
	ViewMistakes
	ViewDraw
	ViewLine
	ViewConfusion
	ViewInside
)

// LivePeriod is how often the live parts refresh while training. Each
// refresh costs the browser far more than a frame that draws nothing
// (WebGL in software, no GPU): measured at 1024×640 while best trains in
// the worker, 4 refreshes a second gave 34 fps against 59 idle, 2 gave 37,
// one gave 54 against 56 and let the worker train faster (5000 against
// 3800 samples/s), both sharing the machine's two cores.
const LivePeriod = time.Second

// Scene is the Digits scene on the page without its drawing: the client
// of the trainer worker (which runs the Run). It sends the options and the
// run controls, merges the snapshots the worker posts, keeps a copy of the
// model from the latest weights (the drawing pad, a clicked mistake and
// digitlab.predict() are answered at once), holds the widgets and the
// layout, renders the CPU pictures (plot.Raster) the page uploads and
// describes the drawing as display lists (scene_paint.go). It imports no
// Ebiten; the wasm scene draws the lists.
type Scene struct {
	Cfg    Config    // the page's options (the worker has them once it acks)
	Snap   *Snapshot // the worker's latest (the client's)
	client *Client
	pageH  float64 // the one column's height on a page (PageHeight)

	// Run controls are shown as asked until the worker acknowledges them.
	runSeq  int  // the last start/pause/reset command
	wantRun bool // what it asked for

	// The page's copy of the model, from the weights of run generation
	// modelGen at step modelStep.
	model     *nn.Model
	modelCfg  Config // the configuration it was built for
	modelGen  int
	modelStep int
	gen       int // bumped whenever the model copy changes (pad, current image)

	// The image shown large: the worker's current training image, or a
	// test image picked among the mistakes (pixels from the snapshot,
	// probabilities from the model copy).
	cur      imageRef
	CurX     []float32 // its pixels as the model sees them (nil: none)
	CurP     []float32 // the model's probabilities for it
	curLabel int
	curKey   imageRef    // what CurPix holds
	CurPix   plot.Raster // the image, one pixel per image pixel
	curStep  int         // training step CurP was computed at
	curStamp int         // bumped whenever CurX/CurP change
	live     bool        // this frame refreshes the live parts (see Update)
	liveAt   time.Duration
	HoverPx  int // hovered pixel of the large image (-1: none)

	// The drawing pad.
	Pad      *pad.Canvas
	PadX     []float32 // the 28×28 the network sees, 0..1
	padIn    []float32 // the model's input made from it
	PadP     []float32 // the model's probabilities for it
	padVer   int       // pad version PadP was computed for
	padModel int       // model copy (gen) PadP was computed for

	restore []byte // weights to load into a restarted worker once it has a model
	err     error  // to show in the banner (TakeErr)

	// NewLane starts another trainer worker, for a race's lanes (nil:
	// the page cannot race).
	NewLane func() *Client
	race    raceState

	mine mineState // my digits (scene_mine.go)

	UI      Widgets
	L       Rects
	Waiting bool // the task's data is not loaded yet, or the worker stopped
	views
	pl paintLists // the drawing (scene_paint.go)
}

// imageRef names the image shown large: a training image of the worker's
// run (by its snapshot's Gen and index) or a test image among the mistakes.
type imageRef struct {
	test  bool
	index int // -1: none
	gen   int
	step  int // of the worker's image (it changes as training goes on)
}

// NewScene returns the scene talking to the worker through c (whose hooks
// the caller points at Merge, BeforeRestart and AfterRestart); it sends
// the default options.
func NewScene(c *Client) *Scene {
	s := &Scene{Cfg: Default("4v9"), client: c, Snap: c.Snap, HoverPx: -1, cur: imageRef{index: -1}, modelGen: -1}
	s.conf = confusionState{Hover: -1, Wanted: -1}
	s.initInside()
	s.initMine()
	s.Pad = pad.NewCanvas(2*pad.DefaultN, 2*pad.DefaultRadius)
	s.sendConfig()
	s.initWidgets()
	s.syncWidgets()
	return s
}

// sendConfig tells the worker the options.
func (s *Scene) sendConfig() { s.client.Send(Command{Kind: CmdConfig, Config: s.Cfg}) }

// acked reports whether the worker has applied command seq.
func (s *Scene) acked(seq int) bool { return s.client.Acked(seq) }

// failed is why the worker stopped, "" while it works.
func (s *Scene) failed() string { return s.client.Failed }

// Built, Diverged, Finished and BuildErr are the run as the latest
// snapshot has it.
func (s *Scene) Built() bool      { return s.client.Snaps > 0 && s.Snap.Built && s.failed() == "" }
func (s *Scene) Diverged() bool   { return s.Built() && s.Snap.Diverged.Msg != "" }
func (s *Scene) Finished() bool   { return s.Built() && s.Snap.Done }
func (s *Scene) BuildErr() string { return s.Snap.BuildErr }

// Model is the page's copy of the model (nil before the first weights)
// and ModelStep the step its weights are from.
func (s *Scene) Model() *nn.Model { return s.model }
func (s *Scene) ModelStep() int   { return s.modelStep }

// Live reports whether this frame refreshes the live parts: every frame
// while paused, once every LivePeriod while training.
func (s *Scene) Live() bool { return s.live }

// View is the index in Views of the view shown.
func (s *Scene) View() int { return s.UI.View.Index }

// TakeErr returns the message to show in the banner, once.
func (s *Scene) TakeErr() error {
	err := s.err
	s.err = nil
	return err
}

// Merge takes a snapshot in (called as it arrives): the model copy
// follows the weights, messages go to the banner, the run controls follow
// the worker once it has seen the last one.
func (s *Scene) Merge(sn *Snapshot) {
	if sn.HasMistakes {
		s.mistRecv++ // (the thumbnails follow the mistakes sent)
	}
	for _, m := range sn.Msgs {
		s.err = errors.Join(s.err, errors.New(m))
	}
	if !sn.Built {
		// The page keeps its copy until the new model's weights come,
		// unless it is for another network.
		if s.model != nil && (sn.Config.Task != s.modelCfg.Task || sn.Config.Model != s.modelCfg.Model) {
			s.model, s.gen = nil, s.gen+1
		}
		return
	}
	if s.modelGen != sn.Gen && sn.HasWeights {
		m, err := sn.Config.NewModel()
		if err != nil || len(m.Params) != len(sn.Weights) {
			s.err = fmt.Errorf("the trainer's weights do not fit model %s", sn.Config.Model)
			return
		}
		s.model, s.modelCfg, s.modelGen = m, sn.Config, sn.Gen
	}
	if s.model != nil && s.modelGen == sn.Gen && sn.HasWeights && len(sn.Weights) == len(s.model.Params) {
		copy(s.model.Params, sn.Weights)
		s.modelStep = sn.WeightsStep
		s.gen++
	}
	if s.restore != nil {
		s.client.Send(Command{Kind: CmdLoad, Name: "the weights before the restart", Data: s.restore})
		s.restore = nil
	}
}

// follow follows the worker: the current training image a few times a
// second.
func (s *Scene) follow() {
	sn := s.Snap
	browsing := s.cur.test && s.View() == ViewMistakes
	follow := (!s.cur.test || s.Running()) && !browsing
	if !s.Built() || sn.Image.Index < 0 {
		if !s.cur.test {
			s.cur = imageRef{index: -1}
		}
		return
	}
	if s.cur.index < 0 || follow && s.live {
		s.cur = imageRef{index: sn.Image.Index, gen: sn.Gen, step: sn.Image.Step}
	}
}

// Start, Pause, Running, Step and Reset are the run controls (buttons,
// keys space/s/r and window.digitlab); they take effect in the worker.
// In a race they go to every lane.
func (s *Scene) Start() {
	s.eachLane(Command{Kind: CmdStart})
	if s.Diverged() {
		return // reset first (the screen says so)
	}
	s.runSeq, s.wantRun = s.client.Send(Command{Kind: CmdStart}), true
}

func (s *Scene) Pause() {
	s.eachLane(Command{Kind: CmdPause})
	s.runSeq, s.wantRun = s.client.Send(Command{Kind: CmdPause}), false
}

// Running reports whether the scene's run, or any lane of a race, trains.
func (s *Scene) Running() bool {
	for i := range s.race.lanes {
		if s.laneRunning(i + 1) {
			return true
		}
	}
	return s.mainRunning()
}

// mainRunning is what the last run command asked of the scene's run until
// the worker has applied it, then what the worker says.
func (s *Scene) mainRunning() bool {
	if s.failed() != "" {
		return false
	}
	if !s.acked(s.runSeq) {
		return s.wantRun
	}
	return s.Snap.Running
}

func (s *Scene) Step(n int) {
	if !s.Running() {
		s.eachLane(Command{Kind: CmdStep, N: n})
		if !s.Diverged() {
			s.client.Send(Command{Kind: CmdStep, N: n})
		}
	}
}

// Reset starts again from the seed's initial weights.
func (s *Scene) Reset() {
	s.eachLane(Command{Kind: CmdReset})
	s.runSeq, s.wantRun = s.client.Send(Command{Kind: CmdReset}), false
	s.cur = imageRef{index: -1}
}

// allFinished reports whether every lane has run its schedule.
func (s *Scene) allFinished() bool {
	if !s.Finished() {
		return false
	}
	for _, l := range s.race.lanes {
		if l.c.Failed == "" && !(l.c.Snaps > 0 && l.c.Snap.Done) {
			return false
		}
	}
	return true
}

// BeforeRestart keeps the weights the page holds, to load into the new
// worker once it has a model; AfterRestart sends it the options.
func (s *Scene) BeforeRestart() {
	s.restore = nil
	if s.model != nil {
		if b, err := s.model.MarshalBinary(); err == nil {
			s.restore = b
		}
	}
}

func (s *Scene) AfterRestart() {
	s.runSeq, s.wantRun = 0, false
	s.sendConfig()
	if s.mine.training {
		s.sendMine()
	}
}

// LoadWeights sends a weights file to the worker, which restarts the run
// from it (paused) or answers why the file does not fit (a message in the
// banner; the run stays as it was).
func (s *Scene) LoadWeights(name string, data []byte) error {
	if !s.Built() {
		return fmt.Errorf("weights file %s: no model yet (wait for the data)", name)
	}
	s.runSeq, s.wantRun = s.client.Send(Command{Kind: CmdLoad, Name: name, Data: data}), false
	return nil
}

// WeightsFile is the download Save offers: "digitlab-<model>-step<N>.npz",
// the model copy's weights as numpy arrays named as in the seeds' code
// (np.load reads it; Load takes it back, and Digit Lab's older .weights
// files too).
func (s *Scene) WeightsFile() (name string, data []byte, err error) {
	if s.model == nil {
		return "", nil, errors.New("no model yet")
	}
	var buf bytes.Buffer
	if err := s.model.WriteNPZ(&buf); err != nil {
		return "", nil, err
	}
	return fmt.Sprintf("digitlab-%s-step%d.npz", s.Snap.Config.Model, s.modelStep), buf.Bytes(), nil
}

// HistoryCSV is the download CSV offers: "digitlab-<model>-history.csv",
// one row per point of the curves (train.WriteHistoryCSV).
func (s *Scene) HistoryCSV() (name string, data []byte, err error) {
	if s.Racing() {
		names, hists := s.laneHistories()
		var buf bytes.Buffer
		if err := train.WriteLanesCSV(&buf, names, hists); err != nil {
			return "", nil, err
		}
		return fmt.Sprintf("digitlab-race-%s-history.csv", strings.Join(names, "-")), buf.Bytes(), nil
	}
	if len(s.Snap.History) == 0 {
		return "", nil, errors.New("no curves yet: train first")
	}
	var buf bytes.Buffer
	if err := train.WriteHistoryCSV(&buf, s.Snap.History); err != nil {
		return "", nil, err
	}
	return fmt.Sprintf("digitlab-%s-history.csv", s.Snap.Config.Model), buf.Bytes(), nil
}

// Set applies URL / digitlab.set options: the training options go to the
// configuration, which the worker then uses (a change that needs a new
// network resets the run, η and T apply live); "view" picks the view of
// the content area.
func (s *Scene) Set(opts map[string]string) []error {
	rest := map[string]string{}
	var errs []error
	race, hasRace := opts["compare"]
	for k, v := range opts {
		if k == "compare" {
			continue
		}
		if k == "view" {
			i, err := ui.ParseChoice(k, v, Views)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			s.UI.View.Index = i
			continue
		}
		rest[k] = v
	}
	if len(rest) > 0 {
		errs = append(errs, s.apply(rest)...)
	}
	if hasRace {
		spec, err := ParseCompare(s.Cfg.Task, race)
		switch {
		case err != nil:
			errs = append(errs, err)
		case spec.On():
			errs = append(errs, s.startRace(spec, rest)...)
		default:
			s.endRace(true)
		}
	}
	return errs
}

// apply changes the configuration and sends it to the worker.
func (s *Scene) apply(opts map[string]string) []error {
	if s.Racing() {
		s.raceApply(opts)
	}
	nc := s.Cfg
	_, errs := nc.Apply(opts)
	for i, e := range errs {
		var oe *ui.OptionError
		if errors.As(e, &oe) && oe.Msg != "" && oe.Key != "" && !slices.Contains(Keys, oe.Key) {
			errs[i] = ui.UnknownKey("digits", oe.Key, oe.Value, slices.Concat(Keys, []string{"view", "compare"}))
		}
	}
	if nc != s.Cfg {
		s.Cfg = nc
		s.sendConfig()
	}
	s.syncWidgets()
	return errs
}

// Status is the scene's part of window.digitlab.status(): the worker's
// run (as of its latest snapshot; step(n) and reset() show once the next
// one arrives) and the page's own state. The page adds its drawing's
// figures (chromeRedraws, imageRedraws, retryRect).
func (s *Scene) Status() map[string]any {
	m := map[string]any{}
	s.Snap.Status(m)
	// The options as the page has them (set() shows at once).
	c := s.Cfg
	m["task"], m["model"], m["opt"], m["lr"], m["anneal"] = c.Task, c.Model, c.Opt, c.LR, c.AnnealT
	m["batch"], m["trainsize"], m["noise"], m["raw"], m["seed"] = c.Batch, c.TrainN, c.Noise, c.Raw, int(c.Seed)
	m["evalevery"] = c.EvalEvery
	m["historyPoints"] = len(s.Snap.History)
	ls := s.client
	m["built"] = s.Built()
	m["running"] = s.Running()
	m["synced"] = s.acked(ls.Seq)
	m["view"] = Views[s.View()]
	m["trainerError"], m["trainerRestarts"], m["trainerSnapshots"] = ls.Failed, ls.Restarts, ls.Snaps
	m["modelStep"], m["padEmpty"], m["padPred"], m["padProbs"] = s.modelStep, s.Pad.Empty(), -1, []float64{}
	if s.model == nil {
		m["modelStep"] = -1
	}
	if !s.Pad.Empty() && len(s.PadP) > 0 {
		m["padPred"] = nn.Argmax(s.PadP)
		m["padProbs"] = floats64(s.PadP)
		m["padPixels"] = floats64(s.PadX)
	}
	rect := func(r ui.Rect) []float64 { return []float64{r.X, r.Y, r.W, r.H} }
	m["padRect"], m["saveRect"], m["loadRect"], m["csvRect"] = rect(s.L.PadRect), rect(s.UI.Save.Rect), rect(s.UI.Load.Rect), rect(s.UI.CSV.Rect)
	m["imageRect"], m["seeRect"] = rect(s.L.ImgRect), rect(s.L.SeeRect)
	if len(s.L.MistCells) > 0 {
		m["mistakeRect"] = rect(s.L.MistCells[0])
	}
	if s.cur.index >= 0 {
		m["image"], m["imageIsTest"] = s.cur.index, s.cur.test
	}
	s.lineStatus(m)
	s.confusionStatus(m)
	s.raceStatus(m)
	s.insideStatus(m)
	s.mineStatus(m)
	m["allMistakesRect"] = rect(s.UI.AllMist.Rect)
	m["linePairRect"] = rect(s.line.NewPair.Rect)
	return m
}

func floats64(v []float32) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

// Predict classifies a 28×28 image (0..1, row-major) with the page's copy
// of the model, pre-processed for it as the pad's drawings are
// (window.digitlab.predict).
func (s *Scene) Predict(pixels []float32) ([]float64, error) {
	if s.model == nil {
		return nil, fmt.Errorf("predict: no model yet (the data is still loading or the options are invalid)")
	}
	if len(pixels) != 28*28 {
		return nil, fmt.Errorf("predict: got %d pixels, want 784", len(pixels))
	}
	return floats64(s.predict(nil, nil, pixels)), nil
}

// predict turns a 28×28 image in 0..1 into the model's input (8×8 for the
// 8×8 digits, raw values when training on raw pixels) in buf and returns
// the probabilities appended to dst[:0].
func (s *Scene) predict(dst, buf []float32, px28 []float32) []float32 {
	return s.model.Predict(dst, s.modelInput(buf, px28))
}

// modelInput turns a 28×28 image in 0..1 into the model copy's input in
// buf (predict's pre-processing) and returns it.
func (s *Scene) modelInput(buf []float32, px28 []float32) []float32 {
	return ModelInput(buf, px28, s.model.In, s.modelCfg.Raw)
}
