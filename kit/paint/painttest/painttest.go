// Package painttest helps tests of display lists: it measures texts with
// the page's own fonts (the Go fonts, as wasm/font.go draws them) instead
// of paint's estimate, and gives the scene area the page lays a scene in.
package painttest

import (
	"fmt"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

// GoFonts installs the Go fonts' advances (unhinted, as the page measures
// them) as paint.Measure and ui.Measure until the test ends, and returns
// the measure. Tests that call it must not run in parallel.
func GoFonts(t testing.TB) func(s string, size float64, f paint.Font) float64 {
	t.Helper()
	var fonts [3]*opentype.Font
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF, gomono.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		fonts[i] = f
	}
	type key struct {
		f    paint.Font
		size float64
	}
	faces := map[key]font.Face{}
	measure := func(s string, size float64, f paint.Font) float64 {
		k := key{f, size}
		fc := faces[k]
		if fc == nil {
			var err error
			if fc, err = opentype.NewFace(fonts[f], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone}); err != nil {
				t.Fatal(err)
			}
			faces[k] = fc
		}
		return float64(font.MeasureString(fc, s)) / 64
	}
	pm, um := paint.Measure, ui.Measure
	paint.Measure = measure
	ui.Measure = func(s string, size float64) float64 { return measure(s, size, paint.Regular) }
	t.Cleanup(func() { paint.Measure, ui.Measure = pm, um })
	return measure
}

// SceneArea is a scene's area in a w×h window: below the 44 px top bar,
// inset by ui.Pad+4 (ui.Shell's layout without a banner).
func SceneArea(w, h float64) ui.Rect {
	return ui.Rect{Y: 44, W: w, H: h - 44}.Inset(ui.Pad + 4)
}

// Unexplained lists the pictures of ls (paint.List.Picture) that no legend
// of ls names, and pictures without a name.
func Unexplained(ls ...*paint.List) []string {
	legends := map[string]bool{}
	for _, l := range ls {
		for i := range l.Ops {
			if o := &l.Ops[i]; o.Kind == paint.KLegend {
				legends[o.S] = true
			}
		}
	}
	var out []string
	for _, l := range ls {
		for i := range l.Ops {
			if o := &l.Ops[i]; o.Kind == paint.KPicture && (o.S == "" || !legends[o.S]) {
				out = append(out, fmt.Sprintf("%q at %+v", o.S, o.R))
			}
		}
	}
	return out
}

// PhoneW is the width of the phone the tests lay scenes out on (in CSS
// pixels, one per logical pixel on a page).
const PhoneW = 390.0

// Touch sets the layout's metrics to a touch screen's w×h (w ≤ ui.MinW:
// a phone or a tablet, held either way: ui.Paged, touch-sized rows) until
// the test ends, and returns the scene's area on its page: the first
// screen under a three-row bar and the About card (272 px), from the
// page's top. A test that calls it must not run in parallel (the metrics
// are the ui package's).
func Touch(t testing.TB, w, h float64) ui.Rect {
	t.Helper()
	ui.SetDevice(ui.Classify(int(w), int(h), true), w, true)
	t.Cleanup(func() { ui.SetDevice(ui.Desktop, 1280, false) })
	return ui.Rect{W: w, H: h - 272}.Inset(ui.Pad + 4)
}

// Page is the part of the page a scene laid out in area may use: area
// itself on a desktop, on a page area's width down to the scene's height
// (ui.Tall).
func Page(area ui.Rect, sc any) ui.Rect {
	if t, ok := sc.(ui.Tall); ok && ui.Paged {
		area.H = max(area.H, t.PageHeight())
	}
	return area
}

// Window is the scene's area in a window w×h: SceneArea, or a touch
// screen's page (Touch) where w is under ui.MinW.
func Window(t testing.TB, w, h float64) ui.Rect {
	t.Helper()
	if w < ui.MinW {
		return Touch(t, w, h)
	}
	ui.SetDevice(ui.Desktop, w, false)
	return SceneArea(w, h)
}

// SmallTargets lists the widgets of ls a finger could miss on a page:
// rows under ui.TouchRowH (a choice's segments, a toggle, a button; a
// slider's track row under its label).
func SmallTargets(ls ...*paint.List) []string {
	var out []string
	for _, t := range paint.Texts(ls) {
		if t.Kind == "widget" && t.R.H < ui.TouchRowH-1e-9 {
			out = append(out, fmt.Sprintf("%q %v", t.S, t.R))
		}
	}
	return out
}
