package ui

import "time"

// Key is a keyboard intent, not a physical key: the app maps keys to
// intents once per tick so scenes and widgets never ask Ebiten.
type Key uint8

const (
	KeyNone       Key = iota
	KeyStartPause     // space
	KeyStep           // s
	KeyReset          // r
	KeyTab1           // 1
	KeyTab2           // 2
	KeyTab3           // 3
	KeyTab4           // 4
	KeyEscape         // Esc: dismiss banner / cancel drag
	KeyLeft           // arrow left
	KeyRight          // arrow right
	KeyUp             // arrow up
	KeyDown           // arrow down
)

// Input is one tick's snapshot of the pointer (mouse or first touch) and
// the keyboard, in logical pixels. The app fills it once per tick; widgets
// read it, never Ebiten.
//
// Besides the snapshot it carries two small outputs of the tick: whether the
// pointer press was consumed by a widget (so that overlapping things do not
// both react) and which tooltip the hovered widget offers.
type Input struct {
	X, Y     float64       // pointer position
	Pointer  bool          // a pointer is over the canvas (false for touch when lifted)
	Down     bool          // primary button or a touch is held
	Pressed  bool          // Down went true this tick
	Released bool          // Down went false this tick
	Wheel    float64       // vertical wheel delta this tick, positive = up/away
	Now      time.Duration // monotonic time since the app started
	Keys     []Key         // intents pressed this tick
	Touch    bool          // the screen takes touches: hints name taps, not keys or the wheel

	consumed   bool
	wheelTaken bool // a plot or a slider used Wheel (else it scrolls a Page)
	tip        string
	tipRect    Rect
	capture    any // widget that owns the pointer while dragging
}

// Reset clears the per-tick outputs (consumed press, offered tip) and the
// per-tick events, keeping Keys' storage. The app calls it before filling a
// new snapshot. The drag capture survives ticks.
func (in *Input) Reset() {
	in.Pressed, in.Released, in.Wheel = false, false, 0
	in.Keys = in.Keys[:0]
	in.consumed, in.wheelTaken = false, false
	in.tip, in.tipRect = "", Rect{}
}

// Hover reports whether the pointer is over r and no other widget holds the
// pointer (a drag in progress elsewhere).
func (in *Input) Hover(r Rect) bool {
	return in.Pointer && r.Contains(in.X, in.Y) && in.capture == nil
}

// PressedIn reports whether a press happened inside r this tick and was not
// consumed yet.
func (in *Input) PressedIn(r Rect) bool {
	return in.Pressed && !in.consumed && r.Contains(in.X, in.Y)
}

// TakeWheel returns this tick's wheel delta for a plot's zoom or a
// slider's nudge, which then does not scroll the page as well.
func (in *Input) TakeWheel() float64 {
	in.wheelTaken = true
	return in.Wheel
}

// Consume marks this tick's press as handled: later PressedIn calls return
// false. Widgets call it when they react to a press.
func (in *Input) Consume() { in.consumed = true }

// Consumed reports whether some widget has used this tick's press.
func (in *Input) Consumed() bool { return in.consumed }

// Capture gives the pointer to w (a dragging widget) until Release(w).
func (in *Input) Capture(w any) { in.capture = w }

// Release ends w's capture (a no-op if w does not hold the pointer).
func (in *Input) Release(w any) {
	if in.capture == w {
		in.capture = nil
	}
}

// Captured reports whether w holds the pointer.
func (in *Input) Captured(w any) bool { return in.capture != nil && in.capture == w }

// KeyPressed reports whether intent k was pressed this tick.
func (in *Input) KeyPressed(k Key) bool {
	for _, x := range in.Keys {
		if x == k {
			return true
		}
	}
	return false
}

// DropKey removes intent k from this tick (the app calls it after routing
// k, so a scene does not handle it twice).
func (in *Input) DropKey(k Key) {
	keep := in.Keys[:0]
	for _, x := range in.Keys {
		if x != k {
			keep = append(keep, x)
		}
	}
	in.Keys = keep
}

// OfferTip records that the hovered control at r explains itself with tip.
// The last offer of a tick wins. Widgets call it from Update when hovered;
// scenes may call it for their own hot areas (a plot, a pixel).
func (in *Input) OfferTip(r Rect, tip string) {
	if tip == "" {
		return
	}
	in.tip, in.tipRect = tip, r
}

// Tip returns the tooltip offered this tick and the rectangle it belongs to.
func (in *Input) Tip() (string, Rect) { return in.tip, in.tipRect }
