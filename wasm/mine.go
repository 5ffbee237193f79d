//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"digitlab/excerpt"
	"digitlab/scenes/digitsview"
)

// My digits in the browser: kept in localStorage (restored at the start,
// saved after every change), exported as a download and imported from a
// file the user chooses. The digits themselves and everything shown of
// them are digitsview's (mine.go, scene_mine.go).

// mineKey is the localStorage key of my digits; a stored value that
// cannot be read is moved to mineBadKey, so nothing is lost.
const (
	mineKey    = "digitlab-my-digits"
	mineBadKey = "digitlab-my-digits-unreadable"
)

var mineFiles = make(chan loadedFile, 1)

// storage returns window.localStorage, or why there is none (a browser
// that refuses storage throws on the property itself).
func storage() (st js.Value, why string) {
	defer func() {
		if r := recover(); r != nil {
			st, why = js.Undefined(), fmt.Sprint(r)
		}
	}()
	st = js.Global().Get("localStorage")
	if st.Type() != js.TypeObject {
		return js.Undefined(), "there is no localStorage"
	}
	return st, ""
}

// storageCall calls a localStorage method, turning a thrown exception (a
// full quota, storage refused) into an error.
func storageCall(method string, args ...any) (v js.Value, err error) {
	st, why := storage()
	if why != "" {
		return js.Undefined(), fmt.Errorf("%s", why)
	}
	defer func() {
		if r := recover(); r != nil {
			err = storageError(r)
		}
	}()
	return st.Call(method, args...), nil
}

// storageError words an exception of localStorage for the panel.
func storageError(r any) error {
	e, ok := r.(js.Error)
	if !ok {
		return fmt.Errorf("%v", r)
	}
	switch name := e.Value.Get("name"); {
	case name.Type() == js.TypeString && name.String() == "QuotaExceededError":
		return fmt.Errorf("its storage for this page is full")
	case name.Type() == js.TypeString && name.String() == "SecurityError":
		return fmt.Errorf("it does not allow this page to store anything")
	}
	if m := e.Value.Get("message"); m.Type() == js.TypeString {
		return fmt.Errorf("%s", m.String())
	}
	return fmt.Errorf("%v", r)
}

// restoreMine puts back the digits this browser kept.
func (d *digitsScene) restoreMine(ctx *Context) {
	v, err := storageCall("getItem", mineKey)
	if err != nil {
		d.m.SetMineStorage("This browser does not keep my digits (" + short(err.Error()) + "): export them to keep them.")
		d.mineSaved = d.m.Mine().Version()
		return
	}
	if v.Type() == js.TypeString {
		if err := d.m.RestoreMine([]byte(v.String())); err != nil {
			storageCall("setItem", mineBadKey, v.String())
			storageCall("removeItem", mineKey)
			ctx.Report(fmt.Errorf("the digits kept in this browser could not be read (%v); they are kept aside as %q and the page starts without them", err, mineBadKey))
		}
	}
	d.mineSaved = d.m.Mine().Version()
}

// saveMine stores my digits after a change.
func (d *digitsScene) saveMine() {
	mine := d.m.Mine()
	if mine.Version() == d.mineSaved {
		return
	}
	d.mineSaved = mine.Version()
	var err error
	if mine.Len() == 0 {
		_, err = storageCall("removeItem", mineKey)
	} else {
		_, err = storageCall("setItem", mineKey, string(digitsview.MarshalMine(mine.Items())))
	}
	why := ""
	if err != nil {
		why = "This browser refused to keep my digits (" + short(err.Error()) + "): they last until the page closes; export them to keep them."
	}
	d.m.SetMineStorage(why)
}

// exportMine downloads my digits as a file.
func (d *digitsScene) exportMine() {
	name, b := d.m.MineFile()
	download(name, "application/json", b)
}

// pollMine imports a file the user chose.
func (d *digitsScene) pollMine(ctx *Context) {
	select {
	case f := <-mineFiles:
		if f.err == nil {
			f.err = d.m.ImportMine(f.name, f.data)
		}
		ctx.Report(f.err)
	default:
	}
}

// installMineAPI adds digitlab.mine: add(pixels, label) → {n, error},
// list() → [{label, pixels, pred, p}], clear().
func installMineAPI(a *App, api js.Value, set func(o js.Value, name string, redraw bool, f func(args []js.Value) any)) {
	mine := js.Global().Get("Object").New()
	digits := func() *digitsScene {
		for _, sc := range a.scenes {
			if d, ok := sc.(*digitsScene); ok {
				return d
			}
		}
		return nil
	}
	set(mine, "add", true, func(args []js.Value) any {
		d := digits()
		if d == nil {
			return toJS(map[string]any{"n": 0, "error": "no Digits scene"})
		}
		if len(args) < 2 || args[0].Type() != js.TypeObject || args[1].Type() != js.TypeNumber {
			return toJS(map[string]any{"n": d.m.Mine().Len(), "error": "mine.add(pixels, label): 784 numbers 0..1 (28×28, row by row) and a digit 0–9"})
		}
		n := args[0].Length()
		if n != digitsview.MineSize {
			return toJS(map[string]any{"n": d.m.Mine().Len(), "error": fmt.Sprintf("mine.add: %d pixels, not %d (28×28)", n, digitsview.MineSize)})
		}
		px := make([]float32, n)
		for i := range px {
			px[i] = float32(args[0].Index(i).Float())
		}
		label := args[1].Float()
		if label != float64(int(label)) {
			return toJS(map[string]any{"n": d.m.Mine().Len(), "error": fmt.Sprintf("mine.add: the label %v is not a digit 0–9", label)})
		}
		if err := d.m.MineAdd(px, int(label)); err != nil {
			return toJS(map[string]any{"n": d.m.Mine().Len(), "error": err.Error()})
		}
		return toJS(map[string]any{"n": d.m.Mine().Len(), "error": nil})
	})
	set(mine, "list", false, func([]js.Value) any {
		if d := digits(); d != nil {
			return toJS(d.m.MineList())
		}
		return nil
	})
	set(mine, "clear", true, func([]js.Value) any {
		if d := digits(); d != nil {
			d.m.MineClear()
		}
		return nil
	})
	api.Set("mine", mine)
}

// short is the first 80 characters of a browser's message.
func short(s string) string {
	h, whole := excerpt.Cut(s, 80)
	if !whole {
		h += "…"
	}
	return h
}
