package ui

import (
	"strconv"

	"digitlab/excerpt"
)

// Banner is the dismissable strip that reports user errors (bad URL options,
// failed downloads) on top of the scene. The same message is not repeated.
// It shows at most BannerLines lines; a "more" button opens the rest (up
// to BannerMaxLines) and "less" closes them again, so a long message never
// takes the scene's height.
type Banner struct {
	Msgs     []string
	Lines    []string // the lines shown: Msgs wrapped to the banner's width by Layout
	Hidden   int      // wrapped lines not shown
	Expanded bool     // "more" was pressed
	Close    Button   // the × at the right end
	More     Button   // "more (n lines)" / "less", beside ×, when lines are hidden
	Rect     Rect

	all     []string // every wrapped line
	wrapped struct { // what all was wrapped for
		w   float64
		gen int
	}
	gen       int // counts changes to Msgs
	moreLabel int // the Hidden count More's label says, -1 for "less"
}

const (
	// MaxBannerLines is how many messages the banner keeps at once; older
	// ones are dropped.
	MaxBannerLines = 4
	// MaxBannerMsg is how many characters of one message the banner keeps.
	MaxBannerMsg = 300
	// BannerLines is how many lines the banner shows until "more" is
	// pressed, and BannerMaxLines how many it shows then.
	BannerLines    = 3
	BannerMaxLines = 12
)

// Add appends msg, cut to MaxBannerMsg characters, unless it is already
// shown.
func (b *Banner) Add(msg string) {
	if head, whole := excerpt.Cut(msg, MaxBannerMsg); !whole {
		msg = head + "…"
	}
	for _, m := range b.Msgs {
		if m == msg {
			return
		}
	}
	b.Msgs = append(b.Msgs, msg)
	if len(b.Msgs) > MaxBannerLines {
		b.Msgs = b.Msgs[len(b.Msgs)-MaxBannerLines:]
	}
	b.gen++
}

// Remove takes msg away (a failure that has been mended).
func (b *Banner) Remove(msg string) {
	if head, whole := excerpt.Cut(msg, MaxBannerMsg); !whole {
		msg = head + "…"
	}
	for i, m := range b.Msgs {
		if m == msg {
			b.Msgs = append(b.Msgs[:i], b.Msgs[i+1:]...)
			b.gen++
			return
		}
	}
}

// Clear takes every message away.
func (b *Banner) Clear() {
	b.Msgs, b.Lines, b.all, b.Hidden, b.Expanded = b.Msgs[:0], b.Lines[:0], b.all[:0], 0, false
	b.More.Rect = Rect{}
	b.gen++
}

// Visible reports whether there is anything to show.
func (b *Banner) Visible() bool { return len(b.Msgs) > 0 }

// BannerLineH is the height of one line of banner text.
const BannerLineH = 20.0

// Height is the banner's height for its shown lines (0 when empty).
func (b *Banner) Height() float64 {
	if len(b.Msgs) == 0 {
		return 0
	}
	return float64(len(b.Lines))*BannerLineH + 2*Pad
}

// bannerMoreW is the width of the "more" button.
const bannerMoreW = 120

// Layout wraps the messages to the width of area (again only when they or
// the width changed), picks the lines shown, places the banner at its top
// and returns the rest.
func (b *Banner) Layout(area Rect) (rest Rect) {
	w := area.W - 4*Pad - RowH - bannerMoreW - 16
	if b.wrapped.w != w || b.wrapped.gen != b.gen {
		b.all = b.all[:0]
		for _, m := range b.Msgs {
			b.all = append(b.all, Wrap(m, w, FontSize)...)
		}
		b.wrapped.w, b.wrapped.gen = w, b.gen
	}
	shown := min(len(b.all), BannerLines)
	if b.Expanded {
		shown = min(len(b.all), BannerMaxLines)
	}
	b.Lines, b.Hidden = b.all[:shown], len(b.all)-shown
	b.Rect, rest = area.CutTop(b.Height(), 0)
	b.Close.Label = "×"
	b.Close.Tip = "Dismiss these messages (Esc)"
	b.Close.Rect = Rect{b.Rect.Right() - Pad - RowH, b.Rect.Y + Pad, RowH, RowH}
	b.More.Rect = Rect{}
	if b.Hidden > 0 || b.Expanded {
		b.More.Rect = Rect{b.Close.Rect.X - Pad - bannerMoreW, b.Close.Rect.Y, bannerMoreW, RowH}
		switch {
		case b.Expanded && b.moreLabel != -1:
			b.More.Label, b.More.Tip, b.moreLabel = "less", "Show the first lines only", -1
		case !b.Expanded && b.moreLabel != b.Hidden:
			lines := " lines)"
			if b.Hidden == 1 {
				lines = " line)"
			}
			b.More.Label, b.More.Tip, b.moreLabel = "more ("+strconv.Itoa(b.Hidden)+lines, "Show the whole message", b.Hidden
		}
	}
	return rest
}

// Update dismisses the banner on a click on × or the Escape key and opens
// or closes the hidden lines on a click on "more"/"less"; a press anywhere
// else on the banner is swallowed so the scene below does not get it.
func (b *Banner) Update(in *Input) {
	if !b.Visible() {
		return
	}
	if b.Close.Update(in) || in.KeyPressed(KeyEscape) {
		b.Clear()
		in.DropKey(KeyEscape)
		return
	}
	if b.More.Rect.W > 0 && b.More.Update(in) {
		b.Expanded = !b.Expanded
		return
	}
	if in.PressedIn(b.Rect) {
		in.Consume()
	}
}
