package plot

import "image"

// ScaleGray draws the w×h grayscale sample src ((h, w) row-major:
// src[r*w+c]) into the rectangle r of dst by nearest-neighbour scaling,
// colouring each value with cm through n (e.g. Gray with Norm{0,1} for
// pixels in 0..1, Diverging with Symmetric for weights). Pixels of r outside
// dst are skipped. It panics if len(src) != w*h or w, h < 1.
func ScaleGray(dst *image.RGBA, r image.Rectangle, src []float32, w, h int, cm ColorMap, n Norm) {
	scaleGray(dst, r, src, 1, w, h, cm, n, "plot: ScaleGray: len(src) != w*h")
}

// ScaleGray8 is ScaleGray for 0..255 bytes (mapped to 0..1 before n).
func ScaleGray8(dst *image.RGBA, r image.Rectangle, src []uint8, w, h int, cm ColorMap, n Norm) {
	scaleGray(dst, r, src, 1.0/255, w, h, cm, n, "plot: ScaleGray8: len(src) != w*h")
}

// scaleGray is ScaleGray and ScaleGray8: each value is multiplied by k
// before n maps it to 0..1.
func scaleGray[T float32 | uint8](dst *image.RGBA, r image.Rectangle, src []T, k float64, w, h int, cm ColorMap, n Norm, msg string) {
	if w < 1 || h < 1 || len(src) != w*h {
		panic(msg)
	}
	clip := r.Intersect(dst.Bounds())
	if clip.Empty() {
		return
	}
	rw, rh := r.Dx(), r.Dy()
	for py := clip.Min.Y; py < clip.Max.Y; py++ {
		sr := (py - r.Min.Y) * h / rh
		off := dst.PixOffset(clip.Min.X, py)
		for px := clip.Min.X; px < clip.Max.X; px++ {
			sc := (px - r.Min.X) * w / rw
			c := cm.At(n.T(float64(src[sr*w+sc]) * k))
			p := dst.Pix[off : off+4 : off+4]
			p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
			off += 4
		}
	}
}
