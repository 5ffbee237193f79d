//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"
)

// Saving and loading weights from the page: a Blob download, and a hidden
// <input type=file> whose bytes come back through a channel that Update
// polls (JS callbacks run between frames; the model is touched only in
// Update).

// loadedFile is what the file input delivers.
type loadedFile struct {
	name string
	data []byte
	err  error
}

var weightFiles = make(chan loadedFile, 1)

// saveWeights downloads the model's weights as "<model>-step<N>.weights".
func (d *digitsScene) saveWeights() {
	if d.model == nil {
		return
	}
	b, err := d.model.MarshalBinary()
	if err != nil {
		d.reportErr = err
		return
	}
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	parts := js.Global().Get("Array").New(arr)
	blob := js.Global().Get("Blob").New(parts, map[string]any{"type": "application/octet-stream"})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	step := 0
	if d.sess != nil {
		step = d.sess.Steps()
	}
	a.Set("download", fmt.Sprintf("digitlab-%s-step%d.weights", d.cfg.Model, step))
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Get("URL").Call("revokeObjectURL", url)
		return nil
	}), 1000)
}

// openWeights shows the browser's file dialog; the chosen file's bytes
// arrive in weightFiles.
func (d *digitsScene) openWeights() {
	doc := js.Global().Get("document")
	input := doc.Call("getElementById", "digitlab-weights-input")
	if input.IsNull() {
		input = doc.Call("createElement", "input")
		input.Set("type", "file")
		input.Set("id", "digitlab-weights-input")
		input.Set("accept", ".weights,application/octet-stream")
		input.Get("style").Set("display", "none")
		doc.Get("body").Call("appendChild", input)
		input.Call("addEventListener", "change", js.FuncOf(func(this js.Value, _ []js.Value) any {
			files := this.Get("files")
			if files.Length() == 0 {
				return nil
			}
			f := files.Index(0)
			name := f.Get("name").String()
			var ok, fail js.Func
			ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
				u8 := js.Global().Get("Uint8Array").New(args[0])
				b := make([]byte, u8.Length())
				js.CopyBytesToGo(b, u8)
				deliver(loadedFile{name: name, data: b})
				ok.Release()
				fail.Release()
				return nil
			})
			fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
				deliver(loadedFile{name: name, err: fmt.Errorf("could not read %s: %s", name, js.Global().Get("String").Invoke(args[0]).String())})
				ok.Release()
				fail.Release()
				return nil
			})
			f.Call("arrayBuffer").Call("then", ok, fail)
			this.Set("value", "")
			return nil
		}))
	}
	input.Call("click")
}

func deliver(f loadedFile) {
	select {
	case weightFiles <- f:
	default: // a file is already waiting; drop this one
	}
}

// LoadWeightsError says why a weights file cannot be used.
type LoadWeightsError struct {
	File, Model string
	Err         error
}

func (e *LoadWeightsError) Error() string {
	return fmt.Sprintf("weights file %s does not fit model %s: %v", e.File, e.Model, e.Err)
}
func (e *LoadWeightsError) Unwrap() error { return e.Err }

// pollLoad applies a loaded weights file: into a copy of the model first,
// so a file that does not fit leaves the model as it was.
func (d *digitsScene) pollLoad(ctx *Context) {
	if d.reportErr != nil {
		ctx.Report(d.reportErr)
		d.reportErr = nil
	}
	var f loadedFile
	select {
	case f = <-weightFiles:
	default:
		return
	}
	if f.err != nil {
		ctx.Report(f.err)
		return
	}
	d.loadWeights(ctx, f.name, f.data)
}

// loadWeights puts data into the model and restarts the session from them.
func (d *digitsScene) loadWeights(ctx *Context, name string, data []byte) {
	if d.model == nil {
		ctx.Report(fmt.Errorf("weights file %s: no model yet (wait for the data)", name))
		return
	}
	m := d.model.Clone()
	if err := m.UnmarshalBinary(data); err != nil {
		ctx.Report(&LoadWeightsError{File: name, Model: d.cfg.Model, Err: err})
		return
	}
	d.running = false
	d.diverged, d.finished = nil, false
	d.startSession(m)
	d.loaded = name
}
