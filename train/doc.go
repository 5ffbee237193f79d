// Package train runs resumable training of an nn.Model on a data set, and
// holds each preset's training recipe.
//
// A Session keeps its whole position in fields — epoch, index into the
// sample order, position inside the mini-batch, optimiser step count,
// samples seen, and the progress of a test evaluation under way — and
// does work only inside Step, which returns when its Budget (a number of
// samples, or a deadline on an injectable clock) runs out. There is no
// blocking Train: the page calls Step once per frame with a few
// milliseconds, the command-line tool calls it in a loop and draws a
// progress bar between calls. Splitting the work into more or fewer Step
// calls gives bit-identical parameters.
//
//	m, _ := nn.NewPreset("cnn", rand.New(rand.NewPCG(42, 0)))
//	rc, _ := train.RecipeFor("cnn")      // how seed 000 trains it
//	cfg := rc.Config()                   // optimiser, schedule, batch, length
//	cfg.EvalEvery = 2000                 // test evaluation every 2000 samples
//	s, err := train.NewSession(m, trainSet, testSet, cfg)
//	for !s.Done() {
//		if err := s.Step(train.Budget{Until: time.Now().Add(8 * time.Millisecond)}); err != nil {
//			// *DivergedError: show err.Error(), let the user lower η and start again
//		}
//	}
//	res := train.Evaluate(m, testSet)    // loss, accuracy, predictions
//
// A Recipe is how a preset is trained in its seed: the data (which set,
// how many, pixel scaling, shift), the optimiser and its constants, the
// schedule, the batch, the order and the length; Recipes lists one per
// nn preset, in the same order, and Recipe.Config makes the session's
// Config. Config builds its optimiser in one place. Per-sample plain SGD
// (Opt "sgd", batch 1) runs as nn's fused Model.TrainSampleSGD, the
// other set-ups as TrainSampleSelective, then ScaleGrads, Step and
// ZeroGrad at the end of each batch.
//
// The package is pure Go (standard library and nn only) and builds for
// js/wasm. Step allocates nothing except when it appends a history point.
package train
