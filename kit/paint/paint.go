// Package paint is the display list between Digit Lab's scene models and
// the page: a scene model (ebiten-free, tested natively) says what to draw
// where — texts, rectangles, lines, discs, panels, widgets, rasters and
// world-space lines through a plot.Viewport — in logical pixels, and the
// page (wasm/paint.go) draws the list with Ebiten. Because the list is
// data, tests can check what a scene shows: its texts and where they are
// (Texts), without a browser.
//
// A model keeps its List and rebuilds it when what it shows changed
// (Reset, then the calls in drawing order); appending reuses the list's
// storage, so a rebuild allocates nothing once the list has grown. Strings
// are the model's own (built on change), never formatted per frame.
package paint

import (
	"image/color"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Font is one of the page's typefaces.
type Font uint8

const (
	Regular Font = iota
	Bold
	Mono
)

// Align says what a text's X is: its left edge, centre or right edge.
type Align uint8

const (
	Start Align = iota
	Center
	End
)

// Theme colours: a light theme that survives a classroom projector.
var (
	Background = color.RGBA{0xf3, 0xf4, 0xf7, 0xff} // window background
	Card       = color.RGBA{0xff, 0xff, 0xff, 0xff} // panels, plots
	Border     = color.RGBA{0xd3, 0xd8, 0xe0, 0xff} // panel and widget outlines
	Ink        = color.RGBA{0x1c, 0x22, 0x2e, 0xff} // body text
	Muted      = color.RGBA{0x5d, 0x66, 0x78, 0xff} // captions, labels, axis ticks
	Accent     = color.RGBA{0x2b, 0x6c, 0xdc, 0xff} // selection, knob, primary actions, "train" curves
	Accent2    = color.RGBA{0xe0, 0x71, 0x24, 0xff} // second series ("test" curves), highlights
	Good       = color.RGBA{0x24, 0x95, 0x57, 0xff} // correct, converged, z ≥ 0
	Bad        = color.RGBA{0xcc, 0x3d, 0x33, 0xff} // wrong, diverged, errors
	HoverBg    = color.RGBA{0xe6, 0xee, 0xfc, 0xff} // hovered widget background
	PressedBg  = color.RGBA{0xcf, 0xdc, 0xf7, 0xff} // pressed widget background
	Track      = color.RGBA{0xc9, 0xcf, 0xd9, 0xff} // slider track, toggle off
	Disabled   = color.RGBA{0xa8, 0xae, 0xb8, 0xff} // disabled text
	TipBg      = color.RGBA{0x26, 0x2b, 0x36, 0xf0} // tooltip background
	TipInk     = color.RGBA{0xf5, 0xf6, 0xf8, 0xff} // tooltip text
	BannerBg   = color.RGBA{0xfd, 0xec, 0xea, 0xff} // error banner background
)

// Corner is the corner radius of buttons and panels.
const Corner = 5.0

// Measure returns the width of s at font size size in font f, in logical
// pixels. The app replaces it with the real fonts' measure; the default
// approximates, good enough for tests.
var Measure = func(s string, size float64, f Font) float64 {
	w := ui.Measure(s, size)
	if f == Mono {
		n := 0
		for range s {
			n++
		}
		w = float64(n) * size * 0.6
	}
	return w
}

// Kind is what an Op draws.
type Kind uint8

const (
	KText        Kind = iota // S at (X0, Y0) (its top), Size, Font, Align, C; with R, centred in R on its cap height (X0 from AlignX)
	KFill                    // R filled with C
	KStroke                  // R outlined inside, W wide
	KRound                   // R filled with corners of radius Rad
	KRoundStroke             // R outlined with round corners, W wide
	KLine                    // (X0,Y0)–(X1,Y1), W wide, anti-aliased
	KDisc                    // disc of radius Rad at (X0, Y0)
	KCircle                  // circle of radius Rad at (X0, Y0), W wide
	KPanel                   // a card over R with title S
	KWidget                  // Widget (*ui.Button, *ui.Toggle, *ui.Slider, *ui.Choice); Primary for the main button
	KRaster                  // Raster shown over R (one raster pixel per device pixel, or scaled up, nearest)
	KClip                    // the ops up to the next KUnclip are clipped to R
	KUnclip                  //
	KSegs                    // Segs (world) through VP (device pixels), W logical px wide, one path
	KLines                   // Lines (world polylines) through VP, W wide
	KDots                    // Dots (world) through VP, discs of radius Rad
	KCustom                  // the scene's own drawing number ID (meshes, cached batches)
	KPicture                 // draws nothing: R is a picture named S (a plot, a map, a chart)
	KLegend                  // draws nothing: R is the legend, scale or axes that explain picture S
)

// Op is one drawing instruction of a List (see Kind for which fields it
// reads). Coordinates are logical pixels unless said otherwise.
type Op struct {
	Kind           Kind
	R              ui.Rect
	X0, Y0, X1, Y1 float64
	W, Rad, Size   float64
	C              color.RGBA
	S              string
	Font           Font
	Align          Align
	Widget         any
	Primary        bool
	Raster         *plot.Raster
	VP             plot.Viewport
	Segs           []plot.Segment
	Lines          [][]plot.Point
	Dots           []plot.Point
	Aliased        bool // world lines and dots drawn without anti-aliasing (cheaper in software GL)
	ID             int
}

// List is a display list: Ops in drawing order.
type List struct {
	Ops []Op
}

// Reset empties the list, keeping its storage.
func (l *List) Reset() { l.Ops = l.Ops[:0] }

func (l *List) add(o Op) *Op {
	l.Ops = append(l.Ops, o)
	return &l.Ops[len(l.Ops)-1]
}

// Text draws s with its top at y, x being its start, centre or end.
func (l *List) Text(s string, x, y, size float64, f Font, c color.RGBA, a Align) {
	if s != "" {
		l.add(Op{Kind: KText, S: s, X0: x, Y0: y, Size: size, Font: f, C: c, Align: a})
	}
}

// TextIn draws one line s vertically centred in r, as the widgets' labels
// are (the page centres the font's cap height on r's middle): at its left
// edge or right edge less the padding, or its centre.
func (l *List) TextIn(s string, r ui.Rect, size float64, f Font, c color.RGBA, a Align) {
	if s != "" {
		l.add(Op{Kind: KText, S: s, R: r, X0: AlignX(r, a), Y0: r.Y + (r.H-ui.LineHeight(size))/2, Size: size, Font: f, C: c, Align: a})
	}
}

// AlignX is the x of a text aligned by a in r: its left edge or right
// edge less the padding, or its centre.
func AlignX(r ui.Rect, a Align) float64 {
	switch a {
	case Center:
		return r.X + r.W/2
	case End:
		return r.Right() - ui.Pad
	}
	return r.X + ui.Pad
}

// Wrap breaks s into lines no wider than w in font f at size (ui.Wrap
// measures the regular font; a bold line is wider).
func Wrap(s string, w, size float64, f Font) []string {
	return ui.WrapWith(s, w, func(t string) float64 { return Measure(t, size, f) })
}

// Paragraph draws text lines one under the other from (x, y) down; it
// returns the y below the last.
func (l *List) Paragraph(lines []string, x, y, size float64, f Font, c color.RGBA) float64 {
	for _, s := range lines {
		l.Text(s, x, y, size, f, c, Start)
		y += ui.LineHeight(size)
	}
	return y
}

func (l *List) Fill(r ui.Rect, c color.RGBA) { l.add(Op{Kind: KFill, R: r, C: c}) }

func (l *List) Stroke(r ui.Rect, w float64, c color.RGBA) {
	l.add(Op{Kind: KStroke, R: r, W: w, C: c})
}

func (l *List) Round(r ui.Rect, rad float64, c color.RGBA) {
	l.add(Op{Kind: KRound, R: r, Rad: rad, C: c})
}

func (l *List) RoundStroke(r ui.Rect, rad, w float64, c color.RGBA) {
	l.add(Op{Kind: KRoundStroke, R: r, Rad: rad, W: w, C: c})
}

func (l *List) Line(x0, y0, x1, y1, w float64, c color.RGBA) {
	l.add(Op{Kind: KLine, X0: x0, Y0: y0, X1: x1, Y1: y1, W: w, C: c})
}

func (l *List) Disc(x, y, rad float64, c color.RGBA) {
	l.add(Op{Kind: KDisc, X0: x, Y0: y, Rad: rad, C: c})
}

func (l *List) Circle(x, y, rad, w float64, c color.RGBA) {
	l.add(Op{Kind: KCircle, X0: x, Y0: y, Rad: rad, W: w, C: c})
}

// Panel draws a card over r with a title line (none for "") and returns
// the content rectangle inside it (ui.PanelContent).
func (l *List) Panel(r ui.Rect, title string) ui.Rect {
	l.add(Op{Kind: KPanel, R: r, S: title})
	return ui.PanelContent(r, title)
}

// Panels appends to dst the titled panels l draws, except those over one
// of the rectangles except (a scene's control column), for ui.Snap.
func (l *List) Panels(dst []ui.PanelRef, except ...ui.Rect) []ui.PanelRef {
next:
	for i := range l.Ops {
		o := &l.Ops[i]
		if o.Kind != KPanel || o.S == "" {
			continue
		}
		for _, r := range except {
			if o.R == r {
				continue next
			}
		}
		dst = append(dst, ui.PanelRef{Title: o.S, R: o.R})
	}
	return dst
}

// Widget draws w (*ui.Button, *ui.Toggle, *ui.Slider or *ui.Choice) as it
// is when the list is drawn.
func (l *List) Widget(w any) { l.add(Op{Kind: KWidget, Widget: w}) }

// Widgets draws each of ws.
func (l *List) Widgets(ws ...any) {
	for _, w := range ws {
		l.Widget(w)
	}
}

// Primary draws b as its panel's main action (filled accent).
func (l *List) Primary(b *ui.Button) { l.add(Op{Kind: KWidget, Widget: b, Primary: true}) }

// Raster shows r's pixels over rect.
func (l *List) Raster(rect ui.Rect, r *plot.Raster) { l.add(Op{Kind: KRaster, R: rect, Raster: r}) }

// Clip clips the ops up to the next Unclip to r.
func (l *List) Clip(r ui.Rect) { l.add(Op{Kind: KClip, R: r}) }
func (l *List) Unclip()        { l.add(Op{Kind: KUnclip}) }

// Segs strokes world segments through vp (whose pixels are device
// pixels), w logical pixels wide.
func (l *List) Segs(vp plot.Viewport, segs []plot.Segment, w float64, c color.RGBA, aliased bool) {
	if len(segs) > 0 {
		l.add(Op{Kind: KSegs, VP: vp, Segs: segs, W: w, C: c, Aliased: aliased})
	}
}

// Polylines strokes world polylines through vp, w logical pixels wide.
func (l *List) Polylines(vp plot.Viewport, lines [][]plot.Point, w float64, c color.RGBA, aliased bool) {
	if len(lines) > 0 {
		l.add(Op{Kind: KLines, VP: vp, Lines: lines, W: w, C: c, Aliased: aliased})
	}
}

// Dots fills discs of radius rad (logical pixels) at world points through
// vp.
func (l *List) Dots(vp plot.Viewport, pts []plot.Point, rad float64, c color.RGBA, aliased bool) {
	if len(pts) > 0 {
		l.add(Op{Kind: KDots, VP: vp, Dots: pts, Rad: rad, C: c, Aliased: aliased})
	}
}

// Custom marks where the scene's own drawing number id goes.
func (l *List) Custom(id int) { l.add(Op{Kind: KCustom, ID: id}) }

// Picture and Legend draw nothing: they mark r as the picture named name,
// and as what explains it (a colour scale, a key, its axes), so that the
// browser tests can check that no picture goes without one (texts()).
func (l *List) Picture(name string, r ui.Rect) { l.add(Op{Kind: KPicture, S: name, R: r}) }

// Legend: see Picture.
func (l *List) Legend(name string, r ui.Rect) { l.add(Op{Kind: KLegend, S: name, R: r}) }

// TextBox is a text of a list and the rectangle it covers.
type TextBox struct {
	S string
	R ui.Rect
}

// Box returns the rectangle a text op covers (Measure wide, one line
// high per line of S).
func (o *Op) Box() ui.Rect {
	w, n := 0.0, 0
	start := 0
	for i := 0; i <= len(o.S); i++ {
		if i == len(o.S) || o.S[i] == '\n' {
			w = max(w, Measure(o.S[start:i], o.Size, o.Font))
			n++
			start = i + 1
		}
	}
	x := o.X0
	switch o.Align {
	case Center:
		x -= w / 2
	case End:
		x -= w
	}
	return ui.Rect{X: x, Y: o.Y0, W: w, H: float64(n) * ui.LineHeight(o.Size)}
}

// Texts appends the list's texts with their rectangles to dst.
func (l *List) Texts(dst []TextBox) []TextBox {
	for i := range l.Ops {
		if o := &l.Ops[i]; o.Kind == KText {
			dst = append(dst, TextBox{o.S, o.Box()})
		}
	}
	return dst
}
