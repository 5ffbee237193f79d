package digitsview

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"digitlab/train"
)

// cmdKinds and loadStates are every constant of the two enums; the
// protocol test checks the package declares no others.
var (
	cmdKinds   = []CmdKind{CmdConfig, CmdStart, CmdPause, CmdStep, CmdReset, CmdLoad, CmdRetry, CmdSnapshot, CmdPair, CmdCell, CmdMine, CmdPage}
	cmdNames   = []string{"CmdConfig", "CmdStart", "CmdPause", "CmdStep", "CmdReset", "CmdLoad", "CmdRetry", "CmdSnapshot", "CmdPair", "CmdCell", "CmdMine", "CmdPage"}
	loadStates = []string{"Loading", "LoadReady", "LoadFailed"}
)

// fullSnapshot returns a snapshot with every field, and every field of
// every element, set to a non-zero value (TestProtoFieldsSet checks it),
// including NaN, ±Inf, -0 and extreme integers: 28×28 images and 1000
// weights. Each call returns new slices.
func fullSnapshot() Snapshot { return testSnapshot(28, 28, 1000) }

// smallSnapshot is fullSnapshot with 2×2 images and 5 weights, for the
// fuzz targets.
func smallSnapshot() Snapshot { return testSnapshot(2, 2, 5) }

// testSnapshot is fullSnapshot with h×w images and nw weights.
func testSnapshot(h, w, nw int) Snapshot {
	rng := rand.New(rand.NewPCG(1, 1))
	f32s := func(n int) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = rng.Float32()*2 - 1.01
		}
		return v
	}
	f64s := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = rng.Float64() + 0.5
		}
		return v
	}
	nan := math.NaN()
	s := Snapshot{
		Seq: 101, Ack: 99, Gen: 3,
		Data: DataStatus{State: LoadFailed, Loaded: 1 << 33, Total: 1<<34 + 1,
			What: "t10k-images-idx3-ubyte.gz", Err: "fetch: 404 Not Found"},
		Config: Config{Task: "10", Model: "best", Opt: "adam", LR: 1e-3, AnnealT: 5000, Batch: 32,
			TrainN: 12000, Noise: 0.5, Raw: true, Seed: math.MaxUint64, EvalEvery: 250, Steps: 2000, Race: "linear,cnn"},
		Built: true, BuildErr: "η ≤ 1000", About: "11791 training / 1991 test images",
		Names: []string{"linear", "vanilla", "cnn"}, Loaded: "best-4v9.dlnn", Msgs: []string{"weights file x does not fit", ""},
		Running: true, Done: true,
		Diverged: Divergence{Msg: "loss is NaN at step 7", Step: 7, LR: math.Inf(1), Param: -1},
		Step:     123456, Epoch: 4, Index: 789, Runs: 3, Seen: math.MaxInt64, Backprops: math.MinInt64,
		TrainN: 11791, TestN: 1991, BatchSize: 32,
		Progress: 0.25, Rate: 12345.5, WallRate: 9876.25, RunSecs: 12.75,
		TrainLoss: nan, TrainAcc: math.Inf(-1), RunN: 500, MineN: 20, MineShare: 10,
		History: []train.Point{
			{Samples: 1, Step: 1, Epoch: -1, TrainLoss: nan, TrainAcc: nan, TestLoss: 0.69, TestAcc: 0.5, N: 1991},
			{Samples: 5000, Step: 157, Epoch: 1, TrainLoss: 0.3, TrainAcc: 0.9, TestLoss: nan, TestAcc: nan, N: 1},
			{Samples: 1 << 40, Step: math.MaxInt, Epoch: math.MinInt, TrainLoss: 1e-300,
				TrainAcc: 1, TestLoss: math.Inf(1), TestAcc: math.Float64frombits(0x7ff8000000000001), N: 10000},
		},
		CurveStep: f64s(20), CurveLoss: f64s(20), CurveAcc: f64s(20),
		Evaluating: true, EvalFull: true, EvalProgress: 0.5,
		Full:      FullSummary{Seq: 2, Step: 1000, N: 1991, Loss: 0.1, Acc: 0.97, Wrong: 60},
		TrainFull: FullSummary{Seq: 3, Step: 900, N: 11791, Loss: 0.09, Acc: 0.96, Wrong: 1}, Judging: true,
		Image: Image{Index: 5, Label: 4, Step: 123400, H: h, W: w, Pixels: f32s(h * w), Probs: f32s(10)},

		HasMistakes: true,
		Confusion:   []int{990, 3, -1, 1 << 40}, MistakesCell: 409, MistakesFrom: 60, MistakesOf: 174,
		Mistakes: []Mistake{
			{Index: 1, Label: 4, Pred: 9, Probs: f32s(10), Pixels: f32s(784)},
			{Index: 17, Label: 9, Pred: 4, Probs: f32s(10), Pixels: f32s(784)},
			{Index: 1990, Label: 2, Pred: 7, Probs: f32s(10), Pixels: f32s(784)},
		},
		HasWeights: true, WeightsStep: 123000, Weights: f32s(nw),
		HasPair: true, PairSeq: 7,
		Pair: []Mistake{{Index: 3, Label: 4, Pred: -1, Probs: f32s(1), Pixels: f32s(h * w)}, {Index: 1989, Label: 9, Pred: -1, Probs: f32s(2), Pixels: f32s(h * w)}},
	}
	s.CurveLoss[0] = nan
	s.CurveAcc[1] = math.Inf(-1)
	s.Image.Probs[3] = float32(math.Inf(1))
	s.Mistakes[1].Probs[0] = math.Float32frombits(0x7fc00001) // a NaN with a payload
	s.Weights[0] = float32(math.NaN())
	s.Weights[1] = float32(math.Copysign(0, -1))
	return s
}

// otherSnapshot returns a later snapshot of fullSnapshot's run.
func otherSnapshot() Snapshot { return laterSnapshot(fullSnapshot()) }

// laterSnapshot returns s with other values, shorter slices (within the
// capacities of s's) and the same strings except Data's.
func laterSnapshot(s Snapshot) Snapshot {
	s.Seq, s.Ack, s.Gen = 102, 101, 4
	s.Data = DataStatus{State: LoadReady, Loaded: 10, Total: 10, What: "train", Err: ""}
	s.Names = s.Names[:1]
	s.Step, s.Seen, s.TrainLoss, s.TrainAcc = 123457, 5, 0.25, 0.875
	s.History = s.History[:2]
	s.CurveStep, s.CurveLoss, s.CurveAcc = s.CurveStep[:5], s.CurveLoss[:5], s.CurveAcc[:5]
	for i := range s.Image.Pixels {
		s.Image.Pixels[i] = 1 - s.Image.Pixels[i]
	}
	s.Mistakes = s.Mistakes[1:]
	s.Weights = s.Weights[:len(s.Weights)/2]
	s.PairSeq, s.Pair = 8, s.Pair[:1]
	return s
}

// clearStrings sets every string of s to "".
func clearStrings(s *Snapshot) {
	s.Data.What, s.Data.Err = "", ""
	s.Config.Task, s.Config.Model, s.Config.Opt = "", "", ""
	s.BuildErr, s.About, s.Loaded, s.Diverged.Msg = "", "", "", ""
	for i := range s.Names {
		s.Names[i] = ""
	}
}

// fullCommand returns a command of kind k with every field set.
func fullCommand(k CmdKind) Command {
	return Command{Seq: 17, Kind: k,
		Config: Config{Task: "4v9", Model: "linear", Opt: "momentum", LR: math.NaN(), AnnealT: math.Inf(1),
			Batch: 1, TrainN: -3, Noise: 1, Raw: true, Seed: 1 << 63, EvalEvery: math.MaxInt, Steps: -1, Race: "x"},
		N: 1000, Name: "best-4v9.dlnn", Data: []byte{0, 1, 2, 0xff}}
}

// diff returns where got and want first differ, "" if nowhere. It compares
// as reflect.DeepEqual does, except that floats compare by their bits (a
// NaN equals the same NaN, -0 differs from 0) and a nil slice equals an
// empty one.
func diff(got, want any) string {
	return diffValue(addressable(got), addressable(want), reflect.TypeOf(want).String())
}

// addressable returns a reflect.Value of a copy of x whose elements have
// addresses, so that diffValue reads floats through pointers (exact bits,
// no allocation).
func addressable(x any) reflect.Value {
	v := reflect.New(reflect.TypeOf(x)).Elem()
	v.Set(reflect.ValueOf(x))
	return v
}

// diffValue returns the first difference below path, "" if none. It
// builds paths only on the way out of a difference, which keeps the fuzz
// targets fast.
func diffValue(got, want reflect.Value, path string) string {
	switch got.Kind() {
	case reflect.Struct:
		for i := range got.NumField() {
			if d := diffValue(got.Field(i), want.Field(i), ""); d != "" {
				return path + "." + got.Type().Field(i).Name + d
			}
		}
		return ""
	case reflect.Slice:
		if got.Len() != want.Len() {
			return fmt.Sprintf("%s: len %d, want %d", path, got.Len(), want.Len())
		}
		for i := range got.Len() {
			if d := diffValue(got.Index(i), want.Index(i), ""); d != "" {
				return path + "[" + strconv.Itoa(i) + "]" + d
			}
		}
		return ""
	case reflect.Float32:
		g, w := *got.Addr().Interface().(*float32), *want.Addr().Interface().(*float32)
		if math.Float32bits(g) != math.Float32bits(w) {
			return fmt.Sprintf("%s = %v (%#x), want %v (%#x)", path, g, math.Float32bits(g), w, math.Float32bits(w))
		}
	case reflect.Float64:
		g, w := *got.Addr().Interface().(*float64), *want.Addr().Interface().(*float64)
		if math.Float64bits(g) != math.Float64bits(w) {
			return fmt.Sprintf("%s = %v (%#x), want %v (%#x)", path, g, math.Float64bits(g), w, math.Float64bits(w))
		}
	case reflect.Int, reflect.Int64:
		if got.Int() != want.Int() {
			return fmt.Sprintf("%s = %d, want %d", path, got.Int(), want.Int())
		}
	case reflect.Uint8, reflect.Uint64:
		if got.Uint() != want.Uint() {
			return fmt.Sprintf("%s = %d, want %d", path, got.Uint(), want.Uint())
		}
	case reflect.Bool:
		if got.Bool() != want.Bool() {
			return fmt.Sprintf("%s = %v, want %v", path, got.Bool(), want.Bool())
		}
	case reflect.String:
		if got.String() != want.String() {
			return fmt.Sprintf("%s = %q, want %q", path, got.String(), want.String())
		}
	default:
		return path + ": diff does not know kind " + got.Kind().String()
	}
	return ""
}

// zeroFields returns the paths of v's zero fields, looking into structs
// and slices of structs (an empty slice is zero).
func zeroFields(path string, v reflect.Value) []string {
	switch v.Kind() {
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			out = append(out, zeroFields(path+"."+v.Type().Field(i).Name, v.Field(i))...)
		}
		return out
	case reflect.Slice:
		if v.Len() == 0 {
			return []string{path}
		}
		if v.Type().Elem().Kind() != reflect.Struct {
			return nil // a zero number in a slice is just a value
		}
		var out []string
		for i := range v.Len() {
			out = append(out, zeroFields(fmt.Sprintf("%s[%d]", path, i), v.Index(i))...)
		}
		return out
	}
	if v.IsZero() {
		return []string{path}
	}
	return nil
}

func TestProtoFieldCounts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typ  reflect.Type
		want int
	}{
		{reflect.TypeFor[train.Point](), 8},
		{reflect.TypeFor[Snapshot](), 55},
		{reflect.TypeFor[DataStatus](), 5},
		{reflect.TypeFor[Divergence](), 4},
		{reflect.TypeFor[FullSummary](), 6},
		{reflect.TypeFor[Image](), 7},
		{reflect.TypeFor[Mistake](), 5},
		{reflect.TypeFor[Command](), 6},
		{reflect.TypeFor[Config](), 13},
	} {
		if got := tc.typ.NumField(); got != tc.want {
			t.Errorf("%v has %d fields, the wire format encodes %d: encode the new field in proto.go "+
				"(writer and reader, and the format comment), set it in fullSnapshot/fullCommand and update this count",
				tc.typ, got, tc.want)
		}
	}
}

func TestProtoFieldsSet(t *testing.T) {
	t.Parallel()
	if z := zeroFields("fullSnapshot()", reflect.ValueOf(fullSnapshot())); len(z) > 0 {
		t.Errorf("fields left zero, so the round trip does not test them: %v", z)
	}
	for _, k := range cmdKinds {
		if z := zeroFields("fullCommand()", reflect.ValueOf(fullCommand(k))); len(z) > 0 {
			t.Errorf("fields left zero, so the round trip does not test them: %v", z)
		}
	}
}

// constsOf returns the names of the constants of type typ declared in the
// package's non-test files.
func constsOf(t *testing.T, typ string) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var names []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			cur := "" // the type an implicit repetition carries
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				switch {
				case vs.Type != nil:
					cur = ""
					if id, ok := vs.Type.(*ast.Ident); ok {
						cur = id.Name
					}
				case vs.Values != nil:
					cur = ""
				}
				if cur == typ {
					for _, n := range vs.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}

func TestProtoEnums(t *testing.T) {
	t.Parallel()
	if got := constsOf(t, "CmdKind"); !slices.Equal(got, cmdNames) {
		t.Errorf("CmdKind constants are %v, the protocol knows %v: add the new kind to validCmdKind "+
			"(proto.go) and to cmdKinds and cmdNames (proto_test.go)", got, cmdNames)
	}
	if got := constsOf(t, "LoadState"); !slices.Equal(got, loadStates) {
		t.Errorf("LoadState constants are %v, the protocol knows %v: update protoReader.loadState "+
			"and AppendBinary's check (proto.go)", got, loadStates)
	}
	for _, k := range cmdKinds {
		if !validCmdKind(k) {
			t.Errorf("validCmdKind(%d) = false, want true", k)
		}
	}
	for _, k := range []CmdKind{0, CmdPage + 1, 255} {
		if validCmdKind(k) {
			t.Errorf("validCmdKind(%d) = true, want false", k)
		}
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		desc string
		s    Snapshot
	}{
		{"zero", Snapshot{}},
		{"full", fullSnapshot()},
		{"other", otherSnapshot()},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			b := tc.s.AppendBinary(nil)
			var got Snapshot
			if err := got.UnmarshalBinary(b); err != nil {
				t.Fatalf("UnmarshalBinary: %v", err)
			}
			if d := diff(got, tc.s); d != "" {
				t.Errorf("into a new Snapshot: %s", d)
			}

			// Into a used one, which keeps its arrays (and its mistakes
			// and weights if the message has none).
			used, want := fullSnapshot(), tc.s
			if !want.HasMistakes {
				want.Mistakes, want.Confusion, want.MistakesCell, want.MistakesFrom, want.MistakesOf = used.Mistakes, used.Confusion, used.MistakesCell, used.MistakesFrom, used.MistakesOf
			}
			if !want.HasWeights {
				want.WeightsStep, want.Weights = used.WeightsStep, used.Weights
			}
			if !want.HasPair {
				want.PairSeq, want.Pair = used.PairSeq, used.Pair
			}
			pix, w := &used.Image.Pixels[0], &used.Weights[0]
			if err := used.UnmarshalBinary(b); err != nil {
				t.Fatalf("UnmarshalBinary: %v", err)
			}
			if d := diff(used, want); d != "" {
				t.Errorf("into a used Snapshot: %s", d)
			}
			if len(used.Image.Pixels) > 0 && &used.Image.Pixels[0] != pix {
				t.Errorf("Image.Pixels got a new array, want the old one reused")
			}
			if len(used.Weights) > 0 && &used.Weights[0] != w {
				t.Errorf("Weights got a new array, want the old one reused")
			}

			pre := []byte("xyz")
			if b2 := tc.s.AppendBinary(pre); !bytes.Equal(b2[:3], pre) || !bytes.Equal(b2[3:], b) {
				t.Errorf("AppendBinary(%q) does not append the encoding to its argument", pre)
			}
		})
	}
}

func TestSnapshotKeepsMistakesAndWeights(t *testing.T) {
	t.Parallel()
	msg := otherSnapshot()
	msg.HasMistakes, msg.HasWeights, msg.HasPair = false, false, false
	b := msg.AppendBinary(nil)
	msg.Mistakes, msg.WeightsStep, msg.Weights, msg.PairSeq, msg.Pair = nil, 0, nil, 0, nil
	if d := diff(b, msg.AppendBinary(nil)); d != "" {
		t.Errorf("Mistakes, Weights or Pair encoded although HasMistakes, HasWeights and HasPair are false: %s", d)
	}

	dst, old := fullSnapshot(), fullSnapshot()
	if err := dst.UnmarshalBinary(b); err != nil {
		t.Fatalf("UnmarshalBinary: %v", err)
	}
	want := msg
	want.Mistakes, want.WeightsStep, want.Weights = old.Mistakes, old.WeightsStep, old.Weights
	want.PairSeq, want.Pair = old.PairSeq, old.Pair
	if d := diff(dst, want); d != "" {
		t.Errorf("HasMistakes = HasWeights = HasPair = false: %s", d)
	}
}

func TestSnapshotTruncated(t *testing.T) {
	t.Parallel()
	full := fullSnapshot()
	b := full.AppendBinary(nil)
	dst := otherSnapshot()
	for n := range len(b) {
		err := dst.UnmarshalBinary(b[:n])
		var pe *ProtoError
		if !errors.As(err, &pe) {
			t.Fatalf("UnmarshalBinary(first %d of %d bytes) = %v, want a *ProtoError", n, len(b), err)
		}
		if !strings.HasPrefix(err.Error(), "digitsview: snapshot: ") {
			t.Fatalf("UnmarshalBinary(first %d bytes) = %q, want the prefix digitsview: snapshot:", n, err)
		}
	}
	if d := diff(dst, otherSnapshot()); d != "" {
		t.Errorf("failed UnmarshalBinary changed the Snapshot: %s", d)
	}
	var s Snapshot
	if err := s.UnmarshalBinary(nil); err == nil || err.Error() != "digitsview: snapshot: truncated at byte 0" {
		t.Errorf("UnmarshalBinary(nil) = %v, want digitsview: snapshot: truncated at byte 0", err)
	}
}

// cat concatenates byte strings.
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// patch returns a copy of b with b[i] = v.
func patch(b []byte, i int, v byte) []byte {
	c := slices.Clone(b)
	c[i] = v
	return c
}

func TestSnapshotCorrupt(t *testing.T) {
	t.Parallel()
	// Offsets in this message: 0 magic, 4 Seq, 5 Ack, 6 Gen, 7 Data.State,
	// 8 Loaded, 9 Total, 10 What, 11 Err, 12 Config: 12 Task, 13 Model,
	// 14 Opt, 15 LR, 23 AnnealT, 31 Batch, 32 TrainN, 33 Noise, 41 Raw.
	b := (&Snapshot{Seq: 1, Ack: 1, Gen: 1}).AppendBinary(nil)
	cmd, _ := (&Command{Kind: CmdStart}).MarshalBinary()
	for _, tc := range []struct {
		desc string
		msg  []byte
		want string
	}{
		{"empty", nil, "truncated at byte 0"},
		{"short magic", []byte("DLs"), "truncated at byte 0"},
		{"foreign", cat([]byte("\x89PNG"), b[4:]), `bad magic "\x89PNG", want "DLs1" at byte 0`},
		{"command", cmd, `bad magic "DLc1", want "DLs1" at byte 0`},
		{"newer", cat([]byte("DLs2"), b[4:]), "version '2', this build reads version '1' (page and worker from different builds?) at byte 3"},
		{"older", cat([]byte("DLs0"), b[4:]), "version '0', this build reads version '1' (page and worker from different builds?) at byte 3"},
		{"load state", patch(b, 7, 3), "invalid load state 3 at byte 7"},
		{"bool", patch(b, 41, 2), "bool byte 2, want 0 or 1 at byte 41"},
		{"varint", cat(b[:4], bytes.Repeat([]byte{0xff}, 10), []byte{1}), "varint overflows 64 bits at byte 4"},
		{"huge count", cat(b[:10], binary.AppendUvarint(nil, maxCount+1)), "count 16777217 over the limit 16777216 at byte 10"},
		{"count past end", cat(b[:10], []byte{5, 'a', 'b'}), "count 5 needs at least 5 bytes, 2 left at byte 10"},
		{"trailing", cat(b, []byte{0}), fmt.Sprintf("1 trailing byte(s) at byte %d", len(b))},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			dst := otherSnapshot()
			err := dst.UnmarshalBinary(tc.msg)
			var pe *ProtoError
			if !errors.As(err, &pe) || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("UnmarshalBinary(% x) = %v, want a *ProtoError ending %q", tc.msg, err, tc.want)
			}
			if d := diff(dst, otherSnapshot()); d != "" {
				t.Errorf("failed UnmarshalBinary changed the Snapshot: %s", d)
			}
		})
	}
}

func TestSnapshotAppendAllocs(t *testing.T) {
	s := fullSnapshot()
	buf := s.AppendBinary(nil)
	if a := testing.AllocsPerRun(100, func() { buf = s.AppendBinary(buf[:0]) }); a != 0 {
		t.Errorf("AppendBinary into a large enough buffer: %v allocations, want 0", a)
	}
}

func TestSnapshotUnmarshalAllocs(t *testing.T) {
	// Two snapshots with no strings, decoded in turn into one Snapshot.
	a, b := fullSnapshot(), otherSnapshot()
	clearStrings(&a)
	clearStrings(&b)
	ma, mb := a.AppendBinary(nil), b.AppendBinary(nil)
	var dst Snapshot
	decode := func() {
		if err := dst.UnmarshalBinary(ma); err != nil {
			t.Fatal(err)
		}
		if err := dst.UnmarshalBinary(mb); err != nil {
			t.Fatal(err)
		}
	}
	decode()
	if n := testing.AllocsPerRun(50, decode); n != 0 {
		t.Errorf("UnmarshalBinary in steady state: %v allocations, want 0", n)
	}
	if d := diff(dst, b); d != "" {
		t.Errorf("after decoding in turn: %s", d)
	}

	// Strings that do not change are kept.
	s := fullSnapshot()
	m := s.AppendBinary(nil)
	dst = Snapshot{}
	if err := dst.UnmarshalBinary(m); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(50, func() { _ = dst.UnmarshalBinary(m) }); n != 0 {
		t.Errorf("UnmarshalBinary of unchanged strings: %v allocations, want 0", n)
	}
}

func TestCommandRoundTrip(t *testing.T) {
	t.Parallel()
	for i, k := range cmdKinds {
		t.Run(cmdNames[i], func(t *testing.T) {
			t.Parallel()
			for _, c := range []Command{fullCommand(k), {Kind: k}} {
				b, err := c.MarshalBinary()
				if err != nil {
					t.Fatalf("MarshalBinary: %v", err)
				}
				var got Command
				if err := got.UnmarshalBinary(b); err != nil {
					t.Fatalf("UnmarshalBinary: %v", err)
				}
				if d := diff(got, c); d != "" {
					t.Errorf("into a new Command: %s", d)
				}
				used := fullCommand(CmdLoad)
				if err := used.UnmarshalBinary(b); err != nil {
					t.Fatalf("UnmarshalBinary: %v", err)
				}
				if d := diff(used, c); d != "" {
					t.Errorf("into a used Command: %s", d)
				}
				clear(b)
				if d := diff(got, c); d != "" {
					t.Errorf("decoded Command shares the message's bytes: %s", d)
				}
			}
		})
	}
}

func TestCommandMarshalUnknownKind(t *testing.T) {
	t.Parallel()
	for _, k := range []CmdKind{0, CmdPage + 1} {
		c := fullCommand(k)
		if b, err := c.MarshalBinary(); err == nil || !strings.Contains(err.Error(), "unknown kind") {
			t.Errorf("MarshalBinary(kind %d) = %x, %v; want an unknown kind error", k, b, err)
		}
	}
}

func TestCommandTruncated(t *testing.T) {
	t.Parallel()
	c := fullCommand(CmdLoad)
	b, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	dst := fullCommand(CmdStep)
	for n := range len(b) {
		err := dst.UnmarshalBinary(b[:n])
		var pe *ProtoError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "digitsview: command: ") {
			t.Fatalf("UnmarshalBinary(first %d of %d bytes) = %v, want a *ProtoError for a command", n, len(b), err)
		}
	}
	if d := diff(dst, fullCommand(CmdStep)); d != "" {
		t.Errorf("failed UnmarshalBinary changed the Command: %s", d)
	}
}

func TestCommandCorrupt(t *testing.T) {
	t.Parallel()
	// Offsets in this message: 0 magic, 4 Seq, 5 Kind, 6 Config: 6 Task,
	// 7 Model, 8 Opt, 9 LR, 17 AnnealT, 25 Batch, 26 TrainN, 27 Noise,
	// 35 Raw, 36 Seed, 37 EvalEvery, 38 Steps, 39 Race; 40 N, 41 Name, 42 Data.
	b, err := (&Command{Seq: 1, Kind: CmdStart}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	snap := (&Snapshot{}).AppendBinary(nil)
	for _, tc := range []struct {
		desc string
		msg  []byte
		want string
	}{
		{"empty", nil, "truncated at byte 0"},
		{"snapshot", snap, `bad magic "DLs1", want "DLc1" at byte 0`},
		{"newer", cat([]byte("DLc2"), b[4:]), "version '2', this build reads version '1' (page and worker from different builds?) at byte 3"},
		{"kind 0", patch(b, 5, 0), "unknown command kind 0 at byte 5"},
		{"kind 13", patch(b, 5, 13), "unknown command kind 13 at byte 5"},
		{"bool", patch(b, 35, 7), "bool byte 7, want 0 or 1 at byte 35"},
		{"huge data", cat(b[:42], binary.AppendUvarint(nil, 1<<40)), "count 1099511627776 over the limit 16777216 at byte 42"},
		{"data past end", cat(b[:42], []byte{10, 1, 2, 3}), "count 10 needs at least 10 bytes, 3 left at byte 42"},
		{"trailing", cat(b, []byte{0, 0}), fmt.Sprintf("2 trailing byte(s) at byte %d", len(b))},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			dst := fullCommand(CmdStep)
			err := dst.UnmarshalBinary(tc.msg)
			var pe *ProtoError
			if !errors.As(err, &pe) || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("UnmarshalBinary(% x) = %v, want a *ProtoError ending %q", tc.msg, err, tc.want)
			}
			if d := diff(dst, fullCommand(CmdStep)); d != "" {
				t.Errorf("failed UnmarshalBinary changed the Command: %s", d)
			}
		})
	}
}

func FuzzSnapshotUnmarshal(f *testing.F) {
	// Small images keep the inputs short and the fuzzer fast; the unit
	// tests cover the full sizes.
	used := func() Snapshot { return laterSnapshot(smallSnapshot()) }
	noExtras := used()
	noExtras.HasMistakes, noExtras.HasWeights, noExtras.HasPair = false, false, false
	for _, s := range []Snapshot{{}, {Seq: 1, Data: DataStatus{State: Loading, What: "x"}}, smallSnapshot(), used(), noExtras} {
		f.Add(s.AppendBinary(nil))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		dst := used()
		var s Snapshot
		if err := s.UnmarshalBinary(b); err != nil {
			var pe *ProtoError
			if !errors.As(err, &pe) {
				t.Fatalf("UnmarshalBinary error %v is %T, want *ProtoError", err, err)
			}
			if dst.UnmarshalBinary(b) == nil {
				t.Fatalf("UnmarshalBinary failed into a new Snapshot (%v) but not into a used one", err)
			}
			if d := diff(dst, used()); d != "" {
				t.Fatalf("failed UnmarshalBinary (%v) changed the Snapshot: %s", err, d)
			}
			return
		}
		var s2 Snapshot
		if err := s2.UnmarshalBinary(s.AppendBinary(nil)); err != nil {
			t.Fatalf("re-encoded snapshot does not decode: %v", err)
		}
		if d := diff(s2, s); d != "" {
			t.Fatalf("re-encoded snapshot decodes differently: %s", d)
		}
		if err := dst.UnmarshalBinary(b); err != nil {
			t.Fatalf("UnmarshalBinary into a used Snapshot: %v", err)
		}
		want, old := s, used()
		if !s.HasMistakes {
			want.Mistakes, want.Confusion, want.MistakesCell, want.MistakesFrom, want.MistakesOf = old.Mistakes, old.Confusion, old.MistakesCell, old.MistakesFrom, old.MistakesOf
		}
		if !s.HasWeights {
			want.WeightsStep, want.Weights = old.WeightsStep, old.Weights
		}
		if !s.HasPair {
			want.PairSeq, want.Pair = old.PairSeq, old.Pair
		}
		if d := diff(dst, want); d != "" {
			t.Fatalf("into a used Snapshot: %s", d)
		}
	})
}

func FuzzCommandUnmarshal(f *testing.F) {
	for _, k := range cmdKinds {
		c := fullCommand(k)
		b, _ := c.MarshalBinary()
		f.Add(b)
	}
	b, _ := (&Command{Kind: CmdStart}).MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		used := fullCommand(CmdStep)
		var c Command
		if err := c.UnmarshalBinary(b); err != nil {
			var pe *ProtoError
			if !errors.As(err, &pe) {
				t.Fatalf("UnmarshalBinary error %v is %T, want *ProtoError", err, err)
			}
			if used.UnmarshalBinary(b) == nil {
				t.Fatalf("UnmarshalBinary failed into a new Command (%v) but not into a used one", err)
			}
			if d := diff(used, fullCommand(CmdStep)); d != "" {
				t.Fatalf("failed UnmarshalBinary (%v) changed the Command: %s", err, d)
			}
			return
		}
		b2, err := c.MarshalBinary()
		if err != nil {
			t.Fatalf("decoded command does not encode: %v", err)
		}
		var c2 Command
		if err := c2.UnmarshalBinary(b2); err != nil {
			t.Fatalf("re-encoded command does not decode: %v", err)
		}
		if d := diff(c2, c); d != "" {
			t.Fatalf("re-encoded command decodes differently: %s", d)
		}
	})
}

// TestSnapshotClaimingMore: a count that claims millions of elements with
// a few bytes behind it is refused before anything is allocated for it
// (the error message is all the decoder allocates).
func TestSnapshotClaimingMore(t *testing.T) {
	b := (&Snapshot{Seq: 1, Ack: 1, Gen: 1}).AppendBinary(nil)
	msg := cat(b[:10], binary.AppendUvarint(nil, maxCount), []byte{'a', 'b'})
	var dst Snapshot
	var err error
	least := uint64(math.MaxUint64) // the fewest bytes of five tries (MemStats counts the process)
	for range 5 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err = dst.UnmarshalBinary(msg)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	if err == nil || !strings.Contains(err.Error(), "count 16777216 needs at least 16777216 bytes, 2 left") {
		t.Fatalf("error %v, want the count refused", err)
	}
	if least > 1024 {
		t.Errorf("refusing a count of %d allocated %d bytes, want ≤ 1024", maxCount, least)
	}
}
