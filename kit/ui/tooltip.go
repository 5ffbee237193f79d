package ui

import "time"

// TooltipDelay is how long the pointer must rest on a control before its
// tooltip shows.
const TooltipDelay = 600 * time.Millisecond

// Tooltip decides when a hovered control's tip is shown: after the pointer
// has stayed on the same control for Delay, hidden again on a press until
// the pointer moves to another control (a control whose tip changes with
// the click, Start becoming Pause, stays hidden). On a touch screen
// (Input.Touch) a finger held on a control for Delay shows its tip, and
// lifting it hides the tip again.
type Tooltip struct {
	Delay time.Duration // 0 means TooltipDelay

	text    string
	rect    Rect
	since   time.Duration
	blocked bool // pressed while over this tip: stay hidden until it changes
}

// Update reads the tip offered this tick (Input.Tip, after all widgets ran).
func (t *Tooltip) Update(in *Input) {
	text, r := in.Tip()
	if r != t.rect {
		t.text, t.rect, t.since, t.blocked = text, r, in.Now, false // another control
	} else if text != t.text {
		t.text, t.since = text, in.Now // the same control says something else (Start → Pause): a click still hides it
	}
	switch {
	case in.Touch && in.Pressed:
		// A finger held still on a control shows its tip after the delay
		// (a touch screen has no hover); sliding off before lifting it
		// leaves a button unclicked.
		t.since, t.blocked = in.Now, false
	case in.Touch && in.Released:
		t.blocked = true // the tap is over
	case !in.Touch && (in.Pressed || in.Down):
		t.blocked = true
	}
}

// Visible returns the text to show now and the rectangle of the control it
// belongs to; ok is false while nothing should be drawn.
func (t *Tooltip) Visible(now time.Duration) (text string, r Rect, ok bool) {
	d := t.Delay
	if d == 0 {
		d = TooltipDelay
	}
	if t.text == "" || t.blocked || now-t.since < d {
		return "", Rect{}, false
	}
	return t.text, t.rect, true
}

// Place positions a tooltip box of size (w, h) near the control at r: below
// it if it fits, otherwise above, shifted horizontally to stay inside screen.
func Place(r Rect, w, h float64, screen Rect) Rect {
	const gap = 6
	x := r.X
	y := r.Bottom() + gap
	if y+h > screen.Bottom() {
		y = r.Y - gap - h
	}
	if x+w > screen.Right() {
		x = screen.Right() - w
	}
	if x < screen.X {
		x = screen.X
	}
	if y < screen.Y {
		y = screen.Y
	}
	return Rect{x, y, w, h}
}
