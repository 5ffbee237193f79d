// Package nn is Digit Lab's neural-network core: flat float32 layers as
// forward/backward pairs, one parameter slab per model, the course's
// digit models as presets, optimisers, save/load and metrics. Pure Go, standard library
// only, no I/O; it builds and is tested natively and for GOOS=js
// GOARCH=wasm.
//
// # Shapes and layouts
//
// A sample is a flat []float32 of Model.In.Size() values. Images are
// (H, W, C) row-major: x[(h*W+w)*C+c]; vectors are Shape{1, 1, N} (Vec).
// Dense weights are (nIn, nOut) row-major, w[i*nOut+o], so one input's
// weights form a contiguous row; conv weights are (KH, KW, OD, ID) as in
// seed 000; biases are (nOut). LayerInfo.WShape states each layout.
//
// # Models
//
// A Model owns one Params slab and one Grads slab of the same layout;
// each layer holds sub-slices of both (Model.Layers gives views, for
// display and initialisation). All buffers are allocated when the model is
// built: Forward, Predict (with a large enough dst), Loss, TrainSample,
// TrainSampleSelective, TrainSampleSGD, Backward, ScaleGrads, Step and
// ZeroGrad allocate nothing.
//
//	z := m.Forward(x)               // raw outputs, owned buffer
//	p := m.Predict(dst[:0], x)      // probabilities: [1-p, p] or softmax
//	l := m.TrainSample(x, label)    // forward+loss+backward; ACCUMULATES Grads
//	m.Backward(dy)                  // your own dL/dz (HeadLinear models)
//
// The head (HeadSigmoid, HeadSoftmax, HeadLinear) says what sits on the
// output and which loss TrainSample uses: binary cross-entropy of
// σ(clip(z, ±15)) with label 1 = class B (gradient p-y), or softmax
// cross-entropy with an integer label (gradient p-onehot). Backward passes
// accumulate parameter gradients (+=) and overwrite input gradients; the
// first layers with no parameters before them skip their dx.
//
// # Training
//
// One step of mini-batch training (batch = 1 is per-sample SGD as in the
// seeds; batch = whole set is full-batch gradient descent as in 003):
//
//	for _, i := range batch { loss += m.TrainSample(xs[i], ys[i]) }
//	m.ScaleGrads(1 / float32(len(batch)))   // mean, if batch > 1
//	m.Step(opt, float32(sched.At(step)))    // opt.Step(m.Params, m.Grads, lr)
//	m.ZeroGrad()
//
// TrainSampleSelective(x, label, minLoss) is TrainSample with selective
// backprop: it back-propagates only a sample whose loss is at least
// minLoss, and returns the loss, the predicted class and whether it
// back-propagated. Per-sample plain SGD is one call,
// m.TrainSampleSGD(x, label, lr, minLoss), instead of the three: it
// updates dense weights during back-propagation and gives bit-for-bit
// the same weights, 1.7-2.2x faster on mlp10 in wasm (BenchmarkTrainSample
// mlp10/fused against mlp10/fast); train.Session takes this path for
// plain SGD at batch 1 (BenchmarkSession mlp10).
//
// The model tracks which gradient ranges one sample wrote (only the rows of
// non-zero inputs in a dense layer: MNIST is ~80% zeros), so ZeroGrad and
// ScaleGrads visit only those; after a second sample is accumulated it
// falls back to the whole slab. If you write Grads yourself, clear them
// yourself.
//
// Optimizers (NewSGD, NewMomentum — seed 000's m = βm + g, w -= ηm —,
// NewAdam with bias correction by running products) update the flat slabs
// and zero nothing. Schedule gives seed 000's LR·T/(T+t).
//
// # Building models
//
// Presets lists the course's digit models, each with a Build function
// that initialises it as its seed does; NewPreset builds one by name:
// linear, vanilla, cnn (000), mlp10 (001), cnn10, cnn10-tanh (002),
// digits64 (003), best and convnetjs (ours). How each is trained (data,
// optimiser, schedule, batch) is its recipe in package train. The scenes'
// small networks on the plane live with their scenes (landscape.Net,
// ring.Net, ring.NewModel). A Builder composes any other architecture
// from the same layers; InitNormal / InitGlorotUniform or Layers()[i].W
// initialise it. Summary prints seed 002's layer table.
//
// # Files and errors
//
// MarshalBinary / UnmarshalBinary save and load Params with a header
// (magic "DLNN", format version, model name, architecture signature,
// parameter count, CRC-32). Loading a file that does not fit returns a
// *FormatError saying why, e.g. "file is for model cnn (332 params), this is
// mlp10 (26,506 params)". Builders return *BuildError, unknown preset names
// *UnknownPresetError. Programmer errors (a wrong slice length, a label out
// of range) panic with a message starting "nn: ".
//
// # Metrics
//
// Accuracy, MeanCrossEntropy (seed 000's judge), Precision (macro, seed
// 002), Confusion and Argmax work on plain slices.
package nn
