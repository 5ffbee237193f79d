package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"digitlab/excerpt"
	"digitlab/nn"
)

// weightsFlags are --load and --save: a file to start every model from,
// and one to write each trained model to (.npz: numpy's format, with the
// seeds' array names; any other name: Digit Lab's own weights file, which
// the page also reads).
type weightsFlags struct {
	load, save string
	data       []byte // the --load file, read once
	trained    []trainedModel
}

type trainedModel struct {
	label string
	m     *nn.Model
}

// init loads the --load file into m (each model of the run starts from it).
func (w *weightsFlags) init(label string, m *nn.Model) error {
	if w.load == "" {
		return nil
	}
	if w.data == nil {
		b, err := os.ReadFile(w.load)
		if err != nil {
			return &usageError{fmt.Sprintf("--load: %v", err)}
		}
		if len(b) > nn.MaxFileBytes {
			return &usageError{fmt.Sprintf("--load %s: %d bytes, more than a weights file may hold", excerpt.Quote(w.load), len(b))}
		}
		w.data = b
	}
	if err := m.Load(w.data); err != nil {
		return &usageError{fmt.Sprintf("--load %s into %s: %s", excerpt.Quote(w.load), label, strings.TrimPrefix(err.Error(), "nn: weights file: "))}
	}
	return nil
}

// keep remembers a trained model for save.
func (w *weightsFlags) keep(label string, m *nn.Model) error {
	if w.save != "" {
		w.trained = append(w.trained, trainedModel{label, m})
	}
	return nil
}

// saveAll writes the trained models: to the --save file when there is
// one model, else to the file with -1, -2, … before its extension, and
// says which model went where on report.
func (w *weightsFlags) saveAll(report func(string)) error {
	for i, t := range w.trained {
		path := w.save
		if len(w.trained) > 1 {
			ext := filepath.Ext(path)
			path = strings.TrimSuffix(path, ext) + "-" + strconv.Itoa(i+1) + ext
		}
		var buf bytes.Buffer
		var err error
		if strings.EqualFold(filepath.Ext(path), ".npz") {
			err = t.m.WriteNPZ(&buf)
		} else {
			var b []byte
			b, err = t.m.MarshalBinary()
			buf.Write(b)
		}
		if err == nil {
			err = os.WriteFile(path, buf.Bytes(), 0o644)
		}
		if err != nil {
			return fmt.Errorf("--save: %s: %w", t.label, err)
		}
		report(fmt.Sprintf("saved the weights of %s to %s", t.label, path))
	}
	return nil
}
