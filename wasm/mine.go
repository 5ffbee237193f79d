//go:build js && wasm

package main

import "syscall/js"

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

// restoreMine puts back the digits this browser kept; a value that
// cannot be read is moved aside (the scene says so).
func (d *digitsScene) restoreMine() {
	v, err := storageCall("getItem", mineKey)
	var stored []byte
	if err == nil && v.Type() == js.TypeString {
		stored = []byte(v.String())
	}
	if err := d.Scene.RestoreMine(stored, err); err != nil {
		storageCall("setItem", mineBadKey, v.String())
		storageCall("removeItem", mineKey)
	}
}

// saveMine stores my digits after a change.
func (d *digitsScene) saveMine() {
	b, changed := d.Scene.MineUnsaved()
	if !changed {
		return
	}
	var err error
	if b == nil {
		_, err = storageCall("removeItem", mineKey)
	} else {
		_, err = storageCall("setItem", mineKey, string(b))
	}
	d.Scene.MineStored(err)
}

// exportMine downloads my digits as a file.
func (d *digitsScene) exportMine() {
	name, b := d.Scene.MineFile()
	download(name, "application/json", b)
}

// pollMine imports a file the user chose.
func (d *digitsScene) pollMine(ctx *Context) { ctx.Report(takeFile(mineFiles, d.Scene.ImportMine)) }

// installMineAPI adds digitlab.mine: add(pixels, label) → {n, error},
// list() → [{label, pixels, pred, p}], clear().
func installMineAPI(a *App, api js.Value, set func(o js.Value, name string, redraw bool, f func(args []js.Value) any)) {
	mine := js.Global().Get("Object").New()
	set(mine, "add", true, func(args []js.Value) any {
		m := a.digits().Scene
		n, label := -1, js.Undefined()
		if len(args) > 0 && args[0].Type() == js.TypeObject {
			n = args[0].Length()
		}
		if len(args) > 1 {
			label = args[1]
		}
		err := m.MineAddValues(n, func(i int) float64 { return args[0].Index(i).Float() }, label.Type() == js.TypeNumber, label.Float)
		return toJS(map[string]any{"n": m.Mine().Len(), "error": err})
	})
	set(mine, "list", false, func([]js.Value) any { return toJS(a.digits().Scene.MineList()) })
	set(mine, "clear", true, func([]js.Value) any { a.digits().Scene.MineClear(); return nil })
	api.Set("mine", mine)
}
