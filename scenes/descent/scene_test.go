package descent

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// The area of a 1280×800 window below the tab bar.
var testArea = ui.Rect{X: 12, Y: 62, W: 1256, H: 726}

// newTestScene returns a scene after its first tick at device scale 1,
// the pointer off the canvas.
func newTestScene(t *testing.T) (*Scene, *ui.Tick) { return newScaledScene(t, testArea, 1) }

// newScaledScene is newTestScene in area at device scale scale.
func newScaledScene(t *testing.T, area ui.Rect, scale float64) (*Scene, *ui.Tick) {
	t.Helper()
	s := NewScene()
	tk := &ui.Tick{In: &ui.Input{}, Area: area, Scale: scale, Now: time.Second, Budget: 8 * time.Millisecond}
	s.Update(tk)
	return s, tk
}

// tick runs one frame dt after the last one; prep sets up its input.
func tick(s *Scene, tk *ui.Tick, dt time.Duration, prep func(in *ui.Input)) {
	tk.In.Reset()
	if prep != nil {
		prep(tk.In)
	}
	tk.Now += dt
	s.Update(tk)
}

func set(t *testing.T, s *Scene, kv ...string) {
	t.Helper()
	opts := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		opts[kv[i]] = kv[i+1]
	}
	if errs := s.Set(opts); len(errs) > 0 {
		t.Fatalf("Set(%v): %v", opts, errs)
	}
}

// toCSS maps a world point to logical pixels through status()'s plot and
// view, as the browser tests do.
func toCSS(st map[string]any, x, y float64) (float64, float64) {
	p, v := st["plot"].([]float64), st["view"].([]float64)
	return p[0] + (x-v[0])/(v[2]-v[0])*p[2], p[1] + (v[3]-y)/(v[3]-v[1])*p[3]
}

// fromCSS is toCSS's inverse.
func fromCSS(st map[string]any, px, py float64) (float64, float64) {
	p, v := st["plot"].([]float64), st["view"].([]float64)
	return v[0] + (px-p[0])/p[2]*(v[2]-v[0]), v[3] - (py-p[1])/p[3]*(v[3]-v[1])
}

// closedForm is the gradient method's k-th point on fn (both functions
// are separable quadratics with curvatures Kx, Ky about Opt).
func closedForm(fn *Func, x0, y0, eta float64, sign Sign, k int) plot.Point {
	rx, ry := 1-eta*fn.Kx, 1-eta*fn.Ky
	if (sign == Ascend) != fn.Maximum {
		rx, ry = 1+eta*fn.Kx, 1+eta*fn.Ky
	}
	return plot.Point{X: fn.Opt.X + math.Pow(rx, float64(k))*(x0-fn.Opt.X), Y: fn.Opt.Y + math.Pow(ry, float64(k))*(y0-fn.Opt.Y)}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*(1+math.Abs(b)) }

func assertPoint(t *testing.T, what string, got, want plot.Point) {
	t.Helper()
	if !near(got.X, want.X, 1e-9) || !near(got.Y, want.Y, 1e-9) {
		t.Errorf("%s = (%v, %v), want (%v, %v)", what, got.X, got.Y, want.X, want.Y)
	}
}

func TestSceneDefaults(t *testing.T) {
	s, _ := newTestScene(t)
	st := s.Status()
	want := map[string]any{"fn": "f", "sign": "descent", "eta": 0.1, "speed": 4.0, "start": []float64{2.5, 1.5},
		"steps": 0, "step": 0, "point": []float64{2.5, 1.5}, "value": 3*1.5*1.5 + 1.5*1.5 + 4.0, "state": "running", "behaviour": "converges"}
	for k, v := range want {
		if !reflect.DeepEqual(st[k], v) {
			t.Errorf("status %s = %v, want %v", k, st[k], v)
		}
	}
	if s.Running() || s.Run.Start.Label != "run" {
		t.Errorf("running %v, start label %q; want paused, \"run\"", s.Running(), s.Run.Start.Label)
	}
	// the plot lies right of the controls, inside the area, above the caption
	p := s.Plot
	if p.X < s.Controls.Right() || p.Right() > testArea.Right() || p.Y < testArea.Y || p.Bottom() > s.Caption.Y || p.W < 500 || p.H < 400 {
		t.Errorf("plot %+v, controls %+v, caption %+v in area %+v", p, s.Controls, s.Caption, testArea)
	}
	// the view shows f's view with one scale on both axes
	v := st["view"].([]float64)
	if sx, sy := p.W/(v[2]-v[0]), p.H/(v[3]-v[1]); !near(sx, sy, 1e-9) {
		t.Errorf("view %v in plot %v: %v px/unit in x, %v in y", v, p, sx, sy)
	}
	if v[0] > Bowl.View.X0 || v[1] > Bowl.View.Y0 || v[2] < Bowl.View.X1 || v[3] < Bowl.View.Y1 {
		t.Errorf("view %v does not show f's view %+v", v, Bowl.View)
	}
}

func TestSceneSetStatusRoundTrip(t *testing.T) {
	tests := []struct {
		key, value string
		want       map[string]any
	}{
		{"fn", "B", map[string]any{"fn": "B", "sign": "ascent", "start": []float64{0, 0}, "point": []float64{0, 0}, "value": 3691.0}},
		{"fn", "f", map[string]any{"fn": "f", "sign": "descent", "start": []float64{2.5, 1.5}}},
		{"sign", "ascent", map[string]any{"sign": "ascent", "behaviour": "diverges"}},
		{"sign", "descent", map[string]any{"sign": "descent", "behaviour": "converges"}},
		{"eta", "0.25", map[string]any{"eta": 0.25, "behaviour": "converges (oscillating)"}},
		{"eta", "0.34", map[string]any{"eta": 0.34, "behaviour": "diverges (oscillating)"}},
		{"speed", "12", map[string]any{"speed": 12.0}},
		{"start", "-1,2", map[string]any{"start": []float64{-1, 2}, "point": []float64{-1, 2}, "steps": 0}},
		{"steps", "7", map[string]any{"steps": 7, "step": 7, "point": func() []float64 {
			q := closedForm(Bowl, 2.5, 1.5, 0.1, Descend, 7)
			return []float64{q.X, q.Y}
		}()}},
	}
	for _, tc := range tests {
		t.Run(tc.key+"="+tc.value, func(t *testing.T) {
			s, _ := newTestScene(t)
			set(t, s, tc.key, tc.value)
			st := s.Status()
			for k, v := range tc.want {
				got := st[k]
				if g, ok := got.([]float64); ok {
					w := v.([]float64)
					if len(g) != len(w) || !near(g[0], w[0], 1e-12) || !near(g[1], w[1], 1e-12) {
						t.Errorf("status %s = %v, want %v", k, g, w)
					}
					continue
				}
				if !reflect.DeepEqual(got, v) {
					t.Errorf("status %s = %v, want %v", k, got, v)
				}
			}
		})
	}

	// Status → Set on a new scene → the same status.
	a, _ := newTestScene(t)
	set(t, a, "fn", "B", "sign", "descent", "eta", "0.05", "speed", "9", "start", "1.5,-2")
	sa := a.Status()
	b, _ := newTestScene(t)
	st := sa["start"].([]float64)
	set(t, b, "fn", sa["fn"].(string), "sign", sa["sign"].(string), "eta", fmt.Sprint(sa["eta"]),
		"speed", fmt.Sprint(sa["speed"]), "start", fmt.Sprintf("%v,%v", st[0], st[1]))
	sb := b.Status()
	for _, k := range []string{"fn", "sign", "eta", "speed", "start", "steps", "point", "value", "state", "behaviour"} {
		if !reflect.DeepEqual(sa[k], sb[k]) {
			t.Errorf("round trip: %s = %v, then %v", k, sa[k], sb[k])
		}
	}
	if sa["fn"] != "B" || sa["sign"] != "descent" || sa["eta"] != 0.05 || sa["speed"] != 9.0 {
		t.Errorf("Set did not apply: %v", sa)
	}
}

func TestSceneSetBadValues(t *testing.T) {
	bad := map[string][]string{
		"fn":    {"g", "", "bowl2"},
		"sign":  {"up", "+"},
		"eta":   {"-1", "0", "abc", "6", "NaN", "Inf"},
		"speed": {"0", "31", "fast"},
		"start": {"1", "a,b", "1,2,3", "Inf,0", "2e6,0"},
		"steps": {"-1", "x", "10001", "2.5"},
		"zoom":  {"2"},
	}
	for key, values := range bad {
		for _, v := range values {
			t.Run(key+"="+v, func(t *testing.T) {
				s, _ := newTestScene(t)
				set(t, s, "fn", "B", "eta", "0.2", "speed", "7", "start", "1,1", "steps", "3")
				before := s.Status()
				errs := s.Set(map[string]string{key: v})
				var oe *ui.OptionError
				if len(errs) != 1 || !errors.As(errs[0], &oe) || oe.Key != key || oe.Value != v {
					t.Fatalf("Set(%s=%q) = %v, want one *ui.OptionError for %s", key, v, errs, key)
				}
				if after := s.Status(); !reflect.DeepEqual(before, after) {
					t.Errorf("Set(%s=%q) changed the status:\n%v\n%v", key, v, before, after)
				}
			})
		}
	}
	// a bad value does not stop the good ones
	s, _ := newTestScene(t)
	errs := s.Set(map[string]string{"eta": "-1", "speed": "10"})
	if len(errs) != 1 || s.Eta.Value != 0.1 || s.Speed.Value != 10 {
		t.Errorf("Set(eta=-1, speed=10): %v, eta %v, speed %v; want one error, eta kept, speed 10", errs, s.Eta.Value, s.Speed.Value)
	}
}

func TestSceneRunPace(t *testing.T) {
	s, tk := newTestScene(t)
	set(t, s, "eta", "0.01", "speed", "4") // one step every 250 ms; converges after ~1000 steps
	steps := func() int { return s.Path().Steps() }
	s.Start()
	if !s.Running() {
		t.Fatal("Start did not run")
	}
	tick(s, tk, 0, nil)
	if steps() != 1 || !s.Changed() || s.Run.Start.Label != "pause" {
		t.Fatalf("first tick: %d steps, changed %v, label %q; want the first step at once, \"pause\"", steps(), s.Changed(), s.Run.Start.Label)
	}
	for _, f := range []struct {
		dt      time.Duration
		want    int
		changed bool
	}{
		{249 * time.Millisecond, 1, false},
		{time.Millisecond, 2, true},        // 250 ms after the first
		{100 * time.Millisecond, 2, false}, // 350
		{650 * time.Millisecond, 5, true},  // 1000: the steps due at 500, 750 and 1000
	} {
		tick(s, tk, f.dt, nil)
		if steps() != f.want || s.Changed() != f.changed {
			t.Fatalf("after +%v: %d steps, changed %v; want %d, %v", f.dt, steps(), s.Changed(), f.want, f.changed)
		}
	}
	assertPoint(t, "point after 5 steps", s.Path().Point(), closedForm(Bowl, 2.5, 1.5, 0.01, Descend, 5))

	// A slow frame catches up with at most 50 steps, then the clock
	// restarts: the next step is one period later.
	set(t, s, "speed", "30")
	tick(s, tk, 10*time.Second, nil)
	if steps() != 55 {
		t.Fatalf("after a 10 s frame at 30 steps/s: %d steps, want 5+50", steps())
	}
	every := time.Second / 30
	tick(s, tk, every-time.Nanosecond, nil)
	if steps() != 55 {
		t.Errorf("%d steps one period less 1 ns after the catch-up, want 55", steps())
	}
	tick(s, tk, time.Nanosecond, nil)
	if steps() != 56 {
		t.Errorf("%d steps one period after the catch-up, want 56", steps())
	}
	assertPoint(t, "point after 56 steps", s.Path().Point(), closedForm(Bowl, 2.5, 1.5, 0.01, Descend, 56))

	// Pause: time passes, no steps.
	s.Pause()
	tick(s, tk, time.Minute, nil)
	if steps() != 56 || s.Running() || !s.Changed() || s.Run.Start.Label != "run" {
		t.Errorf("paused: %d steps, running %v, changed %v, label %q", steps(), s.Running(), s.Changed(), s.Run.Start.Label)
	}

	// The run stops by itself when the path converges; Start then begins
	// again from the start point.
	set(t, s, "eta", "0.1")
	s.Start()
	for i := 0; i < 200 && s.Running(); i++ {
		tick(s, tk, time.Second, nil)
	}
	if s.Running() || s.Path().State() != Converged {
		t.Fatalf("after the run: running %v, state %v", s.Running(), s.Path().State())
	}
	n := steps()
	s.Start()
	if steps() != 0 {
		t.Errorf("Start after convergence kept the old path (%d steps)", steps())
	}
	tick(s, tk, 0, nil)
	if steps() != 1 || n < 50 {
		t.Errorf("restarted run: %d steps (converged after %d)", steps(), n)
	}
}

// click presses and then releases the pointer at the centre of r.
func click(s *Scene, tk *ui.Tick, r ui.Rect) {
	x, y := r.Center()
	tick(s, tk, time.Millisecond, func(in *ui.Input) {
		in.X, in.Y, in.Pointer, in.Down, in.Pressed = x, y, true, true, true
	})
	tick(s, tk, time.Millisecond, func(in *ui.Input) { in.Down, in.Released = false, true })
}

func TestSceneStepAndReset(t *testing.T) {
	s, tk := newTestScene(t)
	set(t, s, "eta", "0.25", "start", "-1,2")
	s.Step(3)
	if s.Running() || s.Path().Steps() != 3 {
		t.Fatalf("Step(3): running %v, %d steps", s.Running(), s.Path().Steps())
	}
	assertPoint(t, "point after Step(3)", s.Path().Point(), closedForm(Bowl, -1, 2, 0.25, Descend, 3))
	click(s, tk, s.Run.Step.Rect)
	if s.Path().Steps() != 4 {
		t.Errorf("the step button: %d steps, want 4", s.Path().Steps())
	}
	assertPoint(t, "point after the step button", s.Path().Point(), closedForm(Bowl, -1, 2, 0.25, Descend, 4))
	tick(s, tk, time.Hour, nil)
	if s.Path().Steps() != 4 {
		t.Errorf("paused ticks took steps: %d", s.Path().Steps())
	}

	// the run button runs and pauses
	click(s, tk, s.Run.Start.Rect)
	if !s.Running() || s.Run.Start.Label != "pause" {
		t.Fatalf("run button: running %v, label %q", s.Running(), s.Run.Start.Label)
	}
	click(s, tk, s.Run.Start.Rect)
	if s.Running() {
		t.Fatal("second click on run did not pause")
	}

	s.Start()
	s.Reset()
	if s.Running() || s.Path().Steps() != 0 {
		t.Errorf("Reset: running %v, %d steps", s.Running(), s.Path().Steps())
	}
	assertPoint(t, "point after Reset", s.Path().Point(), plot.Point{X: -1, Y: 2})
	s.Step(2)
	click(s, tk, s.Run.Reset.Rect)
	if s.Path().Steps() != 0 {
		t.Errorf("the reset button left %d steps", s.Path().Steps())
	}
}

func TestSceneClickSetsStart(t *testing.T) {
	s, tk := newScaledScene(t, testArea, 2) // the pointer is logical, the viewport device pixels
	set(t, s, "speed", "1")
	px, py := toCSS(s.Status(), 3, -1.5)
	tick(s, tk, time.Millisecond, func(in *ui.Input) {
		in.X, in.Y, in.Pointer, in.Down, in.Pressed = px, py, true, true, true
	})
	st := s.Status()
	start := st["start"].([]float64)
	if math.Hypot(start[0]-3, start[1]+1.5) > 1e-9 {
		t.Errorf("start = %v, want (3, -1.5)", start)
	}
	if !s.Running() || s.Path().Steps() != 1 {
		t.Errorf("after the click: running %v, %d steps; want running with the first step taken", s.Running(), s.Path().Steps())
	}
	assertPoint(t, "the first step", s.Path().Point(), closedForm(Bowl, start[0], start[1], 0.1, Descend, 1))
	// a click outside the plot (in the caption) does not move the start
	cx, cy := s.Caption.Center()
	tick(s, tk, time.Millisecond, func(in *ui.Input) { in.X, in.Y, in.Down, in.Pressed = cx, cy, true, true })
	if got := s.StartPoint(); got.X != start[0] || got.Y != start[1] {
		t.Errorf("a click in the caption moved the start to %v", got)
	}
}

func TestSceneWheelAndArrows(t *testing.T) {
	s, tk := newScaledScene(t, testArea, 1.5)
	v0 := append([]float64(nil), s.Status()["view"].([]float64)...)
	width := func() float64 { v := s.Status()["view"].([]float64); return v[2] - v[0] }
	// the pointer over the world point (2, 1); wheel up zooms in 1.15×
	// about it
	px, py := toCSS(s.Status(), 2, 1)
	wheel := func(w float64) {
		tick(s, tk, time.Millisecond, func(in *ui.Input) { in.X, in.Y, in.Pointer, in.Wheel = px, py, true, w })
		tick(s, tk, time.Millisecond, nil) // the view fits the plot on the tick after
	}
	w0 := width()
	wheel(1)
	if !near(width(), w0/1.15, 1e-12) {
		t.Errorf("wheel in: width %v, want %v/1.15", width(), w0)
	}
	if x, y := fromCSS(s.Status(), px, py); math.Hypot(x-2, y-1) > 1e-9 {
		t.Errorf("after the zoom the pointer is over (%v, %v), want (2, 1)", x, y)
	}
	wheel(-1)
	if !near(width(), w0, 1e-12) {
		t.Errorf("wheel in and out: width %v, want %v", width(), w0)
	}
	wheel(1)
	click(s, tk, s.Home.Rect)
	tick(s, tk, time.Millisecond, nil)
	if v := s.Status()["view"].([]float64); !reflect.DeepEqual(v, v0) {
		t.Errorf("reset view: %v, want %v", v, v0)
	}

	// arrows pan by a tenth of the view asked for (f's: 5 × 4.5)
	centre := func() (float64, float64) {
		v := s.Status()["view"].([]float64)
		return (v[0] + v[2]) / 2, (v[1] + v[3]) / 2
	}
	cx0, cy0 := centre()
	keys := func(k ...ui.Key) {
		tick(s, tk, time.Millisecond, func(in *ui.Input) { in.Keys = append(in.Keys, k...) })
		tick(s, tk, time.Millisecond, nil)
	}
	keys(ui.KeyRight)
	keys(ui.KeyUp)
	if cx, cy := centre(); !near(cx, cx0+0.5, 1e-12) || !near(cy, cy0+0.45, 1e-12) {
		t.Errorf("right, up: centre (%v, %v), want (%v, %v)", cx, cy, cx0+0.5, cy0+0.45)
	}
	keys(ui.KeyLeft, ui.KeyRight)
	keys(ui.KeyLeft, ui.KeyDown)
	if cx, cy := centre(); !near(cx, cx0, 1e-12) || !near(cy, cy0, 1e-12) {
		t.Errorf("back: centre (%v, %v), want (%v, %v)", cx, cy, cx0, cy0)
	}
}

// TestSceneZoomLimits: the wheel stops at a shown width of 1e-3 and 1e5
// (a small plot: every notch samples the function again).
func TestSceneZoomLimits(t *testing.T) {
	s, tk := newScaledScene(t, ui.Rect{W: 500, H: 300}, 1)
	width := func() float64 { return s.VP.World.W() }
	x, y := s.Plot.Center()
	wheel := func(w float64) {
		tick(s, tk, time.Millisecond, func(in *ui.Input) { in.X, in.Y, in.Pointer, in.Wheel = x, y, true, w })
	}
	for i := 0; i < 120; i++ {
		wheel(-1)
	}
	tick(s, tk, time.Millisecond, nil)
	if w := width(); w >= maxViewW || w < maxViewW/1.15 {
		t.Errorf("zoomed out to width %v, want the last notch below %v", w, maxViewW)
	}
	for i := 0; i < 250; i++ {
		wheel(1)
	}
	tick(s, tk, time.Millisecond, nil)
	if w := width(); w <= minViewW || w > minViewW*1.15 {
		t.Errorf("zoomed in to width %v, want the last notch above %v", w, minViewW)
	}
}

func TestSceneHover(t *testing.T) {
	s, tk := newTestScene(t)
	set(t, s, "eta", "0.2")
	px, py := toCSS(s.Status(), 2, 1)
	tick(s, tk, time.Millisecond, func(in *ui.Input) { in.X, in.Y, in.Pointer = px, py, true })
	if !s.Hover {
		t.Fatal("no hover over the plot")
	}
	x, y := s.HoverAt.X, s.HoverAt.Y
	if math.Hypot(x-2, y-1) > 1e-9 {
		t.Errorf("hover at (%v, %v), want (2, 1)", x, y)
	}
	gx, gy := 6*(x-1), 2*y
	assertPoint(t, "gradient at the pointer", s.HoverGrad, plot.Point{X: gx, Y: gy})
	assertPoint(t, "the step from the pointer", s.HoverStep, plot.Point{X: x - 0.2*gx, Y: y - 0.2*gy})
	if want := fmt.Sprintf("pointer (%.3g, %.3g)\ngrad = (%.3g, %.3g)", x, y, gx, gy); s.Text.Hover != want {
		t.Errorf("hover text %q, want %q", s.Text.Hover, want)
	}
	// The level curve through the pointer: f(x,y) = f(2,1) = 8 is the
	// ellipse 3(x-1)² + y² = 4, sampled on a 121² grid over the view (the
	// linear interpolation errs by at most a curvature times h²/8).
	if len(s.HoverLevel) < 50 {
		t.Fatalf("level curve of %d segments", len(s.HoverLevel))
	}
	h := s.VP.World.W() / (hoverGrid - 1)
	for _, seg := range s.HoverLevel {
		for _, p := range [][2]float64{{seg.X0, seg.Y0}, {seg.X1, seg.Y1}} {
			if d := Bowl.F(p[0], p[1]) - 8; math.Abs(d) > 6*h*h {
				t.Fatalf("level curve point %v: f = 8%+g, want within %g", p, d, 6*h*h)
			}
		}
	}
	// Leaving the plot ends the hover; the curve stays until the view changes.
	gen := s.HoverGen
	tick(s, tk, time.Millisecond, func(in *ui.Input) { in.Pointer = false })
	if s.Hover || s.Text.Hover != "" || len(s.HoverLevel) == 0 || s.HoverGen != gen {
		t.Errorf("off the plot: hover %v, text %q, %d level segments, gen %d→%d", s.Hover, s.Text.Hover, len(s.HoverLevel), gen, s.HoverGen)
	}
	tick(s, tk, time.Millisecond, func(in *ui.Input) { in.Keys = append(in.Keys, ui.KeyLeft) })
	tick(s, tk, time.Millisecond, nil)
	if len(s.HoverLevel) != 0 || s.HoverGen == gen {
		t.Errorf("after a pan: %d level segments, gen %d→%d", len(s.HoverLevel), gen, s.HoverGen)
	}
}

// TestScenePathGeometry: a path inside the view is drawn as it is (its
// first 500 points and the last marked); a diverging path is clipped to a
// margin of one view around the view and stays finite.
func TestScenePathGeometry(t *testing.T) {
	s, tk := newTestScene(t)
	set(t, s, "eta", "0.005", "steps", "600") // straight in from (2.5, 1.5): all in view
	tick(s, tk, time.Millisecond, nil)
	pts := s.Path().Points
	if len(s.PathSegs) != 600 {
		t.Fatalf("%d path segments, want 600", len(s.PathSegs))
	}
	for k, seg := range s.PathSegs {
		if want := (plot.Segment{X0: pts[k].X, Y0: pts[k].Y, X1: pts[k+1].X, Y1: pts[k+1].Y}); seg != want {
			t.Fatalf("segment %d = %+v, want %+v", k, seg, want)
		}
	}
	if len(s.PathDots) != 502 || s.PathDots[0] != (Dot{X: 2.5, Y: 1.5, R: 5}) || s.PathDots[501] != (Dot{X: pts[600].X, Y: pts[600].Y, R: 3}) {
		t.Errorf("%d dots, first %+v, last %+v; want 502: the start (r 5), points 1–500 and the last", len(s.PathDots), s.PathDots[0], s.PathDots[len(s.PathDots)-1])
	}
	if !s.InView() {
		t.Error("the converging path's point is not in view")
	}

	set(t, s, "sign", "ascent", "eta", "0.1", "steps", "100")
	tick(s, tk, time.Millisecond, nil)
	if s.Path().State() != Diverged || s.InView() {
		t.Fatalf("ascent on f: state %v, in view %v", s.Path().State(), s.InView())
	}
	w := s.VP.World
	big := plot.Rect{X0: w.X0 - w.W(), Y0: w.Y0 - w.H(), X1: w.X1 + w.W(), Y1: w.Y1 + w.H()}
	const eps = 1e-9
	out := 0
	pts = s.Path().Points
	for _, seg := range s.PathSegs {
		for _, p := range [][2]float64{{seg.X0, seg.Y0}, {seg.X1, seg.Y1}} {
			if math.IsNaN(p[0]) || math.IsInf(p[0], 0) || math.IsNaN(p[1]) || math.IsInf(p[1], 0) ||
				p[0] < big.X0-eps || p[0] > big.X1+eps || p[1] < big.Y0-eps || p[1] > big.Y1+eps {
				t.Fatalf("segment end %v outside %+v", p, big)
			}
			if math.Abs(p[0]-big.X1) < eps || math.Abs(p[1]-big.Y1) < eps {
				out++
			}
		}
		// each piece lies on one step of the path
		on := false
		for k := 1; k < len(pts) && !on; k++ {
			on = onSegment(pts[k-1], pts[k], seg.X0, seg.Y0) && onSegment(pts[k-1], pts[k], seg.X1, seg.Y1)
		}
		if !on {
			t.Fatalf("segment %+v is on no step of the path", seg)
		}
	}
	if out != 1 || len(s.PathSegs) >= 100 {
		t.Errorf("%d segments, %d ends on the margin; want fewer than 100 and the one where the path leaves", len(s.PathSegs), out)
	}
	for _, d := range s.PathDots {
		if !w.Contains(d.X, d.Y) {
			t.Errorf("dot %+v outside the view %+v", d, w)
		}
	}
}

// onSegment reports whether (x, y) lies on the segment a–b (relative to its
// length).
func onSegment(a, b plot.Point, x, y float64) bool {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return x == a.X && y == a.Y
	}
	u := ((x-a.X)*dx + (y-a.Y)*dy) / l2
	cx, cy := a.X+u*dx-x, a.Y+u*dy-y
	return u >= -1e-9 && u <= 1+1e-9 && math.Hypot(cx, cy) <= 1e-9*math.Sqrt(l2)
}

func TestSceneGenerations(t *testing.T) {
	s, tk := newTestScene(t)
	gens := func() [4]uint64 { return [4]uint64{s.LevelsGen, s.PathGen, s.HoverGen, s.Heat.Gen} }
	g := gens()
	for i := 0; i < 3; i++ {
		tick(s, tk, time.Millisecond, nil)
	}
	if gens() != g {
		t.Errorf("steady ticks moved the generations %v → %v", g, gens())
	}
	s.Step(1)
	tick(s, tk, time.Millisecond, nil)
	if n := gens(); n[0] != g[0] || n[1] != g[1]+1 || n[3] != g[3] {
		t.Errorf("a step: generations %v → %v, want only the path's", g, n)
	}
	g = gens()
	tick(s, tk, time.Millisecond, func(in *ui.Input) { in.Keys = append(in.Keys, ui.KeyDown) })
	tick(s, tk, time.Millisecond, nil)
	if n := gens(); n[0] != g[0]+1 || n[1] != g[1]+1 || n[3] <= g[3] {
		t.Errorf("a pan: generations %v → %v, want levels, path and heatmap again", g, n)
	}
	g = gens()
	set(t, s, "fn", "B")
	tick(s, tk, time.Millisecond, nil)
	if n := gens(); n[0] != g[0]+1 || n[1] != g[1]+1 {
		t.Errorf("fn=B: generations %v → %v", g, n)
	}
}

// TestSceneHeatmap: one raster pixel per device pixel of the plot, the
// optimum dark (f's valley floor and B's summit alike), level curves
// around the optimum.
func TestSceneHeatmap(t *testing.T) {
	s, tk := newScaledScene(t, testArea, 2)
	for _, fn := range []string{"f", "B"} {
		set(t, s, "fn", fn)
		tick(s, tk, time.Millisecond, nil)
		f := s.Func()
		b := s.Heat.Img.Bounds()
		if b.Dx() != int(s.Plot.W*2+0.5) || b.Dy() != int(s.Plot.H*2+0.5) {
			t.Fatalf("%s: raster %v for a plot of %v×%v at scale 2", fn, b, s.Plot.W, s.Plot.H)
		}
		w := s.VP.World
		lum := func(x, y float64) int {
			px := int((x - w.X0) / w.W() * float64(b.Dx()))
			py := int((w.Y1 - y) / w.H() * float64(b.Dy()))
			c := s.Heat.Img.RGBAAt(px, py)
			return int(c.R) + int(c.G) + int(c.B)
		}
		if o, c := lum(f.Opt.X, f.Opt.Y), lum(w.X0+w.W()*0.01, w.Y0+w.H()*0.01); o >= c {
			t.Errorf("%s: the optimum's pixel (%d) is not darker than a corner's (%d)", fn, o, c)
		}
		if len(s.LevelLines) < 5 || len(s.Labels) == 0 {
			t.Errorf("%s: %d level polylines, %d labels", fn, len(s.LevelLines), len(s.Labels))
		}
		lv := f.Levels(w, 10)
		for _, l := range s.Labels {
			if !w.Contains(l.X, l.Y) || l.Text != plot.FormatLevel(l.Value) || !near(f.F(l.X, l.Y), l.Value, 1e-3) {
				t.Errorf("%s: label %+v (f there %v)", fn, l, f.F(l.X, l.Y))
			}
			found := false
			for _, v := range lv {
				found = found || v == l.Value
			}
			if !found {
				t.Errorf("%s: label %v is not one of the levels %v", fn, l.Value, lv)
			}
		}
	}
}

func TestSceneTexts(t *testing.T) {
	s, tk := newTestScene(t)
	set(t, s, "steps", "5")
	tick(s, tk, time.Millisecond, nil)
	q := closedForm(Bowl, 2.5, 1.5, 0.1, Descend, 5)
	want := Texts{
		Step:       "step k = 5",
		Point:      fmt.Sprintf("(x, y) = (%.4g, %.4g)", q.X, q.Y),
		Value:      fmt.Sprintf("f(x, y) = %.6g", 3*(q.X-1)*(q.X-1)+q.Y*q.Y+4),
		State:      "state: on its way",
		Prediction: "each step multiplies the distance to\nthe optimum by 0.4 in x, 0.8 in y\nprediction: converges",
		Opt:        "min (1, 0)",
	}
	got := s.Text
	got.Caption = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("texts\n%+v\nwant\n%+v", got, want)
	}
	if len(s.Text.Caption) < 2 {
		t.Errorf("caption %q", s.Text.Caption)
	}
	for _, ln := range s.Text.Caption {
		if ui.Measure(ln, CaptionSize) > s.Caption.W {
			t.Errorf("caption line %q wider than %v", ln, s.Caption.W)
		}
	}
	set(t, s, "fn", "B", "eta", "0.1", "steps", "500")
	tick(s, tk, time.Millisecond, nil)
	if s.Text.State != "state: converged" || s.Text.Opt != "max (10, 3)" || s.Text.Value != "B(x, y) = 4000" {
		t.Errorf("B converged: %q, %q, %q", s.Text.State, s.Text.Opt, s.Text.Value)
	}
}

// TestSceneAllocs: a tick where nothing changes allocates nothing, paused
// with the pointer resting over the plot and running between two steps.
func TestSceneAllocs(t *testing.T) {
	s, tk := newTestScene(t)
	px, py := toCSS(s.Status(), 2, 1)
	hover := func() {
		tk.In.Reset()
		tk.In.X, tk.In.Y, tk.In.Pointer = px, py, true
		tk.Now += time.Millisecond
		s.Update(tk)
	}
	hover()
	if n := testing.AllocsPerRun(100, hover); n != 0 {
		t.Errorf("paused tick with the pointer over the plot: %v allocations, want 0", n)
	}
	set(t, s, "speed", "1")
	s.Start()
	hover() // the first step
	steps := s.Path().Steps()
	if n := testing.AllocsPerRun(100, hover); n != 0 {
		t.Errorf("running tick between steps: %v allocations, want 0", n)
	}
	if !s.Running() || s.Path().Steps() != steps || s.Changed() {
		t.Errorf("between steps: running %v, %d steps (was %d), changed %v", s.Running(), s.Path().Steps(), steps, s.Changed())
	}
	// and with the pointer over the controls
	px, py = s.Fn.Rect.Center()
	hover()
	if n := testing.AllocsPerRun(100, hover); n != 0 {
		t.Logf("running tick with the pointer over the function choice: %v allocations", n)
	}
}
