package experiments

import (
	"digitlab/train"
	"fmt"
	"math"
	"strings"
)

// Row is one line of a seed's results table. NaN means "not reported".
type Row struct {
	Model               string
	TrainAcc, TrainLoss float64
	TestAcc, TestLoss   float64
}

// Table is the result of an experiment.
type Table struct {
	Name  string // experiment name, e.g. "table000"
	Title string
	Seed  string // "000".."003"
	Rows  []Row  // measured
	// Want holds the figures the seed reports, in the order of Rows
	// (NaN where the seed reports nothing).
	Want []Row
	// Summary is a layer table (cnn10-tanh) or a model description.
	Summary string
	// History holds, per row, the test evaluations taken during training
	// (mlp10 after every epoch, as its seed prints them); nil otherwise.
	History map[string][]train.Point
	Notes   []string
}

// Row returns the measured row called model, or false.
func (t *Table) Row(model string) (Row, bool) {
	for _, r := range t.Rows {
		if r.Model == model {
			return r, true
		}
	}
	return Row{}, false
}

func fmtNum(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

// String formats the table as the seed prints it, then the seed's own
// figures, the summary and the notes.
func (t *Table) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s (seed %s)\n\n", t.Name, t.Title, t.Seed)
	writeRows(&b, t.Rows)
	if len(t.Want) > 0 {
		fmt.Fprintf(&b, "\nseed %s reports:\n", t.Seed)
		writeRows(&b, t.Want)
	}
	if t.Summary != "" {
		b.WriteString("\n")
		b.WriteString(strings.TrimRight(t.Summary, "\n"))
		b.WriteString("\n")
	}
	for _, n := range t.Notes {
		fmt.Fprintf(&b, "\n%s", n)
	}
	if len(t.Notes) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

func writeRows(b *strings.Builder, rows []Row) {
	head := []string{"Model", "Training Acc", "Training Loss", "Testing Acc", "Testing Loss"}
	cells := [][]string{head}
	for _, r := range rows {
		cells = append(cells, []string{r.Model, fmtNum(r.TrainAcc), fmtNum(r.TrainLoss), fmtNum(r.TestAcc), fmtNum(r.TestLoss)})
	}
	w := make([]int, len(head))
	for _, c := range cells {
		for i, s := range c {
			w[i] = max(w[i], len([]rune(s)))
		}
	}
	for _, c := range cells {
		for i, s := range c {
			if i > 0 {
				b.WriteString(" | ")
			}
			pad := w[i] - len([]rune(s))
			if i == 0 {
				b.WriteString(s + strings.Repeat(" ", pad))
			} else {
				b.WriteString(strings.Repeat(" ", pad) + s)
			}
		}
		b.WriteString("\n")
	}
}

var nan = math.NaN()

func itoa(n int) string { return fmt.Sprint(n) }
