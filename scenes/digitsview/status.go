package digitsview

import (
	"math"

	"digitlab/train"
)

// TestFigures returns the latest test evaluation: its loss and accuracy,
// the number of test images it judged and the step it was taken at; NaN,
// NaN, 0, -1 before the first.
func (s *Snapshot) TestFigures() (loss, acc float64, n, step int) {
	if len(s.History) == 0 {
		return math.NaN(), math.NaN(), 0, -1
	}
	p := s.History[len(s.History)-1]
	return p.TestLoss, p.TestAcc, p.N, p.Step
}

// Epochs is the fractional number of passes over the training set.
func (s *Snapshot) Epochs() float64 {
	return float64(s.Epoch) + float64(s.Index)/float64(max(s.TrainN, 1))
}

// Status writes the run's part of window.digitlab.status() into m: the
// options, the position, the figures (each with the step it was computed
// at) and the run's state. Numbers not known yet are NaN (null in JS).
func (s *Snapshot) Status(m map[string]any) {
	c := s.Config
	p, err := train.RecipeFor(c.Model) // zero before the worker's first snapshot
	if err == nil {
		p = c.Recipe() // the run's length as the options make it
	}
	for k, v := range map[string]any{
		"task": c.Task, "model": c.Model, "opt": c.Opt, "lr": c.LR, "anneal": c.AnnealT,
		"batch": c.Batch, "trainsize": c.TrainN, "noise": c.Noise, "raw": c.Raw, "seed": int(c.Seed),
		"evalevery": c.EvalEvery,
		"built":     s.Built, "buildError": s.BuildErr, "weightsFile": s.Loaded, "gen": s.Gen,
		"running": s.Running, "done": s.Done, "diverged": s.Diverged.Msg != "", "divergedMsg": s.Diverged.Msg,
		"step": s.Step, "samples": int(s.Seen), "epoch": s.Epochs(), "epochs": p.Epochs, "steps": p.Steps,
		"progress": s.Progress, "trainN": s.TrainN, "batchSize": s.BatchSize,
		"backprops": int(s.Backprops), "skipBelow": p.SkipBelow, "shift": p.Shift,
		"samplesPerSec": s.WallRate, "computeSamplesPerSec": s.Rate, "runSecs": s.RunSecs,
		"trainLoss": s.TrainLoss, "trainAcc": s.TrainAcc,
		"evaluating": s.Evaluating, "evalFull": s.EvalFull, "evalProgress": s.EvalProgress,
		"wrong": 0, "fullTestAcc": math.NaN(), "fullTestLoss": math.NaN(), "fullTestStep": -1, "fullTestN": 0,
		"snapshot": s.Seq, "ack": s.Ack,
	} {
		m[k] = v
	}
	l, a, n, step := s.TestFigures()
	m["testLoss"], m["testAcc"], m["testN"], m["testStep"] = l, a, n, step
	accs, losses := make([]float64, len(s.History)), make([]float64, len(s.History))
	for i, h := range s.History {
		accs[i], losses[i] = h.TestAcc, h.TestLoss
	}
	m["testAccHistory"], m["testLossHistory"] = accs, losses
	m["confusion"], m["confusionStep"] = nil, -1
	if f := s.Full; f.Seq > 0 {
		m["fullTestAcc"], m["fullTestLoss"], m["fullTestStep"], m["fullTestN"], m["wrong"] = f.Acc, f.Loss, f.Step, f.N, f.Wrong
		if k := len(s.Names); k > 0 && len(s.Confusion) == k*k {
			rows := make([]any, k) // the (k, k) counts, a row per true class
			for t := range k {
				row := make([]float64, k)
				for p := range k {
					row[p] = float64(s.Confusion[t*k+p])
				}
				rows[t] = row
			}
			m["confusion"], m["confusionStep"] = rows, f.Step
		}
	}
}
