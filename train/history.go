package train

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// HistoryCSVHeader is the first line WriteHistoryCSV writes.
const HistoryCSVHeader = "step,epoch,samples,train_loss,train_acc,test_loss,test_acc,test_n"

// WriteHistoryCSV writes points as CSV, one row per point after the
// header: the step, epoch and samples seen, the running training loss
// and accuracy, and the test loss, accuracy and the number of test images
// they were judged on. A figure not known at a point (NaN) is an empty
// cell, as spreadsheets and pandas.read_csv read a missing value.
func WriteHistoryCSV(w io.Writer, points []Point) error {
	b := append([]byte(HistoryCSVHeader), '\n')
	num := func(b []byte, v float64) []byte {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return b
		}
		return strconv.AppendFloat(b, v, 'g', 8, 64)
	}
	for _, p := range points {
		b = strconv.AppendInt(b, int64(p.Step), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.Epoch), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, p.Samples, 10)
		for _, v := range [...]float64{p.TrainLoss, p.TrainAcc, p.TestLoss, p.TestAcc} {
			b = num(append(b, ','), v)
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.N), 10)
		b = append(b, '\n')
	}
	_, err := w.Write(b)
	return err
}

// WriteLanesCSV writes the histories of several runs raced side by side
// (one per lane, named by names) as one CSV: a row per step at which any
// lane has a point, in order, the step first and then each lane's column
// set as WriteHistoryCSV has it without the step, headed "name:column"
// ("cnn:test_acc"). A lane without a point at a row's step leaves its
// cells empty.
func WriteLanesCSV(w io.Writer, names []string, hists [][]Point) error {
	if len(names) != len(hists) {
		return fmt.Errorf("train: %d lane names for %d histories", len(names), len(hists))
	}
	cols := strings.Split(HistoryCSVHeader, ",")[1:]
	b := []byte("step")
	for _, n := range names {
		for _, c := range cols {
			b = append(append(append(append(b, ','), n...), ':'), c...)
		}
	}
	b = append(b, '\n')
	num := func(b []byte, v float64) []byte {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return b
		}
		return strconv.AppendFloat(b, v, 'g', 8, 64)
	}
	next := make([]int, len(hists)) // each lane's next point
	for {
		step, any := 0, false
		for i, h := range hists {
			if next[i] < len(h) && (!any || h[next[i]].Step < step) {
				step, any = h[next[i]].Step, true
			}
		}
		if !any {
			break
		}
		b = strconv.AppendInt(b, int64(step), 10)
		for i, h := range hists {
			if next[i] >= len(h) || h[next[i]].Step != step {
				b = append(b, ",,,,,,,"...)
				continue
			}
			p := h[next[i]]
			next[i]++
			b = strconv.AppendInt(append(b, ','), int64(p.Epoch), 10)
			b = strconv.AppendInt(append(b, ','), p.Samples, 10)
			for _, v := range [...]float64{p.TrainLoss, p.TrainAcc, p.TestLoss, p.TestAcc} {
				b = num(append(b, ','), v)
			}
			b = strconv.AppendInt(append(b, ','), int64(p.N), 10)
		}
		b = append(b, '\n')
	}
	_, err := w.Write(b)
	return err
}
