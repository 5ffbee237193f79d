package landscape

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/regions"
)

// Scene is the Landscape tab: the controls, the network, the view (pan
// and zoom), the line the user drags and the 3-D camera, everything the
// page shows derived from them in world coordinates (or device pixels
// where it is drawn so), recomputed only when what it depends on changed,
// and List, the display list of it all. The app (wasm/landscape.go) calls
// Update every frame, draws List and forwards Set and Status. Units are
// numbered from 1 on screen and in Status.
//
// The drawing side reads the fields and must not change them. It draws
// List's two paint.Custom ops itself (CustomLines, CustomMesh) from
// batches it rebuilds when PlaneGen or MeshGen changed.
type Scene struct {
	Preset, Depth ui.Choice
	N             ui.Slider
	Reroll, Home  ui.Button
	Tint, Surface ui.Toggle
	Leaky         ui.Toggle // leaky ReLU (slope LeakySlope) instead of ReLU: a deep net's option

	Seed uint64
	Net  *Net
	// Layers are the hidden widths of a deep network (two or three
	// layers; nil for the 2→n→1 net), DeepNet the network then (deep.go).
	Layers  []int
	DeepNet *regions.Net
	Init    regions.Init // the deep net's initialisation: the seed's or He's
	// NetTitle is the control column's title: the network's shape.
	NetTitle string
	deep     deepState

	Plane plot.PanZoom  // the view asked for (home, wheel, arrows, the view option)
	VP    plot.Viewport // Plane fitted to the plot, device pixels
	Line  [2]plot.Point // the user's line, world coordinates
	Az    float64       // 3-D camera azimuth
	El    float64       // 3-D camera elevation (radians, MinEl..MaxEl)

	Layout Layout

	// The plane, for the network and VP.World (PlaneGen counts changes).
	Kinks    []Kink
	Pieces   int
	Contours []plot.Contour
	Labels   []plot.Label
	Norm     plot.Norm   // colour range of the heatmap and the surface
	Heat     plot.Raster // the heatmap, or the pattern tint
	PlaneGen uint64

	// The 3-D surface (while Surface is on; MeshGen counts changes).
	Mesh    Mesh
	MeshVP  plot.Viewport  // the projection plane onto the plot, device pixels
	Kinks3D [][]plot.Point // per kink (same order as Kinks), lifted onto the surface, device pixels
	Axes3D  [3]Axis3D      // the surface's x₁, x₂ and Φ axes, device pixels
	MeshGen uint64

	// Φ along Line and its chart (x is the distance from Line[0]).
	Restr   Restriction
	Marks   []Mark
	Chart   plot.ChartLayout
	ChartVP plot.Viewport // Chart.World onto Layout.ChartIn, device pixels

	// Every architecture counted to completion in this session with its
	// latest count, the most recent last (archGen counts changes), and
	// their plot against the neurons (scatter.go).
	ArchCounts []ArchCount
	Scatter    scatter
	archGen    uint64

	// The hover read-out at the snapped point (HX, HY), while Hover.
	Hover        bool
	HX, HY, HPhi float64
	Active       []int // active units there, 0-based
	HoverText    [3]string

	// Texts, rebuilt when what they say changed.
	Figures      [3]string // pieces, kink lines and segments, for the control column
	ChartNote    string    // the line under the chart's title
	SurfaceNote  string    // the note over the surface
	CaptionLines []string  // the caption under the plane, wrapped at CaptionSize
	InfoLines    []string  // the text under the chart, wrapped at CaptionSize

	// What the page shows, in drawing order (scene_paint.go); rebuilt, in
	// place, when it changed (ListGen counts rebuilds).
	List    paint.List
	ListGen uint64

	scale     float64   // device pixels per logical pixel
	scaleText [2]string // the colour scale's ends, for Norm
	stale     bool      // the plane must be recomputed
	netGen    uint64    // bumped when Net is rebuilt
	meshOK    bool
	meshAz    float64
	meshEl    float64
	drag      dragMode
	dragLastX float64
	dragLastY float64
	oldLine   [2]plot.Point // the line before the drag, for Escape

	// What the cached state was computed for.
	laidOut   bool
	pageH     float64 // the height on a page (PageHeight)
	legRows   int     // the rows of the units' legend the layout has room for
	touch     bool    // the screen takes touches (the plane's hint says tap)
	area      ui.Rect
	counted   countKey
	restrFor  restrKey
	chartFor  plot.Rect // ChartIn in device pixels
	hoverFor  hoverKey
	hoverOK   bool
	figFor    [5]int
	capText   string
	capW      float64
	infoW     float64
	infoText  string
	wrapScale float64
	painted   paintKey
	paintOK   bool
}

// Layout is where the scene's parts lie, logical pixels.
type Layout struct {
	Controls, Content  ui.Rect // the control column and the content panel
	Figures, Legend    ui.Rect // in the control column: the counts, the unit colours
	Scale              ui.Rect // the heatmap's colour scale (or what the tint means), under the counts
	HoverR             ui.Rect // the hover read-out
	Plot               ui.Rect // the plane (a square)
	Caption            ui.Rect // under the plane
	Chart, ChartIn     ui.Rect // the restriction chart with its titles, and its plot area
	Info               ui.Rect // under the chart
	Scatter, ScatterIn ui.Rect // the plot of pieces against neurons with its titles (under Info), and its plot area
}

// Mark is where a unit switches along the line: on the plane and on the
// chart, in the colour of Unit (the first unit switching there).
type Mark struct {
	Unit         int
	Plane, Chart plot.Point
}

type dragMode uint8

const (
	dragNone dragMode = iota
	dragLine          // drawing the line
	dragTurn          // turning the 3-D view
)

type countKey struct {
	ok    bool
	gen   uint64
	world plot.Rect
}

type restrKey struct {
	ok   bool
	gen  uint64
	line [2]plot.Point
}

type hoverKey struct {
	x, y float64
	vp   plot.Viewport
	gen  uint64
}

const (
	// Title is the content panel's title, ControlsTitle the control column's.
	Title         = "Landscape: a ReLU network is piecewise linear"
	ControlsTitle = "Network 2 → n → 1"
	// CaptionSize is the font size CaptionLines and InfoLines are wrapped at.
	CaptionSize = ui.SmallSize + 1
)

var (
	// HomeView is the view the scene starts in and the reset button restores.
	HomeView = plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	// Presets are the values of the preset option.
	Presets = []string{"example", "random"}
)

// NewScene returns the scene showing the seed's example.
func NewScene() *Scene {
	s := &Scene{
		Preset: ui.Choice{Label: "weights", Options: []string{"seed example", "random"},
			Tips: []string{"W1=[[1,-1],[2,0],[-1,2]], b1=[0,1,-1], W2=[1,-2,1], b2=0: Φ(1,−1) = −4",
				"W1, W2 ~ N(0,1), b1, b2 ~ 0.2·N(0,1), as the seed's sample_weights(n)"}},
		N: ui.Slider{Label: "hidden units n", Min: 1, Max: 32, Step: 1, Value: 3, Format: "%.0f",
			Tip: "Number of ReLU units in the hidden layer: each adds one kink line (random weights)"},
		Depth: ui.Choice{Label: "hidden layers", Options: []string{"1", "2", "3"},
			Tips: []string{"2 → n → 1: the kinks are straight lines", "2 → n → n → 1: the second layer's kinks bend at the first's",
				"2 → n → n → n → 1: kinks bend at both earlier layers"}},
		Reroll: ui.Button{Label: "new weights", Tip: "Draw new random weights with the next seed"},
		Home:   ui.Button{Label: "reset view", Tip: "Back to [−2,2]×[−2,2] (wheel zooms, arrow keys pan)"},
		Leaky: ui.Toggle{Label: "leaky ReLU (slope 0.1 below 0)",
			Tip: "max(z/10, z) as seed 000's lrelu: the same kinks and pieces, and no unit is ever flat zero"},
		Tint: ui.Toggle{Label: "tint by pattern",
			Tip: "Colour each region by which units are active there: one colour per linear piece"},
		Surface: ui.Toggle{Label: "3-D surface",
			Tip: "The graph z = Φ(x₁,x₂) seen from above, like the seed's plot_surface; drag sideways to turn it, up and down to tilt it; reset view turns it back"},
		Seed:  1,
		Plane: plot.NewPanZoom(HomeView, 1e-3, 1e3),
		Line:  [2]plot.Point{{X: -1.9, Y: -0.2}, {X: 1.9, Y: 0.3}},
		Az:    DefaultCamera.Azimuth,
		El:    DefaultCamera.Elevation,
		scale: 1,
	}
	s.rebuild()
	return s
}

// rebuild makes the network from the preset, n and seed.
func (s *Scene) rebuild() {
	s.Depth.Index = max(1, len(s.Layers)) - 1
	s.N.Label = "hidden units n"
	s.NetTitle = ControlsTitle
	through := s.Leaky.On || s.Init != regions.SeedInit // one layer, but through regions
	switch {
	case len(s.Layers) < 2 && through:
		s.Layers = []int{int(s.N.Value)}
	case len(s.Layers) == 1:
		s.Layers = nil // the plain 2→n→1 net
	}
	if len(s.Layers) >= 1 {
		s.Preset.Index = 1
		if len(s.Layers) >= 2 {
			s.N.Label = "units per layer n"
		}
		s.NetTitle = deepTitle(s.Layers)
		s.rebuildDeep()
		s.netGen++
		s.stale = true
		return
	}
	s.DeepNet = nil
	if s.Preset.Index == 0 {
		s.Net = Example()
		s.N.Value = 3
	} else {
		s.Net = Random(int(s.N.Value), rand.New(rand.NewPCG(s.Seed, 2026)))
	}
	s.netGen++
	s.stale = true
}

// Update lays the scene out in t.Area, feeds t.In to the controls, the
// line, the view and the camera, and brings the derived state and List up
// to date. A frame where nothing changed allocates nothing.
func (s *Scene) Update(t *ui.Tick) {
	in := t.In
	if t.Scale > 0 {
		s.scale = t.Scale
	}
	s.layout(t.Area)
	s.touch = in.Touch

	if s.Preset.Update(in) {
		s.rebuild()
	}
	if s.N.Update(in) {
		s.Preset.Index = 1
		for i := range s.Layers {
			s.Layers[i] = int(s.N.Value) // a deep net's layers all get the width
		}
		s.rebuild()
	}
	if s.Depth.Update(in) {
		s.Layers = nil
		if d := s.Depth.Index + 1; d >= 2 {
			s.Layers = make([]int, d)
			for i := range s.Layers {
				s.Layers[i] = int(s.N.Value)
			}
		}
		s.Preset.Index = 1
		s.rebuild()
	}
	if s.Reroll.Update(in) {
		s.Seed++
		s.Preset.Index = 1
		s.rebuild()
	}
	if s.Home.Update(in) {
		s.Plane.Reset()
		s.Az, s.El = DefaultCamera.Azimuth, DefaultCamera.Elevation
		s.stale = true
	}
	if s.Leaky.Update(in) {
		s.Preset.Index = 1
		s.rebuild()
	}
	if s.Tint.Update(in) {
		s.stale = true
	}
	if s.Surface.Update(in) {
		s.stale = true
	}
	s.updatePointer(in)

	// Fit the view to the square plot (device pixels).
	if vp := s.Plane.Fit(s.plotPixels()); vp != s.VP {
		s.VP = vp
		s.stale = true
	}
	p := s.Layout.Plot
	if s.Heat.Fit(int(p.W*s.scale+0.5), int(p.H*s.scale+0.5)) {
		s.stale = true
	}
	if s.stale {
		s.recompute()
		s.stale = false
		s.meshOK = false
	}
	if s.Deep() && s.stepDeep() {
		s.PlaneGen++ // new kinks to draw, or the count
		s.meshOK = false
	}
	if s.Surface.On && (!s.meshOK || s.Az != s.meshAz || s.El != s.meshEl) {
		s.buildMesh()
	}
	s.restrict()
	s.fitChart()
	s.fitScatter()
	s.updateTexts()
	s.paint()
}

func (s *Scene) plotPixels() plot.Rect {
	p := s.Layout.Plot
	return plot.DeviceRect(p.X, p.Y, p.W, p.H, s.scale)
}

// layout places the controls and the three views: the plane (a square),
// the restriction chart and the captions.
func (s *Scene) layout(area ui.Rect) {
	// The units' legend has eight to a row (a deep net's, one row).
	legRows := 1
	if !s.Deep() {
		legRows = max(1, (s.Net.N+7)/8)
	}
	if s.laidOut && area == s.area && legRows == s.legRows {
		return
	}
	s.laidOut, s.area, s.legRows = true, area, legRows
	L := &s.Layout
	if ui.Paged {
		s.layoutPage(area)
		return
	}
	L.Controls, L.Content = ui.Sidebar(area)
	s.layoutControls()
	s.layoutContent()
}

// layoutContent places the plane, its caption and right of them the chart
// along the line, its text and the plot of pieces in L.Content.
func (s *Scene) layoutContent() {
	L := &s.Layout
	in := ui.PanelContent(L.Content, Title)
	right, left := in.CutRight(math.Max(250, in.W*0.3), ui.Pad+4)
	capH := 3*ui.LineHeight(CaptionSize) + 4
	_, left = left.CutBottom(capH, 6)
	sq := left.Square()
	sq.X = left.X + 34 // room for y tick labels on the left
	if sq.Right() > left.Right() {
		sq.W, sq.H = left.Right()-sq.X, left.Right()-sq.X
	}
	sq.H -= 18 + 4 // room for x tick labels below, and half of the top y tick's above
	sq.W = sq.H
	sq.Y = left.Y + 4
	L.Plot = sq
	L.Caption = ui.Rect{X: left.X, Y: sq.Bottom() + 20, W: in.W - right.W - ui.Pad - 4, H: capH}
	L.Chart, L.Info = right.CutTop(math.Min(right.H*0.55, right.W*0.9), ui.Pad)
	// Under the text under the chart (InfoLines: 7 lines at the narrowest),
	// the plot of pieces against neurons.
	scH := math.Min(ScatterMaxH, L.Info.H-7*ui.LineHeight(CaptionSize)-ui.Pad)
	L.Scatter, L.Info = L.Info.CutBottom(math.Max(0, scH), ui.Pad)
	s.layoutCharts()
}

// layoutPage lays the scene out on a page: the plane, its caption, the
// chart along the line, its text and the plot of pieces (side by side on
// a wide page, as on a desktop; else stacked), then the controls.
func (s *Scene) layoutPage(area ui.Rect) {
	L := &s.Layout
	if ui.WidePage(area.W) {
		L.Content = ui.Rect{X: area.X, Y: area.Y, W: area.W, H: max(area.H, 560)}
		s.layoutContent()
		s.layoutPageControls(area)
		return
	}
	cap := ui.LineHeight(CaptionSize)
	side := ui.PageSide(area.W-2*ui.Pad-34-8, area.H-ui.PanelChrome()-4-20)
	capH, infoH := 6*cap+4, 11*cap
	chartH := math.Min(300, side*0.8)
	L.Content, _ = ui.Below(area).CutTop(ui.PanelChrome()+4+side+20+capH+ui.Pad+chartH+ui.Pad+infoH+ScatterMaxH, 0)
	in := ui.PanelContent(L.Content, Title)
	L.Plot = ui.Rect{X: in.X + 34, Y: in.Y + 4, W: side, H: side}
	L.Caption = ui.Rect{X: in.X, Y: L.Plot.Bottom() + 20, W: in.W, H: capH}
	col := ui.NewColumn(ui.Rect{X: in.X, Y: L.Caption.Bottom() + ui.Pad, W: in.W, H: in.Bottom() - L.Caption.Bottom()}, ui.Pad)
	L.Chart = col.Next(chartH)
	L.Info = col.Next(infoH)
	L.Scatter = col.Next(ScatterMaxH - ui.Pad)
	s.layoutCharts()
	s.layoutPageControls(area)
}

// layoutPageControls places the controls under the content on a page.
func (s *Scene) layoutPageControls(area ui.Rect) {
	L := &s.Layout
	L.Controls = ui.PageControls(area, L.Content, ui.PanelChrome()+s.controlsH()+8*ui.Gap)
	s.layoutControls()
	s.pageH = L.Controls.Bottom() - area.Y
}

// PageHeight is the height of the scene on a page (ui.Tall).
func (s *Scene) PageHeight() float64 { return s.pageH }

// controlsH is the height of the controls' rows without their gaps.
func (s *Scene) controlsH() float64 {
	body := ui.LineHeight(ui.FontSize)
	return s.Preset.Height() + s.N.Height() + s.Depth.Height() + 3*ui.RowH + 3*body + ScaleH + LegendRowH*float64(1+s.legRows) + 3*body
}

// layoutCharts places the inner plot areas of the chart along the line
// and of the plot of pieces in theirs.
func (s *Scene) layoutCharts() {
	L := &s.Layout
	body := ui.LineHeight(ui.FontSize)
	// inner plot area of the chart: title line above, ticks left and below
	_, ci := L.Chart.CutTop(2*body+2, 2)
	ci.X += 40
	ci.W -= 40 + 14
	ci.H -= 20 + ui.LineHeight(ui.SmallSize) // x ticks, then the axis' name
	L.ChartIn = ci
	_, si := L.Scatter.CutTop(ui.LineHeight(ui.FontSize)+ui.LineHeight(ui.SmallSize)+4, 2)
	si.X += 40
	si.W -= 40 + 14
	si.H -= 20 + ui.LineHeight(ui.SmallSize) // x ticks, then the axis' name
	L.ScatterIn = si
}

// layoutControls places the controls, the figures, the colour scale, the
// units' legend and the pointer's read-out in L.Controls. The rows' gaps
// shrink (to 3) where the column would not fit (a short window, the About
// card open).
func (s *Scene) layoutControls() {
	L := &s.Layout
	body := ui.LineHeight(ui.FontSize)
	content := ui.PanelContent(L.Controls, ControlsTitle) // (every title has one line)
	legH := LegendRowH * float64(1+s.legRows)
	const gaps = 8
	col := ui.NewColumn(content, math.Max(3, math.Min(ui.Gap, (content.H-s.controlsH())/gaps)))
	s.Preset.Rect = col.Next(s.Preset.Height())
	s.N.Rect = col.Next(s.N.Height())
	s.Depth.Rect = col.Next(s.Depth.Height())
	b := col.Next(ui.RowH).SplitH(2, ui.Gap)
	s.Reroll.Rect, s.Home.Rect = b[0], b[1]
	row := col.Next(ui.RowH).SplitH(2, ui.Gap)
	s.Tint.Rect, s.Surface.Rect = row[0], row[1]
	s.Leaky.Rect = col.Next(ui.RowH)
	L.Figures = col.Next(3 * body)
	L.Scale = col.Next(ScaleH)
	L.Legend = col.Next(legH)
	L.HoverR = col.Next(3 * body)
}

// ScatterMaxH is the most height the plot of pieces against neurons takes.
const ScatterMaxH = 240.0

// updatePointer handles dragging the line (2-D) or turning the surface
// (3-D), zooming with the wheel, panning with the arrow keys and hover.
func (s *Scene) updatePointer(in *ui.Input) {
	s.Hover = false
	if s.drag != dragNone {
		s.updateDrag(in)
		return
	}
	plotR := s.Layout.Plot
	// The arrows pan the plane wherever the pointer is (the hint on the
	// plane says so; they used to pan only with the pointer off it).
	if !s.Surface.On {
		if dx, dy := ui.ArrowPan(in); dx != 0 || dy != 0 {
			s.Plane.Pan(dx, dy)
		}
	}
	if !in.Hover(plotR) {
		return
	}
	if in.PressedIn(plotR) {
		in.Consume()
		in.Capture(s)
		if s.Surface.On {
			s.drag, s.dragLastX, s.dragLastY = dragTurn, in.X, in.Y
			return
		}
		x, y := s.VP.ToWorld(in.X*s.scale, in.Y*s.scale)
		s.oldLine = s.Line
		s.Line = [2]plot.Point{{X: x, Y: y}, {X: x, Y: y}}
		s.drag = dragLine
		return
	}
	if s.Surface.On {
		return
	}
	s.Plane.Wheel(s.VP, in.TakeWheel(), in.X*s.scale, in.Y*s.scale)
	s.hoverAt(in)
}

// updateDrag follows a drag in progress: Escape cancels it (the line goes
// back), a release ends it; a click without a drag keeps the old line.
func (s *Scene) updateDrag(in *ui.Input) {
	if in.KeyPressed(ui.KeyEscape) {
		if s.drag == dragLine {
			s.Line = s.oldLine
		}
		s.drag = dragNone
		in.Release(s)
		return
	}
	if s.drag == dragLine {
		x, y := s.VP.ToWorld(in.X*s.scale, in.Y*s.scale)
		s.Line[1] = plot.Point{X: x, Y: y}
	} else {
		// Sideways turns, up and down tilts (100 px a radian); the
		// view stays between nearly side-on and straight above.
		s.Az += (in.X - s.dragLastX) * 0.01
		s.El = math.Max(MinEl, math.Min(MaxEl, s.El+(in.Y-s.dragLastY)*0.01))
		s.dragLastX, s.dragLastY = in.X, in.Y
	}
	if in.Released || !in.Down {
		if s.drag == dragLine {
			p0x, p0y := s.VP.ToPixel(s.Line[0].X, s.Line[0].Y)
			p1x, p1y := s.VP.ToPixel(s.Line[1].X, s.Line[1].Y)
			if math.Hypot(p1x-p0x, p1y-p0y) < 4*s.scale {
				s.Line = s.oldLine
			}
		}
		s.drag = dragNone
		in.Release(s)
	}
}

// hoverAt reads Φ and the active units at the pointer snapped to a lattice
// of about a hundredth of the view (0.05 on [-2,2]²), so that round points
// such as the seed's (1,-1) can be hit; they are evaluated at the snapped
// point, where the cross is drawn. Nothing is recomputed while the pointer,
// the view and the network stay.
func (s *Scene) hoverAt(in *ui.Input) {
	s.Hover = true
	key := hoverKey{in.X, in.Y, s.VP, s.netGen}
	if s.hoverOK && key == s.hoverFor {
		return
	}
	s.hoverFor, s.hoverOK = key, true
	x, y := s.VP.ToWorld(in.X*s.scale, in.Y*s.scale)
	st := plot.NiceStep(s.VP.World.W(), 100)
	s.HX, s.HY = Snap(x, st), Snap(y, st)
	s.HPhi = s.eval(s.HX, s.HY)
	if s.Deep() {
		s.Active = s.Active[:0]
		s.HoverText = hoverText(s.HX, s.HY, s.HPhi, nil)
		s.HoverText[2] = deepActiveText(s.DeepNet, s.DeepNet.Pattern(s.HX, s.HY))
		return
	}
	s.Active = s.Net.ActiveUnits(s.Active, s.HX, s.HY)
	s.HoverText = hoverText(s.HX, s.HY, s.HPhi, s.Active)
}

// UnitDim reports whether unit i is shown dimmed in the legend: the
// pointer is over the plane where unit i is inactive.
func (s *Scene) UnitDim(i int) bool {
	if !s.Hover {
		return false
	}
	for _, u := range s.Active {
		if u == i {
			return false
		}
	}
	return true
}

// counts makes Kinks and Pieces those of the network over w.
func (s *Scene) counts(w plot.Rect) {
	key := countKey{true, s.netGen, w}
	if s.counted == key {
		return
	}
	s.counted = key
	if s.Deep() {
		s.countDeep(w)
		return
	}
	s.Kinks = s.Net.Kinks(w)
	s.Pieces = s.Net.Pieces(w)
	s.recordCount()
}

// recompute renders the heatmap (or pattern tint) and the geometry for
// the current network and view.
func (s *Scene) recompute() {
	w := s.VP.World
	s.counts(w)
	g := plot.SampleGrid(w, 161, 161, s.eval)
	lo, hi := g.Range()
	s.Norm = plot.Symmetric(lo, hi)
	s.scaleText = [2]string{strings.Replace(fmt.Sprintf("%.3g", s.Norm.Min), "-", "−", 1), fmt.Sprintf("+%.3g", s.Norm.Max)}
	s.Contours = plot.Contours(g, plot.NiceLevels(lo, hi, 12))
	s.Labels = plot.ContourLabels(s.Contours, 0.25*w.W(), 0.9*w.W())
	if img := s.Heat.Img; img != nil && s.Deep() {
		s.renderDeep(img, w, s.Tint.On)
		s.Heat.Touch()
	} else if img != nil {
		if s.Tint.On {
			s.Net.RenderPatterns(img, w)
		} else {
			s.Net.RenderHeatmap(img, w, plot.Diverging, s.Norm)
		}
		s.Heat.Touch()
	}
	s.PlaneGen++
}

// buildMesh projects the surface and lifts the kink lines onto it.
func (s *Scene) buildMesh() {
	cam := DefaultCamera
	cam.Azimuth, cam.Elevation = s.Az, s.El
	cam.ZScale = 1
	m := SurfaceMesh(s.eval, s.VP.World, 49, 49, cam)
	s.Mesh = m
	// Fit the box every camera's projection lies in, so the picture does
	// not jump while turning and tilting: |x| <= √2, |y| <= √2·sin(el) +
	// zs·cos(el) <= √(2+zs²); and room around it for the axes' labels.
	hy := math.Sqrt(2 + m.Cam.ZScale*m.Cam.ZScale)
	box := plot.Rect{X0: -1.75, Y0: -hy - 0.2, X1: 1.75, Y1: hy + 0.2}
	s.MeshVP = plot.Fit(box, s.plotPixels())
	const steps = 64
	for len(s.Kinks3D) < len(s.Kinks) {
		s.Kinks3D = append(s.Kinks3D, make([]plot.Point, 0, steps+1))
	}
	s.Kinks3D = s.Kinks3D[:len(s.Kinks)]
	for k, kk := range s.Kinks {
		pl := s.Kinks3D[k][:0]
		for i := 0; i <= steps; i++ {
			t := float64(i) / steps
			x := kk.Seg.X0 + t*(kk.Seg.X1-kk.Seg.X0)
			y := kk.Seg.Y0 + t*(kk.Seg.Y1-kk.Seg.Y0)
			p := m.Project(x, y, s.eval(x, y))
			px, py := s.MeshVP.ToPixel(p.X, p.Y)
			pl = append(pl, plot.Point{X: px, Y: py})
		}
		s.Kinks3D[k] = pl
	}
	s.SurfaceNote = surfaceNote(&s.Mesh)
	s.Axes3D = m.Axes(s.MeshVP, 5*s.scale, 11*s.scale)
	s.meshAz, s.meshEl = s.Az, s.El
	s.meshOK = true
	s.MeshGen++
}

// QuadColor is the colour of a surface cell: its value's colour, shaded
// (channels in 0..1).
func (s *Scene) QuadColor(q *Quad) (r, g, b float32) {
	c := plot.Diverging.At(s.Norm.T(q.Value))
	f := float32(0.35 + 0.65*q.Shade)
	return float32(c.R) / 255 * f, float32(c.G) / 255 * f, float32(c.B) / 255 * f
}

// restrict makes Restr and Marks those of the network along Line.
func (s *Scene) restrict() {
	key := restrKey{true, s.netGen, s.Line}
	if s.restrFor == key {
		return
	}
	s.restrFor = key
	if s.Deep() {
		s.restrictDeep()
	} else {
		s.Restr = s.Net.Restrict(s.Line[0], s.Line[1])
	}
	s.chartFor = plot.Rect{} // the chart follows
	length := s.LineLength()
	s.Marks = s.Marks[:0]
	for k, t := range s.Restr.Breaks {
		s.Marks = append(s.Marks, Mark{Unit: s.Restr.Units[k][0], Plane: s.Restr.At(t),
			Chart: plot.Point{X: t * length, Y: s.Restr.V[k+1]}})
	}
}

// LineLength is the length of the user's line, the chart's x range.
func (s *Scene) LineLength() float64 {
	return math.Hypot(s.Line[1].X-s.Line[0].X, s.Line[1].Y-s.Line[0].Y)
}

// fitChart lays out the chart of Restr in Layout.ChartIn.
func (s *Scene) fitChart() {
	ci := s.Layout.ChartIn
	px := plot.DeviceRect(ci.X, ci.Y, ci.W, ci.H, s.scale)
	if px == s.chartFor {
		return
	}
	s.chartFor = px
	length := s.LineLength()
	xs := make([]float64, len(s.Restr.T))
	for k, t := range s.Restr.T {
		xs[k] = t * length
	}
	c := plot.LineChart{Series: []plot.Series{{Name: "Phi", X: xs, Y: s.Restr.V}}, XMaxTicks: 5, YMaxTicks: 5}
	s.Chart = c.Layout()
	s.Chart.World = s.Chart.World.PadY(0.06)
	s.ChartVP = plot.NewViewport(s.Chart.World, px)
}
