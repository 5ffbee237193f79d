package digitsview

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"digitlab/excerpt"
	"digitlab/kit/ui"
)

// A race trains up to MaxLanes runs side by side, each in its own trainer
// worker, on the same data in the same order: the models of seed 000's
// table (compare=linear,vanilla,cnn), each with its preset's recipe, or
// one model under different optimisers (compare=sgd,momentum,adam). The
// options set along with it (η, the optimiser of a model race, the
// training set's size and noise, the seed, the length) apply to every
// lane. Every lane follows seed 000's protocol (Config.Race), so a race
// of its three models trains exactly the command line's run table000.

// MaxLanes is the most lanes a race has.
const MaxLanes = 4

// LaneColors are the lanes' colours (Okabe and Ito's colour-blind-safe
// palette: blue, orange, bluish green, vermilion).
var LaneColors = [MaxLanes]color.RGBA{
	{0x00, 0x72, 0xb2, 0xff}, {0xe6, 0x9f, 0x00, 0xff}, {0x00, 0x9e, 0x73, 0xff}, {0xd5, 0x5e, 0x00, 0xff},
}

// RaceSpec is what a race compares: models (By "model") or optimisers
// (By "opt"), by their URL names, in lane order.
type RaceSpec struct {
	By    string
	Names []string
}

// ParseCompare reads the value of the URL key compare for task: two to
// MaxLanes different models of the task, or optimisers. "" and "off" give
// the zero RaceSpec (no race). Errors are *ui.OptionError.
func ParseCompare(task, v string) (RaceSpec, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" || v == "off" || v == "none" {
		return RaceSpec{}, nil
	}
	bad := func(msg string) error { return &ui.OptionError{Key: "compare", Value: v, Msg: msg} }
	names := strings.Split(v, ",")
	for i := range names {
		names[i] = strings.TrimSpace(names[i])
	}
	if len(names) < 2 || len(names) > MaxLanes {
		return RaceSpec{}, bad(fmt.Sprintf("want 2 to %d models or optimisers separated by commas", MaxLanes))
	}
	by := "model"
	if slices.Contains(Opts, names[0]) {
		by = "opt"
	}
	for i, n := range names {
		if slices.Contains(names[:i], n) {
			return RaceSpec{}, bad(excerpt.Quote(n) + " twice")
		}
		switch by {
		case "opt":
			if !slices.Contains(Opts, n) {
				return RaceSpec{}, bad(fmt.Sprintf("%s is not an optimiser (%s); a race compares models or optimisers, not both", excerpt.Quote(n), strings.Join(Opts, ", ")))
			}
		default:
			if _, err := ForModel(task, n); err != nil {
				return RaceSpec{}, bad(fmt.Sprintf("%s is not a model of task %s (%s) nor an optimiser", excerpt.Quote(n), task, strings.Join(ModelsFor(task), ", ")))
			}
		}
	}
	return RaceSpec{By: by, Names: names}, nil
}

// On reports whether the spec is a race.
func (r RaceSpec) On() bool { return len(r.Names) > 1 }

// String is the URL value ("linear,vanilla,cnn"; "" for none).
func (r RaceSpec) String() string { return strings.Join(r.Names, ",") }

// Configs returns the lanes' configurations: for a model race each
// lane's preset configuration on base's task, then the options in opts
// (those set with the race, as the URL gives them: keys of Keys but task
// and model) applied to every lane; for an optimiser race base with
// each optimiser. Every lane gets Race. Errors of opts are returned
// (each lane keeps what fails).
func (r RaceSpec) Configs(base Config, opts map[string]string) ([]Config, []error) {
	rest := map[string]string{}
	for k, v := range opts {
		if k != "task" && k != "model" {
			rest[k] = v
		}
	}
	var out []Config
	var errs []error
	var models []string
	for _, n := range r.Names {
		c := base
		if r.By == "model" {
			var err error
			if c, err = ForModel(base.Task, n); err != nil {
				return nil, []error{err}
			}
			c.Seed, c.EvalEvery, c.Steps = base.Seed, base.EvalEvery, base.Steps
		}
		_, e := c.Apply(rest)
		if len(out) == 0 {
			errs = e
		}
		if r.By == "opt" {
			c.Opt = n
		}
		if !slices.Contains(models, c.Model) {
			models = append(models, c.Model)
		}
		out = append(out, c)
	}
	for i := range out {
		out[i].Race = strings.Join(models, ",")
	}
	return out, errs
}

// LaneName is a lane's name in the legend and the table: its model for
// a model race ("vanilla"), its optimiser for an optimiser race.
func (r RaceSpec) LaneName(i int, c Config) string {
	if r.By == "opt" {
		return c.Opt
	}
	return c.Model
}

// DefaultRace is the race the page's "race models" button starts for
// task: seed 000's table on 4 vs 9, the ten-digit models of seeds 001 and
// 002 against ours on 0–9, the optimisers on the 8×8 digits (one model).
func DefaultRace(task string) RaceSpec {
	switch task {
	case "4v9":
		return RaceSpec{By: "model", Names: []string{"linear", "vanilla", "cnn"}}
	case "10":
		return RaceSpec{By: "model", Names: []string{"mlp10", "cnn10", "best"}}
	}
	return RaceSpec{By: "opt", Names: []string{"sgd", "momentum", "adam"}}
}
