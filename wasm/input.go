//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"digitlab/ui"
)

// keyIntents maps KeyboardEvent.key values to the intents scenes and
// widgets see.
var keyIntents = map[string]ui.Key{
	" ": ui.KeyStartPause, "s": ui.KeyStep, "S": ui.KeyStep, "r": ui.KeyReset, "R": ui.KeyReset,
	"1": ui.KeyTab1, "2": ui.KeyTab2, "3": ui.KeyTab3, "4": ui.KeyTab4,
	"Escape": ui.KeyEscape, "ArrowLeft": ui.KeyLeft, "ArrowRight": ui.KeyRight,
	"ArrowUp": ui.KeyUp, "ArrowDown": ui.KeyDown,
}

// listenKeys queues key intents from the page's keydown events. Reading
// Ebiten's key state once per frame would miss a key pressed and released
// between two frames (a quick tap, a test driver's press).
func (r *inputReader) listenKeys() {
	js.Global().Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil // browser shortcuts (Ctrl+R reloads, not resets)
		}
		k, ok := keyIntents[e.Get("key").String()]
		if !ok {
			return nil
		}
		arrow := k == ui.KeyLeft || k == ui.KeyRight || k == ui.KeyUp || k == ui.KeyDown
		if e.Get("repeat").Bool() && !arrow {
			return nil
		}
		r.keys = append(r.keys, k)
		return nil
	}))
}

// listenTaps counts pointerdown events, so that a click whose press and
// release both fall between two frames (a quick tap; a test driver's click)
// still reaches the widgets: read synthesises a press for one tick and a
// release on the next.
func (r *inputReader) listenTaps() {
	js.Global().Call("addEventListener", "pointerdown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("button").Int() != 0 {
			return nil
		}
		r.taps++
		r.tapX, r.tapY = e.Get("clientX").Float(), e.Get("clientY").Float()
		return nil
	}))
}

// inputReader turns Ebiten's input state into one ui.Input per tick. It is
// the only place that asks Ebiten about the mouse, touches and keys.
type inputReader struct {
	keys     []ui.Key // queued by the keydown listener
	taps     int      // pointerdown events since the last tick
	tapX     float64  // where the last one happened, CSS pixels
	tapY     float64
	untap    bool // release the synthesised press on this tick
	touchIDs []ebiten.TouchID
	touch    ebiten.TouchID // the touch acting as the pointer, -1 if none
	lastDown bool
	lastX    float64
	lastY    float64
}

func newInputReader() *inputReader {
	r := &inputReader{touch: -1}
	r.listenKeys()
	r.listenTaps()
	return r
}

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
	switch {
	case r.untap:
		r.untap, down = false, false
	case !down && !r.lastDown && r.taps > 0: // pressed and released between frames
		down, r.untap = true, true
		x, y = r.tapX/cssPerLogical, r.tapY/cssPerLogical
		in.Pointer = true
	}
	r.taps = 0
	in.X, in.Y = x, y
	in.Down = down
	in.Pressed = down && !r.lastDown
	in.Released = !down && r.lastDown
	r.lastDown, r.lastX, r.lastY = down, x, y

	_, wy := ebiten.Wheel()
	in.Wheel = wy

	in.Keys = append(in.Keys, r.keys...)
	r.keys = r.keys[:0]
}
