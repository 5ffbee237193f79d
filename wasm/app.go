//go:build js && wasm

package main

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/paint"
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
	page    pageImage      // the scene's picture on a page (phones)
	frame   paint.List     // the bar, the About card, the banner (paint.Frame)
	painter painter

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

// Layout makes the screen as many pixels as the device has (sharp text and
// plots) and sets dpr, the device pixels per logical pixel. Phones, tablets
// and windows under ui.MinW wide are laid out on a page (ui.SetDevice) at
// one logical pixel per CSS pixel; a shorter window is scaled down.
func (a *App) Layout(outsideW, outsideH int) (int, int) {
	a.Touch = a.reader.touchScreen
	a.Device = ui.Classify(outsideW, outsideH, a.Touch)
	ui.SetDevice(a.Device, float64(outsideW), a.Touch)
	minW, minH := ui.MinW, ui.MinH
	if ui.Paged {
		minW, minH = 1, 1 // one CSS pixel per logical pixel: the page scrolls
	}
	a.Screen = ui.FitScreen(outsideW, outsideH, ebiten.Monitor().DeviceScaleFactor(), minW, minH)
	dpr, cssPerLogical = a.Screen.DPR, a.Screen.CSSPerLogical
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
	dst := a.page.target(screen, &a.Page)
	if p, ok := a.scenes[a.Cur].(PartialDrawer); ok && a.DrawPartial && a.drawn && p.DrawChanges(dst) {
		a.page.show(screen, &a.Page)
		if b := &a.Snap.Button; !b.Rect.Empty() {
			drawButton(screen, b) // (over partial frames too)
		}
		a.Drawn(true, time.Since(t0))
		return
	}
	screen.Fill(colBg) // (on a page the gap under the banner too)
	dst.Fill(colBg)
	a.scenes[a.Cur].Draw(dst)
	a.page.show(screen, &a.Page)
	if p, ok := a.Snap.Take(); ok {
		savePicture(screen, p)
	}

	paint.Frame(&a.frame, a.Shell)
	a.painter.draw(screen, &a.frame)
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
