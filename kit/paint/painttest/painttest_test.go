package painttest

import (
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

func TestGoFonts(t *testing.T) {
	before := paint.Measure("Digit Lab", 14, paint.Regular)
	t.Run("installed", func(t *testing.T) {
		m := GoFonts(t)
		if got := paint.Measure("Digit Lab", 14, paint.Regular); got != m("Digit Lab", 14, paint.Regular) || got == before {
			t.Errorf("paint.Measure %v, want the Go fonts' %v (estimate %v)", got, m("Digit Lab", 14, paint.Regular), before)
		}
		if ui.Measure("Digit Lab", 14) != m("Digit Lab", 14, paint.Regular) {
			t.Error("ui.Measure is not the Go fonts'")
		}
		// Widths grow with the text, bold is wider, mono's digits equal.
		if !(m("iii", 14, paint.Regular) < m("WWW", 14, paint.Regular) && m("abc", 14, paint.Regular) < m("abc", 14, paint.Bold)) {
			t.Error("widths do not follow the glyphs")
		}
		if m("111", 12, paint.Mono) != m("888", 12, paint.Mono) || m("1", 12, paint.Mono) <= 0 {
			t.Error("mono digits differ in width")
		}
	})
	if got := paint.Measure("Digit Lab", 14, paint.Regular); got != before {
		t.Errorf("the estimate was not restored: %v, want %v", got, before)
	}
	if a := SceneArea(1024, 640); a != (ui.Rect{X: 12, Y: 56, W: 1000, H: 572}) {
		t.Errorf("SceneArea(1024, 640) = %v", a)
	}
}
