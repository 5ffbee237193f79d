package train

import (
	"io"
	"math"
	"strconv"
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
