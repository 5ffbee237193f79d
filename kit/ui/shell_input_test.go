package ui

import "testing"

func TestKeyIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key              string
		repeat, modified bool
		want             Key
		ok               bool
	}{
		{" ", false, false, KeyStartPause, true},
		{"s", false, false, KeyStep, true},
		{"S", false, false, KeyStep, true},
		{"R", false, false, KeyReset, true},
		{"3", false, false, KeyTab3, true},
		{"Escape", false, false, KeyEscape, true},
		{"ArrowUp", false, false, KeyUp, true},
		{"ArrowLeft", true, false, KeyLeft, true}, // arrows repeat (panning)
		{"r", true, false, KeyNone, false},        // a held r resets once
		{"r", false, true, KeyNone, false},        // Ctrl+R reloads the page
		{"ArrowDown", false, true, KeyNone, false},
		{"5", false, false, KeyNone, false},
		{"x", false, false, KeyNone, false},
		{"", false, false, KeyNone, false},
	}
	for _, tt := range tests {
		if got, ok := KeyIntent(tt.key, tt.repeat, tt.modified); got != tt.want || ok != tt.ok {
			t.Errorf("KeyIntent(%q, repeat %v, modified %v) = %v, %v; want %v, %v", tt.key, tt.repeat, tt.modified, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPointer(t *testing.T) {
	t.Parallel()
	type want struct {
		x, y                    float64
		ptr, down, press, relse bool
	}
	ticks := []struct {
		desc string
		p    PointerSample
		want want
	}{
		{"mouse up", PointerSample{X: 10, Y: 20, On: true}, want{10, 20, true, false, false, false}},
		{"a tap between frames", PointerSample{X: 11, Y: 21, On: true, Taps: 1, TapX: 50, TapY: 60}, want{50, 60, true, true, true, false}},
		{"its release on the next", PointerSample{X: 11, Y: 21, On: true}, want{11, 21, true, false, false, true}},
		{"mouse pressed", PointerSample{X: 12, Y: 22, On: true, Down: true, Taps: 1, TapX: 12, TapY: 22}, want{12, 22, true, true, true, false}},
		{"held, another tap counted", PointerSample{X: 13, Y: 23, On: true, Down: true, Taps: 1}, want{13, 23, true, true, false, false}},
		{"released", PointerSample{X: 13, Y: 23, On: true}, want{13, 23, true, false, false, true}},
		{"a touch", PointerSample{X: 30, Y: 40, On: true, Down: true}, want{30, 40, true, true, true, false}},
		{"lifted: last place, no pointer", PointerSample{}, want{30, 40, false, false, false, true}},
		{"lifted, still", PointerSample{}, want{30, 40, false, false, false, false}},
		{"a quick touch between frames", PointerSample{Taps: 2, TapX: 70, TapY: 80}, want{70, 80, true, true, true, false}},
		{"its release", PointerSample{}, want{70, 80, false, false, false, true}},
		// A finger (Touch): lifted, the pointer rests where it was, so
		// what hovering there shows stays, until the next touch.
		{"a finger down", PointerSample{X: 90, Y: 95, On: true, Down: true, Touch: true}, want{90, 95, true, true, true, false}},
		{"lifted: resting there", PointerSample{Touch: true}, want{90, 95, true, false, false, true}},
		{"still resting", PointerSample{Touch: true}, want{90, 95, true, false, false, false}},
		{"a quick tap between frames", PointerSample{Touch: true, Taps: 1, TapX: 15, TapY: 25}, want{15, 25, true, true, true, false}},
		{"its release: resting at the tap", PointerSample{Touch: true}, want{15, 25, true, false, false, true}},
		{"the mouse again", PointerSample{X: 5, Y: 6, On: true}, want{5, 6, true, false, false, false}},
	}
	var pt Pointer
	var in Input
	for _, tt := range ticks {
		in.Reset()
		pt.Read(&in, tt.p)
		got := want{in.X, in.Y, in.Pointer, in.Down, in.Pressed, in.Released}
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.desc, got, tt.want)
		}
	}
	// A lifted finger before the pointer was ever anywhere is no pointer.
	var fresh Pointer
	in.Reset()
	if fresh.Read(&in, PointerSample{Touch: true}); in.Pointer {
		t.Error("a pointer that was never anywhere rests at (0, 0)")
	}
}
