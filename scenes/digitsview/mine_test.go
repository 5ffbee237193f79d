package digitsview

import (
	"errors"
	"strings"
	"testing"
	"time"

	"digitlab/nn"
	"digitlab/scenes/pad"
)

// testDigit is a digit whose pixel i is (i*k) mod 256, label l.
func testDigit(k, l int) MyDigit {
	d := MyDigit{Label: l}
	for i := range d.Pix {
		d.Pix[i] = uint8(i * k)
	}
	return d
}

func TestNewMyDigit(t *testing.T) {
	px := make([]float32, MineSize)
	for i := range px {
		px[i] = float32(i%256) / 255
	}
	px[0], px[1] = -0.5, 1.5 // clipped
	d, err := NewMyDigit(px, 7)
	if err != nil {
		t.Fatal(err)
	}
	if d.Label != 7 || d.Pix[0] != 0 || d.Pix[1] != 255 || d.Pix[300] != 300%256 {
		t.Errorf("label %d, pixels %d %d %d", d.Label, d.Pix[0], d.Pix[1], d.Pix[300])
	}
	back := d.Floats(nil)
	for i := 2; i < MineSize; i++ {
		if back[i] != px[i] {
			t.Fatalf("pixel %d: %v back as %v", i, px[i], back[i])
		}
	}
	for _, c := range []struct {
		px    []float32
		label int
		want  string
	}{
		{px, 10, "label must be a digit"},
		{px, -1, "label must be a digit"},
		{px[:100], 3, "not 100"},
	} {
		if _, err := NewMyDigit(c.px, c.label); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("label %d, %d pixels: error %v, want %q", c.label, len(c.px), err, c.want)
		}
	}
}

func TestMineAddDeleteMerge(t *testing.T) {
	var m Mine
	if err := m.Add(MyDigit{Label: 3}); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("a blank digit: %v", err)
	}
	v := m.Version()
	for k := 1; k <= 3; k++ {
		if err := m.Add(testDigit(k, k)); err != nil {
			t.Fatal(err)
		}
	}
	if m.Len() != 3 || m.Version() != v+3 {
		t.Fatalf("len %d version %d", m.Len(), m.Version())
	}
	m.Delete(1)
	m.Delete(7) // out of range: nothing
	if m.Len() != 2 || m.At(0).Label != 1 || m.At(1).Label != 3 {
		t.Fatalf("after Delete(1): %d digits, labels %d %d", m.Len(), m.At(0).Label, m.At(1).Label)
	}
	// Merge skips the digits it has (same label and pixels).
	added, dup, over := m.Merge([]MyDigit{testDigit(1, 1), testDigit(1, 2), testDigit(5, 5)})
	if added != 2 || dup != 1 || over != 0 || m.Len() != 4 {
		t.Errorf("merge: added %d dup %d over %d, now %d", added, dup, over, m.Len())
	}
	// … and stops at MaxMine.
	many := make([]MyDigit, MaxMine)
	for i := range many {
		many[i] = MyDigit{Label: i % 10}
		many[i].Pix[i%MineSize], many[i].Pix[(i/MineSize+1)%MineSize] = 1, uint8(i/MineSize+1)
	}
	added, dup, over = m.Merge(many)
	if m.Len() != MaxMine || added != MaxMine-4 || over != 4 || dup != 0 {
		t.Errorf("merge past the limit: now %d, added %d over %d dup %d", m.Len(), added, over, dup)
	}
	if err := m.Add(testDigit(9, 9)); err == nil || !strings.Contains(err.Error(), "delete some") {
		t.Errorf("Add past the limit: %v", err)
	}
	m.Clear()
	if m.Len() != 0 {
		t.Errorf("Clear left %d", m.Len())
	}
}

func TestMineFileRoundTripAndErrors(t *testing.T) {
	ds := []MyDigit{testDigit(1, 0), testDigit(3, 7), testDigit(255, 9)}
	b := MarshalMine(ds)
	got, err := ParseMine("mine.json", b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ds) {
		t.Fatalf("%d digits back, want %d", len(got), len(ds))
	}
	for i := range ds {
		if got[i] != ds[i] {
			t.Errorf("digit %d differs after the round trip", i)
		}
	}
	if got, err := ParseMine("none.json", MarshalMine(nil)); err != nil || len(got) != 0 {
		t.Errorf("an empty collection: %d digits, %v", len(got), err)
	}
	good := string(b)
	for _, c := range []struct{ file, want string }{
		{"", "is empty"},
		{"PK\x03\x04 a zip", "is not a my-digits file"},
		{`{"format": "digitlab my digits", "version": 1, "side": 28, "digits": [`, "not valid JSON"},
		{`{"format": "something else", "version": 1}`, `"format" is "something else"`},
		{strings.Replace(good, `"version":1`, `"version":2`, 1), "version 2"},
		{strings.Replace(good, `"side":28`, `"side":8`, 1), "8×8 digits"},
		{strings.Replace(good, `"label":7`, `"label":12`, 1), "digit 2 has label 12"},
		{strings.Replace(good, `"pixels":"`, `"pixels":"!!`, 1), "digit 1: its pixels are not base64"},
		{`{"format":"digitlab my digits","version":1,"side":28,"digits":[{"label":1,"pixels":"AAAA"}]}`, "digit 1 has 3 pixels, not 784"},
	} {
		got, err := ParseMine("x.json", []byte(c.file))
		var fe *MineFileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) || got != nil {
			t.Errorf("file %.40q: %d digits, error %v, want one with %q", c.file, len(got), err, c.want)
		}
		if err != nil && !strings.Contains(err.Error(), `"x.json"`) {
			t.Errorf("error %q does not name the file", err)
		}
	}
}

func TestMineWire(t *testing.T) {
	ds := []MyDigit{testDigit(2, 4), testDigit(7, 9)}
	b := AppendMineWire(nil, ds)
	got, err := ParseMineWire(b)
	if err != nil || len(got) != 2 || got[0] != ds[0] || got[1] != ds[1] {
		t.Fatalf("round trip: %d digits, %v", len(got), err)
	}
	if _, err := ParseMineWire(b[:100]); err == nil {
		t.Error("a cut message decoded")
	}
	b[0] = 10
	if _, err := ParseMineWire(b); err == nil {
		t.Error("label 10 decoded")
	}
}

// The digits as training data: a task keeps the digits of its classes, as
// its class numbers, in the model's input form.
func TestMineDataForTasks(t *testing.T) {
	ds := []MyDigit{testDigit(3, 4), testDigit(5, 7), testDigit(9, 9)}
	md := newMineData(ds, []int{4, 9}, nn.Shape{H: 28, W: 28, C: 1}, false)
	if md.Len() != 2 || md.Label(0) != 0 || md.Label(1) != 1 {
		t.Fatalf("4 vs 9: %d digits, labels %d %d", md.Len(), md.Label(0), md.Label(1))
	}
	x := md.Sample(nil, 1)
	if len(x) != MineSize || x[10] != float32(ds[2].Pix[10])/255 {
		t.Errorf("sample 1: %d values, x[10] = %v", len(x), x[10])
	}
	raw := newMineData(ds, []int{4, 9}, nn.Shape{H: 28, W: 28, C: 1}, true)
	if r := raw.Sample(nil, 1); r[10] != float32(ds[2].Pix[10]) {
		t.Errorf("raw: x[10] = %v, want %d", r[10], ds[2].Pix[10])
	}
	eight := newMineData(ds, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, nn.Shape{H: 8, W: 8, C: 1}, false)
	want := pad.Digits8(nil, ds[1].Floats(nil), 28)
	if got := eight.Sample(nil, 1); eight.Len() != 3 || eight.Label(1) != 7 || sameBits(got, want) != -1 {
		t.Errorf("8×8: %d digits, label %d, sample differs from pad.Digits8 at %d", eight.Len(), eight.Label(1), sameBits(got, want))
	}
}

// mirrored7 is MNIST's first test 7 mirrored left to right: a 7 no
// training image looks like.
func mirrored7(t *testing.T, src Sources) MyDigit {
	t.Helper()
	for i := range src.Test.Len() {
		if src.Test.Digit(i) == 7 {
			raw := src.Test.Raw(i)
			d := MyDigit{Label: 7}
			for y := range 28 {
				for x := range 28 {
					d.Pix[y*28+x] = raw[y*28+27-x]
				}
			}
			return d
		}
	}
	t.Fatal("no 7 in the test set")
	return MyDigit{}
}

// Training with 20 copies of an unusual 7 mixed in at 10 % makes the model
// take it for a 7; the same steps without them do not.
func TestRunMineRaisesItsProbability(t *testing.T) {
	src := mnistSources(t)
	odd := mirrored7(t, src)
	copies := make([]MyDigit, 20)
	for i := range copies {
		copies[i] = odd
	}
	p7 := func(with bool) float32 {
		c, err := ForModel("10", "cnn10")
		if err != nil {
			t.Fatal(err)
		}
		r := NewRun(c)
		clk := &fakeClock{t: time.Unix(1e9, 0), d: time.Millisecond}
		r.Now = clk.Now
		r.SetSources(src)
		r.Step(2000)
		settle(t, r, clk)
		if with {
			if err := r.SetMine(copies, 10); err != nil {
				t.Fatal(err)
			}
			if r.mineN != 20 {
				t.Fatalf("%d digits mixed in, want 20", r.mineN)
			}
		}
		r.Step(3000)
		settle(t, r, clk)
		var s Snapshot
		r.Snapshot(&s, false)
		if with && (s.MineN != 20 || s.MineShare != 10) {
			t.Errorf("snapshot: MineN %d MineShare %d", s.MineN, s.MineShare)
		}
		x := ModelInput(nil, odd.Floats(nil), r.Model().In, r.Config().Raw)
		return r.Model().Predict(nil, x)[7]
	}
	without, with := p7(false), p7(true)
	t.Logf("p(7) of the mirrored 7 after 5000 steps: %.3f without, %.3f with it mixed in", without, with)
	if !(with > 0.9 && with > without+0.3) {
		t.Errorf("p(7): %.3f with the digits mixed in, %.3f without", with, without)
	}
}

func TestRunMineErrors(t *testing.T) {
	src := mnistSources(t)
	r := NewRun(Default("4v9"))
	clk := &fakeClock{t: time.Unix(1e9, 0), d: time.Millisecond}
	r.Now = clk.Now
	r.SetSources(src)
	r.Step(1)
	settle(t, r, clk)
	sevens := []MyDigit{testDigit(3, 7)}
	if err := r.SetMine(sevens, 10); err == nil || !strings.Contains(err.Error(), "none of your 1 digits is one of this task's (4, 9)") {
		t.Errorf("sevens for 4 vs 9: %v", err)
	}
	if r.Session().Train != r.Prepared().Train {
		t.Error("the training data changed without usable digits")
	}
	if err := r.SetMine(sevens, 60); err == nil {
		t.Error("a share of 60 % was taken")
	}
	if err := r.Do(Command{Kind: CmdMine, N: 10, Data: []byte{1, 2, 3}}); err == nil {
		t.Error("a cut CmdMine was taken")
	}
	// Stopping goes back to the task's own data.
	if err := r.SetMine([]MyDigit{testDigit(3, 9)}, 20); err != nil || r.mineN != 1 {
		t.Fatalf("a 9: %v, %d mixed", err, r.mineN)
	}
	if err := r.Do(Command{Kind: CmdMine, N: 0}); err != nil || r.Session().Train != r.Prepared().Train {
		t.Errorf("stop: %v; training data is the task's own: %v", err, r.Session().Train == r.Prepared().Train)
	}
}
