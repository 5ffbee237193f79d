//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
	"digitlab/scenes/digitsview"
)

// version identifies the build in window.digitlab.version; build.sh may set
// it with -ldflags "-X main.version=…", otherwise the VCS revision is used.
var version = ""

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
//	historyCSV()    → the Digits curves as CSV text (what the CSV button downloads),
//	                  or null before the first point
//	inside()        → the Digits model's layers for the image in focus of the
//	                  Inside view, [{name, shape, values}] (NaN as null), or null
//	testHooks.killTrainer() terminates the trainer worker as a crash would
//	version
//
// The callbacks run between frames (Go on wasm has one thread and JS can
// only call in while Update and Draw are not running), so they touch the
// app directly.
func installJSAPI(a *App) {
	api, hooks := js.Global().Get("Object").New(), js.Global().Get("Object").New()
	// A call that changes something shows in the next frame, drawn whole;
	// reading changes nothing on screen (a test polling status() ten
	// times a second would make every frame a whole one).
	set := func(o js.Value, name string, redraw bool, f func(args []js.Value) any) {
		o.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) any {
			if redraw {
				a.Invalidate()
			}
			return f(args)
		}))
	}
	api.Set("version", ui.BuildVersion(version))
	set(api, "status", false, func([]js.Value) any { return toJS(a.status()) })
	set(api, "set", true, func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeObject {
			return toJS([]any{"set(options): options must be an object such as {scene: 'ring', a: 0.5}"})
		}
		return toJS(a.SetOptions(jsOptions(args[0])))
	})
	set(api, "start", true, func([]js.Value) any { a.Scene().Start(); return nil })
	set(api, "pause", true, func([]js.Value) any { a.Scene().Pause(); return nil })
	set(api, "reset", true, func([]js.Value) any { a.Scene().Reset(); return nil })
	set(api, "step", true, func(args []js.Value) any {
		num := len(args) > 0 && args[0].Type() == js.TypeNumber
		x := 0.0
		if num {
			x = args[0].Float()
		}
		a.Scene().Step(ui.StepCount(x, num))
		return nil
	})
	set(api, "predict", true, func(args []js.Value) any {
		n, arr := -1, js.Undefined()
		if len(args) > 0 && args[0].Type() == js.TypeObject {
			arr = args[0]
			n = arr.Length()
		}
		probs, err := a.Predict(n, func(i int) float64 { return arr.Index(i).Float() })
		if err != nil {
			return nil
		}
		return toJS(probs)
	})
	set(api, "checksum", false, func([]js.Value) any {
		if d := a.digits(); d.Scene.Model() != nil {
			return toJS(map[string]any{"step": d.Scene.ModelStep(), "checksum": fmt.Sprintf("%08x", digitsview.Checksum(d.Scene.Model().Params))})
		}
		return nil
	})
	set(api, "inside", false, func([]js.Value) any {
		if layers, _ := a.digits().Scene.InsideJSON(); layers != nil {
			return toJS(layers)
		}
		return nil
	})
	set(api, "historyCSV", false, func([]js.Value) any {
		if _, b, err := a.digits().Scene.HistoryCSV(); err == nil {
			return string(b)
		}
		return nil
	})
	// killTrainer() terminates the trainer worker as a crash would (no
	// message; the page notices its silence).
	set(hooks, "killTrainer", true, func([]js.Value) any {
		if w := a.trainer.w; w.Type() == js.TypeObject {
			w.Call("terminate")
		}
		return nil
	})
	installMineAPI(a, api, set)
	// texts() lists the texts and widgets on screen (wasm/texts.go).
	set(hooks, "texts", false, func([]js.Value) any { return toJS(screenTexts(a.scenes[a.Cur])) })
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

// status is window.digitlab.status(): the page's figures, then the shell's
// and the scenes'.
func (a *App) status() map[string]any {
	return a.Status(map[string]any{
		"fps": ebiten.ActualFPS(), "version": ui.BuildVersion(version), "scale": dpr,
		"ready": a.data.Ready(), "loaded": a.data.Loaded, "total": a.data.Total,
		"lastPicture": map[string]any{"name": lastPicture.Name, "width": lastPicture.W, "height": lastPicture.H, "bytes": lastPicture.Bytes},
	}, a.data.Err)
}

// toJS converts a status value to JS: ui.Clean makes NaN and ±Inf null and
// slices and maps plain, then syscall/js builds arrays and objects.
func toJS(v any) any { return js.ValueOf(ui.Clean(v)) }

// followLink writes the query that reproduces what the page shows into the
// address bar (history.replaceState: no new history entry, no reload), so
// that reloading or sharing the address opens the same set-up.
func followLink(q string) {
	loc := js.Global().Get("location")
	url := loc.Get("pathname").String()
	if q != "" {
		url += "?" + q
	}
	if url == loc.Get("pathname").String()+loc.Get("search").String() {
		return
	}
	js.Global().Get("history").Call("replaceState", js.Null(), "", url)
}

// copyLink copies the page's address (which followLink keeps up to date)
// to the clipboard and reports the outcome in the bar.
func copyLink(s *ui.Shell) {
	followLink(s.Link())
	href := js.Global().Get("location").Get("href").String()
	clip := js.Global().Get("navigator").Get("clipboard")
	if clip.IsUndefined() || clip.IsNull() {
		s.CopyDone("cannot copy here: copy the address bar")
		return
	}
	then(clip.Call("writeText", href),
		func(js.Value) { s.CopyDone("link copied") },
		func(js.Value) { s.CopyDone("the browser refused the clipboard: copy the address bar") })
}

// then calls ok with the value the JS promise p resolves to, or fail with
// why it was rejected, once; the callbacks are released after.
func then(p js.Value, ok, fail func(js.Value)) {
	var okF, failF js.Func
	settle := func(f func(js.Value)) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any {
			okF.Release()
			failF.Release()
			f(args[0])
			return nil
		})
	}
	okF, failF = settle(ok), settle(fail)
	p.Call("then", okF, failF)
}

// digits is the Digits scene (the first tab).
func (a *App) digits() *digitsScene { return a.scenes[0].(*digitsScene) }
