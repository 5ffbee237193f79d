package landscape

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/paint/painttest"
	"digitlab/kit/ui"
)

func texts(s *Scene) []paint.TextBox { return s.List.Texts(nil) }

func hasText(tb []paint.TextBox, s string) bool {
	return slices.ContainsFunc(tb, func(b paint.TextBox) bool { return b.S == s })
}

func TestScenePaintTexts(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1)
	f.at(1, -1)
	f.step()
	tb := texts(f.s)
	for _, want := range []string{"linear pieces in view: 7", "kink lines in view: 3 of 3",
		"line segments: 4 (≤ n+1 = 4)", "Φ(x) = -4", "x = (1, -1)", "active units: 1,2",
		"4 segments (at most n+1 = 4), 3 kinks", Hint, "x₁", "x₂", ChartXTitle, ScaleTitle, "0", f.s.CaptionLines[0], f.s.InfoLines[0]} {
		if !hasText(tb, want) {
			t.Errorf("no text %q in the list", want)
		}
	}
	// One custom op for the plane's lines between a clip, none for the
	// surface; the heatmap raster; three marks on the plane and the chart.
	count := func(k paint.Kind) int {
		n := 0
		for _, o := range f.s.List.Ops {
			if o.Kind == k {
				n++
			}
		}
		return n
	}
	if count(paint.KCustom) != 1 || count(paint.KRaster) != 1 || count(paint.KClip) != count(paint.KUnclip) {
		t.Errorf("%d custom, %d raster, %d clip and %d unclip ops", count(paint.KCustom), count(paint.KRaster),
			count(paint.KClip), count(paint.KUnclip))
	}
	for _, o := range f.s.List.Ops {
		if o.Kind == paint.KCustom && o.ID != CustomLines {
			t.Errorf("custom op %d on the plane", o.ID)
		}
	}
	// The scale's ends are the heatmap's colour range, symmetric about 0.
	if n := f.s.Norm; n.Min != -n.Max || !hasText(tb, fmt.Sprintf("+%.3g", n.Max)) {
		t.Errorf("colour range %+v, or no text for its end", n)
	}
	f.s.Set(map[string]string{"tint": "1"})
	f.step()
	if tb = texts(f.s); !hasText(tb, TintTitle) || hasText(tb, ScaleTitle) {
		t.Error("with the tint on, the scale does not say what the tint's colours are")
	}
	// On a touch screen the plane's hint names a tap, not the wheel.
	f.s.Set(map[string]string{"tint": "0"})
	f.in.Touch = true
	f.step()
	if tb = texts(f.s); !hasText(tb, TouchHint) || hasText(tb, Hint) {
		t.Error("on a touch screen the plane's hint is not the touch one")
	}
	f.in.Touch = false
	f.s.Set(map[string]string{"surface": "1"})
	f.step()
	tb = texts(f.s)
	if !hasText(tb, f.s.SurfaceNote) || hasText(tb, Hint) {
		t.Error("the surface shows no note, or the plane's hint")
	}
	if count(paint.KCustom) != 1 || count(paint.KRaster) != 0 {
		t.Errorf("surface: %d custom ops, %d rasters", count(paint.KCustom), count(paint.KRaster))
	}
}

// Steady frames keep the list; hovering elsewhere, dragging or a new
// network rebuild it.
func TestScenePaintRebuilds(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1)
	f.at(0.5, 0.5)
	f.step()
	g := f.s.ListGen
	f.step()
	f.step()
	if f.s.ListGen != g {
		t.Fatal("steady frames rebuilt the list")
	}
	f.at(-0.5, 0.5)
	f.step()
	if f.s.ListGen == g || !hasText(texts(f.s), "x = (-0.5, 0.5)") {
		t.Errorf("moving the hover did not rebuild the list: %v", texts(f.s))
	}
	g = f.s.ListGen
	f.s.Set(map[string]string{"n": "12"})
	f.step()
	if f.s.ListGen == g || !hasText(texts(f.s), "12") {
		t.Error("a new network did not rebuild the list")
	}
}

// A collision is a text whose box overlaps, by more than half a pixel
// each way, another text's (Kind KText) or a box drawn after it (a fill,
// a rounded box, a raster, a panel).
type collision struct {
	S, T string // the text, and the other text ("" for a box)
	R, Q ui.Rect
	Kind paint.Kind
}

func (c collision) String() string {
	what := fmt.Sprintf("%q %v", c.T, c.Q)
	if c.Kind != paint.KText {
		what = fmt.Sprintf("a box (kind %d) %v drawn after it", c.Kind, c.Q)
	}
	return fmt.Sprintf("%q %v × %s", c.S, c.R, what)
}

func meets(a, b ui.Rect) bool {
	return min(a.Right(), b.Right())-max(a.X, b.X) > 0.5 && min(a.Bottom(), b.Bottom())-max(a.Y, b.Y) > 0.5
}

// collisions lists the list's colliding texts. (None is known any more:
// contour labels do not pile up at n = 1, where the level curves are
// parallel and close, since paint.ContourLabels leaves out a label that
// would touch one written before; the lowest y tick label sits above the
// x tick labels' line at the plot's bottom-left corner.)
func collisions(s *Scene) []collision {
	var out []collision
	l := &s.List
	for i := range l.Ops {
		o := &l.Ops[i]
		if o.Kind != paint.KText {
			continue
		}
		a := o.Box()
		for j := i + 1; j < len(l.Ops); j++ {
			q := &l.Ops[j]
			c := collision{S: o.S, R: a, Q: q.R, Kind: q.Kind}
			switch q.Kind {
			case paint.KText:
				c.T, c.Q = q.S, q.Box()
			case paint.KFill, paint.KRound, paint.KRaster, paint.KPanel:
			default:
				continue
			}
			if !meets(a, c.Q) {
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// No text of the scene covers another, nor lies under a box, nor leaves
// the scene's area, at the browser tests' window sizes (at 1024×640 also
// with the About card's two lines over the scene).
func TestScenePaintNoOverlap(t *testing.T) {
	// Not parallel: it sets the fonts' measure.
	painttest.GoFonts(t)
	for _, win := range [][3]float64{{1024, 640}, {1280, 800}, {1024, 640, 2*ui.AboutLineH + 2*ui.Pad}, {painttest.PhoneW, 844}, {768, 1024}, {844, 390}} {
		for _, tc := range []struct {
			desc   string
			before []map[string]string // nets counted first (the plot of pieces against neurons shows them)
			opts   map[string]string
			x, y   float64
		}{
			{"hovering (1,-1)", nil, nil, 1, -1},
			{"32 units", nil, map[string]string{"n": "32"}, 0.2, 0.1},
			{"1 unit", nil, map[string]string{"n": "1"}, 0.2, 0.1},
			{"5 units, zoomed out", nil, map[string]string{"n": "5", "view": "-6,-6,6,6"}, 0.2, 0.1},
			{"tint", nil, map[string]string{"tint": "1"}, 0.2, 0.1},
			{"the surface", nil, map[string]string{"surface": "1"}, 5, 5},
			{"deep 16,16", nil, map[string]string{"layers": "16,16", "seed": "5"}, 0.2, 0.1},
			{"deep 6,6,6, tint", nil, map[string]string{"layers": "6,6,6", "tint": "1"}, 0.2, 0.1},
			{"after several nets", []map[string]string{{"n": "32"}, {"layers": "24,24"}, {"layers": "2,2,2"}},
				map[string]string{"layers": "8,8"}, 0.2, 0.1},
		} {
			f := &frame{s: NewScene()}
			area := painttest.Window(t, win[0], win[1])
			area.Y, area.H = area.Y+win[2], area.H-win[2]
			f.t = ui.Tick{In: &f.in, Area: area, Scale: 1}
			f.step()
			for _, o := range tc.before {
				f.s.Set(o)
				f.countAll(t)
			}
			f.s.Set(tc.opts)
			f.step()
			for i := 0; f.s.Deep() && f.s.Pieces < 0 && i < 100; i++ {
				f.step() // the deep count, in slices
			}
			f.at(tc.x, tc.y)
			f.step()
			if u := painttest.Unexplained(&f.s.List); len(u) > 0 {
				t.Errorf("%v×%v (card %v), %s: pictures without a legend: %v", win[0], win[1], win[2], tc.desc, u)
			}
			area = painttest.Page(area, f.s)
			for _, tb := range paint.Texts([]*paint.List{&f.s.List}) {
				if r := tb.R; r.X < area.X-1 || r.Y < area.Y-1 || r.Right() > area.Right()+1 || r.Bottom() > area.Bottom()+1 {
					t.Errorf("%v×%v (card %v), %s: %q %v leaves the scene's area %v", win[0], win[1], win[2], tc.desc, tb.S, r, area)
				}
			}
			if ui.Paged {
				for _, w := range painttest.SmallTargets(&f.s.List) {
					t.Errorf("%v, %s: %s is smaller than a finger", win, tc.desc, w)
				}
			}
			for _, c := range collisions(f.s) {
				t.Errorf("%v×%v, %s: %v", win[0], win[1], tc.desc, c)
			}
		}
	}
}

func TestCountWording(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 kinks"}, {1, "1 kink"}, {3, "3 kinks"}} {
		if got := count(c.n, "kink"); got != c.want {
			t.Errorf("count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	// The seed example along y = 0.45 from x = -0.6 to -0.4 crosses only
	// unit 2's kink line 2x + 1 = 0 (unit 1's x = y is at 0.45, unit 3's
	// x = 2y - 1 at -0.1): two segments, one kink, in the singular.
	s := NewScene()
	if errs := s.Set(map[string]string{"preset": "example", "line": "-0.6,0.45,-0.4,0.45"}); len(errs) != 0 {
		t.Fatal(errs)
	}
	tk := ui.Tick{In: &ui.Input{}, Area: painttest.SceneArea(1280, 800), Scale: 1}
	s.Update(&tk)
	if want := "2 segments (at most n+1 = 4), 1 kink"; s.ChartNote != want {
		t.Errorf("chart note %q, want %q", s.ChartNote, want)
	}
}

func TestRangeValue(t *testing.T) {
	for v, want := range map[float64]string{0: "0", math.Copysign(0, -1): "0", -9.5321: "-9.53", 5: "5", 1234.6: "1235", -4000: "-4000", 0.000123: "0.000123"} {
		if got := rangeValue(v); got != want {
			t.Errorf("rangeValue(%v) = %q, want %q", v, got, want)
		}
	}
}
