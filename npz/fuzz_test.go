package npz

import (
	"bytes"
	"errors"
	"testing"

	"digitlab/excerpt/excerpttest"
)

// FuzzRead: any bytes give arrays whose data matches their shapes and that
// write and read back the same, or a *FormatError with a safe message.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"f32.npz", "f64_fortran.npz", "big_endian.npz", "int.npz"} {
		b, err := readFixture(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	var buf bytes.Buffer
	if err := Write(&buf, []Array{{Name: "A", Shape: []int{2, 2}, Data: []float32{1, 2, 3, 4}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		arrays, err := Read(data)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) is not a *FormatError", err, err)
			}
			excerpttest.CheckMessage(t, err.Error())
			return
		}
		for _, a := range arrays {
			if a.Len() != len(a.Data) {
				t.Fatalf("array %q: shape %v holds %d, data %d", a.Name, a.Shape, a.Len(), len(a.Data))
			}
		}
		var out bytes.Buffer
		if err := Write(&out, arrays); err != nil {
			t.Fatal(err)
		}
		again, err := Read(out.Bytes())
		if err != nil || len(again) != len(arrays) {
			t.Fatalf("written back, %d arrays read as %d: %v", len(arrays), len(again), err)
		}
	})
}

// FuzzReadNPY: the same for one .npy file.
func FuzzReadNPY(f *testing.F) {
	b, err := readFixture("one.npy")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(AppendNPY(nil, Array{Shape: []int{}, Data: []float32{1}}))
	f.Add(AppendNPY(nil, Array{Shape: []int{2, 0, 3}, Data: nil}))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadNPY(data, "x")
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) is not a *FormatError", err, err)
			}
			excerpttest.CheckMessage(t, err.Error())
			return
		}
		if a.Len() != len(a.Data) {
			t.Fatalf("shape %v holds %d, data %d", a.Shape, a.Len(), len(a.Data))
		}
	})
}
