//go:build js && wasm

package main

import (
	"fmt"
	"math"
	"runtime/debug"
	"strings"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/digitsview"
	"digitlab/ui"
)

// version identifies the build in window.digitlab.version; build.sh may set
// it with -ldflags "-X main.version=…", otherwise the VCS revision is used.
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = s.Value[:12]
			}
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.modified" && s.Value == "true" {
				v += "+dirty"
			}
		}
	}
	return v
}

// installJSAPI publishes window.digitlab:
//
//	status()        → {scene, ready, running, step, samplesPerSec, fps, task, model,
//	                   trainLoss, trainAcc, testLoss, testAcc, error, …scene fields}
//	set({key: v})   → [error strings]; same keys as the URL query, incl. scene
//	start(), pause(), reset(), step(n = 1)
//	predict(pixels) → class probabilities for 784 numbers 0..1 (row-major 28×28),
//	                  or null with status().error saying why
//	checksum()      → {step, checksum}: the CRC-32 of the page's copy of the
//	                  weights (digitsview.Checksum; digitlab page prints the same)
//	testHooks.killTrainer() terminates the trainer worker as a crash would
//	version
//
// The callbacks run between frames (Go on wasm has one thread and JS can
// only call in while Update and Draw are not running), so they touch the
// app directly.
func installJSAPI(a *App) {
	api := js.Global().Get("Object").New()
	fn := func(f func(args []js.Value) any) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any {
			a.redraw.Invalidate() // whatever the call changed shows next frame
			return f(args)
		})
	}
	// Reading changes nothing on screen: no redraw (a test polling
	// status() ten times a second would make every frame a whole one).
	read := func(f func(args []js.Value) any) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any { return f(args) })
	}
	api.Set("version", buildVersion())
	api.Set("status", read(func([]js.Value) any { return toJS(a.status()) }))
	api.Set("set", fn(func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeObject {
			return toJS([]any{"set(options): options must be an object such as {scene: 'ring', a: 0.5}"})
		}
		errs := a.setOptions(jsOptions(args[0]))
		out := make([]any, len(errs))
		for i, e := range errs {
			out[i] = e.Error()
		}
		return toJS(out)
	}))
	api.Set("start", fn(func([]js.Value) any { a.Scene().Start(); return nil }))
	api.Set("pause", fn(func([]js.Value) any { a.Scene().Pause(); return nil }))
	api.Set("reset", fn(func([]js.Value) any { a.Scene().Reset(); return nil }))
	api.Set("step", fn(func(args []js.Value) any {
		n := 1
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			n = int(math.Max(1, math.Min(1e6, args[0].Float())))
		}
		a.Scene().Step(n)
		return nil
	}))
	api.Set("predict", fn(func(args []js.Value) any {
		probs, err := a.predict(args)
		if err != nil {
			a.jsErr = err.Error()
			return nil
		}
		a.jsErr = ""
		return toJS(probs)
	}))
	api.Set("checksum", read(func([]js.Value) any {
		for _, sc := range a.scenes {
			if d, ok := sc.(*digitsScene); ok && d.model != nil {
				return toJS(map[string]any{"step": d.modelStep, "checksum": fmt.Sprintf("%08x", digitsview.Checksum(d.model.Params))})
			}
		}
		return nil
	}))
	// Test hooks: killTrainer() terminates the trainer worker as a crash
	// would (no message; the page notices its silence).
	hooks := js.Global().Get("Object").New()
	hooks.Set("killTrainer", fn(func([]js.Value) any {
		if w := a.trainer.w; w.Type() == js.TypeObject {
			w.Call("terminate")
		}
		return nil
	}))
	api.Set("testHooks", hooks)
	js.Global().Set("digitlab", api)
	js.Global().Set("digitlabReady", false)
}

// notifyStarted tells the page the first frame is drawn: it sets
// window.digitlabReady and calls window.digitlabStarted() if defined (the
// loader hides its progress bar).
func notifyStarted() {
	g := js.Global()
	g.Set("digitlabReady", true)
	if f := g.Get("digitlabStarted"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
}

// jsOptions turns a JS object into option strings: String(value) for every
// own key, so numbers and booleans work as in the URL.
func jsOptions(o js.Value) map[string]string {
	keys := js.Global().Get("Object").Call("keys", o)
	opts := map[string]string{}
	str := js.Global().Get("String")
	for i := range keys.Length() {
		k := keys.Index(i).String()
		opts[k] = str.Invoke(o.Get(k)).String()
	}
	return opts
}

// predict runs the Predictor scene (Digits) on 784 pixels.
func (a *App) predict(args []js.Value) ([]float64, error) {
	if len(args) == 0 || args[0].Type() != js.TypeObject {
		return nil, fmt.Errorf("predict(pixels): pixels must be an array of 784 numbers in 0..1")
	}
	arr := args[0]
	n := arr.Length()
	if n != 28*28 {
		return nil, fmt.Errorf("predict(pixels): got %d numbers, want 784 (28×28, row-major)", n)
	}
	px := make([]float32, n)
	for i := range px {
		v := arr.Index(i).Float()
		if math.IsNaN(v) {
			return nil, fmt.Errorf("predict(pixels): pixel %d is not a number", i)
		}
		px[i] = float32(math.Max(0, math.Min(1, v)))
	}
	for _, s := range a.scenes {
		if p, ok := s.(Predictor); ok {
			return p.Predict(px)
		}
	}
	return nil, fmt.Errorf("predict: no scene can classify images")
}

// status is the app's part of status() merged with the scene's Status().
func (a *App) status() map[string]any {
	m := map[string]any{
		"scene": a.Scene().Name(), "ready": a.data.Ready(), "running": a.Scene().Running(),
		"step": nil, "samplesPerSec": nil, "fps": ebiten.ActualFPS(),
		"task": nil, "model": nil, "trainLoss": nil, "trainAcc": nil, "testLoss": nil, "testAcc": nil,
		"error": nil, "version": buildVersion(),
		"loaded": a.data.Loaded, "total": a.data.Total,
		"messages": append([]string(nil), a.banner.Msgs...),
		"width":    a.w, "height": a.h, "scale": dpr,
		"updateMs": a.updateMs, "drawMs": a.drawMs, "frameMs": a.frameMs, "budgetMs": float64(a.budget) / float64(time.Millisecond),
		"fullDraws": a.fullDraws, "partialDraws": a.partDraws,
	}
	// The trainer's figures are app-wide: shown whatever the tab, unless
	// the visible scene has its own (the Ring's learned network).
	if i := a.sceneIndex("digits"); i >= 0 && i != a.cur {
		d := a.scenes[i].Status()
		for _, k := range sharedStatusKeys {
			if v, ok := d[k]; ok {
				m[k] = v
			}
		}
	}
	for k, v := range a.Scene().Status() {
		m[k] = v
	}
	switch {
	case a.data.Err != "":
		m["error"] = a.data.Err
	case a.jsErr != "":
		m["error"] = a.jsErr
	case len(a.banner.Msgs) > 0:
		m["error"] = strings.Join(a.banner.Msgs, "; ")
	}
	return m
}

// sharedStatusKeys are the training figures every status() has.
var sharedStatusKeys = []string{"step", "samplesPerSec", "task", "model", "trainLoss", "trainAcc", "testLoss", "testAcc"}

// toJS converts a status value to JS: ui.Clean makes NaN and ±Inf null and
// slices and maps plain, then syscall/js builds arrays and objects.
func toJS(v any) any { return js.ValueOf(ui.Clean(v)) }
