//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"digitlab/kit/ui"
)

// aboutKey is the localStorage key of the About cards the user closed
// (their scenes' names, comma-separated).
const aboutKey = "digitlab-about-closed"

// restoreAbout reads the closed cards and saves every change after (a
// browser that refuses storage shows the cards again at the next visit).
func restoreAbout(a *ui.About) {
	if v, err := storageCall("getItem", aboutKey); err == nil && v.Type() == js.TypeString {
		a.SetClosed(v.String())
	}
	a.OnChange = func(closed []string) { storageCall("setItem", aboutKey, strings.Join(closed, ",")) }
}
