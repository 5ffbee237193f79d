package digitsview

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// paintCurrent draws the current image with its block and hover marks, its
// label and prediction, the bars and the 8×8 matrix.
func (s *Scene) paintCurrent(l *paint.List) {
	L := &s.L
	if s.Racing() {
		s.paintRaceTable(l)
		return
	}
	in := ui.PanelContent(L.ImgPanel, s.ImgTitle())
	if s.CurX == nil {
		l.TextIn(s.WaitText(), L.ImgRect, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
	} else {
		img := L.ImgRect
		l.Raster(img, &s.CurPix)
		l.Stroke(img.Inset(-1), 1, paint.Border)
		side := s.ImageSide()
		cell := img.W / float64(side)
		r0, c0 := s.BlockOrigin()
		l.Stroke(ui.Rect{X: img.X + float64(c0)*cell - 1, Y: img.Y + float64(r0)*cell - 1,
			W: float64(min(8, side))*cell + 2, H: float64(min(8, side))*cell + 2}, 1.5, paint.Accent2)
		if s.HoverPx >= 0 {
			hr, hc := s.HoverPx/side, s.HoverPx%side
			l.Stroke(ui.Rect{X: img.X + float64(hc)*cell, Y: img.Y + float64(hr)*cell, W: cell, H: cell}, 1.5, paint.Accent)
		}
		text, verdict, label := s.CurrentCaption()
		y := img.Bottom() + 4
		l.Legend(BarsPicture, ui.Rect{X: in.X, Y: y, W: in.W, H: ui.LineHeight(ui.FontSize)})
		legendCaption(l, text, in.X, y)
		info(l, verdict, in.Right(), y, ui.FontSize, paint.End)
		s.paintBars(l, L.BarsRect, s.CurP, label)
	}
	s.paintMatrix(l)
}

// paintMatrix prints the 8×8 block's values (seed 003, section 1), each
// cell shaded like its pixel.
func (s *Scene) paintMatrix(l *paint.List) {
	in := ui.PanelContent(s.L.MatPanel, MatTitle)
	if s.CurX == nil {
		return
	}
	side := s.ImageSide()
	r0, c0 := s.BlockOrigin()
	mat := Matrix(s.CurX, side, side, r0, c0)
	info(l, s.MatrixCaption(), in.X, in.Y, ui.SmallSize, paint.Start)
	grid := ui.Rect{X: in.X, Y: in.Y + ui.LineHeight(ui.SmallSize) + 2, W: in.W, H: 8 * matrixRowH()}
	cw, rh := grid.W/8, matrixRowH()
	mx := s.PixelMax()
	for i := range 8 {
		for j := range 8 {
			v := mat[i][j]
			cell := ui.Rect{X: grid.X + float64(j)*cw, Y: grid.Y + float64(i)*rh, W: cw - 1, H: rh - 1}
			t := 0.0
			if !math.IsNaN(v) {
				t = math.Max(0, math.Min(1, v/mx))
			}
			g := uint8(255 - 200*t)
			l.Fill(cell, color.RGBA{g, g, g, 0xff})
			fg := paint.Ink
			if t > 0.55 {
				fg = paint.Card
			}
			if s.HoverPx >= 0 && s.HoverPx == (r0+i)*side+c0+j {
				l.Stroke(cell, 1.5, paint.Accent)
			}
			l.TextIn(Cell(v, s.Cfg.Raw), cell, ui.DenseSize(), paint.Mono, fg, paint.Center)
		}
	}
}

// paintWeights draws the first layer's weights as pictures and the colour
// legend: red negative, white zero, blue positive.
func (s *Scene) paintWeights(l *paint.List) {
	L := &s.L
	in := ui.PanelContent(L.WPanel, WeightsTitle)
	if s.model == nil {
		l.TextIn(s.WaitText(), L.WArea, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
		return
	}
	s.paintLayers(l)
	l.Text(s.WeightsHeading(), in.X, in.Y, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
	l.Picture(WeightsPicture, L.WArea)
	l.Legend(WeightsPicture, L.WLegend)
	l.Raster(L.WArea, &s.WPix)
	leg := L.WLegend
	bar := ui.Rect{X: leg.X, Y: leg.Y + 4, W: math.Min(240, leg.W/2), H: 10}
	n := 60
	for i := range n {
		c := plot.Diverging.At(float64(i) / float64(n-1))
		l.Fill(ui.Rect{X: bar.X + bar.W*float64(i)/float64(n), Y: bar.Y, W: bar.W/float64(n) + 0.5, H: bar.H}, c)
	}
	l.Stroke(bar, 1, paint.Border)
	ty, norm := bar.Bottom()+1, s.Weights.Norm
	l.Text(fmt.Sprintf("%.2g", norm.Min), bar.X, ty, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	l.Text("0", bar.X+bar.W/2, ty, ui.SmallSize, paint.Regular, paint.Muted, paint.Center)
	l.Text(fmt.Sprintf("+%.2g", norm.Max), bar.Right(), ty, ui.SmallSize, paint.Regular, paint.Muted, paint.End)
	if ui.Paged { // (a narrow column: the words under the bar)
		l.Paragraph(ui.Wrap(s.WeightsLegend(), leg.W, ui.SmallSize), leg.X, ty+ui.LineHeight(ui.SmallSize)+2, ui.SmallSize, paint.Regular, paint.Muted)
		return
	}
	l.Text(s.WeightsLegend(), bar.Right()+16, bar.Y-2, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
}

// WeightsLegend explains the weights' colours; for the linear model, whose
// weights act on the output directly, which class each colour pushes
// towards (p is the probability of the second class, seed 000's DIG_B).
func (s *Scene) WeightsLegend() string {
	if s.Snap.Config.Model == "linear" && len(s.Snap.Names) == 2 {
		return "blue: ink here pushes towards " + s.ClassName(1) + ", red: towards " + s.ClassName(0) + ", white: no effect"
	}
	return WeightsLegend
}

// WeightsLegend explains the weights' colours.
const WeightsLegend = "red: negative weight, white: zero, blue: positive (one scale for all)"

// paintMistakes draws the thumbnails of the misclassified test images
// with their bars, and the selected one large.
func (s *Scene) paintMistakes(l *paint.List) {
	L := &s.L
	in := ui.PanelContent(L.MistPanel, MistakesTitle)
	h := s.MistakesHeader()
	hw := in.W
	if _, _, ok := s.Snap.Cell(); ok {
		hw -= s.UI.AllMist.Rect.W + ui.Gap
	}
	if pt := s.MistPagesText(); pt != "" {
		u := &s.UI
		pw := paint.Measure(pt, ui.SmallSize, paint.Regular)
		l.Widgets(&u.MistPrev, &u.MistNext)
		pr, y := u.MistPrev.Rect, in.Y+2
		if ui.Paged {
			y = pr.Y + (pr.H-ui.LineHeight(ui.SmallSize))/2
		}
		l.Text(pt, pr.X-ui.Gap, y, ui.SmallSize, paint.Regular, paint.Muted, paint.End)
		if !ui.Paged { // (on a page they have a row of their own)
			hw = pr.X - ui.Gap - pw - 2*ui.Gap - in.X
		}
	}
	// Where it does not fit, the judgement under way is left out, then
	// how many of a cell's images are shown, then the step.
	for _, sep := range [...]string{" · ", " at step"} {
		if i := strings.Index(h.Text, sep); i > 0 && paint.Measure(h.Text, ui.FontSize, paint.Bold) > hw {
			h.Text = h.Text[:i]
		}
	}
	info(l, h, in.X, in.Y, ui.FontSize, paint.Start)
	if _, _, ok := s.Snap.Cell(); ok {
		l.Widget(&s.UI.AllMist)
	}
	l.Raster(L.MistGrid, &s.MistPix)
	const side, bars = MistImg, MistBars
	for i, c := range L.MistCells {
		w := &s.Snap.Mistakes[i]
		img := ui.Rect{X: c.X, Y: c.Y, W: side, H: side}
		if w.Index == s.Sel {
			l.Stroke(img.Inset(-3), 2, paint.Accent)
		}
		s.paintMistakeBars(l, ui.Rect{X: c.X, Y: img.Bottom() + 2, W: side, H: bars}, w.Probs, w.Label)
		l.Text(s.MistakeCaption(i), c.X+side/2, img.Bottom()+bars+3, ui.SmallSize, paint.Regular, paint.Ink, paint.Center)
	}
	if n := len(L.MistCells); n > 0 {
		lg := L.MistLegend
		lg.Y = math.Min(lg.Y, L.MistCells[n-1].Bottom()+6) // right under the last row
		l.Picture(MistakesPicture, L.MistGrid)
		l.Legend(MistakesPicture, lg)
		x, y := lg.X, lg.Y
		for _, part := range [...]struct {
			s string
			c color.RGBA
		}{{"under each: ", paint.Muted}, {"the true digit", BarTrue}, {" and ", paint.Muted}, {"what the model said", BarPred}, {", with their probabilities", paint.Muted}} {
			w := paint.Measure(part.s, ui.SmallSize, paint.Regular)
			if x > lg.X && x+w > lg.Right() { // (a narrow gallery: on a second line)
				x, y = lg.X, y+ui.LineHeight(ui.SmallSize)
			}
			l.Text(part.s, x, y, ui.SmallSize, paint.Regular, part.c, paint.Start)
			x += w
		}
	}
	// The selected one, large.
	bin := ui.PanelContent(L.MistBig, SelectedTitle)
	if !s.ShowsSelected() {
		l.TextIn("click a mistake", L.MistImgRect, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
		return
	}
	l.Raster(L.MistImgRect, &s.CurPix)
	head, at, now := s.SelectedText()
	l.Legend(BarsPicture, ui.Rect{X: bin.X, Y: L.MistImgRect.Bottom() + 6, W: bin.W, H: ui.LineHeight(ui.FontSize)}) // "label 4, predicted 9"; the line under the gallery says which colour is which
	l.Text(head, bin.X, L.MistImgRect.Bottom()+6, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
	s.paintBars(l, L.MistBigBars, s.SelWrong.Probs, s.SelWrong.Label)
	y := L.MistBigBars.Bottom() + 6
	l.Text(at, bin.X, y, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	info(l, now, bin.X, y+ui.LineHeight(ui.SmallSize), ui.SmallSize, paint.Start)
}

// paintPad draws the drawing pad (or what the network sees of it, large),
// the 28×28 small, the network's answer and its bars.
func (s *Scene) paintPad(l *paint.List) {
	L := &s.L
	if s.UI.See.On {
		l.Raster(L.PadRect, &s.SeePix)
	} else {
		l.Raster(L.PadRect, &s.PadPix)
	}
	l.Stroke(L.PadRect.Inset(-1), 1, paint.Border)
	if s.Pad.Empty() {
		l.TextIn("draw here", L.PadRect, ui.TitleSize, paint.Regular, paint.Track, paint.Center)
	}
	l.Raster(L.SeeRect, &s.SeePix)
	l.Stroke(L.SeeRect.Inset(-1), 1, paint.Border)
	r := L.PadInfo
	y := r.Y
	for _, p := range s.PadLines() {
		y += p.Space
		for _, t := range ui.Wrap(p.Text, r.W, p.Size) {
			p.Text = t
			info(l, p.Info, r.X, y, p.Size, paint.Start)
			y += ui.LineHeight(p.Size)
		}
	}
	if len(s.PadP) > 0 && !s.Pad.Empty() {
		l.Legend(BarsPicture, L.PadInfo) // the answer, in the predicted bar's colour
		s.paintBars(l, L.PadBars, s.PadP, -1)
	}
	s.paintMine(l)
}

// legendCaption draws "label 4, predicted 9" with each part in the colour
// of its bar below (BarTrue, BarPred): the caption is the bars' legend.
func legendCaption(l *paint.List, text string, x, y float64) {
	lab, rest, ok := strings.Cut(text, ", ")
	if !ok {
		l.Text(text, x, y, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
		return
	}
	predC := paint.Ink
	if strings.HasPrefix(rest, "predicted") {
		predC = BarPred
	}
	l.Text(lab, x, y, ui.FontSize, paint.Bold, BarTrue, paint.Start)
	x += paint.Measure(lab, ui.FontSize, paint.Bold)
	l.Text(", ", x, y, ui.FontSize, paint.Regular, paint.Ink, paint.Start)
	x += paint.Measure(", ", ui.FontSize, paint.Regular)
	l.Text(rest, x, y, ui.FontSize, paint.Bold, predC, paint.Start)
}
