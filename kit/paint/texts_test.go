package paint

import (
	"reflect"
	"testing"

	"digitlab/kit/ui"
)

func TestTexts(t *testing.T) {
	var a, b List
	panel := ui.Rect{X: 10, Y: 20, W: 300, H: 200}
	a.Panel(panel, "Loss")
	a.Text("step 10", 40, 60, 14, Regular, Ink, Start)
	a.Panel(ui.Rect{X: 0, Y: 0, W: 50, H: 50}, "") // untitled: nothing
	btn := &ui.Button{Label: "Start", Rect: ui.Rect{X: 5, Y: 6, W: 70, H: 28}}
	tog := &ui.Toggle{Label: "raw", Rect: ui.Rect{X: 80, Y: 6, W: 60, H: 28}}
	b.Widgets(btn, tog)
	b.Widget(struct{}{}) // not a widget it knows: left out
	plane, scale := ui.Rect{X: 100, Y: 100, W: 200, H: 200}, ui.Rect{X: 100, Y: 310, W: 200, H: 20}
	b.Picture("plane", plane)
	b.Legend("plane", scale)
	got := Texts([]*List{&a, &b})
	if len(got) != 6 {
		t.Fatalf("%d texts: %+v, want a title, a text, two widgets, a picture and its legend", len(got), got)
	}
	in := panel.Inset(ui.Pad)
	title := ScreenText{"title", TextBox{"Loss", ui.Rect{X: in.X, Y: in.Y, W: Measure("Loss", ui.FontSize, Bold), H: ui.LineHeight(ui.FontSize)}}}
	text := ScreenText{"text", TextBox{"step 10", ui.Rect{X: 40, Y: 60, W: Measure("step 10", 14, Regular), H: ui.LineHeight(14)}}}
	want := []ScreenText{title, text, {"widget", TextBox{"Start", btn.Rect}}, {"widget", TextBox{"raw", tog.Rect}},
		{"picture", TextBox{"plane", plane}}, {"legend", TextBox{"plane", scale}}}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("text %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestRecords(t *testing.T) {
	var l List
	l.Picture("plane", ui.Rect{X: 1, Y: 2, W: 3, H: 4})
	got := Records([]*List{&l})
	want := []any{map[string]any{"kind": "picture", "s": "plane", "rect": []float64{1, 2, 3, 4}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Records = %v, want %v", got, want)
	}
	if got := Records(nil); got == nil || len(got) != 0 {
		t.Errorf("Records(nil) = %#v, want an empty list (JSON [])", got)
	}
}
