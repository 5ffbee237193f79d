//go:build js && wasm

package main

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/digitsview"
	"digitlab/nn"
	"digitlab/plot"
	"digitlab/ui"
)

// Colours of the probability bars, as in seed 003: the true class red,
// the predicted class green, the others blue.
var (
	colBarTrue  = color.RGBA{0xd6, 0x3a, 0x2f, 0xff}
	colBarPred  = color.RGBA{0x2e, 0x9e, 0x4f, 0xff}
	colBarOther = color.RGBA{0x3b, 0x6f, 0xd6, 0xff}
	colBarBack  = color.RGBA{0xf1, 0xf3, 0xf6, 0xff}
)

// drawCurrent draws the current image with its block and hover marks, its
// label and prediction, the bars and the 8×8 matrix.
func (d *digitsScene) drawCurrent(screen *ebiten.Image) {
	m := d.m
	L := &m.L
	in := ui.PanelContent(L.ImgPanel, m.ImgTitle())
	if m.CurX == nil {
		textIn(screen, m.WaitText(), L.ImgRect, sizeBody, FontRegular, colMuted, AlignCenter)
	} else {
		d.curPix.Show(screen, L.ImgRect, &m.CurPix)
		strokeRect(screen, L.ImgRect.Inset(-1), 1, colBorder)
		side := m.ImageSide()
		cell := L.ImgRect.W / float64(side)
		r0, c0 := m.BlockOrigin()
		strokeRect(screen, ui.Rect{X: L.ImgRect.X + float64(c0)*cell - 1, Y: L.ImgRect.Y + float64(r0)*cell - 1,
			W: float64(min(8, side))*cell + 2, H: float64(min(8, side))*cell + 2}, 1.5, colAccent2)
		if m.HoverPx >= 0 {
			hr, hc := m.HoverPx/side, m.HoverPx%side
			strokeRect(screen, ui.Rect{X: L.ImgRect.X + float64(hc)*cell, Y: L.ImgRect.Y + float64(hr)*cell, W: cell, H: cell}, 1.5, colAccent)
		}
		text, verdict, label := m.CurrentCaption()
		y := L.ImgRect.Bottom() + 4
		drawText(screen, text, in.X, y, sizeBody, FontRegular, colText, AlignStart)
		drawInfo(screen, verdict, in.Right(), y, sizeBody, AlignEnd)
		d.drawBars(screen, L.BarsRect, m.CurP, label)
	}
	d.drawMatrix(screen)
}

// drawMatrix prints the 8×8 block's values (seed 003, section 1), each
// cell shaded like its pixel.
func (d *digitsScene) drawMatrix(screen *ebiten.Image) {
	m := d.m
	in := ui.PanelContent(m.L.MatPanel, digitsview.MatTitle)
	if m.CurX == nil {
		return
	}
	side := m.ImageSide()
	r0, c0 := m.BlockOrigin()
	mat := digitsview.Matrix(m.CurX, side, side, r0, c0)
	drawInfo(screen, m.MatrixCaption(), in.X, in.Y, sizeSmall, AlignStart)
	grid := ui.Rect{X: in.X, Y: in.Y + ui.LineHeight(sizeSmall) + 2, W: in.W, H: 8 * digitsview.MatrixRowH}
	cw, rh := grid.W/8, digitsview.MatrixRowH
	mx := m.PixelMax()
	for i := range 8 {
		for j := range 8 {
			v := mat[i][j]
			cell := ui.Rect{X: grid.X + float64(j)*cw, Y: grid.Y + float64(i)*rh, W: cw - 1, H: rh - 1}
			t := 0.0
			if !math.IsNaN(v) {
				t = math.Max(0, math.Min(1, v/mx))
			}
			g := uint8(255 - 200*t)
			fillRect(screen, cell, color.RGBA{g, g, g, 0xff})
			fg := colText
			if t > 0.55 {
				fg = colPanel
			}
			if m.HoverPx >= 0 && m.HoverPx == (r0+i)*side+c0+j {
				strokeRect(screen, cell, 1.5, colAccent)
			}
			textIn(screen, digitsview.Cell(v, m.Cfg.Raw), cell, sizeSmall-1, FontMono, fg, AlignCenter)
		}
	}
}

// barColor is the colour of class k's bar: the true class red, the
// predicted green, the others blue.
func barColor(k, label, pred int) color.Color {
	switch k {
	case label:
		return colBarTrue
	case pred:
		return colBarPred
	}
	return colBarOther
}

// drawBars draws one vertical bar per class (seed 003's colours) with the
// class names under them and the predicted probability over its bar.
func (d *digitsScene) drawBars(screen *ebiten.Image, r ui.Rect, probs []float32, label int) {
	if len(probs) == 0 {
		return
	}
	if !digitsview.FiniteProbs(probs) {
		fillRect(screen, r, colBarBack)
		textIn(screen, "no probabilities: the weights are not numbers", r, sizeSmall, FontRegular, colBad, AlignCenter)
		return
	}
	lblH := ui.LineHeight(sizeSmall)
	area := ui.Rect{X: r.X, Y: r.Y + lblH, W: r.W, H: r.H - 2*lblH - 2}
	vals := make([]float64, len(probs))
	for i, p := range probs {
		vals[i] = float64(p)
	}
	pred := nn.Argmax(probs)
	gap := math.Min(6, area.W/float64(len(vals))*0.2)
	for _, b := range plot.ProbBars(plot.Rect{X0: area.X, Y0: area.Y, X1: area.Right(), Y1: area.Bottom()}, vals, gap, true) {
		full := ui.Rect{X: b.Full.X0, Y: b.Full.Y0, W: b.Full.W(), H: b.Full.H()}
		fillRect(screen, full, colBarBack)
		c := barColor(b.Index, label, pred)
		fillRect(screen, ui.Rect{X: b.Fill.X0, Y: b.Fill.Y0, W: b.Fill.W(), H: b.Fill.H()}, c)
		drawText(screen, d.m.ClassName(b.Index), full.X+full.W/2, area.Bottom()+2, sizeSmall, FontRegular, colText, AlignCenter)
		if b.Index == pred {
			drawText(screen, fmt.Sprintf("%.2f", vals[b.Index]), full.X+full.W/2, b.Fill.Y0-lblH, sizeSmall, FontBold, c, AlignCenter)
		}
	}
	strokeLine(screen, area.X, area.Bottom(), area.Right(), area.Bottom(), 1, colBorder)
}

// drawMiniBars draws small probability bars without labels.
func drawMiniBars(screen *ebiten.Image, r ui.Rect, probs []float32, label int) {
	vals := make([]float64, len(probs))
	for i, p := range probs {
		vals[i] = float64(p)
	}
	pred := nn.Argmax(probs)
	for _, b := range plot.ProbBars(plot.Rect{X0: r.X, Y0: r.Y, X1: r.Right(), Y1: r.Bottom()}, vals, 1, true) {
		fillRect(screen, ui.Rect{X: b.Full.X0, Y: b.Full.Y0, W: b.Full.W(), H: b.Full.H()}, colBarBack)
		fillRect(screen, ui.Rect{X: b.Fill.X0, Y: b.Fill.Y0, W: b.Fill.W(), H: math.Max(b.Fill.H(), 1)}, barColor(b.Index, label, pred))
	}
}

// drawWeights draws the first layer's weights as pictures and the colour
// legend: red negative, white zero, blue positive.
func (d *digitsScene) drawWeights(screen *ebiten.Image) {
	m := d.m
	in := ui.PanelContent(m.L.WPanel, digitsview.WeightsTitle)
	if m.Model() == nil {
		textIn(screen, m.WaitText(), m.L.WArea, sizeBody, FontRegular, colMuted, AlignCenter)
		return
	}
	drawText(screen, m.WeightsHeading(), in.X, in.Y, sizeBody, FontRegular, colText, AlignStart)
	d.wPix.Show(screen, m.L.WArea, &m.WPix)
	leg := m.L.WLegend
	bar := ui.Rect{X: leg.X, Y: leg.Y + 4, W: math.Min(240, leg.W/2), H: 10}
	n := 60
	for i := range n {
		c := plot.Diverging.At(float64(i) / float64(n-1))
		fillRect(screen, ui.Rect{X: bar.X + bar.W*float64(i)/float64(n), Y: bar.Y, W: bar.W/float64(n) + 0.5, H: bar.H}, c)
	}
	strokeRect(screen, bar, 1, colBorder)
	ty, norm := bar.Bottom()+1, m.Weights.Norm
	drawText(screen, fmt.Sprintf("%.2g", norm.Min), bar.X, ty, sizeSmall, FontRegular, colMuted, AlignStart)
	drawText(screen, "0", bar.X+bar.W/2, ty, sizeSmall, FontRegular, colMuted, AlignCenter)
	drawText(screen, fmt.Sprintf("+%.2g", norm.Max), bar.Right(), ty, sizeSmall, FontRegular, colMuted, AlignEnd)
	drawText(screen, "red: negative weight, white: zero, blue: positive (one scale for all)", bar.Right()+16, bar.Y-2, sizeSmall, FontRegular, colMuted, AlignStart)
}

// drawMistakes draws the thumbnails of the misclassified test images
// with their bars and the selected one large.
func (d *digitsScene) drawMistakes(screen *ebiten.Image) {
	m := d.m
	L := &m.L
	in := ui.PanelContent(L.MistPanel, digitsview.MistakesTitle)
	drawInfo(screen, m.MistakesHeader(), in.X, in.Y, sizeBody, AlignStart)
	d.mistPix.Show(screen, L.MistGrid, &m.MistPix)
	const side, bars = digitsview.MistImg, digitsview.MistBars
	for i, c := range L.MistCells {
		w := &m.Snap.Mistakes[i]
		img := ui.Rect{X: c.X, Y: c.Y, W: side, H: side}
		if w.Index == m.Sel {
			strokeRect(screen, img.Inset(-3), 2, colAccent)
		}
		drawMiniBars(screen, ui.Rect{X: c.X, Y: img.Bottom() + 2, W: side, H: bars}, w.Probs, w.Label)
		drawText(screen, m.MistakeCaption(i), c.X+side/2, img.Bottom()+bars+3, sizeSmall, FontRegular, colText, AlignCenter)
	}
	// The selected one, large.
	bin := ui.PanelContent(L.MistBig, digitsview.SelectedTitle)
	if !m.ShowsSelected() {
		textIn(screen, "click a mistake", L.MistImgRect, sizeBody, FontRegular, colMuted, AlignCenter)
		return
	}
	d.curPix.Show(screen, L.MistImgRect, &m.CurPix)
	head, at, now := m.SelectedText()
	drawText(screen, head, bin.X, L.MistImgRect.Bottom()+6, sizeBody, FontRegular, colText, AlignStart)
	d.drawBars(screen, L.MistBigBars, m.SelWrong.Probs, m.SelWrong.Label)
	y := L.MistBigBars.Bottom() + 6
	drawText(screen, at, bin.X, y, sizeSmall, FontRegular, colMuted, AlignStart)
	drawInfo(screen, now, bin.X, y+ui.LineHeight(sizeSmall), sizeSmall, AlignStart)
}
