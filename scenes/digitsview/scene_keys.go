package digitsview

import "digitlab/kit/ui"

// The page caches slow-to-draw parts in layers and, while training, draws
// over the last frame only the parts that changed. These keys describe
// what each part shows: comparable values built without allocating, so
// the page compares them every frame.

// ChromeKey describes everything of the scene that changes only with the
// layout, the options or the hovered widget (the sidebar, the view
// choice, the panels' cards, the charts' frames) at device scale scale.
type ChromeKey struct {
	scale             float64
	controls, content ui.Rect
	waiting           bool
	task, model       string
	loaded            string // the weights file the run started from (the empty charts say so)
	raw               bool
	rawLabel          string
	choices           [7]choiceKey
	sliders           [5]sliderKey
	toggles           [2]toggleKey
	buttons           [14]buttonKey
	view              int
	panels            [3]ui.Rect // the view's panels
	title             string     // the current image's
	chartFrame        int
	ask               string // the sidebar note's question (a switch to confirm)
}

type choiceKey struct {
	r               ui.Rect
	index, hover, n int
	disabled        bool
}

type sliderKey struct {
	r                     ui.Rect
	value                 float64
	hover, drag, disabled bool
}

type toggleKey struct {
	r                   ui.Rect
	on, hover, disabled bool
}

type buttonKey struct {
	r                     ui.Rect
	label                 string
	hover, held, disabled bool
}

// ChromeKey returns what the chrome shows now.
func (s *Scene) ChromeKey(scale float64) ChromeKey {
	u, L := &s.UI, &s.L
	k := ChromeKey{scale: scale, controls: L.Controls, content: L.Content, waiting: s.Waiting,
		task: s.Cfg.Task, model: s.Cfg.Model, loaded: s.Snap.Loaded, raw: s.Cfg.Raw, rawLabel: u.Raw.Label, view: s.View(), ask: u.noteAsk}
	st := &s.mine
	for i, c := range [...]*ui.Choice{&u.Task, &u.Model, &u.Opt, &u.View, &s.ins.Focus, &st.AddAs, &st.Share} {
		k.choices[i] = choiceKey{c.Rect, c.Index, c.Hovered(), len(c.Options), c.Disabled}
	}
	for i, c := range [...]*ui.Slider{&u.LR, &u.Anneal, &u.Batch, &u.TrainN, &u.Noise} {
		k.sliders[i] = sliderKey{c.Rect, c.Value, c.Hovered(), c.Dragging(), c.Disabled}
	}
	for i, t := range [...]*ui.Toggle{&u.Raw, &u.See} {
		k.toggles[i] = toggleKey{t.Rect, t.On, t.Hovered(), t.Disabled}
	}
	for i, b := range [...]*ui.Button{&u.Seed, &u.Start, &u.Step, &u.Reset, &u.Save, &u.Load, &u.Clear, &u.CSV, &u.RaceModels, &u.RaceOpts, &st.Train, &st.Export, &st.Import, &st.ClearAll} {
		k.buttons[i] = buttonKey{b.Rect, b.Label, b.Hovered(), b.Held(), b.Disabled}
	}
	switch s.View() {
	case ViewTrain:
		k.panels, k.title, k.chartFrame = [3]ui.Rect{L.ImgPanel, L.MatPanel, L.RacePanel}, s.ImgTitle(), s.ChartFrame
	case ViewWeights:
		k.panels = [3]ui.Rect{L.WPanel, L.LPanel}
	case ViewMistakes:
		k.panels = [3]ui.Rect{L.MistPanel, L.MistBig}
	case ViewDraw:
		k.panels = [3]ui.Rect{L.PadPanel, L.SeePanel, st.Panel}
	case ViewConfusion:
		k.panels = [3]ui.Rect{L.Conf.Panel}
	case ViewInside:
		k.panels = [3]ui.Rect{L.InsidePanel}
	case ViewLine:
		k.panels = [3]ui.Rect{L.Line.Images, L.Line.Panel}
		k.chartFrame = s.line.chartFrame
	}
	return k
}

// ImageKey describes the training view's left column: the current image,
// its caption and bars, the matrix.
type ImageKey struct {
	stamp           int
	none            bool
	hover           int
	panel, img, mat ui.Rect
	raw             bool
	wait            string
	race            int // RaceTable layouts, in a race
	racePanel       ui.Rect
}

// ImageKey returns what the training view's left column shows now.
func (s *Scene) ImageKey() ImageKey {
	L := &s.L
	k := ImageKey{s.curStamp, s.CurX == nil, s.HoverPx, L.ImgPanel, L.ImgRect, L.MatPanel, s.Cfg.Raw, s.WaitText(), 0, L.RacePanel}
	if s.Racing() {
		k.race = s.RaceTable.stamp
	}
	return k
}

// WeightsKey describes the weights view's content.
type WeightsKey struct {
	renders int
	none    bool
}

// WeightsKey returns what the weights view shows now.
func (s *Scene) WeightsKey() WeightsKey { return WeightsKey{s.weightsRenders, s.model == nil} }

// MistakesKey describes the mistakes view's content.
type MistakesKey struct {
	seq      int
	judging  bool
	pct      int
	gen, sel int
	stamp    int
	cells    int
	built    bool
	cell     int
	all      buttonKey
	from, of int
	recv     int // snapshots with mistakes merged
	prev     buttonKey
	next     buttonKey
}

// bkey is what a button shows.
func bkey(b *ui.Button) buttonKey {
	return buttonKey{b.Rect, b.Label, b.Hovered(), b.Held(), b.Disabled}
}

// MistakesKey returns what the mistakes view shows now.
func (s *Scene) MistakesKey() MistakesKey {
	sn := s.Snap
	b := &s.UI.AllMist
	return MistakesKey{sn.Full.Seq, sn.Evaluating && sn.EvalFull, int(100 * sn.EvalProgress), sn.Gen, s.Sel, s.curStamp, len(s.L.MistCells), s.Built(),
		sn.MistakesCell, buttonKey{b.Rect, b.Label, b.Hovered(), b.Held(), b.Disabled},
		sn.MistakesFrom, sn.MistakesOf, s.mistRecv, bkey(&s.UI.MistPrev), bkey(&s.UI.MistNext)}
}
