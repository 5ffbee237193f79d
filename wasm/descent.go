//go:build js && wasm

package main

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/descent"
	"digitlab/ui"
)

// Descent runs the gradient method on the seed's bowl f (descent) or
// mountain B (ascent) step by step: level curves, the gradient arrow at
// the pointer, the path from a clicked start, η and the sign as controls.
// The scene's state and logic are descent.Scene; this file draws it,
// keeping batches of its level curves, path and hover level curve that it
// builds again only when the model's generation counters move.
type Descent struct {
	m *descent.Scene

	heat               Texture
	lines, path, hover batch     // level curves; the path and its points; the level curve at the pointer (device px)
	gens               [3]uint64 // the model's LevelsGen, PathGen, HoverGen they were built for
}

// NewDescent returns the Descent scene on f from the seed's start.
func NewDescent() *Descent { return &Descent{m: descent.NewScene()} }

func (d *Descent) Name() string  { return "descent" }
func (d *Descent) Title() string { return "Descent" }

func (d *Descent) Update(ctx *Context) error {
	m := d.m
	m.Update(ctx.Tick())
	s := float32(Scale())
	if d.gens[0] != m.LevelsGen {
		d.gens[0] = m.LevelsGen
		d.lines.reset()
		d.lines.worldLines(m.VP, m.LevelLines, s, color.RGBA{40, 50, 70, 140})
	}
	if d.gens[1] != m.PathGen {
		d.gens[1] = m.PathGen
		d.path.reset()
		c := d.pathColor()
		d.path.worldSegs(m.VP, m.PathSegs, 2*s, c)
		for _, p := range m.PathDots {
			px, py := m.VP.ToPixel(p.X, p.Y)
			d.path.dot(px, py, p.R*Scale(), c)
		}
	}
	if d.gens[2] != m.HoverGen {
		d.gens[2] = m.HoverGen
		d.hover.reset()
		d.hover.worldSegs(m.VP, m.HoverLevel, 2*s, colAccent2)
	}
	return nil
}

func (d *Descent) pathColor() color.RGBA {
	if d.m.Path().State() == descent.Diverged {
		return colBad
	}
	return colAccent
}

func (d *Descent) Draw(screen *ebiten.Image) {
	m := d.m
	drawPanel(screen, m.Controls, descent.ControlsTitle)
	drawChoice(screen, &m.Fn)
	drawChoice(screen, &m.Sign)
	drawSlider(screen, &m.Eta)
	drawSlider(screen, &m.Speed)
	drawPrimaryButton(screen, &m.Run.Start)
	drawButton(screen, &m.Run.Step)
	drawButton(screen, &m.Run.Reset)
	drawButton(screen, &m.Home)
	d.drawFigures(screen)

	drawPanel(screen, m.Content, descent.ContentTitle)
	d.drawPlot(screen)
	for k, ln := range m.Text.Caption {
		drawText(screen, ln, m.Caption.X, m.Caption.Y+float64(k)*ui.LineHeight(descent.CaptionSize), descent.CaptionSize, FontRegular, colMuted, AlignStart)
	}
}

func (d *Descent) drawFigures(dst *ebiten.Image) {
	m, t := d.m, &d.m.Text
	r := m.Figures
	lh := ui.LineHeight(sizeBody)
	y := r.Y + 4
	if t.Err != nil {
		for _, ln := range t.Err {
			drawText(dst, ln, r.X, y, sizeBody, FontRegular, colBad, AlignStart)
			y += lh
		}
		return
	}
	stateCol := colText
	switch m.Path().State() {
	case descent.Converged:
		stateCol = colGood
	case descent.Diverged:
		stateCol = colBad
	}
	drawText(dst, t.Step, r.X, y, sizeTitle, FontBold, colText, AlignStart)
	y += ui.LineHeight(sizeTitle) + 2
	drawText(dst, t.Point, r.X, y, sizeBody, FontRegular, colText, AlignStart)
	y += lh
	drawText(dst, t.Value, r.X, y, sizeBody, FontRegular, colText, AlignStart)
	y += lh
	drawText(dst, t.State, r.X, y, sizeBody, FontBold, stateCol, AlignStart)
	y += lh + 6
	drawText(dst, t.Prediction, r.X, y, descent.CaptionSize, FontRegular, colMuted, AlignStart)
	y += 3*ui.LineHeight(descent.CaptionSize) + 6
	if m.Hover {
		drawText(dst, t.Hover, r.X, y, descent.CaptionSize, FontRegular, colText, AlignStart)
	}
}

// drawPlot: heatmap, level curves with labels, the optimum, the path and
// the gradient arrow at the pointer, all through one viewport.
func (d *Descent) drawPlot(screen *ebiten.Image) {
	m := d.m
	d.heat.Show(screen, m.Plot, &m.Heat)
	dv := devRect(m.Plot)
	clip := screen.SubImage(image.Rect(int(dv.X0), int(dv.Y0), int(math.Ceil(dv.X1)), int(math.Ceil(dv.Y1)))).(*ebiten.Image)
	s := float32(Scale())
	vp := m.VP
	d.lines.draw(clip)
	d.hover.draw(clip)
	for _, lb := range m.Labels {
		px, py := vp.ToPixel(lb.X, lb.Y)
		lx, ly := px/Scale(), py/Scale()
		w := textWidth(lb.Text, sizeSmall, FontRegular) + 4
		if !m.Plot.Contains(lx-w/2, ly-7) || !m.Plot.Contains(lx+w/2, ly+7) {
			continue
		}
		fillRect(screen, ui.Rect{X: lx - w/2, Y: ly - 7, W: w, H: 14}, color.RGBA{255, 255, 255, 190})
		drawText(screen, lb.Text, lx, ly-7, sizeSmall, FontRegular, colText, AlignCenter)
	}
	// the optimum: a ringed cross
	opt := m.Func().Opt
	ox, oy := vp.ToPixel(opt.X, opt.Y)
	vector.StrokeCircle(clip, float32(ox), float32(oy), 7*s, 2*s, colBad, true)
	vector.StrokeLine(clip, float32(ox)-11*s, float32(oy), float32(ox)+11*s, float32(oy), 2*s, colBad, true)
	vector.StrokeLine(clip, float32(ox), float32(oy)-11*s, float32(ox), float32(oy)+11*s, 2*s, colBad, true)
	drawText(clip, m.Text.Opt, ox/Scale()+10, oy/Scale()+6, sizeSmall, FontBold, colBad, AlignStart)

	// the path (batched in Update) and the current point
	d.path.draw(clip)
	if m.InView() {
		q := m.Path().Point()
		px, py := vp.ToPixel(q.X, q.Y)
		vector.DrawFilledCircle(clip, float32(px), float32(py), 6*s, colText, true)
		vector.DrawFilledCircle(clip, float32(px), float32(py), 3.5*s, colPanel, true)
	} else {
		drawText(screen, "the path left the view", m.Plot.X+24, m.Plot.Y+6, sizeBody, FontBold, colBad, AlignStart)
	}
	if m.Hover {
		d.drawArrows(clip)
	}
	strokeRect(screen, m.Plot, 1, colBorder)
	drawPlaneAxes(screen, vp, m.Plot, "x", "y")
	drawPlaneHint(screen, m.Plot, "click: start here · wheel: zoom · arrows: pan")
}

// drawArrows draws ∇F at the pointer (fixed length, its direction is the
// point) and the step the method would take from there (true length).
func (d *Descent) drawArrows(dst *ebiten.Image) {
	m := d.m
	g := m.HoverGrad
	px, py := m.VP.ToPixel(m.HoverAt.X, m.HoverAt.Y)
	s := Scale()
	norm := math.Hypot(g.X, g.Y)
	if norm == 0 {
		return
	}
	// screen direction of the gradient (y flipped)
	ux, uy := g.X/norm, -g.Y/norm
	drawArrow(dst, px, py, px+ux*70*s, py+uy*70*s, colAccent2)
	drawText(dst, "grad", (px+ux*78*s)/s-12, (py+uy*78*s)/s-7, sizeSmall, FontBold, colAccent2, AlignStart)
	// the step: sign·η·∇F in world units, through the viewport
	sx, sy := m.VP.ToPixel(m.HoverStep.X, m.HoverStep.Y)
	if l := math.Hypot(sx-px, sy-py); l > 400*s {
		sx, sy = px+(sx-px)*400*s/l, py+(sy-py)*400*s/l
	}
	drawArrow(dst, px, py, sx, sy, colAccent)
}

// The run controls and options: the model's.

func (d *Descent) Start()                             { d.m.Start() }
func (d *Descent) Pause()                             { d.m.Pause() }
func (d *Descent) Running() bool                      { return d.m.Running() }
func (d *Descent) Step(n int)                         { d.m.Step(n) }
func (d *Descent) Reset()                             { d.m.Reset() }
func (d *Descent) Changed() bool                      { return d.m.Changed() }
func (d *Descent) Status() map[string]any             { return d.m.Status() }
func (d *Descent) Set(opts map[string]string) []error { return d.m.Set(opts) }
