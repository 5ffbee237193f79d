//go:build js && wasm

package main

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/ui"
)

// Panel is one ebiten.Image holding CPU-rendered pixels (a heatmap, a digit,
// a chart): the scene renders into RGBA() with an ebiten-free package (plot,
// datasets…) and calls Upload only when the picture changed, then Draw puts
// it on screen every frame. This keeps GPU uploads to the frames where
// something changed.
//
// Two ways to size it:
//   - Fit(r): one image pixel per device pixel of r (crisp heatmaps);
//     Fit reports whether the size changed, in which case render again.
//   - SetSize(w, h): a fixed small image (28×28 digit) that Draw scales up
//     with nearest-neighbour filtering so pixels stay sharp squares.
type Panel struct {
	img  *ebiten.Image
	rgba *image.RGBA
}

// Fit makes the panel one image pixel per device pixel of r and reports
// whether it was (re)allocated, meaning its pixels must be rendered again.
func (p *Panel) Fit(r ui.Rect) (resized bool) {
	w, h := int(r.W*dpr+0.5), int(r.H*dpr+0.5)
	return p.SetSize(w, h)
}

// SetSize makes the panel w×h pixels (at least 1×1) and reports whether it
// was (re)allocated.
func (p *Panel) SetSize(w, h int) (resized bool) {
	w, h = max(w, 1), max(h, 1)
	if p.rgba != nil && p.rgba.Rect.Dx() == w && p.rgba.Rect.Dy() == h {
		return false
	}
	if p.img != nil {
		p.img.Deallocate()
	}
	p.img = ebiten.NewImage(w, h)
	p.rgba = image.NewRGBA(image.Rect(0, 0, w, h))
	return true
}

// RGBA is the CPU-side buffer to render into (nil before Fit/SetSize).
func (p *Panel) RGBA() *image.RGBA { return p.rgba }

// Size is the panel's size in pixels.
func (p *Panel) Size() (w, h int) {
	if p.rgba == nil {
		return 0, 0
	}
	return p.rgba.Rect.Dx(), p.rgba.Rect.Dy()
}

// Upload copies the RGBA buffer to the GPU image. Call it only when the
// pixels changed.
func (p *Panel) Upload() {
	if p.img != nil {
		p.img.WritePixels(p.rgba.Pix)
	}
}

// Draw draws the panel's image stretched over r (logical pixels), with
// nearest-neighbour filtering.
func (p *Panel) Draw(dst *ebiten.Image, r ui.Rect) {
	if p.img == nil {
		return
	}
	w, h := p.Size()
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(r.W*dpr/float64(w), r.H*dpr/float64(h))
	op.GeoM.Translate(r.X*dpr, r.Y*dpr)
	op.Filter = ebiten.FilterNearest
	dst.DrawImage(p.img, op)
}
