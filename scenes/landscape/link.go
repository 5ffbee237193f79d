package landscape

import (
	"strconv"
	"strings"
	"sync"

	"digitlab/kit/ui"
)

// values are the scene's options as URL values.
func (s *Scene) values() map[string]string {
	v := map[string]string{
		"preset":  Presets[s.Preset.Index],
		"line":    ui.Coords(s.Line[0].X, s.Line[0].Y, s.Line[1].X, s.Line[1].Y),
		"view":    ui.Coords(s.Plane.View.X0, s.Plane.View.Y0, s.Plane.View.X1, s.Plane.View.Y1),
		"tint":    ui.Bool(s.Tint.On),
		"surface": ui.Bool(s.Surface.On),
		"leaky":   ui.Bool(s.Leaky.On),
		"init":    Inits[s.Init],
	}
	switch {
	case s.Deep():
		w := make([]string, len(s.Layers))
		for i, n := range s.Layers {
			w[i] = strconv.Itoa(n)
		}
		v["layers"], v["seed"] = strings.Join(w, ","), strconv.FormatUint(s.Seed, 10)
	case s.Preset.Index != 0: // the example has its own width and no seed
		v["n"], v["seed"] = strconv.Itoa(s.Net.N), strconv.FormatUint(s.Seed, 10)
	}
	return v
}

var defaults = sync.OnceValue(func() map[string]string { return NewScene().values() })

// Link adds the options that differ from a fresh scene's (ui.Linker).
func (s *Scene) Link(q map[string]string) { ui.AddChanged(q, s.values(), defaults()) }
