package ui

import (
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

// The frame around the scenes, in logical pixels.
const (
	BarH = 44.0   // the top bar (a page's first row): app name, tabs, key hints or loading progress
	MinW = 1024.0 // narrower windows get a Page; shorter ones the desktop layout scaled down
	MinH = 640.0
)

// tabTips are the tabs' tooltips, in the order of Scenes.
var tabTips = []string{
	"Train linear models, MLPs and CNNs on handwritten digits (key 1)",
	"Why a ReLU network is piecewise linear: its kinks and pieces (key 2)",
	"Gradient descent and ascent on a 2-D function (key 3)",
	"A hand-designed ReLU ring detector, then a learned one (key 4)",
}

// Scene is a tab as the Shell sees it: its names, options, figures and run
// controls. (The app's scenes add Update and Draw.) A scene may also be a
// Pacer or an Animator.
type Scene interface {
	// Name is the key used in the URL and the JS API: "digits",
	// "landscape", "descent", "ring".
	Name() string
	// Title is the tab label.
	Title() string
	// Set applies options given as strings, from the URL query or from
	// window.digitlab.set(). An unknown key or a malformed or out-of-range
	// value yields an *OptionError and keeps the current value; the other
	// options still apply. "scene" is handled by the Shell and never
	// passed in.
	Set(opts map[string]string) []error
	// Status returns the scene's live figures for window.digitlab.status().
	// Keys are camelCase; values are bool, string, int, float64 (NaN is
	// turned into null) or []float64. The Shell adds scene, running, error
	// and its own keys (README.md, the status() row).
	Status() map[string]any
	// The run controls, bound to space (start/pause), s (step), r (reset)
	// and to window.digitlab. A scene without a notion of time embeds
	// NoRun.
	Start()
	Pause()
	Running() bool
	// Step advances by n steps (training steps, descent iterations) while
	// paused. It may spread the work over the next Updates.
	Step(n int)
	Reset()
}

// NoRun gives a scene without a notion of time the run controls as no-ops.
type NoRun struct{}

func (NoRun) Start()        {}
func (NoRun) Pause()        {}
func (NoRun) Running() bool { return false }
func (NoRun) Step(int)      {}
func (NoRun) Reset()        {}

// Loader is the background data download as the Shell sees it.
type Loader interface {
	Loading() bool                         // under way: the bar shows its progress
	Failed() bool                          // failed: the banner says why, the bar offers Retry
	Stopped() bool                         // failed because the worker stopped: Retry restarts it
	Progress() (what string, frac float64) // the file under way and the fraction loaded
	ProgressText() string                  // what the bar (or, once failed, the banner) says
	Retry()
}

// Shell is the app's frame around the scenes without a screen: the tabs
// and the keys that switch them (1–4) and steer the visible scene (space,
// s, r), the message banner and the failed download's message in it, the
// top bar's layout, the time each frame gives the scene, which frames are
// drawn (whole or in part), options from the URL and window.digitlab.set,
// and status(). The app fills In, calls Begin, runs the visible scene's
// Update in Area within Budget, calls End and draws if DrawNow.
type Shell struct {
	Scenes []Scene // in tab order
	Cur    int     // the visible one
	Load   Loader

	Tabs   Tabs
	Banner Banner
	About  About // the "About this tab" card under the banner
	Tip    Tooltip
	Snap   Snap   // the PNG button on the panel under the pointer
	Retry  Button // in the bar while the download failed
	Copy   Button // "copy link", at the bar's right end
	// CopyWanted asks the page to copy the address (Link) to the
	// clipboard; the page clears it and reports in Copied.
	CopyWanted bool
	Copied     string    // what became of the last copy ("link copied", or why not)
	CopiedAt   time.Time // when
	In         Input     // this frame's input; Begin removes the app's keys

	Screen                  Screen // the window as Layout fitted it
	Device                  Device // what kind of screen it is (status().layout)
	Touch                   bool   // the screen takes touches (or one was seen)
	Window, Bar, Area, Info Rect   // the whole window, the top bar, the scene's area, the bar's right part
	// Page is the scene's page (Paged): Area is then its first screen in
	// the page's coordinates, and the page shows in Page.View.
	Page   Page
	Budget time.Duration

	DrawNow     bool // this frame must be drawn
	DrawPartial bool // only the running scene's changes need drawing
	JSErr       string

	UpdateMs, DrawMs, FrameMs float64 // smoothed CPU time of Update and Draw, time between frames
	FullDraws, PartDraws      int     // frames drawn whole / in part

	redraw      Redraw
	frameAt     time.Time // when this frame began
	loadState   int       // the download's state last frame (loadState)
	failMsg     string    // the failure's message in the banner, until mended
	progress    progressKey
	progressAt  time.Time
	overBanner  bool // the pointer was over the banner last frame
	bannerRect  Rect // the banner as the last frame laid it out
	bannerLines []string
	lastUpdate  time.Time  // the last frame's start while the scene runs
	sceneMs     float64    // smoothed time of the running scene's Update
	panels      []PanelRef // the visible scene's titled panels, last frame
	overSnap    bool       // the pointer was over the PNG button last frame
	link        string     // the query LinkChanged last returned
	linkOK      bool
	linkAt      time.Time
	scrolled    float64 // the page's scroll before this frame
	pageOf      int     // the scene Page.Scroll is of
}

// copyW is the width of the "copy link" button, hintsW the room the bar
// keeps for the key hints.
const (
	copyW  = 90.0
	aboutW = 64.0
	hintsW = 290.0 // the hints are 250 wide in the small font
	// pageBarW is the narrowest page whose bar puts the tabs beside the
	// app's name and the buttons (two rows, not three).
	pageBarW = 150 + 4*110 + aboutW + copyW + 4*Pad
	// shortPage is the window height under which a page's bar leaves out
	// the row of hints.
	shortPage = 500.0
)

// CopyDone records what became of a copy of the link (the page's
// clipboard call), shown in the bar for a few seconds.
func (s *Shell) CopyDone(msg string) {
	s.Copied, s.CopiedAt = msg, s.frameAt
	s.redraw.Invalidate()
}

// CopiedNote is the copy's outcome while it is fresh (3 s), else "".
func (s *Shell) CopiedNote() string {
	if s.Copied == "" || s.frameAt.Sub(s.CopiedAt) > 3*time.Second {
		return ""
	}
	return s.Copied
}

// FailTitle is what the bar says, beside Retry, once the download failed:
// the data's failure, or the trainer worker's.
func (s *Shell) FailTitle() string {
	if s.Load.Stopped() {
		return "The trainer stopped"
	}
	return "Data download failed"
}

// progressKey is what the loading progress shows: the file and percent.
type progressKey struct {
	what string
	pct  int
}

// NewShell returns the shell around scenes (in tab order) with the URL
// query applied; its errors go to the banner.
func NewShell(scenes []Scene, ld Loader, query string) *Shell {
	s := &Shell{Scenes: scenes, Load: ld, Screen: Screen{DPR: 1, CSSPerLogical: 1, W: MinW, H: MinH}, Device: Desktop, Budget: 8 * time.Millisecond}
	for _, sc := range scenes {
		s.Tabs.Options = append(s.Tabs.Options, sc.Title())
	}
	s.Tabs.Tips = tabTips
	SetRetry(&s.Retry, false)
	s.Copy.Label, s.Copy.Tip = "copy link", "Copy the address of this set-up: it opens the same tab with the same settings"
	scene, opts, errs := ParseQuery(query)
	s.report(errs)
	s.GoTo(scene, opts)
	return s
}

// SetRetry labels the button that mends a failed download: Retry, or
// Restart when the worker itself stopped.
func SetRetry(b *Button, stopped bool) {
	b.Label, b.Tip = "Retry", "Download the data again"
	if stopped {
		b.Label, b.Tip = "Restart", "Start the trainer again"
	}
}

// Scene returns the visible scene.
func (s *Shell) Scene() Scene { return s.Scenes[s.Cur] }

// Invalidate makes the next frame a whole one.
func (s *Shell) Invalidate() { s.redraw.Invalidate() }

func (s *Shell) index(name string) int {
	return slices.IndexFunc(s.Scenes, func(sc Scene) bool { return sc.Name() == name })
}

func (s *Shell) report(errs []error) {
	for _, err := range errs {
		if err != nil {
			s.Banner.Add(err.Error())
		}
	}
}

// GoTo shows the scene name (unknown: an error and the current scene
// stays) and applies opts to it. The errors are shown in the banner and
// returned.
func (s *Shell) GoTo(name string, opts map[string]string) []error {
	s.redraw.Invalidate()
	var errs []error
	i := s.index(name)
	if i < 0 {
		_, err := SceneName(name)
		errs = append(errs, err)
		i = s.Cur
	}
	s.Cur, s.Tabs.Index = i, i
	if len(opts) > 0 {
		errs = append(errs, s.Scenes[i].Set(opts)...)
	}
	s.report(errs)
	return errs
}

// SetOptions applies window.digitlab.set's options: "scene" switches
// scenes, the rest go to the (new) scene. It returns the errors' texts,
// empty when all applied.
func (s *Shell) SetOptions(opts map[string]string) []string {
	name := s.Scene().Name()
	rest := map[string]string{}
	var errs []error
	for k, v := range opts {
		if k != "scene" {
			rest[k] = v
		} else if n, err := SceneName(v); err != nil {
			errs = append(errs, err)
		} else {
			name = n
		}
	}
	s.report(errs)
	errs = append(errs, s.GoTo(name, rest)...)
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

// Begin starts the frame at now, once the app has filled In: the
// download's failure goes to the banner (and leaves it when mended), the
// app's keys are routed, the bar and the scene's Area laid out, the
// banner, tabs and Retry fed, and the scene's Budget set.
func (s *Shell) Begin(now time.Time) {
	s.frameAt = now
	s.In.Touch = s.Touch
	ld := s.Load
	failed := ld.Failed()
	state := loadState(ld.Loading(), failed)
	if failed && s.loadState != state {
		s.failMsg = ld.ProgressText()
		s.Banner.Add(s.failMsg)
	}
	if !failed && s.failMsg != "" {
		s.Banner.Remove(s.failMsg) // Retry or Restart mended it
		s.failMsg = ""
	}
	if state != s.loadState {
		s.redraw.Invalidate()
	}
	s.loadState = state

	s.routeKeys()

	s.Window = Rect{W: s.Screen.W, H: s.Screen.H}
	s.layoutBar(ld.Loading() || failed || s.CopiedNote() != "")
	// The banner shows its messages over the About card's strip: the
	// scene moves down only for a banner taller than the card.
	s.About.Hold = s.Banner.Visible()
	underBanner, underCard := s.Banner.Layout(s.Area), s.About.Layout(s.Area, s.Scene().Name())
	if underCard.Y > underBanner.Y {
		underBanner = underCard
	}
	s.Area = underBanner.Inset(Pad + 4)
	s.Page.On = Paged
	if Paged {
		// The scene lays out from the page's top: Area is the page's first
		// screen (its pictures fit in it), the scene goes on below as far
		// as it needs (Tall).
		s.Page.View = underBanner
		s.Area = Rect{W: underBanner.W, H: underBanner.H}.Inset(Pad + 4)
		s.Page.H = max(s.Page.H, s.Page.View.H)
		s.Page.ScrollBy(0)
	}

	s.Banner.Update(&s.In)
	if s.About.Update(&s.In) {
		s.redraw.Invalidate() // the scene's area grows or shrinks
	}
	if s.Snap.Update(&s.In, s.panels) {
		s.redraw.Invalidate() // the button came, went or moved
	}
	if s.Tabs.Update(&s.In) {
		s.Cur = s.Tabs.Index
	}
	if s.Cur != s.pageOf {
		s.Page.Scroll, s.pageOf = 0, s.Cur // another tab's page: from its top
	}
	if s.Copy.Update(&s.In) {
		s.CopyWanted = true
	}
	if s.Copied != "" && s.CopiedNote() == "" {
		s.Copied = "" // the note's time is up: the bar shows the hints again
		s.redraw.Invalidate()
	}
	SetRetry(&s.Retry, ld.Stopped())
	if failed && s.Retry.Update(&s.In) {
		ld.Retry()
	}
	s.adaptBudget(now)
	s.scrolled = s.Page.Scroll
	s.Page.toPage(&s.In)
}

// layoutBar lays out the top bar: on a desktop one row (the app's name,
// the tabs, the hints or the download's progress, "about" and "copy
// link"); on a page two where the window is wide enough (pageBarW: the
// name, the tabs, "about" and "copy link", then the hints or the
// progress), else three (the name with the buttons, the tabs across the
// window, the hints or the progress). On a short page (a phone held
// sideways) the row of hints goes unless news needs it (news: the
// download's progress or failure, the copied link's note).
func (s *Shell) layoutBar(news bool) {
	if Paged {
		rowH := RowH + 8
		wide := s.Window.W >= pageBarW
		infoH := RowH + 4
		if s.Window.H < shortPage && !news {
			infoH = 0
		}
		h := BarH + rowH + infoH
		if wide {
			h = rowH + infoH
		}
		s.Bar, _ = s.Window.CutTop(h, 0)
		top, rest := s.Bar.CutTop(BarH, 0)
		tabs, info := rest.CutTop(rowH, 0)
		if wide {
			top, info = s.Bar.CutTop(rowH, 0)
			tabs = Rect{X: top.X + 150, Y: top.Y, W: float64(len(s.Scenes)) * 110, H: top.H}
		}
		s.Tabs.Rect = tabs
		s.Info = info.Inset(Pad)
		s.Info.Y, s.Info.H = info.Y, info.H
		s.Copy.Rect = Rect{X: top.Right() - Pad - copyW, Y: top.Y + (top.H-RowH)/2, W: copyW, H: RowH}
		s.About.Open.Rect = Rect{X: s.Copy.Rect.X - Gap - aboutW, Y: s.Copy.Rect.Y, W: aboutW, H: RowH}
		s.Retry.Rect = Rect{X: s.Info.Right() - 80, Y: info.Y + (info.H-RowH)/2, W: 80, H: RowH}
		s.Info.W -= 80 + Gap
		_, s.Area = s.Window.CutTop(s.Bar.H, 0)
		return
	}
	s.Bar, s.Area = s.Window.CutTop(BarH, 0)
	_, rest := s.Bar.CutLeft(150, 0) // the app's name
	// Tabs 130 wide, narrower (to 100) where the key hints would not fit
	// beside them and "copy link" (at 1024 they are 104).
	tabW := max(100, min(130, (rest.W-copyW-aboutW-3*Pad-hintsW)/float64(len(s.Scenes))))
	s.Tabs.Rect = Rect{X: rest.X, Y: rest.Y, W: min(float64(len(s.Scenes))*tabW, rest.W), H: rest.H}
	s.Info = Rect{X: s.Tabs.Rect.Right() + Pad, Y: s.Bar.Y, W: s.Bar.Right() - s.Tabs.Rect.Right() - 2*Pad, H: s.Bar.H}
	s.Copy.Rect = Rect{X: s.Info.Right() - copyW, Y: s.Bar.Y + (s.Bar.H-RowH)/2, W: copyW, H: RowH}
	s.Info.W -= copyW + Gap
	s.About.Open.Rect = Rect{X: s.Info.Right() - aboutW, Y: s.Copy.Rect.Y, W: aboutW, H: RowH}
	s.Info.W -= aboutW + Gap
	s.Retry.Rect = Rect{X: s.Info.Right() - 70, Y: s.Bar.Y + (s.Bar.H-RowH)/2, W: 70, H: RowH}
}

// loadState numbers the download's three states: loading (the zero
// value, as before the first frame), ready, failed.
func loadState(loading, failed bool) int {
	switch {
	case loading:
		return 0
	case failed:
		return 2
	}
	return 1
}

// routeKeys handles 1–4 (tabs), space (start/pause), s (step), r (reset)
// and removes them from the input so scenes see only their own keys.
func (s *Shell) routeKeys() {
	in := &s.In
	for i, k := range [...]Key{KeyTab1, KeyTab2, KeyTab3, KeyTab4} {
		if in.KeyPressed(k) && i < len(s.Scenes) {
			s.Cur, s.Tabs.Index = i, i
			in.DropKey(k)
		}
	}
	sc := s.Scene()
	if in.KeyPressed(KeyStartPause) {
		if sc.Running() {
			sc.Pause()
		} else {
			sc.Start()
		}
		in.DropKey(KeyStartPause)
	}
	if in.KeyPressed(KeyStep) {
		sc.Step(1)
		in.DropKey(KeyStep)
	}
	if in.KeyPressed(KeyReset) {
		sc.Reset()
		in.DropKey(KeyReset)
	}
}

// frameGoal is the frame time, in milliseconds, aimed at while a scene
// runs: 36 fps, so that the page stays above 30 fps through the jitter of
// a shared machine.
const frameGoal = 1000.0 / 36

// adaptBudget sets how long the scene may compute this frame. Idle, 8 ms.
// While the scene runs (training), the frame aims at frameGoal: the scene
// gets what is left of it after the rest of a frame (drawing, the
// browser's compositing, measured as the time between frames minus the
// scene's Update), between 3 and 20 ms.
func (s *Shell) adaptBudget(now time.Time) {
	if !s.Scene().Running() {
		s.lastUpdate, s.FrameMs, s.sceneMs = time.Time{}, 0, 0
		s.Budget = 8 * time.Millisecond
		return
	}
	if dt := now.Sub(s.lastUpdate); !s.lastUpdate.IsZero() && dt < 250*time.Millisecond { // not a hidden tab's pause
		s.FrameMs = Smooth(s.FrameMs, dt)
	}
	s.lastUpdate = now
	ms := 12.0 // the first frames, before anything is measured
	if s.FrameMs > 0 {
		ms = frameGoal - max(0, s.FrameMs-s.sceneMs)
	}
	s.Budget = time.Duration(max(3, min(20, ms)) * float64(time.Millisecond))
}

// Pacer is implemented by a scene whose run changes the screen only on
// some frames (Descent takes a few steps a second): while it runs, the
// shell draws a frame only when Changed reports that this tick's Update
// changed something, or the input asks for it. A full frame costs tens of
// milliseconds where WebGL is rendered in software.
type Pacer interface {
	Changed() bool
}

// Animator is implemented by a scene that changes on screen while not
// Running and without input (an animation): the shell skips frames where
// nothing changed, except while Animating is true.
type Animator interface {
	Animating() bool
}

// End finishes the frame after the visible scene's Update, which took
// sceneTook: it feeds the tooltip and decides whether the frame is drawn
// (DrawNow) and whether in part (DrawPartial).
func (s *Shell) End(sceneTook time.Duration) {
	sc := s.Scene()
	busy := sc.Running()
	if busy {
		s.sceneMs = Smooth(s.sceneMs, sceneTook)
	}
	s.Page.toWindow(&s.In)
	if t, ok := sc.(Tall); ok && s.Page.On {
		s.Page.H = max(s.Page.View.H, min(PageMax(s.Screen.DPR), t.PageHeight()+2*(Pad+4)))
		s.Page.ScrollBy(0)
	}
	scrolled := s.Page.Scroll != s.scrolled
	s.Tip.Update(&s.In)
	_, _, tipOn := s.Tip.Visible(s.In.Now)
	if p, ok := sc.(Pacer); ok && busy {
		busy = p.Changed()
	}
	loading := s.Load.Loading()
	if loading && s.progressDue() {
		busy = true
	}
	if an, ok := sc.(Animator); ok && an.Animating() {
		busy = true
	}
	s.DrawNow = s.redraw.Need(&s.In, busy, s.Screen.W*s.Screen.DPR, s.Screen.H*s.Screen.DPR, tipOn) || scrolled
	// The banner sits above the scene's area, so partial redraws leave it
	// alone; a message that comes, goes or changes (the scene's area moves)
	// and the pointer over it (its Close button's hover) need whole
	// frames. (Whole frames for as long as a message is shown cost a
	// training run five sixths of its speed.)
	b := &s.Banner
	overBanner := b.Visible() && b.Rect.Contains(s.In.X, s.In.Y) ||
		s.About.Visible() && s.About.Rect.Contains(s.In.X, s.In.Y) || s.About.Open.Rect.Contains(s.In.X, s.In.Y)
	bannerChanged := b.Rect != s.bannerRect || !slices.Equal(b.Lines, s.bannerLines)
	if bannerChanged {
		s.bannerRect, s.bannerLines = b.Rect, append(s.bannerLines[:0], b.Lines...)
	}
	// A picture of a panel is taken from a whole frame (without the
	// button), and the button's hover needs whole frames too; otherwise the
	// page draws the button over partial frames.
	overSnap := s.Snap.Button.Rect.Contains(s.In.X, s.In.Y) || s.Copy.Rect.Contains(s.In.X, s.In.Y)
	if s.Snap.Want.Title != "" {
		s.DrawNow = true
	}
	s.DrawPartial = s.redraw.Partial() && !loading && !tipOn &&
		!bannerChanged && !overBanner && !s.overBanner &&
		s.Snap.Want.Title == "" && !overSnap && !s.overSnap
	s.overBanner, s.overSnap = overBanner, overSnap
	s.panels = s.panels[:0]
	if p, ok := sc.(Panels); ok && !s.Page.On { // (no PNG button on a page: it would scroll under it)
		s.panels = p.Panels(s.panels)
	}
}

// progressDue reports whether the loading progress shown is due for a
// redraw: when its text or bar moved, at most twice a second (each
// redraw is a whole frame, ~50 ms where WebGL runs in software, and the
// trainer worker unpacks MNIST meanwhile).
func (s *Shell) progressDue() bool {
	what, frac := s.Load.Progress()
	key := progressKey{what, int(100 * frac)}
	if key == s.progress || s.frameAt.Sub(s.progressAt) < 500*time.Millisecond {
		return false
	}
	s.progress, s.progressAt = key, s.frameAt
	return true
}

// Drawn counts a frame drawn whole or in part that took took.
func (s *Shell) Drawn(partial bool, took time.Duration) {
	if partial {
		s.PartDraws++
	} else {
		s.FullDraws++
	}
	s.DrawMs = Smooth(s.DrawMs, took)
}

// Smooth is an exponential moving average of durations in milliseconds.
func Smooth(avg float64, d time.Duration) float64 {
	ms := float64(d) / float64(time.Millisecond)
	if avg == 0 {
		return ms
	}
	return avg + (ms-avg)/30
}

// sharedStatusKeys are the training figures every status() has: the
// Digits run's, whatever the tab, unless the visible scene has its own.
var sharedStatusKeys = []string{"step", "samplesPerSec", "task", "model", "trainLoss", "trainAcc", "testLoss", "testAcc"}

// Status fills m, which holds what only the page knows (fps, the version,
// the download's bytes), into window.digitlab.status(): the shell's
// figures, the Digits run's shared ones, then the visible scene's Status;
// error is dataErr, else the last JS call's error, else the banner's
// messages.
func (s *Shell) Status(m map[string]any, dataErr string) map[string]any {
	sc := s.Scene()
	m["scene"], m["running"], m["error"] = sc.Name(), sc.Running(), nil
	for _, k := range sharedStatusKeys {
		m[k] = nil
	}
	m["messages"] = append([]string(nil), s.Banner.Msgs...)
	m["layout"], m["touch"], m["hint"] = string(s.Device), s.Touch, s.Hint()
	m["tooltip"] = nil
	if text, _, ok := s.Tip.Visible(s.In.Now); ok {
		m["tooltip"] = text
	}
	a := &s.About
	closed := []any{}
	for _, n := range a.ClosedNames() {
		closed = append(closed, n)
	}
	m["about"] = map[string]any{"visible": a.Visible(), "lines": len(a.Lines), "closed": closed}
	m["aboutCloseRect"] = []float64{a.Close.Rect.X, a.Close.Rect.Y, a.Close.Rect.W, a.Close.Rect.H}
	m["aboutOpenRect"] = []float64{a.Open.Rect.X, a.Open.Rect.Y, a.Open.Rect.W, a.Open.Rect.H}
	m["width"], m["height"] = s.Screen.W, s.Screen.H
	m["rowH"] = RowH
	m["page"] = nil
	if pg := &s.Page; pg.On {
		m["page"] = map[string]any{"height": pg.H, "scroll": pg.Scroll, "view": []float64{pg.View.X, pg.View.Y, pg.View.W, pg.View.H}}
	}
	m["tabsRect"] = []float64{s.Tabs.Rect.X, s.Tabs.Rect.Y, s.Tabs.Rect.W, s.Tabs.Rect.H}
	m["updateMs"], m["drawMs"], m["frameMs"] = s.UpdateMs, s.DrawMs, s.FrameMs
	m["budgetMs"] = float64(s.Budget) / float64(time.Millisecond)
	m["fullDraws"], m["partialDraws"] = s.FullDraws, s.PartDraws
	panels := make([]any, len(s.panels))
	for i, p := range s.panels {
		panels[i] = map[string]any{"title": p.Title, "rect": []float64{p.R.X, p.R.Y, p.R.W, p.R.H}}
	}
	m["panels"] = panels
	m["link"] = s.Link()
	m["copied"], m["copyRect"] = s.Copied, []float64{s.Copy.Rect.X, s.Copy.Rect.Y, s.Copy.Rect.W, s.Copy.Rect.H}
	if b := s.Snap.Button.Rect; !b.Empty() {
		m["snapRect"], m["snapPanel"] = []float64{b.X, b.Y, b.W, b.H}, s.Snap.Over.Title
	} else {
		m["snapRect"], m["snapPanel"] = nil, nil
	}
	if i := s.index("digits"); i >= 0 && i != s.Cur {
		d := s.Scenes[i].Status()
		for _, k := range sharedStatusKeys {
			if v, ok := d[k]; ok {
				m[k] = v
			}
		}
	}
	for k, v := range sc.Status() {
		m[k] = v
	}
	switch {
	case dataErr != "":
		m["error"] = dataErr
	case s.JSErr != "":
		m["error"] = s.JSErr
	case len(s.Banner.Msgs) > 0:
		m["error"] = strings.Join(s.Banner.Msgs, "; ")
	}
	return m
}

// Predict answers window.digitlab.predict(pixels): n numbers (n < 0: not
// an array), at(i) the i-th, each clamped to 0..1, for the first scene
// with Predict([]float32) ([]float64, error). Its error, or why the pixels
// do not do, is returned and kept in JSErr for status().
func (s *Shell) Predict(n int, at func(i int) float64) ([]float64, error) {
	p, err := s.predict(n, at)
	s.JSErr = ""
	if err != nil {
		s.JSErr = err.Error()
	}
	return p, err
}

func (s *Shell) predict(n int, at func(i int) float64) ([]float64, error) {
	if n < 0 {
		return nil, fmt.Errorf("predict(pixels): pixels must be an array of 784 numbers in 0..1")
	}
	if n != 28*28 {
		return nil, fmt.Errorf("predict(pixels): got %d numbers, want 784 (28×28, row-major)", n)
	}
	px := make([]float32, n)
	for i := range px {
		v := at(i)
		if math.IsNaN(v) {
			return nil, fmt.Errorf("predict(pixels): pixel %d is not a number", i)
		}
		px[i] = float32(math.Max(0, math.Min(1, v)))
	}
	for _, sc := range s.Scenes {
		if p, ok := sc.(interface {
			Predict([]float32) ([]float64, error)
		}); ok {
			return p.Predict(px)
		}
	}
	return nil, fmt.Errorf("predict: no scene can classify images")
}

// StepCount is step(n)'s number of steps: n clamped to 1..1e6, 1 when n is
// not a number.
func StepCount(n float64, isNumber bool) int {
	if !isNumber {
		return 1
	}
	return int(math.Max(1, math.Min(1e6, n)))
}

// BuildVersion is window.digitlab.version: set (build.sh's -ldflags "-X
// main.version=…") if not empty, else the VCS revision of the build.
func BuildVersion(set string) string {
	if set != "" {
		return set
	}
	bi, _ := debug.ReadBuildInfo()
	return vcsVersion(bi)
}

// vcsVersion is the first 12 digits of the build's revision, "+dirty" if
// the tree was modified; "dev" without a revision.
func vcsVersion(bi *debug.BuildInfo) string {
	if bi == nil {
		return "dev"
	}
	v, dirty := "dev", ""
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			v = s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "+dirty"
		}
	}
	return v + dirty
}
