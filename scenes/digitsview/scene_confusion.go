package digitsview

import (
	"fmt"
	"image/color"
	"math"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

// The Confusion view: the confusion matrix of the latest evaluation of the
// whole test set (rows the true class, columns the predicted), with each
// class's recall and precision; a click on a cell shows its images in the
// Mistakes view (CmdCell).

// ConfusionTitle is the Confusion view's panel.
const ConfusionTitle = "Confusion matrix of the whole test set"

// ConfusionRects are where the Confusion view's parts are.
type ConfusionRects struct {
	Panel  ui.Rect
	Matrix ui.Rect // the k×k cells
	Cell   float64 // a cell's side
	Legend ui.Rect
	// HeadLines are the header's lines at width headW.
	HeadLines int
	headW     float64
}

// confusionState is the Confusion view's state besides its rectangles.
type confusionState struct {
	Hover  int // hovered cell t*k+p, -1 none
	Wanted int // the cell asked for (t*100+p), -1 none
}

// confusionK is the number of classes of the matrix shown (0: none yet).
func (s *Scene) confusionK() int {
	k := len(s.Snap.Names)
	if k == 0 || len(s.Snap.Confusion) != k*k || s.Snap.Full.Seq == 0 {
		return 0
	}
	return k
}

// layoutConfusion lays the view out in r and handles a click on a cell.
func (s *Scene) layoutConfusion(r ui.Rect, in *ui.Input) {
	L := &s.L.Conf
	L.Panel = r
	c := ui.PanelContent(r, ConfusionTitle)
	// The header: its first line and the explanation, wrapped (as many
	// lines as it takes at this width, cached).
	if L.headW != c.W {
		L.headW, L.HeadLines = c.W, 1+len(ui.Wrap(confusionHelp, c.W, ui.FontSize))
	}
	_, c = c.CutTop(float64(L.HeadLines)*ui.LineHeight(ui.FontSize)+6, 4)
	legH := ui.LineHeight(ui.SmallSize) + 16
	c.H -= legH + 8
	k := max(s.confusionK(), len(s.Snap.Names), 2)
	// Room for: the row labels and "true" on the left, the column labels
	// and "predicted" above, recall on the right, precision below.
	labW, recW := 70.0, 64.0
	topH, precH := 2*ui.LineHeight(ui.SmallSize)+4, ui.LineHeight(ui.SmallSize)+6
	if ui.Paged {
		precH += ui.LineHeight(ui.SmallSize) // (narrow columns: precision on two lines, staggered)
	}
	side := math.Floor(math.Min((c.W-labW-recW)/float64(k), (c.H-topH-precH)/float64(k)))
	side = math.Max(12, math.Min(side, 96))
	L.Cell = side
	L.Matrix = ui.Rect{X: c.X + labW, Y: c.Y + topH, W: side * float64(k), H: side * float64(k)}
	L.Legend = ui.Rect{X: c.X, Y: L.Matrix.Bottom() + precH + 10, W: c.W, H: legH}

	u := &s.conf
	u.Hover = -1
	kk := s.confusionK()
	if kk == 0 || !in.Hover(L.Matrix) {
		return
	}
	col := min(int((in.X-L.Matrix.X)/side), kk-1)
	row := min(int((in.Y-L.Matrix.Y)/side), kk-1)
	u.Hover = row*kk + col
	type key struct{ cell, n, seq int }
	n := s.Snap.Confusion[u.Hover]
	in.OfferTip(L.Matrix, tipFor(&s.tip, key{u.Hover, n, s.Snap.Full.Seq}, func() string { return s.confusionTip(row, col) }))
	if in.PressedIn(L.Matrix) {
		in.Consume()
		s.ShowCell(row, col)
	}
}

// ShowCell shows the test images of true class t predicted p in the
// Mistakes view (asking the worker for them).
func (s *Scene) ShowCell(t, p int) {
	s.conf.Wanted = t*100 + p
	s.client.Send(Command{Kind: CmdCell, N: t*100 + p})
	s.UI.View.Index = ViewMistakes
}

// ShowAllMistakes goes back to the most confident mistakes.
func (s *Scene) ShowAllMistakes() {
	s.conf.Wanted = -1
	s.client.Send(Command{Kind: CmdCell, N: -1})
}

// confusionTip is a cell's tooltip.
func (s *Scene) confusionTip(t, p int) string {
	k := s.confusionK()
	n := s.Snap.Confusion[t*k+p]
	row := 0
	for j := range k {
		row += s.Snap.Confusion[t*k+j]
	}
	what := "predicted"
	if t == p {
		what = "correctly predicted"
	}
	return fmt.Sprintf("%d test images of a %s %s %s (%.1f%% of the %ss); click to see them", n, s.ClassName(t), what, s.ClassName(p),
		100*float64(n)/math.Max(1, float64(row)), s.ClassName(t))
}

// ConfusionHeader is the view's first two lines: the evaluation and what
// to do.
func (s *Scene) ConfusionHeader() []Info {
	if s.confusionK() == 0 {
		h := s.MistakesHeader()
		return []Info{h}
	}
	j := s.Snap.Full
	first := Info{fmt.Sprintf("%d test images at step %d: accuracy %.4f (%d wrong)", j.N, j.Step, j.Acc, j.Wrong), true, ToneText}
	if sn := s.Snap; sn.Evaluating && sn.EvalFull {
		first.Text += fmt.Sprintf(" · judging step %d… %.0f%%", sn.Step, 100*sn.EvalProgress)
	} else if sn.Step > j.Step {
		first.Text += fmt.Sprintf(" · the model is at step %d now", sn.Step)
	}
	return []Info{first, {confusionHelp, false, ToneMuted}}
}

// confusionHelp is the header's second part: how to read the matrix.
const confusionHelp = "rows: the true digit, columns: what the model said; recall = right of the row, precision = right of the column. Click a cell to see its images."

// Colours of the cells: the diagonal (right) green, the rest (confused)
// red, deeper for a larger share of the row.
var (
	confRight = color.RGBA{0x24, 0x95, 0x57, 0xff}
	confWrong = color.RGBA{0xd6, 0x3a, 0x2f, 0xff}
)

// confColor is a cell's colour for a share f of its row.
func confColor(f float64, diag bool) color.RGBA {
	c := confWrong
	if diag {
		c = confRight
	} else {
		f = math.Min(1, 4*f) // mistakes are rarer: 25 % of a row is the deepest red
	}
	mix := func(a uint8) uint8 { return uint8(255 - f*(255-float64(a))) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

// ConfusionKey describes the Confusion view's content.
type ConfusionKey struct {
	seq, hover, k int
	panel, matrix ui.Rect
	step          int
	busy          bool
	pct           int
}

// ConfusionKey returns what the Confusion view shows now.
func (s *Scene) ConfusionKey() ConfusionKey {
	sn := s.Snap
	return ConfusionKey{sn.Full.Seq, s.conf.Hover, s.confusionK(), s.L.Conf.Panel, s.L.Conf.Matrix, sn.Step,
		sn.Evaluating && sn.EvalFull, int(100 * sn.EvalProgress)}
}

// ConfusionList is the Confusion view's content.
func (s *Scene) ConfusionList() *paint.List {
	return s.pl.conf.get(s.ConfusionKey(), s.paintConfusion)
}

// paintConfusion draws the header, the matrix with its labels, recall and
// precision, and the legend.
func (s *Scene) paintConfusion(l *paint.List) {
	L := &s.L.Conf
	c := ui.PanelContent(L.Panel, ConfusionTitle)
	y, lines := c.Y, 0
	for _, t := range s.ConfusionHeader() {
		for _, line := range ui.Wrap(t.Text, c.W, ui.FontSize) {
			if lines++; lines > max(2, L.HeadLines) {
				break // (the first line wrapped: a judgement's progress is left out)
			}
			t.Text = line
			info(l, t, c.X, y, ui.FontSize, paint.Start)
			y += ui.LineHeight(ui.FontSize)
		}
	}
	k := s.confusionK()
	if k == 0 {
		return
	}
	m, side := L.Matrix, L.Cell
	cm := s.Snap.Confusion
	small := ui.LineHeight(ui.SmallSize)
	font := math.Min(ui.FontSize, side*0.42)
	l.Text("predicted", m.X+m.W/2, m.Y-2*small-4, ui.SmallSize, paint.Bold, paint.Muted, paint.Center)
	l.Text("true", m.X-60, m.Y-small-2, ui.SmallSize, paint.Bold, paint.Muted, paint.Start)
	l.Text("recall", m.Right()+8, m.Y-small-2, ui.SmallSize, paint.Bold, paint.Muted, paint.Start)
	l.Text("precision", m.X-60, m.Bottom()+4, ui.SmallSize, paint.Bold, paint.Muted, paint.Start)
	for p := range k {
		l.Text(s.ClassName(p), m.X+(float64(p)+0.5)*side, m.Y-small-2, ui.SmallSize, paint.Regular, paint.Ink, paint.Center)
	}
	for t := range k {
		row := 0
		for p := range k {
			row += cm[t*k+p]
		}
		cy := m.Y + float64(t)*side
		l.Text(s.ClassName(t), m.X-8, cy+side/2-small/2, ui.SmallSize, paint.Regular, paint.Ink, paint.End)
		for p := range k {
			n := cm[t*k+p]
			f := float64(n) / math.Max(1, float64(row))
			cell := ui.Rect{X: m.X + float64(p)*side, Y: cy, W: side - 1, H: side - 1}
			bg := confColor(f, t == p)
			l.Fill(cell, bg)
			if t*k+p == s.conf.Hover {
				l.Stroke(cell.Inset(1), 2, paint.Accent)
			}
			fg := paint.Ink
			if int(bg.R)+int(bg.G)+int(bg.B) < 3*150 {
				fg = paint.Card
			}
			if n > 0 || side >= 24 {
				l.TextIn(fmt.Sprint(n), cell, font, paint.Regular, fg, paint.Center)
			}
		}
		l.Text(pct(cm[t*k+t], row), m.Right()+8, cy+side/2-small/2, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
	}
	// Precision: with one decimal, or in whole percents all along the row
	// where one of them would not fit its column.
	colSum := func(p int) (n int) {
		for t := range k {
			n += cm[t*k+p]
		}
		return n
	}
	whole := false
	for p := range k {
		whole = whole || paint.Measure(pct(cm[p*k+p], colSum(p)), ui.SmallSize, paint.Regular) > side-4
	}
	// Where even whole percents are wider than a column (a page's narrow
	// matrix), every other one goes a line lower.
	stagger := ui.Paged && whole && paint.Measure("100%", ui.SmallSize, paint.Regular) > side-2
	for p := range k {
		t := pct(cm[p*k+p], colSum(p))
		if n := colSum(p); whole && n > 0 {
			t = fmt.Sprintf("%.0f%%", 100*float64(cm[p*k+p])/float64(n))
		}
		y := m.Bottom() + 4
		if stagger && p%2 == 1 {
			y += small
		}
		l.Text(t, m.X+(float64(p)+0.5)*side, y, ui.SmallSize, paint.Regular, paint.Ink, paint.Center)
	}
	// The legend: the two colour scales.
	lg := L.Legend
	l.Picture(ConfusionPicture, L.Matrix)
	l.Legend(ConfusionPicture, lg)
	x := lg.X
	for _, diag := range []bool{true, false} {
		bar := ui.Rect{X: x, Y: lg.Y + 2, W: 100, H: 10}
		for i := range 20 {
			f := float64(i) / 19
			if !diag {
				f /= 4
			}
			l.Fill(ui.Rect{X: bar.X + float64(i)*5, Y: bar.Y, W: 5.5, H: bar.H}, confColor(f, diag))
		}
		l.Stroke(bar, 1, paint.Border)
		what := "right: 0 … 100% of the row"
		if !diag {
			what = "confused: 0 … 25%+ of the row"
		}
		l.Text(what, bar.X, bar.Bottom()+2, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
		x += math.Max(200, paint.Measure(what, ui.SmallSize, paint.Regular)+24)
	}
}

// pct is a/b as a percentage ("–" for b = 0).
func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

// confusionStatus adds the view's figures to the status.
func (s *Scene) confusionStatus(m map[string]any) {
	L := &s.L.Conf
	m["confusionRect"] = []float64{L.Matrix.X, L.Matrix.Y, L.Matrix.W, L.Matrix.H}
	m["mistakesCell"] = nil
	if t, p, ok := s.Snap.Cell(); ok {
		m["mistakesCell"] = []float64{float64(t), float64(p)}
	}
	shown := make([]any, len(s.Snap.Mistakes))
	for i, w := range s.Snap.Mistakes {
		shown[i] = []float64{float64(w.Index), float64(w.Label), float64(w.Pred)}
	}
	m["mistakesShown"] = shown
	u := &s.UI
	m["mistakesFrom"], m["mistakesOf"], m["mistakesFit"] = s.Snap.MistakesFrom, s.Snap.MistakesOf, len(s.L.MistCells)
	m["mistPrevRect"] = []float64{u.MistPrev.Rect.X, u.MistPrev.Rect.Y, u.MistPrev.Rect.W, u.MistPrev.Rect.H}
	m["mistNextRect"] = []float64{u.MistNext.Rect.X, u.MistNext.Rect.Y, u.MistNext.Rect.W, u.MistNext.Rect.H}
}
