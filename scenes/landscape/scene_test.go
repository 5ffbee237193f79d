package landscape

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// A 1280×800 window less the tab bar, at scale 1 (what the browser tests
// use).
var testArea = ui.Rect{X: 0, Y: 44, W: 1280, H: 756}

// frame is the input of one tick and the scene it drives.
type frame struct {
	s  *Scene
	in ui.Input
	t  ui.Tick
}

func newFrame(t *testing.T, scale float64) *frame {
	t.Helper()
	f := &frame{s: NewScene()}
	f.t = ui.Tick{In: &f.in, Area: testArea, Scale: scale}
	f.step()
	return f
}

// step runs one Update with the input as set, then clears its events
// (press, release, wheel, keys) as the app does before the next tick.
func (f *frame) step() {
	f.s.Update(&f.t)
	f.in.Reset()
}

// at moves the pointer to the world point (x, y) through status()'s plot
// and view, as the browser tests aim (logical pixels).
func (f *frame) at(x, y float64) {
	st := f.s.Status()
	p, v := st["plot"].([]float64), st["view"].([]float64)
	f.in.Pointer = true
	f.in.X = p[0] + (x-v[0])/(v[2]-v[0])*p[2]
	f.in.Y = p[1] + (v[3]-y)/(v[3]-v[1])*p[3]
}

func (f *frame) world() plot.Rect { return f.s.VP.World }

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestSceneSeedExample(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1)
	st := f.s.Status()
	want := map[string]any{"n": 3, "preset": "example", "seed": 1, "pieces": 7, "kinkLines": 3,
		"segments": 4, "lineKinks": 3, "tint": false, "surface": false, "hover": nil, "phi": nil, "active": nil}
	for k, v := range want {
		if !reflect.DeepEqual(st[k], v) {
			t.Errorf("status %s = %v, want %v", k, st[k], v)
		}
	}
	if v := st["view"].([]float64); !reflect.DeepEqual(v, []float64{-2, -2, 2, 2}) {
		t.Errorf("view = %v, want [-2 -2 2 2]", v)
	}
	if p := st["plot"].([]float64); p[2] != p[3] || p[2] < 300 {
		t.Errorf("plot = %v, want a square of some size", p)
	}
	if f.s.Figures[0] != "linear pieces in view: 7" || f.s.Figures[2] != "line segments: 4 (≤ n+1 = 4)" {
		t.Errorf("figures = %q", f.s.Figures)
	}
	if f.s.ChartNote != "4 segments (at most n+1 = 4), 3 kinks" {
		t.Errorf("chart note = %q", f.s.ChartNote)
	}
	if len(f.s.Marks) != 3 || len(f.s.CaptionLines) == 0 || len(f.s.InfoLines) == 0 {
		t.Errorf("%d marks, %d caption lines, %d info lines", len(f.s.Marks), len(f.s.CaptionLines), len(f.s.InfoLines))
	}
	if b := f.s.Heat.Img.Bounds(); b.Dx() != int(f.s.Layout.Plot.W+0.5) {
		t.Errorf("heatmap %v for a plot %v wide", b, f.s.Layout.Plot.W)
	}
}

func TestSceneSetStatusRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		opts map[string]string
		want map[string]any
	}{
		{map[string]string{"n": "5"}, map[string]any{"n": 5, "preset": "random"}},
		{map[string]string{"n": "5", "preset": "example"}, map[string]any{"n": 3, "preset": "example"}},
		{map[string]string{"preset": "random"}, map[string]any{"n": 3, "preset": "random"}},
		{map[string]string{"preset": "example"}, map[string]any{"n": 3, "preset": "example"}},
		{map[string]string{"example": "0"}, map[string]any{"preset": "random"}},
		{map[string]string{"example": "1", "n": "7"}, map[string]any{"preset": "example", "n": 3}},
		{map[string]string{"seed": "9", "n": "12"}, map[string]any{"seed": 9, "n": 12, "preset": "random"}},
		{map[string]string{"line": "-1.5,1.5,1.5,-1.5"}, map[string]any{"line": []float64{-1.5, 1.5, 1.5, -1.5}, "segments": 4, "lineKinks": 3}},
		{map[string]string{"view": "-1,-1,3,3"}, map[string]any{"view": []float64{-1, -1, 3, 3}}},
		{map[string]string{"tint": "1"}, map[string]any{"tint": true}},
		{map[string]string{"surface": "yes"}, map[string]any{"surface": true}},
	}
	for _, tc := range tests {
		f := newFrame(t, 1)
		if errs := f.s.Set(tc.opts); len(errs) != 0 {
			t.Errorf("Set(%v) = %v", tc.opts, errs)
			continue
		}
		f.step()
		st := f.s.Status()
		for k, v := range tc.want {
			if !reflect.DeepEqual(st[k], v) {
				t.Errorf("Set(%v): status %s = %v, want %v", tc.opts, k, st[k], v)
			}
		}
	}
	// A seed draws its own network, the same one each time.
	a, b := newFrame(t, 1), newFrame(t, 1)
	a.s.Set(map[string]string{"seed": "4", "n": "6"})
	b.s.Set(map[string]string{"n": "6", "seed": "4"})
	if !reflect.DeepEqual(a.s.Net, b.s.Net) || reflect.DeepEqual(a.s.Net.W1[:6], Example().W1) {
		t.Error("seed 4, n 6 gave different networks or the example")
	}
}

func TestSceneSetBadValues(t *testing.T) {
	t.Parallel()
	bad := map[string][]string{
		"n":       {"0", "33", "abc", "2.5"},
		"preset":  {"best", ""},
		"example": {"maybe"},
		"seed":    {"-1", "x"},
		"line":    {"1,2,3", "a,b,c,d"},
		"view":    {"1,1,0,0", "0,0,1", "0,0,1,x"},
		"tint":    {"2"},
		"surface": {"sometimes"},
		"zoom":    {"2"},
	}
	for k, vs := range bad {
		for _, v := range vs {
			f := newFrame(t, 1)
			f.s.Set(map[string]string{"n": "4", "seed": "3", "line": "0,0,1,1", "view": "-1,-1,1,1", "tint": "1"})
			f.step()
			before := f.s.Status()
			errs := f.s.Set(map[string]string{k: v})
			var oe *ui.OptionError
			if len(errs) != 1 || !errors.As(errs[0], &oe) || oe.Key != k {
				t.Errorf("Set(%s=%q) = %v, want one *ui.OptionError for %s", k, v, errs, k)
				continue
			}
			f.step()
			if after := f.s.Status(); !reflect.DeepEqual(after, before) {
				t.Errorf("Set(%s=%q) changed the status:\n%v\nto\n%v", k, v, before, after)
			}
		}
	}
	// A bad value does not stop the good ones.
	f := newFrame(t, 1)
	if errs := f.s.Set(map[string]string{"n": "40", "tint": "1"}); len(errs) != 1 || !f.s.Tint.On || f.s.Net.N != 3 {
		t.Errorf("Set(n=40, tint=1) = %v, tint %v, n %d", errs, f.s.Tint.On, f.s.Net.N)
	}
}

func TestSceneDragLine(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1)
	// Along y = -x from (-1.5,1.5) to (1.5,-1.5) the units switch at
	// x = -1/2, -1/3 and 0: three breaks, four segments.
	f.at(-1.5, 1.5)
	f.step()
	f.in.Down, f.in.Pressed = true, true
	f.step()
	if !f.in.Captured(f.s) {
		t.Fatal("a press on the plane does not capture the pointer")
	}
	f.at(0, 0.2)
	f.step()
	f.at(1.5, -1.5)
	f.step()
	f.in.Down, f.in.Released = false, true
	f.step()
	st := f.s.Status()
	got := st["line"].([]float64)
	for i, w := range []float64{-1.5, 1.5, 1.5, -1.5} {
		if !near(got[i], w, 1e-9) {
			t.Fatalf("line = %v, want [-1.5 1.5 1.5 -1.5]", got)
		}
	}
	if st["segments"] != 4 || st["lineKinks"] != 3 {
		t.Errorf("segments %v, kinks %v along y = -x, want 4 and 3", st["segments"], st["lineKinks"])
	}
	if f.in.Captured(f.s) {
		t.Error("the release keeps the pointer captured")
	}
	// The chart spans the line's length, 3√2, and its marks are where the
	// units switch: x = -1/2, -1/3, 0 on the line, Φ there by hand.
	if w := f.s.Chart.World; !near(w.X0, 0, 1e-9) || !near(w.X1, 3*math.Sqrt2, 1e-9) {
		t.Errorf("chart x range %v, want [0, 3√2]", w)
	}
	nt := Example()
	for k, x := range []float64{-0.5, -1.0 / 3, 0} {
		mk := f.s.Marks[k]
		if !near(mk.Plane.X, x, 1e-9) || !near(mk.Plane.Y, -x, 1e-9) || !near(mk.Chart.Y, nt.Eval(x, -x), 1e-9) ||
			!near(mk.Chart.X, (x+1.5)*math.Sqrt2, 1e-9) {
			t.Errorf("mark %d = %+v, want at (%v, %v)", k, mk, x, -x)
		}
	}
	// A click without a drag keeps the line.
	f.at(0.5, 0.5)
	f.in.Down, f.in.Pressed = true, true
	f.step()
	f.in.Down, f.in.Released = false, true
	f.step()
	if got2 := f.s.Status()["line"]; !reflect.DeepEqual(got2, got) {
		t.Errorf("a click moved the line to %v", got2)
	}
}

func TestSceneEscapeCancelsDrag(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 2)
	old := f.s.Line
	f.at(-1, -1)
	f.in.Down, f.in.Pressed = true, true
	f.step()
	f.at(1, 1.5)
	f.step()
	if f.s.Line[1].X == old[1].X {
		t.Fatal("the drag does not move the line's end")
	}
	f.in.Keys = append(f.in.Keys, ui.KeyEscape)
	f.step()
	if f.s.Line != old || f.in.Captured(f.s) {
		t.Fatalf("after Escape line = %v (want %v), captured %v", f.s.Line, old, f.in.Captured(f.s))
	}
	f.at(0, 1) // still held: no drag any more
	f.step()
	f.in.Down, f.in.Released = false, true
	f.step()
	if f.s.Line != old {
		t.Errorf("moving after Escape changed the line to %v", f.s.Line)
	}

	// Turning the surface: 100 px sideways turn it by 1 radian; Escape
	// stops turning.
	f.s.Set(map[string]string{"surface": "1"})
	f.step()
	az, gen := f.s.Az, f.s.MeshGen
	f.at(0, 0)
	f.in.Down, f.in.Pressed = true, true
	f.step()
	f.in.X += 100
	f.step()
	if !near(f.s.Az, az+1, 1e-12) || f.s.MeshGen == gen {
		t.Errorf("azimuth %v after 100 px (want %v), mesh generation %d → %d", f.s.Az, az+1, gen, f.s.MeshGen)
	}
	if f.s.Line != old {
		t.Error("turning the surface moved the line")
	}
	// Up and down tilt it, 100 px a radian, no further than MinEl..MaxEl;
	// the axes follow.
	el, axFrom := f.s.El, f.s.Axes3D[0].From
	f.in.Y += 20
	f.step()
	if !near(f.s.El, el+0.2, 1e-12) || !near(f.s.Az, az+1, 1e-12) || f.s.Axes3D[0].From == axFrom {
		t.Errorf("after 20 px down: elevation %v (want %v), azimuth %v, axes moved %v", f.s.El, el+0.2, f.s.Az, f.s.Axes3D[0].From != axFrom)
	}
	f.in.Y += 1000
	f.step()
	if f.s.El != MaxEl {
		t.Errorf("elevation %v after a long drag down, want MaxEl %v", f.s.El, MaxEl)
	}
	f.in.Y -= 3000
	f.step()
	if f.s.El != MinEl {
		t.Errorf("elevation %v after a long drag up, want MinEl %v", f.s.El, MinEl)
	}
	f.in.Keys = append(f.in.Keys, ui.KeyEscape)
	f.step()
	f.in.X += 100
	f.step()
	if !near(f.s.Az, az+1, 1e-12) {
		t.Errorf("turning went on after Escape: azimuth %v", f.s.Az)
	}
	// The home button turns it back and shows the home view.
	f.s.Set(map[string]string{"view": "0,0,1,1"})
	f.in.Down, f.in.Released = false, false
	f.in.X, f.in.Y = f.s.Home.Rect.Center()
	f.step()
	f.in.Down, f.in.Pressed = true, true
	f.step()
	f.in.Down, f.in.Released = false, true
	f.step()
	if f.s.Az != DefaultCamera.Azimuth || f.s.El != DefaultCamera.Elevation || f.world() != HomeView {
		t.Errorf("after reset view: azimuth %v, elevation %v, view %v", f.s.Az, f.s.El, f.world())
	}
}

func TestSceneWheelZoomKeepsPoint(t *testing.T) {
	t.Parallel()
	for _, scale := range []float64{1, 1.5} {
		f := newFrame(t, scale)
		f.at(0.7, -1.3)
		f.step()
		x0, y0 := f.s.VP.ToWorld(f.in.X*scale, f.in.Y*scale)
		w0 := f.world().W()
		f.in.Wheel = 1
		f.step()
		x1, y1 := f.s.VP.ToWorld(f.in.X*scale, f.in.Y*scale)
		if !near(x1, x0, 1e-9) || !near(y1, y0, 1e-9) {
			t.Errorf("scale %v: the point under the pointer moved from (%v,%v) to (%v,%v)", scale, x0, y0, x1, y1)
		}
		if w := f.world().W(); !near(w, w0/1.15, 1e-9) {
			t.Errorf("scale %v: zoomed in to width %v, want %v", scale, w, w0/1.15)
		}
		if v := f.s.Status()["view"].([]float64); v[2]-v[0] >= w0 {
			t.Errorf("status view %v is not zoomed in", v)
		}
		f.in.Wheel = -1
		f.step()
		if w := f.world().W(); !near(w, w0, 1e-9) {
			t.Errorf("scale %v: zoomed back out to width %v, want %v", scale, w, w0)
		}
	}
	// The wheel does not zoom the surface.
	f := newFrame(t, 1)
	f.s.Set(map[string]string{"surface": "1"})
	f.at(0, 0)
	f.in.Wheel = 1
	f.step()
	if f.world() != HomeView {
		t.Errorf("the wheel zoomed the surface to %v", f.world())
	}
}

func TestSceneArrowsPan(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1)
	f.in.Pointer, f.in.X, f.in.Y = true, 10, 10 // over the controls, not the plane
	f.in.Keys = append(f.in.Keys, ui.KeyRight)
	f.step()
	f.step() // the view is fitted in the Update after the pan
	if w := f.world(); !near(w.X0, -1.6, 1e-12) || !near(w.X1, 2.4, 1e-12) || w.Y0 != -2 || w.Y1 != 2 {
		t.Errorf("after → the view is %v, want [-1.6,2.4]×[-2,2]", w)
	}
	f.in.Keys = append(f.in.Keys, ui.KeyUp, ui.KeyLeft)
	f.step()
	if w := f.world(); !near(w.X0, -2, 1e-12) || !near(w.Y0, -1.6, 1e-12) || !near(w.Y1, 2.4, 1e-12) {
		t.Errorf("after ↑← the view is %v, want [-2,2]×[-1.6,2.4]", w)
	}
	f.in.Keys = append(f.in.Keys, ui.KeyDown)
	f.step()
	if w := f.world(); !near(w.Y0, -2, 1e-12) {
		t.Errorf("after ↓ the view is %v", w)
	}
	// With the pointer over the plane too (issue 18: they panned only off
	// it).
	f.at(0, 0)
	f.in.Keys = append(f.in.Keys, ui.KeyRight)
	f.step()
	f.step()
	if w := f.world(); !near(w.X0, -1.6, 1e-12) {
		t.Errorf("→ over the plane: the view is %v, want it panned to x from -1.6", w)
	}
	f.in.Keys = append(f.in.Keys, ui.KeyLeft)
	f.step()
	f.step()
	// The 3-D view does not pan.
	f.s.Set(map[string]string{"surface": "1"})
	f.in.Keys = append(f.in.Keys, ui.KeyLeft)
	f.step()
	if w := f.world(); !near(w.X0, -2, 1e-12) {
		t.Errorf("← panned the surface to %v", w)
	}
}

func TestSceneHoverSeedPoint(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1)
	// Off the lattice by a fifth of its step (0.05 on [-2,2]²): snapped back.
	f.at(1+0.01, -1-0.01)
	f.step()
	st := f.s.Status()
	if !reflect.DeepEqual(st["hover"], []float64{1, -1}) {
		t.Fatalf("hover = %v, want [1 -1]", st["hover"])
	}
	// By hand: pre-activations W1·(1,-1) + b1 = (1+1+0, 2+0+1, -1-2-1) =
	// (2, 3, -4), so units 1 and 2 are active and Φ = 1·2 - 2·3 + 1·0 = -4.
	w1, b1, w2 := [3][2]float64{{1, -1}, {2, 0}, {-1, 2}}, [3]float64{0, 1, -1}, [3]float64{1, -2, 1}
	phi, var1 := 0.0, []float64(nil)
	for i := range 3 {
		if z := w1[i][0]*1 + w1[i][1]*-1 + b1[i]; z > 0 {
			phi += w2[i] * z
			var1 = append(var1, float64(i+1))
		}
	}
	if phi != -4 || st["phi"] != phi {
		t.Errorf("phi = %v, want %v (= -4)", st["phi"], phi)
	}
	if !reflect.DeepEqual(st["active"], var1) || !reflect.DeepEqual(var1, []float64{1, 2}) {
		t.Errorf("active = %v, want %v", st["active"], var1)
	}
	if want := [3]string{"x = (1, -1)", "Φ(x) = -4", "active units: 1,2"}; f.s.HoverText != want {
		t.Errorf("hover text %q, want %q", f.s.HoverText, want)
	}
	if f.s.UnitDim(0) || f.s.UnitDim(1) || !f.s.UnitDim(2) {
		t.Error("the legend should dim unit 3 only")
	}
	// Off the plane: no read-out.
	f.in.X = 5
	f.step()
	if st := f.s.Status(); st["hover"] != nil || st["phi"] != nil || st["active"] != nil || f.s.UnitDim(2) {
		t.Errorf("off the plane: hover %v phi %v active %v", st["hover"], st["phi"], st["active"])
	}
}

func TestSceneTexts(t *testing.T) {
	t.Parallel()
	if got := Snap(0.1+0.2, 0.05); got != 0.3 {
		t.Errorf("Snap(0.30000000000000004, 0.05) = %v", got)
	}
	if got := Snap(-1.013, 0.05); got != -1 {
		t.Errorf("Snap(-1.013, 0.05) = %v", got)
	}
	if FormatG(-0.35) != "-0.35" || FormatG(2) != "2" || FormatG(math.Copysign(0, -1)) != "0" {
		t.Errorf("FormatG: %q %q %q", FormatG(-0.35), FormatG(2), FormatG(math.Copysign(0, -1)))
	}
	long := make([]int, 32)
	for i := range long {
		long[i] = i
	}
	for _, tc := range []struct {
		u    []int
		want string
	}{{nil, "none"}, {[]int{0, 2}, "1,3"}, {long, "1,2,3,4,5,6,7,8,9,10,11,12,... (32)"}} {
		if got := UnitList(tc.u); got != tc.want {
			t.Errorf("UnitList(%v) = %q, want %q", tc.u, got, tc.want)
		}
	}
	f := newFrame(t, 1)
	plane := f.s.CaptionLines[0]
	f.s.Set(map[string]string{"tint": "1"})
	f.step()
	tint := f.s.CaptionLines[0]
	f.s.Set(map[string]string{"surface": "1"})
	f.step()
	if plane == tint || tint == f.s.CaptionLines[0] || f.s.SurfaceNote == "" {
		t.Errorf("captions plane %q, tint %q, surface %q; note %q", plane, tint, f.s.CaptionLines[0], f.s.SurfaceNote)
	}
}

// The drawing side rebuilds its batches on generation changes: a steady
// frame changes none, a change of what is drawn bumps the one it changes.
func TestSceneGenerations(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1)
	f.at(0.3, 0.3)
	f.step()
	pg, hg, mg := f.s.PlaneGen, f.s.Heat.Gen, f.s.MeshGen
	f.step()
	f.step()
	if f.s.PlaneGen != pg || f.s.Heat.Gen != hg || f.s.MeshGen != mg {
		t.Fatal("steady frames bumped a generation")
	}
	f.s.Status()
	f.step()
	if f.s.PlaneGen != pg {
		t.Fatal("Status made the plane stale")
	}
	f.s.Set(map[string]string{"tint": "1"})
	f.step()
	if f.s.PlaneGen == pg || f.s.Heat.Gen == hg {
		t.Error("tint did not redraw the plane")
	}
	f.s.Set(map[string]string{"surface": "1"})
	f.step()
	if f.s.MeshGen == mg || len(f.s.Kinks3D) != len(f.s.Kinks) || len(f.s.Kinks3D[0]) != 65 {
		t.Errorf("the surface: mesh generation %d, %d lifted kinks for %d", f.s.MeshGen, len(f.s.Kinks3D), len(f.s.Kinks))
	}
	for _, pl := range f.s.Kinks3D {
		for _, p := range pl {
			if !f.s.MeshVP.Pixels.Contains(p.X, p.Y) {
				t.Fatalf("lifted kink point %v outside the plot %v", p, f.s.MeshVP.Pixels)
			}
		}
	}
}

func TestSceneUpdateAllocs(t *testing.T) {
	// Not parallel: AllocsPerRun counts every goroutine's allocations.
	for _, tc := range []struct {
		desc string
		opts map[string]string
		x, y float64 // world point under the pointer, or NaN for the controls
	}{
		{"hovering the plane", nil, 1, -1},
		{"over the controls", nil, math.NaN(), 0},
		{"32 units, tint", map[string]string{"n": "32", "tint": "1"}, 0.2, 0.1},
		{"the surface", map[string]string{"surface": "1"}, 0, 0},
	} {
		f := newFrame(t, 2)
		f.s.Set(tc.opts)
		if math.IsNaN(tc.x) {
			f.in.Pointer, f.in.X, f.in.Y = true, 20, 300
		} else {
			f.at(tc.x, tc.y)
		}
		f.step()
		f.step()
		if n := testing.AllocsPerRun(50, f.step); n != 0 {
			t.Errorf("%s: %v allocations per steady Update, want 0", tc.desc, n)
		}
	}
}
