package plot

import (
	"image"
	"math"
)

// Grid holds a function sampled on a regular lattice over World:
// V is (NY, NX) row-major, V[j*NX+i] = f(x_i, y_j) with
// x_i = World.X0 + i·W/(NX-1) and y_j = World.Y0 + j·H/(NY-1)
// (row 0 is the BOTTOM edge, y up, as in world coordinates).
type Grid struct {
	World  Rect
	NX, NY int
	V      []float64
}

// NewGrid returns a zero grid. It panics if nx or ny < 2 or world is not Valid.
func NewGrid(world Rect, nx, ny int) *Grid {
	if nx < 2 || ny < 2 {
		panic("plot: grid needs at least 2×2 samples")
	}
	if !world.Valid() {
		panic("plot: grid over an empty or non-finite rectangle")
	}
	return &Grid{World: world, NX: nx, NY: ny, V: make([]float64, nx*ny)}
}

// X returns the x coordinate of column i.
func (g *Grid) X(i int) float64 { return g.World.X0 + float64(i)*g.World.W()/float64(g.NX-1) }

// Y returns the y coordinate of row j.
func (g *Grid) Y(j int) float64 { return g.World.Y0 + float64(j)*g.World.H()/float64(g.NY-1) }

// At returns the sample in column i, row j.
func (g *Grid) At(i, j int) float64 { return g.V[j*g.NX+i] }

// Fill overwrites every sample with f at its lattice point.
func (g *Grid) Fill(f func(x, y float64) float64) {
	for j := 0; j < g.NY; j++ {
		y := g.Y(j)
		row := g.V[j*g.NX : (j+1)*g.NX]
		for i := range row {
			row[i] = f(g.X(i), y)
		}
	}
}

// SampleGrid returns a new nx×ny grid of f over world.
func SampleGrid(world Rect, nx, ny int, f func(x, y float64) float64) *Grid {
	g := NewGrid(world, nx, ny)
	g.Fill(f)
	return g
}

// Range returns the smallest and largest finite samples, ignoring NaN and
// ±Inf. With no finite sample it returns (0, 0).
func (g *Grid) Range() (lo, hi float64) { return finiteRange(g.V) }

func finiteRange(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		lo = math.Min(lo, x)
		hi = math.Max(hi, x)
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi
}

// Sample returns the bilinear interpolation of g at world (x,y), clamped to
// the grid's rectangle.
func (g *Grid) Sample(x, y float64) float64 {
	fx := (x - g.World.X0) / g.World.W() * float64(g.NX-1)
	fy := (y - g.World.Y0) / g.World.H() * float64(g.NY-1)
	fx = math.Max(0, math.Min(fx, float64(g.NX-1)))
	fy = math.Max(0, math.Min(fy, float64(g.NY-1)))
	i, j := int(fx), int(fy)
	if i >= g.NX-1 {
		i = g.NX - 2
	}
	if j >= g.NY-1 {
		j = g.NY - 2
	}
	u, w := fx-float64(i), fy-float64(j)
	a, b := g.At(i, j), g.At(i+1, j)
	c, d := g.At(i, j+1), g.At(i+1, j+1)
	return (1-w)*((1-u)*a+u*b) + w*((1-u)*c+u*d)
}

// HeatmapFunc overwrites every pixel of dst with cm at f evaluated at the
// pixel's centre, where dst.Bounds() is mapped onto world (y up: the top row
// of dst is near world.Y1). It panics if world is not Valid.
func HeatmapFunc(dst *image.RGBA, world Rect, f func(x, y float64) float64, cm ColorMap, n Norm) {
	if !world.Valid() {
		panic("plot: HeatmapFunc over an empty or non-finite rectangle")
	}
	b := dst.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	for py := b.Min.Y; py < b.Max.Y; py++ {
		y := world.Y1 - (float64(py-b.Min.Y)+0.5)*world.H()/h
		off := dst.PixOffset(b.Min.X, py)
		for px := b.Min.X; px < b.Max.X; px++ {
			x := world.X0 + (float64(px-b.Min.X)+0.5)*world.W()/w
			c := cm.At(n.T(f(x, y)))
			p := dst.Pix[off : off+4 : off+4]
			p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
			off += 4
		}
	}
}

// HeatmapGrid overwrites every pixel of dst with cm at the bilinear
// interpolation of g at the pixel's centre, mapping dst.Bounds() onto
// g.World. Use a coarser grid than the image to save evaluations.
func HeatmapGrid(dst *image.RGBA, g *Grid, cm ColorMap, n Norm) {
	HeatmapFunc(dst, g.World, g.Sample, cm, n)
}
