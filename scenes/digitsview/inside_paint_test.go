package digitsview

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/paint/painttest"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/nn"
)

// insideSizes are the Inside view's areas at the browser tests' windows
// (1024×640, 1280×800), at device scales 1 and 2 and one in between.
var insideSizes = []struct {
	r     ui.Rect
	scale float64
}{
	{ui.Rect{X: 314, Y: 92, W: 600, H: 420}, 1},
	{ui.Rect{X: 314, Y: 92, W: 600, H: 420}, 2},
	{ui.Rect{X: 314, Y: 92, W: 800, H: 560}, 1},
	{ui.Rect{X: 314, Y: 92, W: 800, H: 560}, 1.5},
	{ui.Rect{X: 314, Y: 92, W: 800, H: 560}, 2},
}

// insideRig is a model's Inside laid out in an InsideView.
type insideRig struct {
	in *Inside
	v  *InsideView
	m  *nn.Model
}

func insideRigs(t *testing.T) []insideRig {
	t.Helper()
	var rigs []insideRig
	for _, m := range insideModels(t) {
		in := insideComputed(t, m, insideImage(11, m.In.Size()))
		rigs = append(rigs, insideRig{in, &InsideView{}, m})
	}
	return rigs
}

func insidePanelRect(p *insidePanel) ui.Rect { return ui.Rect{X: p.x, Y: p.y, W: p.w, H: p.h} }

// TestInsideLayoutFits lays out every model at each size: everything fits
// (no overrun), the parts of each group stay inside their container and
// apart, and the feature maps are crisp (a whole number of device pixels
// per map pixel, on the device pixel grid).
func TestInsideLayoutFits(t *testing.T) {
	painttest.GoFonts(t)
	for _, sz := range insideSizes {
		for _, rig := range insideRigs(t) {
			what := fmt.Sprintf("%s at %gx%g ×%g", rig.m.Name, sz.r.W, sz.r.H, sz.scale)
			v := rig.v
			v.Scale = sz.scale
			v.Layout(sz.r, rig.in)
			if v.Overrun {
				t.Errorf("%s: the layers do not fit", what)
			}
			checkRects(t, what, sz.r, map[string]ui.Rect{"layers": v.Area, "hover line": v.HoverR, "detail": v.Detail})
			panels := map[string]ui.Rect{}
			for i := range v.panels {
				p := &v.panels[i]
				name := fmt.Sprintf("panel %d (%s)", i, rig.in.Layers[p.layer].Name)
				panels[name] = insidePanelRect(p)
				lv := ui.LineHeight(ui.DenseSize())
				parts := map[string]ui.Rect{
					"title":  {X: p.x, Y: p.y, W: p.titleW, H: ui.LineHeight(insideTitleSize)},
					"legend": {X: p.bar.X, Y: p.bar.Y + p.bar.H/2 - lv/2, W: legendW(), H: lv},
					"body":   p.body,
				}
				checkRects(t, what+" "+name, insidePanelRect(p), parts)
				units := map[string]ui.Rect{}
				n := len(rig.in.Layers[p.layer].Values)
				if p.isMap {
					for c, tile := range p.tiles {
						units[fmt.Sprintf("tile %d", c)] = tile
						k := tile.W * sz.scale / float64(p.mw)
						if k < 1 || math.Abs(k-math.Round(k)) > 1e-6 || math.Abs(tile.X*sz.scale-math.Round(tile.X*sz.scale)) > 1e-6 ||
							math.Abs(tile.Y*sz.scale-math.Round(tile.Y*sz.scale)) > 1e-6 || tile.H*sz.scale/float64(p.mh) != k {
							t.Errorf("%s %s: tile %d %+v is not whole device pixels per map pixel (%g)", what, name, c, tile, k)
						}
					}
					if len(p.tiles) != rig.in.Layers[p.layer].Shape.C {
						t.Errorf("%s %s: %d tiles for %d channels", what, name, len(p.tiles), rig.in.Layers[p.layer].Shape.C)
					}
				} else {
					for k := range n {
						r, ok := v.UnitRect(Unit{p.layer, k})
						if !ok {
							t.Fatalf("%s %s: no rect for unit %d", what, name, k)
						}
						units[fmt.Sprintf("cell %d", k)] = r
					}
				}
				checkRects(t, what+" "+name, p.body, units)
			}
			checkRects(t, what, v.Area, panels)
			d := v.Detail
			lh := ui.LineHeight(ui.SmallSize)
			detail := map[string]ui.Rect{
				"incoming caption":     {X: d.X, Y: v.incCap, W: d.W, H: lh},
				"incoming":             v.IncImg,
				"incoming legend":      v.incLeg,
				"contribution caption": {X: d.X, Y: v.conCap, W: d.W, H: lh},
				"contribution":         v.ConImg,
				"contribution legend":  v.conLeg,
				"sum":                  {X: d.X, Y: v.sumY[0], W: d.W, H: lh},
				"bias":                 {X: d.X, Y: v.sumY[1], W: d.W, H: lh},
			}
			for i, y := range v.dLines {
				detail[fmt.Sprintf("header %d", i)] = ui.Rect{X: d.X, Y: y, W: d.W, H: lh}
			}
			checkRects(t, what+" detail", d, detail)
			if v.IncImg.H < 100 {
				t.Errorf("%s: the incoming weights get only %v", what, v.IncImg)
			}
		}
	}
}

// TestInsideHitTestInvertsLayout checks that the centre of every unit's
// rectangle hits that unit, and that gaps and the detail panel hit none.
func TestInsideHitTestInvertsLayout(t *testing.T) {
	painttest.GoFonts(t)
	for _, sz := range insideSizes {
		for _, rig := range insideRigs(t) {
			v := rig.v
			v.Scale = sz.scale
			v.Layout(sz.r, rig.in)
			bad := 0
			for li, l := range rig.in.Layers {
				for k := range l.Values {
					u := Unit{li, k}
					r, ok := v.UnitRect(u)
					if !ok {
						t.Fatalf("%s: no rect for %v", rig.m.Name, u)
					}
					if got, ok := v.HitTest(r.Center()); !ok || got != u {
						if bad++; bad < 5 {
							t.Errorf("%s at %v ×%g: HitTest(centre of %v %+v) = %v, %v", rig.m.Name, sz.r, sz.scale, u, r, got, ok)
						}
					}
				}
			}
			for _, pt := range [][2]float64{{v.Detail.X + 5, v.Detail.Y + 5}, {v.IncImg.X + 20, v.IncImg.Y + 20}, {v.HoverR.X + 2, v.HoverR.Y + 2}, {sz.r.X - 5, sz.r.Y}} {
				if u, ok := v.HitTest(pt[0], pt[1]); ok {
					t.Errorf("%s: HitTest%v = %v outside the layers", rig.m.Name, pt, u)
				}
			}
			// The title line of the first panel is not a unit.
			if u, ok := v.HitTest(v.panels[0].x+1, v.panels[0].y+1); ok {
				t.Errorf("%s: HitTest on a title = %v", rig.m.Name, u)
			}
			if _, ok := v.UnitRect(Unit{0, 1 << 20}); ok {
				t.Errorf("%s: UnitRect of a unit past the input", rig.m.Name)
			}
		}
	}
}

// insideStates are the hovered and selected units a test paints: none,
// the first conv's or dense layer's unit, an activation's, a pool's (no
// weights), a probability's.
func insideStates(in *Inside) [][2]Unit {
	states := [][2]Unit{{NoUnit, NoUnit}}
	n := len(in.Layers)
	for i, l := range in.Layers {
		states = append(states, [2]Unit{{i, len(l.Values) / 2}, {i, len(l.Values) - 1}})
	}
	return append(states, [2]Unit{{n - 1, 0}, {1, 0}})
}

// TestInsidePaintTexts paints every model with each state at each size,
// measured with the page's fonts: the texts stay inside the area and
// apart, every layer's name and scale is there, the hover line and the
// detail panel say what they should, and no anti-aliased shape is drawn.
func TestInsidePaintTexts(t *testing.T) {
	painttest.GoFonts(t)
	for _, sz := range insideSizes {
		for _, rig := range insideRigs(t) {
			v := rig.v
			v.Scale = sz.scale
			v.Layout(sz.r, rig.in)
			for _, st := range insideStates(rig.in) {
				hover, sel := st[0], st[1]
				what := fmt.Sprintf("%s at %gx%g ×%g, hover %v, selected %v", rig.m.Name, sz.r.W, sz.r.H, sz.scale, hover, sel)
				var l paint.List
				v.Paint(&l, rig.in, hover, sel)
				texts := l.Texts(nil)
				has := map[string]bool{}
				for i, a := range texts {
					has[a.S] = true
					if !inside(a.R, sz.r) {
						t.Errorf("%s: text %q %+v leaves %+v", what, a.S, a.R, sz.r)
					}
					for _, b := range texts[i+1:] {
						if overlap(a.R, b.R) {
							t.Errorf("%s: texts %q %+v and %q %+v overlap", what, a.S, a.R, b.S, b.R)
						}
					}
				}
				for _, lay := range rig.in.Layers {
					if !has[lay.Name] || !has["±"+insideScaleText(lay.Norm.Max)] {
						t.Errorf("%s: no title %q or scale %q", what, lay.Name, "±"+insideScaleText(lay.Norm.Max))
					}
				}
				if x, ok := rig.in.Value(hover); ok {
					if !strings.Contains(v.hText, "= "+insideValueText(float64(x))) || !has[v.hText] {
						t.Errorf("%s: hover line %q does not give the value %v", what, v.hText, x)
					}
					if w := paint.Measure(v.hText, ui.SmallSize, paint.Regular); w > v.HoverR.W {
						t.Errorf("%s: hover line %q is %g wide, its line %g", what, v.hText, w, v.HoverR.W)
					}
				}
				all := ""
				for _, tb := range texts {
					all += tb.S + "\n"
				}
				_, err := rig.in.Incoming(sel)
				if want := err == nil; strings.Contains(all, "incoming weights, ") != want || strings.Contains(all, "Σ w·x + b = ") != want {
					t.Errorf("%s: incoming weights shown %v, want %v:\n%s", what, !want, want, all)
				}
				if sel == NoUnit && !strings.Contains(all, "Click a unit") {
					t.Errorf("%s: no hint to click a unit:\n%s", what, all)
				}
				for _, o := range l.Ops {
					if o.Kind == paint.KLine || o.Kind == paint.KDisc || o.Kind == paint.KCircle {
						t.Fatalf("%s: an anti-aliased op %v", what, o.Kind)
					}
				}
			}
		}
	}
}

// TestInsidePaintShowsTheValues checks the pictures: each map channel's
// raster is its map, one pixel per value coloured as the weights are
// (plot.Diverging over the layer's scale); a cell is filled with its
// value's colour; the detail rasters hold the incoming weights' colours.
func TestInsidePaintShowsTheValues(t *testing.T) {
	for _, rig := range insideRigs(t) {
		v := rig.v
		v.Scale = 2
		v.Layout(insideSizes[1].r, rig.in)
		var l paint.List
		sel := Unit{1, 0}
		if rig.in.Layers[1].Kind != "Dense" && rig.in.Layers[1].Kind != "Conv" {
			sel = Unit{2, 0}
		}
		v.Paint(&l, rig.in, NoUnit, sel)
		rasters := map[*plot.Raster]ui.Rect{}
		fills := map[ui.Rect]paint.Op{}
		for _, o := range l.Ops {
			switch o.Kind {
			case paint.KRaster:
				rasters[o.Raster] = o.R
			case paint.KFill:
				fills[o.R] = o
			}
		}
		for i := range v.panels {
			p := &v.panels[i]
			lay := &rig.in.Layers[p.layer]
			for k, x := range lay.Values {
				want := plot.Diverging.At(lay.Norm.T(float64(x)))
				if !p.isMap {
					if r, _ := v.UnitRect(Unit{p.layer, k}); fills[r].C != want {
						t.Fatalf("%s %s: cell %d filled %v, want %v", rig.m.Name, lay.Name, k, fills[r].C, want)
					}
					continue
				}
				c, pos := k%p.mc, k/p.mc
				r := &v.rasters[p.ras+c]
				if got := r.Img.RGBAAt(pos%p.mw, pos/p.mw); got != want {
					t.Fatalf("%s %s: channel %d pixel %d is %v, want %v", rig.m.Name, lay.Name, c, pos, got, want)
				}
				if rasters[r] != p.tiles[c] {
					t.Fatalf("%s %s: channel %d raster shown over %+v, want its tile %+v", rig.m.Name, lay.Name, c, rasters[r], p.tiles[c])
				}
			}
		}
		inc, err := rig.in.Incoming(sel)
		if err != nil {
			t.Fatal(err)
		}
		want := map[[4]uint8]bool{}
		for _, w := range inc.V {
			c := plot.Diverging.At(inc.Norm.T(float64(w)))
			want[[4]uint8{c.R, c.G, c.B, c.A}] = true
		}
		img := v.inc.Img
		if _, ok := rasters[&v.inc]; !ok || img.Rect.Dx() != int(v.IncImg.W*2+0.5) {
			t.Fatalf("%s: incoming raster not shown or not at device pixels (%v for %v)", rig.m.Name, img.Rect, v.IncImg)
		}
		n := 0
		for i := 0; i < len(img.Pix); i += 4 {
			px := [4]uint8(img.Pix[i : i+4])
			if px[3] == 0 {
				continue
			}
			n++
			if !want[px] {
				t.Fatalf("%s: incoming raster has colour %v, no weight's", rig.m.Name, px)
			}
		}
		if n < len(inc.V) {
			t.Errorf("%s: incoming raster has %d coloured pixels for %d weights", rig.m.Name, n, len(inc.V))
		}
	}
}

// TestInsidePaintAllocatesNothing: painting the same state again (a
// frame where nothing changed) allocates nothing, nor does an unchanged
// Layout.
func TestInsidePaintAllocatesNothing(t *testing.T) {
	for _, rig := range insideRigs(t) {
		v := rig.v
		v.Layout(insideSizes[2].r, rig.in)
		var l paint.List
		hover, sel := Unit{1, 3}, Unit{len(rig.in.Layers) - 2, 0}
		v.Paint(&l, rig.in, hover, sel)
		if a := testing.AllocsPerRun(20, func() {
			l.Reset()
			v.Paint(&l, rig.in, hover, sel)
		}); a != 0 {
			t.Errorf("%s: Paint allocates %v times per call, want 0", rig.m.Name, a)
		}
		if a := testing.AllocsPerRun(5, func() { v.Layout(insideSizes[2].r, rig.in) }); a != 0 {
			t.Errorf("%s: an unchanged Layout allocates %v times", rig.m.Name, a)
		}
	}
}

// TestInsidePaintFollowsTheInside: a Compute on another image changes
// the rasters (Gen moves), another model re-lays out the view, and an
// Inside without a model paints only a message.
func TestInsidePaintFollowsTheInside(t *testing.T) {
	rigs := insideRigs(t)
	rig := rigs[len(rigs)-2] // convnetjs
	v := rig.v
	r := insideSizes[2].r
	v.Layout(r, rig.in)
	var l paint.List
	v.Paint(&l, rig.in, NoUnit, NoUnit)
	gen := v.rasters[0].Gen
	if err := rig.in.Compute(rig.m, insideImage(12, rig.m.In.Size())); err != nil {
		t.Fatal(err)
	}
	l.Reset()
	v.Paint(&l, rig.in, NoUnit, NoUnit)
	if v.rasters[0].Gen == gen {
		t.Error("a new image did not re-render the input's raster")
	}
	other := rigs[3].m // mlp10
	if err := rig.in.Compute(other, insideImage(13, 784)); err != nil {
		t.Fatal(err)
	}
	l.Reset()
	v.Paint(&l, rig.in, NoUnit, NoUnit) // not laid out for it yet
	if len(l.Texts(nil)) != 1 {
		t.Errorf("painting before the new layout: %d texts, want the one message", len(l.Texts(nil)))
	}
	v.Layout(r, rig.in)
	l.Reset()
	v.Paint(&l, rig.in, NoUnit, NoUnit)
	if len(v.panels) != len(rig.in.Layers) || !strings.Contains(fmt.Sprint(l.Texts(nil)), "sigmoid") {
		t.Errorf("after the new layout: %d panels for %d layers", len(v.panels), len(rig.in.Layers))
	}
	if err := rig.in.Compute(nil, nil); err != nil {
		t.Fatal(err)
	}
	l.Reset()
	v.Paint(&l, rig.in, NoUnit, NoUnit)
	if tx := l.Texts(nil); len(tx) != 1 || tx[0].S != "no model yet" {
		t.Errorf("without a model: %v", tx)
	}
}

// TestInsideClassNames: the head's rows are labelled with Classes (set
// after a first Layout too), and the hover line names the class.
func TestInsideClassNames(t *testing.T) {
	rigs := insideRigs(t)
	rig := rigs[0] // linear: 4 vs 9
	v := rig.v
	r := insideSizes[2].r
	v.Layout(r, rig.in)
	v.Classes = []string{"4", "9"}
	v.Layout(r, rig.in)
	var l paint.List
	probs := Unit{len(rig.in.Layers) - 1, 1}
	v.Paint(&l, rig.in, probs, NoUnit)
	texts := map[string]bool{}
	for _, tb := range l.Texts(nil) {
		texts[tb.S] = true
	}
	if !texts["4"] || !texts["9"] || texts["0"] {
		t.Errorf("the probabilities' rows are not labelled 4 and 9: %v", texts)
	}
	if !strings.HasPrefix(v.hText, "probabilities class 9 = ") || !strings.Contains(v.hText, ", z = ") {
		t.Errorf("hover line %q", v.hText)
	}
}
