package digitsview

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"time"

	"digitlab/excerpt"
	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/scenes/pad"
)

// My digits on the page (mine.go has the digits themselves): the "add it
// to my digits as" choice under the network's view of the drawing, the My
// digits panel under the pad (the gallery, "train on my digits" with its
// share, export, import, clear) and the test of the model copy on them,
// computed a few digits a frame.

// MineShares are the shares of my digits in the training stream the
// student can choose, in percent; MineShareDefault is the 10 %.
var MineShares = []int{5, 10, 25, 50}

const MineShareDefault = 1 // index into MineShares

// Sizes of the gallery's cells.
const (
	MineThumb = 44.0 // a digit's side
	mineCellW = MineThumb + 8
	mineStrip = 30.0 // the by-digit strip's height
)

// mineJudgeBudget bounds the time a frame spends testing the model copy on
// my digits (the best model takes about half a millisecond a digit in
// wasm).
const mineJudgeBudget = 2 * time.Millisecond

// mineClearWait is how long "clear" waits for its second click.
const mineClearWait = 4 * time.Second

// mineState is the page's side of my digits.
type mineState struct {
	M Mine

	AddAs                    ui.Choice // 0..9: add the drawing with this label
	Train                    ui.Button // train on my digits / stop
	Share                    ui.Choice // MineShares
	Export, Import, ClearAll ui.Button
	Prev, Next               ui.Button // the gallery's pages

	Panel, Note, Text, Gallery, Strip ui.Rect // the panel and its parts
	Cells                             []ui.Rect
	first                             int // the digit in the first cell
	perPage                           int
	hover                             int // the digit under the pointer, -1: none

	training       bool          // the worker is asked to mix them in
	sentVer, sentN int           // the collection and share it was sent
	clearUntil     time.Duration // "clear" asks again until then

	judge     mineJudge
	before    mineResult // the test when training on them began
	hasBefore bool
	note      Info          // the last action's outcome
	noteAt    time.Duration // … and when
	Storage   string        // why the browser does not keep them ("": it does)
	saved     int           // the collection's version the browser holds
	pix       plot.Raster
	pixKey    mineGalleryKey
	gpx       []float32 // a thumbnail's pixels
}

// mineResult is a test of a model copy on my digits: right of n (the
// digits of the task's classes), at training step step.
type mineResult struct{ right, n, step int }

// mineJudge tests the model copy on my digits a few at a time.
type mineJudge struct {
	gen, ver int // model copy and collection under test (-1: none yet)
	next     int // the next digit to test
	done     bool
	cur      mineResult // the test under way
	last     mineResult // the last finished one
	lastOK   bool
	lastVer  int // the collection it tested
	// Per digit of the last finished (or, once done, the current) test:
	// the digit the model says (-1: not a class of the task) and its
	// probability for the digit's own label.
	pred, lastPred []int8
	p, lastP       []float32
	px, x, probs   []float32
}

type mineGalleryKey struct {
	ver, first, n int
	gallery       ui.Rect
	scale         float64
}

func (s *Scene) initMine() {
	st := &s.mine
	digits := make([]string, 10)
	for i := range digits {
		digits[i] = strconv.Itoa(i)
	}
	st.AddAs = ui.Choice{Label: "add it to my digits as", Options: digits, Index: -1,
		Tip: "Keep the 28×28 the network sees, labelled with this digit, in My digits below"}
	st.Train = ui.Button{Label: "train on my digits",
		Tip: "Go on training with my digits mixed into the training images (the share on the right)"}
	shares := make([]string, len(MineShares))
	for i, p := range MineShares {
		shares[i] = strconv.Itoa(p) + " %"
	}
	st.Share = ui.Choice{Options: shares, Index: MineShareDefault, Tip: "How many of the training samples are my digits"}
	st.Export = ui.Button{Label: "export", Tip: "Download my digits as a file (JSON) to keep or share; import reads it back"}
	st.Import = ui.Button{Label: "import…", Tip: "Add the digits of an exported file (a class can pool its files)"}
	st.ClearAll = ui.Button{Label: "clear", Tip: "Delete all my digits (asks again)"}
	st.Prev = ui.Button{Label: "‹", Tip: "Earlier digits"}
	st.Next = ui.Button{Label: "›", Tip: "Later digits"}
	st.judge.gen, st.judge.ver = -1, -1
	st.hover = -1
}

// Mine is the collection of my digits (the page saves it when its Version
// changes).
func (s *Scene) Mine() *Mine { return &s.mine.M }

// taskDigits are the digits of a task's classes, class by class.
func taskDigits(task string) []int {
	if task == "4v9" {
		return digits4v9
	}
	return digits10
}

var (
	digits4v9 = []int{4, 9}
	digits10  = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
)

// classOf is the class of digit d in the model copy's task, or -1.
func (s *Scene) classOf(d int) int {
	for k, v := range taskDigits(s.modelCfg.Task) {
		if v == d {
			return k
		}
	}
	return -1
}

// ---- the test of the model copy on them ----

// judgeMine goes on testing the model copy on my digits, within
// mineJudgeBudget; a new model copy or a changed collection starts again.
func (s *Scene) judgeMine() {
	st, j := &s.mine, &s.mine.judge
	if s.model == nil {
		return
	}
	n := st.M.Len()
	if j.gen != s.gen || j.ver != st.M.Version() {
		j.gen, j.ver, j.next, j.done = s.gen, st.M.Version(), 0, false
		j.cur = mineResult{step: s.modelStep}
		j.pred, j.p = resize(j.pred, n), resize(j.p, n)
	}
	if j.done {
		return
	}
	t0 := time.Now()
	digits := taskDigits(s.modelCfg.Task)
	for ; j.next < n; j.next++ {
		if j.next%4 == 0 && time.Since(t0) > mineJudgeBudget {
			return
		}
		d := st.M.At(j.next)
		k := s.classOf(d.Label)
		if k < 0 {
			j.pred[j.next], j.p[j.next] = -1, float32(math.NaN())
			continue
		}
		j.px = d.Floats(j.px)
		j.x = s.modelInput(j.x, j.px)
		j.probs = s.model.Predict(j.probs, j.x)
		best := 0
		for c, p := range j.probs {
			if p > j.probs[best] {
				best = c
			}
		}
		j.pred[j.next], j.p[j.next] = int8(digits[best]), j.probs[k]
		j.cur.n++
		if best == k {
			j.cur.right++
		}
	}
	j.done, j.last, j.lastOK, j.lastVer = true, j.cur, true, j.ver
	j.lastPred, j.lastP = append(j.lastPred[:0], j.pred...), append(j.lastP[:0], j.p...)
}

// mineOf returns the last finished test's verdict on digit i: the digit
// the model says (-1: not a class of the task, or not tested yet) and its
// probability for the digit's label.
func (s *Scene) mineOf(i int) (pred int, p float32) {
	j := &s.mine.judge
	if !j.lastOK || j.lastVer != s.mine.M.Version() || i >= len(j.lastPred) {
		return -1, float32(math.NaN())
	}
	return int(j.lastPred[i]), j.lastP[i]
}

// MineTest is the last finished test (ok false: none yet, or no digits of
// the task's classes).
func (s *Scene) MineTest() (r mineResult, ok bool) {
	j := &s.mine.judge
	return j.last, j.lastOK && j.lastVer == s.mine.M.Version() && j.last.n > 0
}

// ---- the actions ----

// AddMine adds the drawing as one of my digits with label d.
func (s *Scene) AddMine(d int) error {
	if s.Pad.Empty() {
		return fmt.Errorf("my digits: the pad is empty: draw a %d first", d)
	}
	s.PadX = pad.MNIST(s.PadX, s.Pad.Pix, s.Pad.N)
	return s.MineAdd(s.PadX, d)
}

// MineAdd adds a 28×28 image in 0..1 (the network's view of a drawing)
// with label d: digitlab.mine.add and the "add as" choice.
func (s *Scene) MineAdd(px []float32, d int) error {
	dg, err := NewMyDigit(px, d)
	if err == nil {
		err = s.mine.M.Add(dg)
	}
	if err != nil {
		return err
	}
	s.setMineNote(Info{Text: "added a " + strconv.Itoa(d), Tone: ToneGood})
	s.mine.first = s.lastPage()
	return nil
}

// MineAddValues is digitlab.mine.add(pixels, label) from JavaScript: n
// pixels (-1: not an array) read with at, and a label that is a number
// (isNum) read with label. It says what is wrong with the arguments, or
// adds the digit.
func (s *Scene) MineAddValues(n int, at func(int) float64, isNum bool, label func() float64) error {
	if n < 0 || !isNum {
		return fmt.Errorf("mine.add(pixels, label): %d numbers 0..1 (28×28, row by row) and a digit 0–9", MineSize)
	}
	if n != MineSize {
		return fmt.Errorf("mine.add: %d pixels, not %d (28×28)", n, MineSize)
	}
	l := label()
	if l != math.Trunc(l) || l < 0 || l > 9 {
		return fmt.Errorf("mine.add: the label %v is not a digit 0–9", l)
	}
	px := make([]float32, n)
	for i := range px {
		px[i] = float32(at(i))
	}
	return s.MineAdd(px, int(l))
}

// MineDelete deletes digit i.
func (s *Scene) MineDelete(i int) {
	if i < 0 || i >= s.mine.M.Len() {
		return
	}
	l := s.mine.M.At(i).Label
	s.mine.M.Delete(i)
	s.setMineNote(Info{Text: "deleted a " + strconv.Itoa(l)})
}

// MineClear deletes all my digits (digitlab.mine.clear and the second
// click on "clear").
func (s *Scene) MineClear() {
	n := s.mine.M.Len()
	s.mine.M.Clear()
	s.mine.first, s.mine.clearUntil = 0, 0
	s.setMineNote(Info{Text: "deleted all " + strconv.Itoa(n) + " digits"})
}

// MineFile is the export: a file name and its bytes.
func (s *Scene) MineFile() (string, []byte) {
	return fmt.Sprintf("digitlab-my-digits-%d.json", s.mine.M.Len()), MarshalMine(s.mine.M.Items())
}

// ImportMine merges the digits of an exported file. A file that cannot be
// read changes nothing and says why.
func (s *Scene) ImportMine(name string, b []byte) error {
	ds, err := ParseMine(name, b)
	if err != nil {
		return err
	}
	added, dup, over := s.mine.M.Merge(ds)
	t := fmt.Sprintf("imported %d digits from %s", added, excerpt.QuoteN(name, 40))
	if dup > 0 {
		t += fmt.Sprintf(" (%d already here)", dup)
	}
	if over > 0 {
		t += fmt.Sprintf("; %d did not fit (at most %d)", over, MaxMine)
	}
	s.setMineNote(Info{Text: t, Tone: ToneGood})
	if over > 0 || added == 0 && len(ds) > 0 {
		s.mine.note.Tone = ToneBad
	}
	return nil
}

// RestoreMine puts back the digits the browser kept (the page's start):
// stored is the value kept (nil: none), readErr why the storage could not
// be read. A stored value that cannot be read is an error that leaves none
// (the page keeps it aside); the banner says so.
func (s *Scene) RestoreMine(stored []byte, readErr error) error {
	st := &s.mine
	defer func() { st.saved = st.M.Version() }()
	if readErr != nil {
		st.Storage = "This browser does not keep my digits (" + readErr.Error() + "): export them to keep them."
		return nil
	}
	if stored == nil {
		return nil
	}
	ds, err := ParseMine("", stored)
	if err != nil {
		s.err = errors.Join(s.err, fmt.Errorf("the digits kept in this browser could not be read (%v); they are kept aside and the page starts without them", err))
		return err
	}
	st.M.Replace(ds)
	return nil
}

// MineUnsaved is what the browser's storage should hold now that my
// digits changed since the last MineStored: their file (nil: none are
// left, remove the value); changed false when they did not change.
func (s *Scene) MineUnsaved() (b []byte, changed bool) {
	st := &s.mine
	if st.M.Version() == st.saved {
		return nil, false
	}
	st.saved = st.M.Version()
	if st.M.Len() == 0 {
		return nil, true
	}
	return MarshalMine(st.M.Items()), true
}

// MineStored records how storing them went: an error is shown in the
// panel and status().mine.storage until a store succeeds.
func (s *Scene) MineStored(err error) {
	s.mine.Storage = ""
	if err != nil {
		s.mine.Storage = "This browser refused to keep my digits (" + err.Error() + "): they last until the page closes; export them to keep them."
	}
}

// TrainMine starts (on) or stops training on my digits.
func (s *Scene) TrainMine(on bool) error {
	st := &s.mine
	if on {
		if s.Racing() {
			return fmt.Errorf("my digits: end the race first (a race trains its lanes on the same data)")
		}
		if st.M.Len() == 0 {
			return fmt.Errorf("my digits: there are none yet: draw a digit and add it")
		}
		usable := 0
		for _, d := range st.M.Items() {
			if s.classOfTask(d.Label) >= 0 {
				usable++
			}
		}
		if usable == 0 {
			return fmt.Errorf("my digits: none of them is a %s, the digits of this task", s.taskWords())
		}
		r, ok := s.MineTest()
		if !ok || s.mine.judge.gen != s.gen {
			r = s.judgeAllNow()
		}
		st.before, st.hasBefore = r, true
	}
	st.training = on
	s.sendMine()
	if on && !s.Running() {
		s.Start()
	}
	return nil
}

// classOfTask is the class of digit d in the page's task (the options'),
// or -1.
func (s *Scene) classOfTask(d int) int {
	for k, v := range taskDigits(s.Cfg.Task) {
		if v == d {
			return k
		}
	}
	return -1
}

// taskWords names the task's digits: "4 or 9", "digit".
func (s *Scene) taskWords() string {
	if s.Cfg.Task == "4v9" {
		return "4 or a 9"
	}
	return "digit 0–9"
}

// judgeAllNow tests the model copy on all of my digits at once (the
// "before" of a click on "train on my digits").
func (s *Scene) judgeAllNow() mineResult {
	j := &s.mine.judge
	if s.model == nil {
		return mineResult{step: s.modelStep}
	}
	j.gen = -1
	for !j.done || j.gen != s.gen {
		s.judgeMine()
	}
	return j.last
}

// sendMine tells the worker which digits to mix in, at what share.
func (s *Scene) sendMine() {
	st := &s.mine
	c := Command{Kind: CmdMine}
	if st.training {
		c.N = MineShares[st.Share.Index]
		c.Data = AppendMineWire(nil, st.M.Items())
	}
	s.client.Send(c)
	st.sentVer, st.sentN = st.M.Version(), c.N
}

// followMine sends the digits again when they or the share changed while
// training on them.
func (s *Scene) followMine() {
	st := &s.mine
	if st.training && (st.sentVer != st.M.Version() || st.sentN != MineShares[st.Share.Index]) {
		s.sendMine()
	}
}

// ---- layout ----

// layoutMine lays out the My digits panel in r and handles its input.
func (s *Scene) layoutMine(r ui.Rect, in *ui.Input) (act Action) {
	st := &s.mine
	st.Panel = r
	// The note (the last action, training on them, storage trouble) in the
	// title row, clear of the title and of the panel's PNG button.
	tw := paint.Measure(MineTitle, ui.FontSize, paint.Bold) + 3*ui.Gap
	st.Note = ui.Rect{X: r.X + ui.Pad + tw, Y: r.Y + ui.Pad, W: math.Max(0, r.W-2*ui.Pad-tw-56), H: ui.LabelH}
	c := ui.PanelContent(r, MineTitle)
	row, c := c.CutTop(ui.RowH, 6)
	row2 := row // (on a page the buttons take two rows)
	if ui.Paged {
		row2, c = c.CutTop(ui.RowH, 6)
	}
	st.Train.Label, st.Train.Tip = "train on my digits", "Go on training with my digits mixed into the training images (the share on the right)"
	if st.training {
		st.Train.Label, st.Train.Tip = "stop training on them", "Go on training on the task's own images only"
	}
	st.Train.Rect, row = row.CutLeft(math.Max(160, st.Train.Width()), ui.Gap)
	st.Share.Rect, row = row.CutLeft(4*46, ui.Gap)
	st.ClearAll.Label = "clear"
	if st.clearUntil > s.now {
		st.ClearAll.Label = fmt.Sprintf("sure? delete %d", st.M.Len())
	}
	if !ui.Paged {
		row2 = row
	}
	st.ClearAll.Rect, row2 = row2.CutRight(math.Max(64, st.ClearAll.Width()), ui.Gap)
	st.Import.Rect, row2 = row2.CutRight(80, ui.Gap)
	st.Export.Rect, _ = row2.CutRight(72, ui.Gap)
	st.Train.Disabled = s.model == nil || s.Racing() && !st.training
	st.Export.Disabled = st.M.Len() == 0
	st.ClearAll.Disabled = st.M.Len() == 0

	st.Text, c = c.CutTop(ui.LineHeight(ui.FontSize), 4)
	st.Strip, c = c.CutBottom(mineStrip, 6)
	st.Gallery = c
	st.layoutCells()

	if st.Train.Update(in) {
		if err := s.TrainMine(!st.training); err != nil {
			s.setMineNote(Info{Text: err.Error(), Tone: ToneBad})
		}
	}
	if st.Share.Update(in) {
		s.followMine()
	}
	if st.Export.Update(in) {
		act |= ActExport
	}
	if st.Import.Update(in) {
		act |= ActImport
	}
	if st.ClearAll.Update(in) {
		if st.clearUntil > s.now {
			s.MineClear()
		} else {
			st.clearUntil = s.now + mineClearWait
		}
	}
	if st.Prev.Update(in) {
		st.first = max(0, st.first-st.perPage)
	}
	if st.Next.Update(in) && st.first+st.perPage < st.M.Len() {
		st.first += st.perPage
	}
	st.layoutCells() // (after a page turn, a clear, an import)
	st.hover = -1
	for k, cell := range st.Cells {
		i := st.first + k
		if in.Hover(cell) {
			st.hover = i
			d := st.M.At(i)
			pred, p := s.mineOf(i)
			type key struct {
				i, label, pred int
				p              uint32
				ver            int
			}
			in.OfferTip(cell, tipFor(&s.tip, key{i, d.Label, pred, math.Float32bits(p), st.M.Version()}, func() string { return s.mineTip(i) }))
		}
		if in.PressedIn(cell) {
			in.Consume()
			s.MineDelete(i)
			st.layoutCells()
			st.hover = -1
			break
		}
	}
	s.renderMineGallery()
	return act
}

// layoutCells places the thumbnails of the page shown in the gallery (and
// the page buttons when there is more than one page).
func (st *mineState) layoutCells() {
	c := st.Gallery
	cols := max(1, int((c.W+8)/mineCellW))
	cellH := MineThumb + ui.LineHeight(ui.SmallSize) + 6
	rows := max(1, int((c.H+6)/cellH))
	st.perPage = cols * rows
	n := st.M.Len()
	if st.first >= n {
		st.first = max(0, n-1) / st.perPage * st.perPage
	}
	st.first -= st.first % st.perPage
	st.Prev.Rect, st.Next.Rect = ui.Rect{}, ui.Rect{}
	if st.pages() > 1 {
		t := st.Text
		st.Next.Rect = ui.Rect{X: t.Right() - 28, Y: t.Y - 4, W: 28, H: 24}
		st.Prev.Rect = ui.Rect{X: st.Next.Rect.X - 32, Y: t.Y - 4, W: 28, H: 24}
		st.Prev.Disabled, st.Next.Disabled = st.first == 0, st.first+st.perPage >= n
	}
	st.Cells = st.Cells[:0]
	for i := st.first; i < min(n, st.first+st.perPage); i++ {
		k := i - st.first
		st.Cells = append(st.Cells, ui.Rect{X: c.X + float64(k%cols)*mineCellW, Y: c.Y + float64(k/cols)*cellH, W: MineThumb, H: cellH - 6})
	}
}

// pages is the number of gallery pages.
func (st *mineState) pages() int {
	if st.perPage == 0 {
		return 1
	}
	return max(1, (st.M.Len()+st.perPage-1)/st.perPage)
}

// lastPage is the first digit of the last page (where a new digit shows).
func (s *Scene) lastPage() int {
	st := &s.mine
	if st.perPage == 0 {
		return 0
	}
	return max(0, st.M.Len()-1) / st.perPage * st.perPage
}

// renderMineGallery renders the thumbnails of the page shown into one
// picture, again only when they or the layout changed.
func (s *Scene) renderMineGallery() {
	st := &s.mine
	key := mineGalleryKey{st.M.Version(), st.first, len(st.Cells), st.Gallery, s.scale}
	resized := fitRaster(&st.pix, st.Gallery, s.scale)
	if !resized && key == st.pixKey {
		return
	}
	st.pixKey = key
	img, g, sc := st.pix.Img, st.Gallery, s.scale
	clear(img.Pix)
	for k, c := range st.Cells {
		st.gpx = st.M.At(st.first + k).Floats(st.gpx)
		rr := image.Rect(int((c.X-g.X)*sc), int((c.Y-g.Y)*sc), int((c.X-g.X+MineThumb)*sc), int((c.Y-g.Y+MineThumb)*sc))
		plot.ScaleGray(img, rr, st.gpx, 28, 28, plot.Gray, plot.Norm{Min: 0, Max: 1})
	}
	st.pix.Touch()
}

// mineTip is a thumbnail's tooltip.
func (s *Scene) mineTip(i int) string {
	d := s.mine.M.At(i)
	t := "Your " + strconv.Itoa(d.Label)
	switch pred, p := s.mineOf(i); {
	case s.classOf(d.Label) < 0:
		t += ": not a digit of this task"
	case pred < 0:
		t += ": not tested yet"
	case pred == d.Label:
		t += fmt.Sprintf(": the model says %d (p = %.2f)", pred, p)
	default:
		t += fmt.Sprintf(": the model says %d; p(%d) = %.2f", pred, d.Label, p)
	}
	return t + ". Click to delete it."
}

// MineTitle is the My digits panel's title.
const MineTitle = "My digits"

// MineLine is the line over the gallery: how many, the test, the before.
func (s *Scene) MineLine() Info {
	st := &s.mine
	n := st.M.Len()
	if n == 0 {
		return Info{Text: "None yet: draw a digit, then click its digit under \"add it to my digits as\"", Tone: ToneMuted}
	}
	t := strconv.Itoa(n) + " digits"
	if n == 1 {
		t = "1 digit"
	}
	if r, ok := s.MineTest(); ok {
		t += fmt.Sprintf(" · at step %d: %d of %d right (%.0f %%)", r.step, r.right, r.n, 100*float64(r.right)/float64(r.n))
		if b := st.before; st.hasBefore && b.n > 0 {
			t += fmt.Sprintf(", before training on them (step %d): %d", b.step, b.right)
		}
	} else if s.model != nil && n > 0 {
		t += " · none is a " + s.taskWords()
	}
	if pages := st.pages(); pages > 1 {
		t += fmt.Sprintf(" · page %d/%d", st.first/max(1, st.perPage)+1, pages)
	}
	return Info{Text: t}
}

// mineNoteFor is how long the note of an action stays in the title row.
const mineNoteFor = 10 * time.Second

// setMineNote shows what an action did, for mineNoteFor.
func (s *Scene) setMineNote(i Info) { s.mine.note, s.mine.noteAt = i, s.now }

// mineNoteFresh reports whether the last action's note is still shown.
func (s *Scene) mineNoteFresh() bool {
	return s.mine.note.Text != "" && s.now-s.mine.noteAt < mineNoteFor
}

// MineNote is the line under the controls: training on them, the last
// action, or the storage's trouble.
func (s *Scene) MineNote() Info {
	st := &s.mine
	switch {
	case st.Storage != "":
		return Info{Text: st.Storage, Tone: ToneBad}
	case s.mineNoteFresh():
		return st.note
	case s.Snap.MineShare > 0:
		return Info{Text: fmt.Sprintf("training with %d of them as %d %% of the samples", s.Snap.MineN, s.Snap.MineShare), Tone: ToneGood}
	}
	return Info{}
}

// ---- paint ----

// paintMine draws the My digits panel's content (the card and the
// widgets are the chrome's).
func (s *Scene) paintMine(l *paint.List) {
	st := &s.mine
	line := s.MineLine()
	w := st.Text.W
	if st.Prev.Rect.W > 0 {
		w = st.Prev.Rect.X - st.Text.X - ui.Gap
	}
	line.Text = fitLine(line.Text, w, ui.FontSize)
	info(l, line, st.Text.X, st.Text.Y, ui.FontSize, paint.Start)
	if st.Prev.Rect.W > 0 {
		l.Widgets(&st.Prev, &st.Next)
	}
	if note := s.MineNote(); note.Text != "" {
		note.Text = fitLine(note.Text, st.Note.W, ui.SmallSize)
		info(l, note, st.Note.X, st.Note.Y+2, ui.SmallSize, paint.Start)
	}
	if st.M.Len() == 0 {
		return
	}
	l.Raster(st.Gallery, &st.pix)
	for k, c := range st.Cells {
		i := st.first + k
		d := st.M.At(i)
		img := ui.Rect{X: c.X, Y: c.Y, W: MineThumb, H: MineThumb}
		pred, _ := s.mineOf(i)
		col, caption := paint.Muted, mineCaption(d.Label, pred)
		switch {
		case pred < 0:
		case pred == d.Label:
			col = paint.Good
		default:
			col = paint.Bad
		}
		l.Stroke(img.Inset(-1), 1, paint.Border)
		l.Fill(ui.Rect{X: img.X, Y: img.Bottom() + 1, W: img.W, H: 3}, col)
		if i == st.hover {
			l.Stroke(img.Inset(-2), 2, paint.Bad)
			l.Text("×", img.Right()-7, img.Y+1, ui.FontSize, paint.Bold, paint.Bad, paint.Center)
		}
		l.Text(caption, c.X+MineThumb/2, img.Bottom()+5, ui.SmallSize, paint.Regular, col, paint.Center)
	}
	s.paintMineStrip(l)
}

// mineCaption is a thumbnail's caption: "7", or "7→1" when the model says
// another digit.
func mineCaption(label, pred int) string {
	if pred < 0 || pred == label {
		return digitNames[label]
	}
	return digitNames[label] + "→" + digitNames[pred]
}

var digitNames = [10]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

// mineByDigit counts, for each digit, my digits of it and how many of
// them the last test got right.
func (s *Scene) mineByDigit() (n, right [10]int) {
	for i, d := range s.mine.M.Items() {
		n[d.Label]++
		if pred, _ := s.mineOf(i); pred == d.Label {
			right[d.Label]++
		}
	}
	return n, right
}

// paintMineStrip draws the test by digit: a cell per digit of the task,
// "7: 3/4" (right of mine), green when all are right, red when none.
func (s *Scene) paintMineStrip(l *paint.List) {
	r := s.mine.Strip
	n, right := s.mineByDigit()
	_, tested := s.MineTest()
	label := "right, by digit:"
	lw := paint.Measure(label, ui.SmallSize, paint.Regular) + ui.Gap
	l.TextIn(label, ui.Rect{X: r.X, Y: r.Y, W: lw, H: r.H}, ui.SmallSize, paint.Regular, paint.Muted, paint.Start)
	ds := taskDigits(s.Cfg.Task)
	cw := math.Min(64, (r.W-lw)/float64(len(ds)))
	for k, d := range ds {
		c := ui.Rect{X: r.X + lw + float64(k)*cw, Y: r.Y, W: cw - 4, H: r.H}
		bg := paint.HoverBg
		if tested && n[d] > 0 {
			f := float64(right[d]) / float64(n[d])
			bg = mixColor(MineWrongBg, MineRightBg, f)
		}
		l.Round(c, paint.Corner, bg)
		t := digitNames[d] + ": –"
		if n[d] > 0 {
			t = digitNames[d] + ": " + strconv.Itoa(right[d]) + "/" + strconv.Itoa(n[d])
			if !tested {
				t = digitNames[d] + ": ?/" + strconv.Itoa(n[d])
			}
		}
		l.TextIn(t, c, ui.SmallSize, paint.Regular, paint.Ink, paint.Center)
	}
}

// The strip's colours: all of a digit's wrong, all right (mixed between).
var (
	MineWrongBg = color.RGBA{0xf6, 0xc9, 0xc4, 0xff}
	MineRightBg = color.RGBA{0xc6, 0xe9, 0xd2, 0xff}
)

// mixColor is a + f·(b − a), f in 0..1.
func mixColor(a, b color.RGBA, f float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + f*(float64(y)-float64(x)) + 0.5) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

// fitLine cuts text to width w at font size size, with "…" where it cut.
func fitLine(text string, w, size float64) string {
	if ui.Measure(text, size) <= w {
		return text
	}
	return trimToFit(text, "…", w, size) + "…"
}

// mineStatus puts my digits into status(): mine is {n, acc, right,
// tested, step, judging, training, share, mixed, before, page, pages,
// storage, note} (acc and right null while none is tested; before null
// until training on them began), and the rectangles a test clicks.
func (s *Scene) mineStatus(m map[string]any) {
	st := &s.mine
	r, ok := s.MineTest()
	mine := map[string]any{"n": st.M.Len(), "acc": nil, "right": nil, "tested": 0, "step": nil,
		"judging": !st.judge.done, "training": st.training, "share": MineShares[st.Share.Index],
		"mixed": s.Snap.MineN, "mixShare": s.Snap.MineShare, "before": nil,
		"page": st.first/max(1, st.perPage) + 1, "pages": st.pages(), "storage": st.Storage, "note": st.note.Text}
	if ok {
		mine["acc"], mine["right"], mine["tested"], mine["step"] = float64(r.right)/float64(r.n), r.right, r.n, r.step
	}
	if st.hasBefore {
		mine["before"] = map[string]any{"right": st.before.right, "n": st.before.n, "step": st.before.step}
	}
	m["mine"] = mine
	rect := func(r ui.Rect) []float64 { return []float64{r.X, r.Y, r.W, r.H} }
	cells := make([]any, len(st.Cells))
	for i, c := range st.Cells {
		cells[i] = rect(c)
	}
	add := make([]any, len(st.AddAs.Options))
	for i := range add {
		add[i] = rect(st.AddAs.Segment(i))
	}
	m["mineCells"], m["mineAddRects"], m["minePanelRect"] = cells, add, rect(st.Panel)
	m["mineTrainRect"], m["mineShareRect"] = rect(st.Train.Rect), rect(st.Share.Rect)
	m["mineExportRect"], m["mineImportRect"], m["mineClearRect"] = rect(st.Export.Rect), rect(st.Import.Rect), rect(st.ClearAll.Rect)
	m["minePrevRect"], m["mineNextRect"] = rect(st.Prev.Rect), rect(st.Next.Rect)
}

// MineList is digitlab.mine.list(): each digit's {label, pixels (784
// values 0..1), pred, p}, pred and p from the last test (null before).
func (s *Scene) MineList() []any {
	out := make([]any, s.mine.M.Len())
	var px []float32
	for i := range out {
		d := s.mine.M.At(i)
		px = d.Floats(px)
		pv := make([]any, len(px))
		for k, v := range px {
			pv[k] = float64(v)
		}
		e := map[string]any{"label": d.Label, "pixels": pv, "pred": nil, "p": nil}
		if pred, p := s.mineOf(i); pred >= 0 {
			e["pred"], e["p"] = pred, float64(p)
		}
		out[i] = e
	}
	return out
}
