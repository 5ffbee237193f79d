package digitsview

import (
	"fmt"
	"math"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

// The race table: seed 000's table (Model | Training Acc, Loss | Testing
// Acc, Loss) with a line per lane, then each lane's progress (step, a bar
// of its schedule, samples/s, what it does), then what the training
// columns judge. It takes the training view's left column in a race.

// RaceTitle is the race panel's title.
const RaceTitle = "Race: the lanes side by side"

// Sizes of the race table, in logical pixels.
const (
	raceRowH  = 20.0
	raceNameW = 84.0
)

// RaceTable is the race table laid out: its rows (as of the last live
// frame), where they go, and the note under them.
type RaceTable struct {
	Rows           []RaceRow
	Progress       []float64 // each lane's share of its schedule
	Table, Lanes   ui.Rect   // the figures' table and the progress table
	Cols           [5]float64
	Note           []string
	NoteY, NoteEnd float64
	stamp          int // counts layouts that changed the rows
	key            raceTableKey
}

type raceTableKey struct {
	panel ui.Rect
	race  int
	ok    bool
}

// layoutRaceTable refreshes the rows on live frames when a lane sent
// something, and lays the table out in L.RacePanel.
func (s *Scene) layoutRaceTable() {
	t := &s.RaceTable
	k := raceTableKey{s.L.RacePanel, s.race.stamp + s.client.Snaps, true}
	if t.key == k || (!s.live && t.key.ok && t.key.panel == k.panel) {
		return
	}
	t.key = k
	t.Rows = s.RaceRows()
	t.Progress = t.Progress[:0]
	for i := range t.Rows {
		c, _ := s.lane(i)
		p := 0.0
		if c.Snaps > 0 && c.Snap.Built {
			p = c.Snap.Progress
		}
		t.Progress = append(t.Progress, p)
	}
	in := ui.PanelContent(s.L.RacePanel, RaceTitle)
	n := float64(len(t.Rows))
	t.Table = ui.Rect{X: in.X, Y: in.Y, W: in.W, H: (2 + n) * raceRowH}
	w := (in.W - raceNameW) / 4
	for i := range t.Cols {
		t.Cols[i] = in.X + raceNameW + float64(i)*w // the left edge of each figure's column; Cols[4] the right end
	}
	t.Lanes = ui.Rect{X: in.X, Y: t.Table.Bottom() + ui.Gap, W: in.W, H: (1 + n) * (raceRowH + 4)}
	t.NoteY, t.NoteEnd = t.Lanes.Bottom()+ui.Gap, in.Bottom()
	note := s.raceNote()
	for _, r := range t.Rows {
		if r.Problem {
			note = "Lane " + r.Name + ": " + r.State + ". " + note
		}
	}
	t.Note = ui.Wrap(note, in.W, ui.SmallSize)
	t.stamp++
}

// raceNote says what the table's training columns judge, and how the
// command line gives the same table.
func (s *Scene) raceNote() string {
	n := "Training columns: the whole training set once a lane rests, as seed 000's table does; in grey while it trains, the last samples it trained on."
	if s.Cfg.Task == "4v9" && s.race.Spec.By == "model" {
		n += " A race of linear, vanilla and cnn trains the very models of `digitlab run table000 --steps N --seed S`: same data order, same initial weights, the same figures."
	}
	return n
}

// paintRaceTable draws the race table (the panel card is the chrome's).
func (s *Scene) paintRaceTable(l *paint.List) {
	t := &s.RaceTable
	if len(t.Rows) == 0 {
		return
	}
	small := ui.SmallSize
	head := func(text string, x0, x1, y float64) {
		l.TextIn(text, ui.Rect{X: x0, Y: y, W: x1 - x0, H: raceRowH}, small, paint.Bold, paint.Muted, paint.Center)
	}
	y := t.Table.Y
	w := t.Cols[1] - t.Cols[0]
	right := t.Table.Right()
	head("Training", t.Cols[0], t.Cols[0]+2*w, y)
	head("Testing", t.Cols[0]+2*w, right, y)
	y += raceRowH
	l.TextIn("Model", ui.Rect{X: t.Table.X, Y: y, W: raceNameW, H: raceRowH}, small, paint.Bold, paint.Muted, paint.Start)
	for i, h := range [4]string{"Acc", "Loss", "Acc", "Loss"} {
		head(h, t.Cols[0]+float64(i)*w, t.Cols[0]+float64(i+1)*w, y)
	}
	l.Fill(ui.Rect{X: t.Table.X, Y: y + raceRowH - 1, W: t.Table.W, H: 1}, paint.Border)
	y += raceRowH
	for i, r := range t.Rows {
		s.raceName(l, i, r.Name, t.Table.X, y)
		for j, v := range [4]float64{r.TrainAcc, r.TrainLoss, r.TestAcc, r.TestLoss} {
			txt, tone := "–", paint.Ink
			if !math.IsNaN(v) {
				txt = fmt.Sprintf("%.3f", v)
			}
			if j < 2 && !r.TrainWhole {
				tone = paint.Muted // the running figures: grey (the note says so)
			}
			l.TextIn(txt, ui.Rect{X: t.Cols[0] + float64(j)*w, Y: y, W: w - 2, H: raceRowH}, small, paint.Mono, tone, paint.End)
		}
		y += raceRowH
	}

	// Progress: step, samples/s and state, with a bar of the schedule.
	y = t.Lanes.Y
	cols := [4]float64{t.Lanes.X, t.Lanes.X + raceNameW, t.Lanes.X + raceNameW + 48, t.Lanes.X + raceNameW + 48 + 62}
	for i, h := range [4]string{"Lane", "step", "samples/s", "state"} {
		l.TextIn(h, ui.Rect{X: cols[i], Y: y, W: 62, H: raceRowH}, small, paint.Bold, paint.Muted, paint.Start)
	}
	y += raceRowH + 4
	for i, r := range t.Rows {
		s.raceName(l, i, r.Name, t.Lanes.X, y)
		l.TextIn(fmt.Sprint(r.Step), ui.Rect{X: cols[1], Y: y, W: 50, H: raceRowH}, small, paint.Mono, paint.Ink, paint.Start)
		rate := "–"
		if r.Rate > 0 {
			rate = fmt.Sprintf("%.0f", r.Rate)
		}
		l.TextIn(rate, ui.Rect{X: cols[2], Y: y, W: 56, H: raceRowH}, small, paint.Mono, paint.Ink, paint.Start)
		tone := paint.Ink
		if r.Problem {
			tone = paint.Bad
		}
		l.TextIn(fitText(r.State, t.Lanes.Right()-cols[3], small), ui.Rect{X: cols[3], Y: y, W: t.Lanes.Right() - cols[3], H: raceRowH}, small, paint.Regular, tone, paint.Start)
		bar := ui.Rect{X: cols[1], Y: y + raceRowH, W: t.Lanes.Right() - cols[1], H: 3}
		l.Fill(bar, paint.Track)
		if p := t.Progress[i]; p > 0 {
			l.Fill(ui.Rect{X: bar.X, Y: bar.Y, W: bar.W * math.Min(1, p), H: bar.H}, LaneColors[i%MaxLanes])
		}
		y += raceRowH + 4
	}
	y = t.NoteY
	for _, line := range t.Note {
		if y+ui.LineHeight(small) > t.NoteEnd {
			break
		}
		l.Text(line, t.Table.X, y, small, paint.Regular, paint.Muted, paint.Start)
		y += ui.LineHeight(small)
	}
}

// raceName draws lane i's colour swatch and name at (x, y).
func (s *Scene) raceName(l *paint.List, i int, name string, x, y float64) {
	l.Fill(ui.Rect{X: x, Y: y + raceRowH/2 - 5, W: 10, H: 10}, LaneColors[i%MaxLanes])
	l.TextIn(fitText(name, raceNameW-22, ui.SmallSize), ui.Rect{X: x + 14, Y: y, W: raceNameW - 20, H: raceRowH}, ui.SmallSize, paint.Regular, paint.Ink, paint.Start)
}

// fitText is s, cut with "…" to width w at size when it is wider.
func fitText(s string, w, size float64) string {
	if ui.Measure(s, size) <= w {
		return s
	}
	return trimToFit(s, "…", w, size) + "…"
}
