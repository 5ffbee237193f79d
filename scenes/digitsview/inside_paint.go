package digitsview

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// InsideView draws an Inside as a display list: the layers in reading
// order — in rows from left to right, or in columns from top to bottom,
// whichever shows them larger —, an activation beside its pre-activation, a line saying the hovered unit's value, and at the right
// the selected unit's incoming weights and contributions. Feature maps are
// rasters, one per channel, at one raster pixel per map pixel, shown over
// a whole number of device pixels per map pixel (crisp); vectors are strips
// of cells, and the short ones (the logits, the probabilities) print their
// values. Every picture uses the weights view's red–white–blue map
// (plot.Diverging) over its layer's symmetric scale, with its legend.
//
// Use: Layout each frame (it returns at once unless the area, Scale,
// Classes or the Inside's Arch changed); HitTest for the hovered or clicked unit;
// Paint to rebuild the list. Paint re-renders the rasters and rebuilds its
// texts only when the Inside's Gen, the hovered or the selected unit
// changed: a Paint of the same state allocates nothing.
type InsideView struct {
	// Scale is device pixels per logical pixel (0 means 1): the map
	// pixels are whole device pixels.
	Scale float64
	// Classes name the head's classes (the logits' and probabilities'
	// rows); nil numbers them.
	Classes []string

	// Where Layout put the parts (logical pixels).
	R       ui.Rect // the whole
	Area    ui.Rect // the layers
	HoverR  ui.Rect // the hovered unit's line under them
	Detail  ui.Rect // the selected unit's panel
	IncImg  ui.Rect // … its incoming weights
	ConImg  ui.Rect // … its contributions
	Level   int     // the size level the layers fit at (0 largest)
	Overrun bool    // nothing fitted: the smallest level, clipped

	panels []insidePanel
	labels []string // the head's row labels
	laid   bool
	key    insideLayoutKey

	// Detail rows (top-left corners of text lines; legends' bars).
	dLines             [insideDetailLines]float64 // y of the header lines
	incCap, conCap     float64                    // y of the captions
	incLeg, conLeg     ui.Rect                    // legend bars
	sumY               [2]float64                 // y of the sum lines
	rasters            []plot.Raster              // one per map channel
	inc, con           plot.Raster
	cols               []color.RGBA
	gen                int  // the Inside Gen the rasters and texts show
	fresh              bool // rasters and texts are of gen and this layout
	hKey, sKey         Unit
	hText              string
	sLines             []string
	sBold              int    // the selected unit's name: its first sLines
	incText, conText   string // captions
	incRange, conRange string
	sums               [2]string
	patchOK            bool
	field              fieldMark // the selected conv unit's receptive field
}

type insideLayoutKey struct {
	r     ui.Rect
	scale float64
	arch  int
	n     int
}

// fieldMark is a conv unit's receptive field in the layer before it.
type fieldMark struct {
	layer, row, col, h, w int
}

// Sizes of the view's parts.
const (
	insideTitleSize   = ui.SmallSize // layer names, bold
	insideGap         = 12.0         // between blocks
	insideRowGap      = 8.0          // between rows of blocks
	insidePairGap     = 6.0          // between a pre-activation and its activation
	insideBarW        = 24.0         // a legend's colour bar
	insideBarH        = 7.0
	insideValued      = 10 // a vector of up to this many values prints them
	insideDetailLines = 4  // header lines of the selected unit's panel
	insideCellCols    = 16 // cells per row of a longer vector (or √N)
)

// insidePanel is one shown layer's place.
type insidePanel struct {
	layer      int
	pre        int // panel index drawn to the left of this one, -1
	isMap      bool
	valued     bool // cells with their values printed
	labeled    bool // … with the head's labels
	titleW     float64
	x, y, w, h float64
	body       ui.Rect
	bar        ui.Rect // the legend's colour bar
	// maps: mc tiles of mw×mh map pixels of pix logical pixels, in cols
	// columns at a pitch of px×py
	mw, mh, mc int
	pix        float64
	tiles      []ui.Rect
	ras        int // the first channel's raster
	// cells: n in cols columns from (cx, cy), pitch px×py, each cw×ch
	n, cols                int
	cx, cy, px, py, cw, ch float64
	// texts
	rangeText string
	rangeM    float64
	vals      []string
}

func (v *InsideView) scale() float64 {
	if v.Scale > 0 {
		return v.Scale
	}
	return 1
}

// snapUp rounds a logical length up to whole device pixels.
func (v *InsideView) snapUp(x float64) float64 {
	s := v.scale()
	return math.Ceil(x*s-1e-6) / s
}

// legendW is the width of a legend: bar, gap, the widest scale text.
func legendW() float64 {
	return insideBarW + 4 + paint.Measure("±8.8e-08", ui.DenseSize(), paint.Regular)
}

// valueW is the width of a printed value's cell.
func valueW() float64 { return paint.Measure("-0.000", ui.DenseSize(), paint.Mono) + 6 }

// insideLevels are the sizes the layout tries, largest first: the side
// of a feature map's tile in logical pixels and a cell's pitch.
var insideLevels = func() (lv [][2]float64) {
	for t := 112.0; t >= 5; t *= 0.9 {
		lv = append(lv, [2]float64{t, math.Max(3, math.Min(16, math.Round(t/5)))})
	}
	return lv
}()

// insideDetailPageH is the height of the selected unit's panel on a page,
// under the layers.
const insideDetailPageH = 300.0

// Layout lays out in's layers in r at the largest size that fits (the
// smallest, clipped, when none does: Overrun). It does nothing when r,
// Scale, Classes and in's layers' list are those of the last Layout.
func (v *InsideView) Layout(r ui.Rect, in *Inside) {
	key := insideLayoutKey{r, v.scale(), in.Arch, len(in.Layers)}
	if v.laid && key == v.key && v.sameLabels() {
		return
	}
	v.key, v.laid, v.fresh = key, true, false
	v.R = r
	lh := ui.LineHeight(ui.SmallSize)
	dw := math.Max(150, math.Min(260, r.W*0.3))
	detail, rest := r.CutRight(dw, 16)
	if ui.NarrowPage(r.W) { // (a narrow column: the selected unit under the layers)
		detail, rest = r.CutBottom(insideDetailPageH, 16)
	}
	hover, area := rest.CutBottom(lh+4, 4)
	v.Detail, v.HoverR, v.Area = detail, hover, area
	v.layoutDetail()

	// The panels, and the head's labels.
	v.panels = v.panels[:0]
	v.labels = v.labels[:0]
	nras := 0
	for i := range in.Layers {
		l := &in.Layers[i]
		p := insidePanel{layer: i, pre: -1, isMap: l.IsMap(), titleW: paint.Measure(l.Name, insideTitleSize, paint.Bold)}
		if l.Pre == i-1 && i > 0 {
			p.pre = len(v.panels) - 1
		}
		if p.isMap {
			p.mw, p.mh, p.mc, p.ras = l.Shape.W, l.Shape.H, l.Shape.C, nras
			nras += l.Shape.C
		} else {
			p.n = len(l.Values)
			p.valued = p.n <= insideValued
			p.labeled = p.valued && in.isHead(i) && p.n > 1
		}
		v.panels = append(v.panels, p)
	}
	for k := range in.classCount() {
		if k < len(v.Classes) {
			v.labels = append(v.labels, v.Classes[k])
		} else {
			v.labels = append(v.labels, strconv.Itoa(k))
		}
	}
	if len(v.rasters) < nras {
		v.rasters = make([]plot.Raster, nras)
	}
	for i := range v.panels {
		p := &v.panels[i]
		for c := range p.mc {
			v.rasters[p.ras+c].Fit(p.mw, p.mh)
		}
	}

	// The largest level (and map arrangement) at which everything fits.
	v.Overrun = true
	level, opt := len(insideLevels)-1, 0
search:
	for L := range insideLevels {
		for o := range 6 {
			if v.flow(L, o, false) {
				level, opt, v.Overrun = L, o, false
				break search
			}
		}
	}
	v.Level = level
	v.flow(level, opt, true)
}

// sameLabels reports whether the head's labels are still Classes'.
func (v *InsideView) sameLabels() bool {
	for k, s := range v.labels {
		if (k < len(v.Classes) && s != v.Classes[k]) || (k >= len(v.Classes) && s != strconv.Itoa(k)) {
			return false
		}
	}
	return true
}

// isHead reports whether shown layer i is the logits or the
// probabilities of a sigmoid or softmax head.
func (in *Inside) isHead(i int) bool {
	n := len(in.Layers)
	return n > 0 && in.Layers[n-1].Kind == KindProbs && i >= n-2
}

// classCount is the number of the head's classes (0 without a head).
func (in *Inside) classCount() int {
	if n := len(in.Layers); n > 0 && in.Layers[n-1].Kind == KindProbs {
		return len(in.Layers[n-1].Values)
	}
	return 0
}

// labelW is the width of the head's label column.
func (v *InsideView) labelW() float64 {
	w := 0.0
	for _, s := range v.labels {
		w = math.Max(w, paint.Measure(s, ui.DenseSize(), paint.Regular))
	}
	return w + 4
}

// size sets p's body size at level L, map arrangement opt%3 (0
// squarish, 1 two rows, 2 one row), and returns the panel's size.
func (v *InsideView) size(p *insidePanel, L, opt int) (w, h float64) {
	s := v.scale()
	t, c := insideLevels[L][0], insideLevels[L][1]
	var bw, bh float64
	switch {
	case p.isMap:
		// A tile's side grows with the square root of the map's, so that
		// the pools' shrinking shows and a 5×5 map stays visible; a map
		// pixel is at least one logical pixel, always whole device pixels.
		side := float64(max(p.mw, p.mh))
		k := math.Max(math.Ceil(s-1e-9), math.Floor(t*math.Sqrt(side/28)*s/side))
		p.pix = k / s
		gap := math.Max(1, math.Round(2*s)) / s
		p.cols = int(math.Ceil(math.Sqrt(float64(p.mc))))
		switch opt % 3 {
		case 1:
			p.cols = (p.mc + 1) / 2
		case 2:
			p.cols = p.mc
		}
		rows := (p.mc + p.cols - 1) / p.cols
		p.px, p.py = float64(p.mw)*p.pix+gap, float64(p.mh)*p.pix+gap
		bw, bh = float64(p.cols)*p.px-gap, float64(rows)*p.py-gap
	case p.valued:
		lw := 0.0
		if p.labeled {
			lw = v.labelW()
		}
		p.cols = 1
		p.cw, p.ch = valueW(), ui.LineHeight(ui.DenseSize())
		p.px, p.py = p.cw, p.ch+1
		bw, bh = lw+p.cw, float64(p.n)*p.py-1
	default:
		p.cols = min(p.n, max(insideCellCols, int(math.Ceil(math.Sqrt(float64(p.n))))))
		rows := (p.n + p.cols - 1) / p.cols
		p.px, p.py = c, c
		p.cw, p.ch = c-1, c-1
		bw, bh = float64(p.cols)*c-1, float64(rows)*c-1
	}
	p.body.W, p.body.H = bw, bh
	return math.Max(bw, math.Max(p.titleW, legendW())), v.header() + bh
}

// header is the height of a panel's name and legend lines.
func (v *InsideView) header() float64 {
	return v.snapUp(ui.LineHeight(insideTitleSize) + ui.LineHeight(ui.DenseSize()) + 2)
}

// flow places the panels at level L, arrangement opt (see size), from
// the top left of Area, a pair as one block: in rows (opt < 3) or in
// columns (opt ≥ 3). It reports whether they fit; with place it also
// records the positions.
func (v *InsideView) flow(L, opt int, place bool) bool {
	a := v.Area
	x0, y0 := v.snapUp(a.X), v.snapUp(a.Y)
	x, y, line := x0, y0, 0.0 // line: the height of the row (width of the column) so far
	cols := opt >= 3
	fits := true
	for i := 0; i < len(v.panels); i++ {
		p := &v.panels[i]
		w, h := v.size(p, L, opt)
		var q *insidePanel
		var qw, qh float64
		bw := w
		if i+1 < len(v.panels) && v.panels[i+1].pre == i {
			q = &v.panels[i+1]
			qw, qh = v.size(q, L, opt)
			bw = v.snapUp(w+insidePairGap) + qw
		}
		bh := math.Max(h, qh)
		switch {
		case !cols && x > x0 && x+bw > a.Right()+1e-6:
			x, y, line = x0, v.snapUp(y+line+insideRowGap), 0
		case cols && y > y0 && y+bh > a.Bottom()+1e-6:
			x, y, line = v.snapUp(x+line+insideGap), y0, 0
		}
		if bw > a.W+1e-6 || bh > a.H+1e-6 {
			fits = false
		}
		if place {
			v.place(p, x, y, w, h)
			if q != nil {
				v.place(q, v.snapUp(x+w+insidePairGap), y, qw, qh)
			}
		}
		if cols {
			line = math.Max(line, bw)
			y = v.snapUp(y + bh + insideRowGap)
		} else {
			line = math.Max(line, bh)
			x = v.snapUp(x + bw + insideGap)
		}
		if q != nil {
			i++
		}
	}
	if cols {
		return fits && x+line <= a.Right()+1e-6
	}
	return fits && y+line <= a.Bottom()+1e-6
}

// place puts p at (x, y), its size w×h (from size).
func (v *InsideView) place(p *insidePanel, x, y, w, h float64) {
	p.x, p.y, p.w, p.h = x, y, w, h
	lt := ui.LineHeight(insideTitleSize)
	lv := ui.LineHeight(ui.DenseSize())
	p.bar = ui.Rect{X: x, Y: y + lt + (lv-insideBarH)/2, W: insideBarW, H: insideBarH}
	p.body.X, p.body.Y = x, y+v.header()
	p.tiles = p.tiles[:0]
	switch {
	case p.isMap:
		for c := range p.mc {
			p.tiles = append(p.tiles, ui.Rect{X: p.body.X + float64(c%p.cols)*p.px, Y: p.body.Y + float64(c/p.cols)*p.py,
				W: float64(p.mw) * p.pix, H: float64(p.mh) * p.pix})
		}
	case p.labeled:
		p.cx, p.cy = p.body.X+v.labelW(), p.body.Y
	default:
		p.cx, p.cy = p.body.X, p.body.Y
	}
}

// layoutDetail lays out the selected unit's panel: header lines, then
// the incoming weights and the contributions, each with a caption and a
// legend, then the sum.
func (v *InsideView) layoutDetail() {
	d := v.Detail
	lh, lv := ui.LineHeight(ui.SmallSize), ui.LineHeight(ui.DenseSize())
	y := d.Y
	for i := range v.dLines {
		v.dLines[i] = y
		y += lh
	}
	y += 4
	imgH := math.Max(0, math.Min(d.W, (d.Bottom()-y-2*(lh+2+2+lv+8)-2*lh)/2))
	img := func(capY *float64, r *ui.Rect, leg *ui.Rect) {
		*capY = y
		y += lh + 2
		*r = ui.Rect{X: d.X, Y: y, W: d.W, H: imgH}
		y += imgH + 2
		*leg = ui.Rect{X: d.X, Y: y + (lv-insideBarH)/2, W: insideBarW, H: insideBarH}
		y += lv + 8
	}
	img(&v.incCap, &v.IncImg, &v.incLeg)
	img(&v.conCap, &v.ConImg, &v.conLeg)
	v.sumY = [2]float64{y, y + lh}
}

// HitTest returns the unit of a layer at (x, y).
func (v *InsideView) HitTest(x, y float64) (Unit, bool) {
	for i := range v.panels {
		p := &v.panels[i]
		if !p.body.Contains(x, y) {
			continue
		}
		if p.isMap {
			for c, t := range p.tiles {
				if t.Contains(x, y) {
					col := min(int((x-t.X)/p.pix), p.mw-1)
					row := min(int((y-t.Y)/p.pix), p.mh-1)
					return Unit{p.layer, (row*p.mw+col)*p.mc + c}, true
				}
			}
			return NoUnit, false
		}
		if x < p.cx {
			return NoUnit, false
		}
		col, row := int((x-p.cx)/p.px), int((y-p.cy)/p.py)
		if k := row*p.cols + col; col < p.cols && k < p.n {
			return Unit{p.layer, k}, true
		}
	}
	return NoUnit, false
}

// UnitRect returns where unit u is drawn.
func (v *InsideView) UnitRect(u Unit) (ui.Rect, bool) {
	if u.Layer < 0 || u.Layer >= len(v.panels) || u.Index < 0 {
		return ui.Rect{}, false
	}
	p := &v.panels[u.Layer]
	if p.isMap {
		if u.Index >= p.mw*p.mh*p.mc || len(p.tiles) != p.mc {
			return ui.Rect{}, false
		}
		c, pos := u.Index%p.mc, u.Index/p.mc
		t := p.tiles[c]
		return ui.Rect{X: t.X + float64(pos%p.mw)*p.pix, Y: t.Y + float64(pos/p.mw)*p.pix, W: p.pix, H: p.pix}, true
	}
	if u.Index >= p.n {
		return ui.Rect{}, false
	}
	return ui.Rect{X: p.cx + float64(u.Index%p.cols)*p.px, Y: p.cy + float64(u.Index/p.cols)*p.py, W: p.cw, H: p.ch}, true
}

// Paint draws in (laid out by Layout) with hover and selected marked
// (NoUnit for none).
func (v *InsideView) Paint(l *paint.List, in *Inside, hover, selected Unit) {
	if len(in.Layers) == 0 || !v.laid || v.key.arch != in.Arch || len(v.panels) != len(in.Layers) {
		l.TextIn("no model yet", v.R, ui.FontSize, paint.Regular, paint.Muted, paint.Center)
		return
	}
	v.sync(in, hover, selected)
	if v.Overrun {
		l.Clip(v.Area)
	}
	for i := range v.panels {
		p := &v.panels[i]
		lay := &in.Layers[p.layer]
		l.Text(lay.Name, p.x, p.y, insideTitleSize, paint.Bold, paint.Ink, paint.Start)
		l.Picture(lay.Name, ui.Rect{X: p.body.X, Y: p.body.Y, W: p.w, H: p.h - (p.body.Y - p.y)})
		l.Legend(lay.Name, p.bar)
		insideLegend(l, p.bar, p.rangeText)
		switch {
		case p.isMap:
			for c, t := range p.tiles {
				l.Fill(t.Inset(-1), paint.Border)
				l.Raster(t, &v.rasters[p.ras+c])
			}
		case p.valued:
			for k, val := range lay.Values {
				r, _ := v.UnitRect(Unit{p.layer, k})
				col := plot.Diverging.At(lay.Norm.T(float64(val)))
				l.Fill(r, col)
				l.Stroke(r, 1, paint.Border)
				ink := paint.Ink
				if insideDark(col) {
					ink = paint.Card
				}
				l.TextIn(p.vals[k], r, ui.DenseSize(), paint.Mono, ink, paint.Center)
				if p.labeled && k < len(v.labels) {
					l.Text(v.labels[k], p.cx-4, r.Y, ui.DenseSize(), paint.Regular, paint.Muted, paint.End)
				}
			}
		default:
			l.Fill(p.body.Inset(-1), paint.Border)
			for k, val := range lay.Values {
				r, _ := v.UnitRect(Unit{p.layer, k})
				l.Fill(r, plot.Diverging.At(lay.Norm.T(float64(val))))
			}
		}
	}
	if f := v.field; f.h > 0 {
		p := &v.panels[f.layer]
		for _, t := range p.tiles {
			l.Stroke(ui.Rect{X: t.X + float64(f.col)*p.pix, Y: t.Y + float64(f.row)*p.pix, W: float64(f.w) * p.pix, H: float64(f.h) * p.pix}.Inset(-1), 1, paint.Accent2)
		}
	}
	v.mark(l, in, selected, 2, paint.Accent2)
	v.mark(l, in, hover, 1.5, paint.Accent)
	if v.Overrun {
		l.Unclip()
	}
	l.Text(v.hText, v.HoverR.X, v.HoverR.Y+2, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
	v.paintDetail(l)
}

// mark outlines unit u and the same unit of its pre-activation or
// activation beside it.
func (v *InsideView) mark(l *paint.List, in *Inside, u Unit, w float64, c color.RGBA) {
	r, ok := v.UnitRect(u)
	if !ok {
		return
	}
	l.Stroke(r.Inset(-w), w, c)
	other := -1
	if pre := in.Layers[u.Layer].Pre; pre >= 0 {
		other = pre
	} else if n := u.Layer + 1; n < len(in.Layers) && in.Layers[n].Pre == u.Layer {
		other = n
	}
	if other >= 0 && len(in.Layers[other].Values) == len(in.Layers[u.Layer].Values) {
		if r, ok := v.UnitRect(Unit{other, u.Index}); ok {
			l.Stroke(r.Inset(-1), 1, c)
		}
	}
}

func (v *InsideView) paintDetail(l *paint.List) {
	d := v.Detail
	for i, s := range v.sLines {
		f := paint.Regular
		if i < v.sBold {
			f = paint.Bold
		}
		l.Text(s, d.X, v.dLines[i], ui.SmallSize, f, paint.Ink, paint.Start)
	}
	if !v.patchOK {
		return
	}
	l.Text(v.incText, d.X, v.incCap, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	l.Picture(InsideWeightsPicture, v.IncImg)
	l.Legend(InsideWeightsPicture, v.incLeg)
	l.Raster(v.IncImg, &v.inc)
	insideLegend(l, v.incLeg, v.incRange)
	l.Text(v.conText, d.X, v.conCap, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	l.Picture(InsideContribPicture, v.ConImg)
	l.Legend(InsideContribPicture, v.conLeg)
	l.Raster(v.ConImg, &v.con)
	insideLegend(l, v.conLeg, v.conRange)
	for i, s := range v.sums {
		l.Text(s, d.X, v.sumY[i], ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
	}
}

// insideLegend draws the red–white–blue colour bar and its symmetric scale
// text to its right.
func insideLegend(l *paint.List, bar ui.Rect, text string) {
	const n = 12
	for i := range n {
		c := plot.Diverging.At((float64(i) + 0.5) / n)
		l.Fill(ui.Rect{X: bar.X + bar.W*float64(i)/n, Y: bar.Y, W: bar.W / n, H: bar.H}, c)
	}
	l.Stroke(bar, 1, paint.Border)
	lv := ui.LineHeight(ui.DenseSize())
	l.Text(text, bar.Right()+4, bar.Y+bar.H/2-lv/2, ui.DenseSize(), paint.Regular, paint.Muted, paint.Start)
}

// insideDark reports whether ink on c should be light.
func insideDark(c color.RGBA) bool { return 299*int(c.R)+587*int(c.G)+114*int(c.B) < 140*1000 }

// sync re-renders the rasters and rebuilds the texts that in, hover and
// selected changed.
func (v *InsideView) sync(in *Inside, hover, selected Unit) {
	changed := !v.fresh || v.gen != in.Gen
	if changed {
		for i := range v.panels {
			p := &v.panels[i]
			lay := &in.Layers[p.layer]
			if m := lay.Norm.Max; p.rangeText == "" || m != p.rangeM {
				p.rangeText, p.rangeM = "±"+insideScaleText(m), m
			}
			if p.isMap {
				v.renderMap(p, lay)
			}
			if p.valued {
				p.vals = p.vals[:0]
				for _, x := range lay.Values {
					p.vals = append(p.vals, insideCellText(float64(x)))
				}
			}
		}
		v.gen, v.fresh = in.Gen, true
	}
	if changed || hover != v.hKey || v.hText == "" {
		v.hKey = hover
		v.hText = v.hoverText(in, hover, true)
		if paint.Measure(v.hText, ui.SmallSize, paint.Regular) > v.HoverR.W {
			v.hText = v.hoverText(in, hover, false)
		}
	}
	if changed || selected != v.sKey || v.sLines == nil {
		v.sKey = selected
		v.selectUnit(in, selected)
	}
}

// renderMap colours each channel of a feature map into its raster.
func (v *InsideView) renderMap(p *insidePanel, lay *InsideLayer) {
	for c := range p.mc {
		r := &v.rasters[p.ras+c]
		r.Fit(p.mw, p.mh)
		pix := r.Img.Pix
		for k := range p.mw * p.mh {
			col := plot.Diverging.At(lay.Norm.T(float64(lay.Values[k*p.mc+c])))
			q := pix[4*k : 4*k+4 : 4*k+4]
			q[0], q[1], q[2], q[3] = col.R, col.G, col.B, col.A
		}
		r.Touch()
	}
}

// hoverText says the hovered unit's value (and with pre its
// pre-activation's).
func (v *InsideView) hoverText(in *Inside, u Unit, pre bool) string {
	x, ok := in.Value(u)
	if !ok {
		return "hover a unit for its value; click it for its incoming weights"
	}
	lay := &in.Layers[u.Layer]
	s := lay.Name + " " + v.addr(in, u) + " = " + insideValueText(float64(x))
	if !pre || lay.Pre < 0 {
		return s
	}
	zs := in.Layers[lay.Pre].Values
	switch {
	case len(zs) == len(lay.Values) && lay.Kind == KindProbs:
		s += ", logit = " + insideValueText(float64(zs[u.Index]))
	case len(zs) == len(lay.Values):
		s += ", z = " + insideValueText(float64(zs[u.Index]))
	case len(zs) == 1: // a sigmoid head: p = σ(z) for the second class
		s += ", z = " + insideValueText(float64(zs[0]))
	}
	return s
}

// addr names unit u within its layer: "ch 3 (5, 7)", "(5, 7)", "unit 12"
// or "class 9".
func (v *InsideView) addr(in *Inside, u Unit) string {
	lay := &in.Layers[u.Layer]
	sh := lay.Shape
	switch {
	case lay.IsMap():
		pos := u.Index / sh.C
		if sh.C == 1 {
			return fmt.Sprintf("(%d, %d)", pos/sh.W, pos%sh.W)
		}
		return fmt.Sprintf("ch %d (%d, %d)", u.Index%sh.C, pos/sh.W, pos%sh.W)
	case in.isHead(u.Layer) && len(lay.Values) == len(v.labels):
		return "class " + v.labels[u.Index]
	}
	return "unit " + strconv.Itoa(u.Index)
}

// selectUnit builds the selected unit's panel: its texts and the pictures
// of its incoming weights and contributions.
func (v *InsideView) selectUnit(in *Inside, u Unit) {
	v.sLines, v.sBold, v.patchOK, v.field = v.sLines[:0], 0, false, fieldMark{}
	w := v.Detail.W
	x, ok := in.Value(u)
	if !ok {
		v.sLines = append(v.sLines, paint.Wrap("Click a unit to see its incoming weights and what each input adds to it (weight × input).", w, ui.SmallSize, paint.Regular)...)
		v.sLines = v.sLines[:min(len(v.sLines), insideDetailLines)]
		return
	}
	lay := &in.Layers[u.Layer]
	line := func(s string, f paint.Font) { v.sLines = append(v.sLines, paint.Wrap(s, w, ui.SmallSize, f)...) }
	line(lay.Name+" "+v.addr(in, u), paint.Bold)
	v.sBold = len(v.sLines)
	inc, err := in.Incoming(u)
	if err != nil {
		line("= "+insideValueText(float64(x)), paint.Regular)
		line("no incoming weights: click a unit of a dense or conv layer", paint.Regular)
		v.sLines = v.sLines[:min(len(v.sLines), insideDetailLines)]
		return
	}
	if inc.Unit == u {
		line("= "+insideValueText(float64(x)), paint.Regular)
	} else {
		z, _ := in.Value(inc.Unit)
		name := "z"
		if lay.Kind == KindProbs {
			name = "logit"
		}
		line("= "+insideValueText(float64(x))+", "+name+" = "+insideValueText(float64(z)), paint.Regular)
		src := "weights of " + in.Layers[inc.Unit.Layer].Name
		if inc.Unit.Index != u.Index {
			src += " " + v.addr(in, inc.Unit)
		}
		line(src, paint.Regular)
	}
	v.sLines = v.sLines[:min(len(v.sLines), insideDetailLines)]
	v.patchOK = true
	v.incText = "incoming weights, " + patchShape(inc)
	v.incRange = "±" + insideScaleText(inc.Norm.Max)
	v.renderPatch(&v.inc, v.IncImg, inc)
	src := &in.Layers[inc.Unit.Layer]
	con, _ := in.Contribution(u)
	v.conText = "weight × input"
	if src.Kind == "Conv" {
		v.conText += fmt.Sprintf(" at (%d, %d)", con.Row, con.Col)
		if prev := &v.panels[inc.Unit.Layer-1]; prev.isMap {
			v.field = fieldMark{layer: inc.Unit.Layer - 1, row: con.Row, col: con.Col, h: con.H, w: con.W}
		}
	}
	v.conRange = "±" + insideScaleText(con.Norm.Max)
	v.renderPatch(&v.con, v.ConImg, con)
	sum := float64(con.Bias)
	for _, c := range con.V {
		sum += float64(c)
	}
	v.sums[0] = "Σ w·x + b = " + insideValueText(sum)
	v.sums[1] = "bias b = " + insideValueText(float64(con.Bias))
}

// patchShape is "28×28" or "3×3×8".
func patchShape(p Patch) string {
	if p.C == 1 {
		return fmt.Sprintf("%d×%d", p.H, p.W)
	}
	return fmt.Sprintf("%d×%d×%d", p.H, p.W, p.C)
}

// renderPatch draws p's C maps into r (a raster of one pixel per device
// pixel of rect) in a grid (Grid), each weight a block of whole pixels; a
// long 1×N vector is folded into a square.
func (v *InsideView) renderPatch(r *plot.Raster, rect ui.Rect, p Patch) {
	s := v.scale()
	fitRaster(r, rect, s)
	img := r.Img
	clear(img.Pix)
	w, h := p.W, p.H
	if h == 1 && p.C == 1 && w > insideCellCols {
		w = int(math.Ceil(math.Sqrt(float64(p.W))))
		h = (p.W + w - 1) / w
	}
	cells := Grid(img.Rect, p.C, w, h, max(2, int(2*s)))
	for c, cell := range cells {
		v.cols = v.cols[:0]
		for k := range w * h {
			if h != p.H && k >= p.W { // past the end of a folded vector
				v.cols = append(v.cols, color.RGBA{})
				continue
			}
			v.cols = append(v.cols, plot.Diverging.At(p.Norm.T(float64(p.V[k*p.C+c]))))
		}
		blocks(img, cell, v.cols, w, h)
	}
	r.Touch()
}

// insideScaleText formats a legend's scale m: "0.53", "12.3", "1.2e-03".
func insideScaleText(m float64) string {
	if m != 0 && (m < 0.01 || m >= 1000) {
		return strconv.FormatFloat(m, 'e', 1, 64)
	}
	return strconv.FormatFloat(m, 'g', 3, 64)
}

// insideCellText formats a printed value in at most six characters.
func insideCellText(x float64) string {
	a := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+∞"
	case math.IsInf(x, -1):
		return "-∞"
	case a < 10:
		return strconv.FormatFloat(x, 'f', 2, 64)
	case a < 100:
		return strconv.FormatFloat(x, 'f', 1, 64)
	case a < 1e4:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'e', 0, 64)
}

// insideValueText formats a value for the hover line and the detail panel.
func insideValueText(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }
