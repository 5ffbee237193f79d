package datasets

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// loadDigits reads the repository's digits file; the file is part of the
// module, so its absence is a failure.
func loadDigits(t testing.TB) *Set {
	t.Helper()
	s, err := LoadDigits("data/" + DigitsFile)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDigitsFile(t *testing.T) {
	t.Parallel()
	s := loadDigits(t)
	if s.Len() != 1797 || s.H != 8 || s.W != 8 || s.C != 1 || s.Classes() != 10 {
		t.Fatalf("digits: %d samples (%d,%d,%d) %d classes, want 1797 (8,8,1) 10", s.Len(), s.H, s.W, s.C, s.Classes())
	}
	// Seed 003 prints X[0].reshape(8, 8) after X / 16.0, and its label is 0.
	want := []float32{
		0, 0, 0.3125, 0.8125, 0.5625, 0.0625, 0, 0,
		0, 0, 0.8125, 0.9375, 0.625, 0.9375, 0.3125, 0,
		0, 0.1875, 0.9375, 0.125, 0, 0.6875, 0.5, 0,
		0, 0.25, 0.75, 0, 0, 0.5, 0.5, 0,
		0, 0.3125, 0.5, 0, 0, 0.5625, 0.5, 0,
		0, 0.25, 0.6875, 0, 0.0625, 0.75, 0.4375, 0,
		0, 0.125, 0.875, 0.3125, 0.625, 0.75, 0, 0,
		0, 0, 0.375, 0.8125, 0.625, 0, 0, 0,
	}
	got := s.Sample(nil, 0)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("X[0][%d][%d] = %v, want %v (seed 003)", i/8, i%8, got[i], want[i])
		}
	}
	if s.Label(0) != 0 || s.Digit(0) != 0 || s.Digit(1796) != 8 {
		t.Errorf("labels first/last = %d/%d, want 0/8", s.Digit(0), s.Digit(1796))
	}
	if s.Scale() != 1.0/16 {
		t.Errorf("Scale() = %v, want 1/16", s.Scale())
	}
	// Golden values computed independently with Python's gzip module.
	wantCounts := []int{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}
	for k, c := range s.Counts() {
		if c != wantCounts[k] {
			t.Errorf("Counts()[%d] = %d, want %d", k, c, wantCounts[k])
		}
	}
	total := 0
	for i := range s.Len() {
		for _, v := range s.Raw(i) {
			total += int(v)
		}
	}
	if total != 561718 {
		t.Errorf("pixel total = %d, want 561718", total)
	}
	tr, te := s.Split(rand.New(rand.NewPCG(42, 0)), 0.2)
	if tr.Len() != 1437 || te.Len() != 360 {
		t.Errorf("Split(0.2) = %d/%d, want 1437/360", tr.Len(), te.Len())
	}
}

func TestDigitsPath(t *testing.T) {
	p, err := DigitsPath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p, "data/"+DigitsFile) {
		t.Fatalf("DigitsPath() = %q, want .../data/%s", p, DigitsFile)
	}
}

// row makes one CSV line of 64 pixels (value v) and a label.
func row(v, label string) string {
	return strings.Repeat(v+",", 64) + label
}

func TestReadDigitsCSV(t *testing.T) {
	t.Parallel()
	good := row("3", "7") + "\n" + row("16", "0") + "\n"
	for _, in := range [][]byte{[]byte(good), gz([]byte(good)), []byte(good + "\n\n"), []byte(strings.ReplaceAll(good, "\n", "\r\n"))} {
		s, err := ReadDigitsCSV(bytes.NewReader(in), "d.csv")
		if err != nil {
			t.Fatal(err)
		}
		if s.Len() != 2 || s.Digit(0) != 7 || s.Digit(1) != 0 || s.Raw(1)[63] != 16 {
			t.Fatalf("ReadDigitsCSV: %d rows, digits %d %d, want 2 rows 7 0", s.Len(), s.Digit(0), s.Digit(1))
		}
	}
	gzGood := gz([]byte(good))
	for _, tc := range []struct {
		desc string
		in   string
		line int
		msg  string
	}{
		{"empty", "", 0, "no rows"},
		{"blank only", "\n\n", 0, "no rows"},
		{"short row", good + strings.Repeat("1,", 10) + "3\n", 3, "11 fields, want 65"},
		{"long row", row("1", "2") + ",5\n", 1, "66 fields, want 65"},
		{"empty field", good + "\n" + strings.Replace(row("1", "2"), "1,1", "1,", 1), 4, "field 2 is empty"},
		{"not a number", strings.Replace(good, "3,", "x,", 1), 1, `field 1 "x" is not an integer`},
		{"pixel 17", row("1", "1") + "\n" + row("17", "1"), 2, "pixel 1 = 17, want 0..16"},
		{"negative pixel", row("-1", "1"), 1, "pixel 1 = -1"},
		{"label 10", row("1", "10"), 1, "label 10, want 0..9"},
		{"label -1", good + row("1", "-1"), 3, "label -1"},
		{"overlong line", strings.Repeat("1", 5000), 1, "token too long"},
		{"bad gzip", "\x1f\x8b\x00\x00", 0, "bad gzip header"},
		{"truncated gzip", string(gzGood[:len(gzGood)-10]), -1, "unexpected EOF"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			s, err := ReadDigitsCSV(strings.NewReader(tc.in), "d.csv")
			var ce *CSVError
			if !errors.As(err, &ce) {
				t.Fatalf("ReadDigitsCSV = %v, %v; want *CSVError %q", s, err, tc.msg)
			}
			if ce.Name != "d.csv" || (tc.line >= 0 && ce.Line != tc.line) || !strings.Contains(ce.Msg, tc.msg) {
				t.Fatalf("err = %q (line %d), want line %d containing %q", err, ce.Line, tc.line, tc.msg)
			}
		})
	}
}

func TestCSVErrorString(t *testing.T) {
	t.Parallel()
	_, err := ReadDigitsCSV(strings.NewReader(row("1", "1")+"\n"+row("1", "x")), "digits.csv.gz")
	const want = `digits: digits.csv.gz: line 2: field 65 "x" is not an integer`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}
