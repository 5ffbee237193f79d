//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"digitlab/kit/ui"
)

// inputReader turns Ebiten's input state into one ui.Input per tick. It is
// the only place that asks Ebiten about the mouse, touches and keys.
type inputReader struct {
	keys     []ui.Key // queued by the keydown listener
	taps     int      // pointerdown events since the last tick
	tapX     float64  // where the last one happened, CSS pixels
	tapY     float64
	ptr      ui.Pointer
	touchIDs []ebiten.TouchID
	touch    ebiten.TouchID // the touch acting as the pointer, -1 if none
	// finger: the last pointer was a finger (a touch's pointerdown, until
	// a mouse moves): lifted, it rests where it was (ui.PointerSample).
	finger bool
	// touchScreen: the screen takes touches (navigator.maxTouchPoints),
	// or a touch was seen.
	touchScreen bool
}

// newInputReader listens to the page's keydown and pointerdown events:
// reading Ebiten's state once per frame would miss a key or a click
// pressed and released between two frames (a quick tap, a test driver's).
func newInputReader() *inputReader {
	r := &inputReader{touch: -1}
	if n := js.Global().Get("navigator").Get("maxTouchPoints"); n.Type() == js.TypeNumber && n.Int() > 0 {
		r.touchScreen = true
	}
	on := func(event string, f func(e js.Value)) {
		js.Global().Call("addEventListener", event, js.FuncOf(func(_ js.Value, args []js.Value) any {
			f(args[0])
			return nil
		}))
	}
	on("keydown", func(e js.Value) {
		mod := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool()
		if k, ok := ui.KeyIntent(e.Get("key").String(), e.Get("repeat").Bool(), mod); ok {
			r.keys = append(r.keys, k)
		}
	})
	on("pointermove", func(e js.Value) {
		if e.Get("pointerType").String() == "mouse" {
			r.finger = false
		}
	})
	on("pointerdown", func(e js.Value) {
		if t := e.Get("pointerType").String(); t == "touch" {
			r.finger, r.touchScreen = true, true
		} else if t == "mouse" {
			r.finger = false
		}
		if e.Get("button").Int() == 0 {
			r.taps++
			r.tapX, r.tapY = e.Get("clientX").Float(), e.Get("clientY").Float()
		}
	})
	return r
}

// read fills in for this tick; now is the time since start.
func (r *inputReader) read(in *ui.Input, now time.Duration) {
	in.Reset()
	in.Now = now
	// Pointer: the first touch if any, else the mouse. Ebiten reports
	// positions in Layout's (device) pixels; ui works in logical pixels.
	p := ui.PointerSample{Taps: r.taps, TapX: r.tapX / cssPerLogical, TapY: r.tapY / cssPerLogical, Touch: r.finger}
	r.taps = 0
	r.touchIDs = inpututil.AppendJustPressedTouchIDs(r.touchIDs[:0])
	if r.touch < 0 && len(r.touchIDs) > 0 {
		r.touch = r.touchIDs[0]
	}
	switch {
	case r.touch >= 0 && inpututil.IsTouchJustReleased(r.touch):
		r.touch = -1
	case r.touch >= 0:
		tx, ty := ebiten.TouchPosition(r.touch)
		p.X, p.Y, p.On, p.Down, p.Touch = float64(tx)/dpr, float64(ty)/dpr, true, true, true
		r.finger, r.touchScreen = true, true
	case r.finger:
		// A lifted finger: the mouse's position is not the pointer's.
	default:
		mx, my := ebiten.CursorPosition()
		p.X, p.Y, p.On, p.Down = float64(mx)/dpr, float64(my)/dpr, true, ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	}
	r.ptr.Read(in, p)
	_, in.Wheel = ebiten.Wheel()
	in.Keys = append(in.Keys, r.keys...)
	r.keys = r.keys[:0]
}
