package experiments

import (
	"math"
	"testing"

	"digitlab/datasets"
)

// testData is shared by all tests: MNIST is parsed once.
var testData = NewData()

// fourNine returns seed 000's preprocessed 4-vs-9 sets or fails the test
// (never skips) with datasets' advice on how to get MNIST.
func fourNine(t *testing.T, seed uint64) (train, test *datasets.Set) {
	t.Helper()
	tr, te, err := testData.FourNine(newRand(seed))
	if err != nil {
		t.Fatalf("MNIST is needed for this test: %v", err)
	}
	return tr, te
}

// run runs an experiment or fails the test.
func run(t *testing.T, f func(*Data, Config) (*Table, error), seed uint64) *Table {
	t.Helper()
	tab, err := f(testData, Config{Seed: seed})
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	t.Logf("seed %d:\n%s", seed, tab)
	return tab
}

func row(t *testing.T, tab *Table, model string) Row {
	t.Helper()
	r, ok := tab.Row(model)
	if !ok {
		t.Fatalf("%s has no row %q", tab.Name, model)
	}
	return r
}

// within checks |got − want| ≤ tol.
func within(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.4f, want %.3f ± %.3f", what, got, want, tol)
	}
}

// atLeast checks got ≥ min.
func atLeast(t *testing.T, what string, got, min float64) {
	t.Helper()
	if !(got >= min) {
		t.Errorf("%s = %.4f, want ≥ %.3f", what, got, min)
	}
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
