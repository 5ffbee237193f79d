package ring

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"digitlab/kit/ui"
)

// The Ring scene's options (URL and window.digitlab.set) and its status.

var (
	archNames  = []string{"2-4-3-1", "2-8-8-1", "2-16-16-1"} // Archs as options
	labelNames = []string{"circle", "l1"}                    // Labels as options

	// OptionKeys are the options Set accepts.
	OptionKeys = []string{"a", "b", "optimal", "errors", "kinks1", "kinks2", "arch", "labels", "opt", "lr", "batch", "points", "seed"}
)

// Status returns the scene's figures for window.digitlab.status(); numbers
// not known (no trainer) are NaN.
func (s *Scene) Status() map[string]any {
	scores := make([]float64, len(SeedTests))
	var verdicts strings.Builder
	for i, t := range SeedTests {
		scores[i] = s.Net.Score(t.X1, t.X2)
		if scores[i] >= 0 {
			verdicts.WriteByte('T')
		} else {
			verdicts.WriteByte('F')
		}
	}
	st := map[string]any{
		"a": s.A.Value, "b": s.B.Value,
		"optimal": s.Optimal.On, "diamondA": s.Meas.DA, "diamondB": s.Meas.DB,
		"missed": s.Meas.Missed, "extra": s.Meas.Extra, "iou": s.Meas.IoU,
		"bestA": s.Fit.Best.DA, "bestB": s.Fit.Best.DB, "bestIoU": s.Fit.Best.IoU,
		"disagree": s.NMissed + s.NExtra, "samplePoints": len(s.Pts),
		"testScores": scores, "testVerdicts": verdicts.String(),
		"kinks1": s.ShowKinks1.On, "kinks2": s.ShowKinks2.On,

		"arch": archNames[s.Arch.Index], "labels": labelNames[s.Labels.Index],
		"opt": Opts[s.Opt.Index], "lr": s.LR.Value, "batch": int(s.Batch.Value),
		"points": int(s.Points.Value), "seed": int(s.Seed),
		"step": 0, "epoch": 0, "samplesPerSec": 0.0,
		"trainLoss": math.NaN(), "trainAcc": math.NaN(), "testLoss": math.NaN(), "testAcc": math.NaN(),
		"learnedMissed": math.NaN(), "learnedExtra": math.NaN(), "learnedIoU": math.NaN(),
	}
	if s.tr != nil {
		st["step"], st["epoch"] = s.tr.Steps(), s.tr.Epoch()
		if s.Run.Running {
			st["samplesPerSec"] = s.tr.Rate()
		}
		st["trainLoss"], st["trainAcc"] = s.TrainLoss, s.TrainAcc
		st["testLoss"], st["testAcc"] = s.TestLoss, s.TestAcc
		st["learnedMissed"], st["learnedExtra"], st["learnedIoU"] = s.Learned.Missed, s.Learned.Extra, s.Learned.IoU
		hist := make([]any, len(s.Regions.History)) // [step, count] pairs, as JS arrays
		for i, p := range s.Regions.History {
			hist[i] = []float64{float64(p.Step), float64(p.Count)}
		}
		acc := make([]any, len(s.AccHistory)) // [step, held-out accuracy] pairs
		for i, p := range s.AccHistory {
			acc[i] = []float64{float64(p.Step), p.Acc}
		}
		st["learnedRegions"], st["learnedRegionHistory"], st["learnedAccuracyHistory"] = s.Regions.Count, hist, acc
	}
	if s.TrainErr != "" {
		st["trainError"] = s.TrainErr
	}
	return st
}

// Set applies URL / JS options (OptionKeys). A malformed or out-of-range
// value, or an unknown key, yields a *ui.OptionError and keeps the current
// value. a and b are checked together: a pair with a ≥ b is rejected as a
// whole (an *ui.OptionError for "a" carrying the *ParamError's reason).
func (s *Scene) Set(opts map[string]string) []error {
	var errs []error
	a, b := s.A.Value, s.B.Value
	radii, rebuild, relabel := false, false, false
	toggles := map[string]*ui.Toggle{"optimal": &s.Optimal, "errors": &s.Errors, "kinks1": &s.ShowKinks1, "kinks2": &s.ShowKinks2}
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		var err error
		switch k {
		case "a":
			a, err = ui.ParseFloat(k, v, s.A.Min, s.A.Max)
			if err != nil {
				a = s.A.Value
			} else {
				radii = true
			}
		case "b":
			b, err = ui.ParseFloat(k, v, s.B.Min, s.B.Max)
			if err != nil {
				b = s.B.Value
			} else {
				radii = true
			}
		case "optimal", "errors", "kinks1", "kinks2":
			var on bool
			if on, err = ui.ParseBool(k, v); err == nil {
				toggles[k].On = on
				radii = radii || k == "optimal"
				s.designDirty = s.designDirty || k == "errors"
			}
		case "arch", "labels", "opt":
			c, names := &s.Arch, archNames
			if k == "labels" {
				c, names = &s.Labels, labelNames
			} else if k == "opt" {
				c, names = &s.Opt, Opts
			}
			var i int
			if i, err = ui.ParseChoice(k, v, names); err == nil && i != c.Index {
				c.Index = i
				if k == "labels" {
					relabel = true
				} else {
					rebuild = true
				}
			}
		case "lr":
			var x float64
			if x, err = ui.ParseFloat(k, v, s.LR.Min, s.LR.Max); err == nil {
				s.LR.Value = x
				if s.tr != nil {
					s.tr.SetLR(x)
				}
			}
		case "batch", "points":
			sl := &s.Batch
			if k == "points" {
				sl = &s.Points
			}
			var n int
			if n, err = ui.ParseInt(k, v, int(sl.Values[0]), int(sl.Values[len(sl.Values)-1])); err == nil {
				sl.Value = float64(n)
				if k == "points" {
					rebuild = true
				} else if s.tr != nil {
					s.tr.SetBatch(n)
				}
			}
		case "seed":
			var n int
			if n, err = ui.ParseInt(k, v, 0, math.MaxInt32); err == nil {
				s.Seed = uint64(n)
				rebuild = true
			}
		default:
			err = ui.UnknownKey("ring", k, v, OptionKeys)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if radii {
		if err := Validate(a, b); err != nil {
			var pe *ParamError
			msg := err.Error()
			if errors.As(err, &pe) {
				msg = pe.Msg + "; kept a = " + fmt.Sprint(s.A.Value) + ", b = " + fmt.Sprint(s.B.Value)
			}
			errs = append(errs, &ui.OptionError{Key: "a", Value: fmt.Sprintf("%g (b=%g)", a, b), Msg: msg})
		} else {
			s.A.Value, s.B.Value = a, b
		}
		s.rebuildDesign()
		relabel = true
	}
	switch {
	case rebuild:
		s.rebuildLabelRing()
		s.rebuildTrainer()
	case relabel:
		s.relabel()
	}
	return errs
}
