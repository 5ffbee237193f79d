package ui

import (
	"math"
	"testing"
	"time"
)

// tick is a scripted pointer state for one frame.
type tick struct {
	x, y float64
	down bool
}

// feed runs the ticks through in, calling update after each snapshot, the
// way the app does, and returns what update returned per tick.
func feed(in *Input, ticks []tick, update func(*Input) bool) []bool {
	var out []bool
	last := false
	for i, tk := range ticks {
		in.Reset()
		in.Now = time.Duration(i) * 16 * time.Millisecond
		in.X, in.Y, in.Pointer = tk.x, tk.y, true
		in.Down = tk.down
		in.Pressed = tk.down && !last
		in.Released = !tk.down && last
		last = tk.down
		out = append(out, update(in))
	}
	return out
}

func TestButtonClick(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc   string
		ticks  []tick
		clicks int
	}{
		{"press and release inside", []tick{{5, 5, false}, {5, 5, true}, {6, 6, false}}, 1},
		{"release outside cancels", []tick{{5, 5, true}, {50, 50, true}, {50, 50, false}}, 0},
		{"press outside then slide in", []tick{{50, 50, true}, {5, 5, true}, {5, 5, false}}, 0},
		{"leave and come back", []tick{{5, 5, true}, {50, 5, true}, {5, 5, true}, {5, 5, false}}, 1},
		{"hover only", []tick{{5, 5, false}, {6, 6, false}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			b := &Button{Rect: Rect{0, 0, 20, 20}}
			n := 0
			for _, c := range feed(&Input{}, tt.ticks, b.Update) {
				if c {
					n++
				}
			}
			if n != tt.clicks {
				t.Errorf("clicks = %d, want %d", n, tt.clicks)
			}
		})
	}
}

func TestDisabledButtonDoesNotClick(t *testing.T) {
	t.Parallel()
	b := &Button{Rect: Rect{0, 0, 20, 20}, Disabled: true, Tip: "why"}
	in := &Input{}
	got := feed(in, []tick{{5, 5, true}, {5, 5, false}}, b.Update)
	if got[0] || got[1] {
		t.Errorf("disabled button clicked: %v", got)
	}
	if tip, _ := in.Tip(); tip != "why" {
		t.Errorf("disabled button offered tip %q, want %q (a disabled control still explains itself)", tip, "why")
	}
}

func TestConsumedPressReachesOneWidget(t *testing.T) {
	t.Parallel()
	a := &Button{Rect: Rect{0, 0, 20, 20}}
	b := &Button{Rect: Rect{0, 0, 20, 20}} // under a
	na, nb := 0, 0
	feed(&Input{}, []tick{{5, 5, true}, {5, 5, false}}, func(in *Input) bool {
		if a.Update(in) {
			na++
		}
		if b.Update(in) {
			nb++
		}
		return false
	})
	if na != 1 || nb != 0 {
		t.Errorf("clicks on top/bottom button = %d/%d, want 1/0", na, nb)
	}
}

func TestToggleFlipsOnPress(t *testing.T) {
	t.Parallel()
	tg := &Toggle{Rect: Rect{0, 0, 100, 28}}
	got := feed(&Input{}, []tick{{5, 5, true}, {5, 5, true}, {5, 5, false}, {5, 5, true}}, tg.Update)
	want := []bool{true, false, false, true}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tick %d: changed = %v, want %v", i, got[i], want[i])
		}
	}
	if tg.On {
		t.Errorf("after two presses On = true, want false")
	}
}

func sliderAt(x float64) *Slider {
	return &Slider{Rect: Rect{x, 0, 216, LabelH + RowH}}
}

func TestSliderValueMapping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		s    Slider
		frac float64
		want float64
	}{
		{"linear start", Slider{Min: -2, Max: 2}, 0, -2},
		{"linear middle", Slider{Min: -2, Max: 2}, 0.5, 0},
		{"linear clamps above", Slider{Min: -2, Max: 2}, 1.5, 2},
		{"linear clamps below", Slider{Min: -2, Max: 2}, -1, -2},
		{"step rounds", Slider{Min: 1, Max: 32, Step: 1}, 0.49, 16},
		{"step 0.05", Slider{Min: 0.1, Max: 3, Step: 0.05}, 0.3, 0.95},
		{"log middle is geometric mean", Slider{Min: 1e-4, Max: 1, Log: true}, 0.5, 0.01},
		{"log end", Slider{Min: 1e-4, Max: 1, Log: true}, 1, 1},
		{"values pick nearest index", Slider{Values: []float64{1, 8, 32, 128}}, 0.4, 8},
		{"values last", Slider{Values: []float64{1, 8, 32, 128}}, 0.9, 128},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			if got := tt.s.ValueAtFrac(tt.frac); math.Abs(got-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) {
				t.Errorf("ValueAtFrac(%v) = %v, want %v", tt.frac, got, tt.want)
			}
		})
	}
}

func TestSliderFracInvertsValue(t *testing.T) {
	t.Parallel()
	for _, s := range []Slider{
		{Min: -2, Max: 2},
		{Min: 1e-4, Max: 1, Log: true},
		{Values: []float64{1, 8, 32, 128}},
	} {
		for _, f := range []float64{0, 1.0 / 3, 0.5, 1} {
			if len(s.Values) > 0 {
				f = math.Round(f*3) / 3
			}
			v := s.ValueAtFrac(f)
			if got := s.Frac(v); math.Abs(got-f) > 0.01 {
				t.Errorf("%+v: Frac(ValueAtFrac(%v) = %v) = %v, want %v", s, f, v, got, f)
			}
		}
	}
}

func TestSliderDrag(t *testing.T) {
	t.Parallel()
	s := sliderAt(0)
	s.Min, s.Max = 0, 100
	tr := s.Track()
	y := tr.Y + tr.H/2
	in := &Input{}
	changed := feed(in, []tick{
		{tr.X + tr.W/2, y, false},   // hover
		{tr.X + tr.W/2, y, true},    // press in the middle: jumps to 50
		{tr.X + tr.W, y + 80, true}, // drag far below and right: still dragging, 100
		{tr.X + tr.W + 50, y + 80, false},
		{tr.X, y + 80, false}, // moving after release does nothing
	}, s.Update)
	want := []bool{false, true, true, false, false}
	for i := range want {
		if changed[i] != want[i] {
			t.Errorf("tick %d: changed = %v, want %v", i, changed[i], want[i])
		}
	}
	if s.Value != 100 {
		t.Errorf("after drag to the right end Value = %v, want 100", s.Value)
	}
	if s.Dragging() || in.Captured(s) {
		t.Errorf("slider still dragging/capturing after release")
	}
}

func TestSliderDragCapturesPointer(t *testing.T) {
	t.Parallel()
	s := sliderAt(0)
	s.Max = 1
	b := &Button{Rect: Rect{0, 200, 100, 28}}
	tr := s.Track()
	clicked := false
	feed(&Input{}, []tick{{tr.X, tr.Y + 5, true}, {10, 210, true}, {10, 210, false}}, func(in *Input) bool {
		s.Update(in)
		if b.Update(in) {
			clicked = true
		}
		return false
	})
	if clicked {
		t.Errorf("a button under a slider drag got a click")
	}
}

func TestSliderWheelSteps(t *testing.T) {
	t.Parallel()
	s := sliderAt(0)
	s.Min, s.Max, s.Step, s.Value = 1, 32, 1, 3
	in := &Input{X: 20, Y: 20, Pointer: true, Wheel: 1}
	if !s.Update(in) || s.Value != 4 {
		t.Errorf("wheel up: Value = %v, want 4", s.Value)
	}
	in.Wheel = -1
	s.Update(in)
	s.Update(in)
	if s.Value != 2 {
		t.Errorf("wheel down twice: Value = %v, want 2", s.Value)
	}
}

func TestSliderText(t *testing.T) {
	t.Parallel()
	s := Slider{Value: 0.012345}
	if got := s.Text(); got != "0.0123" {
		t.Errorf("Text() = %q, want %q", got, "0.0123")
	}
	s = Slider{Value: 3, Format: "%.0f", Unit: " units"}
	if got := s.Text(); got != "3 units" {
		t.Errorf("Text() = %q, want %q", got, "3 units")
	}
}

func TestChoiceSelects(t *testing.T) {
	t.Parallel()
	c := &Choice{Rect: Rect{0, 0, 300, RowH}, Options: []string{"a", "b", "c"}, Tips: []string{"", "tip b", ""}, Tip: "all"}
	in := &Input{}
	changed := feed(in, []tick{{150, 10, false}, {150, 10, true}, {150, 10, false}, {250, 10, true}, {250, 10, true}}, c.Update)
	want := []bool{false, true, false, true, false}
	for i := range want {
		if changed[i] != want[i] {
			t.Errorf("tick %d: changed = %v, want %v", i, changed[i], want[i])
		}
	}
	if c.Index != 2 || c.Selected() != "c" {
		t.Errorf("Index = %d (%q), want 2 (c)", c.Index, c.Selected())
	}
	in.Reset()
	in.X, in.Y = 150, 10
	c.Update(in)
	if tip, _ := in.Tip(); tip != "tip b" {
		t.Errorf("tip over option b = %q, want %q", tip, "tip b")
	}
	in.Reset()
	in.X = 20
	c.Update(in)
	if tip, _ := in.Tip(); tip != "all" {
		t.Errorf("tip over option a = %q, want the control's %q", tip, "all")
	}
}

func TestChoiceWithLabelLeavesRoom(t *testing.T) {
	t.Parallel()
	c := &Choice{Label: "task", Rect: Rect{0, 0, 300, LabelH + RowH}, Options: []string{"a", "b"}}
	segs := c.Segments()
	if segs[0].Y != LabelH || segs[0].H != RowH {
		t.Errorf("segment %v, want y=%v h=%v below the label", segs[0], LabelH, RowH)
	}
}

func TestWrap(t *testing.T) {
	t.Parallel()
	lines := Wrap("aaaa bbbb cccc\ndd", 5*0.55*10*2, 10) // room for 10 characters
	want := []string{"aaaa bbbb", "cccc", "dd"}
	if len(lines) != len(want) {
		t.Fatalf("Wrap = %q, want %q", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, lines[i], want[i])
		}
	}
}

func TestChoiceSegmentsAndAllocs(t *testing.T) {
	c := &Choice{Label: "x", Options: []string{"a", "b", "c"}, Rect: Rect{X: 10, Y: 0, W: 90, H: LabelH + RowH}}
	want := Rect{X: 10, Y: LabelH, W: 90, H: RowH}.SplitH(3, 0)
	for i, s := range c.Segments() {
		if s != want[i] || c.Segment(i) != want[i] {
			t.Errorf("segment %d = %v, want %v", i, s, want[i])
		}
	}
	in := &Input{X: 50, Y: LabelH + 5, Pointer: true}
	if n := testing.AllocsPerRun(100, func() { c.Update(in) }); n != 0 {
		t.Errorf("Choice.Update allocates %v times", n)
	}
	if c.Hovered() != 1 {
		t.Errorf("hovered %d, want 1", c.Hovered())
	}
}

func TestRoundSig(t *testing.T) {
	for _, c := range []struct{ v, want float64 }{{0.123456, 0.123}, {-98765, -98800}, {1, 1}, {0, 0}} {
		if got := RoundSig(c.v, 3); got != c.want {
			t.Errorf("RoundSig(%v, 3) = %v, want %v", c.v, got, c.want)
		}
	}
	if !math.IsInf(RoundSig(math.Inf(1), 3), 1) || !math.IsNaN(RoundSig(math.NaN(), 3)) {
		t.Error("RoundSig changed ±Inf or NaN")
	}
}

// A small choice gives each segment its label's width and shares the rest
// out evenly; the segments tile the row.
func TestChoiceSmall(t *testing.T) {
	c := &Choice{Label: "model", Options: []string{"mlp10", "cnn10", "cnn10-tanh", "best", "convnetjs"}, Small: true,
		Rect: Rect{X: 10, Y: 0, W: 274, H: LabelH + RowH}}
	x := 10.0
	total := 0.0
	for _, o := range c.Options {
		total += Measure(o, SmallSize)
	}
	extra := (274 - total) / 5
	for i, o := range c.Options {
		s := c.Segment(i)
		if math.Abs(s.X-x) > 1e-9 || math.Abs(s.W-(Measure(o, SmallSize)+extra)) > 1e-9 || s.Y != LabelH || s.H != RowH {
			t.Errorf("segment %d (%s) = %v, want x %v w %v", i, o, s, x, Measure(o, SmallSize)+extra)
		}
		if s.W < Measure(o, SmallSize)+8 {
			t.Errorf("segment %d (%s) is %v wide: no room around its label", i, o, s.W)
		}
		x += s.W
	}
	if math.Abs(x-284) > 1e-9 {
		t.Errorf("the segments end at %v, want the row's end 284", x)
	}
	in := &Input{X: c.Segment(2).X + 3, Y: LabelH + 5, Pointer: true, Down: true, Pressed: true}
	if !c.Update(in) || c.Index != 2 {
		t.Errorf("a click on the third segment chose %d", c.Index)
	}
}
