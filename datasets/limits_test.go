package datasets

import (
	"bytes"
	"encoding/binary"
	"math"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes and the number of allocations f makes: the
// fewest of three runs, since MemStats counts the whole process and a
// runtime goroutine may allocate during one. Not for parallel tests.
func allocated(f func()) (bytes, count uint64) {
	bytes, count = math.MaxUint64, math.MaxUint64
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		bytes, count = min(bytes, after.TotalAlloc-before.TotalAlloc), min(count, after.Mallocs-before.Mallocs)
	}
	return bytes, count
}

// The readers' bound: a file whose header claims more than it holds costs
// at most this many bytes before it is refused (the gzip reader's window
// and tables, a bufio buffer, the first 64 KiB chunk of the data).
const claimBound = 256 << 10

// TestParseMNISTForgedGzipSize: a 38-byte gzip stream whose header claims
// 171,196 images (134 MB) and whose trailer claims 4 GB is refused as
// corrupt without trusting either.
func TestParseMNISTForgedGzipSize(t *testing.T) {
	const count = MaxIDXBytes / (28 * 28)
	images := gz(idxImages(MagicImages, count, 28, 28, nil))
	binary.LittleEndian.PutUint32(images[len(images)-4:], 0xffffffff)
	labels := gz(idxLabels(MagicLabels, count, nil))
	var err error
	n, _ := allocated(func() { _, _, err = ParseMNIST(images, labels, images, labels) })
	// The forged trailer fails gzip's own length check where the data ends.
	checkFormatError(t, err, "train-images", -1, "corrupt image data")
	if n > claimBound {
		t.Errorf("refusing a %d-byte file that claims 134 MB allocated %d bytes, want ≤ %d", len(images), n, claimBound)
	}
	t.Logf("%d-byte gzip claiming %d images: %d bytes allocated", len(images), count, n)
}

// TestReadIDXClaimingMore: raw IDX headers that claim the maximum with no
// data behind them, for images and labels.
func TestReadIDXClaimingMore(t *testing.T) {
	var err error
	raw := idxImages(MagicImages, MaxIDXBytes/(28*28), 28, 28, make([]byte, 100))
	n, _ := allocated(func() { _, err = ReadIDXImages(bytes.NewReader(raw), "x-images") })
	checkFormatError(t, err, "x-images", -1, "truncated image data: got 100 of")
	if n > claimBound {
		t.Errorf("images: %d bytes allocated for a %d-byte file, want ≤ %d", n, len(raw), claimBound)
	}
	lab := gz(idxLabels(MagicLabels, MaxIDXBytes, []byte{1, 2, 3}))
	n, _ = allocated(func() { _, err = ReadIDXLabels(bytes.NewReader(lab), "x-labels") })
	checkFormatError(t, err, "x-labels", -1, "truncated label data: got 3 of")
	if n > claimBound {
		t.Errorf("labels: %d bytes allocated for a %d-byte file, want ≤ %d", n, len(lab), claimBound)
	}
}

// TestReadDigitsCSVBomb: a small gzip of a million valid rows stops at the
// row limit, with a bounded allocation and a few allocations per thousand
// rows, not several per row.
func TestReadDigitsCSVBomb(t *testing.T) {
	one := row("3", "7") + "\n"
	bomb := gz([]byte(strings.Repeat(one, 1_000_000)))
	var err error
	n, count := allocated(func() { _, err = ReadDigitsCSV(bytes.NewReader(bomb), "bomb.csv.gz") })
	if err == nil || !strings.Contains(err.Error(), "more than 20000 rows") {
		t.Fatalf("error %v, want the row limit", err)
	}
	// The rows kept before the limit: 20,000 × 65 bytes, grown by append.
	const bound = 8 << 20
	if n > bound || count > 1000 {
		t.Errorf("a %d-byte gzip of 1 M rows: %d bytes in %d allocations, want ≤ %d bytes and ≤ 1000 allocations", len(bomb), n, count, bound)
	}
	t.Logf("%d-byte gzip of 1 M rows: %d bytes in %d allocations before the row limit", len(bomb), n, count)
}
