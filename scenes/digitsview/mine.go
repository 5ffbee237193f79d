package digitsview

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"

	"digitlab/excerpt"
	"digitlab/nn"
	"digitlab/scenes/pad"
)

// "My digits": the student's own handwriting as labelled samples. A digit
// is the 28×28 image the network sees of a drawing (after the MNIST
// pre-processing, pad.MNIST), stored as bytes like MNIST's. The page keeps
// them (Mine), saves them in the browser and in files (MarshalMine,
// ParseMine), tests the model on them (scene_mine.go) and sends them to
// the worker, which mixes them into the training stream (Run.SetMine,
// train.Mix).

// MaxMine is the most digits the page keeps: 1000 take about 1 MB of the
// browser's storage and of a file.
const MaxMine = 1000

// MineSize is the values of one digit, 28×28.
const MineSize = pad.Side * pad.Side

// MineFormat names a my-digits file (its "format" field).
const MineFormat = "digitlab my digits"

// MyDigit is one of the student's digits: its label 0..9 and the pixels
// the network sees, 0..255 (0 = background), row by row.
type MyDigit struct {
	Label int
	Pix   [MineSize]uint8
}

// NewMyDigit quantises a 28×28 image in 0..1 (pad.MNIST's output) to a
// digit with label. It returns an error for a label outside 0..9, another
// number of pixels, or a value that is not a number.
func NewMyDigit(px []float32, label int) (MyDigit, error) {
	var d MyDigit
	if label < 0 || label > 9 {
		return d, fmt.Errorf("my digits: the label must be a digit 0–9, not %d", label)
	}
	if len(px) != MineSize {
		return d, fmt.Errorf("my digits: a digit is %d×%d = %d pixels, not %d", pad.Side, pad.Side, MineSize, len(px))
	}
	d.Label = label
	for i, v := range px {
		if math.IsNaN(float64(v)) {
			return MyDigit{}, fmt.Errorf("my digits: pixel %d is not a number", i)
		}
		d.Pix[i] = uint8(math.Round(float64(min(max(v, 0), 1)) * 255))
	}
	return d, nil
}

// Floats writes the pixels in 0..1 into dst (resliced; it allocates only
// when cap(dst) < MineSize) and returns it.
func (d *MyDigit) Floats(dst []float32) []float32 {
	if cap(dst) < MineSize {
		dst = make([]float32, MineSize)
	}
	dst = dst[:MineSize]
	for i, v := range d.Pix {
		dst[i] = float32(v) / 255
	}
	return dst
}

// Blank reports whether the digit has no ink (an empty pad).
func (d *MyDigit) Blank() bool {
	for _, v := range d.Pix {
		if v != 0 {
			return false
		}
	}
	return true
}

// Mine is the page's collection of the student's digits, in the order
// they were added. Version changes with every change, for the page to
// save them and the views to redraw.
type Mine struct {
	items []MyDigit
	ver   int
}

// Len returns the number of digits.
func (m *Mine) Len() int { return len(m.items) }

// Items returns the digits; the slice is the collection's own: do not
// modify it.
func (m *Mine) Items() []MyDigit { return m.items }

// At returns digit i.
func (m *Mine) At(i int) *MyDigit { return &m.items[i] }

// Version counts the changes.
func (m *Mine) Version() int { return m.ver }

// Add appends a digit. It refuses a blank one and one past MaxMine.
func (m *Mine) Add(d MyDigit) error {
	if d.Blank() {
		return fmt.Errorf("my digits: the drawing is empty: draw a digit first")
	}
	if len(m.items) >= MaxMine {
		return fmt.Errorf("my digits: already %d digits, the most the page keeps: delete some first", MaxMine)
	}
	m.items = append(m.items, d)
	m.ver++
	return nil
}

// Delete removes digit i (nothing for an index out of range).
func (m *Mine) Delete(i int) {
	if i < 0 || i >= len(m.items) {
		return
	}
	m.items = append(m.items[:i], m.items[i+1:]...)
	m.ver++
}

// Clear removes every digit.
func (m *Mine) Clear() {
	if len(m.items) > 0 {
		m.items = m.items[:0]
		m.ver++
	}
}

// Replace sets the digits to ds (a restore from the browser's storage).
func (m *Mine) Replace(ds []MyDigit) {
	m.items = append(m.items[:0], ds...)
	m.ver++
}

// Merge adds the digits of ds that the collection does not hold yet
// (same label and pixels), as far as MaxMine allows: a class can pool its
// files. It returns how many it added, how many were already there and
// how many did not fit.
func (m *Mine) Merge(ds []MyDigit) (added, dup, over int) {
	have := make(map[MyDigit]bool, len(m.items)+len(ds))
	for _, d := range m.items {
		have[d] = true
	}
	for _, d := range ds {
		switch {
		case have[d]:
			dup++
		case len(m.items) >= MaxMine:
			over++
		default:
			m.items = append(m.items, d)
			have[d] = true
			added++
		}
	}
	if added > 0 {
		m.ver++
	}
	return added, dup, over
}

// mineFile is the JSON of a my-digits file: each digit's label and its
// 784 pixel bytes in base64.
type mineFile struct {
	Format  string      `json:"format"`
	Version int         `json:"version"`
	Side    int         `json:"side"`
	Digits  []mineEntry `json:"digits"`
}

type mineEntry struct {
	Label  int    `json:"label"`
	Pixels string `json:"pixels"`
}

// MarshalMine encodes digits as a my-digits file (JSON, about 1.1 KB a
// digit), the format of the browser's storage and of Export.
func MarshalMine(ds []MyDigit) []byte {
	f := mineFile{Format: MineFormat, Version: 1, Side: pad.Side, Digits: make([]mineEntry, len(ds))}
	for i := range ds {
		f.Digits[i] = mineEntry{Label: ds[i].Label, Pixels: base64.StdEncoding.EncodeToString(ds[i].Pix[:])}
	}
	b, err := json.Marshal(f)
	if err != nil {
		panic("digitsview: MarshalMine: " + err.Error()) // cannot happen: plain types
	}
	return b
}

// MineFileError says why a my-digits file cannot be read, in words for
// the banner.
type MineFileError struct{ Name, Msg string }

func (e *MineFileError) Error() string {
	if e.Name == "" {
		return "my digits: " + e.Msg
	}
	return "my digits: " + excerpt.Quote(e.Name) + " " + e.Msg
}

// ParseMine reads a my-digits file written by MarshalMine. name is for
// the message only. A file that is not one, or with any bad digit, is an
// error and gives no digits: nothing half-read.
func ParseMine(name string, b []byte) ([]MyDigit, error) {
	bad := func(format string, a ...any) error { return &MineFileError{name, fmt.Sprintf(format, a...)} }
	if len(b) > (MaxMine*2+16)*1200 {
		return nil, bad("is %d KB, larger than any my-digits file", len(b)>>10)
	}
	var f mineFile
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&f); err != nil {
		if len(bytes.TrimSpace(b)) == 0 {
			return nil, bad("is empty")
		}
		if b0 := bytes.TrimSpace(b)[0]; b0 != '{' {
			return nil, bad("is not a my-digits file (those are JSON saved by \"export\")")
		}
		return nil, bad("is not valid JSON of a my-digits file: %v", err)
	}
	if f.Format != MineFormat {
		return nil, bad("is JSON but not a my-digits file (its \"format\" is %q, not %q)", f.Format, MineFormat)
	}
	if f.Version != 1 {
		return nil, bad("is version %d of the format; this page reads version 1", f.Version)
	}
	if f.Side != pad.Side {
		return nil, bad("has %d×%d digits; this page uses %d×%d", f.Side, f.Side, pad.Side, pad.Side)
	}
	ds := make([]MyDigit, len(f.Digits))
	for i, e := range f.Digits {
		if e.Label < 0 || e.Label > 9 {
			return nil, bad("digit %d has label %d, not a digit 0–9", i+1, e.Label)
		}
		px, err := base64.StdEncoding.DecodeString(e.Pixels)
		if err != nil {
			return nil, bad("digit %d: its pixels are not base64", i+1)
		}
		if len(px) != MineSize {
			return nil, bad("digit %d has %d pixels, not %d", i+1, len(px), MineSize)
		}
		ds[i].Label = e.Label
		copy(ds[i].Pix[:], px)
	}
	return ds, nil
}

// Wire form of the digits in a CmdMine command: one byte of label and 784
// of pixels each.
const mineWireSize = 1 + MineSize

// AppendMineWire appends the wire form of ds to dst.
func AppendMineWire(dst []byte, ds []MyDigit) []byte {
	for i := range ds {
		dst = append(dst, byte(ds[i].Label))
		dst = append(dst, ds[i].Pix[:]...)
	}
	return dst
}

// ParseMineWire decodes AppendMineWire's bytes.
func ParseMineWire(b []byte) ([]MyDigit, error) {
	if len(b)%mineWireSize != 0 || len(b) > MaxMine*mineWireSize {
		return nil, fmt.Errorf("my digits: %d bytes are not a whole number of digits (%d bytes each, at most %d)", len(b), mineWireSize, MaxMine)
	}
	ds := make([]MyDigit, len(b)/mineWireSize)
	for i := range ds {
		p := b[i*mineWireSize:]
		if p[0] > 9 {
			return nil, fmt.Errorf("my digits: digit %d has label %d", i+1, p[0])
		}
		ds[i].Label = int(p[0])
		copy(ds[i].Pix[:], p[1:mineWireSize])
	}
	return ds, nil
}

// mineData is the digits of a task as a model's training data
// (train.Data): each one's model input (ModelInput) and its class.
type mineData struct {
	size   int
	x      []float32
	labels []int
}

// newMineData makes the training data of ds for a model with input in
// and classes digits (a task's Digits: class k is the digit digits[k]);
// the digits of no class are left out. raw is Config.Raw.
func newMineData(ds []MyDigit, digits []int, in nn.Shape, raw bool) *mineData {
	d := &mineData{}
	var px, x []float32
	for i := range ds {
		class := -1
		for k, dg := range digits {
			if dg == ds[i].Label {
				class = k
			}
		}
		if class < 0 {
			continue
		}
		px = ds[i].Floats(px)
		x = ModelInput(x, px, in, raw)
		d.size = len(x)
		d.x = append(d.x, x...)
		d.labels = append(d.labels, class)
	}
	return d
}

func (d *mineData) Len() int        { return len(d.labels) }
func (d *mineData) Label(i int) int { return d.labels[i] }
func (d *mineData) Sample(dst []float32, i int) []float32 {
	if cap(dst) < d.size {
		dst = make([]float32, d.size)
	}
	dst = dst[:d.size]
	copy(dst, d.x[i*d.size:(i+1)*d.size])
	return dst
}
