package ui

import (
	"fmt"
	"math"
)

// Metrics shared by layout and drawing, in logical pixels.
const (
	FontSize  = 14.0 // body text, widget labels
	SmallSize = 12.0 // axis ticks, captions, tooltips
	TitleSize = 20.0 // scene titles
	LabelH    = 18.0 // height of the label line above a slider or choice
	Pad       = 8.0  // inner padding of panels
	Gap       = 8.0  // space between widgets
)

// RowH is the height of a button, toggle, choice or slider track row: 28
// with a mouse, TouchRowH on a phone (SetDevice), big enough for a finger.
var RowH = DeskRowH

// The heights of a control row, with a mouse and on a phone.
const (
	DeskRowH  = 28.0
	TouchRowH = 40.0
)

// DenseSize is the font of dense figures (matrix cells, the values of a
// colour scale): a point under SmallSize on a desktop, SmallSize on a page
// (no text on a phone under 12 CSS pixels).
func DenseSize() float64 {
	if Paged {
		return SmallSize
	}
	return SmallSize - 1
}

// Measure returns the width of s at font size size in logical pixels. The
// app replaces it with the real font measurement; the default is an
// approximation good enough for tests.
var Measure = func(s string, size float64) float64 {
	n := 0
	for range s {
		n++
	}
	return float64(n) * size * 0.55
}

// Button is a push button: a click is a press and a release inside it.
type Button struct {
	Label    string
	Tip      string
	Rect     Rect
	Disabled bool

	hover bool
	armed bool
}

// Width returns a width that fits the label.
func (b *Button) Width() float64 { return Measure(b.Label, FontSize) + 2*12 }

// Update feeds this tick's input and reports whether the button was clicked.
func (b *Button) Update(in *Input) (clicked bool) {
	b.hover = in.Hover(b.Rect) || in.Captured(b)
	// (also while it is held down over it: a finger held on a button
	// shows its tip, Tooltip)
	if in.Hover(b.Rect) || in.Captured(b) && in.Pointer && b.Rect.Contains(in.X, in.Y) {
		in.OfferTip(b.Rect, b.Tip)
	}
	if b.Disabled {
		b.armed = false
		in.Release(b)
		return false
	}
	if in.PressedIn(b.Rect) {
		in.Consume()
		in.Capture(b)
		b.armed = true
	}
	if b.armed && in.Released {
		b.armed = false
		in.Release(b)
		return b.Rect.Contains(in.X, in.Y)
	}
	if b.armed && !in.Down { // lost the release (focus change)
		b.armed = false
		in.Release(b)
	}
	return false
}

// Hovered reports whether the pointer is over the button.
func (b *Button) Hovered() bool { return b.hover }

// Held reports whether the button is being pressed (pointer down on it).
func (b *Button) Held() bool { return b.armed }

// Toggle is an on/off switch with a label; a press flips it.
type Toggle struct {
	Label    string
	Tip      string
	Rect     Rect
	On       bool
	Disabled bool

	hover bool
}

// Width returns a width that fits the switch and the label.
func (t *Toggle) Width() float64 { return 40 + Measure(t.Label, FontSize) }

// Update reports whether On changed this tick.
func (t *Toggle) Update(in *Input) (changed bool) {
	t.hover = in.Hover(t.Rect)
	if t.hover {
		in.OfferTip(t.Rect, t.Tip)
	}
	if t.Disabled || !in.PressedIn(t.Rect) {
		return false
	}
	in.Consume()
	t.On = !t.On
	return true
}

// Hovered reports whether the pointer is over the toggle.
func (t *Toggle) Hovered() bool { return t.hover }

// Slider picks a number by dragging along a track. Its Rect holds a label
// line (Label on the left, the value on the right) above the track.
//
// The value range is one of, by priority: Values (a list of allowed values,
// evenly spaced on the track), Log (Min..Max on a logarithmic track, both
// > 0), or linear Min..Max rounded to a multiple of Step (if Step > 0).
type Slider struct {
	Label    string
	Tip      string
	Rect     Rect
	Min, Max float64
	Step     float64
	Log      bool
	Values   []float64
	Value    float64
	Format   string // fmt verb for the value, default "%.3g"
	Unit     string // appended to the value text
	Disabled bool

	hover    bool
	dragging bool
}

// Height is the height a slider needs: its label line and its track row.
func (s *Slider) Height() float64 { return LabelH + RowH }

// Track is the rectangle of the track, where the knob moves.
func (s *Slider) Track() Rect {
	_, row := s.Rect.CutTop(LabelH, 0)
	const knobR = 8
	return Rect{row.X + knobR, row.Y, math.Max(0, row.W-2*knobR), row.H}
}

// Frac maps v to the track position in [0, 1].
func (s *Slider) Frac(v float64) float64 {
	switch {
	case len(s.Values) > 1:
		best, bd := 0, math.Inf(1)
		for i, x := range s.Values {
			if d := math.Abs(x - v); d < bd {
				best, bd = i, d
			}
		}
		return float64(best) / float64(len(s.Values)-1)
	case len(s.Values) == 1:
		return 0
	case s.Max == s.Min:
		return 0
	case s.Log && s.Min > 0 && s.Max > 0 && v > 0:
		return clamp(math.Log(v/s.Min)/math.Log(s.Max/s.Min), 0, 1)
	default:
		return clamp((v-s.Min)/(s.Max-s.Min), 0, 1)
	}
}

// ValueAtFrac maps a track position f in [0, 1] (clamped) to a value.
func (s *Slider) ValueAtFrac(f float64) float64 {
	f = clamp(f, 0, 1)
	switch {
	case len(s.Values) > 0:
		return s.Values[int(math.Round(f*float64(len(s.Values)-1)))]
	case s.Log && s.Min > 0 && s.Max > 0:
		v := s.Min * math.Pow(s.Max/s.Min, f)
		return clamp(RoundSig(v, 2), s.Min, s.Max)
	default:
		v := s.Min + f*(s.Max-s.Min)
		if s.Step > 0 {
			v = s.Min + math.Round((v-s.Min)/s.Step)*s.Step
			v = clamp(RoundSig(v, 12), math.Min(s.Min, s.Max), math.Max(s.Min, s.Max))
		}
		return v
	}
}

// ValueAt maps a pointer x coordinate to a value.
func (s *Slider) ValueAt(x float64) float64 {
	t := s.Track()
	if t.W == 0 {
		return s.ValueAtFrac(0)
	}
	return s.ValueAtFrac((x - t.X) / t.W)
}

// KnobX is the x coordinate of the knob's centre for the current value.
func (s *Slider) KnobX() float64 {
	t := s.Track()
	return t.X + s.Frac(s.Value)*t.W
}

// Text is the value as shown on the label line.
func (s *Slider) Text() string {
	f := s.Format
	if f == "" {
		f = "%.3g"
	}
	return fmt.Sprintf(f, s.Value) + s.Unit
}

// Update handles press, drag and release on the slider and the wheel while
// hovered (one notch = one step), and reports whether Value changed.
func (s *Slider) Update(in *Input) (changed bool) {
	s.hover = in.Hover(s.Rect) || s.dragging
	if in.Hover(s.Rect) {
		in.OfferTip(s.Rect, s.Tip)
	}
	if s.Disabled {
		if s.dragging {
			s.dragging = false
			in.Release(s)
		}
		return false
	}
	old := s.Value
	if in.PressedIn(s.Rect) {
		in.Consume()
		in.Capture(s)
		s.dragging = true
	}
	if s.dragging {
		s.Value = s.ValueAt(in.X)
		if in.Released || !in.Down {
			s.dragging = false
			in.Release(s)
		}
	} else if in.Wheel != 0 && in.Hover(s.Rect) {
		s.Value = s.nudge(in.TakeWheel() > 0)
	}
	return s.Value != old
}

// nudge moves the value one step up or down.
func (s *Slider) nudge(up bool) float64 {
	d := 1.0
	if !up {
		d = -1
	}
	switch {
	case len(s.Values) > 1:
		return s.ValueAtFrac(s.Frac(s.Value) + d/float64(len(s.Values)-1))
	case s.Log:
		return s.ValueAtFrac(s.Frac(s.Value) + d/20)
	case s.Step > 0 && s.Max != s.Min:
		return s.ValueAtFrac(s.Frac(s.Value) + d*s.Step/math.Abs(s.Max-s.Min))
	default:
		return s.ValueAtFrac(s.Frac(s.Value) + d/100)
	}
}

// Hovered reports whether the pointer is over the slider (or dragging it).
func (s *Slider) Hovered() bool { return s.hover }

// Dragging reports whether the knob is being dragged.
func (s *Slider) Dragging() bool { return s.dragging }

// Choice is a segmented control: one of Options is selected. With a Label
// its Rect holds a label line above the segments.
type Choice struct {
	Label    string
	Tip      string   // tip for the whole control
	Tips     []string // optional tip per option
	Rect     Rect
	Options  []string
	Index    int
	Disabled bool
	// Small draws the options in the small font, each segment as wide as
	// its label asks (the rest of the row shared out evenly): long option
	// names fit in one row.
	Small bool
	// Rows wraps the options into that many rows of equal segments (0 or
	// 1: one row; not with Small).
	Rows int

	hover int // hovered segment or -1
}

// rows is the number of rows the options take.
func (c *Choice) rows() int {
	if c.Small || c.Rows < 1 {
		return 1
	}
	return min(c.Rows, max(1, len(c.Options)))
}

// Height is the height the choice needs (label line if any, then a row).
func (c *Choice) Height() float64 {
	h := float64(c.rows()) * RowH
	if c.Label != "" {
		return LabelH + h
	}
	return h
}

// Segments returns the rectangle of each option.
func (c *Choice) Segments() []Rect {
	if len(c.Options) == 0 {
		return nil
	}
	out := make([]Rect, len(c.Options))
	for i := range out {
		out[i] = c.Segment(i)
	}
	return out
}

// Segment returns the rectangle of option i (of len(Options) equal parts
// of the row below the label).
func (c *Choice) Segment(i int) Rect {
	r := c.Rect
	if c.Label != "" {
		_, r = r.CutTop(LabelH, 0)
	}
	n := float64(len(c.Options))
	if rows := c.rows(); rows > 1 {
		per := (len(c.Options) + rows - 1) / rows
		w, h := r.W/float64(per), r.H/float64(rows)
		return Rect{X: r.X + float64(i%per)*w, Y: r.Y + float64(i/per)*h, W: w, H: h}
	}
	if !c.Small {
		w := r.W / n
		return Rect{X: r.X + float64(i)*w, Y: r.Y, W: w, H: r.H}
	}
	// Each label's width, and the rest of the row shared out evenly.
	total := 0.0
	for _, o := range c.Options {
		total += Measure(o, SmallSize)
	}
	extra := (r.W - total) / n
	x := r.X
	for j := range i {
		x += Measure(c.Options[j], SmallSize) + extra
	}
	return Rect{X: x, Y: r.Y, W: Measure(c.Options[i], SmallSize) + extra, H: r.H}
}

// Selected returns the selected option's text ("" if there are none).
func (c *Choice) Selected() string {
	if c.Index < 0 || c.Index >= len(c.Options) {
		return ""
	}
	return c.Options[c.Index]
}

// Update reports whether the selection changed.
func (c *Choice) Update(in *Input) (changed bool) {
	c.hover = -1
	for i := range c.Options {
		seg := c.Segment(i)
		if !in.Hover(seg) {
			continue
		}
		c.hover = i
		tip := c.Tip
		if i < len(c.Tips) && c.Tips[i] != "" {
			tip = c.Tips[i]
		}
		in.OfferTip(seg, tip)
		if !c.Disabled && in.PressedIn(seg) {
			in.Consume()
			changed = c.Index != i
			c.Index = i
		}
	}
	return changed
}

// Hovered returns the index of the hovered option, or -1.
func (c *Choice) Hovered() int { return c.hover }

// Tabs is the row of scene tabs: a Choice drawn as tabs.
type Tabs struct{ Choice }

// RoundSig rounds v to digits significant digits (0, NaN and ±Inf stay).
func RoundSig(v float64, digits int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(digits)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}
