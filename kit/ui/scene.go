package ui

import "time"

// SidebarW is the width of a scene's control column (see Sidebar).
const SidebarW = 290.0

// Tick is what a scene model's Update gets every frame: the input, where
// the scene lies, the device scale (device pixels per logical pixel, to
// size rasters), the time since the app started and how long it may
// compute.
type Tick struct {
	In     *Input
	Area   Rect
	Scale  float64
	Now    time.Duration
	Budget time.Duration
}

// LineHeight is the distance between two lines of text at font size size.
func LineHeight(size float64) float64 { return size * 1.3 }

// Sidebar splits a scene area into the control column on the left and the
// content on the right, the layout every scene uses.
func Sidebar(area Rect) (controls, content Rect) {
	return area.CutLeft(SidebarW, Pad+4)
}

// PanelContent returns the inside of a panel drawn over r: r less the
// padding and, when the panel has a title, the title's line.
func PanelContent(r Rect, title string) Rect {
	in := r.Inset(Pad)
	if title != "" {
		_, in = in.CutTop(LabelH+2, 4)
	}
	return in
}

// PanelChrome is the height a titled panel adds around its content.
func PanelChrome() float64 {
	box := Rect{W: 200, H: 200}
	return box.H - PanelContent(box, "x").H
}

// ArrowPan returns the arrow keys pressed this tick as a direction: x −1
// (left) to 1 (right), y −1 (down) to 1 (up).
func ArrowPan(in *Input) (dx, dy float64) {
	if in.KeyPressed(KeyLeft) {
		dx--
	}
	if in.KeyPressed(KeyRight) {
		dx++
	}
	if in.KeyPressed(KeyUp) {
		dy++
	}
	if in.KeyPressed(KeyDown) {
		dy--
	}
	return dx, dy
}

// RunControls are a scene's run buttons and the run they steer: whether
// the user wants it running and the single steps asked for while paused.
// The start button reads StartLabel while paused and PauseLabel while
// running.
type RunControls struct {
	Start, Step, Reset     Button
	StartLabel, PauseLabel string
	Running                bool
	Pending                int
}

// RunAction is what the run buttons asked for this tick.
type RunAction uint8

const (
	RunNone RunAction = iota
	RunToggle
	RunStep
	RunReset
)

// Update feeds the input to the three buttons (Start and Step disabled
// when the run cannot go, Step also while running) and returns the click,
// if any. It does not act on it: the scene does (so that keys and the JS
// API take the same path).
func (c *RunControls) Update(in *Input, canRun bool) RunAction {
	act := RunNone
	c.Start.Disabled = !canRun
	if c.Start.Update(in) {
		act = RunToggle
	}
	c.Step.Disabled = c.Running || !canRun
	if c.Step.Update(in) {
		act = RunStep
	}
	if c.Reset.Update(in) {
		act = RunReset
	}
	return act
}

// Label is the start button's label for the current state.
func (c *RunControls) Label() string {
	if c.Running {
		return c.PauseLabel
	}
	return c.StartLabel
}

// Sync sets the start button's label from Running.
func (c *RunControls) Sync() { c.Start.Label = c.Label() }
