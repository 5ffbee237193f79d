package descent

import (
	"math"
	"time"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Scene is the Descent scene without Ebiten: the controls, the path from
// the start point, the run and its pace, the pan-and-zoom view, the
// pointer, everything the page shows derived in world coordinates (level
// curves and labels, the clipped path, the hover gradient and level curve,
// the heatmap raster and the texts), and the display list that draws it
// (List, with its retained layers: Layer). The page calls Update once a
// tick and draws List; the generation counters (LevelsGen, PathGen,
// HoverGen) tell it when to tessellate a layer again.
//
// Coordinates: layout rectangles and the input are logical pixels; VP
// maps the world to device pixels (logical × Tick.Scale).
type Scene struct {
	Fn, Sign   ui.Choice
	Eta, Speed ui.Slider
	Run        ui.RunControls // run/pause, step, reset: Run.Running is the run state
	Home       ui.Button      // reset view
	touch      bool           // the screen takes touches (the plane's hint says tap)

	View plot.PanZoom  // the world rectangle asked for (wheel, arrows, reset view)
	VP   plot.Viewport // the view fitted to the plot, device pixels

	// Layout, logical pixels: the control panel and the content panel, the
	// plot, the caption below it and the figures below the controls.
	Controls, Content, Plot, Caption, Figures ui.Rect
	Formula                                   ui.Rect // the chosen function's formula, under its choice
	Chart                                     ValueChart

	// Heat is the heatmap of the function over VP.World, one pixel per
	// device pixel of Plot (Heat.Gen bumps when it is rendered again).
	Heat plot.Raster
	// LevelLines are the level curves over VP.World as polylines and
	// Labels their values; LevelsGen bumps when they (and Heat) change.
	LevelLines [][]plot.Point
	Labels     []plot.Label
	LevelsGen  uint64
	// PathSegs is the path clipped to a margin of one view around VP.World
	// (so a diverging path stays finite and drawable), PathDots its points
	// to mark; PathGen bumps when either changes.
	PathSegs []plot.Segment
	PathDots []Dot
	PathGen  uint64
	// Hover: the pointer is over the plot at HoverAt, where the gradient is
	// HoverGrad and the method's step would end at HoverStep. HoverLevel is
	// the level curve through the last point hovered (it stays when the
	// pointer leaves the plot, until the view changes); HoverGen bumps
	// when it changes.
	Hover      bool
	HoverAt    plot.Point
	HoverGrad  plot.Point
	HoverStep  plot.Point
	HoverLevel []plot.Segment
	HoverGen   uint64

	Text Texts // the figures and the caption, rebuilt only on change

	// List is what the page draws (scene_paint.go), rebuilt only when what
	// it shows changed.
	List paint.List

	path    *Path
	pathID  uint64 // bumped for every new path
	start   plot.Point
	err     string
	now     time.Duration // the last tick's clock
	nextAt  time.Duration // when the running path takes its next step
	changed bool          // this tick took a step

	area       ui.Rect
	scale      float64
	pageH      float64    // the height on a page (PageHeight)
	stale      bool       // the function changed: levels and heatmap again
	hLevel     float64    // the level HoverLevel is for
	hoverValid bool       // HoverLevel is hLevel's over VP.World
	hgrid      *plot.Grid // the samples HoverLevel comes from
	pathKey    pathKey
	figKey     figKey
	hovKey     hovKey
	capKey     capKey
	textGen    uint64 // bumped when a text changes

	dotPts         []plot.Point          // PathDots' points (paint.Dots takes points)
	xTicks, yTicks []plot.Tick           // the axes' ticks of VP.World
	layers         [NumLayers]paint.List // see Layer
	layerGens      [NumLayers]uint64     // the generations layers were built for
	paintKey       paintKey              // what List was built for
}

// Dot is a path point to mark at (X, Y) (world coordinates), a disc of
// radius R logical pixels.
type Dot struct{ X, Y, R float64 }

// Texts are the lines the page writes beside and below the plot.
type Texts struct {
	Err        []string // the error, wrapped to Figures' width; when set, the figures below are not shown
	Step       string   // "step k = 5"
	Point      string   // "(x, y) = (…)"
	Value      string   // "f(x, y) = …"
	State      string   // "state: converged"
	Prediction string   // the factors per step and the predicted behaviour (3 lines)
	Hover      string   // the pointer and the gradient there (2 lines), when Hover
	Opt        string   // "min (1, 0)": the optimum's label
	Caption    []string // the caption, wrapped to Caption's width
}

// Titles of the scene's two panels.
const (
	ControlsTitle = "Gradient method"
	ContentTitle  = "Descent: follow the gradient"
)

// CaptionSize is the font size of the caption and the small figures.
const CaptionSize = ui.SmallSize + 1

var (
	fnKeys   = []string{"f", "B"}
	signKeys = []string{"descent", "ascent"}
	// starts are the seed's start points: (2.5, 1.5) for f (exercise 5d)
	// and the foggy (0, 0) for B (exercise 5a).
	starts   = []plot.Point{{X: 2.5, Y: 1.5}, {X: 0, Y: 0}}
	optsKeys = []string{"fn", "sign", "eta", "speed", "start", "steps"}
)

// The view's zoom limits (world width) and the run's catch-up.
const (
	minViewW   = 1e-3
	maxViewW   = 1e5
	maxCatchUp = 50 // steps a slow frame may take at once
)

// NewScene returns the scene on f from the seed's start.
func NewScene() *Scene {
	s := &Scene{
		Fn: ui.Choice{Label: "function", Options: []string{"f (bowl)", "B (mountain)"},
			Tips: []string{"f(x,y) = 3(x−1)² + y² + 4: its minimum is 4 at (1, 0)",
				"B(x,y) = 4000 − 3(x−10)² − (y−3)²: its summit is 4000 at (10, 3); B(0,0) = 3691"}},
		Sign: ui.Choice{Label: "step", Options: []string{"descent  x − η·grad", "ascent  x + η·grad"},
			Tips: []string{"Move against the gradient: downhill, towards a minimum",
				"Move along the gradient: uphill, towards a maximum (the seed's loop writes + for f: it runs away)"}},
		Eta: ui.Slider{Label: "learning rate η", Min: 0.01, Max: 1.2, Step: 0.01, Value: 0.1, Format: "%.2f",
			Tip: "Step size η. On f: below 1/6 straight in, 1/6 to 1/3 zig-zag in x, above 1/3 diverges in x, above 1 in y too"},
		Speed: ui.Slider{Label: "speed", Min: 1, Max: 30, Step: 1, Value: 4, Format: "%.0f", Unit: " steps/s",
			Tip: "How many steps per second while running"},
		Run: ui.RunControls{
			Start:      ui.Button{Label: "run", Tip: "Run the path step by step (space)"},
			Step:       ui.Button{Label: "step", Tip: "One step of the gradient method (s)"},
			Reset:      ui.Button{Label: "reset", Tip: "Back to the start point (r)"},
			StartLabel: "run", PauseLabel: "pause",
		},
		Home: ui.Button{Label: "reset view", Tip: "Show the whole function again (wheel zooms, arrow keys pan)"},
	}
	s.chooseFn(0)
	return s
}

// Func is the function shown.
func (s *Scene) Func() *Func { return Funcs()[s.Fn.Index] }

// Sgn is the sign of the method chosen.
func (s *Scene) Sgn() Sign {
	if s.Sign.Index == 1 {
		return Ascend
	}
	return Descend
}

// Path is the current path (never nil).
func (s *Scene) Path() *Path { return s.path }

// StartPoint is where the path starts.
func (s *Scene) StartPoint() plot.Point { return s.start }

// Err is the error of the last restart ("" when the path is the settings').
func (s *Scene) Err() string { return s.err }

// chooseFn switches to function i with its natural sign, start and view.
func (s *Scene) chooseFn(i int) {
	s.Fn.Index = i
	s.Sign.Index = 0
	if s.Func().Maximum {
		s.Sign.Index = 1
	}
	s.start = starts[i]
	s.View = plot.NewPanZoom(s.Func().View, minViewW, maxViewW)
	s.stale = true
	s.restart()
}

// restart begins a new path at the start point with the current settings;
// on an error it keeps the old path and stops the run.
func (s *Scene) restart() {
	p, err := NewPath(s.Func(), s.start.X, s.start.Y, s.Eta.Value, s.Sgn())
	if err != nil {
		s.err = err.Error()
		s.Run.Running = false
		return
	}
	s.err = ""
	s.path = p
	s.pathID++
}

// Update runs one tick: layout in t.Area, the widgets, the pointer over
// the plot (click sets the start and runs, wheel zooms, arrows pan, hover
// shows the gradient), the view, the run's steps due by t.Now, and the
// derived state. A tick where nothing changed does not allocate.
func (s *Scene) Update(t *ui.Tick) {
	in := t.In
	s.now = t.Now
	s.changed = false
	s.layout(t.Area, t.Scale)
	s.touch = in.Touch

	if s.Fn.Update(in) {
		s.chooseFn(s.Fn.Index)
	}
	signChanged := s.Sign.Update(in)
	if s.Eta.Update(in) || signChanged {
		s.restart()
	}
	s.Speed.Update(in)
	switch s.Run.Update(in, s.path != nil) {
	case ui.RunToggle:
		if s.Run.Running {
			s.Pause()
		} else {
			s.Start()
		}
	case ui.RunStep:
		s.Step(1)
	case ui.RunReset:
		s.Reset()
	}
	if s.Home.Update(in) {
		s.View.Reset()
	}
	s.pointer(in, t.Scale)

	stale := s.stale
	if vp := s.View.Fit(plot.DeviceRect(s.Plot.X, s.Plot.Y, s.Plot.W, s.Plot.H, t.Scale)); vp != s.VP {
		s.VP = vp
		stale = true
	}
	if s.Heat.Fit(int(s.Plot.W*t.Scale+0.5), int(s.Plot.H*t.Scale+0.5)) {
		stale = true
	}
	if stale {
		s.recompute()
		s.stale = false
	}
	s.animate()
	s.derive()
	s.Run.Sync()
	s.paint()
}

// layout places the controls and the plot in area (only when it changed).
func (s *Scene) layout(area ui.Rect, scale float64) {
	if area == s.area && scale == s.scale && s.Plot.W != 0 {
		return
	}
	s.area, s.scale = area, scale
	if ui.Paged {
		s.layoutPage(area)
		return
	}
	s.Controls, s.Content = ui.Sidebar(area)
	s.layoutControls()
	s.layoutContent()
}

// layoutContent places the plane, its caption and, where it has room, the
// chart of the value right of it in s.Content.
func (s *Scene) layoutContent() {
	in := ui.PanelContent(s.Content, ContentTitle)
	capR, rest := in.CutBottom(3*ui.LineHeight(CaptionSize)+4, 22)
	// The chart of the value against the step on the right, the plane
	// left of it (where the plane keeps 300 px; else no chart).
	var chart ui.Rect
	if cw := math.Max(190, math.Min(260, rest.W*0.3)); rest.W-cw >= 300+40+ui.Pad+4 {
		chart, rest = rest.CutRight(cw, ui.Pad+4)
	}
	rest.X += 40 // room for the y ticks
	rest.W -= 40
	s.Plot, s.Caption = rest, capR
	s.layoutChart(chart)
}

// figuresH is the height of the figures under the controls: the step,
// three lines, the prediction and the pointer's read-out.
const figuresH = 200.0

// layoutPage lays the scene out on a page: the plane with its caption and
// the chart of the value first (side by side on a wide page, as on a
// desktop; else stacked), the controls below.
func (s *Scene) layoutPage(area ui.Rect) {
	if ui.WidePage(area.W) {
		s.Content = ui.Rect{X: area.X, Y: area.Y, W: area.W, H: max(area.H, 360)}
		s.layoutContent()
	} else {
		const chartH = 220.0
		capH := 6*ui.LineHeight(CaptionSize) + 4
		side := ui.PageSide(area.W-2*ui.Pad-40-8, area.H-ui.PanelChrome()-22)
		s.Content, _ = ui.Below(area).CutTop(ui.PanelChrome()+side+22+capH+ui.Gap+chartH, 0)
		in := ui.PanelContent(s.Content, ContentTitle)
		s.Plot = ui.Rect{X: in.X + 40, Y: in.Y, W: side, H: side}
		s.Caption = ui.Rect{X: in.X, Y: s.Plot.Bottom() + 22, W: in.W, H: capH}
		s.layoutChart(ui.Rect{X: in.X, Y: s.Caption.Bottom() + ui.Gap, W: in.W, H: chartH})
	}
	ctlH := ui.PanelChrome() + s.Fn.Height() + ui.LineHeight(ui.SmallSize) + s.Sign.Height() + s.Eta.Height() + s.Speed.Height() + 2*ui.RowH + 6*ui.Gap + figuresH
	s.Controls = ui.PageControls(area, s.Content, ctlH)
	s.layoutControls()
	s.pageH = s.Controls.Bottom() - area.Y
}

// PageHeight is the height of the scene on a page (ui.Tall).
func (s *Scene) PageHeight() float64 { return s.pageH }

// layoutControls places the controls and the figures in s.Controls.
func (s *Scene) layoutControls() {
	col := ui.Column{R: ui.PanelContent(s.Controls, ControlsTitle), Gap: ui.Gap}
	s.Fn.Rect = col.Next(s.Fn.Height())
	s.Formula = col.Next(ui.LineHeight(ui.SmallSize))
	s.Sign.Rect = col.Next(s.Sign.Height())
	s.Eta.Rect = col.Next(s.Eta.Height())
	s.Speed.Rect = col.Next(s.Speed.Height())
	b := col.Next(ui.RowH).SplitH(3, ui.Gap)
	s.Run.Start.Rect, s.Run.Step.Rect, s.Run.Reset.Rect = b[0], b[1], b[2]
	s.Home.Rect = col.Next(ui.RowH)
	s.Figures = col.R
}

// pointer: arrows pan; over the plot a press sets the start and runs, the
// wheel zooms about the pointer, and the pointer's world point is hovered.
// The pointer maps through the viewport shown (the last tick's).
func (s *Scene) pointer(in *ui.Input, scale float64) {
	s.Hover = false
	if dx, dy := ui.ArrowPan(in); dx != 0 || dy != 0 {
		s.View.Pan(dx, dy)
	}
	if !in.Hover(s.Plot) || !s.VP.World.Valid() {
		return
	}
	x, y := s.VP.ToWorld(in.X*scale, in.Y*scale)
	if in.PressedIn(s.Plot) {
		in.Consume()
		s.start = plot.Point{X: x, Y: y}
		s.restart()
		s.Start()
	}
	s.View.Wheel(s.VP, in.TakeWheel(), in.X*scale, in.Y*scale)
	s.Hover = true
	s.HoverAt = plot.Point{X: x, Y: y}
}

// animate takes the steps due while running: one every 1/speed seconds; a
// slow tick catches up with up to maxCatchUp steps at once (then the clock
// restarts), so the pace is the slider's whatever the frame rate.
func (s *Scene) animate() {
	if !s.Run.Running || s.path == nil {
		return
	}
	every := time.Duration(float64(time.Second) / s.Speed.Value)
	k := 0
	for ; k < maxCatchUp && s.now >= s.nextAt && s.path.Step(); k++ {
		s.nextAt += every
	}
	if k == maxCatchUp {
		s.nextAt = s.now + every
	}
	s.changed = k > 0
	if s.path.State() != Running {
		s.Run.Running = false
	}
}

// The run controls (space, s, r, the buttons and window.digitlab).

// Start runs the path from where it is, or from the start again when it
// has ended; the first step is due at once.
func (s *Scene) Start() {
	if s.path == nil {
		return
	}
	if s.path.State() != Running {
		s.restart()
	}
	s.Run.Running = true
	s.nextAt = s.now
}

// Pause stops the run.
func (s *Scene) Pause() { s.Run.Running = false }

// Running reports whether the path runs.
func (s *Scene) Running() bool { return s.Run.Running }

// Changed reports whether this tick's Update took a step, or the scene is
// paused (the app's Pacer: while running, frames in between draw nothing).
func (s *Scene) Changed() bool { return s.changed || !s.Run.Running }

// Step takes n steps at once (the path stops early when it ends).
func (s *Scene) Step(n int) {
	if s.path != nil {
		s.path.Run(n)
	}
}

// Reset stops the run and starts the path again from the start point.
func (s *Scene) Reset() {
	s.Run.Running = false
	s.restart()
}

// Status returns the options and the path's figures for status().
func (s *Scene) Status() map[string]any {
	w := s.VP.World
	st := map[string]any{
		"fn":    fnKeys[s.Fn.Index],
		"sign":  signKeys[s.Sign.Index],
		"eta":   s.Eta.Value,
		"speed": s.Speed.Value,
		"start": []float64{s.start.X, s.start.Y},
		"plot":  []float64{s.Plot.X, s.Plot.Y, s.Plot.W, s.Plot.H},
		"view":  []float64{w.X0, w.Y0, w.X1, w.Y1},
	}
	if p := s.path; p != nil {
		q := p.Point()
		st["steps"] = p.Steps()
		st["step"] = p.Steps()
		st["point"] = []float64{q.X, q.Y}
		st["value"] = p.Value()
		st["state"] = p.State().String()
		st["behaviour"] = Classify(s.Func(), s.Eta.Value, s.Sgn()).All.String()
	}
	return st
}

// Set applies options from the URL or window.digitlab.set(): fn first (it
// resets the sign, start and view to the function's own), then sign, eta,
// speed, start, and finally steps (take that many steps now). A bad value
// yields a *ui.OptionError and keeps the current one; the others apply.
func (s *Scene) Set(opts map[string]string) []error {
	var errs []error
	fn, sign, steps := -1, -1, -1
	eta, speed := math.NaN(), math.NaN()
	var start []float64
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		var err error
		switch k {
		case "fn":
			if f, e := ByName(v); e != nil {
				err = &ui.OptionError{Key: k, Value: v, Msg: "unknown function; choose f (bowl) or B (mountain)"}
			} else if fn = 0; f == Mountain {
				fn = 1
			}
		// (the ui parsers return a zero value with their error: it must not
		// count as given)
		case "sign":
			sign, err = orKeep(sign)(ui.ParseChoice(k, v, signKeys))
		case "eta":
			eta, err = orKeep(eta)(ui.ParseFloat(k, v, 1e-4, 5))
		case "speed":
			speed, err = orKeep(speed)(ui.ParseFloat(k, v, s.Speed.Min, s.Speed.Max))
		case "start":
			start, err = ui.ParseFloats(k, v, 2)
		case "steps":
			steps, err = orKeep(steps)(ui.ParseInt(k, v, 0, MaxSteps))
		default:
			err = ui.UnknownKey("descent", k, v, optsKeys)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if fn >= 0 && fn != s.Fn.Index {
		s.chooseFn(fn)
	}
	if sign >= 0 {
		s.Sign.Index = sign
	}
	if !math.IsNaN(eta) {
		s.Eta.Value = eta
	}
	if !math.IsNaN(speed) {
		s.Speed.Value = speed
	}
	if start != nil {
		s.start = plot.Point{X: start[0], Y: start[1]}
	}
	if fn >= 0 || sign >= 0 || !math.IsNaN(eta) || start != nil {
		s.Run.Running = false
		s.restart()
	}
	if steps > 0 {
		s.Step(steps)
	}
	return errs
}

// orKeep returns a function that passes a parsed value and its error on,
// or old instead of the value when there is an error.
func orKeep[T any](old T) func(T, error) (T, error) {
	return func(v T, err error) (T, error) {
		if err != nil {
			return old, err
		}
		return v, nil
	}
}
