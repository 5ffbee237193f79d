//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
)

// pageImage is the picture of a ui.Page (phones, tablets) the scene draws
// on; show puts its visible part on the screen. Made again only when the
// page outgrows it (the view's part of the screen: when the view moves).
type pageImage struct {
	img, screen, view *ebiten.Image
	at                ui.Rect
	op                ebiten.DrawImageOptions
}

// target is what the scene draws on: the page's picture, or the screen.
func (p *pageImage) target(screen *ebiten.Image, pg *ui.Page) *ebiten.Image {
	if !pg.On {
		return screen
	}
	if w, h := screen.Bounds().Dx(), int(min(pg.H, ui.PageMax(dpr))*dpr+0.5); p.img == nil || p.img.Bounds().Dx() != w || p.img.Bounds().Dy() < h {
		if p.img != nil {
			p.img.Deallocate()
		}
		p.img = ebiten.NewImage(w, h)
	}
	return p.img
}

// show draws the page's visible part into its view on the screen, and the
// scroll bar.
func (p *pageImage) show(screen *ebiten.Image, pg *ui.Page) {
	if pg.On && p.img != nil {
		if p.screen != screen || p.at != pg.View {
			p.screen, p.at, p.view = screen, pg.View, screen.SubImage(deviceRect(pg.View)).(*ebiten.Image)
		}
		p.view.Fill(colBg)
		p.op.GeoM.Reset()
		p.op.GeoM.Translate(pg.View.X*dpr, pg.Offset()*dpr)
		p.view.DrawImage(p.img, &p.op)
		if thumb, ok := pg.Thumb(); ok {
			fillRoundRect(screen, thumb, 1.5, colMuted)
		}
	}
}
