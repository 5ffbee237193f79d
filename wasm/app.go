//go:build js && wasm

package main

import (
	"image/color"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
	"digitlab/scenes/descent"
	"digitlab/scenes/digitsview"
	"digitlab/scenes/landscape"
	"digitlab/scenes/ring"
)

// App is the ebiten.Game: the frame around the scenes (ui.Shell: tabs,
// banner, tooltip, key routing, frame pacing), drawn here, with the input,
// the trainer worker and the data download it reads.
type App struct {
	*ui.Shell
	scenes  []Scene    // the Shell's, with Update and Draw
	banner  *ui.Banner // the Shell's (Context.Report)
	reader  *inputReader
	data    *Data
	trainer *trainerClient // the Digits run's worker

	start    time.Time
	drawn    bool
	onFrame1 func() // called after the first Draw (JS: window.digitlabStarted)
}

// NewApp builds the app with its scenes in tab order, applies the URL query
// (errors go to the banner) and starts loading the data.
func NewApp(query string) *App {
	tr := newTrainerClient()
	a := &App{
		scenes:  []Scene{NewDigits(tr), NewLandscape(), NewDescent(), NewRing()},
		trainer: tr, reader: newInputReader(), start: time.Now(),
		data: &Data{Client: &tr.Client},
	}
	ss := make([]ui.Scene, len(a.scenes))
	for i, s := range a.scenes {
		ss[i] = s
	}
	a.Shell = ui.NewShell(ss, a.data, query)
	a.banner = &a.Banner
	a.About.Texts = map[string]string{"digits": digitsview.About, "landscape": landscape.About, "descent": descent.About, "ring": ring.About}
	restoreAbout(&a.About)
	return a
}

// goTo shows the scene name and applies opts to it (Context.GoTo).
func (a *App) goTo(name string, opts map[string]string) []error { return a.GoTo(name, opts) }

// Layout makes the screen as many pixels as the device has (sharp text and
// plots) and sets dpr, the device pixels per logical pixel. Windows smaller
// than ui.MinW×MinH are scaled down as a whole rather than laid out cramped.
func (a *App) Layout(outsideW, outsideH int) (int, int) {
	a.Screen = ui.FitScreen(outsideW, outsideH, ebiten.Monitor().DeviceScaleFactor(), ui.MinW, ui.MinH)
	dpr, cssPerLogical = a.Screen.DPR, a.Screen.CSSPerLogical
	a.Touch = a.reader.touchScreen
	a.Device = ui.Classify(outsideW, outsideH, a.Touch)
	return a.Screen.DevW, a.Screen.DevH
}

// Update reads the input and the worker, runs the shell's frame and the
// visible scene within its time budget.
func (a *App) Update() error {
	t0 := time.Now()
	defer func() { a.UpdateMs = ui.Smooth(a.UpdateMs, time.Since(t0)) }()
	a.reader.read(&a.In, t0.Sub(a.start))
	a.trainer.Check()
	a.data.Poll()
	a.Begin(t0)
	ctx := &Context{
		In: &a.In, Area: a.Area, Screen: a.Window, Scale: dpr,
		Budget: a.Budget, Now: a.In.Now, Data: a.data, app: a,
	}
	ts := time.Now()
	if err := a.scenes[a.Cur].Update(ctx); err != nil {
		return err
	}
	a.End(time.Since(ts))
	if q, ok := a.LinkChanged(); ok {
		followLink(q)
	}
	if a.CopyWanted {
		a.CopyWanted = false
		copyLink(a.Shell)
	}
	return nil
}

// Draw draws the scene, then the frame on top of it; nothing when the last
// picture is still right (the screen is not cleared every frame).
func (a *App) Draw(screen *ebiten.Image) {
	if !a.DrawNow && a.drawn {
		return
	}
	t0 := time.Now()
	if p, ok := a.scenes[a.Cur].(PartialDrawer); ok && a.DrawPartial && a.drawn && p.DrawChanges(screen) {
		a.drawSnapButton(screen)
		a.Drawn(true, time.Since(t0))
		return
	}
	screen.Fill(colBg)
	a.scenes[a.Cur].Draw(screen)
	if p, ok := a.Snap.Take(); ok {
		savePicture(screen, p)
	}

	bar := a.Bar
	fillRect(screen, bar, colPanel)
	fillRect(screen, ui.Rect{X: 0, Y: bar.Bottom() - 1, W: bar.W, H: 1}, colBorder)
	textIn(screen, "Digit Lab", ui.Rect{X: bar.X + 8, Y: bar.Y, W: 140, H: bar.H}, sizeTitle, FontBold, colText, AlignStart)
	drawTabs(screen, &a.Tabs)
	a.drawBarStatus(screen)
	drawButton(screen, &a.Copy)
	drawButton(screen, &a.About.Open)
	if ab := &a.About; ab.Visible() {
		drawStrip(screen, ab.Rect, colAboutBg, colAccent, ab.Lines, ui.AboutLineH, &ab.Close)
		fillRect(screen, ui.Rect{X: ab.Rect.X, Y: ab.Rect.Bottom() - 1, W: ab.Rect.W, H: 1}, colBorder)
	}
	if b := &a.Banner; b.Visible() {
		drawStrip(screen, b.Rect, colBannerBg, colBad, b.Lines, ui.BannerLineH, &b.Close)
		if b.More.Rect.W > 0 {
			drawButton(screen, &b.More)
		}
	}
	a.drawSnapButton(screen)
	if tip, at, ok := a.Tip.Visible(time.Since(a.start)); ok {
		drawTooltip(screen, tip, at, a.Window)
	}
	if !a.drawn {
		a.drawn = true
		if a.onFrame1 != nil {
			a.onFrame1() // Draw's only side effect: tell the page once
		}
	}
	a.Drawn(false, time.Since(t0))
}

// drawBarStatus draws, at the right of the bar, the loading progress
// (bytes of total), the failure with its Retry button, or the key hints.
func (a *App) drawBarStatus(screen *ebiten.Image) {
	r := a.Info
	switch {
	case a.data.Loading():
		barR, line := r.CutBottom(12, 0)
		textIn(screen, a.data.ProgressText(), line, sizeSmall, FontRegular, colMuted, AlignEnd)
		track := ui.Rect{X: barR.X + ui.Pad, Y: barR.Y + 1, W: barR.W - 2*ui.Pad, H: 4}
		fillRoundRect(screen, track, 2, colTrack)
		track.W *= a.data.Fraction()
		fillRoundRect(screen, track, 2, colAccent)
	case a.data.Failed():
		msg, _ := r.CutRight(r.W-a.Retry.Rect.W-ui.Gap, 0)
		msg.X -= a.Retry.Rect.W + ui.Gap
		textIn(screen, a.FailTitle(), msg, sizeBody, FontBold, colBad, AlignEnd)
		drawButton(screen, &a.Retry)
	case a.CopiedNote() != "":
		textIn(screen, a.CopiedNote(), r, sizeSmall, FontBold, colAccent, AlignEnd)
	default:
		hint := ui.BarHint(a.Touch)
		if textWidth(hint, sizeSmall, FontRegular)+2*ui.Pad < r.W {
			textIn(screen, hint, r, sizeSmall, FontRegular, colMuted, AlignEnd)
		}
	}
}

// drawStrip draws a strip under the bar (the About card, the banner): its
// background, a stripe on the left, its lines and its close button.
func drawStrip(dst *ebiten.Image, r ui.Rect, bg, stripe color.Color, lines []string, lineH float64, close *ui.Button) {
	fillRect(dst, r, bg)
	fillRect(dst, ui.Rect{X: r.X, Y: r.Y, W: 4, H: r.H}, stripe)
	for i, line := range lines {
		drawText(dst, line, r.X+ui.Pad+8, r.Y+ui.Pad+1+float64(i)*lineH, sizeBody, FontRegular, colText, AlignStart)
	}
	drawButton(dst, close)
}

// drawSnapButton draws the PNG button on the panel under the pointer, over
// whole and partial frames alike.
func (a *App) drawSnapButton(screen *ebiten.Image) {
	if b := &a.Snap.Button; !b.Rect.Empty() {
		drawButton(screen, b)
	}
}
