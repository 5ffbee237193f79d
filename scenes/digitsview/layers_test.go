package digitsview

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"digitlab/nn"
)

func TestLayerTableInTheWeightsView(t *testing.T) {
	for _, task := range Tasks {
		for _, model := range ModelsFor(task) {
			r := newSceneRig(t)
			r.s.Set(map[string]string{"view": "weights", "task": task, "model": model})
			r.post(builtSnap(t, r.s.Cfg, 0))
			r.frame(nil)
			m := r.s.Model()
			rows := r.s.LayerRows()
			if m == nil || !slices.EqualFunc(rows, m.SummaryRows(), slices.Equal[[]string]) {
				t.Fatalf("%s/%s: table %v", task, model, rows)
			}
			// The counts add up to the model's parameters, and every cell
			// is drawn.
			sum := 0
			for _, row := range rows[1:] {
				n, err := strconv.Atoi(strings.ReplaceAll(row[len(row)-1], ",", ""))
				if err != nil {
					t.Fatalf("%s: count %q", model, row[len(row)-1])
				}
				sum += n
			}
			if sum != len(m.Params) {
				t.Errorf("%s: the rows count %d parameters, the model has %d", model, sum, len(m.Params))
			}
			texts := map[string]bool{}
			for _, tb := range r.s.WeightsList().Texts(nil) {
				texts[tb.S] = true
			}
			for _, row := range rows {
				for _, cell := range row {
					if !texts[cell] {
						t.Errorf("%s: cell %q not drawn", model, cell)
					}
				}
			}
			if want := "Total params: " + nn.Commas(len(m.Params)); !texts[want] {
				t.Errorf("%s: no %q", model, want)
			}
			if r.s.L.LPanel.Bottom() > r.s.L.ViewArea.Bottom()+0.5 || r.s.L.WPanel.Bottom() > r.s.L.LPanel.Y {
				t.Errorf("%s: table %v and weights %v overlap or leave the view %v", model, r.s.L.LPanel, r.s.L.WPanel, r.s.L.ViewArea)
			}
		}
	}
}

func TestLoadedWeightsSayTheyBringNoHistory(t *testing.T) {
	r := newSceneRig(t)
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.History, sn.CurveStep, sn.CurveLoss, sn.CurveAcc, sn.Step = nil, nil, nil, nil, 0
	r.post(sn)
	r.frame(nil)
	has := func(want string) bool {
		for _, tb := range r.s.ChromeList(1).Texts(nil) {
			if tb.S == want {
				return true
			}
		}
		return false
	}
	if !has("no data yet: press Start") {
		t.Fatal("a fresh run's empty charts do not say to press Start")
	}
	sn.Seq, sn.Gen, sn.Loaded = sn.Seq+1, sn.Gen+1, "mine.npz"
	r.post(sn)
	r.frame(nil)
	if !has(r.s.EmptyChartText()) || !strings.Contains(r.s.EmptyChartText(), "holds no history") {
		t.Errorf("after loading weights the empty charts say %q", r.s.EmptyChartText())
	}
}
