package regions

import (
	"math"
	"math/rand/v2"

	"digitlab/kit/plot"
)

// Shared fixtures and slow, obviously correct helpers for the tests.

var square2 = plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}

func diag(r plot.Rect) float64 { return math.Hypot(r.W(), r.H()) }

// lines builds a one-layer ReLU net from rows {a, b, c}: unit i's kink is
// the line a·x + b·y + c = 0 (output weights 1).
func lines(rows ...[3]float64) *Net {
	nt := New([]int{len(rows)}, 0)
	for i, r := range rows {
		nt.W[0][2*i], nt.W[0][2*i+1], nt.B[0][i], nt.WOut[i] = r[0], r[1], r[2], 1
	}
	return nt
}

// bent is a hand-made 2→2→1→1 net whose layer-1 kink bends: layer 0 is
// ReLU(x), ReLU(y), layer 1 is ReLU(h₀ − h₁ + 1/2), Φ = 3·h + 1. Its
// layer-1 kink is y = 1/2 for x ≤ 0 and y = x + 1/2 for x ≥ 0 (in the
// third and fourth quadrants the pre-activation is 1/2 and x + 1/2 > 0).
func bent() *Net {
	nt := New([]int{2, 1}, 0)
	copy(nt.W[0], []float64{1, 0, 0, 1})
	copy(nt.W[1], []float64{1, -1})
	nt.B[1][0] = 0.5
	nt.WOut[0], nt.BOut = 3, 1
	return nt
}

// randCase is a random net for the enumeration tests.
type randCase struct {
	desc   string
	widths []int
	leaky  float64
	init   Init
	seed   uint64
	view   plot.Rect
}

func (c randCase) net() *Net {
	return Random(c.widths, c.leaky, c.init, rand.New(rand.NewPCG(c.seed, 77)))
}

var offView = plot.Rect{X0: -1, Y0: -0.5, X1: 1.5, Y1: 1}

var randCases = []randCase{
	{"4,4 seed 1", []int{4, 4}, 0, SeedInit, 1, square2},
	{"4,4 seed 2 off-centre view", []int{4, 4}, 0, SeedInit, 2, offView},
	{"8,8 seed 3", []int{8, 8}, 0, SeedInit, 3, square2},
	{"8,8 seed 4 leaky 0.1", []int{8, 8}, 0.1, SeedInit, 4, square2},
	{"6,6,6 seed 5", []int{6, 6, 6}, 0, SeedInit, 5, square2},
	{"6,6,6 seed 6 leaky 0.01", []int{6, 6, 6}, 0.01, SeedInit, 6, square2},
	{"8,8 He (cones from the origin)", []int{8, 8}, 0, HeInit, 7, square2},
	{"5,7,3 seed 8 off-centre view", []int{5, 7, 3}, 0, SeedInit, 8, offView},
}

// minWidth returns the width of a convex polygon: the least, over its
// edges, of the farthest vertex from that edge's line (the width of a
// convex polygon is attained at an edge).
func minWidth(poly []plot.Point) float64 {
	w := math.Inf(1)
	for k, p := range poly {
		q := poly[(k+1)%len(poly)]
		ex, ey := q.X-p.X, q.Y-p.Y
		L := math.Hypot(ex, ey)
		if L == 0 {
			continue
		}
		far := 0.0
		for _, v := range poly {
			far = math.Max(far, math.Abs(ex*(v.Y-p.Y)-ey*(v.X-p.X))/L)
		}
		w = math.Min(w, far)
	}
	return w
}

// distToBoundary returns the distance from (x,y) to the polygon's
// boundary.
func distToBoundary(poly []plot.Point, x, y float64) float64 {
	d := math.Inf(1)
	for k, p := range poly {
		q := poly[(k+1)%len(poly)]
		ex, ey := q.X-p.X, q.Y-p.Y
		t := 0.0
		if L2 := ex*ex + ey*ey; L2 > 0 {
			t = math.Max(0, math.Min(1, ((x-p.X)*ex+(y-p.Y)*ey)/L2))
		}
		d = math.Min(d, math.Hypot(x-p.X-t*ex, y-p.Y-t*ey))
	}
	return d
}

// distToSegment returns the distance from (x,y) to s.
func distToSegment(s plot.Segment, x, y float64) float64 {
	return distToBoundary([]plot.Point{{X: s.X0, Y: s.Y0}, {X: s.X1, Y: s.Y1}}, x, y)
}

// grid is the flood-fill oracle's picture: the activation pattern at the
// centres of an r×r grid of cells over view.
type grid struct {
	view plot.Rect
	r    int
	pat  []Pattern // (r, r) row-major: pat[j*r+i] at cellCentre(i, j)
}

func (g *grid) centre(i, j int) (x, y float64) {
	return g.view.X0 + (float64(i)+0.5)*g.view.W()/float64(g.r),
		g.view.Y0 + (float64(j)+0.5)*g.view.H()/float64(g.r)
}

// spacing returns the larger of the grid's two cell sizes.
func (g *grid) spacing() float64 { return math.Max(g.view.W(), g.view.H()) / float64(g.r) }

func newGrid(nt *Net, view plot.Rect, r int) *grid {
	g := &grid{view: view, r: r, pat: make([]Pattern, r*r)}
	for j := 0; j < r; j++ {
		for i := 0; i < r; i++ {
			x, y := g.centre(i, j)
			g.pat[j*r+i] = nt.Pattern(x, y)
		}
	}
	return g
}

// components returns, for every pattern seen, the sizes of its
// 8-connected components of equal pattern.
func (g *grid) components() map[Pattern][]int {
	r := g.r
	out := map[Pattern][]int{}
	seen := make([]bool, r*r)
	stack := make([]int, 0, 1024)
	for s := range g.pat {
		if seen[s] {
			continue
		}
		size := 0
		seen[s] = true
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			size++
			i, j := k%r, k/r
			for dj := -1; dj <= 1; dj++ {
				for di := -1; di <= 1; di++ {
					ni, nj := i+di, j+dj
					if ni < 0 || ni >= r || nj < 0 || nj >= r {
						continue
					}
					if q := nj*r + ni; !seen[q] && g.pat[q] == g.pat[k] {
						seen[q] = true
						stack = append(stack, q)
					}
				}
			}
		}
		out[g.pat[s]] = append(out[g.pat[s]], size)
	}
	return out
}
