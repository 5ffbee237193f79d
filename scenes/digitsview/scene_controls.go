package digitsview

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"digitlab/kit/ui"
	"digitlab/nn"
	"digitlab/train"
)

// trainSizes are the training-set sizes the slider offers; 0 = all.
var trainSizes = []float64{100, 300, 1000, 3000, 10000, 30000, 0}

// annealValues are the anneal T values the slider offers; 0 = constant η.
var annealValues = []float64{0, 100, 300, 1000, 4000, 10000, 100000}

// annealTip explains the anneal T slider.
const annealTip = "η(t) = η·T/(T+t): the step shrinks as training goes on; off keeps η constant"

// Widgets are the Digits scene's widgets: the sidebar's, the view choice
// and the drawing pad's.
type Widgets struct {
	Task, Model, Opt, View           ui.Choice
	LR, Anneal, Batch, TrainN, Noise ui.Slider
	Raw, See                         ui.Toggle
	Seed, Start, Step, Reset         ui.Button
	Save, Load, CSV, Clear           ui.Button
	RaceModels, RaceOpts             ui.Button // start a race (DefaultRace, the optimisers) or end it
	AllMist                          ui.Button // Mistakes view, when it shows a confusion cell
	MistPrev, MistNext               ui.Button // … its pages

	models  []string       // the presets behind Model's segments
	raceKey raceButtonsKey // what the race buttons' labels were made for

	// Note is the text under the buttons (what the preset is and where it
	// comes from), wrapped to the sidebar and cut to what fits; the first
	// line's top is at NoteY, no line may pass NoteBottom.
	Note              []string
	NoteY, NoteBottom float64
	noteCfg           Config
	noteW, noteSpace  float64
	noteAsk           string    // the question the note holds ("": the preset's facts)
	ask               switchAsk // a switch of task or model waiting for its second click
}

// Action is what the sidebar's buttons ask of the page this frame (the
// page opens the browser's dialogs).
type Action uint8

const (
	ActSave   Action = 1 << iota // download the weights (WeightsFile)
	ActOpen                      // let the user choose a weights file (LoadWeights)
	ActCSV                       // download the curves (HistoryCSV)
	ActExport                    // download my digits (MineFile)
	ActImport                    // let the user choose a my-digits file (ImportMine)
)

const startTip = "Start or pause training (space)"

func (s *Scene) initWidgets() {
	u := &s.UI
	u.Task = ui.Choice{Label: "data set", Options: TaskTitles,
		Tips: []string{"MNIST, only the fours and nines: seed 000's binary task", "MNIST, all ten digits (seeds 001, 002)", "scikit-learn's 1797 8x8 digits (seed 003)"}}
	u.Model = ui.Choice{Label: "model"}
	u.Opt = ui.Choice{Label: "optimiser", Options: []string{"SGD", "momentum", "Adam"},
		Tips: []string{"w −= η g", "m = 0.9 m + g; w −= η m (seed 000's form)", "Adam: adaptive steps per weight"}}
	u.LR = ui.Slider{Label: "learning rate η", Min: LRMin, Max: LRMax, Log: true, Format: "%.3g",
		Tip: "Step size. Too small: slow. Too large (try 100): the loss explodes and training stops."}
	u.Anneal = ui.Slider{Label: "anneal T", Values: annealValues, Format: "%.0f", Tip: annealTip}
	u.Batch = ui.Slider{Label: "batch", Values: []float64{1, 2, 4, 8, 16, 32, 64, 128, 256, 0},
		Tip: "Samples averaged per step: 1 = per-sample SGD as in the seeds, full = gradient descent on the whole set"}
	u.TrainN = ui.Slider{Label: "train images", Values: trainSizes,
		Tip: "Train on only the first N images (seed 000's stress test uses 1000)"}
	u.Noise = ui.Slider{Label: "noise σ", Min: 0, Max: NoiseMax, Step: 0.1, Format: "%.1f",
		Tip: "Gaussian noise added to the training images, clipped to 0..1 (the stress test uses 1)"}
	u.Raw = ui.Toggle{Label: "raw pixels 0..255",
		Tip: "Feed raw pixel values instead of 0..1, as seed 001 does: sigmoids saturate and learning crawls"}
	u.Seed = ui.Button{Tip: "Another random seed: new initial weights, shuffle and noise"}
	u.Start = ui.Button{Label: "Start", Tip: startTip}
	u.Step = ui.Button{Label: "Step", Tip: "One optimiser step (s)"}
	u.Reset = ui.Button{Label: "Reset", Tip: "Back to the seed's initial weights (r)"}
	u.Save = ui.Button{Label: "Save", Tip: "Download the weights as numpy's .npz (np.load reads it; see the README)"}
	u.Load = ui.Button{Label: "Load…", Tip: "Open a weights file (.npz or .weights) saved from this model"}
	u.CSV = ui.Button{Label: "CSV", Tip: "Download the curves as a table: step, train loss and accuracy, test loss and accuracy"}
	u.View = ui.Choice{Options: []string{"Training", "Weights", "Mistakes", "Draw", "Line", "Confusion", "Inside"},
		Tips: []string{"The current image, its probabilities, the curves", "The first layer's weights as pictures",
			"Misclassified test images", "Draw a digit and see what the network says",
			"The network along the straight line between two test images, and its linear pieces",
			"Which digits the model takes for which: the confusion matrix of the test set",
			"Every layer's output for one image; click a unit for its weights and why it fired"}}
	u.RaceModels = ui.Button{Label: "race models"}
	u.RaceOpts = ui.Button{Label: "race optimisers"}
	u.AllMist = ui.Button{Label: "all mistakes", Tip: "Back to the most confident mistakes of all classes"}
	u.MistPrev = ui.Button{Label: "‹", Tip: "The more confident mistakes before these"}
	u.MistNext = ui.Button{Label: "›", Tip: "The less confident mistakes after these"}
	u.Clear = ui.Button{Label: "Clear", Tip: "Wipe the drawing pad"}
	u.See = ui.Toggle{Label: seeLabel,
		Tip: "The drawing after MNIST's pre-processing: scaled into 20x20, centred by its centre of mass"}
	s.Sel = -1
}

// syncWidgets shows s.Cfg in the widgets.
func (s *Scene) syncWidgets() {
	u, c := &s.UI, s.Cfg
	for i, t := range Tasks {
		if t == c.Task {
			u.Task.Index = i
		}
	}
	u.models = ModelsFor(c.Task)
	u.Model.Small = len(u.models) > 3 // (the ten-digit presets' names fit in the small font)
	u.Model.Options = u.Model.Options[:0]
	u.Model.Tips = u.Model.Tips[:0]
	for i, m := range u.models {
		u.Model.Options = append(u.Model.Options, m) // the one name of a model: buttons, URL, CLI, README
		u.Model.Tips = append(u.Model.Tips, m+": "+facts(m).About)
		if m == c.Model {
			u.Model.Index = i
		}
	}
	for i, o := range Opts {
		if o == c.Opt {
			u.Opt.Index = i
		}
	}
	u.LR.Value, u.Anneal.Value = c.LR, c.AnnealT
	u.Anneal.Tip = annealTip
	if d := facts(c.Model).Decay; d != "" {
		u.Anneal.Tip += fmt.Sprintf("; this preset also lowers η %s to 0 by the end of its run", map[string]string{"linear": "linearly", "cosine": "along a cosine"}[d])
	}
	u.Batch.Value, u.TrainN.Value = float64(c.Batch), float64(c.TrainN)
	u.Noise.Value, u.Raw.On = c.Noise, c.Raw
	u.Raw.Label = "raw pixels 0..255"
	if c.Task == "digits8" {
		u.Raw.Label = "raw pixels 0..16"
	}
	u.Seed.Label = fmt.Sprintf("seed %d", c.Seed)
}

// presetFacts are what the scene shows of a preset and its recipe (their
// one home here, so that a change of nn.Preset or train.Recipe touches
// one function).
type presetFacts struct {
	Seed, About, Decay string
	Epochs, Steps      int
	SkipBelow, LR      float64
	ok                 bool
}

func facts(model string) presetFacts {
	p, err := nn.PresetByName(model)
	r, rerr := train.RecipeFor(model)
	return presetFacts{Seed: p.Seed, About: p.About, Decay: r.Decay, Epochs: r.Epochs, Steps: r.Steps,
		SkipBelow: r.SkipBelow, LR: r.LR, ok: err == nil && rerr == nil}
}

// controlRowsH is the height of the sidebar's rows without their gaps.
func (s *Scene) controlRowsH() float64 {
	u := &s.UI
	return u.Task.Height() + u.Model.Height() + u.Opt.Height() + u.LR.Height() + u.Anneal.Height() + u.TrainN.Height() + 4*ui.RowH + 2
}

// updateControls places the sidebar widgets and handles their input.
func (s *Scene) updateControls(in *ui.Input) Action {
	u := &s.UI
	// The rows' gaps shrink (to 3) where the column would not fit with a
	// line of the note under it (a short window, a message above).
	content := ui.PanelContent(s.L.Controls, "Training")
	const gaps = 11
	gap := math.Max(3, math.Min(ui.Gap, (content.H-s.controlRowsH()-ui.LineHeight(ui.SmallSize))/gaps))
	col := ui.NewColumn(content, gap)
	u.Task.Rect = col.Next(u.Task.Height())
	u.Model.Rect = col.Next(u.Model.Height())
	u.Opt.Rect = col.Next(u.Opt.Height())
	u.LR.Rect = col.Next(u.LR.Height())
	var two [2]ui.Rect
	var three [3]ui.Rect
	splitH(col.Next(u.Anneal.Height()), 2*ui.Gap, two[:])
	u.Anneal.Rect, u.Batch.Rect = two[0], two[1]
	splitH(col.Next(u.TrainN.Height()), 2*ui.Gap, two[:])
	u.TrainN.Rect, u.Noise.Rect = two[0], two[1]
	row := col.Next(ui.RowH)
	u.Raw.Rect, u.Seed.Rect = ui.Rect{X: row.X, Y: row.Y, W: row.W - 96 - ui.Gap, H: row.H}, ui.Rect{X: row.Right() - 96, Y: row.Y, W: 96, H: row.H}
	col.Next(2)
	splitH(col.Next(ui.RowH), ui.Gap, three[:])
	u.Start.Rect, u.Step.Rect, u.Reset.Rect = three[0], three[1], three[2]
	splitH(col.Next(ui.RowH), ui.Gap, three[:])
	u.Save.Rect, u.Load.Rect, u.CSV.Rect = three[0], three[1], three[2]
	splitH(col.Next(ui.RowH), ui.Gap, two[:])
	u.RaceModels.Rect, u.RaceOpts.Rect = two[0], two[1]

	var opts map[string]string // only on a change
	set := func(k, v string) {
		if opts == nil {
			opts = map[string]string{}
		}
		opts[k] = v
	}
	if u.Task.Update(in) {
		if s.confirmSwitch("task", Tasks[u.Task.Index], TaskTitles[u.Task.Index]) {
			set("task", Tasks[u.Task.Index])
		} else {
			s.syncWidgets()
		}
	}
	if u.Model.Update(in) && u.Model.Index < len(u.models) {
		if m := u.models[u.Model.Index]; s.confirmSwitch("model", m, m) {
			set("model", m)
		} else {
			s.syncWidgets()
		}
	}
	if u.Opt.Update(in) {
		set("opt", Opts[u.Opt.Index])
	}
	if u.LR.Update(in) {
		set("lr", strconv.FormatFloat(u.LR.Value, 'g', -1, 64))
	}
	if u.Anneal.Update(in) {
		set("anneal", strconv.FormatFloat(u.Anneal.Value, 'g', -1, 64))
	}
	u.Batch.Update(in)
	if !u.Batch.Dragging() && u.Batch.Value != float64(s.Cfg.Batch) {
		set("batch", strconv.Itoa(int(u.Batch.Value)))
	}
	u.TrainN.Update(in)
	if !u.TrainN.Dragging() && u.TrainN.Value != float64(s.Cfg.TrainN) {
		set("trainsize", strconv.Itoa(int(u.TrainN.Value)))
	}
	u.Noise.Update(in)
	if !u.Noise.Dragging() && u.Noise.Value != s.Cfg.Noise {
		set("noise", strconv.FormatFloat(u.Noise.Value, 'g', -1, 64))
	}
	if u.Raw.Update(in) {
		set("raw", strconv.FormatBool(u.Raw.On))
	}
	if u.Seed.Update(in) {
		set("seed", strconv.FormatUint(s.Cfg.Seed+1, 10))
	}
	if len(opts) > 0 {
		s.apply(opts) // widgets only produce valid values
	}
	s.layoutNote() // (for the options as they are now)

	var act Action
	running := s.Running()
	u.Start.Label, u.Start.Tip = "Start", startTip
	switch {
	case running:
		u.Start.Label = "Pause"
	case s.allFinished():
		u.Start.Label, u.Start.Tip = "Continue", "Train on for the run's length once more (space)"
	}
	failed := s.failed() != ""
	u.Start.Disabled = s.Diverged() || failed
	if u.Start.Update(in) {
		if running {
			s.Pause()
		} else {
			s.Start()
		}
	}
	u.Step.Disabled = running || s.Diverged() || !s.Built()
	if u.Step.Update(in) {
		s.Step(1)
	}
	u.Reset.Disabled = failed
	if u.Reset.Update(in) {
		s.Reset()
	}
	u.Save.Disabled = s.model == nil
	if u.Save.Update(in) {
		act |= ActSave
	}
	u.Load.Disabled = !s.Built() || s.Racing() // (a file fits one lane: end the race first)
	u.Load.Tip = "Open a weights file (.npz or .weights) saved from this model"
	if s.Racing() {
		u.Load.Tip = "End the race to load weights: a file fits one model"
	}
	if u.Load.Update(in) {
		act |= ActOpen
	}
	u.CSV.Disabled = len(s.Snap.History) == 0
	if u.CSV.Update(in) {
		act |= ActCSV
	}
	s.updateRaceButtons(in)
	return act
}

// updateRaceButtons: "race models" races the task's DefaultRace, "race
// optimisers" the current model under each optimiser; in a race the
// first ends it and the second names it.
func (s *Scene) updateRaceButtons(in *ui.Input) {
	u := &s.UI
	u.RaceModels.Disabled = s.NewLane == nil
	u.RaceOpts.Disabled = s.NewLane == nil || s.Racing()
	if k := (raceButtonsKey{s.Racing(), s.race.Spec.By, s.Lanes(), s.Cfg.Task, s.Cfg.Model}); u.raceKey != k {
		u.raceKey = k
		s.labelRaceButtons()
	}
	if u.RaceModels.Update(in) {
		if s.Racing() {
			s.endRace(true)
		} else {
			s.Set(map[string]string{"compare": DefaultRace(s.Cfg.Task).String()})
		}
	}
	if u.RaceOpts.Update(in) && !s.Racing() {
		s.Set(map[string]string{"compare": strings.Join(Opts, ",")})
	}
}

type raceButtonsKey struct {
	racing      bool
	by          string
	lanes       int
	task, model string
}

// labelRaceButtons says what the race buttons do now.
func (s *Scene) labelRaceButtons() {
	u := &s.UI
	if s.Racing() {
		u.RaceModels.Label, u.RaceModels.Tip = "end race", "Stop the other lanes; the first lane's model trains on its own again"
		u.RaceOpts.Label, u.RaceOpts.Tip = "racing "+strconv.Itoa(s.Lanes())+" lanes", "compare="+s.race.Spec.String()
	} else {
		d := DefaultRace(s.Cfg.Task)
		u.RaceModels.Label, u.RaceModels.Tip = "race models", "Train "+strings.Join(d.Names, ", ")+" side by side, each in its own worker, on the same data in the same order (seed 000's table)"
		if d.By == "opt" {
			u.RaceModels.Tip = "This task has one model: race it under " + strings.Join(d.Names, ", ")
		}
		u.RaceOpts.Label, u.RaceOpts.Tip = "race optimisers", "Train "+s.Cfg.Model+" with SGD, momentum and Adam side by side"
	}
}

// layoutNote wraps the preset's note under the buttons to the sidebar,
// again only when the model, raw or the sidebar changed.
func (s *Scene) layoutNote() {
	u := &s.UI
	y := u.RaceModels.Rect.Bottom() + ui.Gap
	bottom := s.L.Controls.Bottom() - ui.Pad
	w := s.L.Controls.W - 2*ui.Pad
	u.NoteY, u.NoteBottom = y, bottom
	ask := s.switchAsked()
	if u.Note != nil && u.noteCfg == s.Cfg && u.noteW == w && u.noteSpace == bottom-y && u.noteAsk == ask {
		return
	}
	u.noteCfg, u.noteW, u.noteSpace, u.noteAsk = s.Cfg, w, bottom-y, ask
	if ask != "" {
		u.Note = ui.Wrap(ask, w, ui.SmallSize)
		return
	}
	u.Note = NoteLines(s.Cfg, w, bottom-y)
}

// switchWait is how long a click on another task or model waits for the
// second click that confirms it.
const switchWait = 6 * time.Second

// switchAsk is a switch of task or model waiting for its confirmation.
type switchAsk struct {
	key, value, text string // text: the question
	until            time.Duration
}

// confirmSwitch reports whether a click on the task or model value (shown
// as name) may switch now: at once when the run has nothing to lose (not
// built, or at step 0), else on a second click on it within switchWait
// (the first says under the buttons what the switch throws away).
func (s *Scene) confirmSwitch(key, value, name string) bool {
	a := &s.UI.ask
	if !s.Built() || s.Snap.Step == 0 {
		*a = switchAsk{}
		return true
	}
	if a.key == key && a.value == value && s.now < a.until {
		*a = switchAsk{}
		return true
	}
	*a = switchAsk{key: key, value: value, until: s.now + switchWait,
		text: fmt.Sprintf("Click %s again to switch to it: this run (step %d) starts over. Save keeps its weights.", name, s.Snap.Step)}
	return false
}

// switchAsked is the question under the buttons while a switch waits for
// its second click ("" when none does).
func (s *Scene) switchAsked() string {
	a := &s.UI.ask
	if a.key == "" || s.now >= a.until {
		return ""
	}
	return a.text
}

// The pad's toggle: what the network sees, large (short where the pad is
// narrow).
const (
	seeLabel      = "show the 28×28"
	seeLabelShort = "28×28"
)

// rawNote is the note's sentence on raw pixels.
const rawNote = ". Raw pixels: a first-layer sum over 784 inputs of up to 255 is in the hundreds, so sigmoid units saturate and learn slowly, and other units take steps η times that large, which can blow the weights up; switch raw off to compare."

// NoteLines is the text under the sidebar's buttons, wrapped to width w
// at the small size and cut to the lines that fit in height h: the last
// that fits ends with "…" (the model selector's tooltip has the whole
// text).
func NoteLines(c Config, w, h float64) []string {
	p := facts(c.Model)
	src := "our own preset"
	if p.Seed != "" {
		src = "seed " + p.Seed
	}
	text := fmt.Sprintf("%s (%s): %s", c.Model, src, p.About)
	if c.Raw {
		text += rawNote
	}
	lines := ui.Wrap(text, w, ui.SmallSize)
	if fit := int(h / ui.LineHeight(ui.SmallSize)); fit < len(lines) && fit > 0 {
		l := trimToFit(lines[fit-1], " …", w, ui.SmallSize)
		lines = append(lines[:fit-1], strings.TrimRight(l, " ")+" …")
	}
	return lines
}

// splitH is ui.Rect.SplitH into out (len(out) columns), without
// allocating.
func splitH(r ui.Rect, gap float64, out []ui.Rect) {
	n := len(out)
	w := max(0, (r.W-gap*float64(n-1))/float64(n))
	for i := range out {
		out[i] = ui.Rect{X: r.X + float64(i)*(w+gap), Y: r.Y, W: w, H: r.H}
	}
}

// AnnealText is the anneal slider's value: "off" for 0.
func AnnealText(v float64) string {
	if v == 0 {
		return "off"
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// TrainNText is the train-images slider's value: "all" for 0.
func TrainNText(n int) string {
	if n == 0 {
		return "all"
	}
	return strconv.Itoa(n)
}
