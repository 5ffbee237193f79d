//go:build js && wasm

package main

import (
	"slices"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/ui"
)

// Layout constants of the frame around the scenes, in logical pixels.
const (
	barH = 44.0   // the top bar: app name, tabs, key hints
	minW = 1024.0 // below this window size the whole app is scaled down
	minH = 640.0
)

// App is the ebiten.Game: the frame (tabs, banner, tooltip, key routing)
// around the scenes, the background data loading and the JS API's state.
type App struct {
	scenes []Scene
	cur    int

	tabs    ui.Tabs
	banner  ui.Banner
	tip     ui.Tooltip
	in      ui.Input
	reader  *inputReader
	data    *Data
	trainer *trainerClient // the Digits run's worker

	start    time.Time
	w, h     float64 // window size in logical pixels
	bar      ui.Rect
	area     ui.Rect // the current scene's area
	budget   time.Duration
	drawn    bool
	onFrame1 func() // called after the first Draw (JS: window.digitlabStarted)

	retry     ui.Button // shown in the bar while the data failed to load
	loadState LoadState // last seen data state, to report a failure once
	failMsg   string    // the failure's message in the banner, until mended

	progressKey progressKey // the loading progress last drawn (progressDue)
	progressAt  time.Time   // when
	statusArea  ui.Rect     // right part of the bar: key hints or loading progress
	jsErr       string      // last error of a JS API call (status().error)

	updateMs, drawMs float64 // smoothed CPU time of Update and Draw (status)

	redraw      ui.Redraw // skips Draw while nothing changed
	drawNow     bool      // this frame must be drawn
	partial     bool      // only the running scene's changes need drawing
	overBanner  bool      // the pointer was over the message banner last frame
	bannerRect  ui.Rect   // the banner as the last frame laid it out
	bannerLines []string

	// Frame pacing while a scene runs: the smoothed time between frames
	// and the part of it the scene's Update took (the rest is drawing
	// and the browser's own work per frame).
	lastUpdate           time.Time
	frameMs, sceneMs     float64
	fullDraws, partDraws int // frames drawn whole / in part (status)
}

// NewApp builds the app with its scenes in tab order, applies the URL query
// (errors go to the banner) and starts loading the data.
func NewApp(query string) *App {
	tr := newTrainerClient()
	a := &App{
		scenes:  []Scene{NewDigits(tr), NewLandscape(), NewDescent(), NewRing()},
		trainer: tr,
		reader:  newInputReader(),
		start:   time.Now(),
		w:       minW, h: minH,
		budget: 8 * time.Millisecond,
		retry:  ui.Button{Label: "Retry", Tip: "Download the data again"},
	}
	for _, s := range a.scenes {
		a.tabs.Options = append(a.tabs.Options, s.Title())
	}
	a.tabs.Tips = []string{
		"Train linear models, MLPs and CNNs on handwritten digits (key 1)",
		"Why a ReLU network is piecewise linear: its kinks and pieces (key 2)",
		"Gradient descent and ascent on a 2-D function (key 3)",
		"A hand-designed ReLU ring detector, then a learned one (key 4)",
	}
	a.data = &Data{tr: tr}
	scene, opts, errs := ui.ParseQuery(query)
	a.report(errs)
	a.goTo(scene, opts)
	return a
}

// sceneIndex returns the index of the scene called name, or -1.
func (a *App) sceneIndex(name string) int {
	for i, s := range a.scenes {
		if s.Name() == name {
			return i
		}
	}
	return -1
}

// goTo shows the scene name (unknown: an error and the current scene stays)
// and applies opts to it. Errors are shown in the banner and returned.
func (a *App) goTo(name string, opts map[string]string) []error {
	a.redraw.Invalidate()
	var errs []error
	i := a.sceneIndex(name)
	if i < 0 {
		_, err := ui.SceneName(name)
		errs = append(errs, err)
		i = a.cur
	}
	a.cur, a.tabs.Index = i, i
	if len(opts) > 0 {
		errs = append(errs, a.scenes[i].Set(opts)...)
	}
	a.report(errs)
	return errs
}

func (a *App) report(errs []error) {
	for _, err := range errs {
		if err != nil {
			a.banner.Add(err.Error())
		}
	}
}

// setOptions applies options from window.digitlab.set: "scene" switches
// scenes, the rest go to the (new) scene.
func (a *App) setOptions(opts map[string]string) []error {
	name := a.Scene().Name()
	rest := map[string]string{}
	var errs []error
	for k, v := range opts {
		if k == "scene" {
			n, err := ui.SceneName(v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			name = n
			continue
		}
		rest[k] = v
	}
	a.report(errs)
	return append(errs, a.goTo(name, rest)...)
}

// Scene returns the visible scene.
func (a *App) Scene() Scene { return a.scenes[a.cur] }

// Layout makes the screen as many pixels as the device has (sharp text and
// plots) and sets dpr, the device pixels per logical pixel. Windows smaller
// than minW×minH are scaled down as a whole rather than laid out cramped.
func (a *App) Layout(outsideW, outsideH int) (int, int) {
	s := ui.FitScreen(outsideW, outsideH, ebiten.Monitor().DeviceScaleFactor(), minW, minH)
	dpr, cssPerLogical = s.DPR, s.CSSPerLogical
	a.w, a.h = s.W, s.H
	return s.DevW, s.DevH
}

// Update reads the input, routes the app's keys, lays out the frame and runs
// the visible scene within its time budget.
func (a *App) Update() error {
	t0 := time.Now()
	defer func() { a.updateMs = smooth(a.updateMs, time.Since(t0)) }()
	now := time.Since(a.start)
	a.reader.read(&a.in, now)
	a.trainer.check(t0)
	a.data.Poll()
	if a.data.State == LoadFailed && a.loadState != LoadFailed {
		a.failMsg = a.data.ProgressText()
		a.banner.Add(a.failMsg)
	}
	if a.data.State != LoadFailed && a.failMsg != "" {
		a.banner.Remove(a.failMsg) // Retry or Restart mended it
		a.failMsg = ""
	}
	if a.data.State != a.loadState {
		a.redraw.Invalidate()
	}
	a.loadState = a.data.State

	a.routeKeys()

	screen := ui.Rect{W: a.w, H: a.h}
	a.bar, a.area = screen.CutTop(barH, 0)
	a.layoutBar()
	a.area = a.banner.Layout(a.area).Inset(ui.Pad + 4)

	a.banner.Update(&a.in)
	if a.tabs.Update(&a.in) {
		a.cur = a.tabs.Index
	}
	a.retry.Label, a.retry.Tip = "Retry", "Download the data again"
	if a.trainer.failed != "" {
		a.retry.Label, a.retry.Tip = "Restart", "Start the trainer again"
	}
	if a.data.State == LoadFailed && a.retry.Update(&a.in) {
		a.data.Retry()
	}

	a.adaptBudget(t0)
	ctx := &Context{
		In: &a.in, Area: a.area, Screen: screen, Scale: dpr,
		Budget: a.budget, Now: now, Data: a.data, app: a,
	}
	ts := time.Now()
	if err := a.Scene().Update(ctx); err != nil {
		return err
	}
	if a.Scene().Running() {
		a.sceneMs = smooth(a.sceneMs, time.Since(ts))
	}
	a.tip.Update(&a.in)

	_, _, tipOn := a.tip.Visible(now)
	busy := a.Scene().Running()
	if p, ok := a.Scene().(Pacer); ok && busy {
		busy = p.Changed()
	}
	if a.data.State == Loading && a.progressDue(t0) {
		busy = true
	}
	if an, ok := a.Scene().(Animator); ok && an.Animating() {
		busy = true
	}
	a.drawNow = a.redraw.Need(&a.in, busy, a.w*dpr, a.h*dpr, tipOn)
	// The banner sits above the scene's area, so partial redraws leave it
	// alone; a message that comes, goes or changes (the scene's area moves)
	// and the pointer over it (its Close button's hover) need whole
	// frames. (Whole frames for as long as a message is shown cost a
	// training run five sixths of its speed.)
	b := &a.banner
	overBanner := b.Visible() && b.Rect.Contains(a.in.X, a.in.Y)
	bannerChanged := b.Rect != a.bannerRect || !slices.Equal(b.Lines, a.bannerLines)
	if bannerChanged {
		a.bannerRect, a.bannerLines = b.Rect, append(a.bannerLines[:0], b.Lines...)
	}
	a.partial = a.redraw.Partial() && a.data.State != Loading && !tipOn &&
		!bannerChanged && !overBanner && !a.overBanner
	a.overBanner = overBanner
	return nil
}

// progressKey is what the loading progress shows: the file and percent.
type progressKey struct {
	what string
	pct  int
}

// progressDue reports whether the loading progress shown is due for a
// redraw: when its text or bar moved, at most twice a second (each
// redraw is a whole frame, ~50 ms where WebGL runs in software, and the
// trainer worker unpacks MNIST meanwhile).
func (a *App) progressDue(now time.Time) bool {
	key := progressKey{a.data.What, int(100 * a.data.Fraction())}
	if key == a.progressKey || now.Sub(a.progressAt) < 500*time.Millisecond {
		return false
	}
	a.progressKey, a.progressAt = key, now
	return true
}

// routeKeys handles 1–4 (tabs), space (start/pause), s (step), r (reset)
// and removes them from the input so scenes see only their own keys.
func (a *App) routeKeys() {
	for i, k := range []ui.Key{ui.KeyTab1, ui.KeyTab2, ui.KeyTab3, ui.KeyTab4} {
		if a.in.KeyPressed(k) && i < len(a.scenes) {
			a.cur, a.tabs.Index = i, i
			a.in.DropKey(k)
		}
	}
	s := a.Scene()
	if a.in.KeyPressed(ui.KeyStartPause) {
		if s.Running() {
			s.Pause()
		} else {
			s.Start()
		}
		a.in.DropKey(ui.KeyStartPause)
	}
	if a.in.KeyPressed(ui.KeyStep) {
		s.Step(1)
		a.in.DropKey(ui.KeyStep)
	}
	if a.in.KeyPressed(ui.KeyReset) {
		s.Reset()
		a.in.DropKey(ui.KeyReset)
	}
}

// frameGoal is the frame time aimed at while a scene runs: 36 fps, so
// that the page stays above 30 fps through the jitter of a shared machine.
const frameGoal = 1000.0 / 36

// adaptBudget sets how long the scene may compute this frame. Idle, 8 ms.
// While the scene runs (training), the frame aims at frameGoal: the scene
// gets what is left of it after the rest of a frame (drawing, the
// browser's compositing, measured as the time between frames minus the
// scene's Update), between 3 and 20 ms.
func (a *App) adaptBudget(now time.Time) {
	if !a.Scene().Running() {
		a.lastUpdate, a.frameMs, a.sceneMs = time.Time{}, 0, 0
		a.budget = 8 * time.Millisecond
		return
	}
	if dt := now.Sub(a.lastUpdate); !a.lastUpdate.IsZero() && dt < 250*time.Millisecond { // not a hidden tab's pause
		a.frameMs = smooth(a.frameMs, dt)
	}
	a.lastUpdate = now
	ms := 12.0 // the first frames, before anything is measured
	if a.frameMs > 0 {
		ms = frameGoal - max(0, a.frameMs-a.sceneMs)
	}
	a.budget = time.Duration(max(3, min(20, ms)) * float64(time.Millisecond))
}

// layoutBar places the app name, the tabs and the key hints in the bar.
func (a *App) layoutBar() {
	_, rest := a.bar.CutLeft(150, 0)
	a.tabs.Rect = ui.Rect{X: rest.X, Y: rest.Y, W: min(4*130, rest.W), H: rest.H}
	a.statusArea = ui.Rect{X: a.tabs.Rect.Right() + ui.Pad, Y: a.bar.Y, W: a.bar.Right() - a.tabs.Rect.Right() - 2*ui.Pad, H: a.bar.H}
	a.retry.Rect = ui.Rect{X: a.statusArea.Right() - 70, Y: a.bar.Y + (a.bar.H-ui.RowH)/2, W: 70, H: ui.RowH}
}

// Draw draws the scene, then the frame on top of it.
func (a *App) Draw(screen *ebiten.Image) {
	if !a.drawNow && a.drawn {
		return // the last picture is still on screen (not cleared every frame)
	}
	t0 := time.Now()
	defer func() { a.drawMs = smooth(a.drawMs, time.Since(t0)) }()
	if a.partial && a.drawn {
		if p, ok := a.Scene().(PartialDrawer); ok && p.DrawChanges(screen) {
			a.partDraws++
			return
		}
	}
	a.fullDraws++
	screen.Fill(colBg)
	a.Scene().Draw(screen)

	fillRect(screen, a.bar, colPanel)
	fillRect(screen, ui.Rect{X: 0, Y: a.bar.Bottom() - 1, W: a.w, H: 1}, colBorder)
	textIn(screen, "Digit Lab", ui.Rect{X: a.bar.X + 8, Y: a.bar.Y, W: 140, H: a.bar.H}, sizeTitle, FontBold, colText, AlignStart)
	drawTabs(screen, &a.tabs)
	a.drawBarStatus(screen)

	if a.banner.Visible() {
		a.drawBanner(screen)
	}
	if tip, at, ok := a.tip.Visible(time.Since(a.start)); ok {
		drawTooltip(screen, tip, at, ui.Rect{W: a.w, H: a.h})
	}
	if !a.drawn {
		a.drawn = true
		if a.onFrame1 != nil {
			a.onFrame1() // Draw's only side effect: tell the page once
		}
	}
}

// drawBarStatus draws, at the right of the bar, the loading progress
// (bytes of total), the failure with its Retry button, or the key hints.
func (a *App) drawBarStatus(screen *ebiten.Image) {
	r := a.statusArea
	switch a.data.State {
	case Loading:
		barR, line := r.CutBottom(12, 0)
		textIn(screen, a.data.ProgressText(), line, sizeSmall, FontRegular, colMuted, AlignEnd)
		track := ui.Rect{X: barR.X + ui.Pad, Y: barR.Y + 1, W: barR.W - 2*ui.Pad, H: 4}
		fillRoundRect(screen, track, 2, colTrack)
		track.W *= a.data.Fraction()
		fillRoundRect(screen, track, 2, colAccent)
	case LoadFailed:
		msg, _ := r.CutRight(r.W-a.retry.Rect.W-ui.Gap, 0)
		msg.X -= a.retry.Rect.W + ui.Gap
		what := "Data download failed"
		if a.trainer.failed != "" {
			what = "The trainer stopped"
		}
		textIn(screen, what, msg, sizeBody, FontBold, colBad, AlignEnd)
		drawButton(screen, &a.retry)
	default:
		hint := "1-4 tabs   space start/pause   s step   r reset"
		if textWidth(hint, sizeSmall, FontRegular)+2*ui.Pad < r.W {
			textIn(screen, hint, r, sizeSmall, FontRegular, colMuted, AlignEnd)
		}
	}
}

// drawBanner draws the error messages with their dismiss button.
func (a *App) drawBanner(screen *ebiten.Image) {
	b := &a.banner
	fillRect(screen, b.Rect, colBannerBg)
	fillRect(screen, ui.Rect{X: b.Rect.X, Y: b.Rect.Y, W: 4, H: b.Rect.H}, colBad)
	for i, m := range b.Lines {
		drawText(screen, m, b.Rect.X+ui.Pad+8, b.Rect.Y+ui.Pad+1+float64(i)*ui.BannerLineH, sizeBody, FontRegular, colText, AlignStart)
	}
	drawButton(screen, &b.Close)
}

// smooth is an exponential moving average of durations in milliseconds.
func smooth(avg float64, d time.Duration) float64 {
	ms := float64(d) / float64(time.Millisecond)
	if avg == 0 {
		return ms
	}
	return avg + (ms-avg)/30
}
