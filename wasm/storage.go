//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"digitlab/excerpt"
)

// The browser's localStorage, for what the page keeps between visits (my
// digits, the About cards closed): its calls with the exceptions a browser
// throws when it refuses storage turned into errors in plain words.

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

// short is the first 80 characters of a browser's message.
func short(s string) string {
	h, whole := excerpt.Cut(s, 80)
	if !whole {
		h += "…"
	}
	return h
}
