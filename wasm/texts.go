//go:build js && wasm

package main

import "digitlab/kit/paint"

// The texts on screen, for the browser tests (digitlab.testHooks.texts()):
// paint.Texts of the visible scene's display lists (lister). What the page
// draws besides the lists (the top bar, the banner, the tooltip) is not
// in it.

// lister is a scene that says which display lists make up its screen.
type lister interface{ Lists() []*paint.List }

// screenTexts is the texts and widgets of the lists of scene sc: each
// {kind: "text"|"title"|"widget", s, rect: [x, y, w, h]}.
func screenTexts(sc Scene) []any {
	out := []any{}
	if ls, ok := sc.(lister); ok {
		for _, t := range paint.Texts(ls.Lists()) {
			out = append(out, map[string]any{"kind": t.Kind, "s": t.S, "rect": []float64{t.R.X, t.R.Y, t.R.W, t.R.H}})
		}
	}
	return out
}

func (d *digitsScene) Lists() []*paint.List { return d.m.Lists(dpr) }
func (d *Descent) Lists() []*paint.List     { return []*paint.List{&d.m.List} }
func (l *Landscape) Lists() []*paint.List   { return []*paint.List{&l.m.List} }
func (r *Ring) Lists() []*paint.List        { return []*paint.List{r.m.List()} }
