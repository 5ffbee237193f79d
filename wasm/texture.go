//go:build js && wasm

package main

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Texture is a CPU raster (plot.Raster: a heatmap, a digit, a chart) and
// its GPU copy, uploaded only on the frames where the raster's pixels
// changed. Either the scene renders into the texture's own raster (Fit or
// SetSize, RGBA, then Upload) and Draw shows it, or a scene model owns the
// raster and Show uploads and shows that.
//
// Sizing the own raster:
//   - Fit(r): one pixel per device pixel of r (crisp heatmaps); Fit
//     reports whether the size changed, in which case render again.
//   - SetSize(w, h): a fixed small image (28×28 digit) that Draw scales up
//     with nearest-neighbour filtering so pixels stay sharp squares.
type Texture struct {
	own plot.Raster
	img *ebiten.Image
	gen uint64 // the raster generation img holds
	src *image.RGBA
}

// Fit makes the own raster one pixel per device pixel of r and reports
// whether it was (re)allocated, meaning its pixels must be rendered again.
func (t *Texture) Fit(r ui.Rect) (resized bool) {
	return t.own.Fit(int(r.W*dpr+0.5), int(r.H*dpr+0.5))
}

// SetSize makes the own raster w×h pixels (at least 1×1) and reports
// whether it was (re)allocated.
func (t *Texture) SetSize(w, h int) (resized bool) { return t.own.Fit(w, h) }

// RGBA is the own raster's pixels to render into (nil before Fit/SetSize).
func (t *Texture) RGBA() *image.RGBA { return t.own.Img }

// Size is the own raster's size in pixels.
func (t *Texture) Size() (w, h int) {
	if t.own.Img == nil {
		return 0, 0
	}
	return t.own.Img.Rect.Dx(), t.own.Img.Rect.Dy()
}

// Upload marks the own raster's pixels changed: the next Draw uploads them.
func (t *Texture) Upload() { t.own.Touch() }

// Draw draws the own raster stretched over r (logical pixels), with
// nearest-neighbour filtering.
func (t *Texture) Draw(dst *ebiten.Image, r ui.Rect) { t.Show(dst, r, &t.own) }

// Show draws src stretched over r, uploading its pixels first if they
// changed since the last Show.
func (t *Texture) Show(dst *ebiten.Image, r ui.Rect, src *plot.Raster) {
	if src.Img == nil {
		return
	}
	w, h := src.Img.Rect.Dx(), src.Img.Rect.Dy()
	if t.img == nil || t.img.Bounds().Dx() != w || t.img.Bounds().Dy() != h {
		if t.img != nil {
			t.img.Deallocate()
		}
		t.img = ebiten.NewImage(w, h)
		t.src = nil
	}
	if t.src != src.Img || t.gen != src.Gen {
		t.img.WritePixels(src.Img.Pix)
		t.src, t.gen = src.Img, src.Gen
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(r.W*dpr/float64(w), r.H*dpr/float64(h))
	op.GeoM.Translate(r.X*dpr, r.Y*dpr)
	op.Filter = ebiten.FilterNearest
	dst.DrawImage(t.img, op)
}
