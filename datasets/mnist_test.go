package datasets

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var mnist struct {
	once        sync.Once
	train, test *Set
	err         error
}

// loadMNIST loads the real MNIST files once. Missing data is a failure,
// not a skip: the error says how to get the files.
func loadMNIST(t testing.TB) (train, test *Set) {
	t.Helper()
	mnist.once.Do(func() {
		dir, err := MNISTDir()
		if err != nil {
			mnist.err = err
			return
		}
		mnist.train, mnist.test, mnist.err = LoadMNIST(dir)
	})
	if mnist.err != nil {
		t.Fatal(mnist.err)
	}
	return mnist.train, mnist.test
}

func rawSum(s *Set, i int) int {
	n := 0
	for _, v := range s.Raw(i) {
		n += int(v)
	}
	return n
}

func TestMNISTReal(t *testing.T) {
	train, test := loadMNIST(t)
	// Golden values computed independently with Python's gzip and struct
	// modules from the same files.
	for _, tc := range []struct {
		desc              string
		s                 *Set
		n, first, last    int
		sumFirst, sumLast int
		total             int
		counts            []int
	}{
		{"train", train, 60000, 5, 8, 27525, 20920, 1567298545,
			[]int{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}},
		{"t10k", test, 10000, 7, 6, 18454, 41833, 264923200,
			[]int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			s := tc.s
			if s.Len() != tc.n || s.H != 28 || s.W != 28 || s.C != 1 {
				t.Fatalf("%s: %d samples (%d,%d,%d), want %d (28,28,1)", tc.desc, s.Len(), s.H, s.W, s.C, tc.n)
			}
			if cap(s.pix) != len(s.pix) {
				t.Errorf("cap(pix) = %d, len %d: want one exact allocation", cap(s.pix), len(s.pix))
			}
			if s.Digit(0) != tc.first || s.Digit(tc.n-1) != tc.last {
				t.Errorf("labels first/last = %d/%d, want %d/%d", s.Digit(0), s.Digit(tc.n-1), tc.first, tc.last)
			}
			if a, b := rawSum(s, 0), rawSum(s, tc.n-1); a != tc.sumFirst || b != tc.sumLast {
				t.Errorf("pixel sums first/last = %d/%d, want %d/%d", a, b, tc.sumFirst, tc.sumLast)
			}
			total := 0
			for i := range s.Len() {
				total += rawSum(s, i)
			}
			if total != tc.total {
				t.Errorf("pixel total = %d, want %d", total, tc.total)
			}
			for k, c := range s.Counts() {
				if c != tc.counts[k] {
					t.Errorf("Counts()[%d] = %d, want %d", k, c, tc.counts[k])
				}
			}
		})
	}
}

func TestMNISTSelect49(t *testing.T) {
	train, test := loadMNIST(t)
	for _, tc := range []struct {
		desc   string
		s      *Set
		counts []int // digit 4, digit 9
	}{
		{"train", train, []int{5842, 5949}},
		{"t10k", test, []int{982, 1009}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			s, err := tc.s.Select(4, 9)
			if err != nil {
				t.Fatal(err)
			}
			c := s.Counts()
			if c[0] != tc.counts[0] || c[1] != tc.counts[1] || s.Len() != c[0]+c[1] {
				t.Fatalf("Select(4, 9) counts = %v (len %d), want %v", c, s.Len(), tc.counts)
			}
			if s.Digits[0] != 4 || s.Digits[1] != 9 || s.Classes() != 2 {
				t.Fatalf("Digits = %v, want [4 9]", s.Digits)
			}
			// Seed 000: x_train/255 has min 0 and max 1.
			x := make([]float32, s.Size())
			lo, hi := float32(1), float32(0)
			for i := range s.Len() {
				for _, v := range s.Sample(x, i) {
					lo, hi = min(lo, v), max(hi, v)
				}
			}
			if lo != 0 || hi != 1 {
				t.Errorf("normalised range [%v, %v], want [0, 1]", lo, hi)
			}
		})
	}
	s, _ := train.Select(4, 9)
	if n := s.Len(); n < 11500 || n > 12500 {
		t.Errorf("4-vs-9 training set has %d samples, seed 000 says about 12000±500", n)
	}
}

func TestMNISTDirEnv(t *testing.T) {
	// Not parallel: it sets an environment variable.
	empty := t.TempDir()
	t.Setenv("DIGITLAB_MNIST_DIR", empty)
	if _, err := MNISTDir(); !errors.Is(err, ErrMNISTNotFound) {
		t.Errorf("MNISTDir() with an empty DIGITLAB_MNIST_DIR = %v, want ErrMNISTNotFound", err)
	}
	full := t.TempDir()
	for _, f := range []string{MNISTTrainImages, MNISTTrainLabels, MNISTTestImages, MNISTTestLabels} {
		if err := os.WriteFile(filepath.Join(full, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("DIGITLAB_MNIST_DIR", full)
	if dir, err := MNISTDir(); err != nil || dir != full {
		t.Errorf("MNISTDir() = %q, %v; want %q", dir, err, full)
	}
}
