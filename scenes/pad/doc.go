// Package pad is Digit Lab's drawing pad without the screen: strokes drawn
// with a soft round brush into a square canvas, and the pre-processing that
// turns the canvas into the 28×28 image an MNIST network expects, done the
// way MNIST itself was made (LeCun et al.): the ink's bounding box is scaled
// to fit a 20×20 box keeping its aspect ratio, with anti-aliasing (area
// averaging), and the 20×20 box is placed in the 28×28 field so that the
// centre of mass of the ink lands on the centre of the field.
//
// It imports no Ebiten and is tested natively. Coordinates given to the
// canvas are in pad units, (0,0) top-left to (1,1) bottom-right, so the
// screen size of the pad does not matter.
//
//	c := pad.NewCanvas(pad.DefaultN, pad.DefaultRadius)
//	c.Begin(0.5, 0.2) // pointer down
//	c.LineTo(0.5, 0.8) // pointer moves
//	c.End()            // pointer up
//	x := pad.MNIST(nil, c.Pix, c.N) // 784 values in 0..1, row-major 28×28
package pad
