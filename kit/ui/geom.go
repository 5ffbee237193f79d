package ui

import "math"

// Rect is an axis-aligned rectangle in logical pixels: X grows right,
// Y grows down, (X, Y) is the top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x, y) lies inside r (left/top edges inclusive,
// right/bottom exclusive).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Overlaps reports whether r and b share more than an edge (a rounding
// error's sliver does not count).
func (r Rect) Overlaps(b Rect) bool {
	const eps = 1e-9
	return r.X < b.Right()-eps && b.X < r.Right()-eps && r.Y < b.Bottom()-eps && b.Y < r.Bottom()-eps
}

// Within reports whether r lies inside outer (up to a rounding error).
func (r Rect) Within(outer Rect) bool {
	const eps = 1e-9
	return r.X >= outer.X-eps && r.Y >= outer.Y-eps && r.Right() <= outer.Right()+eps && r.Bottom() <= outer.Bottom()+eps
}

// Right is r.X + r.W; Bottom is r.Y + r.H.
func (r Rect) Right() float64  { return r.X + r.W }
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Center returns the centre point of r.
func (r Rect) Center() (x, y float64) { return r.X + r.W/2, r.Y + r.H/2 }

// Inset shrinks r by d on every side (grows it for negative d). The size
// never becomes negative.
func (r Rect) Inset(d float64) Rect {
	out := Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d}
	if out.W < 0 {
		out.X, out.W = r.X+r.W/2, 0
	}
	if out.H < 0 {
		out.Y, out.H = r.Y+r.H/2, 0
	}
	return out
}

// CutTop splits r into a top strip of height h and the rest below it,
// leaving gap between them. h is clamped to r.H.
func (r Rect) CutTop(h, gap float64) (top, rest Rect) {
	h = clamp(h, 0, r.H)
	top = Rect{r.X, r.Y, r.W, h}
	rest = Rect{r.X, r.Y + h + gap, r.W, math.Max(0, r.H-h-gap)}
	return top, rest
}

// CutBottom splits r into a bottom strip of height h and the rest above it.
func (r Rect) CutBottom(h, gap float64) (bottom, rest Rect) {
	h = clamp(h, 0, r.H)
	bottom = Rect{r.X, r.Bottom() - h, r.W, h}
	rest = Rect{r.X, r.Y, r.W, math.Max(0, r.H-h-gap)}
	return bottom, rest
}

// CutLeft splits r into a left strip of width w and the rest to its right.
func (r Rect) CutLeft(w, gap float64) (left, rest Rect) {
	w = clamp(w, 0, r.W)
	left = Rect{r.X, r.Y, w, r.H}
	rest = Rect{r.X + w + gap, r.Y, math.Max(0, r.W-w-gap), r.H}
	return left, rest
}

// CutRight splits r into a right strip of width w and the rest to its left.
func (r Rect) CutRight(w, gap float64) (right, rest Rect) {
	w = clamp(w, 0, r.W)
	right = Rect{r.Right() - w, r.Y, w, r.H}
	rest = Rect{r.X, r.Y, math.Max(0, r.W-w-gap), r.H}
	return right, rest
}

// SplitH divides r into n columns of equal width separated by gap.
// Panics if n < 1.
func (r Rect) SplitH(n int, gap float64) []Rect {
	if n < 1 {
		panic("ui: SplitH with n < 1")
	}
	w := math.Max(0, (r.W-gap*float64(n-1))/float64(n))
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X + float64(i)*(w+gap), r.Y, w, r.H}
	}
	return out
}

// SplitV divides r into n rows of equal height separated by gap.
// Panics if n < 1.
func (r Rect) SplitV(n int, gap float64) []Rect {
	if n < 1 {
		panic("ui: SplitV with n < 1")
	}
	h := math.Max(0, (r.H-gap*float64(n-1))/float64(n))
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X, r.Y + float64(i)*(h+gap), r.W, h}
	}
	return out
}

// Square returns the largest square centred in r.
func (r Rect) Square() Rect {
	s := math.Min(r.W, r.H)
	return Rect{r.X + (r.W-s)/2, r.Y + (r.H-s)/2, s, s}
}

// Scaled multiplies every coordinate by s (logical to device pixels).
func (r Rect) Scaled(s float64) Rect { return Rect{r.X * s, r.Y * s, r.W * s, r.H * s} }

// Column hands out rows of a rectangle from top to bottom, like a form.
type Column struct {
	R   Rect    // what is left
	Gap float64 // space between rows
}

// NewColumn starts a column filling r.
func NewColumn(r Rect, gap float64) *Column { return &Column{R: r, Gap: gap} }

// Next returns the next row of height h (clamped to what is left).
func (c *Column) Next(h float64) Rect {
	row, rest := c.R.CutTop(h, c.Gap)
	c.R = rest
	return row
}

// Row hands out cells of a rectangle from left to right.
type Row struct {
	R   Rect
	Gap float64
}

// NewRow starts a row filling r.
func NewRow(r Rect, gap float64) *Row { return &Row{R: r, Gap: gap} }

// Next returns the next cell of width w (clamped to what is left).
func (rw *Row) Next(w float64) Rect {
	cell, rest := rw.R.CutLeft(w, rw.Gap)
	rw.R = rest
	return cell
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
