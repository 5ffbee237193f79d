//go:build js && wasm

package main

import (
	"digitlab/scenes/digitsview"
)

// digitsScene is the trainer (DESIGN scene 1), the page's client of the
// trainer worker (cmd/trainer, a digitsview.Run). Its state, layout,
// texts, CPU pictures and drawing (display lists) are a digitsview.Scene
// (native, tested); this package wires it to the app and draws its lists:
// digits_draw.go (the cached layers and partial redraws) and digits_io.go
// (saving and loading weights).
type digitsScene struct {
	m  *digitsview.Scene
	tr *trainerClient

	dataView   DataStatusView
	p          painter // draws m's lists, keeping their pictures' textures
	chrome     layer[digitsview.ChromeKey]
	imgLayer   layer[digitsview.ImageKey]
	chartLayer layer[int]

	// What the last frame drew of the live parts not drawn from a layer.
	infoDrawn    digitsview.Info
	weightsDrawn digitsview.WeightsKey
	mistDrawn    digitsview.MistakesKey
	lineDrawn    digitsview.LineKey
	confDrawn    digitsview.ConfusionKey
	insideDrawn  digitsview.InsideListKey
	padDrawn     digitsview.PadListKey
}

// NewDigits returns the Digits scene talking to the worker through tr.
func NewDigits(tr *trainerClient) *digitsScene {
	d := &digitsScene{tr: tr}
	d.m = digitsview.NewScene(&tr.Client)
	tr.OnSnap = d.m.Merge
	tr.BeforeRestart, tr.AfterRestart = d.m.BeforeRestart, d.m.AfterRestart
	d.m.NewLane = func() *digitsview.Client { return &newTrainerClient().Client }
	d.restoreMine() // (my digits; saved after every change: saveMine)
	return d
}

func (d *digitsScene) Name() string  { return "digits" }
func (d *digitsScene) Title() string { return "Digits" }

// The run controls, options and figures are the model's.
func (d *digitsScene) Start()                                  { d.m.Start() }
func (d *digitsScene) Pause()                                  { d.m.Pause() }
func (d *digitsScene) Running() bool                           { return d.m.Running() }
func (d *digitsScene) Step(n int)                              { d.m.Step(n) }
func (d *digitsScene) Reset()                                  { d.m.Reset() }
func (d *digitsScene) Set(opts map[string]string) []error      { return d.m.Set(opts) }
func (d *digitsScene) Predict(px []float32) ([]float64, error) { return d.m.Predict(px) }

// Status adds the drawing's figures to the model's.
func (d *digitsScene) Status() map[string]any {
	m := d.m.Status()
	m["chromeRedraws"], m["imageRedraws"] = d.chrome.redraws, d.imgLayer.redraws
	r := d.dataView.retry.Rect
	m["retryRect"] = []float64{r.X, r.Y, r.W, r.H}
	return m
}

// Update lays out the scene and handles its input (the model), the
// browser's file dialogs and the data view while the data loads.
func (d *digitsScene) Update(ctx *Context) error {
	act := d.m.Update(ctx.Tick(), ctx.Data.Ready())
	if act&digitsview.ActSave != 0 {
		d.saveWeights(ctx)
	}
	if act&digitsview.ActOpen != 0 {
		d.openWeights()
	}
	if act&digitsview.ActCSV != 0 {
		d.saveCSV(ctx)
	}
	if act&digitsview.ActExport != 0 {
		d.exportMine()
	}
	if act&digitsview.ActImport != 0 {
		openFile("digitlab-mine-input", ".json,application/json", 4<<20, "my-digits file", mineFiles)
	}
	d.pollMine(ctx)
	d.saveMine()
	if d.m.Waiting {
		d.dataView.Update(ctx, d.m.L.ViewArea)
	}
	d.pollLoad(ctx)
	return nil
}
