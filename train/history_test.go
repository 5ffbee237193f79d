package train

import (
	"bytes"
	"encoding/csv"
	"math"
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
