package paint_test

import (
	"testing"
	"time"

	"digitlab/kit/paint"
	"digitlab/kit/paint/painttest"
	"digitlab/kit/ui"
)

// tab is a scene as the shell sees it, with nothing to run, one column
// 1800 tall on a page.
type tab struct {
	ui.NoRun
	name, title string
}

func (t tab) Name() string                  { return t.name }
func (t tab) Title() string                 { return t.title }
func (t tab) Set(map[string]string) []error { return nil }
func (t tab) Status() map[string]any        { return map[string]any{} }
func (t tab) PageHeight() float64           { return 1800 }

// loader is the download in one of its states: "loading", "failed" or
// "" (done).
type loader struct{ state string }

func (l *loader) Loading() bool               { return l.state == "loading" }
func (l *loader) Failed() bool                { return l.state == "failed" }
func (l *loader) Stopped() bool               { return false }
func (l *loader) Progress() (string, float64) { return "mnist", 0.4 }
func (l *loader) ProgressText() string {
	if l.Failed() {
		return "The MNIST download failed: the server answered 404 for mnist.bin.gz"
	}
	return "mnist.bin.gz: 4.2 of 10.5 MB"
}
func (l *loader) Retry() {}

// TestFrame lays the frame out at the browser tests' window sizes and on
// a phone, with the download under way, failed and done, the About card
// open and a message: its texts (in the page's fonts) and widgets lie in
// the window and in the bar or their strip, no text overlaps another or
// a widget, the state's own text is there, and on a phone every control
// is a finger's size.
func TestFrame(t *testing.T) {
	painttest.GoFonts(t)
	for _, win := range [][2]float64{{1024, 640}, {1280, 800}, {painttest.PhoneW, 844}, {768, 1024}, {844, 390}} {
		for _, state := range []string{"loading", "failed", "", "message"} {
			touch := win[0] < 1024
			ui.SetDevice(ui.Classify(int(win[0]), int(win[1]), touch), win[0], touch)
			ld := &loader{state}
			if state == "message" {
				ld.state = ""
			}
			s := ui.NewShell([]ui.Scene{tab{name: "digits", title: "Digits"}, tab{name: "landscape", title: "Landscape"},
				tab{name: "descent", title: "Descent"}, tab{name: "ring", title: "Ring"}}, ld, "")
			s.About.Texts = map[string]string{"digits": "Digits trains the course's networks on handwritten digits: 4 vs 9 (seed 000), ten digits (001, 002), the 8x8 digits (003). Try: Start; then the views."}
			minW, minH := ui.MinW, ui.MinH
			if ui.Paged {
				minW, minH = 1, 1 // (as the page lays out: one logical pixel per CSS pixel)
			}
			s.Screen, s.Touch = ui.FitScreen(int(win[0]), int(win[1]), 1, minW, minH), touch
			s.Device = ui.Classify(int(win[0]), int(win[1]), touch)
			if state == "message" {
				s.Banner.Add(`option lr="-1": out of range 0.0001..10; kept 0.01`)
			}
			for i := range 2 {
				s.In.Reset()
				s.Begin(time.Date(2026, 1, 2, 3, 4, 5+i, 0, time.UTC))
				s.End(0)
			}
			var l paint.List
			paint.Frame(&l, s)
			texts := paint.Texts([]*paint.List{&l})
			want := s.Hint()
			switch {
			case state == "loading":
				want = ld.ProgressText()
			case state == "failed":
				want = s.FailTitle()
			case state == "message" && len(s.Banner.Lines) > 0:
				want = s.Banner.Lines[0]
			}
			found := false
			for i, a := range texts {
				found = found || a.S == want
				if !a.R.Within(s.Window) {
					t.Errorf("%v %q: %s %q %v leaves the window %v", win, state, a.Kind, a.S, a.R, s.Window)
				}
				if !a.R.Within(s.Bar) && !a.R.Within(s.About.Rect) && !a.R.Within(s.Banner.Rect) {
					t.Errorf("%v %q: %s %q %v is neither in the bar %v, the card %v nor the banner %v", win, state, a.Kind, a.S, a.R, s.Bar, s.About.Rect, s.Banner.Rect)
				}
				if ui.Paged && a.Kind == "widget" && a.R.H < ui.TouchRowH {
					t.Errorf("%v %q: %q %v is smaller than a finger", win, state, a.S, a.R)
				}
				for _, b := range texts[i+1:] {
					if (a.Kind != "widget" || b.Kind != "widget") && a.R.Overlaps(b.R) {
						t.Errorf("%v %q: %s %q %v overlaps %s %q %v", win, state, a.Kind, a.S, a.R, b.Kind, b.S, b.R)
					}
				}
			}
			short := ui.Paged && win[1] < 500 && (state == "" || state == "message")
			if found == (short && state == "") {
				t.Errorf("%v %q: the bar says %q: %v (a short page's bar has no hints)", win, state, want, found)
			}
			if short && s.Info.H != 0 || !short && s.Info.H < 40 {
				t.Errorf("%v %q: the bar's right part %v", win, state, s.Info)
			}
			if s.Banner.Visible() != (state == "failed" || state == "message") || s.About.Visible() == s.Banner.Visible() {
				t.Errorf("%v %q: banner shown %v, card shown %v", win, state, s.Banner.Visible(), s.About.Visible())
			}
		}
	}
	ui.SetDevice(ui.Desktop, 1280, false)
}
