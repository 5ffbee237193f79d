//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"digitlab/datasets"
	"digitlab/digitsview"
	"digitlab/nn"
	"digitlab/pad"
	"digitlab/ui"
)

// digitsScene is the trainer (DESIGN scene 1). The run itself — data,
// model, session, evaluations — lives in the trainer worker
// (cmd/trainer, a digitsview.Run); this scene is its client: it sends the
// options and the run controls, and draws the snapshots the worker posts.
// It keeps a copy of the model from the latest weights, so the drawing
// pad, a clicked mistake and digitlab.predict() are answered at once.
// This file holds that client state, digits_controls.go the controls,
// digits_panels.go and digits_chart.go the drawing, digits_pad.go the
// drawing pad and digits_io.go saving and loading weights.
type digitsScene struct {
	cfg  digitsview.Config // the page's options (the worker has them once it acks)
	tr   *trainerClient
	snap *digitsview.Snapshot // the worker's latest (tr.snap)

	// Run controls are shown as asked until the worker acknowledges them.
	runSeq  int  // the last start/pause/reset command
	wantRun bool // what it asked for

	// The page's copy of the model, from the weights of run generation
	// modelGen at step modelStep.
	model     *nn.Model
	modelCfg  digitsview.Config // the configuration it was built for
	modelGen  int
	modelStep int
	gen       int // bumped whenever the model copy changes (pad, current image)

	// The image shown large: the worker's current training image, or a
	// test image picked among the mistakes (pixels from the snapshot,
	// probabilities from the model copy).
	cur      imageRef
	curX     []float32 // its pixels as the model sees them
	curP     []float32 // the model's probabilities for it
	curLabel int
	curKey   imageRef // what curPix holds
	curPix   Texture
	curStep  int       // training step curP was computed at
	curStamp int       // bumped whenever curX/curP change
	live     bool      // this frame refreshes the live parts (see Update)
	liveAt   time.Time // the last frame that did
	hoverPx  int       // hovered pixel of the large image (-1: none)

	// The drawing pad.
	pad      *pad.Canvas
	padX     []float32 // the 28×28 the network sees, 0..1
	padIn    []float32 // the model's input made from it
	padP     []float32
	padVer   int // pad version padP was computed for
	padModel int // model copy (gen) padP was computed for

	restore   []byte // weights to load into a restarted worker once it has a model
	reportErr error  // to show in the banner on the next Update

	ui digitsUI
}

// imageRef names the image shown large: a training image of the worker's
// run (by its snapshot's Gen and index) or a test image among the mistakes.
type imageRef struct {
	test  bool
	index int // -1: none
	gen   int
	step  int // of the worker's image (it changes as training goes on)
}

func newDigitsScene(tr *trainerClient) *digitsScene {
	d := &digitsScene{cfg: digitsview.Default("4v9"), tr: tr, snap: &tr.snap, hoverPx: -1, cur: imageRef{index: -1}, modelGen: -1}
	d.pad = pad.NewCanvas(2*pad.DefaultN, 2*pad.DefaultRadius)
	tr.onSnap, tr.beforeRestart, tr.afterRestart = d.merge, d.beforeRestart, d.afterRestart
	d.sendConfig()
	d.initUI()
	d.syncWidgets()
	return d
}

func (d *digitsScene) Name() string  { return "digits" }
func (d *digitsScene) Title() string { return "Digits" }

// sendConfig tells the worker the options.
func (d *digitsScene) sendConfig() {
	d.tr.send(digitsview.Command{Kind: digitsview.CmdConfig, Config: d.cfg})
}

// The run as the latest snapshot has it.
func (d *digitsScene) built() bool      { return d.tr.snaps > 0 && d.snap.Built && d.tr.failed == "" }
func (d *digitsScene) steps() int       { return d.snap.Step }
func (d *digitsScene) diverged() bool   { return d.built() && d.snap.Diverged.Msg != "" }
func (d *digitsScene) finished() bool   { return d.built() && d.snap.Done }
func (d *digitsScene) buildErr() string { return d.snap.BuildErr }

// merge takes a snapshot in (called as it arrives): the model copy
// follows the weights, messages go to the banner, the run controls follow
// the worker once it has seen the last one.
func (d *digitsScene) merge(s *digitsview.Snapshot) {
	for _, m := range s.Msgs {
		d.reportErr = errors.Join(d.reportErr, errors.New(m))
	}
	if !s.Built {
		// The page keeps its copy until the new model's weights come,
		// unless it is for another network.
		if d.model != nil && (s.Config.Task != d.modelCfg.Task || s.Config.Model != d.modelCfg.Model) {
			d.model, d.gen = nil, d.gen+1
		}
		return
	}
	if d.modelGen != s.Gen && s.HasWeights {
		m, err := s.Config.NewModel()
		if err != nil || len(m.Params) != len(s.Weights) {
			d.reportErr = fmt.Errorf("the trainer's weights do not fit model %s", s.Config.Model)
			return
		}
		d.model, d.modelCfg, d.modelGen = m, s.Config, s.Gen
	}
	if d.model != nil && d.modelGen == s.Gen && s.HasWeights && len(s.Weights) == len(d.model.Params) {
		copy(d.model.Params, s.Weights)
		d.modelStep = s.WeightsStep
		d.gen++
	}
	if d.restore != nil {
		d.tr.send(digitsview.Command{Kind: digitsview.CmdLoad, Name: "the weights before the restart", Data: d.restore})
		d.restore = nil
	}
}

// tick follows the worker: the current training image a few times a
// second, and a worker that stopped.
func (d *digitsScene) tick() {
	s := d.snap
	browsing := d.cur.test && digitViews[d.ui.view.Index] == "mistakes"
	follow := (!d.cur.test || d.Running()) && !browsing
	if !d.built() || s.Image.Index < 0 {
		if !d.cur.test {
			d.cur = imageRef{index: -1}
		}
		return
	}
	if d.cur.index < 0 || follow && d.live {
		d.cur = imageRef{index: s.Image.Index, gen: s.Gen, step: s.Image.Step}
	}
}

// Start, Pause, Running, Step and Reset are the run controls (buttons,
// keys space/s/r and window.digitlab); they take effect in the worker.
func (d *digitsScene) Start() {
	if d.diverged() || d.finished() {
		return // reset first (the screen says so)
	}
	d.runSeq, d.wantRun = d.tr.send(digitsview.Command{Kind: digitsview.CmdStart}), true
}

func (d *digitsScene) Pause() {
	d.runSeq, d.wantRun = d.tr.send(digitsview.Command{Kind: digitsview.CmdPause}), false
}

// Running is what the last run command asked for until the worker has
// applied it, then what the worker says.
func (d *digitsScene) Running() bool {
	if d.tr.failed != "" {
		return false
	}
	if !d.tr.acked(d.runSeq) {
		return d.wantRun
	}
	return d.snap.Running
}

func (d *digitsScene) Step(n int) {
	if !d.Running() && !d.diverged() {
		d.tr.send(digitsview.Command{Kind: digitsview.CmdStep, N: n})
	}
}

// Reset starts again from the seed's initial weights.
func (d *digitsScene) Reset() {
	d.runSeq, d.wantRun = d.tr.send(digitsview.Command{Kind: digitsview.CmdReset}), false
	d.cur = imageRef{index: -1}
}

// A restarted worker gets the options, and the weights the page holds
// (loaded once the new worker has a model).
func (d *digitsScene) beforeRestart() {
	d.restore = nil
	if d.model != nil {
		if b, err := d.model.MarshalBinary(); err == nil {
			d.restore = b
		}
	}
}

func (d *digitsScene) afterRestart() {
	d.runSeq, d.wantRun = 0, false
	d.sendConfig()
}

// Set applies URL / digitlab.set options: the training options go to the
// configuration, which the worker then uses (a change that needs a new
// network resets the run, η and T apply live); "view" picks the view of
// the content area.
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

// apply changes the configuration and sends it to the worker.
func (d *digitsScene) apply(opts map[string]string) []error {
	nc := d.cfg
	_, errs := nc.Apply(opts)
	for i, e := range errs {
		var oe *ui.OptionError
		if errors.As(e, &oe) && oe.Msg != "" && oe.Key != "" && !slices.Contains(digitsview.Keys, oe.Key) {
			errs[i] = ui.UnknownKey("digits", oe.Key, oe.Value, slices.Concat(digitsview.Keys, []string{"view"}))
		}
	}
	if nc != d.cfg {
		d.cfg = nc
		d.sendConfig()
	}
	d.syncWidgets()
	return errs
}

// Status is the scene's part of window.digitlab.status(): the worker's
// run (as of its latest snapshot; step(n) and reset() show once the next
// one arrives) and the page's own state.
func (d *digitsScene) Status() map[string]any {
	m := map[string]any{}
	d.snap.Status(m)
	// The options as the page has them (set() shows at once).
	for k, v := range map[string]any{
		"task": d.cfg.Task, "model": d.cfg.Model, "opt": d.cfg.Opt, "lr": d.cfg.LR, "anneal": d.cfg.AnnealT,
		"batch": d.cfg.Batch, "trainsize": d.cfg.TrainN, "noise": d.cfg.Noise, "raw": d.cfg.Raw, "seed": int(d.cfg.Seed),
		"evalevery": d.cfg.EvalEvery,
	} {
		m[k] = v
	}
	m["built"] = d.built()
	m["running"] = d.Running()
	m["synced"] = d.tr.acked(d.tr.seq)
	m["view"] = digitViews[d.ui.view.Index]
	m["trainerError"], m["trainerRestarts"], m["trainerSnapshots"] = d.tr.failed, d.tr.restarts, d.tr.snaps
	m["modelStep"], m["padEmpty"], m["padPred"], m["padProbs"] = d.modelStep, d.pad.Empty(), -1, []float64{}
	if d.model == nil {
		m["modelStep"] = -1
	}
	if !d.pad.Empty() && len(d.padP) > 0 {
		m["padPred"] = nn.Argmax(d.padP)
		m["padProbs"] = floats64(d.padP)
		m["padPixels"] = floats64(d.padX)
	}
	m["chromeRedraws"], m["imageRedraws"] = d.ui.chrome.redraws, d.ui.imgLayer.redraws
	rect := func(r ui.Rect) []float64 { return []float64{r.X, r.Y, r.W, r.H} }
	m["padRect"], m["saveRect"], m["loadRect"] = rect(d.ui.padRect), rect(d.ui.save.Rect), rect(d.ui.load.Rect)
	m["imageRect"], m["seeRect"], m["retryRect"] = rect(d.ui.imgRect), rect(d.ui.see.Rect), rect(d.ui.dataView.retry.Rect)
	if len(d.ui.mistCells) > 0 {
		m["mistakeRect"] = rect(d.ui.mistCells[0])
	}
	if d.cur.index >= 0 {
		m["image"], m["imageIsTest"] = d.cur.index, d.cur.test
	}
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
func (d *digitsScene) Predict(pixels []float32) ([]float64, error) {
	if d.model == nil {
		return nil, fmt.Errorf("predict: no model yet (the data is still loading or the options are invalid)")
	}
	if len(pixels) != 28*28 {
		return nil, fmt.Errorf("predict: got %d pixels, want 784", len(pixels))
	}
	return floats64(d.predict(nil, nil, pixels)), nil
}

// predict turns a 28×28 image in 0..1 into the model's input (8×8 for the
// 8×8 digits, raw values when training on raw pixels) in buf and returns
// the probabilities appended to dst[:0].
func (d *digitsScene) predict(dst, buf []float32, px28 []float32) []float32 {
	in := d.model.In
	raw := d.modelCfg.Raw
	var x []float32
	scale := float32(1)
	if in.H == 8 {
		x = pad.Digits8(buf, px28, 28)
		if raw {
			scale = datasets.DigitsMax
		}
	} else {
		if cap(buf) < len(px28) {
			buf = make([]float32, len(px28))
		}
		x = buf[:len(px28)]
		copy(x, px28)
		if raw {
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
