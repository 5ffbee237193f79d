package datasets

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"digitlab/excerpt"
)

// The 8×8 digits of seed 003 (scikit-learn's load_digits).
const (
	DigitsFile   = "digits.csv.gz" // in datasets/data/ of this module
	DigitsSide   = 8
	DigitsMax    = 16    // pixel values are 0..16
	digitsFields = 65    // 64 pixels, then the label
	maxCSVRows   = 20000 // 11× the real file, so corrupt input cannot grow without bound
	maxCSVLine   = 4096  // longest line accepted
)

// ReadDigitsCSV reads the 8×8 digits CSV (gzip or plain): one sample per
// line, 64 integers 0..16 (row-major 8×8) then the label 0..9, separated
// by commas. Blank lines are skipped. It returns a normalised uint8 Set of
// shape (8, 8, 1) with scale 1/16 and ten classes. A bad row gives a
// *CSVError with its line number. name is used in errors.
func ReadDigitsCSV(r io.Reader, name string) (*Set, error) {
	br := bufio.NewReader(r)
	var src io.Reader = br
	if b, err := br.Peek(2); err == nil && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, &CSVError{Name: name, Msg: "bad gzip header: " + err.Error()}
		}
		src = zr
	}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 0, 1024), maxCSVLine)
	var labels, pix []uint8
	var vals [digitsFields]uint8
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		if len(labels) >= maxCSVRows {
			return nil, &CSVError{Name: name, Line: line, Msg: fmt.Sprintf("more than %d rows (the digits file has 1,797)", maxCSVRows)}
		}
		if msg := parseDigitsRow(&vals, text); msg != "" {
			return nil, &CSVError{Name: name, Line: line, Msg: msg}
		}
		pix = append(pix, vals[:digitsFields-1]...)
		labels = append(labels, vals[digitsFields-1])
	}
	if err := sc.Err(); err != nil {
		return nil, &CSVError{Name: name, Line: line + 1, Msg: "read error: " + err.Error()}
	}
	if len(labels) == 0 {
		return nil, &CSVError{Name: name, Msg: "no rows"}
	}
	return newU8Set("digits", DigitsSide, DigitsSide, 1, DigitsMax, allDigits(), labels, pix), nil
}

// LoadDigits reads the digits CSV at path (see DigitsPath). A missing file
// gives an error wrapping ErrDigitsNotFound.
func LoadDigits(path string) (*Set, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("datasets: %w: %w", ErrDigitsNotFound, err)
	}
	if err != nil {
		return nil, fmt.Errorf("datasets: %w", err)
	}
	defer f.Close()
	return ReadDigitsCSV(f, filepath.Base(path))
}

// DigitsPath returns the path of datasets/data/digits.csv.gz: from
// $DIGITLAB_DIGITS if set, else found by walking up from the working
// directory to the digitlab module root (or to datasets/ itself).
func DigitsPath() (string, error) {
	if p := os.Getenv("DIGITLAB_DIGITS"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("datasets: %w", err)
	}
	for {
		for _, p := range []string{
			filepath.Join(dir, "datasets", "data", DigitsFile),
			filepath.Join(dir, "data", DigitsFile),
		} {
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("datasets: %w: no %s above the working directory; set DIGITLAB_DIGITS to its path", ErrDigitsNotFound, DigitsFile)
		}
		dir = parent
	}
}

// parseDigitsRow parses one trimmed CSV line into vals: 64 pixels 0..16
// then a label 0..9, each an integer with an optional sign and spaces
// around it. It returns what is wrong, or "". It allocates only for the
// message.
func parseDigitsRow(vals *[digitsFields]uint8, text []byte) string {
	if n := bytes.Count(text, []byte{','}) + 1; n != digitsFields {
		return fmt.Sprintf("%d fields, want %d", n, digitsFields)
	}
	for j := range digitsFields {
		f := text
		if i := bytes.IndexByte(text, ','); i >= 0 {
			f, text = text[:i], text[i+1:]
		}
		f = bytes.TrimSpace(f)
		v, ok := smallInt(f)
		switch {
		case len(f) == 0:
			return fmt.Sprintf("field %d is empty", j+1)
		case !ok:
			return fmt.Sprintf("field %d %s is not an integer", j+1, excerpt.QuoteN(string(f), 20))
		case j < digitsFields-1 && (v < 0 || v > DigitsMax):
			return fmt.Sprintf("pixel %d = %s, want 0..%d", j+1, numberText(f), DigitsMax)
		case j == digitsFields-1 && (v < 0 || v > 9):
			return fmt.Sprintf("label %s, want 0..9", numberText(f))
		}
		vals[j] = uint8(v)
	}
	return ""
}

// numberText is a field that smallInt accepted (a sign and digits), cut to
// 20 characters for a message.
func numberText(f []byte) string {
	if len(f) > 20 {
		return string(f[:20]) + "…"
	}
	return string(f)
}

// smallInt parses f as a decimal integer with an optional sign. Values
// beyond ±10⁶ saturate there: they are out of any range the file allows.
func smallInt(f []byte) (int, bool) {
	neg := false
	if len(f) > 0 && (f[0] == '+' || f[0] == '-') {
		neg = f[0] == '-'
		f = f[1:]
	}
	if len(f) == 0 {
		return 0, false
	}
	v := 0
	for _, c := range f {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = min(10*v+int(c-'0'), 1e6)
	}
	if neg {
		v = -v
	}
	return v, true
}
