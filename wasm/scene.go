//go:build js && wasm

package main

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
)

// Scene is one tab of Digit Lab (Digits, Landscape, Descent, Ring). The app
// creates every scene once at start-up and keeps it while the user switches
// tabs; only the visible scene gets Update and Draw.
//
// Coordinates: everything a scene sees is in logical (CSS) pixels —
// ctx.Area, the input, ui widgets and the draw helpers (drawText, fillRect,
// strokeLine…), which scale to device pixels themselves. Only rasters and
// plot.Viewport work in device pixels: Scale() converts. A scene may also
// be a ui.Pacer or ui.Animator (which frames the shell draws).
type Scene interface {
	ui.Scene // names, options, figures, run controls

	// Update lays out the scene in ctx.Area, feeds ctx.In to its widgets,
	// and does at most ctx.Budget of computing (training steps). It must
	// never block. It returns an error only for a bug (that halts the app);
	// a user's mistake becomes state drawn on screen or ctx.Report(err).
	Update(ctx *Context) error
	// Draw draws the scene as laid out by the last Update. It must not
	// change the scene's state.
	Draw(screen *ebiten.Image)
}

// Predictor is implemented by a scene that can classify a 28×28 image for
// window.digitlab.predict (the Digits scene).
type Predictor interface {
	// Predict returns class probabilities for pixels, 784 values in 0..1,
	// row-major 28×28. It returns an error (no model yet, wrong length) for
	// the JS caller.
	Predict(pixels []float32) ([]float64, error)
}

// PartialDrawer is implemented by a scene that, while it runs, can redraw
// just the parts its run changed on top of the last frame (the screen is
// not cleared between frames). Where WebGL is rendered in software every
// full-screen pass costs milliseconds, so this keeps the frame rate up
// while training. The app calls DrawChanges instead of Draw on frames
// wanted because the scene runs where at most the pointer moved (no press,
// key or wheel, no tooltip, no banner): hover effects are the scene's to
// redraw. It returns false when it needs a full Draw after all.
type PartialDrawer interface {
	DrawChanges(screen *ebiten.Image) bool
}

// Context is what the app hands a scene's Update every tick.
type Context struct {
	In     *ui.Input     // this tick's input; app keys (1–4, space, s, r) already removed
	Area   ui.Rect       // the scene's part of the window, below the tab bar
	Screen ui.Rect       // the whole window
	Scale  float64       // device pixels per logical pixel (same as Scale())
	Budget time.Duration // how long Update may spend computing this tick
	Now    time.Duration // time since the app started (animations)
	Data   *Data         // data sets the app loads in the background

	app  *App
	tick ui.Tick
}

// Tick is the part of the context a scene model (ebiten-free, in its own
// package) gets each frame.
func (c *Context) Tick() *ui.Tick {
	c.tick = ui.Tick{In: c.In, Area: c.Area, Scale: c.Scale, Now: c.Now, Budget: c.Budget}
	return &c.tick
}

// GoTo switches to the scene named name ("digits", …) and applies opts to
// it (nil for none); it returns the option errors, also shown in the banner.
func (c *Context) GoTo(name string, opts map[string]string) []error {
	return c.app.GoTo(name, opts)
}

// Report shows a user-facing error in the app's dismissable banner.
func (c *Context) Report(err error) {
	if err != nil {
		c.app.banner.Add(err.Error())
	}
}
