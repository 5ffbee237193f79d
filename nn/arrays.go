package nn

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"digitlab/excerpt"
	"digitlab/npz"
)

// arraySpec is one named array of a model's weights as numpy code holds
// it: its name and shape there, and where it lives in Params.
type arraySpec struct {
	name  string
	shape []int
	src   []float32 // the weights, in the model's own layout
	// rows, cols > 0: src is (rows, cols) row-major and the array is its
	// transpose (cols, rows), as seed 000 writes z = C.dot(x).
	rows, cols int
}

// arraySpecs names the model's weights as the seeds' code does: linear w
// (784,); vanilla A (32,), B (32, 32), C (32, 784); cnn A (100,),
// B (1, 1, 4, 8), C (5, 5, 8, 1); mlp10 weights0..2 (n_in, n_out) and
// biases0..2 as seed 001. Other models: per layer with weights, numbered
// from 1 by kind, "conv1_w" (KH, KW, OD, ID), "conv1_b", "dense1_w"
// (n_in, n_out), "dense1_b".
func (m *Model) arraySpecs() []arraySpec {
	var weighted []LayerInfo
	for _, l := range m.Layers() {
		if l.WShape != nil {
			weighted = append(weighted, l)
		}
	}
	vec := func(name string, w []float32) arraySpec { return arraySpec{name: name, shape: []int{len(w)}, src: w} }
	as := func(name string, l LayerInfo) arraySpec {
		return arraySpec{name: name, shape: slices.Clone(l.WShape), src: l.W}
	}
	// transposed: a dense layer's (n_in, n_out) as numpy's (n_out, n_in).
	transposed := func(name string, l LayerInfo) arraySpec {
		return arraySpec{name: name, shape: []int{l.WShape[1], l.WShape[0]}, src: l.W, rows: l.WShape[0], cols: l.WShape[1]}
	}
	w := weighted
	switch {
	case m.Name == "linear" && len(w) == 1:
		return []arraySpec{vec("w", w[0].W)}
	case m.Name == "vanilla" && len(w) == 3:
		return []arraySpec{vec("A", w[2].W), transposed("B", w[1]), transposed("C", w[0])}
	case m.Name == "cnn" && len(w) == 3:
		return []arraySpec{vec("A", w[2].W), as("B", w[1]), as("C", w[0])}
	case m.Name == "mlp10" && len(w) == 3:
		var s []arraySpec
		for i, l := range w {
			s = append(s, as("weights"+strconv.Itoa(i), l))
		}
		for i, l := range w {
			s = append(s, vec("biases"+strconv.Itoa(i), l.B))
		}
		return s
	}
	var s []arraySpec
	count := map[string]int{}
	for _, l := range w {
		kind := strings.ToLower(l.Kind)
		count[kind]++
		name := kind + strconv.Itoa(count[kind])
		s = append(s, as(name+"_w", l))
		if l.B != nil {
			s = append(s, vec(name+"_b", l.B))
		}
	}
	return s
}

// Arrays returns the model's weights as named arrays (copies), for an .npz
// file that the seeds' numpy code can use as it is (see arraySpecs for the
// names and shapes).
func (m *Model) Arrays() []npz.Array {
	var out []npz.Array
	for _, s := range m.arraySpecs() {
		a := npz.Array{Name: s.name, Shape: s.shape, Data: make([]float32, len(s.src))}
		if s.rows > 0 {
			transpose(a.Data, s.src, s.rows, s.cols)
		} else {
			copy(a.Data, s.src)
		}
		out = append(out, a)
	}
	return out
}

// LoadArrays sets the model's weights from named arrays (as Arrays gives
// and numpy.load reads them). Every array the model has must be there
// with its shape, no other array may be, and every number must be finite;
// otherwise it returns a *FormatError saying which array is wrong and how,
// and the model is unchanged.
func (m *Model) LoadArrays(arrays []npz.Array) error {
	specs := m.arraySpecs()
	fail := func(format string, a ...any) error { return &FormatError{Msg: fmt.Sprintf(format, a...)} }
	byName := map[string]npz.Array{}
	for _, a := range arrays {
		byName[a.Name] = a
	}
	want := make([]string, len(specs))
	known := map[string]bool{}
	for i, s := range specs {
		want[i] = s.name + " " + npz.ShapeString(s.shape)
		known[s.name] = true
	}
	for _, a := range arrays {
		if !known[a.Name] {
			return fail("array %s is not part of model %s (it has %s)", excerpt.Word(a.Name), m.Name, strings.Join(want, ", "))
		}
	}
	for _, s := range specs {
		a, ok := byName[s.name]
		switch {
		case !ok:
			return fail("no array %s %s for model %s (it has %s)", s.name, npz.ShapeString(s.shape), m.Name, strings.Join(want, ", "))
		case !slices.Equal(a.Shape, s.shape):
			hint := ""
			if len(a.Shape) == 2 && len(s.shape) == 2 && a.Shape[0] == s.shape[1] && a.Shape[1] == s.shape[0] {
				hint = " (transposed? save its .T)"
			}
			return fail("array %s has shape %s, model %s wants %s%s", s.name, npz.ShapeString(a.Shape), m.Name, npz.ShapeString(s.shape), hint)
		}
		for i, v := range a.Data {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return fail("array %s: element %d is %v: the weights are not finite, nothing loaded", s.name, i, v)
			}
		}
	}
	for _, s := range specs {
		a := byName[s.name]
		if s.rows > 0 {
			transpose(s.src, a.Data, s.cols, s.rows) // numpy's (cols, rows) back to (rows, cols)
		} else {
			copy(s.src, a.Data)
		}
	}
	return nil
}

// transpose writes into dst, (cols, rows) row-major, the transpose of src,
// (rows, cols) row-major.
func transpose(dst, src []float32, rows, cols int) {
	for i := range rows {
		for j := range cols {
			dst[j*rows+i] = src[i*cols+j]
		}
	}
}

// WriteNPZ writes the model's weights to w as an .npz file of Arrays.
func (m *Model) WriteNPZ(w io.Writer) error { return npz.Write(w, m.Arrays()) }

// Load sets the weights from a file in either format, told apart by its
// first bytes: numpy's .npz (a zip, "PK") through LoadArrays, or Digit
// Lab's own weights file through UnmarshalBinary. On error the model is
// unchanged.
func (m *Model) Load(data []byte) error {
	if len(data) >= 2 && string(data[:2]) == "PK" {
		arrays, err := npz.Read(data)
		if err != nil {
			return &FormatError{Msg: strings.TrimPrefix(err.Error(), "npz: ")}
		}
		return m.LoadArrays(arrays)
	}
	if len(data) > 0 && !strings.HasPrefix(fileMagic, string(data[:min(4, len(data))])) {
		return &FormatError{Msg: fmt.Sprintf("not a weights file: neither numpy's .npz nor Digit Lab's .weights (it starts with %s)", excerpt.Quote(string(data[:min(4, len(data))])))}
	}
	return m.UnmarshalBinary(data)
}
