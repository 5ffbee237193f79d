package ui

import "testing"

func TestArrowPan(t *testing.T) {
	for _, c := range []struct {
		keys   []Key
		dx, dy float64
	}{
		{nil, 0, 0},
		{[]Key{KeyLeft}, -1, 0},
		{[]Key{KeyRight, KeyUp}, 1, 1},
		{[]Key{KeyDown, KeyStep}, 0, -1},
		{[]Key{KeyLeft, KeyRight}, 0, 0},
	} {
		in := &Input{Keys: c.keys}
		if dx, dy := ArrowPan(in); dx != c.dx || dy != c.dy {
			t.Errorf("ArrowPan(%v) = (%v, %v), want (%v, %v)", c.keys, dx, dy, c.dx, c.dy)
		}
	}
}

func TestPanelContent(t *testing.T) {
	r := Rect{X: 10, Y: 20, W: 200, H: 100}
	in := PanelContent(r, "")
	if in != r.Inset(Pad) {
		t.Errorf("untitled content %v, want %v", in, r.Inset(Pad))
	}
	ti := PanelContent(r, "title")
	if ti.X != in.X || ti.W != in.W || ti.Bottom() != in.Bottom() || ti.Y != in.Y+LabelH+2+4 {
		t.Errorf("titled content %v: want %v less a title line of %v", ti, in, LabelH+6)
	}
	if got, want := PanelChrome(), 2*Pad+LabelH+6; got != want {
		t.Errorf("PanelChrome = %v, want %v", got, want)
	}
	c, rest := Sidebar(Rect{W: 1000, H: 600})
	if c.W != SidebarW || rest.X != SidebarW+Pad+4 || rest.Right() != 1000 {
		t.Errorf("Sidebar: controls %v, content %v", c, rest)
	}
}

func TestRunControls(t *testing.T) {
	c := &RunControls{StartLabel: "Start", PauseLabel: "Pause"}
	c.Start.Rect = Rect{X: 0, Y: 0, W: 50, H: 20}
	c.Step.Rect = Rect{X: 60, Y: 0, W: 50, H: 20}
	c.Reset.Rect = Rect{X: 120, Y: 0, W: 50, H: 20}
	click := func(x float64, canRun bool) RunAction {
		in := &Input{X: x, Y: 10, Pointer: true, Down: true, Pressed: true}
		a := c.Update(in, canRun)
		if a != RunNone {
			t.Fatalf("a press alone acted: %v", a)
		}
		in = &Input{X: x, Y: 10, Pointer: true, Released: true}
		return c.Update(in, canRun)
	}
	if a := click(10, true); a != RunToggle {
		t.Errorf("start click = %v, want RunToggle", a)
	}
	if a := click(70, true); a != RunStep {
		t.Errorf("step click = %v, want RunStep", a)
	}
	if a := click(130, true); a != RunReset {
		t.Errorf("reset click = %v, want RunReset", a)
	}
	if a := click(10, false); a != RunNone || !c.Start.Disabled {
		t.Errorf("start click when the run cannot go = %v (disabled %v), want nothing", a, c.Start.Disabled)
	}
	c.Running = true
	if a := click(70, true); a != RunNone || !c.Step.Disabled {
		t.Errorf("step click while running = %v (disabled %v), want nothing", a, c.Step.Disabled)
	}
	c.Sync()
	if c.Start.Label != "Pause" {
		t.Errorf("running label %q", c.Start.Label)
	}
	c.Running = false
	c.Sync()
	if c.Start.Label != "Start" {
		t.Errorf("paused label %q", c.Start.Label)
	}
}
