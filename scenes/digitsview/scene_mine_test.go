package digitsview

import (
	"errors"
	"strings"
	"testing"
)

// TestSceneMine: a drawing added with "add it to my digits as" shows in
// the gallery and is tested with the model copy (against Predict); a click
// on a thumbnail deletes it; "train on my digits" sends the digits with
// the share and starts training, a change of the share sends them again,
// "stop" sends none; clear asks twice.
func TestSceneMine(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"task": "10", "model": "cnn10", "view": "draw"})
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.frame(nil)
	st := &r.s.mine
	if !st.AddAs.Disabled {
		t.Error("\"add as\" is on with an empty pad")
	}
	if got := r.s.MineLine().Text; !strings.HasPrefix(got, "None yet") {
		t.Errorf("empty gallery line %q", got)
	}
	r.s.Pad.Begin(0.5, 0.2)
	r.s.Pad.LineTo(0.5, 0.8)
	r.s.Pad.End()
	r.frame(nil)
	r.click(st.AddAs.Segment(1))
	r.click(st.AddAs.Segment(7))
	if st.M.Len() != 2 || st.M.At(0).Label != 1 || st.M.At(1).Label != 7 {
		t.Fatalf("after two clicks: %d digits", st.M.Len())
	}
	if st.AddAs.Index != -1 {
		t.Error("the choice keeps a selection")
	}
	for range 3 {
		r.frame(nil)
	}
	if len(st.Cells) != 2 {
		t.Fatalf("%d cells for 2 digits", len(st.Cells))
	}
	// The test: against Predict on the stored pixels.
	res, ok := r.s.MineTest()
	if !ok || res.n != 2 {
		t.Fatalf("test: %+v, %v", res, ok)
	}
	right := 0
	for i := range 2 {
		d := st.M.At(i)
		p := r.s.Model().Predict(nil, d.Floats(nil))
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		if best == d.Label {
			right++
		}
		pred, pl := r.s.mineOf(i)
		if pred != best || pl != p[d.Label] {
			t.Errorf("digit %d: pred %d p %v, Predict says %d p %v", i, pred, pl, best, p[d.Label])
		}
	}
	if res.right != right {
		t.Errorf("right %d, want %d", res.right, right)
	}
	m := r.s.Status()["mine"].(map[string]any)
	if m["n"] != 2 || m["tested"] != 2 || m["acc"] != float64(right)/2 {
		t.Errorf("status().mine = %v", m)
	}

	// Train on them: the digits and the share go to the worker, then Start.
	n0 := len(r.sent())
	r.click(st.Train.Rect)
	cmds := r.sent()[n0:]
	if len(cmds) < 2 || cmds[0].Kind != CmdMine || cmds[0].N != 10 || cmds[1].Kind != CmdStart {
		t.Fatalf("train on my digits sent %v", kinds(cmds))
	}
	ds, err := ParseMineWire(cmds[0].Data)
	if err != nil || len(ds) != 2 || ds[1] != *st.M.At(1) {
		t.Errorf("the digits sent: %d, %v", len(ds), err)
	}
	if !st.hasBefore || st.before.n != 2 {
		t.Errorf("before: %+v", st.before)
	}
	r.frame(nil)
	if st.Train.Label != "stop training on them" {
		t.Errorf("the button reads %q while training on them", st.Train.Label)
	}
	n0 = len(r.sent())
	r.click(st.Share.Segment(3))
	if c := r.sent()[n0:]; len(c) != 1 || c[0].Kind != CmdMine || c[0].N != 50 {
		t.Errorf("a new share sent %v", kinds(c))
	}
	// A deleted digit is sent again too, and its cell is gone.
	n0 = len(r.sent())
	r.click(st.Cells[0])
	if st.M.Len() != 1 || st.M.At(0).Label != 7 {
		t.Fatalf("a click on the first cell left %d digits", st.M.Len())
	}
	if c := r.sent()[n0:]; len(c) != 1 || c[0].Kind != CmdMine || len(c[0].Data) != mineWireSize {
		t.Errorf("after a delete sent %v", kinds(c))
	}
	n0 = len(r.sent())
	r.click(st.Train.Rect)
	if c := r.sent()[n0:]; len(c) != 1 || c[0].Kind != CmdMine || c[0].N != 0 || len(c[0].Data) != 0 {
		t.Errorf("stop sent %v", kinds(c))
	}
	// Clear asks again.
	r.click(st.ClearAll.Rect)
	r.frame(nil)
	if st.M.Len() != 1 || !strings.HasPrefix(st.ClearAll.Label, "sure?") {
		t.Fatalf("one click on clear: %d digits, button %q", st.M.Len(), st.ClearAll.Label)
	}
	r.click(st.ClearAll.Rect)
	if st.M.Len() != 0 {
		t.Errorf("two clicks on clear left %d digits", st.M.Len())
	}
}

// Training on my digits needs digits of the task, and no race.
func TestSceneMineRefusals(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "draw"}) // 4 vs 9
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.frame(nil)
	if err := r.s.TrainMine(true); err == nil || !strings.Contains(err.Error(), "none yet") {
		t.Errorf("no digits: %v", err)
	}
	px := make([]float32, MineSize)
	px[300] = 1
	if err := r.s.MineAdd(px, 7); err != nil {
		t.Fatal(err)
	}
	if err := r.s.TrainMine(true); err == nil || !strings.Contains(err.Error(), "4 or a 9") {
		t.Errorf("only a 7 for 4 vs 9: %v", err)
	}
	if err := r.s.MineAdd(make([]float32, MineSize), 4); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("an empty image: %v", err)
	}
	for range 3 {
		r.frame(nil)
	}
	if got := r.s.MineLine().Text; !strings.Contains(got, "none is a 4 or a 9") {
		t.Errorf("line %q", got)
	}
	// Export and import: the same digits come back, a bad file changes nothing.
	name, b := r.s.MineFile()
	if name != "digitlab-my-digits-1.json" {
		t.Errorf("export name %q", name)
	}
	if err := r.s.ImportMine("x.json", []byte("not json")); err == nil || r.s.mine.M.Len() != 1 {
		t.Errorf("a bad import: %v, %d digits", err, r.s.mine.M.Len())
	}
	r.s.MineClear()
	if err := r.s.ImportMine(name, b); err != nil || r.s.mine.M.Len() != 1 || r.s.mine.M.At(0).Label != 7 {
		t.Errorf("import of the export: %v, %d digits", err, r.s.mine.M.Len())
	}
	if err := r.s.ImportMine(name, b); err != nil || r.s.mine.M.Len() != 1 || !strings.Contains(r.s.mine.note.Text, "1 already here") {
		t.Errorf("the same file again: %v, %d digits, note %q", err, r.s.mine.M.Len(), r.s.mine.note.Text)
	}
}

func kinds(cs []Command) []CmdKind {
	var out []CmdKind
	for _, c := range cs {
		out = append(out, c.Kind)
	}
	return out
}

// digitlab.mine.add's arguments: what is wrong is said, a good call adds.
func TestMineAddValues(t *testing.T) {
	r := newSceneRig(t)
	at := func(i int) float64 { return float64(i%3) / 2 }
	num := func(v float64) func() float64 { return func() float64 { return v } }
	for _, c := range []struct {
		n     int
		isNum bool
		label float64
		want  string
	}{
		{-1, true, 7, "mine.add(pixels, label): 784 numbers"},
		{MineSize, false, 7, "mine.add(pixels, label): 784 numbers"},
		{3, true, 7, "mine.add: 3 pixels, not 784"},
		{MineSize, true, 7.5, "the label 7.5 is not a digit"},
		{MineSize, true, 10, "the label 10 is not a digit"},
	} {
		if err := r.s.MineAddValues(c.n, at, c.isNum, num(c.label)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("n %d label %v: %v, want %q", c.n, c.label, err, c.want)
		}
	}
	if r.s.Mine().Len() != 0 {
		t.Fatalf("bad calls added %d digits", r.s.Mine().Len())
	}
	if err := r.s.MineAddValues(MineSize, at, true, num(3)); err != nil || r.s.Mine().Len() != 1 || r.s.Mine().At(0).Label != 3 || r.s.Mine().At(0).Pix[1] != 128 {
		t.Errorf("a good call: %v, %d digits", err, r.s.Mine().Len())
	}
}

// Keeping them in the browser: a restore sets the digits and counts as
// saved; every change asks for one store (nil when none are left); a
// refused store or read is said in the panel until a store succeeds; an
// unreadable stored value is an error that leaves none.
func TestMineKeeping(t *testing.T) {
	r := newSceneRig(t)
	s := r.s
	if _, changed := s.MineUnsaved(); changed {
		t.Error("a new page has something to store")
	}
	b := MarshalMine([]MyDigit{testDigit(3, 7)})
	if err := s.RestoreMine(b, nil); err != nil || s.Mine().Len() != 1 {
		t.Fatalf("restore: %v, %d digits", err, s.Mine().Len())
	}
	if _, changed := s.MineUnsaved(); changed {
		t.Error("the restored digits are stored again")
	}
	s.MineDelete(0)
	if got, changed := s.MineUnsaved(); !changed || got != nil {
		t.Errorf("after deleting the last one: %d bytes, changed %v; want a removal", len(got), changed)
	}
	d2 := testDigit(5, 2)
	s.MineAdd(d2.Floats(nil), 2)
	got, changed := s.MineUnsaved()
	if ds, err := ParseMine("", got); !changed || err != nil || len(ds) != 1 || ds[0].Label != 2 {
		t.Errorf("after adding: changed %v, %v", changed, err)
	}
	if _, changed := s.MineUnsaved(); changed {
		t.Error("asked to store the same digits twice")
	}
	s.MineStored(errors.New("its storage for this page is full"))
	if !strings.Contains(s.mine.Storage, "refused to keep my digits (its storage for this page is full)") {
		t.Errorf("storage %q", s.mine.Storage)
	}
	s.MineStored(nil)
	if s.mine.Storage != "" {
		t.Errorf("after a good store: %q", s.mine.Storage)
	}
	r2 := newSceneRig(t)
	if err := r2.s.RestoreMine([]byte("{not json"), nil); err == nil || r2.s.Mine().Len() != 0 {
		t.Errorf("an unreadable value: %v, %d digits", err, r2.s.Mine().Len())
	}
	if msg := r2.s.TakeErr(); msg == nil || !strings.Contains(msg.Error(), "could not be read") {
		t.Errorf("the banner's message for an unreadable value: %v", msg)
	}
	if err := r2.s.RestoreMine(nil, errors.New("it does not allow this page to store anything")); err != nil || !strings.Contains(r2.s.mine.Storage, "does not keep my digits") {
		t.Errorf("no storage: %v, %q", err, r2.s.mine.Storage)
	}
}
