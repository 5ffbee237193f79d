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
