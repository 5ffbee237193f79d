package ui

// Device is the kind of screen the page is on, as status().layout names
// it: a phone (a window under PhoneW CSS pixels wide, or a touch screen
// whose shorter side is under PhoneShort: a phone held sideways), a
// tablet (any other touch screen) or a desktop.
//
// What follows from it today: on a touch screen (phone or tablet) the
// bar names what a tap does instead of keys, and a lifted finger leaves
// the pointer resting where it was (Pointer), so a tap shows what hovering
// shows, and a finger held on a control shows its tooltip (Tooltip). A
// phone, a window narrower than MinW and a touch screen up to MinW wide
// are laid out on a Page with touch-sized rows (SetDevice); a window as
// wide but shorter than MinH gets the desktop's layout scaled down.
type Device string

const (
	Phone   Device = "phone"
	Tablet  Device = "tablet"
	Desktop Device = "desktop"
)

// The sizes, in CSS pixels, that make a phone.
const (
	PhoneW     = 700
	PhoneShort = 500
)

// Classify is the device for a window of w×h CSS pixels, touch telling
// whether the screen takes touches.
func Classify(w, h int, touch bool) Device {
	switch {
	case w < PhoneW, touch && min(w, h) < PhoneShort:
		return Phone
	case touch:
		return Tablet
	}
	return Desktop
}

// Hint is the bar's reminder of the shortcuts (BarHint), on a page with
// how it scrolls.
func (s *Shell) Hint() string {
	switch {
	case s.Page.On && s.Touch:
		return "drag to scroll, tap a plot or a control to read it"
	case s.Page.On:
		return "wheel scroll   " + keysHint
	}
	return BarHint(s.Touch)
}

const keysHint = "1-4 tabs   space start/pause   s step   r reset"

// BarHint is the bar's reminder of the shortcuts: the keys on a desktop,
// what a tap does on a touch screen (which has no keys to press).
func BarHint(touch bool) string {
	if touch {
		return "tap a plot or a control to read it"
	}
	return keysHint
}
