package landscape

import (
	"image/color"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/regions"
)

// Pieces against neurons (issue 16): every architecture (its hidden
// widths) counted to completion in this session, with its latest count,
// and a small scatter plot of them under the line's chart, against the
// shallow bound 1+n+n(n−1)/2 (the most n kink lines make) and n²/2, the
// order Hanin & Rolnick find at initialisation, so a student adding units
// sees the pieces grow like n²/2 — and what depth does to it.

// ArchCount is an architecture's latest count.
type ArchCount struct {
	Widths  [regions.MaxLayers]int // the hidden widths, 0 past the depth
	Neurons int                    // their sum: the hidden units in all layers
	Pieces  int                    // the linear pieces in view when it was last counted
}

// MaxArchCounts bounds the record: when it is full, the architecture
// counted longest ago goes.
const MaxArchCounts = 64

// Scatter texts: the title, the names of the reference curves and of the
// highlighted point (the legend), and the axes' names.
const (
	ScatterTitle   = "linear pieces vs neurons"
	ScatterShallow = "1+n+n(n−1)/2"
	ScatterHalf    = "n²/2"
	ScatterNow     = "this net"
	ScatterXTitle  = "n = hidden units, all layers"
	ScatterYTitle  = "pieces"
)

// Colours of the scatter plot.
var (
	colShallow = paint.Muted   // the shallow bound
	colHalf    = paint.Good    // n²/2
	colCounted = paint.Accent  // the architectures counted
	colNow     = paint.Accent2 // the one shown
)

// arch is the architecture shown: its widths (a one-layer net is [n]) and
// their sum.
func (s *Scene) arch() (w [regions.MaxLayers]int, neurons int) {
	if s.Layers == nil {
		w[0] = s.Net.N
		return w, s.Net.N
	}
	for i, n := range s.Layers {
		w[i] = n
		neurons += n
	}
	return w, neurons
}

// recordCount notes Pieces, just counted to completion, as the shown
// architecture's latest count: its earlier entry goes, and it is added
// last (the most recent). It allocates only while the record grows.
func (s *Scene) recordCount() {
	a := ArchCount{Pieces: s.Pieces}
	a.Widths, a.Neurons = s.arch()
	r := s.ArchCounts
	for i := range r {
		if r[i].Widths == a.Widths {
			r = append(r[:i], r[i+1:]...)
			break
		}
	}
	if len(r) == MaxArchCounts {
		r = append(r[:0], r[1:]...)
	}
	s.ArchCounts = append(r, a)
	s.archGen++
}

// scatter is the plot laid out for one state of the record.
type scatter struct {
	key        scatterKey
	Lay        plot.ChartLayout // the reference curves; World is neurons × pieces
	VP         plot.Viewport    // Lay.World onto Layout.ScatterIn, device pixels
	Dots, Now  []plot.Point     // every architecture counted; the one shown, if counted
	cx, cs, ch []float64        // the curves: n, the shallow bound, n²/2
	gen        uint64           // bumped at each layout (the display list follows)
}

type scatterKey struct {
	gen  uint64
	arch [regions.MaxLayers]int
	px   plot.Rect
}

// fitScatter lays the plot out again when the record, the architecture
// shown or the plot's place changed. The axes go from 0 to the most
// neurons (at least 4) and, upwards, to the most pieces or the shallow
// bound there, whichever is more.
func (s *Scene) fitScatter() {
	ci := s.Layout.ScatterIn
	sc := &s.Scatter
	w, neurons := s.arch()
	key := scatterKey{s.archGen, w, plot.DeviceRect(ci.X, ci.Y, ci.W, ci.H, s.scale)}
	if key == sc.key {
		return
	}
	sc.key = key
	sc.gen++
	nMax, pMax := max(4, neurons), 0
	sc.Dots, sc.Now = sc.Dots[:0], sc.Now[:0]
	for _, a := range s.ArchCounts {
		nMax, pMax = max(nMax, a.Neurons), max(pMax, a.Pieces)
		pt := plot.Point{X: float64(a.Neurons), Y: float64(a.Pieces)}
		sc.Dots = append(sc.Dots, pt)
		if a.Widths == w {
			sc.Now = append(sc.Now, pt)
		}
	}
	sc.cx, sc.cs, sc.ch = sc.cx[:0], sc.cs[:0], sc.ch[:0]
	for n := 1; n <= nMax; n++ {
		one := [1]int{n}
		sc.cx = append(sc.cx, float64(n))
		sc.cs = append(sc.cs, float64(regions.ShallowBound(n)))
		sc.ch = append(sc.ch, regions.HaninRolnickOrder(one[:]))
	}
	top := float64(max(pMax, regions.ShallowBound(nMax)))
	c := plot.LineChart{
		Series: []plot.Series{{Name: ScatterShallow, X: sc.cx, Y: sc.cs, Color: colShallow},
			{Name: ScatterHalf, X: sc.cx, Y: sc.ch, Color: colHalf}},
		XFixed: plot.Norm{Min: 0, Max: float64(nMax) * 1.04}, YFixed: plot.Norm{Min: 0, Max: top * 1.06},
		// As many y ticks as their labels have room for (one per 22 px).
		XMaxTicks: 5, YMaxTicks: min(4, max(2, int(ci.H/22))),
	}
	sc.Lay = c.Layout()
	sc.VP = plot.NewViewport(sc.Lay.World, key.px)
}

// paintScatter draws the plot: its title and legend, the chart's frame
// with the axes' names, the reference curves, every architecture counted
// and, ringed in white, the one shown.
func (s *Scene) paintScatter(l *paint.List) {
	r, ci, sc := s.Layout.Scatter, s.Layout.ScatterIn, &s.Scatter
	if ci.W < 40 || ci.H < 30 {
		return
	}
	l.Text(ScatterTitle, r.X, r.Y, ui.FontSize, paint.Bold, paint.Ink, paint.Start)
	x, y := r.X, r.Y+ui.LineHeight(ui.FontSize)
	for _, e := range [...]struct {
		name string
		col  color.RGBA
		dot  bool
	}{{ScatterShallow, colShallow, false}, {ScatterHalf, colHalf, false}, {ScatterNow, colNow, true}} {
		if e.dot {
			l.Disc(x+7, y+8, 5, white)
			l.Disc(x+7, y+8, 4, e.col)
		} else {
			l.Fill(ui.Rect{X: x + 1, Y: y + 6.75, W: 12, H: 2.5}, e.col)
		}
		x += 17
		l.Text(e.name, x, y, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
		x += paint.Measure(e.name, ui.SmallSize, paint.Regular) + ui.Gap + 2
	}
	paint.ChartFrame(l, "pieces against neurons", sc.VP, s.scale, ci, &sc.Lay, ScatterXTitle)
	l.Text(ScatterYTitle, ci.X+4, ci.Y+2, ui.SmallSize, paint.Bold, paint.Muted, paint.Start)
	for i := range sc.Lay.Series {
		ser := &sc.Lay.Series[i]
		l.Polylines(sc.VP, ser.Lines, 1.5, ser.Color, false)
	}
	l.Dots(sc.VP, sc.Dots, 3, colCounted, false)
	l.Dots(sc.VP, sc.Now, 5.5, white, false)
	l.Dots(sc.VP, sc.Now, 4, colNow, false)
}

// piecesByNeurons is the record for status(): [neurons, pieces] per
// architecture, the most recent last.
func (s *Scene) piecesByNeurons() []any {
	out := make([]any, len(s.ArchCounts))
	for i, a := range s.ArchCounts {
		out[i] = []float64{float64(a.Neurons), float64(a.Pieces)}
	}
	return out
}
