// Package ui holds the Ebiten-free half of Digit Lab's app shell: rectangles
// and layout, one input snapshot per tick, widget state machines (Button,
// Toggle, Slider, Choice, Tabs), tooltip timing and the URL query options.
//
// Everything here is in logical (CSS) pixels and is tested natively with
// go test; package main in wasm/ turns real input into an Input, calls the
// widgets' Update, and draws them.
//
// A scene uses a widget in three steps:
//
//	// once (constructor)
//	lr := &ui.Slider{Label: "learning rate η", Tip: "step size", Min: 1e-4, Max: 1, Log: true, Value: 0.01}
//	// every Update: lay out, then feed the input snapshot
//	col := ui.NewColumn(panel, 8)
//	lr.Rect = col.Next(lr.Height())
//	if lr.Update(in) { /* lr.Value changed */ }
//	// every Draw (in wasm/): drawSlider(screen, lr)
package ui
