package ui

import "testing"

func TestInputKeys(t *testing.T) {
	t.Parallel()
	in := &Input{Keys: []Key{KeyStep, KeyReset, KeyStep}}
	if !in.KeyPressed(KeyStep) || in.KeyPressed(KeyTab1) {
		t.Fatalf("KeyPressed wrong for %v", in.Keys)
	}
	in.DropKey(KeyStep)
	if in.KeyPressed(KeyStep) || !in.KeyPressed(KeyReset) {
		t.Errorf("after DropKey(KeyStep) Keys = %v, want [KeyReset]", in.Keys)
	}
	in.Reset()
	if len(in.Keys) != 0 {
		t.Errorf("Reset kept keys %v", in.Keys)
	}
}

func TestHoverBlockedByCapture(t *testing.T) {
	t.Parallel()
	in := &Input{X: 5, Y: 5, Pointer: true}
	r := Rect{0, 0, 10, 10}
	if !in.Hover(r) {
		t.Fatal("Hover false for the pointer inside r")
	}
	owner := new(int)
	in.Capture(owner)
	if in.Hover(r) {
		t.Error("Hover true while another widget holds the pointer")
	}
	in.Release(new(int)) // not the owner: no effect
	if !in.Captured(owner) {
		t.Error("Release by a non-owner ended the capture")
	}
	in.Release(owner)
	if !in.Hover(r) {
		t.Error("Hover false after the capture ended")
	}
}
