package main

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/ui"
)

// Digits is the trainer scene (stub: controls and run state only, no model
// yet). It shows the pattern every scene follows: widgets created once,
// laid out and updated in Update, drawn in Draw.
type Digits struct {
	task  ui.Choice
	model ui.Choice
	opt   ui.Choice
	lr    ui.Slider
	start ui.Button
	step  ui.Button
	reset ui.Button

	running bool
	steps   int
	pending int // steps requested by Step(n), done in Update

	controls, content ui.Rect
	loading           DataStatusView
	dataInfo          string
}

var (
	digitTasks  = []string{"4v9", "mnist10", "digits8x8"}
	digitModels = []string{"linear", "vanilla", "cnn", "mlp10", "cnn10", "cnn10-tanh", "digits64"}
	digitOpts   = []string{"sgd", "momentum", "adam"}
)

// NewDigits returns the Digits scene with the demo's defaults (4 vs 9, linear).
func NewDigits() *Digits {
	d := &Digits{}
	d.task = ui.Choice{Label: "task", Options: []string{"4 vs 9", "0–9", "8×8"},
		Tips: []string{"MNIST, only the fours and nines: a binary problem", "MNIST, all ten digits", "scikit-learn's 8×8 digits (1797 images)"}}
	d.model = ui.Choice{Label: "model", Options: []string{"linear", "MLP", "CNN"},
		Tip: "The model to train; more presets come with the Digits scene"}
	d.opt = ui.Choice{Label: "optimiser", Options: []string{"SGD", "momentum", "Adam"},
		Tip: "How the gradient turns into a weight update"}
	d.lr = ui.Slider{Label: "learning rate η", Min: 1e-4, Max: 1, Log: true, Value: 0.01,
		Tip: "Step size of each update. Too small: slow. Too large: the loss jumps or diverges."}
	d.start = ui.Button{Label: "Start", Tip: "Start or pause training (space)"}
	d.step = ui.Button{Label: "Step", Tip: "One training step (s)"}
	d.reset = ui.Button{Label: "Reset", Tip: "New random weights with the fixed seed (r)"}
	return d
}

func (d *Digits) Name() string  { return "digits" }
func (d *Digits) Title() string { return "Digits" }

func (d *Digits) Update(ctx *Context) error {
	d.controls, d.content = sidebar(ctx.Area)
	col := ui.NewColumn(panelContent(d.controls, "Training"), ui.Gap)
	for _, c := range []*ui.Choice{&d.task, &d.model, &d.opt} {
		c.Rect = col.Next(c.Height())
	}
	d.lr.Rect = col.Next(d.lr.Height())
	col.Next(4)
	btns := col.Next(ui.RowH).SplitH(3, ui.Gap)
	d.start.Rect, d.step.Rect, d.reset.Rect = btns[0], btns[1], btns[2]

	d.task.Update(ctx.In)
	d.model.Update(ctx.In)
	d.opt.Update(ctx.In)
	d.lr.Update(ctx.In)
	if d.start.Update(ctx.In) {
		if d.running {
			d.Pause()
		} else {
			d.Start()
		}
	}
	d.step.Disabled = d.running
	if d.step.Update(ctx.In) {
		d.Step(1)
	}
	if d.reset.Update(ctx.In) {
		d.Reset()
	}
	if !ctx.Data.Ready() {
		d.loading.Update(ctx, panelContent(d.content, "x"))
	} else if d.dataInfo == "" {
		data := ctx.Data
		d.dataInfo = fmt.Sprintf("MNIST: %d training and %d test images of %d×%d pixels; 8×8 digits: %d images.",
			data.Train.Len(), data.Test.Len(), data.Train.W, data.Train.H, data.Digits.Len())
	}
	if d.running {
		d.start.Label = "Pause"
		d.steps++
	} else {
		d.start.Label = "Start"
		d.steps += d.pending
		d.pending = 0
	}
	return nil
}

func (d *Digits) Draw(screen *ebiten.Image) {
	drawPanel(screen, d.controls, "Training")
	for _, c := range []*ui.Choice{&d.task, &d.model, &d.opt} {
		drawChoice(screen, c)
	}
	drawSlider(screen, &d.lr)
	drawPrimaryButton(screen, &d.start)
	drawButton(screen, &d.step)
	drawButton(screen, &d.reset)

	in := drawPanel(screen, d.content, "Digits — train a classifier on handwritten digits")
	if d.dataInfo == "" {
		d.loading.Draw(screen)
		return
	}
	drawText(screen, fmt.Sprintf("step %d", d.steps), in.X, in.Y+4, sizeBody, FontRegular, colMuted, AlignStart)
	drawText(screen, d.dataInfo, in.X, in.Y+28, sizeBody, FontRegular, colText, AlignStart)
	drawText(screen, "The model, its curves and the drawing pad appear here.", in.X, in.Y+52, sizeBody, FontRegular, colMuted, AlignStart)
}

func (d *Digits) Status() map[string]any {
	return map[string]any{
		"task":      digitTasks[d.task.Index],
		"model":     digitModels[d.model.Index],
		"opt":       digitOpts[d.opt.Index],
		"lr":        d.lr.Value,
		"step":      d.steps,
		"trainLoss": math.NaN(),
	}
}

func (d *Digits) Set(opts map[string]string) []error {
	var errs []error
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		var err error
		switch k {
		case "task":
			var i int
			if i, err = ui.ParseChoice(k, v, digitTasks); err == nil {
				d.task.Index = i
			}
		case "model":
			var i int
			if i, err = ui.ParseChoice(k, v, digitModels[:3]); err == nil {
				d.model.Index = i
			}
		case "opt":
			var i int
			if i, err = ui.ParseChoice(k, v, digitOpts); err == nil {
				d.opt.Index = i
			}
		case "lr":
			var x float64
			if x, err = ui.ParseFloat(k, v, d.lr.Min, d.lr.Max); err == nil {
				d.lr.Value = x
			}
		default:
			err = ui.UnknownKey("digits", k, v, []string{"task", "model", "opt", "lr"})
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func (d *Digits) Start()        { d.running = true }
func (d *Digits) Pause()        { d.running = false }
func (d *Digits) Running() bool { return d.running }
func (d *Digits) Step(n int)    { d.pending += n }
func (d *Digits) Reset()        { d.running, d.steps, d.pending = false, 0, 0 }
