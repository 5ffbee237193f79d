package digitsview

import "digitlab/train"

// The trainer worker and the page talk in two kinds of message: the page
// sends Commands, the worker posts Snapshots of its Run. Both are plain
// data with a binary encoding (proto.go), so that they cross postMessage
// as one transferable byte buffer and are tested natively.

// LoadState is where the worker's data download stands.
type LoadState uint8

const (
	Loading LoadState = iota
	LoadReady
	LoadFailed
)

// DataStatus is the worker's data download: bytes so far of the expected
// total, the file being fetched or parsed, and why it failed.
type DataStatus struct {
	State         LoadState
	Loaded, Total int64
	What          string
	Err           string // "" unless State == LoadFailed
}

// Image is the image the run shows large: the last training sample, with
// the model's probabilities for it at step Step.
type Image struct {
	Index  int // in the prepared training set; -1: none
	Label  int
	Step   int
	H, W   int       // of Pixels (C is 1 for every digits task)
	Pixels []float32 // as the model sees them (raw or 0..1)
	Probs  []float32
}

// Mistake is one misclassified test image of a full evaluation.
type Mistake struct {
	Index, Label, Pred int
	Probs              []float32
	Pixels             []float32 // as the model sees them
}

// FullSummary is the latest evaluation of the whole test set.
type FullSummary struct {
	Seq       int // counts full passes since the run was built; 0 = none yet
	Step, N   int
	Loss, Acc float64
	Wrong     int // misclassified images (Mistakes keeps the MaxWrong most confident)
}

// Divergence describes a run stopped by a non-finite loss or weight.
type Divergence struct {
	Msg   string // the error's text; "" while the run is fine
	Step  int
	LR    float64
	Param int // the first non-finite parameter; -1: the loss
}

// Snapshot is what the page shows of a Run: its options and position,
// the figures with the step they were computed at, the curves, the
// current image, and (when they changed) the mistakes and the weights.
type Snapshot struct {
	Seq int // counts the snapshots the worker posted
	Ack int // Seq of the last Command the worker had applied
	Gen int // bumped whenever the run is rebuilt, reset or loaded

	Data   DataStatus
	Config Config

	Built    bool   // a model and session exist
	BuildErr string // why the configuration cannot train ("" if it can)
	About    string // "11791 training / 1991 test images"
	Names    []string
	Loaded   string   // name of the weights file the run started from
	Msgs     []string // errors of the commands applied since the last snapshot

	Running  bool
	Done     bool // the preset's schedule is complete
	Diverged Divergence

	Step, Epoch, Index int
	Runs               int // the run's length in recipe lengths: 1, 2 after a Continue, …
	Seen, Backprops    int64
	TrainN, TestN      int
	BatchSize          int
	Progress           float64 // of the schedule, 0..1
	Rate               float64 // training samples per second of compute
	WallRate           float64 // training samples per second of wall time while running
	RunSecs            float64 // wall seconds spent running since the run was built (Start to Pause or done)

	// The running training figures over the last RunN samples.
	TrainLoss, TrainAcc float64
	RunN                int

	// My digits in the training stream (CmdMine): MineN of them, as
	// MineShare percent of the samples; 0, 0 when none are mixed in.
	MineN, MineShare int

	History                        []train.Point // the periodic test evaluations
	CurveStep, CurveLoss, CurveAcc []float64     // the running training curve

	Evaluating   bool    // a test evaluation is under way
	EvalFull     bool    // … of the whole test set
	EvalProgress float64 // … this far
	Full         FullSummary
	// TrainFull judges the whole training set (a race's lanes do, once
	// paused or done, for seed 000's table: Seq 0 = not yet, Wrong
	// unused); Judging says that a judgement is under way.
	TrainFull FullSummary
	Judging   bool

	Image Image

	// HasMistakes says Mistakes is sent (the full pass changed since the
	// last snapshot); HasWeights the same for Weights.
	HasMistakes bool
	Confusion   []int // (k, k) counts of the full evaluation, row = true class (sent with the mistakes)
	// MistakesCell is 0 when Mistakes are the most confident mistakes,
	// else 1 + t*100 + p: Mistakes are then the images of true class t
	// predicted p (CmdCell), the most confident first, at most MaxWrong
	// (see Cell).
	MistakesCell int
	// The mistakes sent are MistakesFrom onwards (at most MaxWrong) of
	// the MistakesOf the list has (CmdPage chooses where they start).
	MistakesFrom, MistakesOf int
	Mistakes                 []Mistake
	HasWeights               bool
	WeightsStep              int
	Weights                  []float32

	// HasPair says PairSeq and Pair are sent: the two test images the
	// last CmdPair drew (the Line view's), sent once after each draw.
	HasPair bool
	PairSeq int       // counts the pairs drawn; 0: none yet
	Pair    []Mistake // Index, Label and Pixels (as the model sees them); Pred -1, no Probs
}

// CmdKind is what a Command asks the worker to do.
type CmdKind uint8

const (
	CmdConfig   CmdKind = iota + 1 // use Config (resets the run when needed)
	CmdStart                       // train continuously
	CmdPause                       // stop training
	CmdStep                        // take N optimiser steps
	CmdReset                       // back to the seed's initial weights
	CmdLoad                        // start from the weights file Name, Data
	CmdRetry                       // download the data again after a failure
	CmdSnapshot                    // post a snapshot now, with mistakes and weights
	CmdPair                        // draw two test images of classes N/100 and N%100 (PairCommand)
	CmdCell                        // the mistakes are the confusion cell N = t*100+p's images; N = -1: the most confident mistakes
	CmdMine                        // mix my digits (Data, AppendMineWire) into training as N percent of the samples; N = 0: stop
	CmdPage                        // the mistakes are the N-th of their list and the MaxWrong after
)

// PairCommand asks the worker for a random test image of class a and one
// of class b (class indices of the task: 0 and 1 are 4 and 9 in 4 vs 9).
func PairCommand(a, b int) Command { return Command{Kind: CmdPair, N: a*100 + b} }

// Command is one message from the page to the worker.
type Command struct {
	Seq    int
	Kind   CmdKind
	Config Config // CmdConfig
	N      int    // CmdStep; CmdPair: the classes (PairCommand)
	Name   string // CmdLoad
	Data   []byte // CmdLoad; CmdMine: the digits
}

// Cell returns the confusion cell the mistakes show: true class t,
// predicted p, ok false when they are the most confident mistakes.
func (s *Snapshot) Cell() (t, p int, ok bool) {
	if s.MistakesCell <= 0 {
		return -1, -1, false
	}
	c := s.MistakesCell - 1
	return c / 100, c % 100, true
}
