package plot

import "math"

// Point is a position in world (or projected) coordinates.
type Point struct{ X, Y float64 }

// Segment is a straight piece of line from (X0,Y0) to (X1,Y1).
type Segment struct{ X0, Y0, X1, Y1 float64 }

// Len returns the Euclidean length of s.
func (s Segment) Len() float64 { return math.Hypot(s.X1-s.X0, s.Y1-s.Y0) }

// Rect is an axis-aligned rectangle [X0,X1]×[Y0,Y1]. In world coordinates
// Y grows upwards; in pixel coordinates (X0,Y0) is the top-left corner and
// Y grows downwards. A Rect is valid when X1 > X0 and Y1 > Y0.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// W returns the width of r.
func (r Rect) W() float64 { return r.X1 - r.X0 }

// H returns the height of r.
func (r Rect) H() float64 { return r.Y1 - r.Y0 }

// PadY returns r taller by f of its height above and below (a chart's
// margin over its data).
func (r Rect) PadY(f float64) Rect {
	d := f * r.H()
	r.Y0, r.Y1 = r.Y0-d, r.Y1+d
	return r
}

// Center returns the centre of r.
func (r Rect) Center() Point { return Point{(r.X0 + r.X1) / 2, (r.Y0 + r.Y1) / 2} }

// Contains reports whether (x,y) lies in the closed rectangle r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X0 && x <= r.X1 && y >= r.Y0 && y <= r.Y1
}

// Valid reports whether r has finite corners and positive width and height.
func (r Rect) Valid() bool {
	for _, v := range [...]float64{r.X0, r.Y0, r.X1, r.Y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return r.X1 > r.X0 && r.Y1 > r.Y0
}

// Viewport maps the world rectangle World (y up) onto the pixel rectangle
// Pixels (y down): world (World.X0, World.Y1) is the top-left pixel corner
// (Pixels.X0, Pixels.Y0). The two axes scale independently; use Fit to keep
// the aspect ratio.
type Viewport struct {
	World  Rect
	Pixels Rect
}

// NewViewport returns the viewport mapping world onto pixels.
// It panics if either rectangle is not Valid.
func NewViewport(world, pixels Rect) Viewport {
	if !world.Valid() || !pixels.Valid() {
		panic("plot: NewViewport with an empty or non-finite rectangle")
	}
	return Viewport{World: world, Pixels: pixels}
}

// Scale returns pixels per world unit along x and y.
func (v Viewport) Scale() (sx, sy float64) {
	return v.Pixels.W() / v.World.W(), v.Pixels.H() / v.World.H()
}

// ToPixel maps a world point to pixel coordinates.
func (v Viewport) ToPixel(x, y float64) (px, py float64) {
	px = v.Pixels.X0 + (x-v.World.X0)*v.Pixels.W()/v.World.W()
	py = v.Pixels.Y0 + (v.World.Y1-y)*v.Pixels.H()/v.World.H()
	return px, py
}

// ToWorld maps pixel coordinates to a world point; it inverts ToPixel.
func (v Viewport) ToWorld(px, py float64) (x, y float64) {
	x = v.World.X0 + (px-v.Pixels.X0)*v.World.W()/v.Pixels.W()
	y = v.World.Y1 - (py-v.Pixels.Y0)*v.World.H()/v.Pixels.H()
	return x, y
}

// SegmentToPixel maps both ends of a world segment to pixels.
func (v Viewport) SegmentToPixel(s Segment) (x0, y0, x1, y1 float64) {
	x0, y0 = v.ToPixel(s.X0, s.Y0)
	x1, y1 = v.ToPixel(s.X1, s.Y1)
	return
}

// InPixels reports whether the pixel (px,py) lies inside the pixel rectangle.
func (v Viewport) InPixels(px, py float64) bool { return v.Pixels.Contains(px, py) }

// Zoom returns the viewport zoomed by factor about the pixel (px,py): the
// world point under that pixel stays under it. factor > 1 zooms in.
// It panics if factor is not finite and positive.
func (v Viewport) Zoom(factor, px, py float64) Viewport {
	if !(factor > 0) || math.IsInf(factor, 0) {
		panic("plot: Zoom factor must be finite and positive")
	}
	cx, cy := v.ToWorld(px, py)
	w := v.World
	v.World = Rect{
		X0: cx - (cx-w.X0)/factor, X1: cx + (w.X1-cx)/factor,
		Y0: cy - (cy-w.Y0)/factor, Y1: cy + (w.Y1-cy)/factor,
	}
	return v
}

// Pan returns the viewport whose content moved by (dpx,dpy) pixels, as when
// the user drags the plane: the world point under the pointer follows it.
func (v Viewport) Pan(dpx, dpy float64) Viewport {
	sx, sy := v.Scale()
	dx, dy := -dpx/sx, dpy/sy
	v.World = Rect{v.World.X0 + dx, v.World.Y0 + dy, v.World.X1 + dx, v.World.Y1 + dy}
	return v
}

// Fit returns the viewport showing at least world inside pixels with equal
// scale on both axes (1 world unit is as many pixels in x as in y): the
// world rectangle is widened along one axis about its centre.
func Fit(world, pixels Rect) Viewport {
	v := NewViewport(world, pixels)
	sx, sy := v.Scale()
	c := world.Center()
	if sx > sy { // too many pixels per unit in x: show more x
		hw := pixels.W() / sy / 2
		v.World.X0, v.World.X1 = c.X-hw, c.X+hw
	} else {
		hh := pixels.H() / sx / 2
		v.World.Y0, v.World.Y1 = c.Y-hh, c.Y+hh
	}
	return v
}

// ClipSegment returns the part of s inside the closed rectangle r
// (Liang–Barsky) and whether any of it is inside. Use it before stroking
// lines whose ends may be far outside the view (a diverging path).
func ClipSegment(s Segment, r Rect) (Segment, bool) {
	dx, dy := s.X1-s.X0, s.Y1-s.Y0
	t0, t1 := 0.0, 1.0
	for _, e := range [...]struct{ p, q float64 }{
		{-dx, s.X0 - r.X0}, {dx, r.X1 - s.X0},
		{-dy, s.Y0 - r.Y0}, {dy, r.Y1 - s.Y0},
	} {
		if e.p == 0 {
			if e.q < 0 {
				return Segment{}, false
			}
			continue
		}
		t := e.q / e.p
		if e.p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
	}
	if t0 > t1 || math.IsNaN(t0) || math.IsNaN(t1) {
		return Segment{}, false
	}
	return Segment{s.X0 + t0*dx, s.Y0 + t0*dy, s.X0 + t1*dx, s.Y0 + t1*dy}, true
}
