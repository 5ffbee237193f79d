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

// On a touch screen a finger held on a button shows its tip after the
// delay, and the button still clicks when the finger lifts on it; lifting
// hides the tip; a quick tap shows none; sliding off leaves it unclicked.
func TestTooltipTouchHold(t *testing.T) {
	t.Parallel()
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	b := &Button{Label: "Start", Tip: "Start training", Rect: Rect{X: 10, Y: 10, W: 80, H: 28}}
	var tip Tooltip
	var pt Pointer
	in := &Input{Touch: true}
	type tick struct {
		at             time.Duration
		p              PointerSample
		visible, click bool
	}
	finger := func(x, y float64, down bool) PointerSample {
		return PointerSample{X: x, Y: y, On: down, Down: down, Touch: true}
	}
	for _, c := range []struct {
		desc  string
		ticks []tick
	}{
		{"held, then lifted on it", []tick{
			{ms(0), finger(40, 20, true), false, false},
			{ms(300), finger(40, 20, true), false, false},
			{ms(700), finger(41, 20, true), true, false},
			{ms(800), finger(0, 0, false), false, true},
			{ms(2000), finger(0, 0, false), false, false}, // resting there: still hidden
		}},
		{"a quick tap", []tick{
			{ms(3000), finger(40, 20, true), false, false},
			{ms(3050), finger(0, 0, false), false, true},
			{ms(4000), finger(0, 0, false), false, false},
		}},
		{"held, read, slid off", []tick{
			{ms(5000), finger(40, 20, true), false, false},
			{ms(5700), finger(40, 20, true), true, false},
			{ms(5800), finger(200, 200, true), false, false},
			{ms(5900), finger(0, 0, false), false, false},
		}},
	} {
		for i, k := range c.ticks {
			in.Reset()
			in.Now = k.at
			pt.Read(in, k.p)
			clicked := b.Update(in)
			tip.Update(in)
			_, _, ok := tip.Visible(k.at)
			if ok != k.visible || clicked != k.click {
				t.Errorf("%s, tick %d at %v: tip shown %v, clicked %v; want %v, %v", c.desc, i, k.at, ok, clicked, k.visible, k.click)
			}
		}
	}
}
