package plot

import (
	"image/color"
	"math"
	"testing"
)

func TestPanZoom(t *testing.T) {
	home := Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	p := NewPanZoom(home, 1e-3, 1e3)
	p.Pan(1, 0)
	if want := (Rect{X0: -1.6, Y0: -2, X1: 2.4, Y1: 2}); math.Abs(p.View.X0-want.X0) > 1e-12 || p.View.Y0 != want.Y0 {
		t.Errorf("pan right: %v, want %v", p.View, want)
	}
	p.Pan(0, -1)
	if math.Abs(p.View.Y1-1.6) > 1e-12 {
		t.Errorf("pan down: %v", p.View)
	}
	p.Reset()
	if p.View != home {
		t.Errorf("reset: %v", p.View)
	}
	pix := PixelRect(0, 0, 400, 200)
	vp := p.Fit(pix)
	if sx, sy := vp.Scale(); math.Abs(sx-sy) > 1e-9 || vp.World.H() != 4 {
		t.Errorf("fit: scales %v %v, world %v", sx, sy, vp.World)
	}
	// The world point under the pointer stays there.
	wx, wy := vp.ToWorld(300, 50)
	if !p.Wheel(vp, 1, 300, 50) {
		t.Fatal("wheel in refused")
	}
	vp2 := p.Fit(pix)
	if x, y := vp2.ToWorld(300, 50); math.Abs(x-wx) > 1e-9 || math.Abs(y-wy) > 1e-9 {
		t.Errorf("zoom moved the point under the pointer: (%v,%v) → (%v,%v)", wx, wy, x, y)
	}
	if got, want := vp2.World.W(), vp.World.W()/1.15; math.Abs(got-want) > 1e-9 {
		t.Errorf("zoomed width %v, want %v", got, want)
	}
	if p.Wheel(vp2, 0, 300, 50) {
		t.Error("no wheel changed the view")
	}
	// The bounds refuse a zoom past them.
	q := NewPanZoom(home, 3.9, 10)
	if q.Wheel(q.Fit(PixelRect(0, 0, 100, 100)), 1, 50, 50) || q.View != home {
		t.Errorf("zoom below MinW accepted: %v", q.View)
	}
	if !q.Wheel(q.Fit(PixelRect(0, 0, 100, 100)), -1, 50, 50) {
		t.Error("zoom out within MaxW refused")
	}
}

func TestRasterDotFade(t *testing.T) {
	var r Raster
	if !r.Fit(10, 10) || r.Fit(10, 10) || r.Gen != 1 {
		t.Fatalf("Fit: gen %d", r.Gen)
	}
	r.Touch()
	if r.Gen != 2 {
		t.Errorf("Touch: gen %d", r.Gen)
	}
	img := r.Img
	world := Rect{X0: 0, Y0: 0, X1: 10, Y1: 10}
	fill, edge := color.RGBA{200, 0, 0, 255}, color.RGBA{0, 0, 200, 255}
	Dot(img, world, 5, 5, 3, fill, edge) // centre pixel (5, 5) in y-down
	if c := img.RGBAAt(5, 5); c != fill {
		t.Errorf("centre %v, want fill", c)
	}
	if c := img.RGBAAt(7, 5); c != edge { // distance 2.5 > rad-1
		t.Errorf("rim %v, want edge", c)
	}
	if c := img.RGBAAt(0, 0); c != (color.RGBA{}) {
		t.Errorf("outside %v, want untouched", c)
	}
	Dot(img, world, -100, 3, 2, fill, edge) // off the picture: no panic
	Fade(img, 0.5)
	if c := img.RGBAAt(5, 5); c.R != 228 || c.G != 128 || c.B != 128 {
		t.Errorf("faded %v, want (228,128,128)", c)
	}
	p := Pale(Sequential, 0.4)
	if len(p.Stops) != len(Sequential.Stops) {
		t.Fatal("Pale changed the stops' number")
	}
	for i, c := range p.Stops {
		s := Sequential.Stops[i]
		if want := uint8(0.4*float64(s.R) + 0.6*255); c.R != want || c.A != 255 {
			t.Errorf("stop %d: %v, want R %d", i, c, want)
		}
	}
}

func TestDeviceRect(t *testing.T) {
	if r := DeviceRect(10, 20, 30, 40, 2); r != (Rect{X0: 20, Y0: 40, X1: 80, Y1: 120}) {
		t.Errorf("DeviceRect = %v", r)
	}
	if r := DeviceRect(10, 20, 0, 40, 2); r.W() != 1 || r.H() != 1 {
		t.Errorf("empty DeviceRect = %v, want 1×1", r)
	}
}
