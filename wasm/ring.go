//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/scenes/ring"
)

// Ring is scene 4: seed 003's hand-designed 2→4→3→1 ReLU detector of the L1
// ring a ≤ |x1|+|x2| ≤ b drawn against the circular ring (left plot), and a
// network learning the same problem from sampled points (right plot). The
// scene's logic, layout, texts, heatmaps and what it draws (its
// paint.List) live in ring.Scene; this file paints that list.
type Ring struct {
	*ring.Scene
	p painter
}

// NewRing returns the Ring scene with the seed's a = 1, b = 2 and the
// learned detector's defaults (ring.DefaultLearn).
func NewRing() *Ring { return &Ring{Scene: ring.NewScene()} }

func (r *Ring) Name() string  { return "ring" }
func (r *Ring) Title() string { return "Ring" }

func (r *Ring) Update(ctx *Context) error {
	r.Scene.Update(ctx.Tick())
	return nil
}

func (r *Ring) Draw(screen *ebiten.Image) { r.p.draw(screen, r.Scene.List()) }
