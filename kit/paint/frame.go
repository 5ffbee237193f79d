package paint

import (
	"image/color"

	"digitlab/kit/ui"
)

// Frame lays the frame around the scene into l, as the page draws it over
// the scene: the top bar (the app's name, the tabs, the download's
// progress, its failure with Retry, the copied link's note or the hints,
// "about" and "copy link"), the About card, the message banner and the PNG
// button on the panel under the pointer.
func Frame(l *List, s *ui.Shell) {
	l.Reset()
	bar := s.Bar
	l.Fill(bar, Card)
	l.Fill(ui.Rect{X: 0, Y: bar.Bottom() - 1, W: bar.W, H: 1}, Border)
	l.TextIn("Digit Lab", ui.Rect{X: bar.X + 8, Y: bar.Y, W: 140, H: ui.BarH}, ui.TitleSize, Bold, Ink, Start)
	l.Widget(&s.Tabs)
	barStatus(l, s)
	l.Widget(&s.Copy)
	l.Widget(&s.About.Open)
	if ab := &s.About; ab.Visible() {
		strip(l, ab.Rect, HoverBg, Accent, ab.Lines, ui.AboutLineH, &ab.Close)
		l.Fill(ui.Rect{X: ab.Rect.X, Y: ab.Rect.Bottom() - 1, W: ab.Rect.W, H: 1}, Border)
	}
	if b := &s.Banner; b.Visible() {
		strip(l, b.Rect, BannerBg, Bad, b.Lines, ui.BannerLineH, &b.Close)
		if b.More.Rect.W > 0 {
			l.Widget(&b.More)
		}
	}
	if b := &s.Snap.Button; !b.Rect.Empty() {
		l.Widget(b)
	}
}

// barStatus is the bar's right part (Shell.Info): the download's progress
// (bytes of total, a bar under them), its failure with Retry, the copied
// link's note, or the hints where they fit.
func barStatus(l *List, s *ui.Shell) {
	r := s.Info
	if r.H <= 0 {
		return // (a short page's bar without its row of hints)
	}
	switch ld := s.Load; {
	case ld.Loading():
		barR, line := r.CutBottom(12, 0)
		l.TextIn(ld.ProgressText(), line, ui.SmallSize, Regular, Muted, End)
		track := ui.Rect{X: barR.X + ui.Pad, Y: barR.Y + 1, W: barR.W - 2*ui.Pad, H: 4}
		l.Round(track, 2, Track)
		_, frac := ld.Progress()
		track.W *= frac
		l.Round(track, 2, Accent)
	case ld.Failed():
		msg, _ := r.CutRight(r.W-s.Retry.Rect.W-ui.Gap, 0)
		msg.X -= s.Retry.Rect.W + ui.Gap
		l.TextIn(s.FailTitle(), msg, ui.FontSize, Bold, Bad, End)
		l.Widget(&s.Retry)
	case s.CopiedNote() != "":
		l.TextIn(s.CopiedNote(), r, ui.SmallSize, Bold, Accent, End)
	default:
		if hint := s.Hint(); Measure(hint, ui.SmallSize, Regular)+2*ui.Pad < r.W {
			l.TextIn(hint, r, ui.SmallSize, Regular, Muted, End)
		}
	}
}

// strip is a strip under the bar (the About card, the banner): its
// background, a stripe on the left, its lines and its close button.
func strip(l *List, r ui.Rect, bg, stripe color.RGBA, lines []string, lineH float64, close *ui.Button) {
	l.Fill(r, bg)
	l.Fill(ui.Rect{X: r.X, Y: r.Y, W: 4, H: r.H}, stripe)
	for i, line := range lines {
		l.Text(line, r.X+ui.Pad+8, r.Y+ui.Pad+1+float64(i)*lineH, ui.FontSize, Regular, Ink, Start)
	}
	l.Widget(close)
}
