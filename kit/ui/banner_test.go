package ui

import (
	"strings"
	"testing"
)

func TestBannerDedupAndCap(t *testing.T) {
	t.Parallel()
	var b Banner
	b.Add("x")
	b.Add("x")
	if len(b.Msgs) != 1 {
		t.Errorf("same message twice gave %d lines, want 1", len(b.Msgs))
	}
	for _, m := range []string{"a", "b", "c", "d", "e"} {
		b.Add(m)
	}
	if len(b.Msgs) != MaxBannerLines || b.Msgs[len(b.Msgs)-1] != "e" {
		t.Errorf("Msgs = %q, want the last %d", b.Msgs, MaxBannerLines)
	}
}

func TestBannerDismiss(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		ticks func(b *Banner) []tick
		keys  []Key
	}{
		{"click on the close button", func(b *Banner) []tick {
			x, y := b.Close.Rect.Center()
			return []tick{{x, y, true}, {x, y, false}}
		}, nil},
		{"escape key", func(*Banner) []tick { return []tick{{500, 500, false}} }, []Key{KeyEscape}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			var b Banner
			b.Add("bad option")
			rest := b.Layout(Rect{0, 44, 1000, 600})
			if rest.Y != 44+b.Height() {
				t.Errorf("area below banner starts at %v, want %v", rest.Y, 44+b.Height())
			}
			feed(&Input{}, tt.ticks(&b), func(in *Input) bool {
				in.Keys = append(in.Keys, tt.keys...)
				b.Update(in)
				return false
			})
			if b.Visible() {
				t.Errorf("banner still visible after %s", tt.desc)
			}
		})
	}
}

func TestBannerSwallowsPress(t *testing.T) {
	t.Parallel()
	var b Banner
	b.Add("m")
	b.Layout(Rect{0, 0, 1000, 600})
	in := &Input{X: 10, Y: 10, Pointer: true, Down: true, Pressed: true}
	b.Update(in)
	if !in.Consumed() {
		t.Errorf("a press on the banner text was not consumed")
	}
}

func TestBannerWrapsLongMessages(t *testing.T) {
	t.Parallel()
	var b Banner
	long := strings.Repeat("word ", 60)
	b.Add(long)
	b.Add("short")
	rest := b.Layout(Rect{0, 0, 500, 600})
	if len(b.Lines) < 3 {
		t.Fatalf("a %d-character message in a 500-px banner gave %d lines, want it wrapped", len(long), len(b.Lines))
	}
	for _, l := range b.Lines {
		if w := Measure(l, FontSize); w > 500 {
			t.Errorf("line %q is %v px wide, more than the banner", l, w)
		}
	}
	if rest.Y != b.Height() || b.Height() != float64(len(b.Lines))*BannerLineH+2*Pad {
		t.Errorf("banner height %v, rest at %v; want %d lines of %v plus padding", b.Height(), rest.Y, len(b.Lines), BannerLineH)
	}
}

// TestBannerRemove: Remove takes one message away and keeps the others in
// order; an unknown message changes nothing.
func TestBannerRemove(t *testing.T) {
	var b Banner
	for _, m := range []string{"a", "b", "c"} {
		b.Add(m)
	}
	b.Remove("b")
	b.Remove("zz")
	if len(b.Msgs) != 2 || b.Msgs[0] != "a" || b.Msgs[1] != "c" {
		t.Errorf("after Remove(b): %q, want [a c]", b.Msgs)
	}
	b.Remove("a")
	b.Remove("c")
	if b.Visible() {
		t.Errorf("after removing all: %q", b.Msgs)
	}
}

// TestBannerLongMessage: a 65 KB message (a forged model name, a 1 MiB URL
// value) is kept to MaxBannerMsg characters and shown in BannerLines
// lines with a "more" button; "more" shows up to BannerMaxLines, "less"
// closes them, and laying out an unchanged banner allocates nothing.
func TestBannerLongMessage(t *testing.T) {
	var b Banner
	b.Add("nn: weights file: " + strings.Repeat("evil name ", 6500))
	b.Add("option lr=\"x\": not a number, kept the current value")
	if n := len([]rune(b.Msgs[0])); n > MaxBannerMsg+1 {
		t.Errorf("kept %d characters of a 65 KB message, want ≤ %d", n, MaxBannerMsg+1)
	}
	area := Rect{0, 44, 1024, 600}
	rest := b.Layout(area)
	if len(b.Lines) != BannerLines || b.Hidden == 0 || b.More.Rect.W == 0 {
		t.Fatalf("collapsed: %d lines shown, %d hidden, more button %v; want %d shown and a more button", len(b.Lines), b.Hidden, b.More.Rect, BannerLines)
	}
	if rest.Y > area.Y+float64(BannerLines)*BannerLineH+2*Pad {
		t.Errorf("the scene starts at %v, pushed below %d banner lines", rest.Y, BannerLines)
	}
	if !strings.HasPrefix(b.More.Label, "more (") || b.More.Rect.Right() > b.Close.Rect.X {
		t.Errorf("more button %q at %v, close at %v", b.More.Label, b.More.Rect, b.Close.Rect)
	}
	for _, l := range b.Lines {
		if Measure(l, FontSize) > b.More.Rect.X-b.Rect.X {
			t.Errorf("line %q runs under the more button", l)
		}
	}
	if a := testing.AllocsPerRun(50, func() { b.Layout(area) }); a != 0 {
		t.Errorf("Layout of an unchanged banner: %v allocations, want 0", a)
	}

	x, y := b.More.Rect.Center()
	feed(&Input{}, []tick{{x, y, true}, {x, y, false}}, func(in *Input) bool { b.Update(in); return false })
	b.Layout(area)
	all := len(b.Lines) + b.Hidden
	if !b.Expanded || len(b.Lines) != min(all, BannerMaxLines) || b.More.Label != "less" {
		t.Fatalf("after more: expanded %v, %d of %d lines shown, button %q", b.Expanded, len(b.Lines), all, b.More.Label)
	}
	feed(&Input{}, []tick{{x, y, true}, {x, y, false}}, func(in *Input) bool { b.Update(in); return false })
	b.Layout(area)
	if b.Expanded || len(b.Lines) != BannerLines || !b.Visible() {
		t.Errorf("after less: expanded %v, %d lines, visible %v", b.Expanded, len(b.Lines), b.Visible())
	}

	// A short message shows whole, without the button.
	var s Banner
	s.Add("short")
	s.Layout(area)
	if len(s.Lines) != 1 || s.Hidden != 0 || s.More.Rect.W != 0 {
		t.Errorf("short message: %d lines, %d hidden, more %v", len(s.Lines), s.Hidden, s.More.Rect)
	}
}
