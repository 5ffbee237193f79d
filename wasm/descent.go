//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/paint"
	"digitlab/scenes/descent"
)

// Descent runs the gradient method on the seed's bowl f (descent) or
// mountain B (ascent) step by step: level curves, the gradient arrow at
// the pointer, the path from a clicked start, η and the sign as controls.
// The scene's state, logic and display list are descent.Scene's; this file
// draws the list, keeping the model's layers (level curves, the level
// curve at the pointer, the path) as retained batches that it tessellates
// again only when a layer's generation moves.
type Descent struct {
	*descent.Scene
	p      painter
	layers [descent.NumLayers]batch
	gens   [descent.NumLayers]uint64 // the generations the layers were built for
}

// NewDescent returns the Descent scene on f from the seed's start.
func NewDescent() *Descent {
	d := &Descent{Scene: descent.NewScene()}
	d.p.custom = func(dst *ebiten.Image, id int) { d.layers[id].draw(dst) }
	return d
}

func (d *Descent) Name() string  { return "descent" }
func (d *Descent) Title() string { return "Descent" }

func (d *Descent) Update(ctx *Context) error {
	d.Scene.Update(ctx.Tick())
	for id := range d.layers {
		if l, gen := d.Scene.Layer(id); gen != d.gens[id] {
			d.gens[id] = gen
			d.layers[id].reset()
			retain(&d.layers[id], l)
		}
	}
	return nil
}

func (d *Descent) Draw(screen *ebiten.Image) { d.p.draw(screen, &d.Scene.List) }

// retain tessellates l's world lines and dots into b, as the painter does
// into its scratch batch, for b to be drawn frame after frame.
func retain(b *batch, l *paint.List) {
	for i := range l.Ops {
		switch o := &l.Ops[i]; o.Kind {
		case paint.KSegs:
			b.worldSegs(o.VP, o.Segs, px(o.W), o.C)
		case paint.KLines:
			b.worldLines(o.VP, o.Lines, px(o.W), o.C)
		case paint.KDots:
			for _, q := range o.Dots { // a fill each: no fill outgrows a chunk
				x, y := o.VP.ToPixel(q.X, q.Y)
				b.dot(x, y, o.Rad*dpr, o.C)
			}
		}
	}
}
