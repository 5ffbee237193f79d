package pad

import "math"

// MNIST geometry: images are Side×Side with the digit's bounding box scaled
// into a Box×Box square.
const (
	Side = 28
	Box  = 20
)

// inkMin is the smallest value that counts as ink for the bounding box.
const inkMin = 1e-3

// Bounds returns the bounding box of the ink (values > 0.001) of the w×h
// image src ((h, w) row-major) as half-open pixel ranges [x0,x1)×[y0,y1);
// ok is false when there is no ink. It panics if len(src) != w*h.
func Bounds(src []float32, w, h int) (x0, y0, x1, y1 int, ok bool) {
	if len(src) != w*h {
		panic("pad: Bounds: len(src) != w*h")
	}
	x0, y0, x1, y1 = w, h, 0, 0
	for y := range h {
		row := src[y*w : (y+1)*w]
		for x, v := range row {
			if v > inkMin {
				x0, x1 = min(x0, x), max(x1, x+1)
				y0, y1 = min(y0, y), max(y1, y+1)
			}
		}
	}
	if x1 <= x0 {
		return 0, 0, 0, 0, false
	}
	return x0, y0, x1, y1, true
}

// CenterOfMass returns the ink's centre of mass of the w×h image src in
// continuous coordinates where pixel (x, y) covers [x,x+1)×[y,y+1), so the
// centre of a 28×28 image is (14, 14). ok is false when the total ink is 0
// (then cx = cy = NaN is never returned: both are 0).
func CenterOfMass(src []float32, w, h int) (cx, cy float64, ok bool) {
	if len(src) != w*h {
		panic("pad: CenterOfMass: len(src) != w*h")
	}
	var m, mx, my float64
	for y := range h {
		row := src[y*w : (y+1)*w]
		for x, v := range row {
			if v > 0 {
				m += float64(v)
				mx += float64(v) * (float64(x) + 0.5)
				my += float64(v) * (float64(y) + 0.5)
			}
		}
	}
	if !(m > 0) {
		return 0, 0, false
	}
	return mx / m, my / m, true
}

// fitBox resamples the ink of the n×n image src into the side×side image
// dst (overwritten): the bounding box is scaled so that its longer side is
// side pixels, keeping the aspect ratio, centred in dst, with area
// averaging (each output pixel is the mean ink over the part of the canvas
// it covers), so values stay in 0..1. It returns false for a blank src
// (dst all zero).
func fitBox(dst, src []float32, n, side int) bool {
	clear(dst)
	x0, y0, x1, y1, ok := Bounds(src, n, n)
	if !ok {
		return false
	}
	bw, bh := x1-x0, y1-y0
	s := float64(side) / float64(max(bw, bh)) // output pixels per canvas pixel
	ox := (float64(side) - float64(bw)*s) / 2
	oy := (float64(side) - float64(bh)*s) / 2
	// Separable area weights: canvas column x covers [ox+(x-x0)s, ox+(x-x0+1)s)
	// in output units, overlapping a few output columns.
	for y := y0; y < y1; y++ {
		v0 := oy + float64(y-y0)*s
		v1 := v0 + s
		for x := x0; x < x1; x++ {
			ink := float64(src[y*n+x])
			if ink <= 0 {
				continue
			}
			u0 := ox + float64(x-x0)*s
			u1 := u0 + s
			for r := int(v0); r < side && float64(r) < v1; r++ {
				wy := math.Min(v1, float64(r+1)) - math.Max(v0, float64(r))
				if wy <= 0 {
					continue
				}
				for c := int(u0); c < side && float64(c) < u1; c++ {
					wx := math.Min(u1, float64(c+1)) - math.Max(u0, float64(c))
					if wx > 0 {
						dst[r*side+c] += float32(ink * wx * wy)
					}
				}
			}
		}
	}
	for i, v := range dst {
		dst[i] = min(v, 1) // rounding only: area weights sum to ≤ 1 per pixel
	}
	return true
}

// MNIST pre-processes the n×n canvas src as MNIST was made and writes the
// 28×28 result (row-major, ink 0..1) into dst[:784], which it returns
// (allocating when cap(dst) < 784): the ink's bounding box is scaled to fit
// 20×20 keeping its aspect ratio (area-averaged, so anti-aliased), then the
// 20×20 box is placed at the whole-pixel offset that brings the ink's
// centre of mass nearest to (14, 14) — within half a pixel on each axis,
// unless that would push ink out of the field, in which case the box stays
// inside. A blank canvas gives all zeros. It panics if len(src) != n*n.
func MNIST(dst, src []float32, n int) []float32 {
	if len(src) != n*n {
		panic("pad: MNIST: len(src) != n*n")
	}
	if cap(dst) < Side*Side {
		dst = make([]float32, Side*Side)
	}
	dst = dst[:Side*Side]
	clear(dst)
	var box [Box * Box]float32
	if !fitBox(box[:], src, n, Box) {
		return dst
	}
	cx, cy, _ := CenterOfMass(box[:], Box, Box)
	x0, y0, x1, y1, _ := Bounds(box[:], Box, Box)
	// Placing box pixel (x, y) at (x+bx, y+by) moves the centre of mass to
	// (cx+bx, cy+by); the nearest whole shift to (14, 14) is round(14-c),
	// limited so that the ink [x0,x1)×[y0,y1) stays inside the field.
	bx := min(max(int(math.Round(Side/2-cx)), -x0), Side-x1)
	by := min(max(int(math.Round(Side/2-cy)), -y0), Side-y1)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			dst[(y+by)*Side+x+bx] = box[y*Box+x]
		}
	}
	return dst
}

// Digits8 pre-processes the n×n canvas src like scikit-learn's 8×8 digits
// (a bounding box scaled to fill the 8×8 field keeping its aspect ratio,
// each value the share of ink in its block) into dst[:64], which it
// returns; values are in 0..1 (multiply by 16 for the raw scale). A blank
// canvas gives zeros. It panics if len(src) != n*n.
func Digits8(dst, src []float32, n int) []float32 {
	if len(src) != n*n {
		panic("pad: Digits8: len(src) != n*n")
	}
	if cap(dst) < 64 {
		dst = make([]float32, 64)
	}
	dst = dst[:64]
	fitBox(dst, src, n, 8)
	return dst
}
