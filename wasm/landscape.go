//go:build js && wasm

package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digitlab/landscape"
	"digitlab/plot"
	"digitlab/ui"
)

// Landscape shows Φ: R² → R of a 2→n→1 ReLU network (package landscape) as
// a heatmap with labelled level curves and one kink line per hidden unit,
// the exact number of linear pieces in view, and Φ restricted to a line the
// user drags. All maths is in landscape/ and plot/; this file wires widgets
// and draws. Units are numbered from 1 on screen and in status().
type Landscape struct {
	NoRun
	preset  ui.Choice
	n       ui.Slider
	reroll  ui.Button
	home    ui.Button
	tint    ui.Toggle
	surface ui.Toggle

	seed uint64
	net  *landscape.Net
	view plot.Rect     // the world rectangle asked for (zoom/pan)
	vp   plot.Viewport // view fitted to the plot, device pixels
	line [2]plot.Point // the user's line, world coordinates
	az   float64       // 3-D camera azimuth

	drag      int // 0 none, 1 drawing the line, 2 rotating the 3-D view
	dragLastX float64
	oldLine   [2]plot.Point

	// Derived from net, vp and line (recomputed in Update when stale).
	stale    bool
	kinks    []landscape.Kink
	contours []plot.Contour
	labels   []plot.Label
	norm     plot.Norm
	pieces   int
	restr    landscape.Restriction
	chart    plot.ChartLayout
	chartVP  plot.Viewport
	heat     Texture
	mesh     landscape.Mesh
	meshVP   plot.Viewport
	verts    []ebiten.Vertex
	idx      []uint16
	kinks3D  [][]plot.Point // per kink, projected polyline (device px)
	lines    batch          // level curves and kink lines, device px
	lines3D  batch          // kink lines on the surface
	lastVP   plot.Viewport
	lastAz   float64
	meshOK   bool

	hover   bool
	hx, hy  float64
	hphi    float64
	hactive []int

	controls, content, plotR, chartR, chartIn, infoR, capR, legendR ui.Rect
	figuresR, hoverR                                                ui.Rect
}

var (
	landscapeHome    = plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	landscapePresets = []string{"example", "random"}
)

const landscapeTitle = "Landscape: a ReLU network is piecewise linear"

// NewLandscape returns the Landscape scene showing the seed's example.
func NewLandscape() *Landscape {
	l := &Landscape{
		preset: ui.Choice{Label: "weights", Options: []string{"seed example", "random"},
			Tips: []string{"W1=[[1,-1],[2,0],[-1,2]], b1=[0,1,-1], W2=[1,-2,1], b2=0: Φ(1,−1) = −4",
				"W1, W2 ~ N(0,1), b1, b2 ~ 0.2·N(0,1), as the seed's sample_weights(n)"}},
		n: ui.Slider{Label: "hidden units n", Min: 1, Max: 32, Step: 1, Value: 3, Format: "%.0f",
			Tip: "Number of ReLU units in the hidden layer: each adds one kink line (random weights)"},
		reroll: ui.Button{Label: "new weights", Tip: "Draw new random weights with the next seed"},
		home:   ui.Button{Label: "reset view", Tip: "Back to [−2,2]×[−2,2] (wheel zooms, arrow keys pan)"},
		tint: ui.Toggle{Label: "tint regions by pattern",
			Tip: "Colour each region by which units are active there: one colour per linear piece"},
		surface: ui.Toggle{Label: "3-D surface",
			Tip: "The graph z = Φ(x₁,x₂) seen from above, like the seed's plot_surface; drag to turn it"},
		seed: 1,
		view: landscapeHome,
		line: [2]plot.Point{{X: -1.9, Y: -0.2}, {X: 1.9, Y: 0.3}},
		az:   landscape.DefaultCamera.Azimuth,
	}
	l.rebuild()
	return l
}

func (l *Landscape) Name() string  { return "landscape" }
func (l *Landscape) Title() string { return "Landscape" }

// rebuild makes the network from the preset, n and seed.
func (l *Landscape) rebuild() {
	if l.preset.Index == 0 {
		l.net = landscape.Example()
		l.n.Value = 3
	} else {
		l.net = landscape.Random(int(l.n.Value), rand.New(rand.NewPCG(l.seed, 2026)))
	}
	l.stale = true
}

func (l *Landscape) Update(ctx *Context) error {
	in := ctx.In
	l.layout(ctx.Area)

	if l.preset.Update(in) {
		l.rebuild()
	}
	if l.n.Update(in) {
		l.preset.Index = 1
		l.rebuild()
	}
	if l.reroll.Update(in) {
		l.seed++
		l.preset.Index = 1
		l.rebuild()
	}
	if l.home.Update(in) {
		l.view = landscapeHome
		l.az = landscape.DefaultCamera.Azimuth
		l.stale = true
	}
	if l.tint.Update(in) {
		l.stale = true
	}
	if l.surface.Update(in) {
		l.stale = true
	}
	l.updatePointer(in)

	// Fit the view to the square plot (device pixels).
	vp := plot.Fit(l.view, devRect(l.plotR))
	if vp != l.lastVP {
		l.vp, l.lastVP = vp, vp
		l.stale = true
	}
	if l.heat.Fit(l.plotR) {
		l.stale = true
	}
	if l.stale {
		l.recompute()
		l.stale = false
		l.meshOK = false
		l.lines.reset()
		s := float32(Scale())
		for _, c := range l.contours {
			l.lines.worldLines(l.vp, plot.Polylines(c.Segs), 1*s, color.RGBA{30, 30, 40, 150})
		}
		for _, k := range l.kinks {
			seg := [][]plot.Point{{{X: k.Seg.X0, Y: k.Seg.Y0}, {X: k.Seg.X1, Y: k.Seg.Y1}}}
			l.lines.worldLines(l.vp, seg, 2.5*s, landscape.UnitColor(k.Unit))
		}
	}
	if l.surface.On && (!l.meshOK || l.az != l.lastAz) {
		l.buildMesh()
	}
	l.updateRestriction()
	return nil
}

// layout places the controls and the three views: the plane (a square),
// the restriction chart and the captions.
func (l *Landscape) layout(area ui.Rect) {
	l.controls, l.content = ui.Sidebar(area)
	col := ui.NewColumn(ui.PanelContent(l.controls, "Network 2 → n → 1"), ui.Gap)
	l.preset.Rect = col.Next(l.preset.Height())
	l.n.Rect = col.Next(l.n.Height())
	b := col.Next(ui.RowH).SplitH(2, ui.Gap)
	l.reroll.Rect, l.home.Rect = b[0], b[1]
	l.tint.Rect = col.Next(ui.RowH)
	l.surface.Rect = col.Next(ui.RowH)
	l.figuresR = col.Next(3 * ui.LineHeight(sizeBody))
	l.legendR = col.Next(18 + 4*18)
	l.hoverR = col.Next(3 * ui.LineHeight(sizeBody))

	in := ui.PanelContent(l.content, landscapeTitle)
	right, left := in.CutRight(math.Max(250, in.W*0.3), ui.Pad+4)
	capH := 3*ui.LineHeight(sizeSmall+1) + 4
	_, left = left.CutBottom(capH, 6)
	sq := left.Square()
	sq.X = left.X + 34 // room for y tick labels on the left
	if sq.Right() > left.Right() {
		sq.W, sq.H = left.Right()-sq.X, left.Right()-sq.X
	}
	sq.H -= 18 // room for x tick labels below
	sq.W = sq.H
	sq.Y = left.Y
	l.plotR = sq
	l.capR = ui.Rect{X: left.X, Y: sq.Bottom() + 20, W: in.W - right.W - ui.Pad - 4, H: capH}
	l.chartR, l.infoR = right.CutTop(math.Min(right.H*0.55, right.W*0.9), ui.Pad)
	// inner plot area of the chart: title line above, ticks left and below
	_, ci := l.chartR.CutTop(2*ui.LineHeight(sizeBody)+2, 2)
	ci.X += 40
	ci.W -= 40 + 14
	ci.H -= 20
	l.chartIn = ci
}

// updatePointer handles dragging the line (2-D) or turning the surface
// (3-D), zooming with the wheel, panning with the arrow keys and hover.
func (l *Landscape) updatePointer(in *ui.Input) {
	l.hover = false
	if l.drag != 0 {
		if in.KeyPressed(ui.KeyEscape) {
			if l.drag == 1 {
				l.line = l.oldLine
			}
			l.drag = 0
			in.Release(l)
			return
		}
		if l.drag == 1 {
			x, y := l.vp.ToWorld(in.X*Scale(), in.Y*Scale())
			l.line[1] = plot.Point{X: x, Y: y}
		} else {
			l.az += (in.X - l.dragLastX) * 0.01
			l.dragLastX = in.X
		}
		if in.Released || !in.Down {
			if l.drag == 1 {
				// a click without a drag keeps the old line
				p0x, p0y := l.vp.ToPixel(l.line[0].X, l.line[0].Y)
				p1x, p1y := l.vp.ToPixel(l.line[1].X, l.line[1].Y)
				if math.Hypot(p1x-p0x, p1y-p0y) < 4*Scale() {
					l.line = l.oldLine
				}
			}
			l.drag = 0
			in.Release(l)
		}
		return
	}
	if !in.Hover(l.plotR) {
		if !l.surface.On {
			for k, d := range map[ui.Key][2]float64{ui.KeyLeft: {-1, 0}, ui.KeyRight: {1, 0}, ui.KeyUp: {0, 1}, ui.KeyDown: {0, -1}} {
				if in.KeyPressed(k) {
					dx, dy := d[0]*0.1*l.view.W(), d[1]*0.1*l.view.H()
					l.view = plot.Rect{X0: l.view.X0 + dx, Y0: l.view.Y0 + dy, X1: l.view.X1 + dx, Y1: l.view.Y1 + dy}
				}
			}
		}
		return
	}
	if in.PressedIn(l.plotR) {
		in.Consume()
		in.Capture(l)
		if l.surface.On {
			l.drag, l.dragLastX = 2, in.X
			return
		}
		x, y := l.vp.ToWorld(in.X*Scale(), in.Y*Scale())
		l.oldLine = l.line
		l.line = [2]plot.Point{{X: x, Y: y}, {X: x, Y: y}}
		l.drag = 1
		return
	}
	if in.Wheel != 0 && !l.surface.On {
		f := math.Pow(1.15, math.Copysign(1, in.Wheel))
		z := l.vp.Zoom(f, in.X*Scale(), in.Y*Scale())
		if z.World.W() > 1e-3 && z.World.W() < 1e3 {
			l.view = z.World
		}
	}
	if l.surface.On {
		return
	}
	// Hover read-out at the pointer snapped to a lattice of about a
	// hundredth of the view (0.05 on [-2,2]²), so that round points such
	// as the seed's (1,-1) can be hit; Φ and the active units are
	// evaluated at the snapped point, where the cross is drawn.
	x, y := l.vp.ToWorld(in.X*Scale(), in.Y*Scale())
	st := plot.NiceStep(l.vp.World.W(), 100)
	l.hx, l.hy = snap(x, st), snap(y, st)
	l.hphi = l.net.Eval(l.hx, l.hy)
	l.hactive = l.net.ActiveUnits(l.hactive, l.hx, l.hy)
	l.hover = true
}

// snap rounds v to a multiple of step, cleaned of binary noise
// (0.30000000000000004 → 0.3).
func snap(v, step float64) float64 {
	r := math.Round(v/step) * step
	c, err := strconv.ParseFloat(strconv.FormatFloat(r, 'g', 12, 64), 64)
	if err != nil {
		return r
	}
	return c
}

// recompute renders the heatmap (or pattern tint) and the geometry for
// the current network and view.
func (l *Landscape) recompute() {
	w := l.vp.World
	l.kinks = l.net.Kinks(w)
	l.pieces = l.net.Pieces(w)
	g := plot.SampleGrid(w, 161, 161, l.net.Eval)
	lo, hi := g.Range()
	l.norm = plot.Symmetric(lo, hi)
	l.contours = plot.Contours(g, plot.NiceLevels(lo, hi, 12))
	l.labels = plot.ContourLabels(l.contours, 0.25*w.W(), 0.9*w.W())
	if img := l.heat.RGBA(); img != nil {
		if l.tint.On {
			l.net.RenderPatterns(img, w)
		} else {
			l.net.RenderHeatmap(img, w, plot.Diverging, l.norm)
		}
		l.heat.Upload()
	}
}

// buildMesh projects the surface and prepares its triangles, painted back
// to front and shaded, and the kink lines lifted onto it.
func (l *Landscape) buildMesh() {
	cam := landscape.DefaultCamera
	cam.Azimuth = l.az
	cam.ZScale = 1
	w := l.vp.World
	m := landscape.SurfaceMesh(l.net.Eval, w, 49, 49, cam)
	l.mesh = m
	// Fit the box every azimuth's projection lies in, so the picture does
	// not jump while turning: |x| <= √2, |y| <= √2·sin(el) + zs·cos(el).
	hy := math.Sqrt2*math.Sin(cam.Elevation) + m.Cam.ZScale*math.Cos(cam.Elevation)
	box := plot.Rect{X0: -1.45, Y0: -hy - 0.05, X1: 1.45, Y1: hy + 0.05}
	l.meshVP = plot.Fit(box, devRect(l.plotR))
	l.verts, l.idx = l.verts[:0], l.idx[:0]
	for _, q := range m.Quads {
		c := plot.Diverging.At(l.norm.T(q.Value))
		f := float32(0.35 + 0.65*q.Shade)
		base := uint16(len(l.verts))
		for _, p := range q.P {
			x, y := l.meshVP.ToPixel(p.X, p.Y)
			l.verts = append(l.verts, ebiten.Vertex{
				DstX: float32(x), DstY: float32(y), SrcX: 1, SrcY: 1,
				ColorR: float32(c.R) / 255 * f, ColorG: float32(c.G) / 255 * f, ColorB: float32(c.B) / 255 * f, ColorA: 1,
			})
		}
		l.idx = append(l.idx, base, base+1, base+2, base, base+2, base+3)
	}
	l.kinks3D = l.kinks3D[:0]
	for _, k := range l.kinks {
		const steps = 64
		pl := make([]plot.Point, 0, steps+1)
		for s := 0; s <= steps; s++ {
			t := float64(s) / steps
			x := k.Seg.X0 + t*(k.Seg.X1-k.Seg.X0)
			y := k.Seg.Y0 + t*(k.Seg.Y1-k.Seg.Y0)
			p := m.Project(x, y, l.net.Eval(x, y))
			px, py := l.meshVP.ToPixel(p.X, p.Y)
			pl = append(pl, plot.Point{X: px, Y: py})
		}
		l.kinks3D = append(l.kinks3D, pl)
	}
	l.lines3D.reset()
	for k, pl := range l.kinks3D {
		l.lines3D.polyline(pl, float32(2*Scale()), landscape.UnitColor(l.kinks[k].Unit))
	}
	l.lastAz = l.az
	l.meshOK = true
}

// updateRestriction recomputes Φ along the user's line and its chart.
func (l *Landscape) updateRestriction() {
	l.restr = l.net.Restrict(l.line[0], l.line[1])
	length := math.Hypot(l.line[1].X-l.line[0].X, l.line[1].Y-l.line[0].Y)
	xs := make([]float64, len(l.restr.T))
	for k, t := range l.restr.T {
		xs[k] = t * length
	}
	c := plot.LineChart{Series: []plot.Series{{Name: "Phi", X: xs, Y: l.restr.V}}, XMaxTicks: 5, YMaxTicks: 5}
	l.chart = c.Layout()
	w := l.chart.World
	pad := 0.06 * w.H()
	w.Y0, w.Y1 = w.Y0-pad, w.Y1+pad
	l.chart.World = w
	l.chartVP = plot.NewViewport(w, devRect(l.chartIn))
}

func (l *Landscape) Draw(screen *ebiten.Image) {
	drawPanel(screen, l.controls, "Network 2 → n → 1")
	drawChoice(screen, &l.preset)
	drawSlider(screen, &l.n)
	drawButton(screen, &l.reroll)
	drawButton(screen, &l.home)
	drawToggle(screen, &l.tint)
	drawToggle(screen, &l.surface)
	l.drawFigures(screen)
	l.drawLegend(screen)
	l.drawHover(screen)

	drawPanel(screen, l.content, landscapeTitle)
	if l.surface.On {
		l.drawSurface(screen)
	} else {
		l.drawPlane(screen)
	}
	l.drawChart(screen)
	l.drawCaptions(screen)
}

func (l *Landscape) drawFigures(dst *ebiten.Image) {
	r := l.figuresR
	lh := ui.LineHeight(sizeBody)
	drawText(dst, fmt.Sprintf("linear pieces in view: %d", l.pieces), r.X, r.Y, sizeBody, FontBold, colText, AlignStart)
	drawText(dst, fmt.Sprintf("kink lines in view: %d of %d", len(l.kinks), l.net.N), r.X, r.Y+lh, sizeBody, FontRegular, colText, AlignStart)
	drawText(dst, fmt.Sprintf("line segments: %d (≤ n+1 = %d)", l.restr.Segments(), l.net.N+1), r.X, r.Y+2*lh, sizeBody, FontRegular, colText, AlignStart)
}

func (l *Landscape) drawLegend(dst *ebiten.Image) {
	r := l.legendR
	drawText(dst, "kink line of unit i: W1[i]·x + b1[i] = 0", r.X, r.Y, sizeSmall, FontRegular, colMuted, AlignStart)
	cw := r.W / 8
	for i := 0; i < l.net.N; i++ {
		x := r.X + float64(i%8)*cw
		y := r.Y + 18 + float64(i/8)*18
		strokeLine(dst, x+2, y+8, x+14, y+8, 3, landscape.UnitColor(i))
		fg := colText
		if l.hover && !containsInt(l.hactive, i) {
			fg = colDisabled
		}
		drawText(dst, strconv.Itoa(i+1), x+17, y+1, sizeSmall, FontRegular, fg, AlignStart)
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (l *Landscape) drawHover(dst *ebiten.Image) {
	r := l.hoverR
	lh := ui.LineHeight(sizeBody)
	if !l.hover {
		drawText(dst, "Hover the plane to read x, Φ(x)\nand the active units.", r.X, r.Y, sizeBody, FontRegular, colMuted, AlignStart)
		return
	}
	drawText(dst, fmt.Sprintf("x = (%s, %s)", fmtG(l.hx), fmtG(l.hy)), r.X, r.Y, sizeBody, FontRegular, colText, AlignStart)
	drawText(dst, fmt.Sprintf("Φ(x) = %.4g", l.hphi), r.X, r.Y+lh, sizeBody, FontBold, colText, AlignStart)
	drawText(dst, "active units: "+unitList(l.hactive), r.X, r.Y+2*lh, sizeBody, FontRegular, colText, AlignStart)
}

func fmtG(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// unitList writes units 1-based, "none" for no unit, shortened when long.
func unitList(u []int) string {
	if len(u) == 0 {
		return "none"
	}
	var b strings.Builder
	for k, i := range u {
		if k > 0 {
			b.WriteString(",")
		}
		if b.Len() > 24 {
			fmt.Fprintf(&b, "... (%d)", len(u))
			break
		}
		b.WriteString(strconv.Itoa(i + 1))
	}
	return b.String()
}

// drawPlane draws the heatmap, level curves with labels, kink lines, the
// user's line with its breakpoints, the axes and the hover cross.
func (l *Landscape) drawPlane(screen *ebiten.Image) {
	l.heat.Draw(screen, l.plotR)
	d := devRect(l.plotR)
	clip := screen.SubImage(image.Rect(int(d.X0), int(d.Y0), int(math.Ceil(d.X1)), int(math.Ceil(d.Y1)))).(*ebiten.Image)
	s := float32(Scale())
	l.lines.draw(clip)
	for _, lb := range l.labels {
		px, py := l.vp.ToPixel(lb.X, lb.Y)
		lx, ly := px/Scale(), py/Scale()
		w := textWidth(lb.Text, sizeSmall, FontRegular) + 4
		if !l.plotR.Contains(lx-w/2, ly-7) || !l.plotR.Contains(lx+w/2, ly+7) {
			continue
		}
		fillRect(screen, ui.Rect{X: lx - w/2, Y: ly - 7, W: w, H: 14}, color.RGBA{255, 255, 255, 200})
		drawText(screen, lb.Text, lx, ly-7, sizeSmall, FontRegular, colText, AlignCenter)
	}
	// the user's line and where units switch along it
	x0, y0, x1, y1 := l.vp.SegmentToPixel(plot.Segment{X0: l.line[0].X, Y0: l.line[0].Y, X1: l.line[1].X, Y1: l.line[1].Y})
	vector.StrokeLine(clip, float32(x0), float32(y0), float32(x1), float32(y1), 4*s, color.White, true)
	vector.StrokeLine(clip, float32(x0), float32(y0), float32(x1), float32(y1), 2*s, colText, true)
	vector.DrawFilledCircle(clip, float32(x0), float32(y0), 4*s, colText, true)
	vector.StrokeCircle(clip, float32(x1), float32(y1), 4*s, 2*s, colText, true)
	for k, t := range l.restr.Breaks {
		p := l.restr.At(t)
		px, py := l.vp.ToPixel(p.X, p.Y)
		vector.DrawFilledCircle(clip, float32(px), float32(py), 4.5*s, color.White, true)
		vector.DrawFilledCircle(clip, float32(px), float32(py), 3*s, landscape.UnitColor(l.restr.Units[k][0]), true)
	}
	if l.hover {
		px, py := l.vp.ToPixel(l.hx, l.hy)
		vector.StrokeLine(clip, float32(px)-6*s, float32(py), float32(px)+6*s, float32(py), 1.5*s, colText, true)
		vector.StrokeLine(clip, float32(px), float32(py)-6*s, float32(px), float32(py)+6*s, 1.5*s, colText, true)
	}
	strokeRect(screen, l.plotR, 1, colBorder)
	drawPlaneAxes(screen, l.vp, l.plotR, "x₁", "x₂")
	drawPlaneHint(screen, l.plotR, "drag: draw a line · wheel: zoom · arrows: pan")
}

func (l *Landscape) drawSurface(screen *ebiten.Image) {
	fillRect(screen, l.plotR, colPanel)
	d := devRect(l.plotR)
	clip := screen.SubImage(image.Rect(int(d.X0), int(d.Y0), int(math.Ceil(d.X1)), int(math.Ceil(d.Y1)))).(*ebiten.Image)
	if len(l.verts) > 0 {
		clip.DrawTriangles(l.verts, l.idx, whitePixel, &ebiten.DrawTrianglesOptions{AntiAlias: true})
	}
	l.lines3D.draw(clip)
	strokeRect(screen, l.plotR, 1, colBorder)
	drawText(screen, fmt.Sprintf("z = Φ(x₁,x₂) from %.3g to %.3g over the view; drag sideways to turn", l.mesh.ZMin, l.mesh.ZMax),
		l.plotR.X+6, l.plotR.Y+4, sizeSmall, FontRegular, colMuted, AlignStart)
}

// drawChart draws Φ along the user's line: the polyline through the knots,
// a mark at each break in the colour of the unit that switches there.
func (l *Landscape) drawChart(screen *ebiten.Image) {
	r := l.chartR
	n := l.net.N
	drawText(screen, "Φ along the dragged line", r.X, r.Y, sizeBody, FontBold, colText, AlignStart)
	drawText(screen, fmt.Sprintf("%d segments (at most n+1 = %d), %d kinks", l.restr.Segments(), n+1, l.restr.Kinks()),
		r.X, r.Y+ui.LineHeight(sizeBody), sizeSmall, FontRegular, colMuted, AlignStart)
	ci := l.chartIn
	fillRect(screen, ci, color.RGBA{250, 251, 253, 255})
	strokeRect(screen, ci, 1, colBorder)
	vp := l.chartVP
	s := float32(Scale())
	for _, t := range l.chart.YTicks {
		_, py := vp.ToPixel(vp.World.X0, t.Value)
		y := py / Scale()
		strokeLine(screen, ci.X, y, ci.Right(), y, 1, color.RGBA{230, 233, 238, 255})
		drawText(screen, t.Label, ci.X-4, y-7, sizeSmall, FontRegular, colMuted, AlignEnd)
	}
	for _, t := range l.chart.XTicks {
		px, _ := vp.ToPixel(t.Value, vp.World.Y0)
		x := px / Scale()
		drawText(screen, t.Label, x, ci.Bottom()+3, sizeSmall, FontRegular, colMuted, AlignCenter)
	}
	if vp.World.Y0 < 0 && vp.World.Y1 > 0 {
		_, py := vp.ToPixel(0, 0)
		strokeLine(screen, ci.X, py/Scale(), ci.Right(), py/Scale(), 1, colTrack)
	}
	length := math.Hypot(l.line[1].X-l.line[0].X, l.line[1].Y-l.line[0].Y)
	for k, t := range l.restr.Breaks {
		px, _ := vp.ToPixel(t*length, 0)
		c := landscape.UnitColor(l.restr.Units[k][0])
		c.A = 255
		strokeLine(screen, px/Scale(), ci.Y, px/Scale(), ci.Bottom(), 1, color.RGBA{c.R / 2, c.G / 2, c.B / 2, 128})
	}
	for _, ser := range l.chart.Series {
		for _, pl := range ser.Lines {
			for q := 1; q < len(pl); q++ {
				x0, y0 := vp.ToPixel(pl[q-1].X, pl[q-1].Y)
				x1, y1 := vp.ToPixel(pl[q].X, pl[q].Y)
				vector.StrokeLine(screen, float32(x0), float32(y0), float32(x1), float32(y1), 2.5*s, colText, true)
			}
		}
	}
	for k, t := range l.restr.Breaks {
		px, py := vp.ToPixel(t*length, l.restr.V[k+1])
		vector.DrawFilledCircle(screen, float32(px), float32(py), 4*s, landscape.UnitColor(l.restr.Units[k][0]), true)
	}
	x0, y0 := vp.ToPixel(0, l.restr.V[0])
	vector.DrawFilledCircle(screen, float32(x0), float32(y0), 4*s, colText, true)

	// what the chart says, under it
	info := l.infoR
	lines := ui.Wrap("Along any straight line each unit's pre-activation is affine, so it switches on or off at most once: "+
		"the restriction is piecewise linear with at most n+1 segments. A mark is where a unit switches (its colour); "+
		"two units switching at one point make one break.", info.W, sizeSmall+1)
	for k, ln := range lines {
		drawText(screen, ln, info.X, info.Y+float64(k)*ui.LineHeight(sizeSmall+1), sizeSmall+1, FontRegular, colMuted, AlignStart)
	}
}

func (l *Landscape) drawCaptions(screen *ebiten.Image) {
	text := "Between kink lines every unit keeps its on/off state, so Φ is one plane there: the surface is piecewise planar. " +
		"n lines cut the plane into at most 1 + n + n(n-1)/2 pieces, so pieces grow like n²/2."
	if l.surface.On {
		text = "The same function as a surface: flat facets meeting along the kink lines (coloured). " +
			"Each facet is one linear piece; a ReLU network of this shape can only bend along straight lines."
	}
	if l.tint.On && !l.surface.On {
		text = "Each colour is one activation pattern (which units are on): exactly the linear pieces counted on the left."
	}
	for k, ln := range ui.Wrap(text, l.capR.W, sizeSmall+1) {
		drawText(screen, ln, l.capR.X, l.capR.Y+float64(k)*ui.LineHeight(sizeSmall+1), sizeSmall+1, FontRegular, colMuted, AlignStart)
	}
}

// visibleWorld is the world rectangle shown (the fitted view once laid
// out, the requested view before the first Update).
func (l *Landscape) visibleWorld() plot.Rect {
	if l.vp.World.Valid() {
		return l.vp.World
	}
	return l.view
}

func (l *Landscape) Status() map[string]any {
	w := l.visibleWorld()
	r := l.net.Restrict(l.line[0], l.line[1])
	st := map[string]any{
		"n":         l.net.N,
		"preset":    landscapePresets[l.preset.Index],
		"seed":      int(l.seed),
		"pieces":    l.net.Pieces(w),
		"segments":  r.Segments(),
		"lineKinks": r.Kinks(),
		"kinkLines": len(l.net.Kinks(w)),
		"line":      []float64{l.line[0].X, l.line[0].Y, l.line[1].X, l.line[1].Y},
		"view":      []float64{w.X0, w.Y0, w.X1, w.Y1},
		"tint":      l.tint.On,
		"surface":   l.surface.On,
		"plot":      []float64{l.plotR.X, l.plotR.Y, l.plotR.W, l.plotR.H},
		"hover":     nil,
		"phi":       nil,
		"active":    nil,
	}
	if l.hover {
		act := make([]float64, len(l.hactive))
		for k, i := range l.hactive {
			act[k] = float64(i + 1)
		}
		st["hover"] = []float64{l.hx, l.hy}
		st["phi"] = l.hphi
		st["active"] = act
	}
	return st
}

func (l *Landscape) Set(opts map[string]string) []error {
	var errs []error
	preset, n := -1, -1
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		switch k {
		case "n":
			x, err := ui.ParseInt(k, v, 1, 32)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			n = x
		case "preset":
			i, err := ui.ParseChoice(k, v, landscapePresets)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			preset = i
		case "example":
			b, err := ui.ParseBool(k, v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if b {
				preset = 0
			} else if preset < 0 {
				preset = 1
			}
		case "seed":
			x, err := ui.ParseInt(k, v, 0, 1<<30)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l.seed = uint64(x)
			if preset < 0 {
				preset = 1
			}
		case "line":
			f, err := ui.ParseFloats(k, v, 4)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l.line = [2]plot.Point{{X: f[0], Y: f[1]}, {X: f[2], Y: f[3]}}
		case "view":
			f, err := ui.ParseFloats(k, v, 4)
			if err == nil && !(f[2] > f[0] && f[3] > f[1]) {
				err = &ui.OptionError{Key: k, Value: v, Msg: "want x0,y0,x1,y1 with x1 > x0 and y1 > y0"}
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l.view = plot.Rect{X0: f[0], Y0: f[1], X1: f[2], Y1: f[3]}
			l.stale = true
		case "tint", "surface":
			b, err := ui.ParseBool(k, v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if k == "tint" {
				l.tint.On = b
			} else {
				l.surface.On = b
			}
			l.stale = true
		default:
			errs = append(errs, ui.UnknownKey("landscape", k, v, []string{"n", "preset", "example", "seed", "line", "view", "tint", "surface"}))
		}
	}
	// n alone means random weights with n units; preset=example wins over n.
	if preset >= 0 || n > 0 {
		if n > 0 {
			l.n.Value = float64(n)
		}
		if preset < 0 {
			preset = 1
		}
		l.preset.Index = preset
		l.rebuild()
	}
	return errs
}
