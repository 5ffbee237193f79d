// Package ui holds the Ebiten-free half of Digit Lab's app shell: rectangles
// and layout, one input snapshot per tick, widget state machines (Button,
// Toggle, Slider, Choice, Tabs, RunControls), tooltip timing, the URL query
// options, what a scene model gets each frame (Tick) and the shell around
// the scenes (Shell: tabs, keys, banner, frame budget, which frames are
// drawn, status()).
//
// Everything here is in logical (CSS) pixels and is tested natively with
// go test; package main in wasm/ turns real input into an Input and draws
// the widgets a scene model puts in its display list (package paint).
//
// A scene uses a widget in three steps:
//
//	// once (constructor)
//	lr := &ui.Slider{Label: "learning rate η", Tip: "step size", Min: 1e-4, Max: 1, Log: true, Value: 0.01}
//	// every Update: lay out, then feed the input snapshot
//	col := ui.NewColumn(panel, 8)
//	lr.Rect = col.Next(lr.Height())
//	if lr.Update(in) { /* lr.Value changed */ }
//	// when its display list is built: list.Widget(lr) (package paint)
package ui
