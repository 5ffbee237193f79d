//go:build js && wasm

package main

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// painter draws a scene model's display lists (package paint). It keeps
// the GPU copies of the lists' rasters (uploaded when they change) and
// calls custom for the scene's own drawing (paint.KCustom).
type painter struct {
	tex    map[*plot.Raster]*Texture
	custom func(dst *ebiten.Image, id int)
}

// draw draws l's ops in order onto dst.
func (p *painter) draw(dst *ebiten.Image, l *paint.List) {
	target := dst
	for i := range l.Ops {
		o := &l.Ops[i]
		switch o.Kind {
		case paint.KText:
			if o.R.Empty() {
				drawText(target, o.S, o.X0, o.Y0, o.Size, o.Font, o.C, o.Align)
			} else {
				textIn(target, o.S, o.R, o.Size, o.Font, o.C, o.Align)
			}
		case paint.KFill:
			fillRect(target, o.R, o.C)
		case paint.KStroke:
			strokeRect(target, o.R, o.W, o.C)
		case paint.KRound:
			fillRoundRect(target, o.R, o.Rad, o.C)
		case paint.KRoundStroke:
			strokeRoundRect(target, o.R, o.Rad, o.W, o.C)
		case paint.KLine:
			strokeLine(target, o.X0, o.Y0, o.X1, o.Y1, o.W, o.C)
		case paint.KDisc:
			fillCircle(target, o.X0, o.Y0, o.Rad, o.C)
		case paint.KCircle:
			strokeCircle(target, o.X0, o.Y0, o.Rad, o.W, o.C)
		case paint.KPanel:
			drawPanel(target, o.R, o.S)
		case paint.KWidget:
			drawWidget(target, o.Widget, o.Primary)
		case paint.KRaster:
			p.texture(o.Raster).Show(target, o.R, o.Raster)
		case paint.KClip:
			target = dst.SubImage(deviceRect(o.R)).(*ebiten.Image)
		case paint.KUnclip:
			target = dst
		case paint.KSegs:
			b := scratch(aliasing(o.Aliased))
			b.worldSegs(o.VP, o.Segs, px(o.W), o.C)
			b.draw(target)
		case paint.KLines:
			b := scratch(aliasing(o.Aliased))
			b.worldLines(o.VP, o.Lines, px(o.W), o.C)
			b.draw(target)
		case paint.KDots:
			b := scratch(aliasing(o.Aliased))
			for _, q := range o.Dots {
				x, y := o.VP.ToPixel(q.X, q.Y)
				b.disc(x, y, o.Rad*dpr)
			}
			b.fill(o.C)
			b.draw(target)
		case paint.KCustom:
			if p.custom != nil {
				p.custom(target, o.ID)
			}
		}
	}
}

// texture returns the GPU copy of r.
func (p *painter) texture(r *plot.Raster) *Texture {
	t := p.tex[r]
	if t == nil {
		if p.tex == nil {
			p.tex = map[*plot.Raster]*Texture{}
		}
		t = &Texture{}
		p.tex[r] = t
	}
	return t
}

// drawWidget draws a *ui.Button (primary: as the panel's main action),
// *ui.Toggle, *ui.Slider, *ui.Choice or the *ui.Tabs.
func drawWidget(dst *ebiten.Image, w any, primary bool) {
	switch w := w.(type) {
	case *ui.Button:
		if primary {
			drawPrimaryButton(dst, w)
		} else {
			drawButton(dst, w)
		}
	case *ui.Toggle:
		drawToggle(dst, w)
	case *ui.Slider:
		drawSlider(dst, w)
	case *ui.Choice:
		drawChoice(dst, w)
	case *ui.Tabs:
		drawTabs(dst, w)
	}
}

// deviceRect is the smallest rectangle of whole device pixels covering r.
func deviceRect(r ui.Rect) image.Rectangle {
	return image.Rect(int(math.Floor(r.X*dpr)), int(math.Floor(r.Y*dpr)), int(math.Ceil(r.Right()*dpr)), int(math.Ceil(r.Bottom()*dpr)))
}
