//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"digitlab/excerpt"
	"digitlab/nn"
)

// Saving and loading weights (and the curves) from the page: a Blob download, and a hidden
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

// saveWeights downloads the model copy's weights as
// "digitlab-<model>-step<N>.npz".
func (d *digitsScene) saveWeights(ctx *Context) {
	if d.Scene.Model() == nil {
		return
	}
	name, b, err := d.Scene.WeightsFile()
	if err != nil {
		ctx.Report(err)
		return
	}
	download(name, "application/zip", b)
}

// saveCSV downloads the curves as "digitlab-<model>-history.csv".
func (d *digitsScene) saveCSV(ctx *Context) {
	name, b, err := d.Scene.HistoryCSV()
	if err != nil {
		ctx.Report(err)
		return
	}
	download(name, "text/csv", b)
}

// download offers b to the user as the file name (a Blob and a link
// clicked for them).
func download(name, mime string, b []byte) {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	parts := js.Global().Get("Array").New(arr)
	blob := js.Global().Get("Blob").New(parts, map[string]any{"type": mime})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
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
	openFile("digitlab-weights-input", ".npz,.weights,application/zip,application/octet-stream", nn.MaxFileBytes, "weights file", weightFiles)
}

// openFile shows the browser's file dialog for files of the accept list
// (the hidden input element id, made once); the chosen file's bytes, or
// why they cannot be read (larger than max bytes: a what cannot be that
// large), arrive in dst.
func openFile(id, accept string, max int64, what string, dst chan loadedFile) {
	deliver := func(f loadedFile) {
		select {
		case dst <- f:
		default: // a file is already waiting; drop this one
		}
	}
	doc := js.Global().Get("document")
	input := doc.Call("getElementById", id)
	if input.IsNull() {
		input = doc.Call("createElement", "input")
		input.Set("type", "file")
		input.Set("id", id)
		input.Set("accept", accept)
		input.Get("style").Set("display", "none")
		doc.Get("body").Call("appendChild", input)
		input.Call("addEventListener", "change", js.FuncOf(func(this js.Value, _ []js.Value) any {
			files := this.Get("files")
			if files.Length() == 0 {
				return nil
			}
			f := files.Index(0)
			name := f.Get("name").String()
			if size := f.Get("size").Float(); size > float64(max) {
				deliver(loadedFile{name: name, err: fmt.Errorf("%s is %.1f MB, larger than any %s (at most %d MB): not loaded", excerpt.Word(name), size/(1<<20), what, max>>20)})
				this.Set("value", "")
				return nil
			}
			then(f.Call("arrayBuffer"), func(buf js.Value) {
				u8 := js.Global().Get("Uint8Array").New(buf)
				b := make([]byte, u8.Length())
				js.CopyBytesToGo(b, u8)
				deliver(loadedFile{name: name, data: b})
			}, func(why js.Value) {
				deliver(loadedFile{name: name, err: fmt.Errorf("could not read %s: %s", excerpt.Word(name), js.Global().Get("String").Invoke(why).String())})
			})
			this.Set("value", "")
			return nil
		}))
	}
	input.Call("click")
}

// pollLoad shows the scene's pending message and sends a weights file the
// user chose to the worker, which restarts the run from it (paused) or
// answers why the file does not fit (a message in the banner).
func (d *digitsScene) pollLoad(ctx *Context) {
	if err := d.Scene.TakeErr(); err != nil {
		ctx.Report(err)
	}
	ctx.Report(takeFile(weightFiles, d.Scene.LoadWeights))
}

// takeFile hands a file waiting in ch to use: why it could not be read,
// or use's answer (nil when no file waits).
func takeFile(ch chan loadedFile, use func(name string, data []byte) error) error {
	select {
	case f := <-ch:
		if f.err == nil {
			f.err = use(f.name, f.data)
		}
		return f.err
	default:
		return nil
	}
}
