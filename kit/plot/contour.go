package plot

import (
	"math"
	"strconv"
)

// Contour is the level curve {f = Level} of a Grid as unordered segments in
// world coordinates.
type Contour struct {
	Level float64
	Segs  []Segment
}

// Contours runs marching squares on g for every level and returns one
// Contour per level, in the order given. A sample counts as "above" when
// v >= level. Cells with a NaN or infinite corner are skipped. Saddle cells
// (diagonal corners on the same side) are resolved by the mean of the four
// corners. Crossing points on an edge shared by two cells are computed
// identically from both sides, so segments join exactly end to end (see
// Polylines).
func Contours(g *Grid, levels []float64) []Contour {
	out := make([]Contour, len(levels))
	for k, lv := range levels {
		out[k] = Contour{Level: lv, Segs: contourLevel(g, lv, nil)}
	}
	return out
}

// edgePoint returns the crossing of level lv on the lattice edge from
// (i0,j0) to (i1,j1) where (i1,j1) is (i0+1,j0) or (i0,j0+1); it always
// interpolates from the lower-index corner so that both cells sharing the
// edge get the same bits.
func edgePoint(g *Grid, i0, j0, i1, j1 int, lv float64) (x, y float64) {
	a, b := g.At(i0, j0), g.At(i1, j1)
	t := 0.5
	if a != b {
		t = (lv - a) / (b - a)
	}
	t = math.Max(0, math.Min(1, t))
	x0, y0 := g.X(i0), g.Y(j0)
	x1, y1 := g.X(i1), g.Y(j1)
	return x0 + t*(x1-x0), y0 + t*(y1-y0)
}

func contourLevel(g *Grid, lv float64, segs []Segment) []Segment {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	for j := 0; j+1 < g.NY; j++ {
		for i := 0; i+1 < g.NX; i++ {
			// corners: 0=(i,j) bottom-left, 1=(i+1,j) bottom-right,
			// 2=(i+1,j+1) top-right, 3=(i,j+1) top-left.
			v0, v1, v2, v3 := g.At(i, j), g.At(i+1, j), g.At(i+1, j+1), g.At(i, j+1)
			if !finite(v0) || !finite(v1) || !finite(v2) || !finite(v3) {
				continue
			}
			c := 0
			if v0 >= lv {
				c |= 1
			}
			if v1 >= lv {
				c |= 2
			}
			if v2 >= lv {
				c |= 4
			}
			if v3 >= lv {
				c |= 8
			}
			if c == 0 || c == 15 {
				continue
			}
			// edges: b=bottom (0-1), r=right (1-2), t=top (3-2), l=left (0-3)
			pt := func(e byte) (float64, float64) {
				switch e {
				case 'b':
					return edgePoint(g, i, j, i+1, j, lv)
				case 'r':
					return edgePoint(g, i+1, j, i+1, j+1, lv)
				case 't':
					return edgePoint(g, i, j+1, i+1, j+1, lv)
				default:
					return edgePoint(g, i, j, i, j+1, lv)
				}
			}
			add := func(e0, e1 byte) {
				x0, y0 := pt(e0)
				x1, y1 := pt(e1)
				segs = append(segs, Segment{x0, y0, x1, y1})
			}
			switch c {
			case 1, 14:
				add('l', 'b')
			case 2, 13:
				add('b', 'r')
			case 3, 12:
				add('l', 'r')
			case 4, 11:
				add('r', 't')
			case 6, 9:
				add('b', 't')
			case 7, 8:
				add('l', 't')
			case 5, 10:
				centreAbove := (v0+v1+v2+v3)/4 >= lv
				// c==5: corners 0 and 2 above. If the centre is above they
				// are connected and the curve cuts off corners 1 and 3.
				if (c == 5) == centreAbove {
					add('b', 'r')
					add('l', 't')
				} else {
					add('l', 'b')
					add('r', 't')
				}
			}
		}
	}
	return segs
}

// Polylines joins a contour's segments into maximal chains of points
// (closed chains repeat their first point at the end). Segments are joined
// where their end points are exactly equal, which Contours guarantees for
// neighbouring cells.
func Polylines(segs []Segment) [][]Point {
	type key struct{ x, y float64 }
	adj := make(map[key][]int, 2*len(segs))
	for k, s := range segs {
		a, b := key{s.X0, s.Y0}, key{s.X1, s.Y1}
		adj[a] = append(adj[a], k)
		adj[b] = append(adj[b], k)
	}
	used := make([]bool, len(segs))
	other := func(k int, p key) key {
		s := segs[k]
		if (key{s.X0, s.Y0}) == p {
			return key{s.X1, s.Y1}
		}
		return key{s.X0, s.Y0}
	}
	// walk from p along unused segments, appending points.
	walk := func(p key, pts []Point) []Point {
		for {
			next := -1
			for _, k := range adj[p] {
				if !used[k] {
					next = k
					break
				}
			}
			if next < 0 {
				return pts
			}
			used[next] = true
			p = other(next, p)
			pts = append(pts, Point{p.x, p.y})
		}
	}
	var out [][]Point
	// Open chains first: start at points of odd degree.
	starts := make([]key, 0)
	for k := range segs {
		for _, p := range [...]key{{segs[k].X0, segs[k].Y0}, {segs[k].X1, segs[k].Y1}} {
			if len(adj[p])%2 == 1 {
				starts = append(starts, p)
			}
		}
	}
	for _, p := range starts {
		pts := walk(p, []Point{{p.x, p.y}})
		if len(pts) > 1 {
			out = append(out, pts)
		}
	}
	for k, s := range segs {
		if used[k] {
			continue
		}
		p := key{s.X0, s.Y0}
		out = append(out, walk(p, []Point{{p.x, p.y}}))
	}
	return out
}

// Label is a text to draw at a world position, e.g. a level-curve value.
type Label struct {
	X, Y  float64
	Text  string
	Value float64
}

// ContourLabels places labels for each contour: on every joined polyline at
// least minLen long (world units), one label at the middle of its arc
// length, then one more every spacing world units along it (spacing <= 0
// means one per polyline). Texts are FormatLevel of the level.
func ContourLabels(cs []Contour, minLen, spacing float64) []Label {
	var out []Label
	for _, c := range cs {
		text := FormatLevel(c.Level)
		for _, pl := range Polylines(c.Segs) {
			total := polyLen(pl)
			if total < minLen || total == 0 {
				continue
			}
			var at []float64
			if spacing <= 0 || total < spacing {
				at = []float64{total / 2}
			} else {
				n := int(total / spacing)
				off := (total - float64(n-1)*spacing) / 2
				for k := 0; k < n; k++ {
					at = append(at, off+float64(k)*spacing)
				}
			}
			for _, s := range at {
				p := pointAt(pl, s)
				out = append(out, Label{p.X, p.Y, text, c.Level})
			}
		}
	}
	return out
}

// FormatLevel writes a level value as short as it can be read: rounded to
// 6 significant digits, then without trailing zeros ("8.4", "3994.1",
// "0.3" for 0.30000000000000004, "-2"), exponent form beyond 1e6 or below
// 1e-4 in magnitude.
func FormatLevel(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if a := math.Abs(v); a >= 1e6 || a < 1e-4 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	p := math.Pow(10, 6-math.Ceil(math.Log10(math.Abs(v))))
	return strconv.FormatFloat(math.Round(v*p)/p, 'f', -1, 64)
}

func polyLen(pl []Point) float64 {
	l := 0.0
	for k := 1; k < len(pl); k++ {
		l += math.Hypot(pl[k].X-pl[k-1].X, pl[k].Y-pl[k-1].Y)
	}
	return l
}

// pointAt returns the point at arc length s along pl.
func pointAt(pl []Point, s float64) Point {
	for k := 1; k < len(pl); k++ {
		d := math.Hypot(pl[k].X-pl[k-1].X, pl[k].Y-pl[k-1].Y)
		if s <= d && d > 0 {
			u := s / d
			return Point{pl[k-1].X + u*(pl[k].X-pl[k-1].X), pl[k-1].Y + u*(pl[k].Y-pl[k-1].Y)}
		}
		s -= d
	}
	return pl[len(pl)-1]
}
