package nn

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"testing"
)

// TestCrossPlatformChecksums: 20 training steps of every preset (with its
// recipe's optimiser) from a fixed seed give bit-for-bit the same weights on every platform.
// The checksums were recorded natively (linux/amd64, GOAMD64=v1) and
// reproduced under GOOS=js GOARCH=wasm; a run in the browser therefore
// matches a run of cmd/digitlab. If an intended numeric change alters
// them, re-record them on both platforms (go test -run CrossPlatform -v
// prints the new values). Builds that fuse multiply-adds (GOAMD64=v3,
// arm64) may legitimately differ and are skipped by the golden check.
func TestCrossPlatformChecksums(t *testing.T) {
	t.Parallel()
	golden := map[string]uint32{
		"linear": 0x5675f2b3, "vanilla": 0x45750b06, "cnn": 0xf9fdf3ab, "mlp10": 0x04065a96,
		"cnn10": 0x6a1979ff, "cnn10-tanh": 0x563e5c20, "digits64": 0x0a9e59c3, "best": 0xf400a1a8,
		"convnetjs": 0xb9656d45,
	}
	for _, name := range trainable {
		m := mustPreset(t, name, 5)
		opt := newRecipeOpt(name, len(m.Params))
		r := newRand(6)
		for range 20 {
			m.TrainSample(sparseImage(r, m.In.Size(), 0.7), r.IntN(m.Classes()))
			m.Step(opt, 0.01)
			m.ZeroGrad()
		}
		b := make([]byte, 0, 4*len(m.Params))
		for _, v := range m.Params {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
		got := crc32.ChecksumIEEE(b)
		t.Logf("%q: 0x%08x,", name, got)
		if !fusesMultiplyAdd && got != golden[name] {
			t.Errorf("%s: weights checksum 0x%08x, want 0x%08x", name, got, golden[name])
		}
	}
}
