// Package digitsview is everything of Digit Lab's Digits scene that can be
// computed without a screen: the trainer's options (which presets fit which
// task, their seeds' defaults, parsing and validating the URL and JS
// options), preparing the data sets for a task, the running and periodic
// curves as plot.LineChart models (NaN and ±Inf are never plotted, the
// dummy baseline log k is a line), the first layer's weights as images, a
// sliced evaluation that collects the misclassified test images, and the
// pixel matrix of an 8×8 block. The wasm scene only wires widgets to it and
// draws. The package imports no Ebiten and is tested natively.
package digitsview
