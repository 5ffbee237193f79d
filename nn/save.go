package nn

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"

	"digitlab/excerpt"
)

// Weights file format, version 1, all integers little-endian:
//
//	"DLNN"            magic, 4 bytes
//	uint16            format version (1)
//	uint16 + bytes    model name
//	uint16 + bytes    architecture signature (Model.Signature)
//	uint32            parameter count n
//	n × float32       Params (IEEE 754 bits)
//	uint32            CRC-32 (IEEE) of everything before it
const (
	fileMagic   = "DLNN"
	fileVersion = 1
)

// MaxFileBytes is the largest weights file UnmarshalBinary reads (64 MiB,
// 16 M parameters: 100× the largest preset), so a reader can refuse a
// bigger file before it loads it into memory.
const MaxFileBytes = 64 << 20

// FormatError says why a weights file cannot be loaded into a model.
type FormatError struct{ Msg string }

func (e *FormatError) Error() string { return "nn: weights file: " + e.Msg }

// MarshalBinary encodes the model's name, signature and Params. Weights
// that are not all finite (a run that diverged) give a *FormatError: such a
// file could not be loaded back.
func (m *Model) MarshalBinary() ([]byte, error) {
	for i, p := range m.Params {
		if math.IsNaN(float64(p)) || math.IsInf(float64(p), 0) {
			return nil, &FormatError{Msg: fmt.Sprintf("parameter %s of %s is %v: the weights are not finite (the run diverged; reset it before saving)", Commas(i+1), Commas(len(m.Params)), p)}
		}
	}
	sig := m.Signature()
	if len(m.Name) > math.MaxUint16 || len(sig) > math.MaxUint16 {
		return nil, &FormatError{Msg: "model name or signature too long"}
	}
	b := make([]byte, 0, 4+2+2+len(m.Name)+2+len(sig)+4+4*len(m.Params)+4)
	b = append(b, fileMagic...)
	b = binary.LittleEndian.AppendUint16(b, fileVersion)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(m.Name)))
	b = append(b, m.Name...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(sig)))
	b = append(b, sig...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.Params)))
	for _, p := range m.Params {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p))
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

// UnmarshalBinary loads Params from data written by MarshalBinary for a
// model of the same architecture (the names may differ). It returns a
// *FormatError — for a damaged or foreign file, one for another
// architecture ("file is for model "cnn" (332 params), this is mlp10 (26,506
// params)") or one whose weights are not all finite — and leaves the model
// unchanged on error. Optimiser state is
// not part of the file.
func (m *Model) UnmarshalBinary(data []byte) error {
	d := data
	fail := func(format string, a ...any) error { return &FormatError{Msg: fmt.Sprintf(format, a...)} }
	if len(d) == 0 {
		return fail("the file is empty")
	}
	if len(d) > MaxFileBytes {
		return fail("the file holds %s bytes, more than a weights file may (%s)", Commas(len(d)), Commas(MaxFileBytes))
	}
	if len(d) < 4 || string(d[:4]) != fileMagic {
		return fail("not a Digit Lab weights file (it starts with %s, a weights file with %q)", excerpt.Quote(string(d[:min(4, len(d))])), fileMagic)
	}
	d = d[4:]
	u16 := func() (int, bool) {
		if len(d) < 2 {
			return 0, false
		}
		v := binary.LittleEndian.Uint16(d)
		d = d[2:]
		return int(v), true
	}
	str := func() (string, bool) {
		n, ok := u16()
		if !ok || len(d) < n {
			return "", false
		}
		s := string(d[:n])
		d = d[n:]
		return s, true
	}
	v, ok := u16()
	if !ok {
		return fail("truncated header")
	}
	if v != fileVersion {
		return fail("format version %d, this build reads version %d", v, fileVersion)
	}
	name, ok1 := str()
	sig, ok2 := str()
	if !ok1 || !ok2 || len(d) < 4 {
		return fail("truncated header")
	}
	n := int(binary.LittleEndian.Uint32(d))
	d = d[4:]
	if len(d) != 4*n+4 {
		return fail("file holds %d bytes of weights and checksum, header says %d parameters (%d bytes): truncated or padded", len(d), n, 4*n+4)
	}
	body := data[:len(data)-4]
	if got, want := crc32.ChecksumIEEE(body), binary.LittleEndian.Uint32(data[len(data)-4:]); got != want {
		return fail("checksum mismatch (file damaged): computed %08x, stored %08x", got, want)
	}
	if sig != m.Signature() || n != len(m.Params) {
		if name != m.Name {
			return fail("file is for model %s (%s params), this is %s (%s params)", excerpt.Word(name), Commas(n), m.Name, Commas(len(m.Params)))
		}
		return fail("file is for architecture %s (%s params), this model %s is %s (%s params)", excerpt.Quote(sig), Commas(n), m.Name, m.Signature(), Commas(len(m.Params)))
	}
	for i := range n {
		if v := math.Float32frombits(binary.LittleEndian.Uint32(d[4*i:])); math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return fail("parameter %s of %s is %v: the weights are not finite (saved from a run that diverged?), nothing loaded", Commas(i+1), Commas(n), v)
		}
	}
	for i := range m.Params {
		m.Params[i] = math.Float32frombits(binary.LittleEndian.Uint32(d[4*i:]))
	}
	return nil
}
