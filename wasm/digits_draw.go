//go:build js && wasm

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
	"digitlab/scenes/digitsview"
)

// Draw draws the scene as laid out by Update: the chrome (sidebar, panel
// cards, chart axes — many anti-aliased shapes, slow in software GL) from
// a cached layer redrawn only when it changes, then the live content.
func (d *digitsScene) Draw(screen *ebiten.Image) {
	d.chrome.draw(screen, d.Scene.ChromeKey(dpr), ui.Rect{}, d.drawChrome)
	d.drawLive(screen, false)
}

// DrawChanges redraws over the last frame only what training changed: the
// status line, and the current image or the charts when they changed (the
// other views: their panel). It declines while the data loads, over the
// divergence message and when the chrome changed.
func (d *digitsScene) DrawChanges(screen *ebiten.Image) bool {
	m := d.Scene
	if m.Waiting || d.tr.Failed != "" || m.Diverged() || d.chrome.img == nil || !d.chrome.fresh(m.ChromeKey(dpr)) {
		return false
	}
	d.drawLive(screen, true)
	return true
}

// drawLive draws the status line and the view's content; with changed,
// only the parts whose key differs from the last frame's, each first
// restored to the background and the chrome under it.
func (d *digitsScene) drawLive(screen *ebiten.Image, changed bool) {
	m := d.Scene
	L := &m.L
	redo := func(r ui.Rect) {
		if changed {
			d.chrome.restore(screen, r, colBg)
		}
	}
	if !changed || m.Live() {
		if info := m.InfoLine(); !changed || info != d.infoDrawn {
			redo(L.Info)
			d.p.draw(screen, m.InfoList())
			d.infoDrawn = info
		}
	}
	if m.Waiting {
		d.dataView.Draw(screen)
		return
	}
	switch m.View() {
	case digitsview.ViewTrain:
		key := m.ImageKey()
		left := ui.Rect{X: L.ImgPanel.X, Y: L.ImgPanel.Y, W: L.ImgPanel.W, H: L.MatPanel.Bottom() - L.ImgPanel.Y}
		if m.Racing() {
			left = L.RacePanel // (the race table takes the column)
		}
		if !changed || !d.imgLayer.fresh(key) {
			redo(left)
			d.imgLayer.draw(screen, key, left, d.drawCurrent)
		}
		if !changed || !d.chartLayer.fresh(m.ChartStamp) {
			redo(L.ChartRect)
			d.chartLayer.draw(screen, m.ChartStamp, L.ChartRect, d.drawCharts)
		}
	case digitsview.ViewWeights:
		if due(changed, m.WeightsKey(), &d.weightsDrawn) {
			redo(L.ViewArea)
			d.p.draw(screen, m.WeightsList())
		}
	case digitsview.ViewMistakes:
		if due(changed, m.MistakesKey(), &d.mistDrawn) {
			redo(L.ViewArea)
			d.p.draw(screen, m.MistakesList())
		}
	case digitsview.ViewDraw:
		if due(changed, m.PadKey(), &d.padDrawn) {
			redo(L.ViewArea)
			d.p.draw(screen, m.PadList())
		}
	case digitsview.ViewConfusion:
		if due(changed, m.ConfusionKey(), &d.confDrawn) {
			redo(L.ViewArea)
			d.p.draw(screen, m.ConfusionList())
		}
	case digitsview.ViewLine:
		if due(changed, m.LineKey(), &d.lineDrawn) {
			redo(L.ViewArea)
			d.p.draw(screen, m.LineList())
		}
	case digitsview.ViewInside:
		if due(changed, m.InsideKey(), &d.insideDrawn) {
			redo(L.ViewArea)
			d.p.draw(screen, m.InsideList())
		}
	}
	d.p.draw(screen, m.DivergedList())
}

// due reports whether a view whose content key is key must be drawn: on a
// full draw (changed false), or when key differs from the one drawn last
// (which it then records).
func due[K comparable](changed bool, key K, drawn *K) bool {
	if changed && key == *drawn {
		return false
	}
	*drawn = key
	return true
}

// The layers' renderings: the model's lists.
func (d *digitsScene) drawChrome(dst *ebiten.Image)  { d.p.draw(dst, d.Scene.ChromeList(dpr)) }
func (d *digitsScene) drawCurrent(dst *ebiten.Image) { d.p.draw(dst, d.Scene.CurrentList()) }
func (d *digitsScene) drawCharts(dst *ebiten.Image)  { d.p.draw(dst, d.Scene.ChartList(dpr)) }

// layer is an offscreen copy of slow-to-draw, rarely changing drawing,
// redrawn only when its key changes.
type layer[K comparable] struct {
	img     *ebiten.Image
	key     K
	ok      bool // img holds the drawing of key
	redraws int  // renders so far (status: how well the cache works)
}

// fresh reports whether the layer holds the drawing of key.
func (c *layer[K]) fresh(key K) bool { return c.ok && c.key == key }

// draw puts the part r (logical pixels; empty = all) of the layer on dst,
// first re-rendering it with render when the key or dst's size changed.
// render draws in screen coordinates; only r of it is kept.
func (c *layer[K]) draw(dst *ebiten.Image, key K, r ui.Rect, render func(*ebiten.Image)) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
		if c.img != nil {
			c.img.Deallocate()
		}
		c.img, c.ok = ebiten.NewImage(w, h), false
	}
	area := c.img.Bounds()
	if !r.Empty() {
		area = deviceRect(r).Intersect(area)
	}
	sub := c.img.SubImage(area).(*ebiten.Image)
	if !c.fresh(key) {
		sub.Clear()
		render(sub)
		c.key, c.ok = key, true
		c.redraws++
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(float64(area.Min.X), float64(area.Min.Y))
	dst.DrawImage(sub, op)
}

// restore puts the layer's part r (logical pixels, widened to whole device
// pixels) back on dst over the background colour bg, erasing what was
// drawn there: the first step of redrawing just that part.
func (c *layer[K]) restore(dst *ebiten.Image, r ui.Rect, bg color.Color) {
	area := deviceRect(r).Intersect(dst.Bounds())
	if area.Empty() {
		return
	}
	dst.SubImage(area).(*ebiten.Image).Fill(bg)
	if c.img == nil {
		return
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(float64(area.Min.X), float64(area.Min.Y))
	dst.DrawImage(c.img.SubImage(area).(*ebiten.Image), op)
}
