package digitsview

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"digitlab/experiments"
	"digitlab/kit/ui"
)

func TestParseCompare(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		task, v string
		want    string // By:names, or the error's end
	}{
		{"4v9", "linear,vanilla,cnn", "model:linear,vanilla,cnn"},
		{"4v9", " Linear , CNN ", "model:linear,cnn"},
		{"4v9", "sgd,momentum,adam", "opt:sgd,momentum,adam"},
		{"10", "mlp10,cnn10,cnn10-tanh,best", "model:mlp10,cnn10,cnn10-tanh,best"},
		{"4v9", "", ":"},
		{"4v9", "off", ":"},
		{"4v9", "linear", "want 2 to 4 models or optimisers separated by commas"},
		{"4v9", "linear,vanilla,cnn,linear,cnn", "want 2 to 4 models or optimisers separated by commas"},
		{"4v9", "linear,linear", `"linear" twice`},
		{"4v9", "linear,best", `"best" is not a model of task 4v9 (linear, vanilla, cnn) nor an optimiser`},
		{"4v9", "sgd,cnn", `"cnn" is not an optimiser (sgd, momentum, adam); a race compares models or optimisers, not both`},
	} {
		r, err := ParseCompare(tc.task, tc.v)
		got := r.By + ":" + r.String()
		if err != nil {
			var oe *ui.OptionError
			if !errors.As(err, &oe) || oe.Key != "compare" {
				t.Errorf("ParseCompare(%q, %q): %v is not an option error of compare", tc.task, tc.v, err)
			}
			got = err.Error()
		}
		if !strings.HasSuffix(got, tc.want) {
			t.Errorf("ParseCompare(%q, %q) = %q, want …%q", tc.task, tc.v, got, tc.want)
		}
	}
}

func TestRaceConfigs(t *testing.T) {
	t.Parallel()
	base := Default("4v9")
	base.Seed, base.Steps = 7, 500
	cs, errs := DefaultRace("4v9").Configs(base, map[string]string{"lr": "0.02", "trainsize": "1000", "model": "cnn"})
	if len(errs) > 0 || len(cs) != 3 {
		t.Fatalf("Configs = %v, %v", cs, errs)
	}
	for i, m := range []string{"linear", "vanilla", "cnn"} {
		c := cs[i]
		if c.Model != m || c.LR != 0.02 || c.TrainN != 1000 || c.Seed != 7 || c.Steps != 500 || c.Race != "linear,vanilla,cnn" || c.Opt != "momentum" {
			t.Errorf("lane %d = %+v", i, c)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("lane %d: %v", i, err)
		}
	}
	// An optimiser race: one model, so one model in Race; the other
	// options are base's.
	base.LR = 0.005
	cs, errs = RaceSpec{By: "opt", Names: []string{"sgd", "adam"}}.Configs(base, nil)
	if len(errs) > 0 || len(cs) != 2 || cs[0].Opt != "sgd" || cs[1].Opt != "adam" || cs[1].LR != 0.005 || cs[0].Race != "linear" || cs[1].Race != "linear" {
		t.Fatalf("optimiser race: %+v, %v", cs, errs)
	}
	if _, errs := DefaultRace("4v9").Configs(base, map[string]string{"lr": "fast"}); len(errs) != 1 {
		t.Errorf("a bad η: errors %v, want one", errs)
	}
	bad := base
	bad.Race = "linear,best"
	if bad.Validate() == nil {
		t.Error("a race with a model of another task validates")
	}
	bad.Race = "cnn,vanilla"
	if bad.Validate() == nil {
		t.Error("a race without the lane's own model validates")
	}
}

// TestRaceEqualsTable000: the lanes of a race of seed 000's models train
// exactly the models of the command line's run table000 (and stress000):
// the same data order, the same initial weights, the same judge, so the
// table's four figures are equal bit for bit.
func TestRaceEqualsTable000(t *testing.T) {
	src := mnistSources(t)
	t.Parallel()
	const steps = 300
	for _, tc := range []struct {
		name string
		run  func(*experiments.Data, experiments.Config) (*experiments.Table, error)
		opts map[string]string
	}{
		{"table000", experiments.Table000, map[string]string{"seed": "7", "steps": fmt.Sprint(steps)}},
		{"stress000", experiments.Stress000, map[string]string{"seed": "7", "steps": fmt.Sprint(steps), "trainsize": "1000", "noise": "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tab, err := tc.run(experiments.NewData(), experiments.Config{Seed: 7, Steps: steps})
			if err != nil {
				t.Fatal(err)
			}
			base := Default("4v9")
			cs, errs := DefaultRace("4v9").Configs(base, tc.opts)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			for i, c := range cs {
				r := NewRun(c)
				r.SetSources(src)
				r.Start()
				for k := 0; !r.Finished() || r.TrainFull().Seq == 0 || r.Busy(); k++ {
					if k > 100000 {
						t.Fatalf("lane %s: not finished and judged; %s", c.Model, runState(r))
					}
					r.Tick(time.Now().Add(50 * time.Millisecond))
				}
				want := tab.Rows[i]
				tf, full := r.TrainFull(), r.Session().Full()
				got := experiments.Row{Model: want.Model, TrainAcc: tf.Acc, TrainLoss: tf.Loss, TestAcc: full.TestAcc, TestLoss: full.TestLoss}
				if got != want || tf.Step != steps || full.Step != steps || full.N != r.Prepared().Test.Len() {
					t.Errorf("lane %s: %+v (train judged at step %d, test at %d on %d), run %s: %+v", c.Model, got, tf.Step, full.Step, full.N, tc.name, want)
				}
			}
		})
	}
}
