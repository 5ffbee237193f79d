package datasets

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// IDX magic numbers: two zero bytes, the element type (0x08 = unsigned
// byte) and the number of dimensions.
const (
	MagicImages = 0x00000803 // ubyte, 3 dimensions: count, rows, cols
	MagicLabels = 0x00000801 // ubyte, 1 dimension: count
)

// MaxIDXBytes caps the data size an IDX header may announce (128 MiB; the
// MNIST training images are 47 MB), so a corrupt header cannot make a
// reader allocate gigabytes.
const MaxIDXBytes = 1 << 27

// IDXImages is the content of an IDX image file.
type IDXImages struct {
	Count, Rows, Cols int
	// Pix is (Count, Rows, Cols) row-major: pixel (y, x) of image i is
	// Pix[(i*Rows+y)*Cols+x]; 0 is background, 255 is ink.
	Pix []uint8
}

// Image returns the pixels of image i, a sub-slice of Pix.
func (m *IDXImages) Image(i int) []uint8 {
	n := m.Rows * m.Cols
	return m.Pix[i*n : (i+1)*n]
}

// idxReader counts the bytes of the uncompressed stream so that every
// error knows its offset.
type idxReader struct {
	r    io.Reader
	name string
	off  int64
	// hint is the expected uncompressed size when known (the gzip
	// trailer of in-memory data), so data can allocate once.
	hint int64
}

// newIDXReader sniffs the gzip magic 0x1f 0x8b and unwraps gzip if present.
func newIDXReader(r io.Reader, name string) (*idxReader, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(2); err == nil && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, &FormatError{Name: name, Offset: 0, Msg: "bad gzip header: " + err.Error()}
		}
		return &idxReader{r: zr, name: name}, nil
	}
	return &idxReader{r: br, name: name}, nil
}

func (d *idxReader) errorf(off int64, format string, args ...any) error {
	return &FormatError{Name: d.name, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// readErr turns a read error into a FormatError: truncation or corruption.
func (d *idxReader) readErr(err error, what string, got, want int) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return d.errorf(d.off, "truncated %s: got %d of %d bytes", what, got, want)
	}
	return d.errorf(d.off, "corrupt %s: %v", what, err)
}

// data reads exactly n bytes into one flat slice. It grows the slice as
// bytes arrive instead of trusting the header with one big allocation, so a
// short file claiming a large size costs little memory; the result has
// len == cap == n.
func (d *idxReader) data(n int, what string) ([]byte, error) {
	const chunk = 64 << 10
	first := min(n, chunk)
	if d.hint-d.off >= int64(n) {
		first = n // trusted only up to n, which the caller capped
	}
	buf := make([]byte, 0, first)
	for len(buf) < n {
		if len(buf) == cap(buf) {
			nb := make([]byte, len(buf), min(n, 2*cap(buf)))
			copy(nb, buf)
			buf = nb
		}
		m, err := d.r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		d.off += int64(m)
		if err != nil && len(buf) < n {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, d.readErr(err, what, len(buf), n)
		}
	}
	return buf, nil
}

// end checks that nothing follows the data; for gzip this also verifies
// the checksum.
func (d *idxReader) end() error {
	var b [1]byte
	for {
		n, err := d.r.Read(b[:])
		if n > 0 {
			return d.errorf(d.off, "unexpected trailing data")
		}
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return d.errorf(d.off, "truncated compressed stream after the data")
		}
		if err != nil {
			return d.errorf(d.off, "corrupt data: %v", err)
		}
	}
}

// header reads the IDX header into h: the 4-byte magic number first, so
// that a wrong file is reported as such even when it is short, then the
// dimensions.
func (d *idxReader) header(h []byte, want uint32) error {
	n, err := io.ReadFull(d.r, h[:4])
	d.off += int64(n)
	if err == nil {
		if got := binary.BigEndian.Uint32(h); got != want {
			return d.errorf(0, "bad magic 0x%08x", got)
		}
		var m int
		m, err = io.ReadFull(d.r, h[4:])
		d.off += int64(m)
		n += m
	}
	if err != nil {
		return d.readErr(err, "header", n, len(h))
	}
	return nil
}

// ReadIDXImages reads an IDX image file (magic 0x00000803), raw or
// gzip-compressed, from r. name is used in errors ("train-images").
// Any problem with the bytes is returned as a *FormatError.
func ReadIDXImages(r io.Reader, name string) (*IDXImages, error) {
	return readIDXImages(r, name, 0)
}

// maxDeflateRatio is the most that deflate can expand: 1032 output bytes
// per input byte (a length-258 match costs at least two bits), so no
// honest gzip stream of n bytes holds more than n·1032.
const maxDeflateRatio = 1032

// gzipSize returns the uncompressed size recorded in the trailer of gzip
// data b (ISIZE, little-endian, mod 2^32), or 0 if b is not gzip. The field
// is only a hint anyone can forge: it is capped at what b's length could
// possibly hold, so a 38-byte file claiming 4 GB costs at most 39 KB.
func gzipSize(b []byte) int64 {
	if len(b) < 18 || b[0] != 0x1f || b[1] != 0x8b {
		return 0
	}
	return min(int64(binary.LittleEndian.Uint32(b[len(b)-4:])), int64(len(b))*maxDeflateRatio)
}

// readIDXImages is ReadIDXImages with a hint of the uncompressed size.
func readIDXImages(r io.Reader, name string, hint int64) (*IDXImages, error) {
	d, err := newIDXReader(r, name)
	if err != nil {
		return nil, err
	}
	d.hint = hint
	var h [16]byte
	if err := d.header(h[:], MagicImages); err != nil {
		return nil, err
	}
	count := binary.BigEndian.Uint32(h[4:])
	rows := binary.BigEndian.Uint32(h[8:])
	cols := binary.BigEndian.Uint32(h[12:])
	if count == 0 || rows == 0 || cols == 0 {
		return nil, d.errorf(4, "zero dimension %d×%d×%d", count, rows, cols)
	}
	// Each factor is < 2^32; check the product stepwise in uint64 so it
	// can neither overflow nor pass the cap.
	size := uint64(rows) * uint64(cols)
	if size > MaxIDXBytes || size*uint64(count) > MaxIDXBytes {
		return nil, d.errorf(4, "dimensions %d×%d×%d exceed the %d-byte limit", count, rows, cols, MaxIDXBytes)
	}
	n := int(size) * int(count)
	pix, err := d.data(n, "image data")
	if err != nil {
		return nil, err
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return &IDXImages{Count: int(count), Rows: int(rows), Cols: int(cols), Pix: pix}, nil
}

// ReadIDXLabels reads an IDX label file (magic 0x00000801), raw or
// gzip-compressed, from r. Labels must be digits 0..9. Any problem with
// the bytes is returned as a *FormatError.
func ReadIDXLabels(r io.Reader, name string) ([]uint8, error) {
	d, err := newIDXReader(r, name)
	if err != nil {
		return nil, err
	}
	var h [8]byte
	if err := d.header(h[:], MagicLabels); err != nil {
		return nil, err
	}
	count := binary.BigEndian.Uint32(h[4:])
	if count == 0 {
		return nil, d.errorf(4, "zero label count")
	}
	if count > MaxIDXBytes {
		return nil, d.errorf(4, "label count %d exceeds the %d-byte limit", count, MaxIDXBytes)
	}
	labels, err := d.data(int(count), "label data")
	if err != nil {
		return nil, err
	}
	for i, l := range labels {
		if l > 9 {
			return nil, d.errorf(8+int64(i), "label %d of sample %d is not a digit 0..9", l, i)
		}
	}
	if err := d.end(); err != nil {
		return nil, err
	}
	return labels, nil
}
