package datasets

import (
	"errors"
	"fmt"
)

// FormatError reports an IDX (MNIST) file that is not what it claims to be:
// bad magic, bad dimensions, truncated data, a label out of range, or an
// image file and a label file that disagree. Offset is the byte offset in
// the uncompressed stream where the problem was found.
type FormatError struct {
	Name   string // which file, e.g. "t10k-images"
	Offset int64  // byte offset into the uncompressed data
	Msg    string // what is wrong
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("mnist: %s: %s at offset %d", e.Name, e.Msg, e.Offset)
}

// CSVError reports a bad row of the 8×8 digits CSV. Line counts from 1.
type CSVError struct {
	Name string // which file, e.g. "digits.csv.gz"
	Line int    // 1-based line number; 0 when the error concerns the whole file
	Msg  string
}

func (e *CSVError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("digits: %s: %s", e.Name, e.Msg)
	}
	return fmt.Sprintf("digits: %s: line %d: %s", e.Name, e.Line, e.Msg)
}

// ErrMNISTNotFound is wrapped by MNISTDir and LoadMNIST when the MNIST files
// cannot be located; the wrapping error says how to get them.
var ErrMNISTNotFound = errors.New("MNIST data not found")

// ErrDigitsNotFound is wrapped by DigitsPath and LoadDigits when the 8×8
// digits file cannot be found.
var ErrDigitsNotFound = errors.New("8×8 digits file not found")

// ConfigError reports a user-chosen option that a set cannot satisfy, such
// as selecting a digit that the set does not contain.
type ConfigError struct {
	Op  string // the operation, e.g. "Select"
	Msg string
}

func (e *ConfigError) Error() string { return "datasets: " + e.Op + ": " + e.Msg }
