package train

import (
	"bytes"
	"encoding/csv"
	"math"
	"reflect"
	"strconv"
	"testing"
)

// TestWriteHistoryCSV: the CSV parses with encoding/csv into one row per
// point, the numbers read back equal, and NaN is an empty cell.
func TestWriteHistoryCSV(t *testing.T) {
	points := []Point{
		{Samples: 0, Step: 0, TrainLoss: math.NaN(), TrainAcc: math.NaN(), TestLoss: 0.6931471805599453, TestAcc: 0.5, N: 500},
		{Samples: 2000, Step: 2000, Epoch: 0, TrainLoss: 0.25, TrainAcc: 0.9125, TestLoss: 0.2013, TestAcc: 0.94, N: 500},
		{Samples: 12000, Step: 375, Epoch: 1, TrainLoss: 0.125, TrainAcc: 0.96875, TestLoss: math.NaN(), TestAcc: math.NaN()},
	}
	var buf bytes.Buffer
	if err := WriteHistoryCSV(&buf, points); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(points) || len(rows[0]) != 8 || rows[0][3] != "train_loss" {
		t.Fatalf("rows %q", rows)
	}
	for i, p := range points {
		r := rows[i+1]
		for j, want := range []float64{float64(p.Step), float64(p.Epoch), float64(p.Samples), p.TrainLoss, p.TrainAcc, p.TestLoss, p.TestAcc, float64(p.N)} {
			if math.IsNaN(want) {
				if r[j] != "" {
					t.Errorf("row %d column %s: %q, want empty for NaN", i, rows[0][j], r[j])
				}
				continue
			}
			got, err := strconv.ParseFloat(r[j], 64)
			if err != nil || math.Abs(got-want) > 1e-7*math.Max(1, math.Abs(want)) {
				t.Errorf("row %d column %s: %q, want %v", i, rows[0][j], r[j], want)
			}
		}
	}
}

// TestWriteLanesCSV: one row per step of any lane, in order; each lane's
// cells as WriteHistoryCSV writes them, empty where it has no point; the
// file reads back with encoding/csv to the same figures.
func TestWriteLanesCSV(t *testing.T) {
	nan := math.NaN()
	a := []Point{{Samples: 10, Step: 10, TrainLoss: 0.5, TrainAcc: 0.75, TestLoss: 0.25, TestAcc: 0.875, N: 100},
		{Samples: 30, Step: 30, Epoch: 1, TrainLoss: 0.125, TrainAcc: nan, TestLoss: 0.0625, TestAcc: 1, N: 100}}
	b := []Point{{Samples: 20, Step: 20, TrainLoss: 1, TrainAcc: 0.5, TestLoss: 2, TestAcc: 0.5, N: 7},
		{Samples: 30, Step: 30, TrainLoss: 0.5, TrainAcc: 0.5, TestLoss: 1, TestAcc: 0.5, N: 7}}
	var buf bytes.Buffer
	if err := WriteLanesCSV(&buf, []string{"linear", "cnn"}, [][]Point{a, b}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"step", "linear:epoch", "linear:samples", "linear:train_loss", "linear:train_acc", "linear:test_loss", "linear:test_acc", "linear:test_n",
			"cnn:epoch", "cnn:samples", "cnn:train_loss", "cnn:train_acc", "cnn:test_loss", "cnn:test_acc", "cnn:test_n"},
		{"10", "0", "10", "0.5", "0.75", "0.25", "0.875", "100", "", "", "", "", "", "", ""},
		{"20", "", "", "", "", "", "", "", "0", "20", "1", "0.5", "2", "0.5", "7"},
		{"30", "1", "30", "0.125", "", "0.0625", "1", "100", "0", "30", "0.5", "0.5", "1", "0.5", "7"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("CSV rows:\n%q\nwant\n%q", rows, want)
	}
	if err := WriteLanesCSV(&buf, []string{"x"}, nil); err == nil {
		t.Error("a name without a history: no error")
	}
}
