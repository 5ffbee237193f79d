//go:build js && wasm

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/kit/plot"
)

// batch is the one way scenes draw many lines and dots: strokes and discs
// are turned into coloured triangles as they are added (device pixels) and
// drawn with one DrawTriangles call per chunk, so thousands of level-curve
// pieces cost one call instead of one vector.StrokeLine each. Chunks keep
// every call under Ebiten's uint16 index limit.
//
// A retained batch is rebuilt only when what it shows changed (Landscape's
// kink lines); a drawing that changes every frame takes the shared scratch
// batch (see scratch). seg and disc collect an open path that stroke and
// fill close in one colour, for a series drawn as one piece (chart lines).
type batch struct {
	aliased bool // drawn without anti-aliasing (each anti-aliased draw costs an offscreen pass in software GL)
	chunks  []batchChunk
	n       int // chunks in use

	path         vector.Path
	open         bool
	lastX, lastY float64
}

type batchChunk struct {
	verts []ebiten.Vertex
	idx   []uint16
}

var scratchBatch = batch{}

// aliasing says whether a batch is drawn anti-aliased (the zero batch is)
// or aliased: much cheaper where WebGL runs in software, where every
// anti-aliased draw renders into an offscreen buffer and flushes it.
type aliasing bool

const (
	antiAliased aliasing = false
	aliased     aliasing = true
)

// scratch returns the shared batch emptied, for drawing at once: build it,
// draw it, and do not keep it.
func scratch(a aliasing) *batch {
	scratchBatch.reset()
	scratchBatch.aliased = bool(a)
	return &scratchBatch
}

// reset empties the batch, keeping its storage.
func (b *batch) reset() {
	for i := range b.chunks {
		b.chunks[i].verts, b.chunks[i].idx = b.chunks[i].verts[:0], b.chunks[i].idx[:0]
	}
	b.n = 0
	b.path, b.open = vector.Path{}, false
}

// polyline strokes pl (device pixels) w pixels wide in colour c.
func (b *batch) polyline(pl []plot.Point, w float32, c color.Color) {
	if len(pl) < 2 {
		return
	}
	var p vector.Path
	p.MoveTo(float32(pl[0].X), float32(pl[0].Y))
	for _, q := range pl[1:] {
		p.LineTo(float32(q.X), float32(q.Y))
	}
	b.strokePath(&p, w, c)
}

// worldLines maps world polylines through vp and strokes them.
func (b *batch) worldLines(vp plot.Viewport, pls [][]plot.Point, w float32, c color.Color) {
	for _, pl := range pls {
		if len(pl) < 2 {
			continue
		}
		var p vector.Path
		for i, q := range pl {
			x, y := vp.ToPixel(q.X, q.Y)
			if i == 0 {
				p.MoveTo(float32(x), float32(y))
			} else {
				p.LineTo(float32(x), float32(y))
			}
		}
		b.strokePath(&p, w, c)
	}
}

// worldSegs maps world segments through vp and strokes them as one path.
func (b *batch) worldSegs(vp plot.Viewport, segs []plot.Segment, w float32, c color.Color) {
	for _, s := range segs {
		b.seg(vp.SegmentToPixel(s))
	}
	b.stroke(w, c)
}

// dot fills a disc of radius r around (x, y) (device pixels).
func (b *batch) dot(x, y, r float64, c color.Color) {
	b.disc(x, y, r)
	b.fill(c)
}

// seg adds the segment (x0,y0)–(x1,y1) (device pixels) to the open path,
// continuing its subpath when it starts where the last segment ended.
func (b *batch) seg(x0, y0, x1, y1 float64) {
	if !b.open || x0 != b.lastX || y0 != b.lastY {
		b.path.MoveTo(float32(x0), float32(y0))
	}
	b.path.LineTo(float32(x1), float32(y1))
	b.lastX, b.lastY, b.open = x1, y1, true
}

// disc adds a disc of radius r around (x, y) (device pixels) to the open
// path.
func (b *batch) disc(x, y, r float64) {
	b.path.MoveTo(float32(x+r), float32(y))
	b.path.Arc(float32(x), float32(y), float32(r), 0, 2*math.Pi, vector.Clockwise)
	b.path.Close()
	b.open = true
	b.lastX = math.NaN()
}

// stroke turns the open path's segments into a stroke w pixels wide.
func (b *batch) stroke(w float32, c color.Color) {
	if b.open {
		b.strokePath(&b.path, w, c)
	}
	b.path, b.open = vector.Path{}, false
}

// fill fills the open path's discs.
func (b *batch) fill(c color.Color) {
	if b.open {
		ch := b.chunk()
		start := len(ch.verts)
		ch.verts, ch.idx = b.path.AppendVerticesAndIndicesForFilling(ch.verts, ch.idx)
		ch.paint(start, c)
	}
	b.path, b.open = vector.Path{}, false
}

func (b *batch) strokePath(p *vector.Path, w float32, c color.Color) {
	ch := b.chunk()
	start := len(ch.verts)
	op := vector.StrokeOptions{Width: w, LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound}
	ch.verts, ch.idx = p.AppendVerticesAndIndicesForStroke(ch.verts, ch.idx, &op)
	ch.paint(start, c)
}

// chunk returns the chunk to append to, opening a new one when full.
func (b *batch) chunk() *batchChunk {
	if b.n == 0 || len(b.chunks[b.n-1].verts) > 30000 || len(b.chunks[b.n-1].idx) > 45000 {
		if b.n == len(b.chunks) {
			b.chunks = append(b.chunks, batchChunk{})
		}
		b.n++
	}
	return &b.chunks[b.n-1]
}

// paint colours the vertices from start on with c (straight alpha, as
// DrawTriangles' default ColorScaleMode expects).
func (ch *batchChunk) paint(start int, c color.Color) {
	cr, cg, cb, ca := c.RGBA()
	if ca == 0 {
		ca = 1
	}
	r, g, bl, a := float32(cr)/float32(ca), float32(cg)/float32(ca), float32(cb)/float32(ca), float32(ca)/0xffff
	for i := start; i < len(ch.verts); i++ {
		v := &ch.verts[i]
		v.SrcX, v.SrcY = 1, 1
		v.ColorR, v.ColorG, v.ColorB, v.ColorA = r, g, bl, a
	}
}

// draw draws the batch onto dst.
func (b *batch) draw(dst *ebiten.Image) {
	op := ebiten.DrawTrianglesOptions{AntiAlias: !b.aliased}
	for i := 0; i < b.n; i++ {
		if ch := b.chunks[i]; len(ch.idx) > 0 {
			dst.DrawTriangles(ch.verts, ch.idx, whitePixel, &op)
		}
	}
}
