package pad

import "math"

// Canvas defaults: a 112×112 canvas (4× MNIST's 28) and a brush radius of
// 5 canvas pixels. A digit drawn over ~70% of the pad's height is scaled by
// about 20/80 into MNIST's 20×20 box, so its strokes become ~2.5 pixels
// wide, as MNIST's are.
const (
	DefaultN      = 112
	DefaultRadius = 5.0
)

// Point is a position in pad units: (0,0) top-left, (1,1) bottom-right.
type Point struct{ X, Y float64 }

// Canvas is a square grayscale canvas of N×N pixels in 0..1 (ink = 1) and
// the strokes drawn on it. Strokes are stamped into Pix as they arrive
// (each new segment costs only its own neighbourhood), so Pix is always
// up to date.
type Canvas struct {
	N      int
	Radius float64   // brush radius in canvas pixels
	Pix    []float32 // (N, N) row-major: Pix[y*N+x], ink 0..1
	// Strokes holds the strokes in pad units, in drawing order.
	Strokes [][]Point

	drawing bool
	version int
}

// NewCanvas returns an empty n×n canvas with a brush of the given radius
// in canvas pixels. It panics if n < 8 or radius <= 0.
func NewCanvas(n int, radius float64) *Canvas {
	if n < 8 || !(radius > 0) {
		panic("pad: NewCanvas needs n >= 8 and radius > 0")
	}
	return &Canvas{N: n, Radius: radius, Pix: make([]float32, n*n)}
}

// Version counts changes to Pix; a view re-renders when it differs from
// the version it last drew.
func (c *Canvas) Version() int { return c.version }

// Empty reports whether nothing has been drawn since the last Clear.
func (c *Canvas) Empty() bool { return len(c.Strokes) == 0 }

// Drawing reports whether a stroke is in progress (between Begin and End).
func (c *Canvas) Drawing() bool { return c.drawing }

// Clear wipes the canvas.
func (c *Canvas) Clear() {
	clear(c.Pix)
	c.Strokes = c.Strokes[:0]
	c.drawing = false
	c.version++
}

// Begin starts a stroke at (x, y) in pad units (clamped to [0,1]) and
// stamps a dot there.
func (c *Canvas) Begin(x, y float64) {
	p := clampPoint(x, y)
	c.Strokes = append(c.Strokes, []Point{p})
	c.drawing = true
	c.segment(p, p)
}

// LineTo extends the current stroke to (x, y); without a stroke in
// progress it starts one.
func (c *Canvas) LineTo(x, y float64) {
	if !c.drawing || len(c.Strokes) == 0 {
		c.Begin(x, y)
		return
	}
	p := clampPoint(x, y)
	s := &c.Strokes[len(c.Strokes)-1]
	last := (*s)[len(*s)-1]
	if last == p {
		return
	}
	*s = append(*s, p)
	c.segment(last, p)
}

// End finishes the current stroke.
func (c *Canvas) End() { c.drawing = false }

// Redraw re-stamps every stroke into a cleared Pix (after Radius changed).
func (c *Canvas) Redraw() {
	clear(c.Pix)
	for _, s := range c.Strokes {
		for i := range s {
			a := s[max(i-1, 0)]
			c.segment(a, s[i])
		}
	}
	c.version++
}

func clampPoint(x, y float64) Point {
	f := func(v float64) float64 {
		if !(v > 0) { // also NaN
			return 0
		}
		return math.Min(v, 1)
	}
	return Point{f(x), f(y)}
}

// brush is the soft round brush's ink at distance d from the stroke's
// centre line: 1 inside radius-0.75, 0 beyond radius+0.75 (canvas
// pixels), a smoothstep in between, so edges are anti-aliased like
// MNIST's.
func brush(d, radius float64) float32 {
	const soft = 0.75
	t := (radius + soft - d) / (2 * soft)
	switch {
	case t <= 0:
		return 0
	case t >= 1:
		return 1
	}
	return float32(t * t * (3 - 2*t))
}

// segment stamps the segment a–b (pad units) into Pix with the brush,
// keeping the maximum where strokes overlap.
func (c *Canvas) segment(a, b Point) {
	n := float64(c.N)
	// Pixel (i, j) covers [i, i+1)×[j, j+1) in canvas units; its centre is
	// (i+0.5, j+0.5). Pad units map to canvas units by ×N.
	ax, ay, bx, by := a.X*n, a.Y*n, b.X*n, b.Y*n
	reach := c.Radius + 1
	x0 := max(int(math.Floor(math.Min(ax, bx)-reach)), 0)
	x1 := min(int(math.Ceil(math.Max(ax, bx)+reach)), c.N-1)
	y0 := max(int(math.Floor(math.Min(ay, by)-reach)), 0)
	y1 := min(int(math.Ceil(math.Max(ay, by)+reach)), c.N-1)
	dx, dy := bx-ax, by-ay
	l2 := dx*dx + dy*dy
	for j := y0; j <= y1; j++ {
		row := c.Pix[j*c.N : (j+1)*c.N]
		py := float64(j) + 0.5
		for i := x0; i <= x1; i++ {
			px := float64(i) + 0.5
			t := 0.0
			if l2 > 0 {
				t = math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l2))
			}
			d := math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
			if v := brush(d, c.Radius); v > row[i] {
				row[i] = v
			}
		}
	}
	c.version++
}
