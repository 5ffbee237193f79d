package ui

import "math"

// Page is the scene's area on a phone or a tablet (Paged): one column as
// tall as the scene needs, shown in View under the bar and scrolled by a
// finger dragged where no control took it, or by the wheel where no plot
// or slider took it. The scene lays out and draws in
// page coordinates (y from the page's top); the Shell moves the pointer
// into them before the scene's Update and back after it.
type Page struct {
	On     bool
	View   Rect    // the part of the window showing the page (window pixels)
	H      float64 // the page's height: the scene's (Tall), at least View's
	Scroll float64 // the page's y at View's top

	held     bool // a finger (or button) went down on the page where nothing took it
	drag     bool // … and moved far enough to scroll it
	fromY    float64
	fromScrl float64
}

// Tall is implemented by a scene that lays out in one column on a page:
// its Area is then the page's first screen (the main picture fits in it)
// and the scene goes on below it; PageHeight is how tall its last layout
// was, from the area's top.
type Tall interface {
	PageHeight() float64
}

// PageMax is the most a page may grow, in logical pixels (the page is one
// picture of DPR×PageMax device pixels at most maxPageDev tall; a scene
// taller is cut there).
func PageMax(dpr float64) float64 {
	if !(dpr > 0) {
		dpr = 1
	}
	return maxPageDev / dpr
}

const maxPageDev = 8000.0

// dragSlop is how far, in logical pixels, a finger moves before it drags
// the page rather than tapping it.
const dragSlop = 8.0

// wheelStep is how far one unit of the wheel scrolls the page.
const wheelStep = 40.0

// Bottom is the largest Scroll.
func (p *Page) Bottom() float64 { return max(0, p.H-p.View.H) }

// ScrollBy scrolls the page by dy (positive: down the page), within it.
func (p *Page) ScrollBy(dy float64) {
	p.Scroll = min(max(p.Scroll+dy, 0), p.Bottom())
}

// Offset is the window y of the page's top: page y + Offset = window y.
func (p *Page) Offset() float64 { return p.View.Y - p.Scroll }

// toPage moves in's pointer into page coordinates for the scene: hidden
// while the finger scrolls the page, and off View (over the bar or the
// banner) unless a control of the scene holds it.
func (p *Page) toPage(in *Input) {
	if !p.On {
		return
	}
	if p.held && !in.Down {
		p.held, p.drag = false, false
	}
	if p.held && !p.drag && math.Abs(in.Y-p.fromY) > dragSlop {
		p.drag = true
	}
	if p.drag {
		p.Scroll = p.fromScrl
		p.ScrollBy(p.fromY - in.Y)
		in.Pointer, in.Down, in.Pressed, in.Released = false, false, false, false
	}
	if !p.View.Contains(in.X, in.Y) && in.capture == nil {
		in.Pointer, in.Pressed = false, false
	}
	in.X -= p.View.X
	in.Y -= p.Offset()
}

// toWindow moves in's pointer (and the tooltip's rectangle) back into
// window coordinates after the scene's Update, and starts holding the
// page where a press fell on it and nothing took it; the wheel nothing
// took (Input.TakeWheel) scrolls it.
func (p *Page) toWindow(in *Input) {
	if !p.On {
		return
	}
	in.X += p.View.X
	in.Y += p.Offset()
	if in.tip != "" {
		in.tipRect.X += p.View.X
		in.tipRect.Y += p.Offset()
	}
	if in.Pressed && !in.consumed && in.capture == nil && p.View.Contains(in.X, in.Y) {
		p.held, p.drag, p.fromY, p.fromScrl = true, false, in.Y, p.Scroll
	}
	if in.Wheel != 0 && !in.wheelTaken {
		p.ScrollBy(-in.Wheel * wheelStep)
	}
}

// Below is the page's column under area's top, unbounded (a page grows as
// far as its scene needs): what a scene's page layout cuts its parts from.
func Below(area Rect) Rect {
	area.H = 1e6
	return area
}

// WidePageW is the narrowest window whose page puts a scene's pictures
// side by side as a desktop does (a tablet, a phone held sideways), with
// the controls below them; a narrower page stacks everything.
const WidePageW = 700.0

// WidePage reports whether a page's area w wide is a wide page's, and
// NarrowPage whether it is a narrow one's (both false off a page).
func WidePage(w float64) bool   { return Paged && w >= WidePageW-2*(Pad+4) }
func NarrowPage(w float64) bool { return Paged && !WidePage(w) }

// PageControls is where a page puts a scene's controls h tall: under its
// content, at most PageControlsW wide.
func PageControls(area, content Rect, h float64) Rect {
	return Rect{X: area.X, Y: content.Bottom() + Gap, W: min(area.W, PageControlsW), H: h}
}

// PageControlsW is the widest a page's panel of controls gets.
const PageControlsW = 560.0

// PageSide is the side of a page's main picture: as wide as the column
// allows (w), at most 560, and no taller than the first screen leaves it
// (h: the area's height less what goes above and below the picture on
// it), but at least 200.
func PageSide(w, h float64) float64 { return max(min(w, 560, h), min(w, 200)) }

// Paged says that the scenes lay out on a Page: the app sets it
// (SetDevice) for a phone, a window narrower than MinW and a touch screen
// up to MinW wide.
var Paged bool

// SetDevice sets the layout's metrics for a kind of screen: a page for a
// phone, for a window under MinW CSS pixels wide and for a touch screen no
// wider, and control rows a finger can hit (TouchRowH) on a page. (A wider
// touch screen keeps the desktop's layout and rows.)
func SetDevice(d Device, cssW float64, touch bool) {
	Paged = d == Phone || cssW < MinW || touch && cssW <= MinW
	RowH = DeskRowH
	if Paged {
		RowH = TouchRowH
	}
}

// Thumb is the scroll bar's thumb at View's right edge, where the page is
// taller than its view.
func (p *Page) Thumb() (Rect, bool) {
	v := p.View
	if !p.On || !(p.H > v.H) {
		return Rect{}, false
	}
	return Rect{X: v.Right() - 4, Y: v.Y + p.Scroll/p.H*v.H, W: 3, H: v.H * v.H / p.H}, true
}
