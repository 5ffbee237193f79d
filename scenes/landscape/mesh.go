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

// The elevations a student can tilt the surface to: from nearly side-on
// (5°) to steeply above (75°: the upright Φ axis keeps room for its two
// values; the heatmap is the view from straight above).
const (
	MinEl = 5 * math.Pi / 180
	MaxEl = 75 * math.Pi / 180
)

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

// Axis3D is one axis of the surface's box, in device pixels: the line
// From→To, its name and where it is centred, and its ticks.
type Axis3D struct {
	From, To plot.Point
	Name     string
	NameAt   plot.Point
	Ticks    []Tick3D
}

// Tick3D is a tick of an Axis3D: a mark At→Out on the far side of the
// axis from the box and its label centred at LabelAt (device pixels).
type Tick3D struct {
	Value   float64
	At, Out plot.Point
	LabelAt plot.Point
	Label   string
}

// Axes returns the surface's three axes through vp (the projection plane
// to device pixels), marks mark pixels long and labels centred gap beyond
// them (names another line further; Φ's labels, to be written ending at
// LabelAt, just beyond the marks): x₁ and
// x₂ along the two floor edges that meet at the floor corner nearest the
// viewer (they are in front of the surface), Φ upright at the floor corner
// drawn furthest left, from ZMin to ZMax. Ticks are at round values
// (plot.Ticks) away from the axes' ends, so that no two labels meet
// at a corner; the note over the surface says Φ's range.
func (m *Mesh) Axes(vp plot.Viewport, mark, gap float64) [3]Axis3D {
	zs := m.Cam.ZScale
	px := func(u, v, w float64) plot.Point {
		p, _ := m.Cam.project(u, v, w)
		x, y := vp.ToPixel(p.X, p.Y)
		return plot.Point{X: x, Y: y}
	}
	corners := [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}
	near, left := corners[0], corners[0]
	bestD, bestX := math.Inf(1), math.Inf(1)
	for _, c := range corners {
		p, d := m.Cam.project(c[0], c[1], -zs)
		if d < bestD {
			near, bestD = c, d
		}
		if p.X < bestX {
			left, bestX = c, p.X
		}
	}
	centre := px(0, 0, -zs)
	// axis builds an axis from a to b over values lo..hi, with dx, dy the
	// unit direction its marks point (away from the box).
	axis := func(a, b plot.Point, lo, hi float64, name string, dx, dy, gap float64) Axis3D {
		name2 := mark + gap + 1.5*gap
		ax := Axis3D{From: a, To: b, Name: name,
			NameAt: plot.Point{X: (a.X+b.X)/2 + name2*dx, Y: (a.Y+b.Y)/2 + name2*dy}}
		if !(hi > lo) {
			return ax
		}
		for _, tk := range plot.Ticks(lo, hi, 6) {
			v := tk.Value
			t := (v - lo) / (hi - lo)
			if t < 0.12 || t > 0.88 {
				continue // near a corner
			}
			at := plot.Point{X: a.X + t*(b.X-a.X), Y: a.Y + t*(b.Y-a.Y)}
			ax.Ticks = append(ax.Ticks, Tick3D{Value: v, At: at,
				Out:     plot.Point{X: at.X + mark*dx, Y: at.Y + mark*dy},
				LabelAt: plot.Point{X: at.X + (mark+gap)*dx, Y: at.Y + (mark+gap)*dy},
				Label:   tk.Label})
		}
		return ax
	}
	// out is the unit direction from the floor's centre to the middle of
	// a→b.
	out := func(a, b plot.Point) (float64, float64) {
		dx, dy := (a.X+b.X)/2-centre.X, (a.Y+b.Y)/2-centre.Y
		if l := math.Hypot(dx, dy); l > 0 {
			return dx / l, dy / l
		}
		return 0, 1
	}
	w := m.World
	a, b := px(-1, near[1], -zs), px(1, near[1], -zs)
	dx, dy := out(a, b)
	x1 := axis(a, b, w.X0, w.X1, "x₁", dx, dy, gap)
	a, b = px(near[0], -1, -zs), px(near[0], 1, -zs)
	dx, dy = out(a, b)
	x2 := axis(a, b, w.Y0, w.Y1, "x₂", dx, dy, gap)
	a, b = px(left[0], left[1], -zs), px(left[0], left[1], zs)
	phi := axis(a, b, m.ZMin, m.ZMax, "Φ", -1, 0, mark/2)
	phi.NameAt = plot.Point{X: b.X, Y: b.Y - gap}
	return [3]Axis3D{x1, x2, phi}
}
