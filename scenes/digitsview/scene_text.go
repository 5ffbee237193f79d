package digitsview

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"digitlab/kit/ui"
	"digitlab/nn"
)

// Tone is the colour a text is shown in (the page's theme has them).
type Tone uint8

const (
	ToneText   Tone = iota
	ToneMuted       // secondary
	ToneBad         // errors, a wrong answer
	ToneGood        // done, a right answer
	ToneAccent      // the hovered pixel
	TonePred        // the predicted class (the bars' green)
)

// Info is a line of text and how to show it.
type Info struct {
	Text string
	Bold bool
	Tone Tone
}

// Line is one paragraph of the pad's answer: its text at font size Size,
// Space logical pixels below the paragraph before it.
type Line struct {
	Info
	Size, Space float64
}

// ClassName is the digit a class stands for.
func (s *Scene) ClassName(k int) string {
	if n := s.Snap.Names; k >= 0 && k < len(n) {
		return n[k]
	}
	return strconv.Itoa(k)
}

// FiniteProbs reports whether every probability is a number (after a
// divergence they are NaN and must not be shown as numbers or bars).
func FiniteProbs(p []float32) bool {
	for _, v := range p {
		if v != v || math.IsInf(float64(v), 0) {
			return false
		}
	}
	return len(p) > 0
}

// Compact formats a rate: 1234 → "1234 samples", 12345 → "12.3k samples".
func Compact(v float64) string {
	if v >= 10000 {
		return fmt.Sprintf("%.1fk samples", v/1000)
	}
	return fmt.Sprintf("%.0f samples", v)
}

// WaitText says why there is nothing to show yet ("" once there is).
func (s *Scene) WaitText() string {
	switch {
	case s.BuildErr() != "":
		return "cannot train: see the message above"
	case s.failed() != "":
		return "the trainer stopped"
	case !s.Built():
		return "loading the data…"
	case s.model == nil:
		return "waiting for the trainer's weights…"
	}
	return ""
}

// ImgTitle is the title of the current-image panel.
func (s *Scene) ImgTitle() string {
	switch {
	case s.cur.test:
		return "Test image (a mistake)"
	case s.Built():
		return "Current training image"
	}
	return "Current image"
}

// infoKey is what the status line says something about.
type infoKey struct {
	snaps, restarts int
	failed, wait    string
	running         bool
	w               float64
}

// InfoLine is the status line above the views: step, test accuracy,
// epoch, speed and more as they fit in L.Info, else what the scene waits
// for or why it cannot train. It is built again only when a snapshot
// came, the run controls or the width changed.
func (s *Scene) InfoLine() Info {
	ls := s.client
	k := infoKey{ls.Snaps, ls.Restarts, ls.Failed, s.WaitText(), s.Running(), s.L.Info.W}
	if k != s.infoKey || !s.infoDone {
		s.infoKey, s.infoDone, s.info = k, true, s.infoLine(k.running)
	}
	return s.info
}

func (s *Scene) infoLine(running bool) Info {
	switch {
	case s.failed() != "":
		return Info{"The trainer stopped: " + s.failed(), true, ToneBad}
	case s.BuildErr() != "":
		return Info{"cannot train: " + s.BuildErr(), true, ToneBad}
	case !s.Built():
		return Info{s.WaitText(), false, ToneMuted}
	}
	sn := s.Snap
	p := facts(sn.Config.Model)
	if p.ok {
		r := sn.Config.Recipe() // the length as the options make it
		p.Epochs, p.Steps = r.Epochs, r.Steps
	}
	runs := max(1, sn.Runs) // Continue adds the recipe's length again
	ep := fmt.Sprintf("epoch %.2f", sn.Epochs())
	if p.Epochs > 0 {
		ep += fmt.Sprintf("/%d", runs*p.Epochs)
	}
	step := fmt.Sprintf("step %d", sn.Step)
	if p.Steps > 0 {
		step += fmt.Sprintf("/%d", runs*p.Steps)
	}
	// The test figure right after the step (on a narrow window the later
	// parts drop off), with the step it was computed at.
	parts := []string{step}
	if _, acc, _, at := sn.TestFigures(); !math.IsNaN(acc) {
		parts = append(parts, fmt.Sprintf("test %.4f at step %d", acc, at))
	}
	parts = append(parts, ep)
	if running {
		parts = append(parts, Compact(sn.WallRate)+"/s")
	}
	if p.SkipBelow > 0 && sn.Seen > 0 {
		// selective backprop: the share of images that were not yet easy
		parts = append(parts, fmt.Sprintf("backprop %.0f%%", 100*float64(sn.Backprops)/float64(sn.Seen)))
	}
	tone := ToneText
	switch {
	case s.Finished():
		parts = append(parts, "done")
		tone = ToneGood
	case sn.Loaded != "":
		parts = append(parts, "from "+sn.Loaded)
	}
	// As many parts as fit, the most important first.
	text := ""
	for i := range parts {
		t := strings.Join(parts[:i+1], " · ")
		if ui.Measure(t, ui.FontSize)+2*ui.Pad > s.L.Info.W && i > 0 {
			break
		}
		text = t
	}
	return Info{text, false, tone}
}

// EmptyChartText is what an empty chart says: press Start, and after a
// weights file was loaded, that the file brings no history (a weights file
// holds weights only: the steps and the curves start again from 0).
func (s *Scene) EmptyChartText() string {
	if s.Snap.Loaded != "" {
		return "a weights file holds no history: steps and curves start at 0; press Start"
	}
	return "no data yet: press Start"
}

// currentLabel returns the true class of the current image.
func (s *Scene) currentLabel() int {
	if s.cur.index < 0 || s.CurX == nil {
		return -1
	}
	return s.curLabel
}

// CurrentCaption is the line under the current image: its label and the
// prediction, and the verdict ("right", "wrong"; none without a
// prediction). Label is the true class (-1: none).
func (s *Scene) CurrentCaption() (text string, verdict Info, label int) {
	label = s.currentLabel()
	if !FiniteProbs(s.CurP) {
		return fmt.Sprintf("label %s, no prediction", s.ClassName(label)), Info{}, label
	}
	pred := nn.Argmax(s.CurP)
	verdict = Info{"right", true, ToneGood}
	if pred != label {
		verdict = Info{"wrong", true, ToneBad}
	}
	return fmt.Sprintf("label %s, predicted %s", s.ClassName(label), s.ClassName(pred)), verdict, label
}

// BlockOrigin is the top-left of the 8×8 block the matrix shows: around
// the hovered pixel, else the centre of the image.
func (s *Scene) BlockOrigin() (r0, c0 int) {
	side := s.ImageSide()
	if s.HoverPx >= 0 {
		return BlockAt(s.HoverPx/side, s.HoverPx%side, side, side)
	}
	return BlockAt(side/2, side/2, side, side)
}

// pixelText describes the hovered pixel.
func (s *Scene) pixelText() string {
	side := s.ImageSide()
	return fmt.Sprintf("pixel (row %d, col %d) = %s", s.HoverPx/side, s.HoverPx%side, Cell(float64(s.CurX[s.HoverPx]), s.Cfg.Raw))
}

// MatrixCaption is the line over the matrix: the hovered pixel, else the
// block's rows and columns.
func (s *Scene) MatrixCaption() Info {
	if s.HoverPx >= 0 {
		return Info{s.pixelText(), false, ToneAccent}
	}
	r0, c0 := s.BlockOrigin()
	return Info{fmt.Sprintf("rows %d-%d, cols %d-%d (hover the image)", r0, r0+7, c0, c0+7), false, ToneMuted}
}

// WeightsHeading is the line over the weight pictures.
func (s *Scene) WeightsHeading() string {
	w := s.Weights
	more := ""
	if w.Total > len(w.Maps) {
		more = fmt.Sprintf(" (the first %d shown)", len(w.Maps))
	}
	return fmt.Sprintf("%s%s, at step %d", w.Title, more, s.WeightsStep)
}

// MistakesHeader is the line over the thumbnails: the latest judgement of
// the whole test set, and the one under way.
func (s *Scene) MistakesHeader() Info {
	sn := s.Snap
	j := sn.Full
	busy := ""
	if sn.Evaluating && sn.EvalFull {
		busy = fmt.Sprintf(" · judging step %d… %.0f%%", sn.Step, 100*sn.EvalProgress)
	}
	switch {
	case !s.Built():
		return Info{s.WaitText(), false, ToneMuted}
	case j.Seq == 0 && busy != "":
		return Info{"judging the whole test set at" + busy[len(" · judging"):], false, ToneMuted}
	case j.Seq == 0:
		return Info{"no evaluation of the whole test set yet: train a little (Start or Step)", false, ToneMuted}
	}
	if t, p, ok := sn.Cell(); ok {
		n := 0
		if k := len(sn.Names); len(sn.Confusion) == k*k && t < k && p < k {
			n = sn.Confusion[t*k+p]
		}
		return Info{fmt.Sprintf("true %s → predicted %s: %d %s at step %d%s", s.ClassName(t), s.ClassName(p), n, plural(n, "image", "images"), j.Step, busy), true, ToneText}
	}
	return Info{fmt.Sprintf("%d of %d wrong (accuracy %.4f) at step %d%s", j.Wrong, j.N, j.Acc, j.Step, busy), false, ToneText}
}

// mistakeTip is a thumbnail's tooltip.
func (s *Scene) mistakeTip(w *Mistake) string {
	return fmt.Sprintf("test image %d: label %s, predicted %s (p = %.2f); click to see it large",
		w.Index, s.ClassName(w.Label), s.ClassName(w.Pred), w.Probs[w.Pred])
}

// MistakeCaption is the line under thumbnail i: "label→predicted".
func (s *Scene) MistakeCaption(i int) string {
	w := &s.Snap.Mistakes[i]
	return s.ClassName(w.Label) + "→" + s.ClassName(w.Pred)
}

// ShowsSelected reports whether the mistakes view shows a selected
// mistake large (else it asks for a click).
func (s *Scene) ShowsSelected() bool { return s.Sel >= 0 && s.cur.test && s.CurX != nil }

// SelectedText is what the mistakes view says of the selected mistake:
// the heading, the step its probabilities are from and, when the model
// copy is from another step, what the model says now (Text "" if not).
func (s *Scene) SelectedText() (head, at string, now Info) {
	w := s.SelWrong
	head = fmt.Sprintf("test image %d: label %s, predicted %s", w.Index, s.ClassName(w.Label), s.ClassName(w.Pred))
	at = fmt.Sprintf("probabilities at step %d", s.SelStep)
	if FiniteProbs(s.CurP) && s.model != nil && s.modelStep != s.SelStep {
		k := nn.Argmax(s.CurP)
		now = Info{fmt.Sprintf("the model at step %d says %s (p = %.2f)", s.modelStep, s.ClassName(k), s.CurP[k]), false, ToneBad}
		if k == w.Label {
			now.Tone = ToneGood
		}
	}
	return head, at, now
}

// PadLines is the network's answer for the drawing, beside the pad.
func (s *Scene) PadLines() []Line {
	body := func(t string, tone Tone) []Line { return []Line{{Info: Info{t, false, tone}, Size: ui.FontSize}} }
	switch {
	case s.model == nil:
		return body(s.WaitText(), ToneMuted)
	case !s.Pad.Empty() && len(s.PadP) > 0 && !FiniteProbs(s.PadP):
		return body("The network outputs NaN: training diverged. Lower η and press Reset.", ToneBad)
	case s.Pad.Empty() || len(s.PadP) == 0:
		return body("Draw a digit in the pad. It is scaled into a 20x20 box and centred by its centre of mass in 28x28, as MNIST's digits were.", ToneMuted)
	}
	k := nn.Argmax(s.PadP)
	out := []Line{
		{Info: Info{"It's a " + s.ClassName(k), true, TonePred}, Size: 28},
		{Info: Info{fmt.Sprintf("p = %.3f", s.PadP[k]), false, ToneText}, Size: ui.FontSize, Space: 4},
		{Info: Info{fmt.Sprintf("model %s, weights of step %d", s.Snap.Config.Model, s.modelStep), false, ToneMuted}, Size: ui.SmallSize, Space: 8},
	}
	if s.Cfg.Task == "4v9" {
		out = append(out, Line{Info: Info{"This model only knows 4 and 9.", false, ToneMuted}, Size: ui.SmallSize})
	}
	return out
}

// DivergedText explains a blown-up run: what happened and what to do.
func (s *Scene) DivergedText() (what, todo string) {
	dv := s.Snap.Diverged
	thing := "loss"
	if dv.Param >= 0 {
		thing = fmt.Sprintf("weight %d", dv.Param)
	}
	what = fmt.Sprintf("The %s stopped being a number at step %d (η = %.4g).", thing, dv.Step, dv.LR) +
		" The steps were so large that the weights overshot and grew without bound."
	lr := dv.LR // the η it diverged at
	if lr <= 0 {
		lr = s.Cfg.LR
	}
	seedLR := lr / 100
	if p := facts(s.Cfg.Model); p.ok {
		seedLR = p.LR
	}
	switch {
	case s.Cfg.Raw:
		// At the preset's η already: the pixels, not the step, are too large.
		return what, fmt.Sprintf("What to do: raw pixels up to 255 make the first layer's sums huge; switch raw pixels off, or set η far smaller (say %.2g), and press Reset (r).", lr/100)
	case seedLR < lr:
		return what, fmt.Sprintf("What to do: set a smaller η (the preset uses %g) and press Reset (r).", seedLR)
	}
	return what, fmt.Sprintf("What to do: set η below %.2g (say %.2g) and press Reset (r).", lr, lr/10)
}

// trimToFit returns the longest start of s (whole runes) that, followed by
// suffix, is at most w wide at size.
func trimToFit(s, suffix string, w, size float64) string {
	for s != "" && ui.Measure(s+suffix, size) > w {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	return s
}
