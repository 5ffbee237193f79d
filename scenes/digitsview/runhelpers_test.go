package digitsview

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"sync"
	"testing"
	"time"

	"digitlab/datasets"
	"digitlab/nn"
)

// fakeClock is a Run's clock in tests: every call moves it on by d, so
// that a Tick's deadline on it bounds the work deterministically (the
// session checks the clock every few samples; with d = 1 ms it settles
// on one sample per check).
type fakeClock struct {
	t time.Time
	d time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.t = c.t.Add(c.d)
	return c.t
}

// after is the deadline dt from now, without moving the clock.
func (c *fakeClock) after(dt time.Duration) time.Time { return c.t.Add(dt) }

// farAhead is a Tick deadline that no test run reaches: the tick stops when
// its work is done.
const farAhead = 1000 * time.Hour

var digitsOnce struct {
	sync.Once
	set *datasets.Set
}

// digitsData returns the 8×8 digits (loaded once for all tests; Prepare
// never modifies its sources).
func digitsData(t *testing.T) *datasets.Set {
	t.Helper()
	digitsOnce.Do(func() { digitsOnce.set = digits(t) })
	if digitsOnce.set == nil {
		t.Fatal("the 8x8 digits did not load (see the first failure)")
	}
	return digitsOnce.set
}

// newTestRun returns a run of cfg on a fake clock of 1 ms per call, with
// the 8×8 digits given (not built yet: the first Tick builds it).
func newTestRun(t *testing.T, cfg Config) (*Run, *fakeClock) {
	t.Helper()
	r := NewRun(cfg)
	clk := &fakeClock{t: time.Unix(1e9, 0), d: time.Millisecond}
	r.Now = clk.Now // before the build: the session takes its clock from r.Now
	r.SetSources(Sources{Digits: digitsData(t)})
	return r, clk
}

// maxTicks bounds every tick loop, so that a Run that never gets there
// fails instead of hanging.
const maxTicks = 20000

// tickUntil ticks r with deadlines dt apart until done() holds.
func tickUntil(t *testing.T, r *Run, clk *fakeClock, dt time.Duration, what string, done func() bool) {
	t.Helper()
	for i := 0; !done(); i++ {
		if i == maxTicks {
			t.Fatalf("%s: not reached after %d ticks; %s", what, maxTicks, runState(r))
		}
		r.Tick(clk.after(dt))
	}
}

// settle ticks r until it has no work left (Busy false).
func settle(t *testing.T, r *Run, clk *fakeClock) {
	t.Helper()
	for i := 0; r.Busy(); i++ {
		if i == 100 {
			t.Fatalf("Busy() still true after %d ticks of an hour each; %s", i, runState(r))
		}
		r.Tick(clk.after(farAhead))
	}
}

// runState describes r for failure messages.
func runState(r *Run) string {
	s := r.Session()
	if s == nil {
		return fmt.Sprintf("not built (build error %v)", r.BuildErr())
	}
	full := "none"
	if f := s.Full(); f != nil {
		full = fmt.Sprintf("at step %d, %d samples", f.Step, f.Samples)
	}
	return fmt.Sprintf("step %d, seen %d, in batch %d, running %v, pending %d, evaluating %v, idle %v, latest full evaluation %s",
		s.Steps(), s.Seen(), s.InBatch(), r.Running(), r.pending, s.Evaluating(), s.Idle(), full)
}

// sameBits returns the first index at which a and b differ bit for bit,
// or -1 when they are identical (NaNs compare by their bits).
func sameBits(a, b []float32) int {
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return i
		}
	}
	return -1
}

// crcOf is the crc32 of m's weights file.
func crcOf(t *testing.T, m *nn.Model) uint32 {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return crc32.ChecksumIEEE(b)
}

// weightsFile returns m's weights file with m.Params[i] set to v (the
// checksum is computed over the changed weights, so the file is valid).
func weightsFile(t *testing.T, m *nn.Model, i int, v float32) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	// nn refuses to save non-finite weights: patch parameter i (they end
	// the file, before its CRC) and mend the checksum.
	at := len(b) - 4 - 4*(len(m.Params)-i)
	binary.LittleEndian.PutUint32(b[at:], math.Float32bits(v))
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.ChecksumIEEE(b[:len(b)-4]))
	return b
}

var mnistOnce struct {
	sync.Once
	src Sources
	err error
}

// mnistSources returns MNIST and the 8×8 digits, or skips the test when
// MNIST is not available (or with -short: loading it takes a while).
func mnistSources(t *testing.T) Sources {
	t.Helper()
	if testing.Short() {
		t.Skip("loads MNIST")
	}
	return mnistAlways(t)
}

// mnistAlways is mnistSources also with -short (for the one test that
// must run on Node: TestRunChecksumGolden).
func mnistAlways(t *testing.T) Sources {
	t.Helper()
	d := digitsData(t)
	mnistOnce.Do(func() {
		dir, err := datasets.MNISTDir()
		if err != nil {
			mnistOnce.err = err
			return
		}
		tr, te, err := datasets.LoadMNIST(dir)
		mnistOnce.src, mnistOnce.err = Sources{Train: tr, Test: te, Digits: d}, err
	})
	if mnistOnce.err != nil {
		if os.Getenv("CI") != "" { // CI must run these: a missing data set is a failure there
			t.Fatalf("no MNIST data under CI: %v", mnistOnce.err)
		}
		t.Skipf("no MNIST data (set DIGITLAB_MNIST_DIR): %v", mnistOnce.err)
	}
	return mnistOnce.src
}
