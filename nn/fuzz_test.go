package nn

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"slices"
	"testing"

	"digitlab/excerpt/excerpttest"
)

// FuzzUnmarshalBinary: any bytes either load into the linear model —
// finite weights that save back to a file that loads the same — or give a
// *FormatError with a safe message and leave the model as it was.
func FuzzUnmarshalBinary(f *testing.F) {
	m := mustPreset(f, "linear", 1)
	good, err := m.MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	nan := slices.Clone(m.Params)
	nan[0] = float32(math.NaN())
	f.Add(good)
	f.Add(good[:len(good)-1])
	f.Add(good[:11])
	f.Add(forgeWeights(m.Name, m.Signature(), uint32(len(nan)), nan))
	f.Add(forgeWeights("\x1b[31m\n", "sig", uint32(len(nan)), m.Params))
	f.Add(forgeWeights(m.Name, m.Signature(), math.MaxUint32, nil))
	f.Add([]byte("hello"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkLoad(t, m, data)
		// The same bytes with a checksum that fits, so the fuzzer gets
		// past it to the header and the weights.
		checkLoad(t, m, binary.LittleEndian.AppendUint32(slices.Clone(data), crc32.ChecksumIEEE(data)))
	})
}

// checkLoad loads data into m and checks what FuzzUnmarshalBinary promises.
func checkLoad(t *testing.T, m *Model, data []byte) {
	before := slices.Clone(m.Params)
	err := m.UnmarshalBinary(data)
	if err != nil {
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Fatalf("error %v (%T) is not a *FormatError", err, err)
		}
		excerpttest.CheckMessage(t, err.Error())
		if !slices.Equal(before, m.Params) {
			t.Fatal("a failed load changed the model")
		}
		return
	}
	for i, p := range m.Params {
		if math.IsNaN(float64(p)) || math.IsInf(float64(p), 0) {
			t.Fatalf("loaded a non-finite weight %v at %d", p, i)
		}
	}
	again, err := m.MarshalBinary()
	if err != nil {
		t.Fatalf("loaded weights do not save: %v", err)
	}
	c := m.Clone()
	if err := c.UnmarshalBinary(again); err != nil || !slices.Equal(c.Params, m.Params) {
		t.Fatalf("saved again, the weights do not load the same: %v", err)
	}
}
