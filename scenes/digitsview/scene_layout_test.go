package digitsview

import (
	"fmt"
	"slices"
	"testing"

	"digitlab/kit/ui"
)

func overlap(a, b ui.Rect) bool { return a.Overlaps(b) }

func inside(a, outer ui.Rect) bool { return a.Within(outer) }

// checkRects reports rects of a group that overlap each other, are empty
// or leave outer.
func checkRects(t *testing.T, what string, outer ui.Rect, rects map[string]ui.Rect) {
	t.Helper()
	names := make([]string, 0, len(rects))
	for n := range rects {
		names = append(names, n)
	}
	slices.Sort(names)
	for i, a := range names {
		if rects[a].Empty() {
			t.Errorf("%s: %s is empty: %+v", what, a, rects[a])
		}
		if !inside(rects[a], outer) {
			t.Errorf("%s: %s %+v leaves %+v", what, a, rects[a], outer)
		}
		for _, b := range names[i+1:] {
			if overlap(rects[a], rects[b]) {
				t.Errorf("%s: %s %+v overlaps %s %+v", what, a, rects[a], b, rects[b])
			}
		}
	}
}

// TestSceneLayoutsDoNotOverlap lays every view out at the two window
// sizes of the browser tests and the README and checks that the parts
// of each group stay apart and inside their container.
func TestSceneLayoutsDoNotOverlap(t *testing.T) {
	for _, area := range []ui.Rect{{W: 1024, H: 640}, {X: 12, Y: 56, W: 1280, H: 800}} {
		for view, name := range Views {
			r := newSceneRig(t)
			r.area = area
			r.s.Set(map[string]string{"view": name, "task": "10"})
			r.post(builtSnap(t, r.s.Cfg, MaxWrong))
			r.frame(nil)
			r.frame(nil)
			s, L, u := r.s, &r.s.L, &r.s.UI
			what := fmt.Sprintf("%gx%g %s", area.W, area.H, name)
			checkRects(t, what, area, map[string]ui.Rect{"controls": L.Controls, "content": L.Content})
			side := map[string]ui.Rect{}
			for n, rect := range map[string]ui.Rect{"task": u.Task.Rect, "model": u.Model.Rect, "opt": u.Opt.Rect, "lr": u.LR.Rect,
				"anneal": u.Anneal.Rect, "batch": u.Batch.Rect, "trainN": u.TrainN.Rect, "noise": u.Noise.Rect, "raw": u.Raw.Rect,
				"seed": u.Seed.Rect, "start": u.Start.Rect, "step": u.Step.Rect, "reset": u.Reset.Rect, "save": u.Save.Rect, "load": u.Load.Rect} {
				side[n] = rect
			}
			side["note"] = ui.Rect{X: L.Controls.X + ui.Pad, Y: u.NoteY, W: L.Controls.W - 2*ui.Pad,
				H: float64(len(u.Note)) * ui.LineHeight(ui.SmallSize)}
			checkRects(t, what+" sidebar", ui.PanelContent(L.Controls, "Training").Inset(-ui.Pad), side)
			if len(u.Note) == 0 || u.NoteY+float64(len(u.Note))*ui.LineHeight(ui.SmallSize) > u.NoteBottom {
				t.Errorf("%s: %d note lines from %g pass %g", what, len(u.Note), u.NoteY, u.NoteBottom)
			}
			checkRects(t, what+" top", L.Content, map[string]ui.Rect{"view": u.View.Rect, "info": L.Info, "views": L.ViewArea})
			switch view {
			case ViewTrain:
				checkRects(t, what, L.ViewArea, map[string]ui.Rect{"image": L.ImgPanel, "matrix": L.MatPanel, "loss": s.Loss.Panel, "acc": s.Acc.Panel})
				checkRects(t, what+" image", ui.PanelContent(L.ImgPanel, "x"), map[string]ui.Rect{"img": L.ImgRect, "bars": L.BarsRect})
				for _, c := range []*ChartView{&s.Loss, &s.Acc} {
					checkRects(t, what+" "+c.Title, ui.PanelContent(c.Panel, c.Title), map[string]ui.Rect{"plot": c.Plot})
				}
				if L.ChartRect != (ui.Rect{X: s.Loss.Panel.X, Y: s.Loss.Panel.Y, W: s.Loss.Panel.W, H: s.Acc.Panel.Bottom() - s.Loss.Panel.Y}) {
					t.Errorf("%s: charts' rect %+v", what, L.ChartRect)
				}
			case ViewWeights:
				checkRects(t, what, ui.PanelContent(L.WPanel, WeightsTitle), map[string]ui.Rect{"legend": L.WLegend, "area": L.WArea})
			case ViewMistakes:
				checkRects(t, what, L.ViewArea, map[string]ui.Rect{"big": L.MistBig, "grid": L.MistPanel})
				checkRects(t, what+" big", ui.PanelContent(L.MistBig, SelectedTitle), map[string]ui.Rect{"img": L.MistImgRect, "bars": L.MistBigBars})
				cells := map[string]ui.Rect{}
				for i, c := range L.MistCells {
					cells[fmt.Sprint(i)] = c
				}
				checkRects(t, what+" cells", L.MistGrid, cells)
				cols := int(L.MistGrid.W / (MistImg + 10))
				rows := int(L.MistGrid.H / (MistImg + MistBars + ui.LineHeight(ui.SmallSize) + 10))
				if len(L.MistCells) != min(MaxWrong, cols*rows) || len(L.MistCells) < 12 {
					t.Errorf("%s: %d of %d mistakes shown in %dx%d", what, len(L.MistCells), MaxWrong, cols, rows)
				}
			case ViewDraw:
				checkRects(t, what, L.ViewArea, map[string]ui.Rect{"pad": L.PadPanel, "see": L.SeePanel})
				checkRects(t, what+" pad", ui.PanelContent(L.PadPanel, PadTitle), map[string]ui.Rect{"pad": L.PadRect, "clear": u.Clear.Rect, "toggle": u.See.Rect})
				checkRects(t, what+" see", ui.PanelContent(L.SeePanel, SeeTitle), map[string]ui.Rect{"small": L.SeeRect, "info": L.PadInfo, "bars": L.PadBars})
				if L.PadRect.W != L.PadRect.H || L.PadRect.W < 120 {
					t.Errorf("%s: pad %+v", what, L.PadRect)
				}
			}
		}
	}
}

// TestSceneWidgetsSetTheOptions clicks, toggles and scrolls the sidebar's
// widgets and checks the options the page sends.
func TestSceneWidgetsSetTheOptions(t *testing.T) {
	r := newSceneRig(t)
	r.frame(nil)
	u := &r.s.UI
	r.click(u.Opt.Segments()[2])
	if r.s.Cfg.Opt != "adam" || r.lastConfig().Opt != "adam" || r.s.Status()["opt"] != "adam" {
		t.Errorf("Adam clicked: opt %q, sent %q", r.s.Cfg.Opt, r.lastConfig().Opt)
	}
	r.click(u.Raw.Rect)
	if !r.s.Cfg.Raw || !u.Raw.On || r.lastConfig() != r.s.Cfg {
		t.Errorf("raw toggled: %v", r.s.Cfg.Raw)
	}
	r.click(u.Seed.Rect)
	if r.s.Cfg.Seed != 43 || u.Seed.Label != "seed 43" {
		t.Errorf("seed clicked: %d, %q", r.s.Cfg.Seed, u.Seed.Label)
	}
	// The wheel moves a slider by one of its values; the option follows.
	r.move(u.Batch.Rect)
	r.frame(func(in *ui.Input) { in.Wheel = 1 })
	if r.s.Cfg.Batch != 2 || BatchText(int(u.Batch.Value)) != "2" {
		t.Errorf("batch after a wheel notch: %d", r.s.Cfg.Batch)
	}
	r.move(u.Anneal.Rect)
	r.frame(func(in *ui.Input) { in.Wheel = -1 })
	if r.s.Cfg.AnnealT != 1000 || AnnealText(u.Anneal.Value) != "1000" {
		t.Errorf("anneal after a wheel notch down: %g", r.s.Cfg.AnnealT)
	}
	// Another task: its default model, and the model choice offers its presets.
	r.click(u.Task.Segments()[1])
	if r.s.Cfg.Task != "10" || r.s.Cfg.Model != "best" || u.Model.Selected() != "best" {
		t.Errorf("task 0-9 clicked: %s %s", r.s.Cfg.Task, r.s.Cfg.Model)
	}
	r.click(u.Model.Segments()[1])
	if r.s.Cfg.Model != "cnn10" {
		t.Errorf("model CNN clicked: %s", r.s.Cfg.Model)
	}
	// Nothing changes on frames without input.
	n := len(r.sent())
	r.frame(nil)
	r.frame(nil)
	if len(r.sent()) != n {
		t.Errorf("steady frames sent %v", r.sentKinds()[n:])
	}

	// The run buttons: disabled until the run is built, then Start/Pause.
	if !u.Step.Disabled || !u.Load.Disabled || !u.Save.Disabled || u.Start.Label != "Start" {
		t.Errorf("before the run: step %v load %v save %v start %q", u.Step.Disabled, u.Load.Disabled, u.Save.Disabled, u.Start.Label)
	}
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.frame(nil)
	r.click(u.Step.Rect)
	if k := r.sent()[len(r.sent())-1]; k.Kind != CmdStep || k.N != 1 {
		t.Errorf("Step clicked: %+v", k)
	}
	r.click(u.Start.Rect)
	r.frame(nil)
	if !r.s.Running() || u.Start.Label != "Pause" || !u.Step.Disabled {
		t.Errorf("Start clicked: running %v, label %q", r.s.Running(), u.Start.Label)
	}
	r.click(u.Start.Rect)
	if r.s.Running() {
		t.Error("Pause clicked: still running")
	}
	if a := r.click(u.Save.Rect); a != ActSave {
		t.Errorf("Save clicked: action %v", a)
	}
	if a := r.click(u.Load.Rect); a != ActOpen {
		t.Errorf("Load clicked: action %v", a)
	}
	r.click(u.Reset.Rect)
	if k := r.sent()[len(r.sent())-1].Kind; k != CmdReset {
		t.Errorf("Reset clicked: %v", k)
	}
	// The view choice.
	r.click(u.View.Segments()[3])
	if r.s.View() != ViewDraw || r.s.Status()["view"] != "draw" {
		t.Errorf("Draw clicked: view %d", r.s.View())
	}
}

func TestSceneSplitHIsSplitH(t *testing.T) {
	r := ui.Rect{X: 3.3, Y: 4, W: 271.7, H: 28}
	for n := 1; n <= 4; n++ {
		out := make([]ui.Rect, n)
		splitH(r, 16, out)
		if want := r.SplitH(n, 16); !slices.Equal(out, want) {
			t.Errorf("splitH %d: %v, want %v", n, out, want)
		}
	}
}

// TestSceneMistakesGallery checks the thumbnails' grid, tooltips and
// picking one, which then shows large with the model copy's answer.
func TestSceneMistakesGallery(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "mistakes", "task": "10"})
	r.post(builtSnap(t, r.s.Cfg, 5))
	r.frame(nil)
	L := &r.s.L
	if len(L.MistCells) != 5 {
		t.Fatalf("%d cells for 5 mistakes", len(L.MistCells))
	}
	// One row left to right, MistImg wide with 10 between.
	for i, c := range L.MistCells {
		if c.Y != L.MistCells[0].Y || c.X != L.MistGrid.X+float64(i)*(MistImg+10) || c.W != MistImg {
			t.Errorf("cell %d at %+v", i, c)
		}
	}
	if got := r.s.Status()["mistakeRect"]; !slices.Equal(got.([]float64), []float64{L.MistCells[0].X, L.MistCells[0].Y, L.MistCells[0].W, L.MistCells[0].H}) {
		t.Errorf("mistakeRect %v", got)
	}
	if r.s.ShowsSelected() || r.s.MistakeCaption(2) != "2→3" {
		t.Errorf("selected %v, caption %q", r.s.ShowsSelected(), r.s.MistakeCaption(2))
	}
	r.move(L.MistCells[2])
	r.frame(nil)
	if tip, _ := r.in.Tip(); tip != "test image 12: label 2, predicted 3 (p = 0.80); click to see it large" {
		t.Errorf("tip %q", tip)
	}
	key := r.s.MistakesKey()
	r.click(L.MistCells[2])
	if !r.s.ShowsSelected() || r.s.Sel != 12 || r.s.ImgTitle() != "Test image (a mistake)" || r.s.MistakesKey() == key {
		t.Fatalf("picked: selected %v sel %d title %q", r.s.ShowsSelected(), r.s.Sel, r.s.ImgTitle())
	}
	if st := r.s.Status(); st["image"] != 12 || st["imageIsTest"] != true {
		t.Errorf("status image %v test %v", st["image"], st["imageIsTest"])
	}
	want := r.s.Model().Predict(nil, r.snap.Mistakes[2].Pixels)
	if !slices.Equal(r.s.CurP, want) || !slices.Equal(r.s.CurX, r.snap.Mistakes[2].Pixels) {
		t.Error("the picked mistake's pixels or the model copy's probabilities")
	}
	head, at, now := r.s.SelectedText()
	if head != "test image 12: label 2, predicted 3" || at != "probabilities at step 100" || now.Text == "" {
		t.Errorf("selected text %q %q %+v", head, at, now)
	}
	// The gallery stays on the mistake while training goes on; another
	// view goes back to the training image.
	sn := builtSnap(t, r.s.Cfg, 5)
	sn.Seq, sn.Running = 2, true
	r.post(sn)
	r.frame(nil)
	if r.s.Status()["image"] != 12 {
		t.Errorf("image %v while browsing the mistakes", r.s.Status()["image"])
	}
	r.s.Set(map[string]string{"view": "train"})
	r.now += LivePeriod
	r.frame(nil)
	if r.s.Status()["image"] != 7 {
		t.Errorf("image %v back in the training view while running", r.s.Status()["image"])
	}
}

func TestScenePadDrawsAndPredicts(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "draw"})
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.frame(nil)
	pr := r.s.L.PadRect
	if r.s.PadLines()[0].Text[:12] != "Draw a digit" || r.s.PadPix.Img.Rect.Dx() != int(pr.W+0.5) {
		t.Errorf("empty pad: %q, picture %v", r.s.PadLines()[0].Text, r.s.PadPix.Img.Rect)
	}
	// A stroke down the middle.
	r.in.X, r.in.Y, r.in.Pointer = pr.X+pr.W/2, pr.Y+pr.H*0.2, true
	r.frame(func(in *ui.Input) { in.Down, in.Pressed = true, true })
	for y := 0.25; y < 0.8; y += 0.05 {
		r.in.Y = pr.Y + pr.H*y
		r.frame(func(in *ui.Input) { in.Down = true })
	}
	r.frame(func(in *ui.Input) { in.Released = true })
	st := r.s.Status()
	if st["padEmpty"] != false || len(r.s.PadP) != 2 || st["padPred"] != max(0, min(1, st["padPred"].(int))) {
		t.Fatalf("after a stroke: empty %v, probs %v, pred %v", st["padEmpty"], r.s.PadP, st["padPred"])
	}
	if want := r.s.Model().Predict(nil, r.s.PadX); !slices.Equal(r.s.PadP, want) {
		t.Errorf("pad probabilities %v, the model says %v", r.s.PadP, want)
	}
	lines := r.s.PadLines()
	if len(lines) != 4 || lines[0].Size != 28 || lines[0].Tone != TonePred || lines[3].Text != "This model only knows 4 and 9." ||
		lines[2].Text != "model linear, weights of step 120" || lines[1].Space != 4 || lines[2].Space != 8 {
		t.Errorf("pad lines %+v", lines)
	}
	r.click(r.s.UI.Clear.Rect)
	if !r.s.Pad.Empty() || r.s.Status()["padPred"] != -1 {
		t.Error("Clear left the drawing")
	}
}
