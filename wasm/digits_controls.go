//go:build js && wasm

package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/digitsview"
	"digitlab/nn"
	"digitlab/ui"
)

// digitViews are the views of the content area (URL key "view").
var digitViews = []string{"train", "weights", "mistakes", "draw"}

// modelLabels are short names for the model choice's segments.
var modelLabels = map[string]string{
	"linear": "linear", "vanilla": "MLP", "cnn": "CNN",
	"mlp10": "MLP", "cnn10": "CNN", "cnn10-tanh": "tanh", "best": "best", "convnetjs": "cjs",
	"digits64": "64-32-10",
}

// Training-set sizes the slider offers; 0 = all.
var trainSizes = []float64{100, 300, 1000, 3000, 10000, 30000, 0}

// annealTip explains the anneal T slider.
const annealTip = "η(t) = η·T/(T+t): the step shrinks as training goes on; off keeps η constant"

// Anneal T values the slider offers; 0 = constant η.
var annealValues = []float64{0, 100, 300, 1000, 4000, 10000, 100000}

// digitsUI holds the Digits scene's widgets and layout rectangles.
type digitsUI struct {
	task, model, opt  ui.Choice
	lr, anneal, batch ui.Slider
	trainN, noise     ui.Slider
	raw               ui.Toggle
	seed              ui.Button
	start, step, rst  ui.Button
	save, load        ui.Button
	view              ui.Choice

	controls, content ui.Rect
	info              ui.Rect // the status line above the views
	models            []string

	// Views' rectangles (set by layout, used by Draw).
	imgPanel, imgRect, barsRect, matPanel ui.Rect
	lossRect, accRect                     ui.Rect
	wPanel                                ui.Rect
	mistPanel, mistBig, mistBigBars       ui.Rect
	mistCells                             []ui.Rect
	padPanel, padRect, seePanel, seeRect  ui.Rect
	padBars                               ui.Rect
	clear                                 ui.Button
	see                                   ui.Toggle
	weightsAt                             int // model copy (digitsScene.gen) the weight pictures show
	wPix                                  Texture
	mistPix                               Texture
	mistKey                               [3]int // judge passes, gen, cell count the picture shows
	padPix, seePix                        Texture
	padVer                                int
	sel                                   int // test index of the selected mistake, -1 none
	selWrong                              digitsview.Mistake
	selStep                               int // the step its probabilities are from

	loss, acc                    chartView
	testStep, testLoss, testAcc  []float64
	wLegend, wArea               ui.Rect
	weights                      digitsview.Weights
	weightsOK                    bool
	weightsTime                  time.Time
	mistGrid, mistImgRect        ui.Rect
	padProbsRect, padInfo        ui.Rect
	waiting                      bool // the task's data is not loaded yet
	dataView                     DataStatusView
	chrome, imgLayer, chartLayer layerCache
	chartData                    string // what the charts were laid out for
	chartStamp                   int
	chartRect                    ui.Rect
	viewArea                     ui.Rect // the views' area, below the status line

	// What the last frame drew of the live parts not drawn from a layer
	// (see drawLive).
	infoDrawn, viewDrawn string
}

func (d *digitsScene) initUI() {
	u := &d.ui
	u.task = ui.Choice{Label: "data set", Options: digitsview.TaskTitles,
		Tips: []string{"MNIST, only the fours and nines: seed 000's binary task", "MNIST, all ten digits (seeds 001, 002)", "scikit-learn's 1797 8x8 digits (seed 003)"}}
	u.model = ui.Choice{Label: "model"}
	u.opt = ui.Choice{Label: "optimiser", Options: []string{"SGD", "momentum", "Adam"},
		Tips: []string{"w −= η g", "m = 0.9 m + g; w −= η m (seed 000's form)", "Adam: adaptive steps per weight"}}
	u.lr = ui.Slider{Label: "learning rate η", Min: digitsview.LRMin, Max: digitsview.LRMax, Log: true, Format: "%.3g",
		Tip: "Step size. Too small: slow. Too large (try 100): the loss explodes and training stops."}
	u.anneal = ui.Slider{Label: "anneal T", Values: annealValues, Format: "%.0f",
		Tip: annealTip}
	u.batch = ui.Slider{Label: "batch", Values: []float64{1, 2, 4, 8, 16, 32, 64, 128, 256, 0},
		Tip: "Samples averaged per step: 1 = per-sample SGD as in the seeds, full = gradient descent on the whole set"}
	u.trainN = ui.Slider{Label: "train images", Values: trainSizes,
		Tip: "Train on only the first N images (seed 000's stress test uses 1000)"}
	u.noise = ui.Slider{Label: "noise σ", Min: 0, Max: digitsview.NoiseMax, Step: 0.1, Format: "%.1f",
		Tip: "Gaussian noise added to the training images, clipped to 0..1 (the stress test uses 1)"}
	u.raw = ui.Toggle{Label: "raw pixels 0..255",
		Tip: "Feed raw pixel values instead of 0..1, as seed 001 does: sigmoids saturate and learning crawls"}
	u.seed = ui.Button{Tip: "Another random seed: new initial weights, shuffle and noise"}
	u.start = ui.Button{Label: "Start", Tip: "Start or pause training (space)"}
	u.step = ui.Button{Label: "Step", Tip: "One optimiser step (s)"}
	u.rst = ui.Button{Label: "Reset", Tip: "Back to the seed's initial weights (r)"}
	u.save = ui.Button{Label: "Save weights", Tip: "Download the trained weights as a file"}
	u.load = ui.Button{Label: "Load…", Tip: "Open a weights file saved from this model"}
	u.view = ui.Choice{Options: []string{"Training", "Weights", "Mistakes", "Draw"},
		Tips: []string{"The current image, its probabilities, the curves", "The first layer's weights as pictures",
			"Misclassified test images", "Draw a digit and see what the network says"}}
	u.clear = ui.Button{Label: "Clear", Tip: "Wipe the drawing pad"}
	u.see = ui.Toggle{Label: "show what the network sees (28x28)",
		Tip: "The drawing after MNIST's pre-processing: scaled into 20x20, centred by its centre of mass"}
	u.sel = -1
}

// syncWidgets shows d.cfg in the widgets.
func (d *digitsScene) syncWidgets() {
	u, c := &d.ui, d.cfg
	for i, t := range digitsview.Tasks {
		if t == c.Task {
			u.task.Index = i
		}
	}
	u.models = digitsview.ModelsFor(c.Task)
	u.model.Options = u.model.Options[:0]
	u.model.Tips = u.model.Tips[:0]
	for i, m := range u.models {
		u.model.Options = append(u.model.Options, modelLabels[m])
		p, _ := nn.PresetByName(m)
		u.model.Tips = append(u.model.Tips, m+": "+p.About)
		if m == c.Model {
			u.model.Index = i
		}
	}
	for i, o := range digitsview.Opts {
		if o == c.Opt {
			u.opt.Index = i
		}
	}
	u.lr.Value, u.anneal.Value = c.LR, c.AnnealT
	u.anneal.Tip = annealTip
	if p := c.Preset(); p.Decay != "" {
		u.anneal.Tip += fmt.Sprintf("; this preset also lowers η %s to 0 by the end of its run", map[string]string{"linear": "linearly", "cosine": "along a cosine"}[p.Decay])
	}
	u.batch.Value, u.trainN.Value = float64(c.Batch), float64(c.TrainN)
	u.noise.Value, u.raw.On = c.Noise, c.Raw
	u.raw.Label = "raw pixels 0..255"
	if c.Task == "digits8" {
		u.raw.Label = "raw pixels 0..16"
	}
	u.seed.Label = fmt.Sprintf("seed %d", c.Seed)
}

// updateControls places the sidebar widgets and handles their input.
func (d *digitsScene) updateControls(in *ui.Input) {
	u := &d.ui
	col := ui.NewColumn(ui.PanelContent(u.controls, "Training"), ui.Gap)
	u.task.Rect = col.Next(u.task.Height())
	u.model.Rect = col.Next(u.model.Height())
	u.opt.Rect = col.Next(u.opt.Height())
	u.lr.Rect = col.Next(u.lr.Height())
	pair := col.Next(u.anneal.Height()).SplitH(2, 2*ui.Gap)
	u.anneal.Rect, u.batch.Rect = pair[0], pair[1]
	pair = col.Next(u.trainN.Height()).SplitH(2, 2*ui.Gap)
	u.trainN.Rect, u.noise.Rect = pair[0], pair[1]
	row := col.Next(ui.RowH)
	u.raw.Rect, u.seed.Rect = ui.Rect{X: row.X, Y: row.Y, W: row.W - 96 - ui.Gap, H: row.H}, ui.Rect{X: row.Right() - 96, Y: row.Y, W: 96, H: row.H}
	col.Next(2)
	b := col.Next(ui.RowH).SplitH(3, ui.Gap)
	u.start.Rect, u.step.Rect, u.rst.Rect = b[0], b[1], b[2]
	b = col.Next(ui.RowH).SplitH(2, ui.Gap)
	u.save.Rect, u.load.Rect = b[0], b[1]

	opts := map[string]string{}
	if u.task.Update(in) {
		opts["task"] = digitsview.Tasks[u.task.Index]
	}
	if u.model.Update(in) && u.model.Index < len(u.models) {
		opts["model"] = u.models[u.model.Index]
	}
	if u.opt.Update(in) {
		opts["opt"] = digitsview.Opts[u.opt.Index]
	}
	if u.lr.Update(in) {
		opts["lr"] = strconv.FormatFloat(u.lr.Value, 'g', -1, 64)
	}
	if u.anneal.Update(in) {
		opts["anneal"] = strconv.FormatFloat(u.anneal.Value, 'g', -1, 64)
	}
	u.batch.Update(in)
	if !u.batch.Dragging() && u.batch.Value != float64(d.cfg.Batch) {
		opts["batch"] = strconv.Itoa(int(u.batch.Value))
	}
	u.trainN.Update(in)
	if !u.trainN.Dragging() && u.trainN.Value != float64(d.cfg.TrainN) {
		opts["trainsize"] = strconv.Itoa(int(u.trainN.Value))
	}
	u.noise.Update(in)
	if !u.noise.Dragging() && u.noise.Value != d.cfg.Noise {
		opts["noise"] = strconv.FormatFloat(u.noise.Value, 'g', -1, 64)
	}
	if u.raw.Update(in) {
		opts["raw"] = strconv.FormatBool(u.raw.On)
	}
	if u.seed.Update(in) {
		opts["seed"] = strconv.FormatUint(d.cfg.Seed+1, 10)
	}
	if len(opts) > 0 {
		for _, err := range d.apply(opts) {
			_ = err // widgets only produce valid values
		}
	}

	running := d.Running()
	u.start.Label = "Start"
	if running {
		u.start.Label = "Pause"
	}
	u.start.Disabled = d.diverged() || (d.finished() && !running) || d.tr.failed != ""
	if u.start.Update(in) {
		if running {
			d.Pause()
		} else {
			d.Start()
		}
	}
	u.step.Disabled = running || d.diverged() || d.finished() || !d.built()
	if u.step.Update(in) {
		d.Step(1)
	}
	u.rst.Disabled = d.tr.failed != ""
	if u.rst.Update(in) {
		d.Reset()
	}
	u.save.Disabled = d.model == nil
	if u.save.Update(in) {
		d.saveWeights()
	}
	u.load.Disabled = !d.built()
	if u.load.Update(in) {
		d.openWeights()
	}
}

// drawControls draws the sidebar.
func (d *digitsScene) drawControls(screen *ebiten.Image) {
	u := &d.ui
	drawPanel(screen, u.controls, "Training")
	drawChoice(screen, &u.task)
	drawChoice(screen, &u.model)
	drawChoice(screen, &u.opt)
	drawSlider(screen, &u.lr)
	drawSliderText(screen, &u.anneal, annealText(u.anneal.Value))
	drawSliderText(screen, &u.batch, digitsview.BatchText(int(u.batch.Value)))
	drawSliderText(screen, &u.trainN, trainNText(int(u.trainN.Value)))
	drawSlider(screen, &u.noise)
	drawToggle(screen, &u.raw)
	drawButton(screen, &u.seed)
	drawPrimaryButton(screen, &u.start)
	drawButton(screen, &u.step)
	drawButton(screen, &u.rst)
	drawButton(screen, &u.save)
	drawButton(screen, &u.load)
	// Under the buttons: what the preset is and where it comes from.
	r := u.load.Rect
	y := r.Bottom() + ui.Gap
	bottom := u.controls.Bottom() - ui.Pad
	p := d.cfg.Preset()
	src := "our own preset"
	if p.Seed != "" {
		src = "seed " + p.Seed
	}
	text := fmt.Sprintf("%s (%s): %s", d.cfg.Model, src, p.About)
	if d.cfg.Raw {
		text += ". Raw pixels: a first-layer sum over 784 inputs of up to 255 is in the hundreds, so sigmoid units saturate and their gradients vanish; switch raw off to compare."
	}
	w := u.controls.W - 2*ui.Pad
	lines := ui.Wrap(text, w, sizeSmall)
	if fit := int((bottom - y) / ui.LineHeight(sizeSmall)); fit < len(lines) && fit > 0 {
		// Cut short: end the last line that fits with "…" (the model
		// selector's tooltip has the whole text).
		l := lines[fit-1]
		for l != "" && textWidth(l+" …", sizeSmall, FontRegular) > w {
			_, size := utf8.DecodeLastRuneInString(l)
			l = l[:len(l)-size]
		}
		lines = append(lines[:fit-1], strings.TrimRight(l, " ")+" …")
	}
	for _, l := range lines {
		if y+ui.LineHeight(sizeSmall) > bottom {
			break
		}
		drawText(screen, l, u.controls.X+ui.Pad, y, sizeSmall, FontRegular, colMuted, AlignStart)
		y += ui.LineHeight(sizeSmall)
	}
}

func annealText(v float64) string {
	if v == 0 {
		return "off"
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

func trainNText(n int) string {
	if n == 0 {
		return "all"
	}
	return strconv.Itoa(n)
}

// drawSliderText is drawSlider with the value shown as text (for sliders
// whose values have names: "full", "all", "off").
func drawSliderText(dst *ebiten.Image, s *ui.Slider, text string) {
	lbl, _ := s.Rect.CutTop(ui.LabelH, 0)
	drawSliderTrack(dst, s)
	drawText(dst, s.Label, lbl.X, lbl.Y+1, sizeSmall+1, FontRegular, colMuted, AlignStart)
	drawText(dst, text, lbl.Right(), lbl.Y+1, sizeSmall+1, FontBold, colText, AlignEnd)
}

// drawSliderTrack draws a slider's track and knob (drawSlider without the
// label line).
func drawSliderTrack(dst *ebiten.Image, s *ui.Slider) {
	t := s.Track()
	cy := t.Y + t.H/2
	if s.Hovered() && !s.Disabled {
		fillRoundRect(dst, ui.Rect{X: s.Rect.X, Y: t.Y, W: s.Rect.W, H: t.H}, corner, colHover)
	}
	fillRoundRect(dst, ui.Rect{X: t.X, Y: cy - 2, W: t.W, H: 4}, 2, colTrack)
	kx := s.KnobX()
	fillRoundRect(dst, ui.Rect{X: t.X, Y: cy - 2, W: kx - t.X, H: 4}, 2, colAccent)
	r := 7.0
	if s.Dragging() {
		r = 8.5
	}
	fillCircle(dst, kx, cy, r, colAccent)
	fillCircle(dst, kx, cy, r-2.5, colPanel)
}
