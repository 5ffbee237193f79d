package paint

import "digitlab/kit/ui"

// The texts on screen, for the browser tests' check that none overlaps
// another (digitlab.testHooks.texts()): the texts of display lists with
// the rectangles they cover in the page's fonts, the panels' titles and
// the widgets' rectangles.

// A ScreenText is a text, a panel's title or a widget of a list (S is
// the widget's label).
type ScreenText struct {
	Kind string // "text", "title", "widget", "picture" or "legend" (S names the picture)
	TextBox
}

// Texts lists the texts, titles and widgets of ls in their order.
func Texts(ls []*List) []ScreenText {
	var out []ScreenText
	for _, l := range ls {
		for i := range l.Ops {
			switch o := &l.Ops[i]; o.Kind {
			case KText:
				out = append(out, ScreenText{"text", TextBox{o.S, o.Box()}})
			case KPanel:
				if o.S != "" {
					in := o.R.Inset(ui.Pad)
					out = append(out, ScreenText{"title", TextBox{o.S, ui.Rect{X: in.X, Y: in.Y, W: Measure(o.S, ui.FontSize, Bold), H: ui.LineHeight(ui.FontSize)}}})
				}
			case KPicture:
				out = append(out, ScreenText{"picture", TextBox{o.S, o.R}})
			case KLegend:
				out = append(out, ScreenText{"legend", TextBox{o.S, o.R}})
			case KWidget:
				if label, r, ok := widgetBox(o.Widget); ok {
					out = append(out, ScreenText{"widget", TextBox{label, r}})
				}
			}
		}
	}
	return out
}

// Records are the texts of ls as plain records for the page's JSON, each
// {kind, s, rect: [x, y, w, h]} (digitlab.testHooks.texts()).
func Records(ls []*List) []any {
	out := []any{}
	for _, t := range Texts(ls) {
		out = append(out, map[string]any{"kind": t.Kind, "s": t.S, "rect": []float64{t.R.X, t.R.Y, t.R.W, t.R.H}})
	}
	return out
}

// widgetBox is a widget's label and rectangle.
func widgetBox(w any) (label string, r ui.Rect, ok bool) {
	switch w := w.(type) {
	case *ui.Button:
		return w.Label, w.Rect, true
	case *ui.Choice:
		return w.Label, w.Rect, true
	case *ui.Tabs:
		return "tabs", w.Rect, true
	case *ui.Slider:
		return w.Label, w.Rect, true
	case *ui.Toggle:
		return w.Label, w.Rect, true
	}
	return "", ui.Rect{}, false
}
