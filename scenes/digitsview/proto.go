package digitsview

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"

	"digitlab/train"
)

// Wire format of the page ↔ worker messages, version 1.
//
// Every message starts with 4 bytes of magic and version: "DLs1" for a
// Snapshot, "DLc1" for a Command. Then come the fields in the order of the
// structs, with no padding and nothing after the last one:
//
//	int, int64       varint (zig-zag, encoding/binary.AppendVarint)
//	uint64           uvarint
//	count, length    uvarint, at most maxCount
//	float64          8 bytes, little-endian IEEE 754 bits (NaN, ±Inf kept)
//	float32          4 bytes, the same
//	bool             1 byte, 0 or 1
//	LoadState        1 byte, Loading..LoadFailed
//	CmdKind          1 byte, CmdConfig..CmdPage
//	string, []byte   length, then the bytes
//	[]T              count, then the elements
//
// Config: Task Model Opt string, LR AnnealT float64, Batch TrainN int,
// Noise float64, Raw bool, Seed uint64, EvalEvery Steps int, Race string.
//
// Snapshot, after "DLs1":
//
//	Seq Ack Gen                                  int
//	Data: State LoadState, Loaded Total int64, What Err string
//	Config
//	Built bool, BuildErr About string, Names []string, Loaded string, Msgs []string
//	Running Done bool
//	Diverged: Msg string, Step int, LR float64, Param int
//	Step Epoch Index Runs int, Seen Backprops int64, TrainN TestN BatchSize int
//	Progress Rate WallRate RunSecs TrainLoss TrainAcc float64, RunN int
//	MineN MineShare int
//	History []train.Point: Samples int64, Step Epoch int,
//	        TrainLoss TrainAcc TestLoss TestAcc float64, N int
//	CurveStep CurveLoss CurveAcc []float64
//	Evaluating EvalFull bool, EvalProgress float64
//	Full: Seq Step N int, Loss Acc float64, Wrong int
//	TrainFull: the same, Judging bool
//	Image: Index Label Step H W int, Pixels Probs []float32
//	HasMistakes bool, then only if true: Confusion []int, MistakesCell
//	        MistakesFrom MistakesOf int,
//	        Mistakes []Mistake: Index Label Pred int, Probs Pixels []float32
//	HasWeights bool, then only if true: WeightsStep int, Weights []float32
//	HasPair bool, then only if true: PairSeq int, Pair []Mistake
//
// Command, after "DLc1": Seq int, Kind CmdKind, Config, N int, Name
// string, Data []byte. Every field is sent whatever the kind.
const (
	snapshotMagic = "DLs1"
	commandMagic  = "DLc1"
	// maxCount bounds every count and length, so that a corrupt one
	// cannot ask for a huge allocation.
	maxCount = 1 << 24
)

// Smallest encodings, for checking a count against the bytes left.
const (
	minPointSize   = 4 + 4*8 // four 1-byte varints, four float64
	minMistakeSize = 3 + 2   // three varints, two counts
)

// ProtoError says why a message cannot be decoded: which kind of message,
// the byte offset where decoding stopped, and what is wrong there.
type ProtoError struct {
	Name   string // "snapshot" or "command"
	Offset int
	Msg    string
}

func (e *ProtoError) Error() string {
	return "digitsview: " + e.Name + ": " + e.Msg + " at byte " + strconv.Itoa(e.Offset)
}

// AppendBinary appends the snapshot's encoding to dst and returns the
// extended slice. With enough capacity in dst it allocates nothing, so a
// worker can keep one buffer: buf = s.AppendBinary(buf[:0]).
// Mistakes are encoded only if HasMistakes, WeightsStep and Weights only
// if HasWeights, PairSeq and Pair only if HasPair; otherwise the receiver
// keeps the ones it has.
// It panics if s.Data.State is not a LoadState.
func (s *Snapshot) AppendBinary(dst []byte) []byte {
	if s.Data.State > LoadFailed {
		panic("digitsview: Snapshot with invalid LoadState " + strconv.Itoa(int(s.Data.State)))
	}
	w := protoWriter(append(dst, snapshotMagic...))
	w.int(s.Seq)
	w.int(s.Ack)
	w.int(s.Gen)

	w.byte(byte(s.Data.State))
	w.int64(s.Data.Loaded)
	w.int64(s.Data.Total)
	w.str(s.Data.What)
	w.str(s.Data.Err)
	w.config(&s.Config)

	w.bool(s.Built)
	w.str(s.BuildErr)
	w.str(s.About)
	w.strs(s.Names)
	w.str(s.Loaded)
	w.strs(s.Msgs)

	w.bool(s.Running)
	w.bool(s.Done)
	w.str(s.Diverged.Msg)
	w.int(s.Diverged.Step)
	w.float64(s.Diverged.LR)
	w.int(s.Diverged.Param)

	w.int(s.Step)
	w.int(s.Epoch)
	w.int(s.Index)
	w.int(s.Runs)
	w.int64(s.Seen)
	w.int64(s.Backprops)
	w.int(s.TrainN)
	w.int(s.TestN)
	w.int(s.BatchSize)
	w.float64(s.Progress)
	w.float64(s.Rate)
	w.float64(s.WallRate)
	w.float64(s.RunSecs)
	w.float64(s.TrainLoss)
	w.float64(s.TrainAcc)
	w.int(s.RunN)
	w.int(s.MineN)
	w.int(s.MineShare)

	w.count(len(s.History))
	for i := range s.History {
		w.point(&s.History[i])
	}
	w.float64s(s.CurveStep)
	w.float64s(s.CurveLoss)
	w.float64s(s.CurveAcc)

	w.bool(s.Evaluating)
	w.bool(s.EvalFull)
	w.float64(s.EvalProgress)
	w.int(s.Full.Seq)
	w.int(s.Full.Step)
	w.int(s.Full.N)
	w.float64(s.Full.Loss)
	w.float64(s.Full.Acc)
	w.int(s.Full.Wrong)
	w.summary(&s.TrainFull)
	w.bool(s.Judging)

	w.int(s.Image.Index)
	w.int(s.Image.Label)
	w.int(s.Image.Step)
	w.int(s.Image.H)
	w.int(s.Image.W)
	w.float32s(s.Image.Pixels)
	w.float32s(s.Image.Probs)

	w.bool(s.HasMistakes)
	if s.HasMistakes {
		w.count(len(s.Confusion))
		for _, v := range s.Confusion {
			w.int(v)
		}
		w.int(s.MistakesCell)
		w.int(s.MistakesFrom)
		w.int(s.MistakesOf)
		w.mistakes(s.Mistakes)
	}
	w.bool(s.HasWeights)
	if s.HasWeights {
		w.int(s.WeightsStep)
		w.float32s(s.Weights)
	}
	w.bool(s.HasPair)
	if s.HasPair {
		w.int(s.PairSeq)
		w.mistakes(s.Pair)
	}
	return w
}

// UnmarshalBinary decodes a snapshot written by AppendBinary into s. It
// reuses the slices s already has (History, the curves, Names, the image's
// Pixels and Probs, Mistakes with their Probs and Pixels, Weights) when
// they are large enough, and keeps a string whose bytes are unchanged, so
// decoding snapshot after snapshot into one Snapshot allocates nothing in
// steady state. The decoded slices are s's own, not views of b.
// If the message has HasMistakes false, s.Mistakes is left as it was;
// if HasWeights is false, s.WeightsStep and s.Weights are; if HasPair is
// false, s.PairSeq and s.Pair are.
// It checks the whole message before changing s: on error — a foreign or
// other-version message, truncation, a bad count or value — it returns a
// *ProtoError and leaves s unchanged.
func (s *Snapshot) UnmarshalBinary(b []byte) error {
	var scratch Snapshot
	r := protoReader{name: "snapshot", b: b, check: true}
	scratch.decode(&r)
	if r.err != nil {
		return r.err
	}
	r = protoReader{name: "snapshot", b: b}
	s.decode(&r)
	if r.err != nil {
		return r.err // not reached: the check pass has read the same bytes
	}
	return nil
}

// decode reads a snapshot from r in the field order of AppendBinary.
// In a check pass it stores no slice or string into s.
func (s *Snapshot) decode(r *protoReader) {
	r.magic(snapshotMagic)
	s.Seq = r.int()
	s.Ack = r.int()
	s.Gen = r.int()

	s.Data.State = r.loadState()
	s.Data.Loaded = r.int64()
	s.Data.Total = r.int64()
	s.Data.What = r.str(s.Data.What)
	s.Data.Err = r.str(s.Data.Err)
	r.config(&s.Config)

	s.Built = r.bool()
	s.BuildErr = r.str(s.BuildErr)
	s.About = r.str(s.About)
	s.Names = r.strs(s.Names)
	s.Loaded = r.str(s.Loaded)
	s.Msgs = r.strs(s.Msgs)

	s.Running = r.bool()
	s.Done = r.bool()
	s.Diverged.Msg = r.str(s.Diverged.Msg)
	s.Diverged.Step = r.int()
	s.Diverged.LR = r.float64()
	s.Diverged.Param = r.int()

	s.Step = r.int()
	s.Epoch = r.int()
	s.Index = r.int()
	s.Runs = r.int()
	s.Seen = r.int64()
	s.Backprops = r.int64()
	s.TrainN = r.int()
	s.TestN = r.int()
	s.BatchSize = r.int()
	s.Progress = r.float64()
	s.Rate = r.float64()
	s.WallRate = r.float64()
	s.RunSecs = r.float64()
	s.TrainLoss = r.float64()
	s.TrainAcc = r.float64()
	s.RunN = r.int()
	s.MineN = r.int()
	s.MineShare = r.int()

	n := r.count(minPointSize)
	if r.check {
		var p train.Point
		for range n {
			r.point(&p)
		}
	} else {
		s.History = resize(s.History, n)
		for i := range s.History {
			r.point(&s.History[i])
		}
	}
	s.CurveStep = r.float64s(s.CurveStep)
	s.CurveLoss = r.float64s(s.CurveLoss)
	s.CurveAcc = r.float64s(s.CurveAcc)

	s.Evaluating = r.bool()
	s.EvalFull = r.bool()
	s.EvalProgress = r.float64()
	s.Full.Seq = r.int()
	s.Full.Step = r.int()
	s.Full.N = r.int()
	s.Full.Loss = r.float64()
	s.Full.Acc = r.float64()
	s.Full.Wrong = r.int()
	r.summary(&s.TrainFull)
	s.Judging = r.bool()

	s.Image.Index = r.int()
	s.Image.Label = r.int()
	s.Image.Step = r.int()
	s.Image.H = r.int()
	s.Image.W = r.int()
	s.Image.Pixels = r.float32s(s.Image.Pixels)
	s.Image.Probs = r.float32s(s.Image.Probs)

	s.HasMistakes = r.bool()
	if s.HasMistakes {
		nc := r.count(1)
		if r.check {
			for range nc {
				r.int()
			}
		} else {
			s.Confusion = resize(s.Confusion, nc)
			for i := range s.Confusion {
				s.Confusion[i] = r.int()
			}
		}
		s.MistakesCell = r.int()
		s.MistakesFrom = r.int()
		s.MistakesOf = r.int()
		s.Mistakes = r.mistakes(s.Mistakes)
	}
	s.HasWeights = r.bool()
	if s.HasWeights {
		s.WeightsStep = r.int()
		s.Weights = r.float32s(s.Weights)
	}
	s.HasPair = r.bool()
	if s.HasPair {
		s.PairSeq = r.int()
		s.Pair = r.mistakes(s.Pair)
	}
	r.end()
}

// MarshalBinary encodes the command; every field is sent, whatever the
// kind. It returns an error if c.Kind is not a CmdKind.
func (c *Command) MarshalBinary() ([]byte, error) {
	if !validCmdKind(c.Kind) {
		return nil, fmt.Errorf("digitsview: command: unknown kind %d", c.Kind)
	}
	// At most 140 bytes besides the strings and Data.
	w := protoWriter(make([]byte, 0, 140+len(c.Config.Task)+len(c.Config.Model)+len(c.Config.Opt)+len(c.Name)+len(c.Data)))
	w = append(w, commandMagic...)
	w.int(c.Seq)
	w.byte(byte(c.Kind))
	w.config(&c.Config)
	w.int(c.N)
	w.str(c.Name)
	w.count(len(c.Data))
	w = append(w, c.Data...)
	return w, nil
}

// UnmarshalBinary decodes a command written by MarshalBinary. Data is a
// copy, not a view of b. On error — a foreign or other-version message,
// truncation, an unknown kind, a bad count or value — it returns a
// *ProtoError and leaves c unchanged.
func (c *Command) UnmarshalBinary(b []byte) error {
	r := protoReader{name: "command", b: b}
	var d Command
	r.magic(commandMagic)
	d.Seq = r.int()
	off := r.off
	if d.Kind = CmdKind(r.byte()); r.err == nil && !validCmdKind(d.Kind) {
		r.fail(off, "unknown command kind %d", d.Kind)
	}
	r.config(&d.Config)
	d.N = r.int()
	d.Name = r.str("")
	if p := r.next(r.count(1)); len(p) > 0 {
		d.Data = append([]byte(nil), p...)
	}
	r.end()
	if r.err != nil {
		return r.err
	}
	*c = d
	return nil
}

// validCmdKind reports whether k is one of the CmdKind constants.
// A new kind must be added here.
func validCmdKind(k CmdKind) bool { return k >= CmdConfig && k <= CmdPage }

// protoWriter appends encoded values to itself.
type protoWriter []byte

func (w *protoWriter) byte(v byte)     { *w = append(*w, v) }
func (w *protoWriter) int(v int)       { *w = binary.AppendVarint(*w, int64(v)) }
func (w *protoWriter) int64(v int64)   { *w = binary.AppendVarint(*w, v) }
func (w *protoWriter) uint64(v uint64) { *w = binary.AppendUvarint(*w, v) }
func (w *protoWriter) count(n int)     { *w = binary.AppendUvarint(*w, uint64(n)) }
func (w *protoWriter) float64(v float64) {
	*w = binary.LittleEndian.AppendUint64(*w, math.Float64bits(v))
}

func (w *protoWriter) bool(v bool) {
	if v {
		w.byte(1)
	} else {
		w.byte(0)
	}
}

func (w *protoWriter) str(s string) {
	w.count(len(s))
	*w = append(*w, s...)
}

func (w *protoWriter) strs(v []string) {
	w.count(len(v))
	for _, x := range v {
		w.str(x)
	}
}

func (w *protoWriter) float64s(v []float64) {
	w.count(len(v))
	for _, x := range v {
		w.float64(x)
	}
}

func (w *protoWriter) float32s(v []float32) {
	w.count(len(v))
	for _, x := range v {
		*w = binary.LittleEndian.AppendUint32(*w, math.Float32bits(x))
	}
}

// mistakes writes a count and the Mistakes.
func (w *protoWriter) mistakes(ms []Mistake) {
	w.count(len(ms))
	for i := range ms {
		m := &ms[i]
		w.int(m.Index)
		w.int(m.Label)
		w.int(m.Pred)
		w.float32s(m.Probs)
		w.float32s(m.Pixels)
	}
}

func (w *protoWriter) config(c *Config) {
	w.str(c.Task)
	w.str(c.Model)
	w.str(c.Opt)
	w.float64(c.LR)
	w.float64(c.AnnealT)
	w.int(c.Batch)
	w.int(c.TrainN)
	w.float64(c.Noise)
	w.bool(c.Raw)
	w.uint64(c.Seed)
	w.int(c.EvalEvery)
	w.int(c.Steps)
	w.str(c.Race)
}

func (w *protoWriter) summary(f *FullSummary) {
	w.int(f.Seq)
	w.int(f.Step)
	w.int(f.N)
	w.float64(f.Loss)
	w.float64(f.Acc)
	w.int(f.Wrong)
}

func (w *protoWriter) point(p *train.Point) {
	w.int64(p.Samples)
	w.int(p.Step)
	w.int(p.Epoch)
	w.float64(p.TrainLoss)
	w.float64(p.TrainAcc)
	w.float64(p.TestLoss)
	w.float64(p.TestAcc)
	w.int(p.N)
}

// protoReader decodes values from b. The first problem is kept in err;
// after it every read returns a zero value, so a decoder reads straight
// through and looks at err once at the end. In a check pass (check set)
// the slice and string readers skip their bytes and return what they were
// given, so checking a message stores and allocates nothing.
type protoReader struct {
	name  string // of the message, for errors
	b     []byte
	off   int // next byte to read
	check bool
	err   *ProtoError
}

func (r *protoReader) fail(off int, format string, args ...any) {
	if r.err == nil {
		r.err = &ProtoError{Name: r.name, Offset: off, Msg: fmt.Sprintf(format, args...)}
	}
}

// next returns the next n bytes, or nil after an error or if fewer are
// left.
func (r *protoReader) next(n int) []byte {
	if r.err != nil {
		return nil
	}
	if len(r.b)-r.off < n {
		r.fail(r.off, "truncated")
		return nil
	}
	p := r.b[r.off : r.off+n]
	r.off += n
	return p
}

// magic reads the 4 bytes of magic and version.
func (r *protoReader) magic(want string) {
	p := r.next(len(want))
	if r.err != nil || string(p) == want {
		return
	}
	if string(p[:3]) == want[:3] {
		r.fail(3, "version %q, this build reads version %q (page and worker from different builds?)", p[3], want[3])
		return
	}
	r.fail(0, "bad magic %q, want %q", p, want)
}

// end fails if bytes are left after the message.
func (r *protoReader) end() {
	if r.err == nil && r.off != len(r.b) {
		r.fail(r.off, "%d trailing byte(s)", len(r.b)-r.off)
	}
}

func (r *protoReader) byte() byte {
	p := r.next(1)
	if p == nil {
		return 0
	}
	return p[0]
}

func (r *protoReader) bool() bool {
	off := r.off
	switch v := r.byte(); v {
	case 0:
		return false
	case 1:
		return true
	default:
		r.fail(off, "bool byte %d, want 0 or 1", v)
		return false
	}
}

func (r *protoReader) loadState() LoadState {
	off := r.off
	v := LoadState(r.byte())
	if v > LoadFailed {
		r.fail(off, "invalid load state %d", v)
		return 0
	}
	return v
}

func (r *protoReader) int64() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b[r.off:])
	if n <= 0 {
		r.varintFail(n)
		return 0
	}
	r.off += n
	return v
}

func (r *protoReader) uint64() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.varintFail(n)
		return 0
	}
	r.off += n
	return v
}

// varintFail reports the failure n ≤ 0 of binary.Varint or Uvarint.
func (r *protoReader) varintFail(n int) {
	if n == 0 {
		r.fail(r.off, "truncated")
	} else {
		r.fail(r.off, "varint overflows 64 bits")
	}
}

func (r *protoReader) int() int {
	off := r.off
	v := r.int64()
	if int64(int(v)) != v {
		r.fail(off, "integer %d overflows int", v)
		return 0
	}
	return int(v)
}

// count reads a count of elements of at least size bytes each and checks
// it against maxCount and the bytes left.
func (r *protoReader) count(size int) int {
	off := r.off
	v := r.uint64()
	if r.err != nil {
		return 0
	}
	if v > maxCount {
		r.fail(off, "count %d over the limit %d", v, maxCount)
		return 0
	}
	n := int(v)
	if left := len(r.b) - r.off; n > left/size {
		r.fail(off, "count %d needs at least %d bytes, %d left", n, n*size, left)
		return 0
	}
	return n
}

func (r *protoReader) float64() float64 {
	p := r.next(8)
	if p == nil {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(p))
}

// str reads a string. It returns cur if the bytes equal it (no
// allocation), in a check pass, and after an error.
func (r *protoReader) str(cur string) string {
	p := r.next(r.count(1))
	if r.err != nil || r.check || string(p) == cur {
		return cur
	}
	return string(p)
}

// float64s reads a []float64 into dst's array if it is large enough; see
// resize. In a check pass and after an error it returns dst unchanged.
// strs reads a []string into dst's array (in the checking pass it only
// skips them and returns dst).
func (r *protoReader) strs(dst []string) []string {
	n := r.count(1)
	if r.check {
		for range n {
			r.str("")
		}
		return dst
	}
	dst = resize(dst, n)
	for i := range dst {
		dst[i] = r.str(dst[i])
	}
	return dst
}

func (r *protoReader) float64s(dst []float64) []float64 {
	n := r.count(8)
	p := r.next(8 * n)
	if r.err != nil || r.check {
		return dst
	}
	dst = resize(dst, n)
	for i := range dst {
		dst[i] = math.Float64frombits(binary.LittleEndian.Uint64(p[8*i:]))
	}
	return dst
}

// float32s is float64s for []float32.
func (r *protoReader) float32s(dst []float32) []float32 {
	n := r.count(4)
	p := r.next(4 * n)
	if r.err != nil || r.check {
		return dst
	}
	dst = resize(dst, n)
	for i := range dst {
		dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
	}
	return dst
}

func (r *protoReader) config(c *Config) {
	c.Task = r.str(c.Task)
	c.Model = r.str(c.Model)
	c.Opt = r.str(c.Opt)
	c.LR = r.float64()
	c.AnnealT = r.float64()
	c.Batch = r.int()
	c.TrainN = r.int()
	c.Noise = r.float64()
	c.Raw = r.bool()
	c.Seed = r.uint64()
	c.EvalEvery = r.int()
	c.Steps = r.int()
	c.Race = r.str(c.Race)
}

func (r *protoReader) summary(f *FullSummary) {
	f.Seq = r.int()
	f.Step = r.int()
	f.N = r.int()
	f.Loss = r.float64()
	f.Acc = r.float64()
	f.Wrong = r.int()
}

func (r *protoReader) point(p *train.Point) {
	p.Samples = r.int64()
	p.Step = r.int()
	p.Epoch = r.int()
	p.TrainLoss = r.float64()
	p.TrainAcc = r.float64()
	p.TestLoss = r.float64()
	p.TestAcc = r.float64()
	p.N = r.int()
}

// mistakes reads a count and that many Mistakes into dst's storage (in a
// check pass, into a scratch one, leaving dst as it was).
func (r *protoReader) mistakes(dst []Mistake) []Mistake {
	n := r.count(minMistakeSize)
	if r.check {
		var m Mistake
		for range n {
			r.mistake(&m)
		}
		return dst
	}
	dst = resize(dst, n)
	for i := range dst {
		r.mistake(&dst[i])
	}
	return dst
}

func (r *protoReader) mistake(m *Mistake) {
	m.Index = r.int()
	m.Label = r.int()
	m.Pred = r.int()
	m.Probs = r.float32s(m.Probs)
	m.Pixels = r.float32s(m.Pixels)
}

// resize returns s with length n, in s's array if it is large enough
// (nil stays nil for n = 0). A new array starts with all of s's old
// elements, so a Mistake keeps its buffers for reuse.
func resize[T any](s []T, n int) []T {
	if n <= cap(s) {
		return s[:n]
	}
	t := make([]T, n)
	copy(t, s[:cap(s)])
	return t
}
