package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"
)

// writeWasmLike writes size bytes that compress like a Go main.wasm to the
// file p, and returns their SHA-256. At gzip's default level 17 MB of them
// shrink 3.5× (the real main.wasm: 4.1×) and take as long to compress as the
// real one (0.5 s on one core of the machine this was tuned on). The bytes are
// snippets of 4–19 bytes with a skewed byte distribution, like instruction
// sequences, drawn from a table of 4096 by a Zipf law, one in eight followed
// by 1–3 random bytes, like immediates.
func writeWasmLike(p string, size int, rng *rand.Rand) ([sha256.Size]byte, error) {
	snippets := make([][]byte, 4096)
	for i := range snippets {
		s := make([]byte, 4+rng.IntN(16))
		for j := range s {
			s[j] = byte(rng.ExpFloat64() * 6)
		}
		snippets[i] = s
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(snippets)-1))

	f, err := os.Create(p)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	defer f.Close()
	sum := sha256.New()
	bw := bufio.NewWriter(io.MultiWriter(f, sum))
	bw.WriteString("\x00asm\x01\x00\x00\x00")
	n := 8
	var buf []byte
	for n < size {
		buf = append(buf[:0], snippets[zipf.Uint64()]...)
		if rng.IntN(8) == 0 {
			for range 1 + rng.IntN(3) {
				buf = append(buf, byte(rng.Uint32()))
			}
		}
		buf = buf[:min(len(buf), size-n)]
		bw.Write(buf)
		n += len(buf)
	}
	if err := bw.Flush(); err != nil {
		return [sha256.Size]byte{}, err
	}
	return [sha256.Size]byte(sum.Sum(nil)), f.Close()
}

// heapPeak samples HeapInuse every 5 ms until stop is closed, then sends the
// largest value seen.
func heapPeak(stop <-chan struct{}, peak chan<- uint64) {
	var ms runtime.MemStats
	var most uint64
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		runtime.ReadMemStats(&ms)
		most = max(most, ms.HeapInuse)
		select {
		case <-stop:
			peak <- most
			return
		case <-tick.C:
		}
	}
}

// heapBound is the most heap the cold burst may use: the compressed copy
// (about 5 MB), the compressor's state and the connections' buffers, with
// room to spare for the garbage collector's slack.
const heapBound = 100 << 20

// TestColdBurst is the classroom case: a freshly started server and 200
// browsers asking for a 17 MB main.wasm at once. It checks that the file is
// compressed once, every browser gets the same compressed bytes, and the
// heap stays under heapBound; it logs the process CPU time of the burst
// beside that of one compression of the file. With -short it uses 2 MB and
// 50 requests.
func TestColdBurst(t *testing.T) {
	size, clients := 17<<20, 200
	if testing.Short() {
		size, clients = 2<<20, 50
	}
	root := t.TempDir()
	wasm := filepath.Join(root, "main.wasm")
	want, err := writeWasmLike(wasm, size, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	addr := serveForTest(t, newServer(h, classroomTimeouts), defaultMaxConns)
	tr := &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	type result struct {
		n       int64  // body bytes read
		length  string // Content-Length
		decoded [sha256.Size]byte
		err     error
	}
	results := make([]result, clients)
	get := func(i int) result {
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/main.wasm", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			return result{err: err}
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" {
			return result{err: fmt.Errorf("%s, Content-Encoding %q", resp.Status, resp.Header.Get("Content-Encoding"))}
		}
		r := result{length: resp.Header.Get("Content-Length")}
		if i > 0 {
			r.n, r.err = io.Copy(io.Discard, resp.Body)
			return r
		}
		// The first body is also decoded, as a hash, to compare with the file.
		cr := &countingReader{r: resp.Body}
		zr, err := gzip.NewReader(cr)
		if err != nil {
			return result{err: err}
		}
		sum := sha256.New()
		if _, r.err = io.Copy(sum, zr); r.err == nil {
			r.decoded = [sha256.Size]byte(sum.Sum(nil))
			_, r.err = io.Copy(io.Discard, cr) // nothing should follow the gzip member
		}
		r.n = cr.n
		return r
	}

	runtime.GC()
	stop, peakc := make(chan struct{}), make(chan uint64)
	go heapPeak(stop, peakc)
	cpu0, cpuKnown := processCPU()
	start := time.Now()
	gate := make(chan struct{})
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			results[i] = get(i)
		}()
	}
	close(gate)
	wg.Wait()
	wall := time.Since(start)
	cpu1, _ := processCPU()
	close(stop)
	peak := <-peakc

	fi, err := os.Stat(wasm)
	if err != nil {
		t.Fatal(err)
	}
	cached, ok := h.gz.peek("main.wasm", fi)
	if !ok {
		t.Fatal("main.wasm is not in the cache after the burst")
	}
	for i, r := range results {
		if r.err != nil {
			t.Fatalf("request %d: %v", i, r.err)
		}
		if r.n != int64(len(cached)) || r.length != strconv.Itoa(len(cached)) {
			t.Fatalf("request %d: %d body bytes, Content-Length %s, want the compressed size %d", i, r.n, r.length, len(cached))
		}
	}
	if results[0].decoded != want {
		t.Error("the body does not decompress to main.wasm")
	}
	if n := h.gz.compressions.Load(); n != 1 {
		t.Errorf("%d compressions for %d cold requests, want 1", n, clients)
	}
	if peak >= heapBound {
		t.Errorf("heap in use peaked at %.1f MB, want under %d MB", float64(peak)/(1<<20), heapBound>>20)
	}

	// One compression of the same file, for scale.
	f, err := os.Open(wasm)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cpu2, _ := processCPU()
	if _, err := compress("main.wasm", f, fi.Size()); err != nil {
		t.Fatal(err)
	}
	cpu3, _ := processCPU()

	t.Logf("%d cold GETs of a %.1f MB main.wasm (%.2f MB gzip, ratio %.2f) in %v wall; %d waited for the one compression; peak HeapInuse %.1f MB (bound %d MB)",
		clients, float64(size)/(1<<20), float64(len(cached))/(1<<20), float64(size)/float64(len(cached)),
		wall.Round(time.Millisecond), h.gz.waits.Load(), float64(peak)/(1<<20), heapBound>>20)
	if cpuKnown {
		burst, one := cpu1-cpu0, cpu3-cpu2
		t.Logf("process CPU: burst %v (server and client, %.0f MB through loopback), one compression %v, ratio %.1f",
			burst.Round(time.Millisecond), float64(clients)*float64(len(cached))/(1<<20), one.Round(time.Millisecond), float64(burst)/float64(one))
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
