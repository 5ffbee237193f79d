//go:build js && wasm

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/plot"
	"digitlab/ring"
	"digitlab/ui"
)

// Ring is scene 4: seed 003's hand-designed 2→4→3→1 ReLU detector of the L1
// ring a ≤ |x1|+|x2| ≤ b drawn against the circular ring (left plot), and a
// network learning the same problem from sampled points (right plot). The
// scene's logic, layout, texts and heatmaps live in ring.Scene; this file
// draws them.
type Ring struct {
	m           *ring.Scene
	left, right Texture
}

// NewRing returns the Ring scene with the seed's a = 1, b = 2 and the
// learned detector's defaults (ring.DefaultLearn).
func NewRing() *Ring {
	m := ring.NewScene()
	m.Measure = func(s string, size float64, f ring.Font) float64 { return textWidth(s, size, ringFonts[f]) }
	return &Ring{m: m}
}

func (r *Ring) Name() string  { return "ring" }
func (r *Ring) Title() string { return "Ring" }

func (r *Ring) Update(ctx *Context) error {
	r.m.Update(ctx.Tick())
	return nil
}

func (r *Ring) Status() map[string]any             { return r.m.Status() }
func (r *Ring) Set(opts map[string]string) []error { return r.m.Set(opts) }
func (r *Ring) Start()                             { r.m.Start() }
func (r *Ring) Pause()                             { r.m.Pause() }
func (r *Ring) Running() bool                      { return r.m.Running() }
func (r *Ring) Step(n int)                         { r.m.Step(n) }
func (r *Ring) Reset()                             { r.m.Reset() }

// Changed reports whether this tick re-evaluated the learned network
// (Pacer): while it trains, the frames in between draw nothing, which
// keeps the frame rate near idle where WebGL runs in software.
func (r *Ring) Changed() bool { return r.m.Changed() }

// Colours of the ring plots' lines and of the model's text inks.
var (
	colCircle  = color.RGBA{0x1c, 0x22, 0x2e, 0xff}
	colKink1   = color.RGBA{0x5d, 0x66, 0x78, 0xff}
	colKink2   = color.RGBA{0x7b, 0x3f, 0xb5, 0xff}
	colOutline = color.RGBA{0x24, 0x95, 0x57, 0xff}

	ringFonts = [...]Font{ring.FontRegular: FontRegular, ring.FontBold: FontBold, ring.FontMono: FontMono}
	ringInks  = [...]color.RGBA{ring.InkText: colText, ring.InkMuted: colMuted, ring.InkGood: colGood, ring.InkBad: colBad}
	ringAlign = [...]Align{ring.AlignStart: AlignStart, ring.AlignCenter: AlignCenter}
)

func (r *Ring) Draw(screen *ebiten.Image) {
	m := r.m
	drawPanel(screen, m.DesignBox, ring.PanelDesigned)
	drawSlider(screen, &m.A)
	drawSlider(screen, &m.B)
	for _, t := range [...]*ui.Toggle{&m.Optimal, &m.Errors, &m.ShowKinks1, &m.ShowKinks2} {
		drawToggle(screen, t)
	}

	drawPanel(screen, m.LearnBox, ring.PanelLearned)
	drawChoice(screen, &m.Arch)
	drawChoice(screen, &m.Labels)
	drawChoice(screen, &m.Opt)
	drawSlider(screen, &m.LR)
	drawSlider(screen, &m.Batch)
	drawSlider(screen, &m.Points)
	drawPrimaryButton(screen, &m.Run.Start)
	drawButton(screen, &m.Run.Step)
	drawButton(screen, &m.Run.Reset)

	drawPanel(screen, m.Content, ring.SceneTitle)
	r.drawDesigned(screen)
	r.drawLearned(screen)
	drawTexts(screen, m.DesignTexts())
	drawTexts(screen, m.LearnTexts())
	if s, box, ok := m.Hover(); ok {
		fillRoundRect(screen, box, corner, colTipBg)
		drawText(screen, s, box.X+ui.Pad, box.Y+ui.Pad, sizeSmall, FontMono, colTipText, AlignStart)
	}
}

// drawTexts draws texts the model placed.
func drawTexts(screen *ebiten.Image, ts []ring.Text) {
	for _, t := range ts {
		drawText(screen, t.S, t.X, t.Y, t.Size, ringFonts[t.Font], ringInks[t.Ink], ringAlign[t.Align])
	}
}

// drawDesigned draws the designed heatmap, the circles, the diamond
// outline, the kinks and the seed's test points with their numbers.
func (r *Ring) drawDesigned(screen *ebiten.Image) {
	m := r.m
	p := m.PlotL
	r.left.Show(screen, p, &m.Left)
	v := ringViewport(p)
	b := scratch(aliased)
	b.worldSegs(v, m.Circles, px(1.5), colCircle)
	b.worldSegs(v, m.Outline, px(2.5), colOutline)
	// Kinks on top, thinner, so that a kink on the outline (r = b) shows
	// both.
	for _, k := range m.Kinks {
		if k.Layer == 1 && m.ShowKinks1.On {
			b.worldSegs(v, k.Segs, px(1.2), colKink1)
		}
		if k.Layer == 2 && m.ShowKinks2.On {
			b.worldSegs(v, k.Segs, px(1.2), colKink2)
		}
	}
	for _, t := range ring.SeedTests {
		x, y := v.ToPixel(t.X1, t.X2)
		b.disc(x, y, 5*dpr)
	}
	b.fill(colPanel)
	for _, pass := range [...]struct {
		in bool
		c  color.RGBA
	}{{true, colGood}, {false, colBad}} {
		for i, t := range ring.SeedTests {
			if m.SeedIn[i] == pass.in {
				x, y := v.ToPixel(t.X1, t.X2)
				b.disc(x, y, 3.8*dpr)
			}
		}
		b.fill(pass.c)
	}
	b.draw(screen)
	drawTexts(screen, m.Marks())
	strokeRect(screen, p, 1, colBorder)
}

// drawLearned draws the learned heatmap, the ring that labels the points
// and the learned z = 0 contour.
func (r *Ring) drawLearned(screen *ebiten.Image) {
	m := r.m
	p := m.PlotR
	r.right.Show(screen, p, &m.Right)
	v := ringViewport(p)
	b := scratch(aliased)
	b.worldSegs(v, m.LabelRing, px(1.2), colCircle)
	b.worldSegs(v, m.Zero, px(2.5), colOutline)
	b.draw(screen)
	strokeRect(screen, p, 1, colBorder)
}

// ringViewport maps ring.Plane onto the plot p in device pixels, as the
// batch draws.
func ringViewport(p ui.Rect) plot.Viewport {
	return plot.NewViewport(ring.Plane, plot.DeviceRect(p.X, p.Y, p.W, p.H, dpr))
}
