package digitsview

import (
	"fmt"
	"testing"
)

// TestRunChecksumGolden: the page's run gives the same weights on every
// platform. The checksums were recorded natively (linux/amd64) with
// `digitlab page`; the test runs natively and under js/wasm on Node
// (./build.sh test), and the browser test checks digitlab.checksum()
// against the CLI, so the worker in the browser, Node and the CLI agree
// to the bit.
func TestRunChecksumGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		task, model string
		steps       int
		mnist       bool
		want        uint32
	}{
		{"digits8", "digits64", 3, false, 0xee999f22},
		{"4v9", "cnn", 50, true, 0xde7550e0},
		{"10", "best", 30, true, 0x60cd2069},
	} {
		t.Run(tc.model, func(t *testing.T) {
			cfg, err := ForModel(tc.task, tc.model)
			if err != nil {
				t.Fatal(err)
			}
			r, clk := newTestRun(t, cfg)
			if tc.mnist {
				r.SetSources(mnistAlways(t))
			}
			r.Step(tc.steps)
			settle(t, r, clk)
			got := Checksum(r.Model().Params)
			if s := r.Session().Steps(); s != tc.steps || got != tc.want {
				t.Errorf("after %d steps: checksum %08x, want %08x at step %d (digitlab page --steps %d --set task=%s --set model=%s)",
					s, got, tc.want, tc.steps, tc.steps, tc.task, tc.model)
			}
		})
	}
}

// TestChecksum is the CRC-32 of the parameters' little-endian bits: it
// changes with any bit of any parameter, and an empty model has CRC 0.
func TestChecksum(t *testing.T) {
	t.Parallel()
	p := []float32{1, -2, 0.5}
	a := Checksum(p)
	if got := fmt.Sprintf("%08x", Checksum(nil)); got != "00000000" {
		t.Errorf("Checksum(nil) = %s", got)
	}
	for i := range p {
		q := append([]float32(nil), p...)
		q[i] = -q[i]
		if Checksum(q) == a {
			t.Errorf("flipping the sign of parameter %d keeps the checksum %08x", i, a)
		}
	}
	// 1.0 is 0x3f800000, the bytes 00 00 80 3f; their CRC-32 from an
	// independent implementation: Python's zlib.crc32(struct.pack('<f', 1.0)).
	if got, want := Checksum([]float32{1}), uint32(0xaca16a6a); got != want {
		t.Errorf("Checksum([1]) = %08x, want %08x", got, want)
	}
}
