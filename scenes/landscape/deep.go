package landscape

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"digitlab/kit/plot"
	"digitlab/regions"
)

// Deep networks (issue 16): with two or three hidden layers (the layers
// option, "8,8") the scene shows a regions.Net drawn as the seed's
// sample_weights draws each layer, and counts its linear pieces exactly
// by splitting the view layer by layer (regions.Enumerator). The counting
// runs in slices of EnumBudget work per frame, so a big net never holds a
// frame up; until it is done Pieces is -1 and the kinks are those of the
// layers finished. Kinks are coloured by layer (Kink.Unit is the layer).

// LeakySlope is the slope of the leaky ReLU below 0, seed 000's lrelu:
// max(z/10, z).
const LeakySlope = 0.1

// Inits are the values of the init option: the seed's sample_weights
// (W ~ N(0,1), b ~ 0.2·N(0,1)) or He's (W ~ N(0, 2/fan-in), b = 0).
var Inits = []string{"seed", "he"}

// Bound is the bound on the pieces the figures show beside the count, and
// its name: Serra et al.'s for ReLU, the product bound (Montúfar) for
// leaky ReLU, where Serra's does not hold.
func (s *Scene) Bound() (int, string) {
	if s.DeepNet != nil && s.DeepNet.Leaky != 0 {
		return regions.ProductBound(s.Layers), "product bound"
	}
	return regions.SerraBound(s.Layers), "Serra et al."
}

// EnumBudget is the work units the enumeration does per frame: about 5 ms
// in wasm before the browser has optimised the code, 0.5 ms after.
const EnumBudget = 5000

// deepState is the deep network's enumeration and its line restriction.
type deepState struct {
	enum  *regions.Enumerator
	kinks int // kinks of enum already copied into Kinks
	restr regions.Restriction
	sw    []regions.UnitID
}

// Deep reports whether the scene shows a deep network.
func (s *Scene) Deep() bool { return s.DeepNet != nil }

// eval is Φ of the network shown.
func (s *Scene) eval(x, y float64) float64 {
	if s.DeepNet != nil {
		return s.DeepNet.Eval(x, y)
	}
	return s.Net.Eval(x, y)
}

// rebuildDeep draws the deep network of s.Layers from the seed.
func (s *Scene) rebuildDeep() {
	leaky := 0.0
	if s.Leaky.On {
		leaky = LeakySlope
	}
	s.DeepNet = regions.Random(s.Layers, leaky, s.Init, rand.New(rand.NewPCG(s.Seed, 2026)))
}

// countDeep starts counting the deep network's pieces over w (counts
// calls it when the network or the view changed).
func (s *Scene) countDeep(w plot.Rect) {
	if s.deep.enum == nil {
		s.deep.enum = regions.NewEnumerator(s.DeepNet, w)
	} else {
		s.deep.enum.Reset(s.DeepNet, w)
	}
	s.deep.kinks = 0
	s.Kinks = s.Kinks[:0]
	s.Pieces = -1
}

// stepDeep advances the count by one frame's budget and copies the kinks
// found; it reports whether anything changed.
func (s *Scene) stepDeep() bool {
	e := s.deep.enum
	if e == nil || s.Pieces >= 0 {
		return false
	}
	e.Step(EnumBudget)
	ks := e.Kinks()
	changed := len(ks) != s.deep.kinks
	for _, k := range ks[s.deep.kinks:] {
		s.Kinks = append(s.Kinks, Kink{Unit: k.Layer, Seg: k.Seg})
	}
	s.deep.kinks = len(ks)
	if e.Done() {
		s.Pieces = e.Count()
		s.recordCount()
		changed = true
	}
	return changed
}

// finishDeep runs the count to its end (for status(): a test waits for
// the figure, not for frames).
func (s *Scene) finishDeep() {
	for s.Deep() && s.Pieces < 0 && s.deep.enum != nil {
		s.stepDeep()
	}
}

// restrictDeep makes Restr the deep network's along Line, each break
// marked with the layer of the first unit switching there.
func (s *Scene) restrictDeep() {
	d := &s.deep
	s.DeepNet.RestrictTo(&d.restr, s.Line[0], s.Line[1])
	r := Restriction{P0: d.restr.P0, P1: d.restr.P1, Breaks: d.restr.Breaks, T: d.restr.T, V: d.restr.V, Slopes: d.restr.Slopes}
	r.Units = s.Restr.Units[:0]
	for k := range r.Breaks {
		d.sw = d.restr.Switches(d.sw, k)
		layer := 0
		if len(d.sw) > 0 {
			layer = d.sw[0].Layer
		}
		r.Units = append(r.Units, []int{layer})
	}
	s.Restr = r
}

// renderDeep fills dst (one pixel per cell over world, y up) with the
// colour of Φ (heat) or of the activation pattern (tint) at each centre.
func (s *Scene) renderDeep(dst *image.RGBA, world plot.Rect, tint bool) {
	b := dst.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	const bins = 1024
	var lut [bins]color.RGBA
	for k := range lut {
		lut[k] = plot.Diverging.At(float64(k) / (bins - 1))
	}
	for py := b.Min.Y; py < b.Max.Y; py++ {
		y := world.Y1 - (float64(py-b.Min.Y)+0.5)*world.H()/h
		off := dst.PixOffset(b.Min.X, py)
		for px := b.Min.X; px < b.Max.X; px++ {
			x := world.X0 + (float64(px-b.Min.X)+0.5)*world.W()/w
			var c color.RGBA
			if tint {
				c = deepPatternColor(s.DeepNet.Pattern(x, y))
			} else {
				t := s.Norm.T(s.DeepNet.Eval(x, y))
				switch {
				case math.IsNaN(t):
					c = plot.Diverging.At(math.NaN())
				default:
					c = lut[int(math.Max(0, math.Min(1, t))*(bins-1)+0.5)]
				}
			}
			q := dst.Pix[off : off+4 : off+4]
			q[0], q[1], q[2], q[3] = c.R, c.G, c.B, c.A
			off += 4
		}
	}
}

// deepPatternColor is PatternColor of a deep pattern (the layers' masks
// folded into one).
func deepPatternColor(p regions.Pattern) color.RGBA {
	var m uint64
	for l, v := range p {
		m ^= uint64(v) << (21 * uint(l))
	}
	return PatternColor(Pattern(m))
}

// deepStatus adds the deep network to st: its widths, the pieces (null
// while counting), the kink pieces per layer and the weights, so that a
// test can recount them.
func (s *Scene) deepStatus(st map[string]any) {
	nt := s.DeepNet
	kinks := make([]float64, nt.Depth())
	for _, k := range s.Kinks {
		kinks[k.Unit]++
	}
	w := make([]any, nt.Depth())
	bs := make([]any, nt.Depth())
	for l := range nt.Depth() {
		w[l], bs[l] = nt.W[l], nt.B[l]
	}
	st["layers"] = append([]int(nil), s.Layers...)
	st["kinkPolylines"] = kinks
	st["net"] = map[string]any{"W": w, "b": bs, "WOut": nt.WOut, "bOut": nt.BOut}
	st["n"] = nil
	st["counting"] = s.Pieces < 0
	if s.Pieces < 0 {
		st["pieces"] = nil
	}
	st["serraBound"] = regions.SerraBound(s.Layers)
	st["bound"], _ = s.Bound()
	st["leaky"], st["init"] = s.Leaky.On, Inits[s.Init]
}

// deepActiveText is the hover's third line for a deep net: the active
// units of each layer, 1-based ("active: L1 1,3 · L2 2"), or how many of
// each layer where the lists would not fit the sidebar ("active: L1 9/16 ·
// L2 7/16").
func deepActiveText(nt *regions.Net, p regions.Pattern) string {
	var lists, counts strings.Builder
	lists.WriteString("active:")
	counts.WriteString("active:")
	var units []int
	for l := range nt.Depth() {
		units = units[:0]
		for i := range nt.Widths[l] {
			if p.Active(l, i) {
				units = append(units, i)
			}
		}
		if l > 0 {
			lists.WriteString(" ·")
			counts.WriteString(" ·")
		}
		lists.WriteString(" L" + strconv.Itoa(l+1) + " " + UnitList(units))
		counts.WriteString(" L" + strconv.Itoa(l+1) + " " + strconv.Itoa(len(units)) + "/" + strconv.Itoa(nt.Widths[l]))
	}
	if lists.Len() > 34 {
		return counts.String()
	}
	return lists.String()
}

// deepTitle is the control column's title for a deep net: its shape,
// "Network 2 → 8 → 8 → 1".
func deepTitle(widths []int) string {
	var b strings.Builder
	b.WriteString("Network 2")
	for _, w := range widths {
		b.WriteString(" → " + strconv.Itoa(w))
	}
	b.WriteString(" → 1")
	return b.String()
}
