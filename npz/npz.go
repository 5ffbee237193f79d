package npz

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"digitlab/excerpt"
)

// Write writes arrays as an .npz file to w: a zip with one stored
// (uncompressed, as numpy.savez) entry NAME.npy per array, in order. It
// returns the writer's error. It panics if an array's data does not match
// its shape or a name is empty or repeated.
func Write(w io.Writer, arrays []Array) error {
	zw := zip.NewWriter(w)
	seen := map[string]bool{}
	var buf []byte
	for _, a := range arrays {
		if a.Name == "" || seen[a.Name] {
			panic("npz: array names must be non-empty and distinct")
		}
		seen[a.Name] = true
		f, err := zw.CreateHeader(&zip.FileHeader{Name: a.Name + ".npy", Method: zip.Store})
		if err != nil {
			return err
		}
		buf = AppendNPY(buf[:0], a)
		if _, err := f.Write(buf); err != nil {
			return err
		}
	}
	return zw.Close()
}

// maxDeflateRatio is the most deflate can expand (1032:1), so an entry's
// claimed size beyond its compressed size × 1032 is a lie.
const maxDeflateRatio = 1032

// Read reads an .npz file (numpy.savez or savez_compressed) from b and
// returns its arrays in the archive's order. Any problem gives a
// *FormatError.
func Read(b []byte) ([]Array, error) {
	if len(b) > MaxBytes {
		return nil, &FormatError{Msg: fmt.Sprintf("file of %d bytes, more than the %d-byte limit", len(b), MaxBytes)}
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		msg := "not an .npz file (a zip archive of .npy arrays): " + err.Error()
		if errors.Is(err, zip.ErrFormat) && len(b) >= 4 && string(b[:4]) == "PK\x03\x04" {
			msg = "damaged or truncated .npz file: the zip's directory at its end is missing"
		}
		return nil, &FormatError{Msg: msg}
	}
	if len(zr.File) == 0 {
		return nil, &FormatError{Msg: "the .npz file holds no arrays"}
	}
	var arrays []Array
	seen := map[string]bool{}
	total := uint64(0)
	for _, f := range zr.File {
		name, ok := strings.CutSuffix(f.Name, ".npy")
		if !ok || name == "" {
			return nil, &FormatError{Msg: fmt.Sprintf("entry %s is not an .npy array", excerpt.Quote(f.Name))}
		}
		if seen[name] {
			return nil, &FormatError{Array: name, Msg: "given twice"}
		}
		seen[name] = true
		size := f.UncompressedSize64
		switch f.Method {
		case zip.Store:
			if size != f.CompressedSize64 {
				return nil, &FormatError{Array: name, Msg: "stored entry's sizes disagree"}
			}
		case zip.Deflate:
			if size > f.CompressedSize64*maxDeflateRatio {
				return nil, &FormatError{Array: name, Msg: fmt.Sprintf("entry claims %d bytes from %d compressed", size, f.CompressedSize64)}
			}
		default:
			return nil, &FormatError{Array: name, Msg: fmt.Sprintf("zip compression method %d, want stored or deflate", f.Method)}
		}
		if total += size; total > MaxBytes {
			return nil, &FormatError{Array: name, Msg: fmt.Sprintf("the arrays exceed the %d-byte limit", MaxBytes)}
		}
		data, err := readEntry(f, int(size))
		if err != nil {
			return nil, &FormatError{Array: name, Msg: "damaged entry: " + err.Error()}
		}
		a, err := ReadNPY(data, name)
		if err != nil {
			return nil, err
		}
		arrays = append(arrays, a)
	}
	return arrays, nil
}

// readEntry reads exactly size bytes of f (the zip reader checks them
// against the entry's CRC-32).
func readEntry(f *zip.File, size int) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data := make([]byte, size)
	if _, err := io.ReadFull(rc, data); err != nil {
		return nil, err
	}
	var one [1]byte
	if n, err := rc.Read(one[:]); n > 0 || (err != nil && err != io.EOF) {
		if err == nil {
			err = errors.New("more data than its size")
		}
		return nil, err
	}
	return data, nil
}
