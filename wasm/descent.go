//go:build js && wasm

package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/descent"
	"digitlab/plot"
	"digitlab/ui"
)

// Descent runs the gradient method on the seed's bowl f (descent) or
// mountain B (ascent) step by step: level curves, the gradient arrow at
// the pointer, the path from a clicked start, η and the sign as controls.
// All maths is in package descent; this file wires widgets and draws.
type Descent struct {
	fn    ui.Choice
	sign  ui.Choice
	eta   ui.Slider
	speed ui.Slider
	run   ui.Button
	step  ui.Button
	reset ui.Button
	home  ui.Button

	path    *descent.Path
	start   plot.Point
	running bool
	nextAt  time.Duration
	now     time.Duration
	err     string

	view   plot.Rect
	vp     plot.Viewport
	lastVP plot.Viewport
	stale  bool
	heat   Texture
	levels []plot.Contour
	labels []plot.Label

	lines     batch  // level curves, device px
	pathLines batch  // the path and its points, device px
	pathKey   [3]int // (steps, state, rebuilds) the path batch was built for
	rebuilds  int    // counts vp/path changes

	hover    bool
	hx, hy   float64
	hLevel   []plot.Segment
	hLevelAt float64

	controls, content, plotR, capR, figR ui.Rect
	changed                              bool // this tick took a step (Changed)
}

var (
	descentFns   = []string{"f", "B"}
	descentSigns = []string{"descent", "ascent"}
	// descentStarts are the seed's start points: (2.5, 1.5) for f (exercise
	// 5d) and the foggy (0, 0) for B (exercise 5a).
	descentStarts = []plot.Point{{X: 2.5, Y: 1.5}, {X: 0, Y: 0}}
)

const descentTitle = "Descent: follow the gradient"

// NewDescent returns the Descent scene on f from the seed's start.
func NewDescent() *Descent {
	d := &Descent{
		fn: ui.Choice{Label: "function", Options: []string{"f (bowl)", "B (mountain)"},
			Tips: []string{"f(x,y) = 3(x−1)² + y² + 4: its minimum is 4 at (1, 0)",
				"B(x,y) = 4000 − 3(x−10)² − (y−3)²: its summit is 4000 at (10, 3); B(0,0) = 3691"}},
		sign: ui.Choice{Label: "step", Options: []string{"descent  x − η·grad", "ascent  x + η·grad"},
			Tips: []string{"Move against the gradient: downhill, towards a minimum",
				"Move along the gradient: uphill, towards a maximum (the seed's loop writes + for f: it runs away)"}},
		eta: ui.Slider{Label: "learning rate η", Min: 0.01, Max: 1.2, Step: 0.01, Value: 0.1, Format: "%.2f",
			Tip: "Step size η. On f: below 1/6 straight in, 1/6 to 1/3 zig-zag in x, above 1/3 diverges in x, above 1 in y too"},
		speed: ui.Slider{Label: "speed", Min: 1, Max: 30, Step: 1, Value: 4, Format: "%.0f", Unit: " steps/s",
			Tip: "How many steps per second while running"},
		run:   ui.Button{Label: "run", Tip: "Run the path step by step (space)"},
		step:  ui.Button{Label: "step", Tip: "One step of the gradient method (s)"},
		reset: ui.Button{Label: "reset", Tip: "Back to the start point (r)"},
		home:  ui.Button{Label: "reset view", Tip: "Show the whole function again (wheel zooms, arrow keys pan)"},
	}
	d.chooseFn(0)
	return d
}

func (d *Descent) Name() string  { return "descent" }
func (d *Descent) Title() string { return "Descent" }

func (d *Descent) fnc() *descent.Func { return descent.Funcs()[d.fn.Index] }

func (d *Descent) sgn() descent.Sign {
	if d.sign.Index == 1 {
		return descent.Ascend
	}
	return descent.Descend
}

// chooseFn switches to function i with its natural sign, start and view.
func (d *Descent) chooseFn(i int) {
	d.fn.Index = i
	d.sign.Index = 0
	if d.fnc().Maximum {
		d.sign.Index = 1
	}
	d.start = descentStarts[i]
	d.view = d.fnc().View
	d.stale = true
	d.restart()
}

// restart begins a new path at the start point with the current settings.
func (d *Descent) restart() {
	p, err := descent.NewPath(d.fnc(), d.start.X, d.start.Y, d.eta.Value, d.sgn())
	if err != nil {
		d.err = err.Error()
		d.running = false
		return
	}
	d.err = ""
	d.path = p
}

func (d *Descent) Update(ctx *Context) error {
	in := ctx.In
	d.now = ctx.Now
	d.layout(ctx.Area)

	if d.fn.Update(in) {
		d.chooseFn(d.fn.Index)
	}
	signChanged := d.sign.Update(in)
	if d.eta.Update(in) || signChanged {
		d.restart()
	}
	d.speed.Update(in)
	if d.run.Update(in) {
		if d.running {
			d.Pause()
		} else {
			d.Start()
		}
	}
	if d.step.Update(in) {
		d.Step(1)
	}
	if d.reset.Update(in) {
		d.Reset()
	}
	if d.home.Update(in) {
		d.view = d.fnc().View
	}
	d.updatePointer(in)

	vp := plot.Fit(d.view, devRect(d.plotR))
	if vp != d.lastVP {
		d.vp, d.lastVP = vp, vp
		d.stale = true
	}
	if d.heat.Fit(d.plotR) {
		d.stale = true
	}
	if d.stale {
		d.recompute()
		d.stale = false
		d.rebuilds++
	}

	// Animate: one step every 1/speed seconds while running; slow frames
	// catch up with up to 50 steps at once (then the clock restarts), so
	// the pace is the slider's whatever the frame rate.
	if d.running && d.path != nil {
		every := time.Duration(float64(time.Second) / d.speed.Value)
		k := 0
		for ; k < 50 && ctx.Now >= d.nextAt && d.path.Step(); k++ {
			d.nextAt += every
		}
		if k == 50 {
			d.nextAt = ctx.Now + every
		}
		d.changed = k > 0
		if d.path.State() != descent.Running {
			d.running = false
		}
	}
	d.buildPath()
	d.run.Label = "run"
	if d.running {
		d.run.Label = "pause"
	}
	return nil
}

func (d *Descent) layout(area ui.Rect) {
	d.controls, d.content = ui.Sidebar(area)
	col := ui.NewColumn(ui.PanelContent(d.controls, "Gradient method"), ui.Gap)
	d.fn.Rect = col.Next(d.fn.Height())
	d.sign.Rect = col.Next(d.sign.Height())
	d.eta.Rect = col.Next(d.eta.Height())
	d.speed.Rect = col.Next(d.speed.Height())
	b := col.Next(ui.RowH).SplitH(3, ui.Gap)
	d.run.Rect, d.step.Rect, d.reset.Rect = b[0], b[1], b[2]
	d.home.Rect = col.Next(ui.RowH)
	d.figR = col.R

	in := ui.PanelContent(d.content, descentTitle)
	capH := 3*ui.LineHeight(sizeSmall+1) + 4
	cap, rest := in.CutBottom(capH, 22)
	rest.X += 40
	rest.W -= 40
	d.plotR = rest
	d.capR = cap
}

// updatePointer: click sets the start, wheel zooms, arrows pan, hover
// shows the gradient there and the level curve through it.
func (d *Descent) updatePointer(in *ui.Input) {
	d.hover = false
	for k, v := range map[ui.Key][2]float64{ui.KeyLeft: {-1, 0}, ui.KeyRight: {1, 0}, ui.KeyUp: {0, 1}, ui.KeyDown: {0, -1}} {
		if in.KeyPressed(k) {
			dx, dy := v[0]*0.1*d.view.W(), v[1]*0.1*d.view.H()
			d.view = plot.Rect{X0: d.view.X0 + dx, Y0: d.view.Y0 + dy, X1: d.view.X1 + dx, Y1: d.view.Y1 + dy}
		}
	}
	if !in.Hover(d.plotR) || !d.vp.World.Valid() {
		return
	}
	x, y := d.vp.ToWorld(in.X*Scale(), in.Y*Scale())
	if in.PressedIn(d.plotR) {
		in.Consume()
		d.start = plot.Point{X: x, Y: y}
		d.restart()
		d.Start()
	}
	if in.Wheel != 0 {
		f := math.Pow(1.15, math.Copysign(1, in.Wheel))
		z := d.vp.Zoom(f, in.X*Scale(), in.Y*Scale())
		if z.World.W() > 1e-3 && z.World.W() < 1e5 {
			d.view = z.World
		}
	}
	d.hover = true
	d.hx, d.hy = x, y
	// The level curve through the pointer (seed 4b), on a coarse grid.
	fn := d.fnc()
	lv := fn.F(x, y)
	if lv != d.hLevelAt || d.hLevel == nil {
		g := plot.SampleGrid(d.vp.World, 121, 121, fn.F)
		d.hLevel = plot.Contours(g, []float64{lv})[0].Segs
		d.hLevelAt = lv
	}
}

func (d *Descent) recompute() {
	fn := d.fnc()
	w := d.vp.World
	g := plot.SampleGrid(w, 161, 161, fn.F)
	lo, hi := g.Range()
	n := plot.Norm{Min: lo, Max: hi}
	if fn.Maximum {
		n = plot.Norm{Min: hi, Max: lo} // summit dark, like a valley floor in f
	}
	d.levels = plot.Contours(g, fn.Levels(w, 10))
	d.lines.reset()
	for _, c := range d.levels {
		d.lines.worldLines(d.vp, plot.Polylines(c.Segs), float32(Scale()), color.RGBA{40, 50, 70, 140})
	}
	d.labels = plot.ContourLabels(d.levels, 0.3*w.W(), 1.2*w.W())
	d.hLevel = nil
	if img := d.heat.RGBA(); img != nil {
		plot.HeatmapGrid(img, g, plot.PaleSequential, n)
		d.heat.Upload()
	}
}

// buildPath strokes the path (clipped to a margin around the view, so
// far-away points of a diverging path stay drawable) and its points into
// a batch, again only when the path or the view changed.
func (d *Descent) buildPath() {
	if d.path == nil {
		return
	}
	key := [3]int{d.path.Steps(), int(d.path.State()), d.rebuilds}
	if key == d.pathKey && d.path.Steps() > 0 {
		return
	}
	d.pathKey = key
	d.pathLines.reset()
	vp := d.vp
	w := vp.World
	if !w.Valid() {
		return
	}
	pc := d.pathColor()
	s := Scale()
	big := plot.Rect{X0: w.X0 - w.W(), Y0: w.Y0 - w.H(), X1: w.X1 + w.W(), Y1: w.Y1 + w.H()}
	pts := d.path.Points
	for k := 1; k < len(pts); k++ {
		if seg, ok := plot.ClipSegment(plot.Segment{X0: pts[k-1].X, Y0: pts[k-1].Y, X1: pts[k].X, Y1: pts[k].Y}, big); ok {
			x0, y0, x1, y1 := vp.SegmentToPixel(seg)
			d.pathLines.polyline([]plot.Point{{X: x0, Y: y0}, {X: x1, Y: y1}}, float32(2*s), pc)
		}
	}
	for k, p := range pts {
		if k > 500 && k < len(pts)-1 || !w.Contains(p.X, p.Y) {
			continue
		}
		px, py := vp.ToPixel(p.X, p.Y)
		r := 3.0
		if k == 0 {
			r = 5
		}
		d.pathLines.dot(px, py, r*s, pc)
	}
}

func (d *Descent) pathColor() color.RGBA {
	if d.path != nil && d.path.State() == descent.Diverged {
		return colBad
	}
	return colAccent
}

func (d *Descent) Draw(screen *ebiten.Image) {
	drawPanel(screen, d.controls, "Gradient method")
	drawChoice(screen, &d.fn)
	drawChoice(screen, &d.sign)
	drawSlider(screen, &d.eta)
	drawSlider(screen, &d.speed)
	drawPrimaryButton(screen, &d.run)
	drawButton(screen, &d.step)
	drawButton(screen, &d.reset)
	drawButton(screen, &d.home)
	d.drawFigures(screen)

	drawPanel(screen, d.content, descentTitle)
	d.drawPlot(screen)
	d.drawCaption(screen)
}

func (d *Descent) drawFigures(dst *ebiten.Image) {
	r := d.figR
	lh := ui.LineHeight(sizeBody)
	y := r.Y + 4
	if d.err != "" {
		for _, ln := range ui.Wrap(d.err, r.W, sizeBody) {
			drawText(dst, ln, r.X, y, sizeBody, FontRegular, colBad, AlignStart)
			y += lh
		}
		return
	}
	p := d.path
	q := p.Point()
	stateCol := colText
	switch p.State() {
	case descent.Converged:
		stateCol = colGood
	case descent.Diverged:
		stateCol = colBad
	}
	drawText(dst, fmt.Sprintf("step k = %d", p.Steps()), r.X, y, sizeTitle, FontBold, colText, AlignStart)
	y += ui.LineHeight(sizeTitle) + 2
	drawText(dst, fmt.Sprintf("(x, y) = (%.4g, %.4g)", q.X, q.Y), r.X, y, sizeBody, FontRegular, colText, AlignStart)
	y += lh
	drawText(dst, fmt.Sprintf("%s(x, y) = %.6g", d.fnc().Name, p.Value()), r.X, y, sizeBody, FontRegular, colText, AlignStart)
	y += lh
	state := p.State().String()
	switch p.State() {
	case descent.Running:
		state = "on its way"
	case descent.Stopped:
		state = fmt.Sprintf("stopped after %d steps", descent.MaxSteps)
	}
	drawText(dst, "state: "+state, r.X, y, sizeBody, FontBold, stateCol, AlignStart)
	y += lh + 6
	c := descent.Classify(d.fnc(), d.eta.Value, d.sgn())
	drawText(dst, fmt.Sprintf("each step multiplies the distance to\nthe optimum by %.3g in x, %.3g in y\nprediction: %s", c.RX, c.RY, c.All),
		r.X, y, sizeSmall+1, FontRegular, colMuted, AlignStart)
	y += 3*ui.LineHeight(sizeSmall+1) + 6
	if d.hover {
		gx, gy := d.fnc().Grad(d.hx, d.hy)
		drawText(dst, fmt.Sprintf("pointer (%.3g, %.3g)\ngrad = (%.3g, %.3g)", d.hx, d.hy, gx, gy),
			r.X, y, sizeSmall+1, FontRegular, colText, AlignStart)
	}
}

// drawPlot: heatmap, level curves with labels, the optimum, the path and
// the gradient arrow at the pointer, all through one viewport.
func (d *Descent) drawPlot(screen *ebiten.Image) {
	d.heat.Draw(screen, d.plotR)
	dv := devRect(d.plotR)
	clip := screen.SubImage(image.Rect(int(dv.X0), int(dv.Y0), int(math.Ceil(dv.X1)), int(math.Ceil(dv.Y1)))).(*ebiten.Image)
	s := float32(Scale())
	vp := d.vp
	line := func(seg plot.Segment, w float32, c color.Color) {
		x0, y0, x1, y1 := vp.SegmentToPixel(seg)
		vector.StrokeLine(clip, float32(x0), float32(y0), float32(x1), float32(y1), w*s, c, true)
	}
	d.lines.draw(clip)
	for _, seg := range d.hLevel {
		line(seg, 2, colAccent2)
	}
	for _, lb := range d.labels {
		px, py := vp.ToPixel(lb.X, lb.Y)
		lx, ly := px/Scale(), py/Scale()
		w := textWidth(lb.Text, sizeSmall, FontRegular) + 4
		if !d.plotR.Contains(lx-w/2, ly-7) || !d.plotR.Contains(lx+w/2, ly+7) {
			continue
		}
		fillRect(screen, ui.Rect{X: lx - w/2, Y: ly - 7, W: w, H: 14}, color.RGBA{255, 255, 255, 190})
		drawText(screen, lb.Text, lx, ly-7, sizeSmall, FontRegular, colText, AlignCenter)
	}
	// the optimum: a ringed cross
	fn := d.fnc()
	ox, oy := vp.ToPixel(fn.Opt.X, fn.Opt.Y)
	vector.StrokeCircle(clip, float32(ox), float32(oy), 7*s, 2*s, colBad, true)
	vector.StrokeLine(clip, float32(ox)-11*s, float32(oy), float32(ox)+11*s, float32(oy), 2*s, colBad, true)
	vector.StrokeLine(clip, float32(ox), float32(oy)-11*s, float32(ox), float32(oy)+11*s, 2*s, colBad, true)
	kind := "min"
	if fn.Maximum {
		kind = "max"
	}
	drawText(clip, fmt.Sprintf("%s (%g, %g)", kind, fn.Opt.X, fn.Opt.Y), ox/Scale()+10, oy/Scale()+6, sizeSmall, FontBold, colBad, AlignStart)

	// the path (batched in Update) and the current point
	if d.path != nil {
		d.pathLines.draw(clip)
		q := d.path.Point()
		if vp.World.Contains(q.X, q.Y) {
			px, py := vp.ToPixel(q.X, q.Y)
			vector.DrawFilledCircle(clip, float32(px), float32(py), 6*s, colText, true)
			vector.DrawFilledCircle(clip, float32(px), float32(py), 3.5*s, colPanel, true)
		} else {
			drawText(screen, "the path left the view", d.plotR.X+24, d.plotR.Y+6, sizeBody, FontBold, colBad, AlignStart)
		}
	}
	if d.hover {
		d.drawArrows(clip)
	}
	strokeRect(screen, d.plotR, 1, colBorder)
	drawPlaneAxes(screen, vp, d.plotR, "x", "y")
	drawPlaneHint(screen, d.plotR, "click: start here · wheel: zoom · arrows: pan")
}

// drawArrows draws ∇F at the pointer (fixed length, its direction is the
// point) and the step the method would take from there (true length).
func (d *Descent) drawArrows(dst *ebiten.Image) {
	fn := d.fnc()
	gx, gy := fn.Grad(d.hx, d.hy)
	px, py := d.vp.ToPixel(d.hx, d.hy)
	s := Scale()
	norm := math.Hypot(gx, gy)
	if norm == 0 {
		return
	}
	// screen direction of the gradient (y flipped)
	ux, uy := gx/norm, -gy/norm
	drawArrow(dst, px, py, px+ux*70*s, py+uy*70*s, colAccent2)
	drawText(dst, "grad", (px+ux*78*s)/s-12, (py+uy*78*s)/s-7, sizeSmall, FontBold, colAccent2, AlignStart)
	// the step: sign·η·∇F in world units, through the viewport
	st := float64(d.sgn()) * d.eta.Value
	sx, sy := d.vp.ToPixel(d.hx+st*gx, d.hy+st*gy)
	if l := math.Hypot(sx-px, sy-py); l > 400*s {
		sx, sy = px+(sx-px)*400*s/l, py+(sy-py)*400*s/l
	}
	drawArrow(dst, px, py, sx, sy, colAccent)
}

func (d *Descent) drawCaption(screen *ebiten.Image) {
	text := descent.Caption(d.fnc(), d.eta.Value, d.sgn()) + ". " +
		"The orange arrow is the gradient at the pointer: it is perpendicular to the level curve through that point (orange) " +
		"and does not point at the optimum. The blue arrow is the step the method takes from there."
	for k, ln := range ui.Wrap(text, d.capR.W, sizeSmall+1) {
		drawText(screen, ln, d.capR.X, d.capR.Y+float64(k)*ui.LineHeight(sizeSmall+1), sizeSmall+1, FontRegular, colMuted, AlignStart)
	}
}

// The run controls (space, s, r and window.digitlab).

func (d *Descent) Start() {
	if d.path == nil {
		return
	}
	if d.path.State() != descent.Running {
		d.restart()
	}
	d.running = true
	d.nextAt = d.now
}

func (d *Descent) Pause()        { d.running = false }
func (d *Descent) Running() bool { return d.running }

// Changed reports whether this tick's Update took a step (Pacer): frames
// in between draw nothing.
func (d *Descent) Changed() bool { return d.changed || !d.running }

// Step takes n steps at once (the path stops early when it ends).
func (d *Descent) Step(n int) {
	if d.path != nil {
		d.path.Run(n)
	}
}

func (d *Descent) Reset() {
	d.running = false
	d.restart()
}

func (d *Descent) Status() map[string]any {
	st := map[string]any{
		"fn":    descentFns[d.fn.Index],
		"sign":  descentSigns[d.sign.Index],
		"eta":   d.eta.Value,
		"start": []float64{d.start.X, d.start.Y},
		"plot":  []float64{d.plotR.X, d.plotR.Y, d.plotR.W, d.plotR.H},
		"view":  []float64{d.vp.World.X0, d.vp.World.Y0, d.vp.World.X1, d.vp.World.Y1},
	}
	if d.path != nil {
		q := d.path.Point()
		st["steps"] = d.path.Steps()
		st["step"] = d.path.Steps()
		st["point"] = []float64{q.X, q.Y}
		st["value"] = d.path.Value()
		st["state"] = d.path.State().String()
		st["behaviour"] = descent.Classify(d.fnc(), d.eta.Value, d.sgn()).All.String()
	}
	return st
}

// Set applies fn first (it resets the sign, start and view to the
// function's own), then sign, eta, speed, start, and finally steps (take
// that many steps now).
func (d *Descent) Set(opts map[string]string) []error {
	var errs []error
	fn, sign, steps := -1, -1, -1
	eta, speed := math.NaN(), math.NaN()
	var start []float64
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		var err error
		switch k {
		case "fn":
			var f *descent.Func
			if f, err = descent.ByName(v); err == nil {
				fn = 0
				if f == descent.Mountain {
					fn = 1
				}
			} else {
				err = &ui.OptionError{Key: k, Value: v, Msg: "unknown function; choose f (bowl) or B (mountain)"}
			}
		case "sign":
			sign, err = ui.ParseChoice(k, v, descentSigns)
		case "eta":
			eta, err = ui.ParseFloat(k, v, 1e-4, 5)
		case "speed":
			speed, err = ui.ParseFloat(k, v, d.speed.Min, d.speed.Max)
		case "start":
			start, err = ui.ParseFloats(k, v, 2)
		case "steps":
			steps, err = ui.ParseInt(k, v, 0, descent.MaxSteps)
		default:
			err = ui.UnknownKey("descent", k, v, []string{"fn", "sign", "eta", "speed", "start", "steps"})
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if fn >= 0 && fn != d.fn.Index {
		d.chooseFn(fn)
	}
	if sign >= 0 {
		d.sign.Index = sign
	}
	if !math.IsNaN(eta) {
		d.eta.Value = eta
	}
	if !math.IsNaN(speed) {
		d.speed.Value = speed
	}
	if start != nil {
		d.start = plot.Point{X: start[0], Y: start[1]}
	}
	if fn >= 0 || sign >= 0 || !math.IsNaN(eta) || start != nil {
		d.running = false
		d.restart()
	}
	if steps > 0 {
		d.Step(steps)
	}
	return errs
}
