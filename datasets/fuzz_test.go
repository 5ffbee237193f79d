package datasets

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"digitlab/excerpt/excerpttest"
)

// The fuzz targets' seed corpora run as ordinary tests with `go test`;
// `go test -fuzz=FuzzReadIDXImages` explores further.

func FuzzReadIDXImages(f *testing.F) {
	valid := idxImages(MagicImages, 2, 2, 3, pix12)
	f.Add(valid)
	f.Add(gz(valid))
	f.Add(valid[:20])
	f.Add(valid[:3])
	f.Add(idxImages(MagicLabels, 2, 2, 3, pix12))
	f.Add(idxImages(MagicImages, 0xffffffff, 0xffffffff, 2, nil))
	f.Add(idxImages(MagicImages, 1<<20, 28, 28, pix12))
	f.Add(append(append([]byte(nil), valid...), 1))
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadIDXImages(bytes.NewReader(data), "fuzz")
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) || fe.Name != "fuzz" || fe.Offset < 0 {
				t.Fatalf("error %v (%T) is not a *FormatError for fuzz", err, err)
			}
			excerpttest.CheckMessage(t, err.Error())
			return
		}
		if m.Count <= 0 || m.Rows <= 0 || m.Cols <= 0 || len(m.Pix) != m.Count*m.Rows*m.Cols {
			t.Fatalf("ReadIDXImages = %d×%d×%d with %d pixels", m.Count, m.Rows, m.Cols, len(m.Pix))
		}
		if len(data) > 1 && data[0] != 0x1f {
			// Raw input that parses must parse the same when gzipped.
			g, err := ReadIDXImages(bytes.NewReader(gz(data)), "fuzz")
			if err != nil || !bytes.Equal(g.Pix, m.Pix) {
				t.Fatalf("gzipped input: %v", err)
			}
		}
	})
}

func FuzzReadIDXLabels(f *testing.F) {
	valid := idxLabels(MagicLabels, 3, []byte{1, 9, 0})
	f.Add(valid)
	f.Add(gz(valid))
	f.Add(valid[:9])
	f.Add(idxLabels(MagicLabels, 3, []byte{1, 10, 0}))
	f.Add(idxLabels(MagicImages, 3, []byte{1, 2, 3}))
	f.Add(idxLabels(MagicLabels, 0xffffffff, nil))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		labels, err := ReadIDXLabels(bytes.NewReader(data), "fuzz")
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) || fe.Name != "fuzz" {
				t.Fatalf("error %v (%T) is not a *FormatError for fuzz", err, err)
			}
			excerpttest.CheckMessage(t, err.Error())
			return
		}
		if len(labels) == 0 {
			t.Fatalf("no labels and no error")
		}
		for i, l := range labels {
			if l > 9 {
				t.Fatalf("label %d = %d accepted", i, l)
			}
		}
	})
}

func FuzzReadDigitsCSV(f *testing.F) {
	good := row("3", "7") + "\n" + row("16", "0") + "\n"
	f.Add([]byte(good))
	f.Add(gz([]byte(good)))
	f.Add([]byte(row("17", "1")))
	f.Add([]byte(row("1", "10")))
	f.Add([]byte(strings.Repeat("1,", 10)))
	f.Add([]byte("0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,0,5,8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0,0\n"))
	f.Add([]byte(" , ,\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadDigitsCSV(bytes.NewReader(data), "fuzz")
		if err != nil {
			var ce *CSVError
			if !errors.As(err, &ce) || ce.Name != "fuzz" || ce.Line < 0 {
				t.Fatalf("error %v (%T) is not a *CSVError for fuzz", err, err)
			}
			excerpttest.CheckMessage(t, err.Error())
			return
		}
		if s.Len() == 0 || s.Size() != 64 {
			t.Fatalf("ReadDigitsCSV = %d samples of size %d", s.Len(), s.Size())
		}
		for i := range s.Len() {
			for _, v := range s.Raw(i) {
				if v > 16 {
					t.Fatalf("pixel %d accepted", v)
				}
			}
			if s.Digit(i) > 9 {
				t.Fatalf("label %d accepted", s.Digit(i))
			}
		}
	})
}

// FuzzParseMNIST: ParseMNIST takes the four files from memory and reads
// the gzip trailer's size as a hint; any image and label bytes (raw or
// gzip, the trailer forged or not) give a *FormatError or two consistent
// sets, and the error message is safe to show.
func FuzzParseMNIST(f *testing.F) {
	images := idxImages(MagicImages, 2, 2, 3, pix12)
	labels := idxLabels(MagicLabels, 2, []byte{4, 9})
	forged := gz(images)
	binary.LittleEndian.PutUint32(forged[len(forged)-4:], 0xffffffff)
	f.Add(gz(images), gz(labels))
	f.Add(images, labels)
	f.Add(forged, gz(labels))
	f.Add(gz(idxImages(MagicImages, MaxIDXBytes/784, 28, 28, nil)), gz(labels))
	f.Add(gz(images), gz(idxLabels(MagicLabels, 3, []byte{1, 2, 3})))
	f.Add(gz(images)[:20], labels)
	f.Fuzz(func(t *testing.T, images, labels []byte) {
		train, test, err := ParseMNIST(images, labels, images, labels)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) || fe.Offset < 0 {
				t.Fatalf("error %v (%T) is not a *FormatError", err, err)
			}
			excerpttest.CheckMessage(t, err.Error())
			return
		}
		if train.Len() != test.Len() || train.Len() == 0 || train.Size() != train.H*train.W {
			t.Fatalf("ParseMNIST = %d and %d samples of %d×%d (size %d)", train.Len(), test.Len(), train.H, train.W, train.Size())
		}
		for i := range train.Len() {
			if d := train.Digit(i); d > 9 {
				t.Fatalf("label %d accepted", d)
			}
		}
	})
}
