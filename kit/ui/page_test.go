package ui

import (
	"testing"
	"time"
)

// pageTick runs one tick of a page: in is the window's pointer, the scene
// (see) sees it in page coordinates and may consume the press.
func pageTick(p *Page, in *Input, x, y float64, down bool, see func(in *Input)) {
	was := in.Down
	in.Reset()
	in.Pointer, in.X, in.Y, in.Down = true, x, y, down
	in.Pressed, in.Released = down && !was, !down && was
	p.toPage(in)
	if see != nil {
		see(in)
	}
	p.toWindow(in)
}

func newPage() *Page {
	return &Page{On: true, View: Rect{Y: 100, W: 390, H: 500}, H: 1500}
}

func TestPageDragScrolls(t *testing.T) {
	t.Parallel()
	p, in := newPage(), &Input{}
	var seen []Input
	see := func(in *Input) { seen = append(seen, *in) }
	pageTick(p, in, 100, 300, true, see) // a finger on the page where nothing takes it
	if s := seen[0]; !s.Pressed || s.Y != 200 || s.X != 100 {
		t.Fatalf("the scene saw the press at (%v, %v) pressed %v, want (100, 200): page y = window y − view's top + scroll", s.X, s.Y, s.Pressed)
	}
	pageTick(p, in, 100, 300-dragSlop/2, true, see)
	if p.Scroll != 0 || !seen[1].Down {
		t.Fatalf("a move under the slop scrolled to %v (the scene saw down %v)", p.Scroll, seen[1].Down)
	}
	pageTick(p, in, 100, 290, true, see)
	if p.Scroll != 10 {
		t.Errorf("dragged up 10: scroll %v, want 10", p.Scroll)
	}
	if s := seen[2]; s.Pointer || s.Down {
		t.Errorf("while the page is dragged the scene sees pointer %v, down %v: want neither", s.Pointer, s.Down)
	}
	pageTick(p, in, 100, 90, true, see)
	if p.Scroll != 210 {
		t.Errorf("dragged up 210: scroll %v", p.Scroll)
	}
	pageTick(p, in, 100, -5000, true, see)
	if p.Scroll != p.Bottom() || p.Bottom() != 1000 {
		t.Errorf("dragged far: scroll %v, want the bottom 1000 (%v)", p.Scroll, p.Bottom())
	}
	pageTick(p, in, 100, 5000, true, see)
	if p.Scroll != 0 {
		t.Errorf("dragged far down: scroll %v, want 0", p.Scroll)
	}
	pageTick(p, in, 100, 5000, false, see) // lifted: the drag ends
	pageTick(p, in, 100, 300, false, see)
	if p.held || p.drag || !seen[len(seen)-1].Pointer {
		t.Errorf("after the finger lifted: held %v, drag %v, the scene sees the pointer %v", p.held, p.drag, seen[len(seen)-1].Pointer)
	}
}

func TestPageTapAndControls(t *testing.T) {
	t.Parallel()
	p, in := newPage(), &Input{}
	// A tap (down, up without moving) reaches the scene and scrolls nothing.
	var releasedAt float64
	pageTick(p, in, 50, 400, true, nil)
	pageTick(p, in, 51, 401, false, func(in *Input) {
		if in.Released {
			releasedAt = in.Y
		}
	})
	if p.Scroll != 0 || releasedAt != 301 {
		t.Errorf("a tap: scroll %v, released at page y %v, want 0 and 301", p.Scroll, releasedAt)
	}
	// A press a control takes (consumed) drags that control, not the page.
	take := func(in *Input) {
		if in.Pressed {
			in.Consume()
		}
	}
	pageTick(p, in, 50, 400, true, take)
	var y float64
	pageTick(p, in, 50, 300, true, func(in *Input) { y = in.Y })
	if p.Scroll != 0 || y != 200 {
		t.Errorf("a consumed press moved 100: scroll %v, the scene's pointer at %v, want 0 and 200", p.Scroll, y)
	}
	pageTick(p, in, 50, 300, false, nil)
	// Off the view (the bar above it) the scene does not see the pointer,
	// unless one of its controls holds it.
	var off Input
	pageTick(p, in, 50, 40, true, func(in *Input) { off = *in })
	if off.Pointer || off.Pressed {
		t.Errorf("over the bar the scene sees pointer %v, pressed %v", off.Pointer, off.Pressed)
	}
	pageTick(p, in, 50, 40, false, nil)
	w := &struct{}{}
	pageTick(p, in, 50, 200, true, func(in *Input) { in.Consume(); in.Capture(w) })
	pageTick(p, in, 50, 40, true, func(in *Input) { off = *in })
	if !off.Pointer || !off.Down || off.Y != -60 {
		t.Errorf("a captured drag over the bar: pointer %v, down %v at page y %v, want -60", off.Pointer, off.Down, off.Y)
	}
	in.Release(w)
}

func TestPageWheelAndTip(t *testing.T) {
	t.Parallel()
	p, in := newPage(), &Input{}
	in.Reset()
	in.Pointer, in.X, in.Y, in.Wheel = true, 10, 300, -2 // two notches down
	p.toPage(in)
	in.OfferTip(Rect{X: 5, Y: 200, W: 20, H: 10}, "a tip")
	p.toWindow(in)
	if p.Scroll != 2*wheelStep {
		t.Errorf("the wheel nothing took: scroll %v, want %v", p.Scroll, 2*wheelStep)
	}
	if _, r := in.Tip(); r != (Rect{X: 5, Y: 300, W: 20, H: 10}) { // (as the scene laid it out, before the wheel)
		t.Errorf("the tip's rectangle back in the window: %v, want y 300", r)
	}
	in.Reset()
	in.Pointer, in.X, in.Y, in.Wheel = true, 10, 300, -2
	p.toPage(in)
	if in.TakeWheel() != -2 {
		t.Error("TakeWheel does not return the wheel")
	}
	p.toWindow(in)
	if p.Scroll != 2*wheelStep {
		t.Errorf("a plot took the wheel, yet the page scrolled to %v", p.Scroll)
	}
	// Off: nothing moves.
	q := &Page{}
	in.Reset()
	in.X, in.Y = 7, 8
	q.toPage(in)
	q.toWindow(in)
	if in.X != 7 || in.Y != 8 {
		t.Errorf("without a page the pointer moved to (%v, %v)", in.X, in.Y)
	}
}

// tallScene is a scene one column 2000 tall on a page.
type tallScene struct{ fakeScene }

func (tallScene) PageHeight() float64 { return 2000 }

// TestShellPage lays the shell out on a phone (not in parallel: the
// device's metrics are the package's).
func TestShellPage(t *testing.T) {
	SetDevice(Classify(390, 844, true), 390, true)
	defer SetDevice(Desktop, 1280, false)
	if !Paged || RowH != TouchRowH {
		t.Fatalf("a phone: paged %v, rows %v", Paged, RowH)
	}
	r := newRig(t, "", func(i int, f *fakeScene) Scene { return &tallScene{*f} })
	r.s.Screen, r.s.Device = FitScreen(390, 844, 3, 1, 1), Phone
	r.frame(frameDt, 0, 0, false, 0)
	s := r.s
	if !s.Page.On || s.Page.H != 2000+2*(Pad+4) || s.Area.Y != Pad+4 || s.Area.W != 390-2*(Pad+4) {
		t.Fatalf("page %+v, area %v", s.Page, s.Area)
	}
	if s.Page.View.Y != s.Bar.Bottom() || s.Page.View.Bottom() != 844 {
		t.Errorf("the page's view %v under the bar %v", s.Page.View, s.Bar)
	}
	// The bar's controls: a finger's size, inside the window, apart.
	ctl := []Rect{s.Copy.Rect, s.About.Open.Rect, s.Tabs.Rect, s.Info}
	for i, a := range ctl {
		if a.H < 40 || a.X < 0 || a.Right() > 390 || a.Bottom() > s.Bar.Bottom() {
			t.Errorf("bar part %d at %v: want ≥ 40 tall inside the bar %v", i, a, s.Bar)
		}
		for _, b := range ctl[i+1:] {
			if a.Overlaps(b) {
				t.Errorf("bar parts %v and %v overlap", a, b)
			}
		}
	}
	for _, seg := range s.Tabs.Segments() {
		if seg.W < 80 {
			t.Errorf("a tab %v narrower than 80", seg)
		}
	}
	// A finger dragged up the page scrolls it; another tab starts at its top.
	r.frame(frameDt, 200, 600, true, 0)
	r.frame(frameDt, 200, 400, true, 0)
	if s.Page.Scroll != 200 {
		t.Errorf("dragged 200 up: scroll %v", s.Page.Scroll)
	}
	r.frame(frameDt, 200, 400, false, 0)
	s.GoTo("ring", nil)
	r.frame(frameDt, 200, 400, false, 0)
	if s.Page.Scroll != 0 {
		t.Errorf("another tab: scroll %v, want 0", s.Page.Scroll)
	}
	if st := s.Status(map[string]any{}, ""); st["page"] == nil || st["rowH"] != TouchRowH || st["layout"] != "phone" {
		t.Errorf("status: page %v, rowH %v, layout %v", st["page"], st["rowH"], st["layout"])
	}
}

func TestSetDevice(t *testing.T) {
	defer SetDevice(Desktop, 1280, false)
	for _, c := range []struct {
		w, h  int
		touch bool
		paged bool
	}{{390, 844, true, true}, {844, 390, true, true}, {600, 800, false, true}, {768, 1024, true, true}, {1024, 768, true, true}, {1280, 800, true, false}, {1024, 640, false, false}, {800, 700, false, true}, {1024, 500, false, false}} {
		SetDevice(Classify(c.w, c.h, c.touch), float64(c.w), c.touch)
		if Paged != c.paged || (RowH == TouchRowH) != c.paged {
			t.Errorf("%d×%d touch %v: paged %v, rows %v", c.w, c.h, c.touch, Paged, RowH)
		}
	}
	_ = time.Second
}

func TestPageSideAndBelow(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ w, h, want float64 }{
		{354, 900, 354},  // a phone upright: the column's width
		{1000, 900, 560}, // a tablet: at most 560
		{820, 250, 250},  // a phone sideways: the first screen's height
		{820, 120, 200},  // … but no less than 200
		{150, 120, 150},  // … unless the column is narrower
	} {
		if got := PageSide(c.w, c.h); got != c.want {
			t.Errorf("PageSide(%v, %v) = %v, want %v", c.w, c.h, got, c.want)
		}
	}
	a := Rect{X: 12, Y: 12, W: 366, H: 500}
	top, rest := Below(a).CutTop(900, 8)
	if top != (Rect{X: 12, Y: 12, W: 366, H: 900}) || rest.Y != 920 {
		t.Errorf("Below: a part 900 tall is cut to %v, the rest from %v", top, rest.Y)
	}
}
