package regions

import (
	"math"

	"digitlab/kit/plot"
)

// Convex polygons are []plot.Point in counter-clockwise order, without the
// first vertex repeated at the end.

// appendPiece appends to dst the part of the convex polygon poly where
// sign·s ≥ -tol, s[k] being the cutting function's value at poly[k] (a
// vertex with |s| ≤ tol is on the line and belongs to both parts). Where
// an edge runs from strictly one side (|s| > tol) to strictly the other it
// adds the crossing point, computed the same way for either sign so that
// the two parts share it exactly. It also returns the stretch of the line
// inside poly (the parts' shared edge): its on-line points farthest apart
// along (dx, dy), the line's direction.
func appendPiece(dst, poly []plot.Point, s []float64, tol, sign, dx, dy float64) ([]plot.Point, plot.Segment) {
	var lo, hi plot.Point
	umin, umax := math.Inf(1), math.Inf(-1)
	on := func(p plot.Point) {
		u := dx*p.X + dy*p.Y
		if u < umin {
			umin, lo = u, p
		}
		if u > umax {
			umax, hi = u, p
		}
	}
	n := len(poly)
	for k := 0; k < n; k++ {
		k1 := k + 1
		if k1 == n {
			k1 = 0
		}
		sp, sq := s[k], s[k1]
		if sign*sp >= -tol {
			dst = append(dst, poly[k])
			if math.Abs(sp) <= tol {
				on(poly[k])
			}
		}
		if sp > tol && sq < -tol || sp < -tol && sq > tol {
			t := sp / (sp - sq)
			p, q := poly[k], poly[k1]
			x := plot.Point{X: p.X + t*(q.X-p.X), Y: p.Y + t*(q.Y-p.Y)}
			dst = append(dst, x)
			on(x)
		}
	}
	return dst, plot.Segment{X0: lo.X, Y0: lo.Y, X1: hi.X, Y1: hi.Y}
}

// polyArea returns the area of a counter-clockwise polygon (shoelace).
func polyArea(poly []plot.Point) float64 {
	a := 0.0
	for k, p := range poly {
		q := poly[(k+1)%len(poly)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a / 2
}

// polyCentroid returns the centroid of a counter-clockwise polygon of
// positive area, or the mean of its vertices if its area is 0.
func polyCentroid(poly []plot.Point) plot.Point {
	var cx, cy, a float64
	// Relative to the first vertex, for accuracy far from the origin.
	o := poly[0]
	for k, p := range poly {
		q := poly[(k+1)%len(poly)]
		px, py, qx, qy := p.X-o.X, p.Y-o.Y, q.X-o.X, q.Y-o.Y
		cr := px*qy - qx*py
		a += cr
		cx += (px + qx) * cr
		cy += (py + qy) * cr
	}
	if a == 0 {
		var m plot.Point
		for _, p := range poly {
			m.X += p.X / float64(len(poly))
			m.Y += p.Y / float64(len(poly))
		}
		return m
	}
	return plot.Point{X: o.X + cx/(3*a), Y: o.Y + cy/(3*a)}
}

// polyContains reports whether (x,y) lies in the closed convex
// counter-clockwise polygon grown by tol (a point at most tol outside an
// edge's line counts as inside).
func polyContains(poly []plot.Point, x, y, tol float64) bool {
	for k, p := range poly {
		q := poly[(k+1)%len(poly)]
		ex, ey := q.X-p.X, q.Y-p.Y
		cr := ex*(y-p.Y) - ey*(x-p.X)
		if cr < 0 && (tol == 0 || cr < -tol*math.Hypot(ex, ey)) {
			return false
		}
	}
	return true
}
