package paint

import (
	"math"
	"slices"
	"testing"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

func TestPlanePieces(t *testing.T) {
	var l List
	r := ui.Rect{X: 100, Y: 50, W: 200, H: 200}
	vp := plot.NewViewport(plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}, plot.DeviceRect(r.X, r.Y, r.W, r.H, 2))
	xs, ys := plot.Ticks(-2, 2, 6), plot.Ticks(-2, 2, 6)
	PlaneAxes(&l, vp, 2, r, xs, ys, "x", "y")
	// A tick mark and label per tick, then the two names.
	if got, want := len(l.Ops), 2*(len(xs)+len(ys))+2; got != want {
		t.Fatalf("%d ops, want %d", got, want)
	}
	// The x tick at 0 sits under the plot's centre; the y tick at 0 left
	// of its middle.
	for _, o := range l.Ops {
		if o.Kind == KText && o.S == "0" && o.Align == Center && o.X0 != 200 {
			t.Errorf("x tick 0 at x %v, want 200", o.X0)
		}
		if o.Kind == KText && o.S == "0" && o.Align == End && o.Y0 != 150-7 {
			t.Errorf("y tick 0 at y %v, want 143", o.Y0)
		}
	}
	l.Reset()
	PlaneHint(&l, r, "hint")
	b := l.Ops[0].R
	if l.Ops[0].Kind != KRound || b.Right() != r.Right()-4 || b.Y != r.Y+4 || b.W != Measure("hint", ui.SmallSize, Regular)+16 {
		t.Errorf("hint box %v in %v", b, r)
	}
	// The hint and the axis names do not meet.
	hint := b
	l.Reset()
	PlaneAxes(&l, vp, 2, r, xs, ys, "x", "y")
	for _, o := range l.Ops {
		if o.Kind == KText && (o.S == "x" || o.S == "y") {
			if a := o.Box(); a.X < hint.Right() && hint.X < a.Right() && a.Y < hint.Bottom() && hint.Y < a.Bottom() {
				t.Errorf("axis name %q at %v meets the hint at %v", o.S, a, hint)
			}
		}
	}
	l.Reset()
	Arrow(&l, 0, 0, 100, 0, 2, Accent) // 50 logical px to the right
	if len(l.Ops) != 3 || l.Ops[0].X1 != 50 {
		t.Fatalf("arrow ops %d, shaft end %v", len(l.Ops), l.Ops[0].X1)
	}
	for _, o := range l.Ops[1:] { // head strokes 10 logical px long (20 device px), ±0.45 rad back
		if d := math.Hypot(o.X1-o.X0, o.Y1-o.Y0); math.Abs(d-10) > 1e-9 {
			t.Errorf("head stroke %v px long, want 10", d)
		}
		if o.X1 >= 50 || math.Abs(math.Atan2(o.Y1-o.Y0, o.X0-o.X1)) > 0.46 {
			t.Errorf("head stroke %+v does not point back", o)
		}
	}
	l.Reset()
	Arrow(&l, 0, 0, 0.5, 0, 2, Accent) // shorter than a device pixel: no head
	if len(l.Ops) != 1 {
		t.Errorf("a tiny arrow has %d ops, want the shaft only", len(l.Ops))
	}
}

func TestContourLabels(t *testing.T) {
	var l List
	r := ui.Rect{X: 0, Y: 0, W: 100, H: 100}
	vp := plot.NewViewport(plot.Rect{X0: 0, Y0: 0, X1: 1, Y1: 1}, plot.DeviceRect(r.X, r.Y, r.W, r.H, 1))
	bg := Card
	avoid := ui.Rect{X: 60, Y: 70, W: 30, H: 20}
	ContourLabels(&l, vp, 1, r, []plot.Label{{X: 0.5, Y: 0.5, Text: "1.5"}, {X: 0.01, Y: 0.5, Text: "-2"}, {X: 0.5, Y: 0.99, Text: "3"}, {X: 0.7, Y: 0.2, Text: "9"}}, bg, avoid)
	// Only the middle label fits (one sticks out left, one at the top, one
	// meets avoid): its box, then its text centred on it.
	if len(l.Ops) != 2 || l.Ops[0].Kind != KFill || l.Ops[1].S != "1.5" {
		t.Fatalf("ops %+v", l.Ops)
	}
	b, w := l.Ops[0].R, Measure("1.5", ui.SmallSize, Regular)+4
	if b != (ui.Rect{X: 50 - w/2, Y: 43, W: w, H: 14}) || l.Ops[0].C != bg || l.Ops[1].X0 != 50 || l.Ops[1].Align != Center {
		t.Errorf("label box %v, text at %v", b, l.Ops[1].X0)
	}
	// Labels that would touch one already written are left out (parallel
	// level lines close together: n = 1 on the Landscape); one 20 px
	// away stays.
	l.Reset()
	ContourLabels(&l, vp, 1, r, []plot.Label{{X: 0.3, Y: 0.5, Text: "1"}, {X: 0.33, Y: 0.52, Text: "2"}, {X: 0.3, Y: 0.6, Text: "3"}, {X: 0.3, Y: 0.3, Text: "4"}}, bg, ui.Rect{})
	var got []string
	for _, o := range l.Ops {
		if o.Kind == KText {
			got = append(got, o.S)
		}
	}
	if !slices.Equal(got, []string{"1", "4"}) {
		t.Errorf("labels written %q, want 1 and 4 (2 and 3 crowd 1)", got)
	}
}
