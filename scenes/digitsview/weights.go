package digitsview

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"digitlab/kit/plot"
	"digitlab/nn"
)

// WeightMap is one unit's or filter's incoming weights laid out as an
// image: V is (H, W) row-major.
type WeightMap struct {
	W, H int
	V    []float32
}

// Weights are the first trainable layer's weights as pictures.
type Weights struct {
	Maps  []WeightMap
	Norm  plot.Norm // shared symmetric range: white = 0, red −, blue +
	Title string    // "784 weights as 28×28", "32 hidden units", "8 filters 5×5"
	Total int       // units or filters in the layer (Maps may show fewer)
}

// MaxMaps is the most maps FirstLayer returns.
const MaxMaps = 32

// FirstLayer returns the weights of m's first Dense or Conv layer as
// images. A Dense layer whose input is an image (H, W, 1) gives one H×W
// map per output unit (w[i*nOut+o]), so the linear model gives its 784
// weights as one 28×28 map; a Conv layer gives one KH×KW map per filter
// (its first input channel: w[((kh*KW+kw)*OD+od)*ID]). All maps share one
// symmetric colour range. The maps are copies: call again after training
// steps. ok is false if m has no such layer.
func FirstLayer(m *nn.Model) (w Weights, ok bool) {
	for _, l := range m.Layers() {
		switch l.Kind {
		case "Dense":
			nIn, nOut := l.WShape[0], l.WShape[1]
			h, wd := l.In.H, l.In.W*l.In.C
			if h*wd != nIn {
				h, wd = 1, nIn
			}
			n := min(nOut, MaxMaps)
			for o := range n {
				v := make([]float32, nIn)
				for i := range nIn {
					v[i] = l.W[i*nOut+o]
				}
				w.Maps = append(w.Maps, WeightMap{W: wd, H: h, V: v})
			}
			w.Total = nOut
			if nOut == 1 {
				w.Title = fmt.Sprintf("the %d weights as a %d×%d picture", nIn, h, wd)
			} else {
				w.Title = fmt.Sprintf("first layer: %d units, each %d×%d", nOut, h, wd)
			}
		case "Conv":
			kh, kw, od, id := l.WShape[0], l.WShape[1], l.WShape[2], l.WShape[3]
			n := min(od, MaxMaps)
			for f := range n {
				v := make([]float32, kh*kw)
				for y := range kh {
					for x := range kw {
						v[y*kw+x] = l.W[((y*kw+x)*od+f)*id]
					}
				}
				w.Maps = append(w.Maps, WeightMap{W: kw, H: kh, V: v})
			}
			w.Total = od
			w.Title = fmt.Sprintf("first layer: %d filters %d×%d", od, kh, kw)
		default:
			continue
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, mp := range w.Maps {
			for _, v := range mp.V {
				x := float64(v)
				if !math.IsNaN(x) && !math.IsInf(x, 0) {
					lo, hi = math.Min(lo, x), math.Max(hi, x)
				}
			}
		}
		w.Norm = plot.Symmetric(lo, hi)
		return w, true
	}
	return Weights{}, false
}

// Grid lays out n maps of w×h pixels in the pixel rectangle area in
// columns and rows with gap pixels between cells, choosing the column
// count that makes the cells largest; cells are squares of whole multiples
// of the map size when possible. It returns the cell rectangles.
func Grid(area image.Rectangle, n, w, h, gap int) []image.Rectangle {
	if n <= 0 || area.Empty() {
		return nil
	}
	bestCols, bestS := 1, 0.0
	for cols := 1; cols <= n; cols++ {
		rows := (n + cols - 1) / cols
		sw := float64(area.Dx()-gap*(cols-1)) / float64(cols*w)
		sh := float64(area.Dy()-gap*(rows-1)) / float64(rows*h)
		if s := math.Min(sw, sh); s > bestS {
			bestCols, bestS = cols, s
		}
	}
	s := bestS
	if s >= 1 {
		s = math.Floor(s) // whole device pixels per weight: crisp squares
	}
	cw, ch := max(int(s*float64(w)), 1), max(int(s*float64(h)), 1)
	out := make([]image.Rectangle, n)
	for i := range out {
		c, r := i%bestCols, i/bestCols
		x := area.Min.X + c*(cw+gap)
		y := area.Min.Y + r*(ch+gap)
		out[i] = image.Rect(x, y, x+cw, y+ch)
	}
	return out
}

// Render draws the maps into dst in the cells (from Grid) with the
// diverging map (red negative, white zero, blue positive), each weight a
// block of pixels (nearest neighbour). It colours each weight once, not
// each pixel: a 28×28 map filling 420×420 pixels is 784 colour look-ups.
func (w Weights) Render(dst *image.RGBA, cells []image.Rectangle) {
	var cols []color.RGBA
	for i, c := range cells {
		if i >= len(w.Maps) {
			break
		}
		m := w.Maps[i]
		cols = cols[:0]
		for _, v := range m.V {
			cols = append(cols, plot.Diverging.At(w.Norm.T(float64(v))))
		}
		blocks(dst, c, cols, m.W, m.H)
	}
}

// blocks scales the w×h colours cols ((h, w) row-major) into r of dst by
// nearest neighbour, as plot.ScaleGray maps pixels to samples.
func blocks(dst *image.RGBA, r image.Rectangle, cols []color.RGBA, w, h int) {
	clip := r.Intersect(dst.Bounds())
	if clip.Empty() {
		return
	}
	rw, rh := r.Dx(), r.Dy()
	n := 4 * clip.Dx()
	prevRow, prevOff := -1, 0
	for py := clip.Min.Y; py < clip.Max.Y; py++ {
		sr := (py - r.Min.Y) * h / rh
		off := dst.PixOffset(clip.Min.X, py)
		if sr == prevRow { // same weights as the row above: copy it
			copy(dst.Pix[off:off+n], dst.Pix[prevOff:prevOff+n])
			continue
		}
		row := cols[sr*w : (sr+1)*w]
		for px := clip.Min.X; px < clip.Max.X; px++ {
			c := row[(px-r.Min.X)*w/rw]
			p := dst.Pix[off : off+4 : off+4]
			p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
			off += 4
		}
		prevRow, prevOff = sr, dst.PixOffset(clip.Min.X, py)
	}
}
