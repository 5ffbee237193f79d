package plot

import "image"

// ScaleGray draws the w×h grayscale sample src ((h, w) row-major:
// src[r*w+c]) into the rectangle r of dst by nearest-neighbour scaling,
// colouring each value with cm through n (e.g. Gray with Norm{0,1} for
// pixels in 0..1, Diverging with Symmetric for weights). Pixels of r outside
// dst are skipped. It panics if len(src) != w*h or w, h < 1.
func ScaleGray(dst *image.RGBA, r image.Rectangle, src []float32, w, h int, cm ColorMap, n Norm) {
	if w < 1 || h < 1 || len(src) != w*h {
		panic("plot: ScaleGray: len(src) != w*h")
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
			c := cm.At(n.T(float64(src[sr*w+sc])))
			p := dst.Pix[off : off+4 : off+4]
			p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
			off += 4
		}
	}
}

// ScaleGray8 is ScaleGray for 0..255 bytes (mapped to 0..1 before n).
func ScaleGray8(dst *image.RGBA, r image.Rectangle, src []uint8, w, h int, cm ColorMap, n Norm) {
	if w < 1 || h < 1 || len(src) != w*h {
		panic("plot: ScaleGray8: len(src) != w*h")
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
			c := cm.At(n.T(float64(src[sr*w+sc]) / 255))
			p := dst.Pix[off : off+4 : off+4]
			p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
			off += 4
		}
	}
}
