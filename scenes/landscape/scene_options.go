package landscape

import (
	"strings"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/regions"
)

// OptionKeys are the keys Set knows, as in the URL.
var OptionKeys = []string{"n", "layers", "leaky", "init", "preset", "example", "seed", "line", "view", "tint", "surface"}

// visibleWorld is the world rectangle shown (the fitted view once laid
// out, the requested view before the first Update).
func (s *Scene) visibleWorld() plot.Rect {
	if s.VP.World.Valid() {
		return s.VP.World
	}
	return s.Plane.View
}

// Status returns the scene's figures for status(): the network, the counts
// over the visible view and along the line, the view and the plot (CSS
// pixels), the hover read-out (null while the pointer is off the plane)
// and piecesByNeurons, [neurons, pieces] for each architecture counted
// in this session (its latest count, the most recent last).
// The counts are those Update computed unless the network, view or line
// changed since.
func (s *Scene) Status() map[string]any {
	w := s.visibleWorld()
	s.counts(w)
	s.restrict()
	p := s.Layout.Plot
	st := map[string]any{
		"n":         s.Net.N,
		"preset":    Presets[s.Preset.Index],
		"seed":      int(s.Seed),
		"pieces":    s.Pieces,
		"segments":  s.Restr.Segments(),
		"lineKinks": s.Restr.Kinks(),
		"kinkLines": len(s.Kinks),
		"line":      []float64{s.Line[0].X, s.Line[0].Y, s.Line[1].X, s.Line[1].Y},
		"view":      []float64{w.X0, w.Y0, w.X1, w.Y1},
		"tint":      s.Tint.On,
		"surface":   s.Surface.On,
		"plot":      []float64{p.X, p.Y, p.W, p.H},
		"hover":     nil,
		"phi":       nil,
		"active":    nil,
	}
	if s.Deep() {
		s.finishDeep()
		st["pieces"] = s.Pieces
		s.deepStatus(st)
	}
	st["piecesByNeurons"] = s.piecesByNeurons()
	if s.Hover {
		act := make([]float64, len(s.Active))
		for k, i := range s.Active {
			act[k] = float64(i + 1)
		}
		st["hover"] = []float64{s.HX, s.HY}
		st["phi"] = s.HPhi
		st["active"] = act
	}
	return st
}

// Set applies options (the URL keys): n (1–32 hidden units, random
// weights), preset (example, random), example (a yes/no for preset), seed,
// line and view (x0,y0,x1,y1), tint and surface (yes/no). A bad value
// yields a *ui.OptionError and keeps the current one; n alone means random
// weights with n units, and preset=example wins over n.
func (s *Scene) Set(opts map[string]string) []error {
	var errs []error
	preset, n := -1, -1
	var layers []int
	through := false // leaky or init given: the net is drawn again
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		switch k {
		case "n":
			x, err := ui.ParseInt(k, v, 1, 32)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			n = x
		case "layers":
			w, err := regions.ParseWidths(v)
			if err != nil {
				errs = append(errs, &ui.OptionError{Key: k, Value: v, Msg: strings.TrimPrefix(err.Error(), "regions: ") + ", kept the current network"})
				continue
			}
			layers = w
		case "leaky":
			b, err := ui.ParseBool(k, v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			s.Leaky.On, through = b, true
		case "init":
			i, err := ui.ParseChoice(k, v, Inits)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			s.Init, through = regions.Init(i), true
		case "preset":
			i, err := ui.ParseChoice(k, v, Presets)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			preset = i
		case "example":
			b, err := ui.ParseBool(k, v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if b {
				preset = 0
			} else if preset < 0 {
				preset = 1
			}
		case "seed":
			x, err := ui.ParseInt(k, v, 0, 1<<30)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			s.Seed = uint64(x)
			if preset < 0 {
				preset = 1
			}
		case "line":
			f, err := ui.ParseFloats(k, v, 4)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			s.Line = [2]plot.Point{{X: f[0], Y: f[1]}, {X: f[2], Y: f[3]}}
		case "view":
			f, err := ui.ParseFloats(k, v, 4)
			if err == nil && !(f[2] > f[0] && f[3] > f[1]) {
				err = &ui.OptionError{Key: k, Value: v, Msg: "want x0,y0,x1,y1 with x1 > x0 and y1 > y0"}
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			s.Plane.View = plot.Rect{X0: f[0], Y0: f[1], X1: f[2], Y1: f[3]}
			s.stale = true
		case "tint", "surface":
			b, err := ui.ParseBool(k, v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if k == "tint" {
				s.Tint.On = b
			} else {
				s.Surface.On = b
			}
			s.stale = true
		default:
			errs = append(errs, ui.UnknownKey("landscape", k, v, OptionKeys))
		}
	}
	switch {
	case len(layers) == 1:
		s.Layers, n = nil, layers[0] // one hidden layer: the 2→n→1 net
	case len(layers) > 1:
		s.Layers, s.N.Value = layers, float64(layers[0])
		s.Preset.Index = 1
		s.rebuild()
		return errs
	}
	if through && preset < 0 && n < 0 {
		preset = 1
	}
	if preset >= 0 || n > 0 {
		if n > 0 {
			s.N.Value = float64(n)
		}
		if preset == 0 || n > 0 {
			s.Layers = nil // the example, or n alone: one hidden layer
		}
		if preset < 0 {
			preset = 1
		}
		s.Preset.Index = preset
		s.rebuild()
	}
	return errs
}
