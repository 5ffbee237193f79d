//go:build js && wasm

package main

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Texture is the GPU copy of a scene model's CPU raster (plot.Raster: a
// heatmap, a digit, the weights), uploaded only on the frames where the
// raster's pixels changed (its Gen moved).
type Texture struct {
	img *ebiten.Image
	gen uint64      // the raster generation img holds
	src *image.RGBA // the raster pixels img holds
}

// Show draws src stretched over r (logical pixels) with nearest-neighbour
// filtering, uploading its pixels first if they changed since the last
// Show.
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
