package ring

import (
	"math"
	"math/rand/v2"

	"digitlab/kit/plot"
)

// Point is a sample in the plane with its labels by both rings.
type Point struct {
	X1, X2  float64
	Circle  bool // a ≤ √(x1²+x2²) ≤ b
	Diamond bool // a ≤ |x1|+|x2| ≤ b
}

// InCircle reports a² ≤ x1²+x2² ≤ b².
func InCircle(a, b, x1, x2 float64) bool {
	r2 := x1*x1 + x2*x2
	return a*a <= r2 && r2 <= b*b
}

// InDiamond reports a ≤ |x1|+|x2| ≤ b.
func InDiamond(a, b, x1, x2 float64) bool {
	r := math.Abs(x1) + math.Abs(x2)
	return a <= r && r <= b
}

// Sample appends n points drawn uniformly from box by rng to dst and returns
// it; the labels are left false (see Label). The draws are x1 then x2 per
// point, so a seed fixes the points.
func Sample(dst []Point, rng *rand.Rand, n int, box plot.Rect) []Point {
	for range n {
		x1 := box.X0 + box.W()*rng.Float64()
		x2 := box.Y0 + box.H()*rng.Float64()
		dst = append(dst, Point{X1: x1, X2: x2})
	}
	return dst
}

// Label sets each point's Circle label for the circular ring (a, b) and its
// Diamond label for the diamond ring (da, db), in place.
func Label(pts []Point, a, b, da, db float64) {
	for i := range pts {
		p := &pts[i]
		p.Circle = InCircle(a, b, p.X1, p.X2)
		p.Diamond = InDiamond(da, db, p.X1, p.X2)
	}
}

// Disagree appends to dst the points whose circle and diamond labels differ.
func Disagree(dst, pts []Point) []Point {
	for _, p := range pts {
		if p.Circle != p.Diamond {
			dst = append(dst, p)
		}
	}
	return dst
}

// TestPoint is one of the seed's seven test points.
type TestPoint struct{ X1, X2 float64 }

// SeedTests are the seed's test points (003 §9d).
var SeedTests = []TestPoint{{0, 0}, {0.5, 0.5}, {1.1, 0}, {1, 1}, {1.5, 0.2}, {2, 0}, {2.1, 0}}
