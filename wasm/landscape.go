//go:build js && wasm

package main

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/landscape"
	"digitlab/plot"
	"digitlab/ui"
)

// Landscape shows Φ: R² → R of a 2→n→1 ReLU network as a heatmap with
// labelled level curves and one kink line per hidden unit, the exact number
// of linear pieces in view, and Φ restricted to a line the user drags. The
// scene's state and everything it shows is landscape.Scene (native,
// tested); this file draws it, keeping the batches of its lines and the
// surface's triangles until the model's geometry changes.
type Landscape struct {
	NoRun
	m *landscape.Scene

	heat              Texture
	lines             batch // level curves and kink lines, device px
	lines3D           batch // kink lines on the surface
	verts             []ebiten.Vertex
	idx               []uint16
	planeGen, meshGen uint64 // the model's generations the batches hold
}

// NewLandscape returns the Landscape scene showing the seed's example.
func NewLandscape() *Landscape { return &Landscape{m: landscape.NewScene()} }

func (l *Landscape) Name() string  { return "landscape" }
func (l *Landscape) Title() string { return "Landscape" }

func (l *Landscape) Status() map[string]any             { return l.m.Status() }
func (l *Landscape) Set(opts map[string]string) []error { return l.m.Set(opts) }

func (l *Landscape) Update(ctx *Context) error {
	m := l.m
	m.Update(ctx.Tick())
	if m.PlaneGen != l.planeGen {
		l.planeGen = m.PlaneGen
		l.lines.reset()
		s := float32(Scale())
		for _, c := range m.Contours {
			l.lines.worldLines(m.VP, plot.Polylines(c.Segs), 1*s, color.RGBA{30, 30, 40, 150})
		}
		for _, k := range m.Kinks {
			seg := [][]plot.Point{{{X: k.Seg.X0, Y: k.Seg.Y0}, {X: k.Seg.X1, Y: k.Seg.Y1}}}
			l.lines.worldLines(m.VP, seg, 2.5*s, landscape.UnitColor(k.Unit))
		}
	}
	if m.Surface.On && m.MeshGen != l.meshGen {
		l.meshGen = m.MeshGen
		l.buildMesh()
	}
	return nil
}

// buildMesh turns the model's surface into shaded triangles, painted back
// to front, and its lifted kink lines into a batch.
func (l *Landscape) buildMesh() {
	m := l.m
	l.verts, l.idx = l.verts[:0], l.idx[:0]
	for q := range m.Mesh.Quads {
		quad := &m.Mesh.Quads[q]
		r, g, b := m.QuadColor(quad)
		base := uint16(len(l.verts))
		for _, p := range quad.P {
			x, y := m.MeshVP.ToPixel(p.X, p.Y)
			l.verts = append(l.verts, ebiten.Vertex{DstX: float32(x), DstY: float32(y), SrcX: 1, SrcY: 1,
				ColorR: r, ColorG: g, ColorB: b, ColorA: 1})
		}
		l.idx = append(l.idx, base, base+1, base+2, base, base+2, base+3)
	}
	l.lines3D.reset()
	for k, pl := range m.Kinks3D {
		l.lines3D.polyline(pl, float32(2*Scale()), landscape.UnitColor(m.Kinks[k].Unit))
	}
}

func (l *Landscape) Draw(screen *ebiten.Image) {
	m := l.m
	drawPanel(screen, m.Layout.Controls, landscape.ControlsTitle)
	drawChoice(screen, &m.Preset)
	drawSlider(screen, &m.N)
	drawButton(screen, &m.Reroll)
	drawButton(screen, &m.Home)
	drawToggle(screen, &m.Tint)
	drawToggle(screen, &m.Surface)
	l.drawFigures(screen)
	l.drawLegend(screen)
	l.drawHover(screen)

	drawPanel(screen, m.Layout.Content, landscape.Title)
	if m.Surface.On {
		l.drawSurface(screen)
	} else {
		l.drawPlane(screen)
	}
	l.drawChart(screen)
	l.drawWrapped(screen, m.CaptionLines, m.Layout.Caption)
}

// drawWrapped writes wrapped caption lines from the top of r.
func (*Landscape) drawWrapped(dst *ebiten.Image, lines []string, r ui.Rect) {
	for k, ln := range lines {
		drawText(dst, ln, r.X, r.Y+float64(k)*ui.LineHeight(landscape.CaptionSize), landscape.CaptionSize, FontRegular, colMuted, AlignStart)
	}
}

func (l *Landscape) drawFigures(dst *ebiten.Image) {
	r, f := l.m.Layout.Figures, &l.m.Figures
	lh := ui.LineHeight(sizeBody)
	drawText(dst, f[0], r.X, r.Y, sizeBody, FontBold, colText, AlignStart)
	drawText(dst, f[1], r.X, r.Y+lh, sizeBody, FontRegular, colText, AlignStart)
	drawText(dst, f[2], r.X, r.Y+2*lh, sizeBody, FontRegular, colText, AlignStart)
}

func (l *Landscape) drawLegend(dst *ebiten.Image) {
	r := l.m.Layout.Legend
	drawText(dst, "kink line of unit i: W1[i]·x + b1[i] = 0", r.X, r.Y, sizeSmall, FontRegular, colMuted, AlignStart)
	cw := r.W / 8
	for i := 0; i < l.m.Net.N; i++ {
		x := r.X + float64(i%8)*cw
		y := r.Y + 18 + float64(i/8)*18
		strokeLine(dst, x+2, y+8, x+14, y+8, 3, landscape.UnitColor(i))
		fg := colText
		if l.m.UnitDim(i) {
			fg = colDisabled
		}
		drawText(dst, strconv.Itoa(i+1), x+17, y+1, sizeSmall, FontRegular, fg, AlignStart)
	}
}

func (l *Landscape) drawHover(dst *ebiten.Image) {
	r, t := l.m.Layout.HoverR, &l.m.HoverText
	lh := ui.LineHeight(sizeBody)
	if !l.m.Hover {
		drawText(dst, "Hover the plane to read x, Φ(x)\nand the active units.", r.X, r.Y, sizeBody, FontRegular, colMuted, AlignStart)
		return
	}
	drawText(dst, t[0], r.X, r.Y, sizeBody, FontRegular, colText, AlignStart)
	drawText(dst, t[1], r.X, r.Y+lh, sizeBody, FontBold, colText, AlignStart)
	drawText(dst, t[2], r.X, r.Y+2*lh, sizeBody, FontRegular, colText, AlignStart)
}

// clip returns the part of screen under the logical rectangle r.
func (*Landscape) clip(screen *ebiten.Image, r ui.Rect) *ebiten.Image {
	d := devRect(r)
	return screen.SubImage(image.Rect(int(d.X0), int(d.Y0), int(math.Ceil(d.X1)), int(math.Ceil(d.Y1)))).(*ebiten.Image)
}

// drawPlane draws the heatmap, level curves with labels, kink lines, the
// user's line with its breakpoints, the axes and the hover cross.
func (l *Landscape) drawPlane(screen *ebiten.Image) {
	m := l.m
	plotR := m.Layout.Plot
	l.heat.Show(screen, plotR, &m.Heat)
	clip := l.clip(screen, plotR)
	s := float32(Scale())
	l.lines.draw(clip)
	for _, lb := range m.Labels {
		px, py := m.VP.ToPixel(lb.X, lb.Y)
		lx, ly := px/Scale(), py/Scale()
		w := textWidth(lb.Text, sizeSmall, FontRegular) + 4
		if !plotR.Contains(lx-w/2, ly-7) || !plotR.Contains(lx+w/2, ly+7) {
			continue
		}
		fillRect(screen, ui.Rect{X: lx - w/2, Y: ly - 7, W: w, H: 14}, color.RGBA{255, 255, 255, 200})
		drawText(screen, lb.Text, lx, ly-7, sizeSmall, FontRegular, colText, AlignCenter)
	}
	// the user's line and where units switch along it
	x0, y0, x1, y1 := m.VP.SegmentToPixel(plot.Segment{X0: m.Line[0].X, Y0: m.Line[0].Y, X1: m.Line[1].X, Y1: m.Line[1].Y})
	vector.StrokeLine(clip, float32(x0), float32(y0), float32(x1), float32(y1), 4*s, color.White, true)
	vector.StrokeLine(clip, float32(x0), float32(y0), float32(x1), float32(y1), 2*s, colText, true)
	vector.DrawFilledCircle(clip, float32(x0), float32(y0), 4*s, colText, true)
	vector.StrokeCircle(clip, float32(x1), float32(y1), 4*s, 2*s, colText, true)
	for _, mk := range m.Marks {
		px, py := m.VP.ToPixel(mk.Plane.X, mk.Plane.Y)
		vector.DrawFilledCircle(clip, float32(px), float32(py), 4.5*s, color.White, true)
		vector.DrawFilledCircle(clip, float32(px), float32(py), 3*s, landscape.UnitColor(mk.Unit), true)
	}
	if m.Hover {
		px, py := m.VP.ToPixel(m.HX, m.HY)
		vector.StrokeLine(clip, float32(px)-6*s, float32(py), float32(px)+6*s, float32(py), 1.5*s, colText, true)
		vector.StrokeLine(clip, float32(px), float32(py)-6*s, float32(px), float32(py)+6*s, 1.5*s, colText, true)
	}
	strokeRect(screen, plotR, 1, colBorder)
	drawPlaneAxes(screen, m.VP, plotR, "x₁", "x₂")
	drawPlaneHint(screen, plotR, "drag: draw a line · wheel: zoom · arrows: pan")
}

func (l *Landscape) drawSurface(screen *ebiten.Image) {
	plotR := l.m.Layout.Plot
	fillRect(screen, plotR, colPanel)
	clip := l.clip(screen, plotR)
	if len(l.verts) > 0 {
		clip.DrawTriangles(l.verts, l.idx, whitePixel, &ebiten.DrawTrianglesOptions{AntiAlias: true})
	}
	l.lines3D.draw(clip)
	strokeRect(screen, plotR, 1, colBorder)
	drawText(screen, l.m.SurfaceNote, plotR.X+6, plotR.Y+4, sizeSmall, FontRegular, colMuted, AlignStart)
}

// drawChart draws Φ along the user's line: the polyline through the knots,
// a mark at each break in the colour of the unit that switches there.
func (l *Landscape) drawChart(screen *ebiten.Image) {
	m := l.m
	r, ci := m.Layout.Chart, m.Layout.ChartIn
	drawText(screen, "Φ along the dragged line", r.X, r.Y, sizeBody, FontBold, colText, AlignStart)
	drawText(screen, m.ChartNote, r.X, r.Y+ui.LineHeight(sizeBody), sizeSmall, FontRegular, colMuted, AlignStart)
	fillRect(screen, ci, color.RGBA{250, 251, 253, 255})
	strokeRect(screen, ci, 1, colBorder)
	vp := m.ChartVP
	s := float32(Scale())
	for _, t := range m.Chart.YTicks {
		_, py := vp.ToPixel(vp.World.X0, t.Value)
		y := py / Scale()
		strokeLine(screen, ci.X, y, ci.Right(), y, 1, color.RGBA{230, 233, 238, 255})
		drawText(screen, t.Label, ci.X-4, y-7, sizeSmall, FontRegular, colMuted, AlignEnd)
	}
	for _, t := range m.Chart.XTicks {
		px, _ := vp.ToPixel(t.Value, vp.World.Y0)
		drawText(screen, t.Label, px/Scale(), ci.Bottom()+3, sizeSmall, FontRegular, colMuted, AlignCenter)
	}
	if vp.World.Y0 < 0 && vp.World.Y1 > 0 {
		_, py := vp.ToPixel(0, 0)
		strokeLine(screen, ci.X, py/Scale(), ci.Right(), py/Scale(), 1, colTrack)
	}
	for _, mk := range m.Marks {
		px, _ := vp.ToPixel(mk.Chart.X, 0)
		c := landscape.UnitColor(mk.Unit)
		strokeLine(screen, px/Scale(), ci.Y, px/Scale(), ci.Bottom(), 1, color.RGBA{c.R / 2, c.G / 2, c.B / 2, 128})
	}
	for _, ser := range m.Chart.Series {
		for _, pl := range ser.Lines {
			for q := 1; q < len(pl); q++ {
				x0, y0 := vp.ToPixel(pl[q-1].X, pl[q-1].Y)
				x1, y1 := vp.ToPixel(pl[q].X, pl[q].Y)
				vector.StrokeLine(screen, float32(x0), float32(y0), float32(x1), float32(y1), 2.5*s, colText, true)
			}
		}
	}
	for _, mk := range m.Marks {
		px, py := vp.ToPixel(mk.Chart.X, mk.Chart.Y)
		vector.DrawFilledCircle(screen, float32(px), float32(py), 4*s, landscape.UnitColor(mk.Unit), true)
	}
	x0, y0 := vp.ToPixel(0, m.Restr.V[0])
	vector.DrawFilledCircle(screen, float32(x0), float32(y0), 4*s, colText, true)
	l.drawWrapped(screen, m.InfoLines, m.Layout.Info)
}
