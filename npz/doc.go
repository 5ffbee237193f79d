// Package npz reads and writes numpy's own file formats with the standard
// library: .npy, one array (a short text header, then the numbers), and
// .npz, a zip of .npy files, one per named array, as numpy.savez and
// numpy.savez_compressed write them and numpy.load reads them.
//
// Arrays are float32, as the models hold their weights. A file written by
// numpy may hold float32 or float64 (numpy's default), in either byte
// order and in C or Fortran order; Read gives C order (row-major)
// float32. Other dtypes, a bad header, a shape that does not match the
// bytes, and a damaged or truncated zip are refused with a *FormatError
// naming the array and what is wrong. Sizes are checked against MaxBytes
// before anything is allocated for them.
//
//	var buf bytes.Buffer
//	err := npz.Write(&buf, []npz.Array{{Name: "w", Shape: []int{784}, Data: w}})
//	arrays, err := npz.Read(buf.Bytes())
//
// In Python: np.load("weights.npz")["w"].
package npz
