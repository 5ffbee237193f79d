package datasets

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseMNIST parses the four real files from memory, as the page
// does with fetched bytes. Bytes/s are of the compressed input.
func BenchmarkParseMNIST(b *testing.B) {
	dir, err := MNISTDir()
	if err != nil {
		b.Fatal(err)
	}
	var data [4][]byte
	total := 0
	for i, f := range []string{MNISTTrainImages, MNISTTrainLabels, MNISTTestImages, MNISTTestLabels} {
		if data[i], err = os.ReadFile(filepath.Join(dir, f)); err != nil {
			b.Fatal(err)
		}
		total += len(data[i])
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ParseMNIST(data[0], data[1], data[2], data[3]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSample converts 28×28 uint8 samples to float32, per sample.
func BenchmarkSample(b *testing.B) {
	const n = 1000
	pix := make([]byte, n*784)
	r := rand.New(rand.NewPCG(1, 1))
	for i := range pix {
		pix[i] = byte(r.IntN(256))
	}
	s, err := ReadMNIST(bytes.NewReader(idxImages(MagicImages, n, 28, 28, pix)),
		bytes.NewReader(idxLabels(MagicLabels, n, make([]byte, n))), "bench")
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		desc string
		s    *Set
	}{{"uint8", s}, {"float32", s.AddNoise(r, 0.1)}} {
		b.Run(tc.desc, func(b *testing.B) {
			x := make([]float32, 784)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				x = tc.s.Sample(x, i)
				i = (i + 1) % n
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
		})
	}
}
