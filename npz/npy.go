package npz

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"

	"digitlab/excerpt"
)

// Array is one named array: Data is row-major (C order) with
// len(Data) = the product of Shape (1 for a scalar, Shape empty).
type Array struct {
	Name  string
	Shape []int
	Data  []float32
}

// Len returns the number of elements Shape holds.
func (a Array) Len() int {
	n := 1
	for _, d := range a.Shape {
		n *= d
	}
	return n
}

// ShapeString is the shape as numpy prints it: (784,), (32, 784), ().
func ShapeString(shape []int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, d := range shape {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(d))
	}
	if len(shape) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String()
}

// MaxBytes caps the data of one array and of a whole file (64 MiB: 16 M
// float32 numbers, 100× the largest model), so a forged header or zip
// entry cannot make a reader allocate more.
const MaxBytes = 64 << 20

// maxHeader caps a .npy header's length (numpy writes ~120 bytes).
const maxHeader = 4096

// magic starts every .npy file.
const magic = "\x93NUMPY"

// FormatError says why a file or one of its arrays cannot be read.
type FormatError struct {
	Array string // the array's name ("" for the file as a whole)
	Msg   string
}

func (e *FormatError) Error() string {
	if e.Array == "" {
		return "npz: " + e.Msg
	}
	return "npz: array " + excerpt.Word(e.Array) + ": " + e.Msg
}

// AppendNPY appends a as a .npy file (version 1.0, little-endian float32,
// C order) to dst. It panics if len(a.Data) does not match a.Shape.
func AppendNPY(dst []byte, a Array) []byte {
	if a.Len() != len(a.Data) {
		panic("npz: array data does not match its shape")
	}
	h := "{'descr': '<f4', 'fortran_order': False, 'shape': " + ShapeString(a.Shape) + ", }"
	// Pad with spaces and end in a newline so that the data starts on a
	// multiple of 64 bytes, as numpy does.
	n := len(magic) + 2 + 2 + len(h) + 1
	h += strings.Repeat(" ", (64-n%64)%64) + "\n"
	dst = append(dst, magic...)
	dst = append(dst, 1, 0)
	dst = binary.LittleEndian.AppendUint16(dst, uint16(len(h)))
	dst = append(dst, h...)
	for _, v := range a.Data {
		dst = binary.LittleEndian.AppendUint32(dst, math.Float32bits(v))
	}
	return dst
}

// header is what a .npy header says.
type header struct {
	dtype   byte // 'f'
	size    int  // bytes per number: 4 or 8
	big     bool // big-endian
	fortran bool
	shape   []int
}

// ReadNPY reads one .npy file; name is used in errors and set on the
// result.
func ReadNPY(b []byte, name string) (Array, error) {
	fail := func(format string, args ...any) (Array, error) {
		return Array{}, &FormatError{Array: name, Msg: fmt.Sprintf(format, args...)}
	}
	if len(b) < len(magic)+4 || string(b[:len(magic)]) != magic {
		return fail("not a .npy array (it starts with %s)", excerpt.Quote(string(b[:min(len(b), len(magic))])))
	}
	major := b[len(magic)]
	b = b[len(magic)+2:]
	var hlen int
	switch major {
	case 1:
		hlen, b = int(binary.LittleEndian.Uint16(b)), b[2:]
	case 2, 3:
		if len(b) < 4 {
			return fail("truncated header")
		}
		hlen, b = int(min(binary.LittleEndian.Uint32(b), maxHeader+1)), b[4:]
	default:
		return fail(".npy format version %d, this reads versions 1 to 3", major)
	}
	if hlen > maxHeader {
		return fail("header of %d bytes, longer than %d", hlen, maxHeader)
	}
	if hlen > len(b) {
		return fail("truncated header: %d of %d bytes", len(b), hlen)
	}
	h, err := parseHeader(string(b[:hlen]))
	if err != nil {
		return fail("%s", err)
	}
	b = b[hlen:]
	n := 1
	for _, d := range h.shape {
		if d < 0 || (d > 0 && n > MaxBytes/h.size/d) {
			return fail("shape %s exceeds the %d-byte limit", ShapeString(h.shape), MaxBytes)
		}
		n *= d
	}
	if len(b) != n*h.size {
		return fail("shape %s needs %d bytes of data, the file holds %d", ShapeString(h.shape), n*h.size, len(b))
	}
	a := Array{Name: name, Shape: h.shape, Data: make([]float32, n)}
	var order binary.ByteOrder = binary.LittleEndian
	if h.big {
		order = binary.BigEndian
	}
	for i := range a.Data {
		if h.size == 4 {
			a.Data[i] = math.Float32frombits(order.Uint32(b[4*i:]))
		} else {
			a.Data[i] = float32(math.Float64frombits(order.Uint64(b[8*i:])))
		}
	}
	if h.fortran && len(h.shape) > 1 {
		a.Data = toC(a.Data, h.shape)
	}
	return a, nil
}

// toC reorders data stored in Fortran order (first index fastest) into C
// order (last index fastest).
func toC(f []float32, shape []int) []float32 {
	c := make([]float32, len(f))
	idx := make([]int, len(shape))
	for k := range c {
		// idx is the C-order multi-index of k; its Fortran offset:
		off, stride := 0, 1
		for d := range shape {
			off += idx[d] * stride
			stride *= shape[d]
		}
		c[k] = f[off]
		for d := len(shape) - 1; d >= 0; d-- {
			if idx[d]++; idx[d] < shape[d] {
				break
			}
			idx[d] = 0
		}
	}
	return c
}

// parseHeader reads the Python dict literal of a .npy header:
// {'descr': '<f4', 'fortran_order': False, 'shape': (32, 784), }
func parseHeader(s string) (header, error) {
	var h header
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
		return h, fmt.Errorf("header %s is not a dictionary", excerpt.QuoteN(s, 80))
	}
	s = s[1 : len(s)-1]
	seen := map[string]bool{}
	for {
		s = strings.TrimLeft(s, " ,")
		if s == "" {
			break
		}
		key, rest, ok := pyString(s)
		if !ok {
			return h, fmt.Errorf("header key at %s is not a quoted name", excerpt.QuoteN(s, 40))
		}
		rest = strings.TrimLeft(rest, " ")
		if !strings.HasPrefix(rest, ":") {
			return h, fmt.Errorf("header key %s has no value", excerpt.Quote(key))
		}
		rest = strings.TrimLeft(rest[1:], " ")
		if seen[key] {
			return h, fmt.Errorf("header key %s given twice", excerpt.Quote(key))
		}
		seen[key] = true
		var err error
		switch key {
		case "descr":
			var d string
			if d, rest, ok = pyString(rest); !ok {
				return h, fmt.Errorf("descr is not a quoted type")
			}
			err = h.setDescr(d)
		case "fortran_order":
			switch {
			case strings.HasPrefix(rest, "False"):
				h.fortran, rest = false, rest[5:]
			case strings.HasPrefix(rest, "True"):
				h.fortran, rest = true, rest[4:]
			default:
				return h, fmt.Errorf("fortran_order is not True or False")
			}
		case "shape":
			h.shape, rest, err = pyShape(rest)
		default:
			return h, fmt.Errorf("unknown header key %s", excerpt.Quote(key))
		}
		if err != nil {
			return h, err
		}
		s = rest
	}
	for _, k := range []string{"descr", "fortran_order", "shape"} {
		if !seen[k] {
			return h, fmt.Errorf("header has no %s", k)
		}
	}
	return h, nil
}

// setDescr accepts float32 and float64 in either byte order.
func (h *header) setDescr(d string) error {
	switch d {
	case "<f4", "=f4", "|f4":
		h.size = 4
	case ">f4":
		h.size, h.big = 4, true
	case "<f8", "=f8", "|f8":
		h.size = 8
	case ">f8":
		h.size, h.big = 8, true
	default:
		return fmt.Errorf("dtype %s, want float32 ('<f4') or float64 ('<f8'): convert with .astype(np.float32)", excerpt.QuoteN(d, 40))
	}
	h.dtype = 'f'
	return nil
}

// pyString reads a Python string literal in single or double quotes
// (without escapes) at the start of s.
func pyString(s string) (str, rest string, ok bool) {
	if s == "" || (s[0] != '\'' && s[0] != '"') {
		return "", s, false
	}
	end := strings.IndexByte(s[1:], s[0])
	if end < 0 {
		return "", s, false
	}
	return s[1 : 1+end], s[2+end:], true
}

// pyShape reads a tuple of non-negative integers: (), (784,), (32, 784).
func pyShape(s string) ([]int, string, error) {
	end := strings.IndexByte(s, ')')
	if !strings.HasPrefix(s, "(") || end < 0 {
		return nil, s, fmt.Errorf("shape is not a tuple")
	}
	inner, rest := s[1:end], s[end+1:]
	shape := []int{}
	for _, f := range strings.Split(inner, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		d, err := strconv.Atoi(strings.TrimSuffix(f, "L"))
		if err != nil || d < 0 {
			return nil, rest, fmt.Errorf("shape %s is not a tuple of sizes", excerpt.QuoteN(s[:end+1], 60))
		}
		shape = append(shape, d)
		if len(shape) > 8 {
			return nil, rest, fmt.Errorf("shape has more than 8 dimensions")
		}
	}
	if bytes.Count([]byte(inner), []byte(",")) == 0 && len(shape) == 1 {
		return nil, rest, fmt.Errorf("shape %s is not a tuple (a one-element tuple ends in a comma)", excerpt.QuoteN(s[:end+1], 60))
	}
	return shape, rest, nil
}
