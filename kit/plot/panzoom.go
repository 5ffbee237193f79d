package plot

import "math"

// PanZoom is the view model of a pannable, zoomable plane (Landscape and
// Descent): the world rectangle the user asked for, where the home button
// takes it back, and how far the wheel may zoom. Fit turns it into the
// Viewport of a plot; Fit widens the shorter side so both axes keep one
// scale, so View is what was asked for and Viewport.World what is shown.
type PanZoom struct {
	View, Home Rect
	// MinW and MaxW bound the shown world width the wheel can reach.
	MinW, MaxW float64
}

// NewPanZoom returns a view at home, zoomable between minW and maxW world
// units across.
func NewPanZoom(home Rect, minW, maxW float64) PanZoom {
	return PanZoom{View: home, Home: home, MinW: minW, MaxW: maxW}
}

// Reset goes back home.
func (p *PanZoom) Reset() { p.View = p.Home }

// Fit returns the viewport showing the view in pixels with equal scale on
// both axes.
func (p *PanZoom) Fit(pixels Rect) Viewport { return Fit(p.View, pixels) }

// Pan moves the view by (fx, fy) tenths of its size (an arrow key is one
// tenth); positive fy moves it up.
func (p *PanZoom) Pan(fx, fy float64) {
	dx, dy := fx*0.1*p.View.W(), fy*0.1*p.View.H()
	p.View = Rect{X0: p.View.X0 + dx, Y0: p.View.Y0 + dy, X1: p.View.X1 + dx, Y1: p.View.Y1 + dy}
}

// Wheel zooms the shown viewport vp by one notch (1.15×) about the pixel
// (px, py), in for wheel > 0 and out for wheel < 0, keeping the world
// point under the pointer there. It reports whether the view changed: a
// zoom past MinW or MaxW is refused.
func (p *PanZoom) Wheel(vp Viewport, wheel, px, py float64) bool {
	if wheel == 0 || !vp.World.Valid() {
		return false
	}
	z := vp.Zoom(math.Pow(1.15, math.Copysign(1, wheel)), px, py)
	if w := z.World.W(); !(w > p.MinW && w < p.MaxW) {
		return false
	}
	p.View = z.World
	return true
}

// PixelRect returns the rectangle at (x, y) of size w×h in pixel
// coordinates (y down), as a Viewport's Pixels.
func PixelRect(x, y, w, h float64) Rect { return Rect{X0: x, Y0: y, X1: x + w, Y1: y + h} }

// DeviceRect returns the logical rectangle at (x, y) of size w×h in
// device pixels (scale device pixels per logical one), at least 1×1, as
// the Pixels of a plot's Viewport.
func DeviceRect(x, y, w, h, scale float64) Rect {
	w, h = w*scale, h*scale
	if w <= 0 || h <= 0 {
		w, h = 1, 1
	}
	return PixelRect(x*scale, y*scale, w, h)
}
