package ui

// keyIntents maps KeyboardEvent.key values to the intents scenes and
// widgets see.
var keyIntents = map[string]Key{
	" ": KeyStartPause, "s": KeyStep, "S": KeyStep, "r": KeyReset, "R": KeyReset,
	"1": KeyTab1, "2": KeyTab2, "3": KeyTab3, "4": KeyTab4,
	"Escape": KeyEscape, "ArrowLeft": KeyLeft, "ArrowRight": KeyRight,
	"ArrowUp": KeyUp, "ArrowDown": KeyDown,
}

// KeyIntent is the intent of a keydown event with KeyboardEvent.key key:
// none (ok false) for other keys, with Ctrl, Meta or Alt held (browser
// shortcuts: Ctrl+R reloads, it does not reset) and for the auto-repeat
// of any key but the arrows.
func KeyIntent(key string, repeat, modified bool) (k Key, ok bool) {
	k, ok = keyIntents[key]
	if !ok || modified {
		return KeyNone, false
	}
	arrow := k == KeyLeft || k == KeyRight || k == KeyUp || k == KeyDown
	if repeat && !arrow {
		return KeyNone, false
	}
	return k, true
}

// PointerSample is one tick's raw pointer, in logical pixels: the first
// touch or else the mouse, and the presses the page counted since the last
// tick.
type PointerSample struct {
	X, Y       float64
	On         bool // a pointer is on the canvas (false for a lifted touch: X, Y are not known)
	Down       bool // the mouse button is held or the touch is on
	Taps       int  // pointerdown events since the last tick
	TapX, TapY float64
	// Touch: the pointer is a finger, on the screen (On) or lifted (not
	// On): a lifted finger leaves the pointer resting where it was, as a
	// mouse would, so a tap shows what hovering shows.
	Touch bool
}

// Pointer turns PointerSamples into Input's pointer fields. A click whose
// press and release both fell between two ticks (a quick tap, a test
// driver's click) would show no press at all: a tap while the pointer was
// up becomes a press at the tap for one tick and a release on the next.
type Pointer struct {
	untap bool // release the synthesised press on this tick
	down  bool
	seen  bool // the pointer has been somewhere (x, y are a place)
	x, y  float64
}

// Read sets in's X, Y, Pointer, Down, Pressed and Released from p.
func (pt *Pointer) Read(in *Input, p PointerSample) {
	x, y, down := pt.x, pt.y, p.Down && p.On
	if p.On {
		x, y = p.X, p.Y
	}
	in.Pointer = p.On || p.Touch && pt.seen // (a finger lifted: resting where it was)
	pt.seen = pt.seen || p.On || p.Taps > 0
	switch {
	case pt.untap:
		pt.untap, down = false, false
	case !down && !pt.down && p.Taps > 0:
		down, pt.untap = true, true
		x, y = p.TapX, p.TapY
		in.Pointer = true
	}
	in.X, in.Y = x, y
	in.Down = down
	in.Pressed = down && !pt.down
	in.Released = !down && pt.down
	pt.down, pt.x, pt.y = down, x, y
}
