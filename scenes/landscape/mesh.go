package landscape

import (
	"math"
	"sort"

	"digitlab/kit/plot"
)

// Camera is a simple orthographic view of the graph z = f(x,y): the world
// rectangle is normalised to [-1,1]², z to [-ZScale, ZScale], then rotated
// by Azimuth about the vertical axis and tilted by Elevation (radians, 0
// looks from the side, π/2 from straight above).
type Camera struct {
	Azimuth, Elevation float64
	ZScale             float64 // height of the normalised surface; 0 means 0.8
}

// DefaultCamera looks from the front-left and 35° above, like matplotlib's
// default 3-D axes.
var DefaultCamera = Camera{Azimuth: -60 * math.Pi / 180, Elevation: 35 * math.Pi / 180, ZScale: 0.8}

// Quad is one grid cell of the projected surface: its four corners on the
// 2-D projection plane (y up), its depth (larger is farther), the mean
// value of f on it and a Lambert shade in [0,1] from a light above-left.
type Quad struct {
	P     [4]plot.Point
	Depth float64
	Value float64
	Shade float64
}

// Mesh is the projected surface ready to paint back to front.
type Mesh struct {
	Quads  []Quad         // sorted back to front (decreasing Depth)
	Lines  [][]plot.Point // the grid lines along x and along y, projected
	Bounds plot.Rect      // bounding box of every projected point
	ZMin   float64        // the value range used for normalising z
	ZMax   float64
	World  plot.Rect // the sampled world rectangle
	Cam    Camera    // the camera used (ZScale filled in)
}

// Project maps a world point (x, y) at height z (a value of f) onto the
// projection plane with the mesh's normalisation and camera, e.g. to draw
// kink lines on the surface.
func (m *Mesh) Project(x, y, z float64) plot.Point {
	u := 2*(x-m.World.X0)/m.World.W() - 1
	v := 2*(y-m.World.Y0)/m.World.H() - 1
	w := 0.0
	if m.ZMax > m.ZMin && !math.IsNaN(z) && !math.IsInf(z, 0) {
		w = (2*(z-m.ZMin)/(m.ZMax-m.ZMin) - 1) * m.Cam.ZScale
	}
	p, _ := m.Cam.project(u, v, w)
	return p
}

// project maps normalised (u,v,w) in [-1,1]²×[-ZScale,ZScale] to the
// projection plane and a depth.
func (c Camera) project(u, v, w float64) (plot.Point, float64) {
	ca, sa := math.Cos(c.Azimuth), math.Sin(c.Azimuth)
	xr := u*ca - v*sa
	yr := u*sa + v*ca // points with larger yr are farther from the viewer
	ce, se := math.Cos(c.Elevation), math.Sin(c.Elevation)
	return plot.Point{X: xr, Y: w*ce + yr*se}, yr*ce - w*se
}

// SurfaceMesh samples f on an nx×ny lattice over world and projects the
// graph with cam. z is normalised by the finite range of the samples (a
// constant surface is drawn flat at 0). It panics if nx or ny < 2 or world
// is not Valid.
func SurfaceMesh(f func(x, y float64) float64, world plot.Rect, nx, ny int, cam Camera) Mesh {
	g := plot.SampleGrid(world, nx, ny, f)
	zs := cam.ZScale
	if zs == 0 {
		zs = 0.8
	}
	cam.ZScale = zs
	lo, hi := g.Range()
	norm := func(z float64) float64 {
		if hi == lo || math.IsNaN(z) || math.IsInf(z, 0) {
			return 0
		}
		return (2*(z-lo)/(hi-lo) - 1) * zs
	}
	n := nx * ny
	pts := make([]plot.Point, n)
	dep := make([]float64, n)
	ws := make([]float64, n)
	b := plot.Rect{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for j := 0; j < ny; j++ {
		v := 2*float64(j)/float64(ny-1) - 1
		for i := 0; i < nx; i++ {
			u := 2*float64(i)/float64(nx-1) - 1
			k := j*nx + i
			ws[k] = norm(g.At(i, j))
			pts[k], dep[k] = cam.project(u, v, ws[k])
			b.X0, b.X1 = math.Min(b.X0, pts[k].X), math.Max(b.X1, pts[k].X)
			b.Y0, b.Y1 = math.Min(b.Y0, pts[k].Y), math.Max(b.Y1, pts[k].Y)
		}
	}
	m := Mesh{Bounds: b, ZMin: lo, ZMax: hi, World: world, Cam: cam}
	// light direction in normalised (u,v,w) space, from above-left-front
	lx, ly, lz := -0.4, -0.5, 0.77
	ll := math.Sqrt(lx*lx + ly*ly + lz*lz)
	lx, ly, lz = lx/ll, ly/ll, lz/ll
	du, dv := 2/float64(nx-1), 2/float64(ny-1)
	m.Quads = make([]Quad, 0, (nx-1)*(ny-1))
	for j := 0; j+1 < ny; j++ {
		for i := 0; i+1 < nx; i++ {
			k00, k10, k11, k01 := j*nx+i, j*nx+i+1, (j+1)*nx+i+1, (j+1)*nx+i
			// normal of the cell from its two diagonals' slopes
			wx := (ws[k10] + ws[k11] - ws[k00] - ws[k01]) / (2 * du)
			wy := (ws[k01] + ws[k11] - ws[k00] - ws[k10]) / (2 * dv)
			nl := math.Sqrt(wx*wx + wy*wy + 1)
			shade := math.Max(0, (-wx*lx-wy*ly+lz)/nl)
			m.Quads = append(m.Quads, Quad{
				P:     [4]plot.Point{pts[k00], pts[k10], pts[k11], pts[k01]},
				Depth: (dep[k00] + dep[k10] + dep[k11] + dep[k01]) / 4,
				Value: (g.V[k00] + g.V[k10] + g.V[k11] + g.V[k01]) / 4,
				Shade: shade,
			})
		}
	}
	sort.SliceStable(m.Quads, func(a, b int) bool { return m.Quads[a].Depth > m.Quads[b].Depth })
	for j := 0; j < ny; j++ {
		m.Lines = append(m.Lines, append([]plot.Point(nil), pts[j*nx:(j+1)*nx]...))
	}
	for i := 0; i < nx; i++ {
		col := make([]plot.Point, ny)
		for j := range col {
			col[j] = pts[j*nx+i]
		}
		m.Lines = append(m.Lines, col)
	}
	return m
}
