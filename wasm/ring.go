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
	m *ring.Scene
	p painter
}

// NewRing returns the Ring scene with the seed's a = 1, b = 2 and the
// learned detector's defaults (ring.DefaultLearn).
func NewRing() *Ring { return &Ring{m: ring.NewScene()} }

func (r *Ring) Name() string  { return "ring" }
func (r *Ring) Title() string { return "Ring" }

func (r *Ring) Update(ctx *Context) error {
	r.m.Update(ctx.Tick())
	return nil
}

func (r *Ring) Draw(screen *ebiten.Image) { r.p.draw(screen, r.m.List()) }

func (r *Ring) Status() map[string]any             { return r.m.Status() }
func (r *Ring) Set(opts map[string]string) []error { return r.m.Set(opts) }
func (r *Ring) Start()                             { r.m.Start() }
func (r *Ring) Pause()                             { r.m.Pause() }
func (r *Ring) Running() bool                      { return r.m.Running() }
func (r *Ring) Step(n int)                         { r.m.Step(n) }
func (r *Ring) Reset()                             { r.m.Reset() }

// Changed reports whether this tick re-evaluated the learned network
// (ui.Pacer): while it trains, the frames in between draw nothing, which
// keeps the frame rate near idle where WebGL runs in software.
func (r *Ring) Changed() bool { return r.m.Changed() }
