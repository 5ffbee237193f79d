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
	*digitsview.Scene
	tr *trainerClient

	dataView   DataStatusView
	p          painter // draws the model's lists, keeping their pictures' textures
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
	d.Scene = digitsview.NewScene(&tr.Client)
	tr.OnSnap = d.Scene.Merge
	tr.BeforeRestart, tr.AfterRestart = d.Scene.BeforeRestart, d.Scene.AfterRestart
	d.Scene.NewLane = func() *digitsview.Client { return &newTrainerClient().Client }
	d.restoreMine() // (my digits; saved after every change: saveMine)
	return d
}

func (d *digitsScene) Name() string  { return "digits" }
func (d *digitsScene) Title() string { return "Digits" }

// Status adds the drawing's figures to the model's.
func (d *digitsScene) Status() map[string]any {
	m := d.Scene.Status()
	m["chromeRedraws"], m["imageRedraws"] = d.chrome.redraws, d.imgLayer.redraws
	r := d.dataView.retry.Rect
	m["retryRect"] = []float64{r.X, r.Y, r.W, r.H}
	return m
}

// Update lays out the scene and handles its input (the model), the
// browser's file dialogs and the data view while the data loads.
func (d *digitsScene) Update(ctx *Context) error {
	act := d.Scene.Update(ctx.Tick(), ctx.Data.Ready())
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
	if d.Scene.Waiting {
		d.dataView.Update(ctx, d.Scene.L.ViewArea)
	}
	d.pollLoad(ctx)
	return nil
}
