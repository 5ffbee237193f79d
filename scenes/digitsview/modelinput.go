package digitsview

import (
	"digitlab/datasets"
	"digitlab/nn"
	"digitlab/scenes/pad"
)

// ModelInput turns a 28×28 image in 0..1 (a drawing after pad.MNIST, or
// one of my digits) into the input of a model with input shape in, in
// buf, and returns it: as it is for MNIST's 28×28 models, shrunk to 8×8
// (pad.Digits8) for the 8×8 task's; raw (Config.Raw) scales it to the
// raw pixel range the model trains on, 0..255 or 0..16. It allocates only
// when cap(buf) is too small. The page's predictions and the worker's
// training on my digits both use it.
func ModelInput(buf []float32, px28 []float32, in nn.Shape, raw bool) []float32 {
	var x []float32
	scale := float32(1)
	if in.H == 8 {
		x = pad.Digits8(buf, px28, 28)
		if raw {
			scale = datasets.DigitsMax
		}
	} else {
		if cap(buf) < len(px28) {
			buf = make([]float32, len(px28))
		}
		x = buf[:len(px28)]
		copy(x, px28)
		if raw {
			scale = 255
		}
	}
	if scale != 1 {
		for i := range x {
			x[i] *= scale
		}
	}
	return x
}
