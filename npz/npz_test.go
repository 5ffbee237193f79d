package npz

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The fixtures in testdata/ were written once by numpy 1.24.2 (Debian's
// python3-numpy) with:
//
//	python3 -c "
//	import numpy as np
//	a = np.arange(6, dtype=np.float32).reshape(2, 3) / 4
//	w = np.array([0.5, -1.25, 3.0], dtype=np.float32)
//	np.savez('f32.npz', w=w, A=a)
//	np.savez_compressed('f64_fortran.npz', C=np.asfortranarray(np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 8), s=np.float64(2.5))
//	np.savez('big_endian.npz', b=np.array([[1.5, -2], [0.25, 8]], dtype='>f4'))
//	np.savez('int.npz', n=np.arange(4))
//	np.save('one.npy', w)
//	"

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := readFixture(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readFixture(name string) ([]byte, error) { return os.ReadFile("testdata/" + name) }

func checkArray(t *testing.T, a Array, name string, shape []int, data []float32) {
	t.Helper()
	if a.Name != name || !slices.Equal(a.Shape, shape) || !slices.Equal(a.Data, data) {
		t.Errorf("array %s %v = %v, want %s %v = %v", a.Name, a.Shape, a.Data, name, shape, data)
	}
}

// seq returns n values i·step, the arrays np.arange(n) * step.
func seq(n int, step float32) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(i) * step
	}
	return s
}

func TestReadNumpyFiles(t *testing.T) {
	arrays, err := Read(fixture(t, "f32.npz"))
	if err != nil {
		t.Fatal(err)
	}
	if len(arrays) != 2 {
		t.Fatalf("f32.npz: %d arrays, want w and A", len(arrays))
	}
	checkArray(t, arrays[0], "w", []int{3}, []float32{0.5, -1.25, 3})
	checkArray(t, arrays[1], "A", []int{2, 3}, seq(6, 0.25))

	// float64, compressed, and C stored in Fortran order: Read gives C
	// order, element [i][j][k] = (12i + 4j + k)/8.
	arrays, err = Read(fixture(t, "f64_fortran.npz"))
	if err != nil {
		t.Fatal(err)
	}
	checkArray(t, arrays[0], "C", []int{2, 3, 4}, seq(24, 0.125))
	checkArray(t, arrays[1], "s", []int{}, []float32{2.5})

	arrays, err = Read(fixture(t, "big_endian.npz"))
	if err != nil {
		t.Fatal(err)
	}
	checkArray(t, arrays[0], "b", []int{2, 2}, []float32{1.5, -2, 0.25, 8})

	a, err := ReadNPY(fixture(t, "one.npy"), "w")
	if err != nil {
		t.Fatal(err)
	}
	checkArray(t, a, "w", []int{3}, []float32{0.5, -1.25, 3})
}

// TestWriteAsNumpy: the .npy bytes Write makes for the fixture's w are
// byte for byte numpy's own.
func TestWriteAsNumpy(t *testing.T) {
	got := AppendNPY(nil, Array{Name: "w", Shape: []int{3}, Data: []float32{0.5, -1.25, 3}})
	if want := fixture(t, "one.npy"); !bytes.Equal(got, want) {
		t.Errorf("AppendNPY:\n%q\nnumpy.save:\n%q", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var arrays []Array
	for i, shape := range [][]int{{784}, {32, 784}, {5, 5, 8, 1}, {1, 1, 4, 8}, {}, {0}, {3, 0, 2}} {
		a := Array{Name: string(rune('a' + i)), Shape: shape}
		a.Data = make([]float32, a.Len())
		for j := range a.Data {
			a.Data[j] = float32(r.NormFloat64())
		}
		arrays = append(arrays, a)
	}
	arrays[0].Data[0] = float32(math.Inf(1)) // any float32 bits survive
	var buf bytes.Buffer
	if err := Write(&buf, arrays); err != nil {
		t.Fatal(err)
	}
	got, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(arrays) {
		t.Fatalf("read %d arrays, wrote %d", len(got), len(arrays))
	}
	for i := range arrays {
		checkArray(t, got[i], arrays[i].Name, arrays[i].Shape, arrays[i].Data)
	}
}

// TestNumpyReadsOurs: numpy.load reads a file Write made (the fixtures
// above check the other way). It needs a python3 with numpy: Debian's
// python3-numpy, which .ci/run installs; elsewhere it skips, under CI it
// fails.
func TestNumpyReadsOurs(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no subprocesses under js/wasm (the native run checks numpy)")
	}
	py := numpyPython()
	if py == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no python3 with numpy under CI (.ci/run installs Debian's python3-numpy)")
		}
		t.Skip("python3 with numpy not installed (apt-get install python3-numpy)")
	}
	path := t.TempDir() + "/w.npz"
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(f, []Array{{Name: "C", Shape: []int{2, 3}, Data: seq(6, 0.5)}, {Name: "A", Shape: []int{2}, Data: []float32{-1, 4}}}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command(py, "-c", `
import numpy as np, sys
z = np.load(sys.argv[1])
print(sorted(z.files), z["C"].dtype, z["C"].shape, z["C"][1, 2], z["A"].tolist())
`, path).CombinedOutput()
	if got, want := strings.TrimSpace(string(out)), "['A', 'C'] float32 (2, 3) 2.5 [-1.0, 4.0]"; err != nil || got != want {
		t.Errorf("numpy read %q (%v), want %q", got, err, want)
	}
}

// numpyPython returns a python3 that imports numpy: Debian's first (a
// pyenv python3 earlier on PATH may lack it), or "".
func numpyPython() string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if p, err := exec.LookPath(py); err == nil && exec.Command(p, "-c", "import numpy").Run() == nil {
			return p
		}
	}
	return ""
}

func TestReadErrors(t *testing.T) {
	good := fixture(t, "f32.npz")
	npy := fixture(t, "one.npy")
	zipOf := func(name string, data []byte) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		f, _ := zw.Create(name)
		f.Write(data)
		zw.Close()
		return buf.Bytes()
	}
	header := func(h string) []byte {
		b := append([]byte(magic), 1, 0)
		b = binary.LittleEndian.AppendUint16(b, uint16(len(h)))
		return append(b, h...)
	}
	for _, c := range []struct {
		desc string
		data []byte
		want string
	}{
		{"int64 array", fixture(t, "int.npz"), `array n: dtype "<i8", want float32 ('<f4') or float64 ('<f8')`},
		{"truncated zip", good[:len(good)-10], "damaged or truncated .npz file"},
		{"not a zip", []byte("hello, not numpy"), "not an .npz file"},
		{"empty zip", zipOf("x.npy", nil)[:0], "not an .npz file"},
		{"a text file inside", zipOf("notes.txt", []byte("hi")), `entry "notes.txt" is not an .npy array`},
		{"not npy inside", zipOf("w.npy", []byte("PNG....")), `array w: not a .npy array (it starts with "PNG..."`},
		{"short data", zipOf("w.npy", npy[:len(npy)-1]), "array w: shape (3,) needs 12 bytes of data, the file holds 11"},
		{"long data", zipOf("w.npy", append(slices.Clone(npy), 0)), "needs 12 bytes of data, the file holds 13"},
		{"version 9", zipOf("w.npy", append(append([]byte(magic), 9, 0), npy[8:]...)), ".npy format version 9"},
		{"no shape", zipOf("w.npy", header("{'descr': '<f4', 'fortran_order': False, }\n")), "header has no shape"},
		{"bad shape", zipOf("w.npy", header("{'descr': '<f4', 'fortran_order': False, 'shape': (3, x), }\n")), "is not a tuple of sizes"},
		{"not a tuple", zipOf("w.npy", header("{'descr': '<f4', 'fortran_order': False, 'shape': (3), }\n")), "one-element tuple ends in a comma"},
		{"unknown key", zipOf("w.npy", header("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'x': 1}\n")), `unknown header key "x"`},
		{"huge shape", zipOf("w.npy", header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }\n")), "exceeds the 67108864-byte limit"},
		{"control characters", zipOf("w.npy", header("{'descr': '\x1b[31m', 'fortran_order': False, 'shape': (3,), }\n")), `dtype "\x1b[31m"`},
	} {
		_, err := Read(c.data)
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want a *FormatError containing %q", c.desc, err, c.want)
		}
	}
}

// TestReadClaimingMore: an entry whose zip header claims 60 MB, and a
// header whose shape claims 64 MiB, in files of a few hundred bytes, are
// refused before anything is allocated for them.
func TestReadClaimingMore(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, _ := zw.CreateHeader(&zip.FileHeader{Name: "w.npy", Method: zip.Deflate})
	f.Write(bytes.Repeat([]byte{0}, 1000))
	zw.Close()
	forged := buf.Bytes()
	// The uncompressed size in the central directory (offset 24 in its
	// record) claims 60 MB.
	cd := bytes.LastIndex(forged, []byte("PK\x01\x02"))
	binary.LittleEndian.PutUint32(forged[cd+24:], 60<<20)

	h := "{'descr': '<f4', 'fortran_order': False, 'shape': (16777216,), }\n"
	b := append([]byte(magic), 1, 0)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(h)))
	claim := append(b, h...)

	for _, c := range []struct {
		desc string
		read func() error
		want string
	}{
		{"zip entry", func() error { _, err := Read(forged); return err }, "entry claims 62914560 bytes from"},
		{"npy shape", func() error { _, err := ReadNPY(claim, "w"); return err }, "needs 67108864 bytes of data, the file holds 0"},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		err := c.read()
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.desc, err, c.want)
		}
		const bound = 64 << 10 // the zip reader's directory and a message
		if got := after.TotalAlloc - before.TotalAlloc; got > bound {
			t.Errorf("%s: refusing the claim allocated %d bytes, want ≤ %d", c.desc, got, bound)
		}
	}
}
