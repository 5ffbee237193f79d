//go:build js && wasm

package main

import "digitlab/kit/paint"

// The texts on screen, for the browser tests (digitlab.testHooks.texts()):
// paint.Texts of the visible scene's display lists (lister). What the page
// draws besides the lists (the top bar, the banner, the tooltip) is not
// in it.

// lister is a scene that says which display lists make up its screen.
type lister interface{ Lists() []*paint.List }

// screenTexts is paint.Records of the lists of scene sc.
func screenTexts(sc Scene) []any {
	if ls, ok := sc.(lister); ok {
		return paint.Records(ls.Lists())
	}
	return []any{}
}

func (d *digitsScene) Lists() []*paint.List { return d.Scene.Lists(dpr) }
func (d *Descent) Lists() []*paint.List     { return []*paint.List{&d.Scene.List} }
func (l *Landscape) Lists() []*paint.List   { return []*paint.List{&l.Scene.List} }
func (r *Ring) Lists() []*paint.List        { return []*paint.List{r.Scene.List()} }
