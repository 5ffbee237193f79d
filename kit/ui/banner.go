package ui

// Banner is the dismissable strip that reports user errors (bad URL options,
// failed downloads) on top of the scene. The same message is not repeated.
type Banner struct {
	Msgs  []string
	Lines []string // Msgs wrapped to the banner's width by Layout
	Close Button   // the × at the right end
	Rect  Rect
}

// MaxBannerLines is how many messages the banner shows at once; older ones
// are dropped.
const MaxBannerLines = 4

// Add appends msg unless it is already shown.
func (b *Banner) Add(msg string) {
	for _, m := range b.Msgs {
		if m == msg {
			return
		}
	}
	b.Msgs = append(b.Msgs, msg)
	if len(b.Msgs) > MaxBannerLines {
		b.Msgs = b.Msgs[len(b.Msgs)-MaxBannerLines:]
	}
}

// Remove takes msg away (a failure that has been mended).
func (b *Banner) Remove(msg string) {
	for i, m := range b.Msgs {
		if m == msg {
			b.Msgs = append(b.Msgs[:i], b.Msgs[i+1:]...)
			return
		}
	}
}

// Visible reports whether there is anything to show.
func (b *Banner) Visible() bool { return len(b.Msgs) > 0 }

// BannerLineH is the height of one line of banner text.
const BannerLineH = 20.0

// Height is the banner's height for its wrapped lines (0 when empty).
func (b *Banner) Height() float64 {
	if len(b.Msgs) == 0 {
		return 0
	}
	return float64(len(b.Lines))*BannerLineH + 2*Pad
}

// Layout wraps the messages to the width of area, places the banner at its
// top and returns the rest.
func (b *Banner) Layout(area Rect) (rest Rect) {
	b.Lines = b.Lines[:0]
	for _, m := range b.Msgs {
		b.Lines = append(b.Lines, Wrap(m, area.W-3*Pad-RowH-16, FontSize)...)
	}
	b.Rect, rest = area.CutTop(b.Height(), 0)
	b.Close.Label = "×"
	b.Close.Tip = "Dismiss these messages (Esc)"
	b.Close.Rect = Rect{b.Rect.Right() - Pad - RowH, b.Rect.Y + (b.Rect.H-RowH)/2, RowH, RowH}
	return rest
}

// Update dismisses the banner on a click on × or the Escape key; a press
// anywhere else on the banner is swallowed so the scene below does not get
// it.
func (b *Banner) Update(in *Input) {
	if !b.Visible() {
		return
	}
	if b.Close.Update(in) || in.KeyPressed(KeyEscape) {
		b.Msgs, b.Lines = b.Msgs[:0], b.Lines[:0]
		in.DropKey(KeyEscape)
		return
	}
	if in.PressedIn(b.Rect) {
		in.Consume()
	}
}
