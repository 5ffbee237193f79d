package painttest

import (
	"strings"
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

func TestUnexplained(t *testing.T) {
	var a, b paint.List
	a.Picture("plane", ui.Rect{W: 10, H: 10})
	a.Picture("chart", ui.Rect{X: 20, W: 10, H: 10})
	b.Legend("plane", ui.Rect{Y: 12, W: 10, H: 4}) // in another list: still its legend
	b.Picture("", ui.Rect{})
	got := Unexplained(&a, &b)
	if len(got) != 2 || !strings.HasPrefix(got[0], `"chart"`) || !strings.HasPrefix(got[1], `""`) {
		t.Errorf("Unexplained = %q, want the chart and the unnamed picture", got)
	}
	var c paint.List
	c.Legend("plane", ui.Rect{})
	c.Legend("chart", ui.Rect{})
	if got := Unexplained(&a, &c); len(got) != 0 {
		t.Errorf("Unexplained = %q with every picture explained", got)
	}
}
