package ui

import "testing"

func TestRedraw(t *testing.T) {
	t.Parallel()
	type frame struct {
		desc string
		edit func(in *Input, r *Redraw)
		busy bool
		w    float64
		tip  bool
		want bool
		part bool // Partial after Need
	}
	frames := []frame{
		{"first frame", nil, false, 1000, false, true, false},
		{"nothing changed", nil, false, 1000, false, false, false},
		{"pointer moved", func(in *Input, _ *Redraw) { in.X = 5 }, false, 1000, false, true, false},
		{"still again", nil, false, 1000, false, false, false},
		{"a key", func(in *Input, _ *Redraw) { in.Keys = append(in.Keys, KeyStep) }, false, 1000, false, true, false},
		{"still", nil, false, 1000, false, false, false},
		{"busy (training)", nil, true, 1000, false, true, true},
		{"busy again", nil, true, 1000, false, true, true},
		{"idle", nil, false, 1000, false, false, false},
		{"resized", nil, false, 1100, false, true, false},
		{"tooltip appears", nil, false, 1100, true, true, false},
		{"tooltip stays", nil, false, 1100, true, false, false},
		{"invalidated", func(_ *Input, r *Redraw) { r.Invalidate() }, false, 1100, true, true, false},
		{"wheel", func(in *Input, _ *Redraw) { in.Wheel = 1 }, false, 1100, true, true, false},
		{"busy, nothing else", nil, true, 1100, true, true, true},
		{"busy and the pointer moved", func(in *Input, _ *Redraw) { in.Y = 3 }, true, 1100, true, true, true},
		{"busy and pressed", func(in *Input, _ *Redraw) { in.Y = 3; in.Down, in.Pressed = true, true }, true, 1100, true, true, false},
		{"busy and released", func(in *Input, _ *Redraw) { in.Y = 3; in.Released = true }, true, 1100, true, true, false},
		{"busy, pointer still", func(in *Input, _ *Redraw) { in.Y = 3 }, true, 1100, true, true, true},
		{"busy and invalidated", func(in *Input, r *Redraw) { in.Y = 3; r.Invalidate() }, true, 1100, true, true, false},
		{"busy and resized", func(in *Input, _ *Redraw) { in.Y = 3 }, true, 1200, true, true, false},
	}
	var r Redraw
	for i, f := range frames {
		in := &Input{Pointer: true}
		if f.edit != nil {
			f.edit(in, &r)
		}
		if i > 2 {
			in.X = 5 // the pointer stays where frame 2 moved it
		}
		if got := r.Need(in, f.busy, f.w, 600, f.tip); got != f.want {
			t.Errorf("frame %d (%s): Need = %v, want %v", i, f.desc, got, f.want)
		}
		if got := r.Partial(); got != f.part {
			t.Errorf("frame %d (%s): Partial = %v, want %v", i, f.desc, got, f.part)
		}
	}
}

func TestRedrawForcedPeriodically(t *testing.T) {
	t.Parallel()
	r := Redraw{Every: 4}
	in := &Input{}
	var got []bool
	for range 9 {
		got = append(got, r.Need(in, false, 100, 100, false))
	}
	want := []bool{true, false, false, false, true, false, false, false, true}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("frame %d: Need = %v, want %v (all: %v)", i, got[i], want[i], got)
		}
	}
}
