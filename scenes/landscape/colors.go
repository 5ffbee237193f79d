package landscape

import (
	"image"
	"image/color"
	"math"

	"digitlab/kit/plot"
)

// UnitColor returns the colour of unit i's kink line: hues spaced by the
// golden angle so that neighbouring units differ, dark enough to read on
// the diverging heatmap's white.
func UnitColor(i int) color.RGBA {
	h := math.Mod(float64(i)*137.50776405, 360)
	return hsv(h, 0.85, 0.55+0.25*float64(i%2))
}

// PatternColor returns a pale tint for an activation pattern (a hash of the
// mask to a hue), for tinting the regions of the plane.
func PatternColor(p Pattern) color.RGBA {
	x := uint64(p)*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019
	x ^= x >> 29
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 32
	h := float64(x%3600) / 10
	return hsv(h, 0.25+0.25*float64(x>>40&3)/3, 0.97)
}

func hsv(h, s, v float64) color.RGBA {
	c := v * s
	hp := h / 60
	x := c * (1 - math.Abs(math.Mod(hp, 2)-1))
	var r, g, b float64
	switch {
	case hp < 1:
		r, g = c, x
	case hp < 2:
		r, g = x, c
	case hp < 3:
		g, b = c, x
	case hp < 4:
		g, b = x, c
	case hp < 5:
		r, b = x, c
	default:
		r, b = c, x
	}
	m := v - c
	u8 := func(f float64) uint8 { return uint8(math.Round(255 * (f + m))) }
	return color.RGBA{u8(r), u8(g), u8(b), 255}
}

// RenderHeatmap overwrites dst with Φ over world (dst.Bounds() mapped onto
// world, y up) in cm through n. Pre-activations are stepped along each row
// (they are affine in x) so each pixel costs n multiply-adds.
//
// Colours come from a 1024-entry table of cm over n's range (a channel
// differs by at most 1 from cm.At(n.T(z))).
func (nt *Net) RenderHeatmap(dst *image.RGBA, world plot.Rect, cm plot.ColorMap, n plot.Norm) {
	const bins = 1024
	var lut [bins]color.RGBA
	for k := range lut {
		lut[k] = cm.At(float64(k) / (bins - 1))
	}
	nan := cm.At(math.NaN())
	nt.render(dst, world, func(z float64, _ Pattern) color.RGBA {
		t := n.T(z)
		switch {
		case math.IsNaN(t):
			return nan
		case t <= 0:
			return lut[0]
		case t >= 1:
			return lut[bins-1]
		}
		return lut[int(t*(bins-1)+0.5)]
	})
}

// RenderPatterns overwrites dst with PatternColor of the activation pattern
// at each pixel centre.
func (nt *Net) RenderPatterns(dst *image.RGBA, world plot.Rect) {
	nt.render(dst, world, func(_ float64, p Pattern) color.RGBA { return PatternColor(p) })
}

func (nt *Net) render(dst *image.RGBA, world plot.Rect, col func(z float64, p Pattern) color.RGBA) {
	if !world.Valid() {
		panic("landscape: render over an empty or non-finite rectangle")
	}
	b := dst.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	sx := world.W() / w
	pre := make([]float64, nt.N)
	step := make([]float64, nt.N)
	for i := range step {
		step[i] = nt.W1[2*i] * sx
	}
	for py := b.Min.Y; py < b.Max.Y; py++ {
		y := world.Y1 - (float64(py-b.Min.Y)+0.5)*world.H()/h
		x0 := world.X0 + 0.5*sx
		for i := range pre {
			pre[i] = nt.Pre(i, x0, y)
		}
		off := dst.PixOffset(b.Min.X, py)
		for px := b.Min.X; px < b.Max.X; px++ {
			z := nt.B2
			var p Pattern
			for i, a := range pre {
				if a > 0 {
					z += nt.W2[i] * a
					p |= 1 << uint(i)
				}
				pre[i] = a + step[i]
			}
			c := col(z, p)
			q := dst.Pix[off : off+4 : off+4]
			q[0], q[1], q[2], q[3] = c.R, c.G, c.B, c.A
			off += 4
		}
	}
}
