//go:build js && wasm

package main

import (
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

// dpr is the device scale factor: device pixels per logical pixel. App.Layout
// sets it before any Update or Draw of the frame; everything else only reads
// it. All helpers below take logical coordinates and draw at device
// resolution, so text and lines stay crisp on high-DPI screens.
var dpr = 1.0

// Scale returns the device scale factor (device pixels per logical pixel).
// Use it to size panel images and to build a plot.Viewport in device pixels.
func Scale() float64 { return dpr }

// cssPerLogical is CSS pixels per logical pixel: 1, or less when a window
// smaller than ui.MinW×ui.MinH is scaled down as a whole. Set by App.Layout.
var cssPerLogical = 1.0

func px(v float64) float32 { return float32(v * dpr) }

// fillRect fills r.
func fillRect(dst *ebiten.Image, r ui.Rect, c color.Color) {
	vector.DrawFilledRect(dst, px(r.X), px(r.Y), px(r.W), px(r.H), c, false)
}

// strokeRect outlines r with a line w logical pixels wide, inside r.
func strokeRect(dst *ebiten.Image, r ui.Rect, w float64, c color.Color) {
	h := w / 2
	vector.StrokeRect(dst, px(r.X+h), px(r.Y+h), px(r.W-w), px(r.H-w), px(w), c, false)
}

// strokeLine draws a line from (x0,y0) to (x1,y1), w logical pixels wide,
// anti-aliased. Each anti-aliased draw costs an offscreen flush in Ebiten:
// for many segments prefer one vector.Path stroked once.
func strokeLine(dst *ebiten.Image, x0, y0, x1, y1, w float64, c color.Color) {
	vector.StrokeLine(dst, px(x0), px(y0), px(x1), px(y1), px(w), c, true)
}

// fillCircle fills a disc of radius r around (cx, cy), anti-aliased (costly:
// prefer fillDisc for many small discs).
func fillCircle(dst *ebiten.Image, cx, cy, r float64, c color.Color) {
	vector.DrawFilledCircle(dst, px(cx), px(cy), px(r), c, true)
}

// fillDisc fills a disc without anti-aliasing: much cheaper than
// fillCircle (each anti-aliased draw renders into a 2× offscreen buffer and
// flushes it); fine for widget knobs, especially at 2× device scale.
func fillDisc(dst *ebiten.Image, cx, cy, r float64, c color.Color) {
	vector.DrawFilledCircle(dst, px(cx), px(cy), px(r), c, false)
}

// strokeCircle outlines a circle of radius r around (cx, cy).
func strokeCircle(dst *ebiten.Image, cx, cy, r, w float64, c color.Color) {
	vector.StrokeCircle(dst, px(cx), px(cy), px(r), px(w), c, true)
}

var (
	whitePixel = func() *ebiten.Image {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}()
	pathVerts []ebiten.Vertex
	pathIdx   []uint16
)

// fillRoundRect fills r with corners of radius rad.
func fillRoundRect(dst *ebiten.Image, r ui.Rect, rad float64, c color.Color) {
	var p vector.Path
	roundRectPath(&p, r, rad)
	pathVerts, pathIdx = p.AppendVerticesAndIndicesForFilling(pathVerts[:0], pathIdx[:0])
	drawPath(dst, c)
}

// strokeRoundRect outlines r with corners of radius rad.
func strokeRoundRect(dst *ebiten.Image, r ui.Rect, rad, w float64, c color.Color) {
	var p vector.Path
	roundRectPath(&p, r.Inset(w/2), rad)
	op := &vector.StrokeOptions{Width: px(w), LineJoin: vector.LineJoinRound}
	pathVerts, pathIdx = p.AppendVerticesAndIndicesForStroke(pathVerts[:0], pathIdx[:0], op)
	drawPath(dst, c)
}

func roundRectPath(p *vector.Path, r ui.Rect, rad float64) {
	rad = math.Min(rad, math.Min(r.W, r.H)/2)
	x0, y0, x1, y1, rr := px(r.X), px(r.Y), px(r.Right()), px(r.Bottom()), px(rad)
	p.MoveTo(x0+rr, y0)
	p.LineTo(x1-rr, y0)
	p.ArcTo(x1, y0, x1, y0+rr, rr)
	p.LineTo(x1, y1-rr)
	p.ArcTo(x1, y1, x1-rr, y1, rr)
	p.LineTo(x0+rr, y1)
	p.ArcTo(x0, y1, x0, y1-rr, rr)
	p.LineTo(x0, y0+rr)
	p.ArcTo(x0, y0, x0+rr, y0, rr)
	p.Close()
}

func drawPath(dst *ebiten.Image, c color.Color) {
	cr, cg, cb, ca := c.RGBA()
	for i := range pathVerts {
		v := &pathVerts[i]
		v.SrcX, v.SrcY = 1, 1
		v.ColorR = float32(cr) / 0xffff
		v.ColorG = float32(cg) / 0xffff
		v.ColorB = float32(cb) / 0xffff
		v.ColorA = float32(ca) / 0xffff
	}
	op := &ebiten.DrawTrianglesOptions{AntiAlias: false}
	dst.DrawTriangles(pathVerts, pathIdx, whitePixel, op)
}

// Align is a horizontal text alignment.
type Align = paint.Align

const (
	AlignStart  = paint.Start  // x is the left edge
	AlignCenter = paint.Center // x is the centre
	AlignEnd    = paint.End    // x is the right edge
)

// drawText draws s with its top at y; x is the left edge, centre or right
// edge depending on align. Lines split at '\n' are each aligned.
func drawText(dst *ebiten.Image, s string, x, y, size float64, f Font, c color.Color, align Align) {
	asc, _ := metricsDev(size*dpr, f)
	for i, line := range strings.Split(s, "\n") {
		drawLine(dst, line, x*dpr, y*dpr+asc+float64(i)*ui.LineHeight(size)*dpr, size, f, c, align)
	}
}

// drawLine draws one line with its baseline at device y, x in device pixels.
func drawLine(dst *ebiten.Image, s string, x, y float64, size float64, f Font, c color.Color, align Align) {
	switch align {
	case AlignCenter:
		x -= measureDev(s, size*dpr, f) / 2
	case AlignEnd:
		x -= measureDev(s, size*dpr, f)
	}
	drawLineDev(dst, s, math.Round(x), math.Round(y), size*dpr, f, c)
}

// textIn draws one line s centred vertically in r, aligned horizontally by
// align (with ui.Pad of padding for start/end).
func textIn(dst *ebiten.Image, s string, r ui.Rect, size float64, f Font, c color.Color, align Align) {
	x := paint.AlignX(r, align)
	_, capH := metricsDev(size*dpr, f)
	drawLine(dst, s, x*dpr, (r.Y+r.H/2)*dpr+capH/2, size, f, c, align)
}

// lineHeight is the distance between baselines of text at size.
