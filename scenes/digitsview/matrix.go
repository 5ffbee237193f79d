package digitsview

import (
	"math"
	"strconv"
)

// Block is the size of the pixel-matrix view: seed 003 prints an 8×8 block.
const Block = 8

// BlockAt returns the top-left pixel (row, col) of the Block×Block block
// centred as well as possible on pixel (row, col) of an h×w image, kept
// inside the image.
func BlockAt(row, col, h, w int) (r0, c0 int) {
	r0 = min(max(row-Block/2+1, 0), max(h-Block, 0))
	c0 = min(max(col-Block/2+1, 0), max(w-Block, 0))
	return r0, c0
}

// Matrix returns the values of the Block×Block block at (r0, c0) of the
// h×w image img ((h, w) row-major), row by row; cells outside the image
// are NaN. It panics if len(img) != h*w.
func Matrix(img []float32, h, w, r0, c0 int) [Block][Block]float64 {
	if len(img) != h*w {
		panic("digitsview: Matrix: len(img) != h*w")
	}
	var m [Block][Block]float64
	for i := range Block {
		for j := range Block {
			r, c := r0+i, c0+j
			if r < 0 || r >= h || c < 0 || c >= w {
				m[i][j] = math.NaN()
				continue
			}
			m[i][j] = float64(img[r*w+c])
		}
	}
	return m
}

// Cell formats one pixel value for the matrix view: whole numbers for raw
// pixels (0..255, 0..16), two decimals for normalised ones ("0.31", "1",
// "0"), "·" for NaN (outside the image), "-" prefix for negatives (noise
// never makes them; weights might).
func Cell(v float64, raw bool) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "·"
	case v == 0:
		return "0"
	case raw:
		return strconv.Itoa(int(math.Round(v)))
	case v == 1:
		return "1"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
