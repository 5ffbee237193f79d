package nn

import "fmt"

// Tracing a forward pass. After Forward(x) (or Predict, Loss,
// TrainSample…) the model still holds every layer's output in the
// buffers it owns; these accessors show them, for a view of the network's
// inside, without allocating. Layers gives the weights (it allocates: call
// it once per model).

// LayerCount returns the number of layers (len(Layers())).
func (m *Model) LayerCount() int { return len(m.layers) }

// LayerKind returns layer i's kind as LayerInfo.Kind names it: "Dense",
// "Conv", "AvgPool2", "MaxPool2", "Flatten", "ReLU", "LeakyReLU",
// "Sigmoid" or "Tanh". Panics if i is out of range.
func (m *Model) LayerKind(i int) string { return kindNames[m.layer(i).k] }

// LayerIn returns the shape of layer i's input. Panics if i is out of
// range.
func (m *Model) LayerIn(i int) Shape { return m.layer(i).in }

// LayerOut returns the shape of layer i's output. Panics if i is out of
// range.
func (m *Model) LayerOut(i int) Shape { return m.layer(i).out }

// Output returns the output of layer i from the last forward pass,
// (H, W, C) row-major as LayerOut(i) says, of length LayerOut(i).Size():
// a view into the model's own buffer, valid until the next forward pass.
// Read it, never write it (the model back-propagates through it). A
// Flatten layer's output is its input's buffer; Output(LayerCount()-1) is
// what Forward returned. Before the first forward pass it holds zeros.
// Panics if i is out of range.
func (m *Model) Output(i int) []float32 {
	m.layer(i)
	return m.acts[i+1]
}

// layer returns layer i or panics with the model's name.
func (m *Model) layer(i int) *layer {
	if i < 0 || i >= len(m.layers) {
		panic(fmt.Sprintf("nn: layer %d of model %s, which has %d", i, m.Name, len(m.layers)))
	}
	return &m.layers[i]
}
