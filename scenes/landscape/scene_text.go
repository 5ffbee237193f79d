package landscape

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"digitlab/kit/ui"
	"digitlab/nn"
	"digitlab/regions"
)

// The Landscape scene's texts: built when what they say changed, so a
// steady frame formats nothing.

const (
	captionPlane = "Between kink lines every unit keeps its on/off state, so Φ is one plane there: the surface is piecewise planar. " +
		"n lines cut the plane into at most 1 + n + n(n-1)/2 pieces, so pieces grow like n²/2."
	captionSurface = "The same function as a surface: flat facets meeting along the kink lines (coloured). " +
		"Each facet is one linear piece; a ReLU network of this shape can only bend along straight lines."
	captionTint = "Each colour is one activation pattern (which units are on): exactly the linear pieces counted on the left."
	chartInfo   = "Along any straight line each unit's pre-activation is affine, so it switches on or off at most once: " +
		"the restriction is piecewise linear with at most n+1 segments. A mark is where a unit switches (its colour); " +
		"two units switching at one point make one break."
)

// updateTexts rebuilds the counts' texts and the wrapped captions when
// they changed.
func (s *Scene) updateTexts() {
	if s.Deep() {
		s.updateDeepTexts()
		return
	}
	n := s.Net.N
	key := [5]int{s.Pieces, len(s.Kinks), n, s.Restr.Segments(), s.Restr.Kinks()}
	if key != s.figFor || s.Figures[0] == "" {
		s.figFor = key
		s.Figures = [3]string{
			fmt.Sprintf("linear pieces in view: %d", s.Pieces),
			fmt.Sprintf("kink lines in view: %d of %d", len(s.Kinks), n),
			fmt.Sprintf("line segments: %d (≤ n+1 = %d)", key[3], n+1),
		}
		s.ChartNote = fmt.Sprintf("%s (at most n+1 = %d), %s", count(key[3], "segment"), n+1, count(key[4], "kink"))
	}
	s.wrapTexts(s.caption(captionPlane), chartInfo)
}

// caption is the text under the plane: plane's for the heatmap, or the
// surface's or the tint's when they are shown.
func (s *Scene) caption(plane string) string {
	switch {
	case s.Surface.On:
		return captionSurface
	case s.Tint.On:
		return captionTint
	}
	return plane
}

// wrapTexts wraps the caption under the plane and the text under the
// chart, again only when they or their widths changed.
func (s *Scene) wrapTexts(text, info string) {
	// (the app's font measure depends a little on the device scale)
	rewrap := s.scale != s.wrapScale
	s.wrapScale = s.scale
	if w := s.Layout.Caption.W; rewrap || text != s.capText || w != s.capW {
		s.capText, s.capW = text, w
		s.CaptionLines = ui.Wrap(text, w, CaptionSize)
	}
	if w := s.Layout.Info.W; rewrap || w != s.infoW || s.InfoLines == nil || info != s.infoText {
		s.infoW, s.infoText = w, info
		s.InfoLines = ui.Wrap(info, w, CaptionSize)
	}
}

const (
	captionDeep = "With a second layer the kinks bend where they cross a kink of an earlier layer; between kinks every unit keeps its state, " +
		"so each piece is still a polygon where Φ is one plane. The pieces multiply with depth."
	chartInfoDeep = "Along a line the first layer's units switch at most once each; a later layer's unit can switch again at every " +
		"break before it, so the segments can outnumber the units. A mark is where a unit switches (its layer's colour)."
)

// updateDeepTexts is updateTexts for a deep network: the count (or that
// it is under way) beside Serra et al.'s bound, the kink pieces per layer
// and the line's segments.
func (s *Scene) updateDeepTexts() {
	nt := s.DeepNet
	per := [regions.MaxLayers]int{}
	for _, k := range s.Kinks {
		per[k.Unit]++
	}
	key := [5]int{s.Pieces, len(s.Kinks), nt.Depth(), s.Restr.Segments(), s.Restr.Kinks()}
	if key != s.figFor || s.Figures[0] == "" {
		s.figFor = key
		pieces := "counting the linear pieces…"
		if s.Pieces >= 0 {
			b, _ := s.Bound()
			pieces = fmt.Sprintf("linear pieces in view: %d (≤ %s)", s.Pieces, nn.Commas(b))
		}
		var kb strings.Builder
		kb.WriteString("kink pieces:")
		for l := range nt.Depth() {
			if l > 0 {
				kb.WriteString(" ·")
			}
			fmt.Fprintf(&kb, " L%d %d", l+1, per[l])
		}
		s.Figures = [3]string{pieces, kb.String(), fmt.Sprintf("line segments: %d", key[3])}
		s.ChartNote = fmt.Sprintf("%s, %s", count(key[3], "segment"), count(key[4], "kink"))
	}
	s.wrapTexts(s.caption(captionDeep), chartInfoDeep)
}

// surfaceNote is the note over the surface: the range of z it shows.
func surfaceNote(m *Mesh) string {
	return fmt.Sprintf("z = Φ(x₁,x₂) from %s to %s; drag to turn and tilt", rangeValue(m.ZMin), rangeValue(m.ZMax))
}

// hoverText is the hover read-out at (x, y): the point, Φ there and the
// active units.
func hoverText(x, y, phi float64, active []int) [3]string {
	return [3]string{
		"x = (" + FormatG(x) + ", " + FormatG(y) + ")",
		fmt.Sprintf("Φ(x) = %.4g", phi),
		"active units: " + UnitList(active),
	}
}

// Snap rounds v to a multiple of step, cleaned of binary noise
// (0.30000000000000004 → 0.3).
func Snap(v, step float64) float64 {
	r := math.Round(v/step) * step
	c, err := strconv.ParseFloat(strconv.FormatFloat(r, 'g', 12, 64), 64)
	if err != nil {
		return r
	}
	return c
}

// rangeValue writes an end of the range of Φ the surface shows, in three
// digits, whole numbers from 1000 on ("1000", not "1e+03"), "0" for -0.
func rangeValue(v float64) string {
	if v == 0 {
		return "0"
	}
	if math.Abs(v) >= 1000 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// FormatG writes v with as few digits as read it back exactly (1, -0.35).
func FormatG(v float64) string {
	if v == 0 {
		v = 0 // -0 (a hover snapped from the left) reads "0", not "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// UnitList writes 0-based units 1-based, "none" for no unit, shortened
// when long.
func UnitList(u []int) string {
	if len(u) == 0 {
		return "none"
	}
	var b strings.Builder
	for k, i := range u {
		if k > 0 {
			b.WriteString(",")
		}
		if b.Len() > 24 {
			fmt.Fprintf(&b, "... (%d)", len(u))
			break
		}
		b.WriteString(strconv.Itoa(i + 1))
	}
	return b.String()
}

// count says n things: "1 segment", "4 segments".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
