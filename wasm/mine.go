//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"digitlab/excerpt"
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
		return js.Undefined(), fmt.Errorf("%s", short(why))
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s", short(storageError(r).Error())) // (a browser's words, cut to a line)
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

// restoreMine puts back the digits this browser kept; a value that
// cannot be read is moved aside (the scene says so).
func (d *digitsScene) restoreMine() {
	v, err := storageCall("getItem", mineKey)
	var stored []byte
	if err == nil && v.Type() == js.TypeString {
		stored = []byte(v.String())
	}
	if err := d.m.RestoreMine(stored, err); err != nil {
		storageCall("setItem", mineBadKey, v.String())
		storageCall("removeItem", mineKey)
	}
}

// saveMine stores my digits after a change.
func (d *digitsScene) saveMine() {
	b, changed := d.m.MineUnsaved()
	if !changed {
		return
	}
	var err error
	if b == nil {
		_, err = storageCall("removeItem", mineKey)
	} else {
		_, err = storageCall("setItem", mineKey, string(b))
	}
	d.m.MineStored(err)
}

// exportMine downloads my digits as a file.
func (d *digitsScene) exportMine() {
	name, b := d.m.MineFile()
	download(name, "application/json", b)
}

// pollMine imports a file the user chose.
func (d *digitsScene) pollMine(ctx *Context) { ctx.Report(takeFile(mineFiles, d.m.ImportMine)) }

// installMineAPI adds digitlab.mine: add(pixels, label) → {n, error},
// list() → [{label, pixels, pred, p}], clear().
func installMineAPI(a *App, api js.Value, set func(o js.Value, name string, redraw bool, f func(args []js.Value) any)) {
	mine := js.Global().Get("Object").New()
	set(mine, "add", true, func(args []js.Value) any {
		m := a.digits().m
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
	set(mine, "list", false, func([]js.Value) any { return toJS(a.digits().m.MineList()) })
	set(mine, "clear", true, func([]js.Value) any { a.digits().m.MineClear(); return nil })
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
