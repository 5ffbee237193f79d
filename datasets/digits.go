package datasets

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// The 8×8 digits of seed 003 (scikit-learn's load_digits).
const (
	DigitsFile   = "digits.csv.gz" // in datasets/data/ of this module
	DigitsSide   = 8
	DigitsMax    = 16   // pixel values are 0..16
	digitsFields = 65   // 64 pixels, then the label
	maxCSVRows   = 1e6  // a cap so corrupt input cannot grow without bound
	maxCSVLine   = 4096 // longest line accepted
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
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		if len(labels) >= maxCSVRows {
			return nil, &CSVError{Name: name, Line: line, Msg: fmt.Sprintf("more than %d rows", int(maxCSVRows))}
		}
		fields := bytes.Split(text, []byte{','})
		if len(fields) != digitsFields {
			return nil, &CSVError{Name: name, Line: line, Msg: fmt.Sprintf("%d fields, want %d", len(fields), digitsFields)}
		}
		var vals [digitsFields]uint8
		for j, f := range fields {
			f = bytes.TrimSpace(f)
			v, err := strconv.Atoi(string(f))
			switch {
			case len(f) == 0:
				return nil, &CSVError{Name: name, Line: line, Msg: fmt.Sprintf("field %d is empty", j+1)}
			case err != nil:
				return nil, &CSVError{Name: name, Line: line, Msg: fmt.Sprintf("field %d %q is not an integer", j+1, f)}
			case j < digitsFields-1 && (v < 0 || v > DigitsMax):
				return nil, &CSVError{Name: name, Line: line, Msg: fmt.Sprintf("pixel %d = %d, want 0..%d", j+1, v, DigitsMax)}
			case j == digitsFields-1 && (v < 0 || v > 9):
				return nil, &CSVError{Name: name, Line: line, Msg: fmt.Sprintf("label %d, want 0..9", v)}
			}
			vals[j] = uint8(v)
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

// LoadDigits reads the digits CSV at path (see DigitsPath).
func LoadDigits(path string) (*Set, error) {
	f, err := os.Open(path)
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
			return "", fmt.Errorf("datasets: %s not found above the working directory; set DIGITLAB_DIGITS to its path", DigitsFile)
		}
		dir = parent
	}
}
