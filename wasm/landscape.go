//go:build js && wasm

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/scenes/landscape"
)

// Landscape shows Φ: R² → R of a 2→n→1 ReLU network as a heatmap with
// labelled level curves and one kink line per hidden unit, the exact number
// of linear pieces in view, and Φ restricted to a line the user drags. The
// scene's state and everything it shows is landscape.Scene (native,
// tested), its display list included; this file draws the list and keeps
// the two drawings too large to rebuild each frame: the batch of level
// curves and kink lines, and the surface's triangles with its lifted kinks.
type Landscape struct {
	ui.NoRun
	*landscape.Scene
	p painter

	lines             batch // level curves and kink lines, device px
	lines3D           batch // kink lines on the surface
	verts             []ebiten.Vertex
	idx               []uint16
	planeGen, meshGen uint64 // the model's generations the batches hold
}

// contourColor is the level curves' colour (translucent ink).
var contourColor = color.RGBA{30, 30, 40, 150}

// NewLandscape returns the Landscape scene showing the seed's example.
func NewLandscape() *Landscape {
	l := &Landscape{Scene: landscape.NewScene()}
	l.p.custom = l.drawCustom
	return l
}

func (l *Landscape) Name() string  { return "landscape" }
func (l *Landscape) Title() string { return "Landscape" }

func (l *Landscape) Update(ctx *Context) error {
	m := l.Scene
	m.Update(ctx.Tick())
	if m.PlaneGen != l.planeGen {
		l.planeGen = m.PlaneGen
		l.lines.reset()
		s := float32(Scale())
		for _, c := range m.Contours {
			l.lines.worldLines(m.VP, plot.Polylines(c.Segs), 1*s, contourColor)
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
	m := l.Scene
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

func (l *Landscape) Draw(screen *ebiten.Image) { l.p.draw(screen, &l.Scene.List) }

// drawCustom draws the list's custom ops: the plane's lines or the
// surface (dst is clipped to the plot).
func (l *Landscape) drawCustom(dst *ebiten.Image, id int) {
	switch id {
	case landscape.CustomLines:
		l.lines.draw(dst)
	case landscape.CustomMesh:
		if len(l.verts) > 0 {
			dst.DrawTriangles(l.verts, l.idx, whitePixel, &ebiten.DrawTrianglesOptions{AntiAlias: true})
		}
		l.lines3D.draw(dst)
	}
}
