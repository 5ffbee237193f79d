//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
)

// pageImage is the picture of a ui.Page (phones, tablets): the scene draws
// on it in page coordinates and show puts its visible part on the screen.
// It is made again only when the page outgrows it.
type pageImage struct{ img *ebiten.Image }

// target is the picture the scene draws on: the page's, at least as tall
// as the page, or the screen itself without a page.
func (p *pageImage) target(screen *ebiten.Image, pg *ui.Page) *ebiten.Image {
	w, h := screen.Bounds().Dx(), int(min(pg.H, ui.PageMax(dpr))*dpr+0.5)
	if pg.On && (p.img == nil || p.img.Bounds().Dx() != w || p.img.Bounds().Dy() < h) {
		if p.img != nil {
			p.img.Deallocate()
		}
		p.img = ebiten.NewImage(w, h)
	}
	if !pg.On {
		return screen
	}
	return p.img
}

// show draws the page's visible part into its view on the screen, and the
// scroll bar.
func (p *pageImage) show(screen *ebiten.Image, pg *ui.Page) {
	if pg.On && p.img != nil {
		dst := screen.SubImage(deviceRect(pg.View)).(*ebiten.Image)
		dst.Fill(colBg)
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(pg.View.X*dpr, pg.Offset()*dpr)
		dst.DrawImage(p.img, op)
		if thumb, ok := pg.Thumb(); ok {
			fillRoundRect(screen, thumb, 1.5, colMuted)
		}
	}
}
