package digitsview

import (
	"math"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
	"digitlab/nn"
)

// The layer table under the weights: seed 002's summary of the model
// (nn.Model.SummaryRows, the same rows `digitlab summary` prints), so that
// a student can check a parameter count by hand (seed 003 asks for it).

// LayersTitle is the layer table's panel.
const LayersTitle = "The model, layer by layer (seed 002's summary)"

// layerTable is the table of the model copy's configuration.
type layerTable struct {
	Rows  [][]string
	Total int
	cfg   Config
	ok    bool
}

// LayerRows returns the layer table of the model copy (nil without one).
func (s *Scene) LayerRows() [][]string {
	t := &s.layers
	if s.model == nil {
		return nil
	}
	if !t.ok || t.cfg != s.modelCfg {
		t.Rows, t.Total, t.cfg, t.ok = s.model.SummaryRows(), len(s.model.Params), s.modelCfg, true
	}
	return t.Rows
}

// layersHeight is the height of the table's panel for n rows (the header
// included); on a page each layer takes two lines (pageLayer).
func layersHeight(n int) float64 {
	lines := float64(n + 2)
	if ui.Paged {
		lines = float64(2*(n-1) + 1)
	}
	return lines*ui.LineHeight(ui.SmallSize) + ui.LabelH + 2*ui.Pad + 10
}

// pageLayer is a layer's row of the table as two lines, for a page's
// narrow column: its name with what goes in and out, then its weights,
// bias and parameter count.
func pageLayer(r []string) (string, string) {
	return r[0] + "  " + r[1] + " → " + r[2], "weights " + r[3] + " · bias " + r[4] + " · " + r[5] + " params"
}

// paintLayers draws the table in columns, in the monospace font, with the
// total under it.
func (s *Scene) paintLayers(l *paint.List) {
	rows := s.LayerRows()
	p := s.L.LPanel
	if rows == nil || p.Empty() {
		return
	}
	in := ui.PanelContent(p, LayersTitle)
	lh := ui.LineHeight(ui.SmallSize)
	size := ui.SmallSize
	if ui.Paged {
		y := in.Y
		for _, r := range rows[1:] {
			a, b := pageLayer(r)
			l.Text(a, in.X, y, size, paint.Mono, paint.Ink, paint.Start)
			l.Text(b, in.X+12, y+lh, size, paint.Mono, paint.Muted, paint.Start)
			y += 2 * lh
		}
		l.Fill(ui.Rect{X: in.X, Y: y + 1, W: in.W, H: 1}, paint.Border)
		l.Text("Total params: "+nn.Commas(s.layers.Total), in.X, y+4, size, paint.Bold, paint.Ink, paint.Start)
		return
	}
	// Column widths, and the font size that fits them in the panel.
	var w [8]float64
	measure := func(sz float64) float64 {
		sum := 0.0
		for c := range rows[0] {
			w[c] = 0
			for _, r := range rows {
				w[c] = math.Max(w[c], paint.Measure(r[c], sz, paint.Mono))
			}
			sum += w[c] + 14
		}
		return sum
	}
	for measure(size) > in.W && size > 8 {
		size--
	}
	y := in.Y
	for i, r := range rows {
		x := in.X
		f, ink := paint.Mono, paint.Ink
		if i == 0 {
			f, ink = paint.Bold, paint.Muted
		}
		for c, cell := range r {
			if c == len(r)-1 { // the count, right-aligned
				l.Text(cell, x+w[c], y, size, f, ink, paint.End)
			} else {
				l.Text(cell, x, y, size, f, ink, paint.Start)
			}
			x += w[c] + 14
		}
		y += lh
		if i == 0 {
			l.Fill(ui.Rect{X: in.X, Y: y - 2, W: math.Min(in.W, x-in.X), H: 1}, paint.Border)
		}
	}
	l.Fill(ui.Rect{X: in.X, Y: y + 1, W: in.W, H: 1}, paint.Border)
	l.Text("Total params: "+nn.Commas(s.layers.Total), in.X, y+4, size, paint.Bold, paint.Ink, paint.Start)
}
