//go:build js && wasm

package main

// NewDigits returns the Digits scene, the trainer (DESIGN scene 1). It is
// built in digits_run.go (the client of the trainer worker, the JS
// figures), digits_controls.go (the sidebar), digits_panels.go (the
// views), digits_chart.go (loss and accuracy charts), digits_pad.go (the
// drawing pad) and digits_io.go (saving and loading weights); its maths is
// in the packages digitsview, pad, train and nn.
func NewDigits(tr *trainerClient) *digitsScene { return newDigitsScene(tr) }
