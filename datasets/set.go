package datasets

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// Set is a labelled data set of N samples of shape (H, W, C), row-major
// (H,W,C) per sample, as the nn package expects.
//
// Pixels are stored compactly: as uint8 (0..Max) for images as read from
// disk — 60000 MNIST images take 47 MB, not 188 MB of float32 — or as
// float32 in normalised units (0..1) once noise has been added. Sample converts one sample to float32 on demand.
//
// Labels are class indices 0..Classes()-1. Digits maps a class index to
// the digit it stands for: after Select(4, 9), class 0 is the digit 4
// and class 1 is the digit 9 (seed 000's DIG_A, DIG_B).
type Set struct {
	Name    string
	H, W, C int
	// Digits[k] is the digit of class k; nil for sets that are not digits.
	Digits []int
	// Names[k] is a display name of class k ("4").
	Names []string
	// Max is the largest raw pixel value: 255 for MNIST, 16 for the 8×8
	// digits.
	Max float32

	n      int
	labels []uint8   // (n): class index of each sample
	pix    []uint8   // (n, H, W, C) raw values 0..Max, or nil
	fpix   []float32 // (n, H, W, C) normalised values, or nil
	norm   bool      // Sample returns values/Max (true) or raw values (false)
}

// newU8Set makes a uint8-backed set, normalised by default.
func newU8Set(name string, h, w, c int, max float32, digits []int, labels, pix []uint8) *Set {
	return &Set{Name: name, H: h, W: w, C: c, Digits: digits, Names: digitNames(digits),
		Max: max, n: len(labels), labels: labels, pix: pix, norm: true}
}

func digitNames(digits []int) []string {
	names := make([]string, len(digits))
	for i, d := range digits {
		names[i] = strconv.Itoa(d)
	}
	return names
}

func allDigits() []int { return []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9} }

// Len returns the number of samples.
func (s *Set) Len() int { return s.n }

// Size returns the number of values in one sample, H·W·C.
func (s *Set) Size() int { return s.H * s.W * s.C }

// Classes returns the number of classes.
func (s *Set) Classes() int { return len(s.Names) }

// Label returns the class index of sample i.
func (s *Set) Label(i int) int { return int(s.labels[i]) }

// Labels returns the class indices of all samples. The slice is the set's
// own storage: do not modify it.
func (s *Set) Labels() []uint8 { return s.labels }

// Digit returns the digit of sample i; it panics if the set has no Digits.
func (s *Set) Digit(i int) int {
	if s.Digits == nil {
		panic("datasets: Digit on a set without digits")
	}
	return s.Digits[s.labels[i]]
}

// Counts returns the number of samples in each class.
func (s *Set) Counts() []int {
	c := make([]int, s.Classes())
	for _, l := range s.labels {
		c[l]++
	}
	return c
}

// Normalized reports whether Sample scales values to 0..1.
func (s *Set) Normalized() bool { return s.norm }

// SetNormalized chooses whether Sample returns values scaled to 0..1
// (true, the default) or raw values 0..Max (false; seed 001 trains on raw
// 0..255 pixels). It changes s in place.
func (s *Set) SetNormalized(on bool) { s.norm = on }

// Scale returns the factor Sample applies to stored uint8 values: 1/Max
// when normalised, 1 otherwise.
func (s *Set) Scale() float32 {
	if s.norm {
		return 1 / s.Max
	}
	return 1
}

// IsFloat reports whether the samples are stored as float32 (after
// AddNoise) rather than as uint8.
func (s *Set) IsFloat() bool { return s.fpix != nil }

// Raw returns the stored uint8 values of sample i (a sub-slice of the
// set's storage: do not modify it), or nil if the set is stored as float32.
func (s *Set) Raw(i int) []uint8 {
	if s.pix == nil {
		return nil
	}
	n := s.Size()
	return s.pix[i*n : (i+1)*n : (i+1)*n]
}

// Sample writes sample i as float32 into dst and returns it, resliced to
// Size(). It allocates only when cap(dst) < Size(). It panics if i is out
// of range.
func (s *Set) Sample(dst []float32, i int) []float32 {
	if i < 0 || i >= s.n {
		panic("datasets: sample index out of range")
	}
	n := s.Size()
	if cap(dst) < n {
		dst = make([]float32, n)
	}
	dst = dst[:n]
	if s.fpix != nil {
		src := s.fpix[i*n : (i+1)*n]
		if s.norm {
			copy(dst, src)
		} else {
			for j, v := range src {
				dst[j] = v * s.Max
			}
		}
		return dst
	}
	k := s.Scale()
	src := s.pix[i*n : (i+1)*n]
	for j, v := range src {
		dst[j] = float32(v) * k
	}
	return dst
}

// pick returns a new set holding samples idx of s, in that order, with the
// labels mapped through relabel (nil = unchanged).
func (s *Set) pick(name string, idx []int, relabel []int) *Set {
	n := s.Size()
	t := *s
	t.Name = name
	t.n = len(idx)
	t.labels = make([]uint8, len(idx))
	t.pix, t.fpix = nil, nil
	if s.pix != nil {
		t.pix = make([]uint8, len(idx)*n)
	} else {
		t.fpix = make([]float32, len(idx)*n)
	}
	for j, i := range idx {
		l := s.labels[i]
		if relabel != nil {
			l = uint8(relabel[l])
		}
		t.labels[j] = l
		if s.pix != nil {
			copy(t.pix[j*n:(j+1)*n], s.pix[i*n:(i+1)*n])
		} else {
			copy(t.fpix[j*n:(j+1)*n], s.fpix[i*n:(i+1)*n])
		}
	}
	return &t
}

// Select returns a new set with only the samples of the given digits,
// relabelled so that class k is digits[k]: Select(4, 9) gives two classes,
// 0 → 4 and 1 → 9. The order of samples is kept. It returns a
// *ConfigError if the set has no digits, a digit is repeated, or the set
// has no class for a digit.
func (s *Set) Select(digits ...int) (*Set, error) {
	if s.Digits == nil {
		return nil, &ConfigError{Op: "Select", Msg: s.Name + " has no digits"}
	}
	if len(digits) == 0 {
		return nil, &ConfigError{Op: "Select", Msg: "no digits given"}
	}
	relabel := make([]int, len(s.Digits))
	for k := range relabel {
		relabel[k] = -1
	}
	for j, d := range digits {
		found := false
		for k, sd := range s.Digits {
			if sd == d {
				if relabel[k] >= 0 {
					return nil, &ConfigError{Op: "Select", Msg: fmt.Sprintf("digit %d given twice", d)}
				}
				relabel[k] = j
				found = true
			}
		}
		if !found {
			return nil, &ConfigError{Op: "Select", Msg: fmt.Sprintf("%s has no digit %d", s.Name, d)}
		}
	}
	var idx []int
	for i, l := range s.labels {
		if relabel[l] >= 0 {
			idx = append(idx, i)
		}
	}
	t := s.pick(fmt.Sprintf("%s%v", s.Name, digits), idx, relabel)
	t.Digits = append([]int(nil), digits...)
	t.Names = digitNames(t.Digits)
	return t, nil
}

// Shuffle permutes the samples of s in place with r (Fisher–Yates).
func (s *Set) Shuffle(r *rand.Rand) {
	n := s.Size()
	var tmpF []float32
	var tmpU []uint8
	if s.pix != nil {
		tmpU = make([]uint8, n)
	} else {
		tmpF = make([]float32, n)
	}
	for i := s.n - 1; i > 0; i-- {
		j := r.IntN(i + 1)
		if i == j {
			continue
		}
		s.labels[i], s.labels[j] = s.labels[j], s.labels[i]
		if s.pix != nil {
			a, b := s.pix[i*n:(i+1)*n], s.pix[j*n:(j+1)*n]
			copy(tmpU, a)
			copy(a, b)
			copy(b, tmpU)
		} else {
			a, b := s.fpix[i*n:(i+1)*n], s.fpix[j*n:(j+1)*n]
			copy(tmpF, a)
			copy(a, b)
			copy(b, tmpF)
		}
	}
}

// Head returns a new set with the first n samples of s (all of them if
// n >= Len()). It panics if n < 0.
func (s *Set) Head(n int) *Set {
	if n < 0 {
		panic("datasets: Head with negative n")
	}
	n = min(n, s.n)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return s.pick(s.Name, idx, nil)
}

// AddNoise returns a new float32 set with Gaussian noise added, as seed
// 000's stress test: in normalised units x' = clip(x + sigma·randn, 0, 1),
// one r.NormFloat64 per value in storage order. The result keeps s's
// normalisation switch (raw output is x'·Max).
func (s *Set) AddNoise(r *rand.Rand, sigma float64) *Set {
	n := s.Size()
	t := *s
	t.Name = s.Name + "+noise"
	t.labels = append([]uint8(nil), s.labels...)
	t.pix = nil
	t.fpix = make([]float32, s.n*n)
	for i := range t.fpix {
		var x float64
		if s.pix != nil {
			x = float64(s.pix[i]) / float64(s.Max)
		} else {
			x = float64(s.fpix[i])
		}
		x += sigma * r.NormFloat64()
		t.fpix[i] = float32(min(max(x, 0), 1))
	}
	return &t
}

// Split shuffles the sample indices with r and returns a training set and
// a hold-out test set holding ceil(testFrac·Len()) samples, as
// scikit-learn's train_test_split(test_size=testFrac) does: 1797 digits
// with 0.2 give 1437 and 360. s is not changed. It panics unless
// 0 < testFrac < 1.
func (s *Set) Split(r *rand.Rand, testFrac float64) (train, test *Set) {
	if !(testFrac > 0 && testFrac < 1) {
		panic("datasets: Split fraction must be in (0, 1)")
	}
	// ceil without float error: 0.2*1797 = 359.4 → 360.
	nTest := int(testFrac * float64(s.n))
	if float64(nTest) < testFrac*float64(s.n) {
		nTest++
	}
	perm := r.Perm(s.n)
	test = s.pick(s.Name+"-test", perm[:nTest], nil)
	train = s.pick(s.Name+"-train", perm[nTest:], nil)
	return train, test
}

// Concat returns a new set with the samples of a followed by those of b.
// Both must have the same shape, classes, Max and storage kind; otherwise
// it returns a *ConfigError.
func Concat(a, b *Set) (*Set, error) {
	if a.H != b.H || a.W != b.W || a.C != b.C {
		return nil, &ConfigError{Op: "Concat", Msg: fmt.Sprintf("shapes (%d,%d,%d) and (%d,%d,%d) differ", a.H, a.W, a.C, b.H, b.W, b.C)}
	}
	if fmt.Sprint(a.Names) != fmt.Sprint(b.Names) || fmt.Sprint(a.Digits) != fmt.Sprint(b.Digits) {
		return nil, &ConfigError{Op: "Concat", Msg: fmt.Sprintf("classes %v and %v differ", a.Names, b.Names)}
	}
	if a.Max != b.Max || a.IsFloat() != b.IsFloat() {
		return nil, &ConfigError{Op: "Concat", Msg: "storage differs (one has noise added or another pixel range)"}
	}
	t := *a
	t.Name = a.Name + "+" + b.Name
	t.n = a.n + b.n
	t.labels = append(append([]uint8(nil), a.labels...), b.labels...)
	if a.pix != nil {
		t.pix = append(append([]uint8(nil), a.pix...), b.pix...)
	} else {
		t.fpix = append(append([]float32(nil), a.fpix...), b.fpix...)
	}
	return &t, nil
}
