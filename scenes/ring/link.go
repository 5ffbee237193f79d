package ring

import (
	"strconv"
	"sync"

	"digitlab/kit/ui"
)

// values are the scene's options as URL values.
func (s *Scene) values() map[string]string {
	return map[string]string{
		"a": ui.Num(s.A.Value), "b": ui.Num(s.B.Value),
		"optimal": ui.Bool(s.Optimal.On), "errors": ui.Bool(s.Errors.On),
		"kinks1": ui.Bool(s.ShowKinks1.On), "kinks2": ui.Bool(s.ShowKinks2.On),
		"arch": archNames[s.Arch.Index], "labels": labelNames[s.Labels.Index], "opt": Opts[s.Opt.Index],
		"lr": ui.Num(s.LR.Value), "batch": strconv.Itoa(int(s.Batch.Value)), "points": strconv.Itoa(int(s.Points.Value)),
		"seed": strconv.FormatUint(s.Seed, 10),
	}
}

var defaults = sync.OnceValue(func() map[string]string { return NewScene().values() })

// Link adds the options that differ from a fresh scene's (ui.Linker).
func (s *Scene) Link(q map[string]string) { ui.AddChanged(q, s.values(), defaults()) }
