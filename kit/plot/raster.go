package plot

import (
	"image"
	"image/color"
	"math"
)

// Raster is a CPU-side picture that a scene model renders into and the app
// uploads to the GPU only when Gen changed: the model calls Fit for its
// size, renders into Img, then Touch.
type Raster struct {
	Img *image.RGBA
	Gen uint64 // bumped by Touch each time the pixels changed
}

// Fit makes the raster w×h pixels (at least 1×1) and reports whether it
// was reallocated, in which case its pixels must be rendered again.
func (r *Raster) Fit(w, h int) (resized bool) {
	w, h = max(w, 1), max(h, 1)
	if r.Img != nil && r.Img.Rect.Dx() == w && r.Img.Rect.Dy() == h {
		return false
	}
	r.Img = image.NewRGBA(image.Rect(0, 0, w, h))
	r.Gen++
	return true
}

// Touch records that the pixels changed.
func (r *Raster) Touch() { r.Gen++ }

// Fade blends every pixel of img towards white by f (0 none, 1 white), so
// lines and points drawn over a heatmap stay readable.
func Fade(img *image.RGBA, f float64) {
	for i := 0; i < len(img.Pix); i += 4 {
		for c := 0; c < 3; c++ {
			v := float64(img.Pix[i+c])
			img.Pix[i+c] = uint8(v + f*(255-v) + 0.5)
		}
	}
}

// Dot rasterises an opaque disc of radius rad (image pixels) at the world
// point (x, y) into img, which shows world; edge colours the outer pixel
// ring. Parts outside img are skipped.
func Dot(img *image.RGBA, world Rect, x, y, rad float64, fill, edge color.RGBA) {
	b := img.Bounds()
	cx := (x - world.X0) / world.W() * float64(b.Dx())
	cy := (world.Y1 - y) / world.H() * float64(b.Dy())
	for py := int(math.Floor(cy - rad - 1)); py <= int(cy+rad+1); py++ {
		for px := int(math.Floor(cx - rad - 1)); px <= int(cx+rad+1); px++ {
			if !(image.Point{px, py}.In(b)) {
				continue
			}
			d := math.Hypot(float64(px)+0.5-cx, float64(py)+0.5-cy)
			if d > rad {
				continue
			}
			c := fill
			if d > rad-1 {
				c = edge
			}
			o := img.PixOffset(px, py)
			img.Pix[o], img.Pix[o+1], img.Pix[o+2], img.Pix[o+3] = c.R, c.G, c.B, 0xff
		}
	}
}

// Pale returns t mixed with white, keeping share of t's colour (0.4 keeps
// 40 %): a quiet background under level curves.
func Pale(t *Table, share float64) *Table {
	p := &Table{Name: t.Name + "-pale", NaN: t.NaN}
	mix := func(v uint8) uint8 { return uint8(share*float64(v) + (1-share)*255) }
	for _, c := range t.Stops {
		p.Stops = append(p.Stops, color.RGBA{mix(c.R), mix(c.G), mix(c.B), 255})
	}
	return p
}

// PaleSequential is Sequential kept at 40 %: Descent's background.
var PaleSequential = Pale(Sequential, 0.4)
