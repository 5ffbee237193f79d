package landscape

import (
	"image"
	"math"
	"math/rand/v2"
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
