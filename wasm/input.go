package main

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"digitlab/ui"
)

// keyIntents maps physical keys to the intents scenes and widgets see.
var keyIntents = []struct {
	key    ebiten.Key
	intent ui.Key
}{
	{ebiten.KeySpace, ui.KeyStartPause},
	{ebiten.KeyS, ui.KeyStep},
	{ebiten.KeyR, ui.KeyReset},
	{ebiten.KeyDigit1, ui.KeyTab1},
	{ebiten.KeyDigit2, ui.KeyTab2},
	{ebiten.KeyDigit3, ui.KeyTab3},
	{ebiten.KeyDigit4, ui.KeyTab4},
	{ebiten.KeyNumpad1, ui.KeyTab1},
	{ebiten.KeyNumpad2, ui.KeyTab2},
	{ebiten.KeyNumpad3, ui.KeyTab3},
	{ebiten.KeyNumpad4, ui.KeyTab4},
	{ebiten.KeyEscape, ui.KeyEscape},
	{ebiten.KeyArrowLeft, ui.KeyLeft},
	{ebiten.KeyArrowRight, ui.KeyRight},
	{ebiten.KeyArrowUp, ui.KeyUp},
	{ebiten.KeyArrowDown, ui.KeyDown},
}

// inputReader turns Ebiten's input state into one ui.Input per tick. It is
// the only place that asks Ebiten about the mouse, touches and keys.
type inputReader struct {
	touchIDs []ebiten.TouchID
	touch    ebiten.TouchID // the touch acting as the pointer, -1 if none
	lastDown bool
	lastX    float64
	lastY    float64
}

func newInputReader() *inputReader { return &inputReader{touch: -1} }

// read fills in for this tick; now is the time since start.
func (r *inputReader) read(in *ui.Input, now time.Duration) {
	in.Reset()
	in.Now = now

	// Pointer: the first touch if any, else the mouse. Ebiten reports
	// positions in Layout's (device) pixels; ui works in logical pixels.
	r.touchIDs = inpututil.AppendJustPressedTouchIDs(r.touchIDs[:0])
	if r.touch < 0 && len(r.touchIDs) > 0 {
		r.touch = r.touchIDs[0]
	}
	down := false
	x, y := r.lastX, r.lastY
	if r.touch >= 0 {
		if inpututil.IsTouchJustReleased(r.touch) {
			r.touch = -1
		} else {
			tx, ty := ebiten.TouchPosition(r.touch)
			x, y, down = float64(tx)/dpr, float64(ty)/dpr, true
		}
		in.Pointer = down
	} else {
		mx, my := ebiten.CursorPosition()
		x, y = float64(mx)/dpr, float64(my)/dpr
		down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
		in.Pointer = true
	}
	in.X, in.Y = x, y
	in.Down = down
	in.Pressed = down && !r.lastDown
	in.Released = !down && r.lastDown
	r.lastDown, r.lastX, r.lastY = down, x, y

	_, wy := ebiten.Wheel()
	in.Wheel = wy

	for _, k := range keyIntents {
		if inpututil.IsKeyJustPressed(k.key) {
			in.Keys = append(in.Keys, k.intent)
		}
	}
}
