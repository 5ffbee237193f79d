package ui

import (
	"testing"
	"time"
)

func TestTooltipTiming(t *testing.T) {
	t.Parallel()
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	a := Rect{0, 0, 10, 10}
	b := Rect{20, 0, 10, 10}
	type step struct {
		at      time.Duration
		tip     string
		r       Rect
		down    bool
		visible bool
	}
	tests := []struct {
		desc  string
		steps []step
	}{
		{"shows after the delay", []step{
			{ms(0), "A", a, false, false},
			{ms(500), "A", a, false, false},
			{ms(600), "A", a, false, true},
			{ms(2000), "A", a, false, true},
		}},
		{"moving to another control restarts the delay", []step{
			{ms(0), "A", a, false, false},
			{ms(700), "A", a, false, true},
			{ms(800), "B", b, false, false},
			{ms(1300), "B", b, false, false},
			{ms(1400), "B", b, false, true},
		}},
		{"leaving hides at once", []step{
			{ms(0), "A", a, false, false},
			{ms(700), "A", a, false, true},
			{ms(710), "", Rect{}, false, false},
		}},
		{"a press hides it until the pointer moves on", []step{
			{ms(0), "A", a, false, false},
			{ms(700), "A", a, true, false},
			{ms(2000), "A", a, false, false},
			{ms(2100), "B", b, false, false},
			{ms(2700), "B", b, false, true},
		}},
		{"a clicked control whose tip changes (Start → Continue) stays hidden", []step{
			{ms(0), "Start or pause", a, false, false},
			{ms(700), "Start or pause", a, true, false},
			{ms(800), "Train on", a, false, false},
			{ms(3000), "Train on", a, false, false},
			{ms(3100), "B", b, false, false},
			{ms(3700), "B", b, false, true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			var tip Tooltip
			in := &Input{}
			for i, s := range tt.steps {
				in.Reset()
				in.Now = s.at
				in.Down, in.Pressed = s.down, s.down
				in.OfferTip(s.r, s.tip)
				tip.Update(in)
				text, _, ok := tip.Visible(s.at)
				if ok != s.visible {
					t.Errorf("step %d at %v: visible = %v (%q), want %v", i, s.at, ok, text, s.visible)
				}
				if ok && text != s.tip {
					t.Errorf("step %d: text %q, want %q", i, text, s.tip)
				}
			}
		})
	}
}

func TestPlaceKeepsTooltipOnScreen(t *testing.T) {
	t.Parallel()
	screen := Rect{0, 0, 1000, 600}
	tests := []struct {
		desc string
		at   Rect
		w, h float64
		want Rect
	}{
		{"below the control", Rect{100, 100, 50, 20}, 200, 40, Rect{100, 126, 200, 40}},
		{"above when no room below", Rect{100, 570, 50, 20}, 200, 40, Rect{100, 524, 200, 40}},
		{"shifted left at the right edge", Rect{950, 100, 40, 20}, 200, 40, Rect{800, 126, 200, 40}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := Place(tt.at, tt.w, tt.h, screen); got != tt.want {
				t.Errorf("Place(%v, %v, %v) = %v, want %v", tt.at, tt.w, tt.h, got, tt.want)
			}
		})
	}
}
