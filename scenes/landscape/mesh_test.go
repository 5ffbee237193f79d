package landscape

import (
	"image"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"digitlab/kit/plot"
)

func TestSurfaceMeshTopView(t *testing.T) {
	t.Parallel()
	// From straight above with no azimuth the projection is the normalised
	// world plane itself and depth is -z.
	cam := Camera{Azimuth: 0, Elevation: math.Pi / 2, ZScale: 1}
	m := SurfaceMesh(func(x, y float64) float64 { return x }, plot.Rect{X0: 0, Y0: 0, X1: 4, Y1: 2}, 5, 3, cam)
	if len(m.Quads) != 4*2 {
		t.Fatalf("%d quads, want 8", len(m.Quads))
	}
	if len(m.Lines) != 3+5 {
		t.Fatalf("%d grid lines, want 8", len(m.Lines))
	}
	for _, q := range m.Quads {
		for _, p := range q.P {
			if p.X < -1-1e-12 || p.X > 1+1e-12 || p.Y < -1-1e-12 || p.Y > 1+1e-12 {
				t.Fatalf("top-view point %v outside [-1,1]²", p)
			}
		}
	}
	if m.ZMin != 0 || m.ZMax != 4 {
		t.Errorf("z range = [%v,%v], want [0,4]", m.ZMin, m.ZMax)
	}
	if b := m.Bounds; math.Abs(b.X0+1) > 1e-12 || math.Abs(b.X1-1) > 1e-12 || math.Abs(b.Y0+1) > 1e-12 || math.Abs(b.Y1-1) > 1e-12 {
		t.Errorf("Bounds = %+v, want [-1,1]²", b)
	}
}

func TestSurfaceMeshBackToFront(t *testing.T) {
	t.Parallel()
	nt := Random(8, rand.New(rand.NewPCG(1, 2)))
	m := SurfaceMesh(nt.Eval, plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}, 21, 21, DefaultCamera)
	for k := 1; k < len(m.Quads); k++ {
		if m.Quads[k].Depth > m.Quads[k-1].Depth {
			t.Fatalf("quad %d depth %v after %v: not back to front", k, m.Quads[k].Depth, m.Quads[k-1].Depth)
		}
	}
	for _, q := range m.Quads {
		if q.Shade < 0 || q.Shade > 1 {
			t.Fatalf("shade %v outside [0,1]", q.Shade)
		}
	}
	// Project reproduces the mesh's own lattice points: corner (i,j)=(0,0)
	// of the back-to-front-sorted quads is not known, so check the grid lines.
	g := plot.SampleGrid(plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}, 21, 21, nt.Eval)
	for _, ij := range [][2]int{{0, 0}, {20, 0}, {7, 13}, {20, 20}} {
		i, j := ij[0], ij[1]
		got := m.Project(g.X(i), g.Y(j), g.At(i, j))
		want := m.Lines[j][i]
		if math.Abs(got.X-want.X) > 1e-12 || math.Abs(got.Y-want.Y) > 1e-12 {
			t.Errorf("Project at lattice (%d,%d) = %v, want %v", i, j, got, want)
		}
	}
	flat := SurfaceMesh(func(x, y float64) float64 { return 3 }, plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}, 3, 3, DefaultCamera)
	s0 := flat.Quads[0].Shade
	for _, q := range flat.Quads {
		if q.Shade != s0 {
			t.Errorf("flat surface shades differ: %v vs %v", q.Shade, s0)
		}
	}
}

func TestRenderMatchesEval(t *testing.T) {
	t.Parallel()
	nt := Random(16, rand.New(rand.NewPCG(4, 4)))
	view := plot.Rect{X0: -2, Y0: -1, X1: 2, Y1: 3}
	n := plot.Symmetric(-5, 5)
	fast := image.NewRGBA(image.Rect(0, 0, 97, 61))
	slow := image.NewRGBA(fast.Bounds())
	nt.RenderHeatmap(fast, view, plot.Diverging, n)
	plot.HeatmapFunc(slow, view, nt.Eval, plot.Diverging, n)
	for k := range fast.Pix {
		if d := int(fast.Pix[k]) - int(slow.Pix[k]); d < -1 || d > 1 {
			t.Fatalf("byte %d: stepped render %d, HeatmapFunc %d", k, fast.Pix[k], slow.Pix[k])
		}
	}
	pats := image.NewRGBA(image.Rect(0, 0, 20, 20))
	nt.RenderPatterns(pats, view)
	// pixel (3,5) centre → world
	x := view.X0 + 3.5*view.W()/20
	y := view.Y1 - 5.5*view.H()/20
	if got, want := pats.RGBAAt(3, 5), PatternColor(nt.Pattern(x, y)); got != want {
		t.Errorf("pattern pixel = %v, want %v", got, want)
	}
}

func TestUnitColorsDistinct(t *testing.T) {
	t.Parallel()
	seen := map[[3]uint8]int{}
	for i := 0; i < 32; i++ {
		c := UnitColor(i)
		k := [3]uint8{c.R, c.G, c.B}
		if j, ok := seen[k]; ok {
			t.Errorf("UnitColor(%d) = UnitColor(%d) = %v", i, j, c)
		}
		seen[k] = i
	}
}

// The surface's axes lie on its box: x₁ and x₂ along the floor edges
// through the floor corner drawn lowest (nearest the viewer), Φ upright at
// the corner drawn furthest left; each tick sits where its value is on
// the axis, marked and labelled outside the box, none near a corner; for
// every azimuth.
func TestSurfaceAxes(t *testing.T) {
	t.Parallel()
	w := plot.Rect{X0: -2, Y0: -1, X1: 3, Y1: 2}
	f := func(x, y float64) float64 { return x - 2*y }
	vp := plot.NewViewport(plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}, plot.Rect{X0: 0, Y0: 0, X1: 400, Y1: 400})
	pix := func(m *Mesh, x, y, z float64) plot.Point {
		p := m.Project(x, y, z)
		px, py := vp.ToPixel(p.X, p.Y)
		return plot.Point{X: px, Y: py}
	}
	near := func(a, b plot.Point) bool { return math.Hypot(a.X-b.X, a.Y-b.Y) < 1e-9 }
	dist := func(a, b plot.Point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }
	for az := -3.0; az <= 3; az += 0.35 {
		m := SurfaceMesh(f, w, 9, 9, Camera{Azimuth: az, Elevation: 0.6, ZScale: 1})
		ax := m.Axes(vp, 5, 11)
		type corner struct{ x, y float64 }
		cs := []corner{{w.X0, w.Y0}, {w.X1, w.Y0}, {w.X1, w.Y1}, {w.X0, w.Y1}}
		low, left := cs[0], cs[0]
		for _, c := range cs {
			if pix(&m, c.x, c.y, m.ZMin).Y > pix(&m, low.x, low.y, m.ZMin).Y {
				low = c
			}
			if pix(&m, c.x, c.y, m.ZMin).X < pix(&m, left.x, left.y, m.ZMin).X {
				left = c
			}
		}
		centre := pix(&m, (w.X0+w.X1)/2, (w.Y0+w.Y1)/2, m.ZMin)
		// Each axis: its ends, and where a value v is on it.
		want := [3]struct {
			name     string
			from, to plot.Point
			lo, hi   float64
			at       func(v float64) plot.Point
		}{
			{"x₁", pix(&m, w.X0, low.y, m.ZMin), pix(&m, w.X1, low.y, m.ZMin), w.X0, w.X1, func(v float64) plot.Point { return pix(&m, v, low.y, m.ZMin) }},
			{"x₂", pix(&m, low.x, w.Y0, m.ZMin), pix(&m, low.x, w.Y1, m.ZMin), w.Y0, w.Y1, func(v float64) plot.Point { return pix(&m, low.x, v, m.ZMin) }},
			{"Φ", pix(&m, left.x, left.y, m.ZMin), pix(&m, left.x, left.y, m.ZMax), m.ZMin, m.ZMax, func(v float64) plot.Point { return pix(&m, left.x, left.y, v) }},
		}
		for i, a := range ax {
			wa := want[i]
			if a.Name != wa.name || !near(a.From, wa.from) || !near(a.To, wa.to) {
				t.Errorf("az %.2f: axis %d is %s %v→%v, want %s %v→%v", az, i, a.Name, a.From, a.To, wa.name, wa.from, wa.to)
				continue
			}
			if len(a.Ticks) < 2 {
				t.Errorf("az %.2f: %s has %d ticks", az, a.Name, len(a.Ticks))
			}
			for _, tk := range a.Ticks {
				fr := (tk.Value - wa.lo) / (wa.hi - wa.lo)
				if !near(tk.At, wa.at(tk.Value)) || fr < 0.1 || fr > 0.9 || !slices.Contains(plot.Ticks(wa.lo, wa.hi, 6), plot.Tick{Value: tk.Value, Label: tk.Label}) {
					t.Errorf("az %.2f: %s tick %+v: want at %v, away from the ends", az, a.Name, tk, wa.at(tk.Value))
				}
				if math.Abs(dist(tk.At, tk.Out)-5) > 1e-9 || math.Abs(dist(tk.At, tk.LabelAt)-16) > 1e-9 && i < 2 {
					t.Errorf("az %.2f: %s tick %v: mark %v, label %v", az, a.Name, tk.Value, dist(tk.At, tk.Out), dist(tk.At, tk.LabelAt))
				}
				if i < 2 && dist(tk.LabelAt, centre) <= dist(tk.At, centre) {
					t.Errorf("az %.2f: %s tick %v's label is inside the box", az, a.Name, tk.Value)
				}
				if i == 2 && (tk.Out.X >= tk.At.X || tk.Out.Y != tk.At.Y) {
					t.Errorf("az %.2f: Φ tick %v's mark does not point left", az, tk.Value)
				}
			}
		}
		if ax[2].To.Y >= ax[2].From.Y {
			t.Errorf("az %.2f: Φ axis points down", az)
		}
	}
}
