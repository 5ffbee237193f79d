package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"digitlab/datasets"
	"digitlab/experiments"
	"digitlab/nn"
	"digitlab/npz"
)

// shared loads the data once for the runs that train.
var shared = experiments.NewData()

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, isTerm bool, d *experiments.Data, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, env{stdout: &out, stderr: &errb, isTerm: isTerm, data: d})
	return result{code, out.String(), errb.String()}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"run", "--help"}, {"run", "table000", "--help"}, {"run", "model", "-h"}} {
		r := runCLI(t, false, shared, args...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%v: exit %d, stderr %q; want 0 and nothing", args, r.code, r.stderr)
		}
		for _, want := range []string{"--seed", "--steps", "--epochs", "--quiet", "--preset", "--opt", "--lr", "--anneal", "--batch",
			"--task", "--noise", "--train-size", "--test-size", "--raw", "--order", "Exit status", "table000", "stress000", "linear000",
			"mlp10", "cnn10", "cnn10-tanh", "digits64"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: help lacks %q", args, want)
			}
		}
	}
}

func TestList(t *testing.T) {
	r := runCLI(t, false, shared, "list")
	if r.code != 0 {
		t.Fatalf("list: exit %d, %s", r.code, r.stderr)
	}
	for _, want := range append(experiments.Names(), experiments.Trainable()...) {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("list lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		desc string
		args []string
		want string // in the error line
	}{
		{"no command", nil, "no command"},
		{"unknown command", []string{"train"}, `unknown command "train"`},
		{"run without a name", []string{"run"}, "run needs an experiment"},
		{"unknown experiment", []string{"run", "table001"}, `unknown experiment "table001"`},
		{"bad flag", []string{"run", "table000", "--bogus"}, "bogus"},
		{"bad number", []string{"run", "model", "--preset", "cnn", "--lr", "fast"}, "fast"},
		{"negative steps", []string{"run", "table000", "--steps", "-3"}, "--steps"},
		{"model flag on an experiment", []string{"run", "table000", "--lr", "0.1"}, "--lr applies to `run model` only"},
		{"stray argument", []string{"run", "table000", "extra"}, `unexpected argument "extra"`},
		{"model without preset", []string{"run", "model"}, "needs --preset"},
		{"unknown preset", []string{"run", "model", "--preset", "resnet"}, `unknown preset "resnet"`},
		{"a scene's network, not a preset", []string{"run", "model", "--preset", "landscape"}, `unknown preset "landscape"`},
		{"task that does not fit", []string{"run", "model", "--preset", "cnn", "--task", "10"}, "trains on task 4v9"},
		{"unknown optimiser", []string{"run", "model", "--preset", "cnn", "--opt", "rmsprop"}, `--opt "rmsprop"`},
		{"unknown order", []string{"run", "model", "--preset", "cnn", "--order", "random"}, `--order "random"`},
		{"negative batch", []string{"run", "model", "--preset", "cnn", "--batch", "-1"}, "--batch -1"},
		{"steps and epochs", []string{"run", "model", "--preset", "cnn", "--steps", "5", "--epochs", "1"}, "not both"},
		{"list with arguments", []string{"list", "all"}, "list takes no arguments"},
		{"negative test size", []string{"run", "model", "--preset", "digits64", "--test-size", "-5"}, "--test-size -5: want ≥ 0"},
		{"negative train size", []string{"run", "model", "--preset", "digits64", "--train-size", "-1"}, "--train-size -1: want ≥ 0"},
		{"negative epochs", []string{"run", "digits64", "--epochs", "-1"}, "--epochs -1"},
		{"negative learning rate", []string{"run", "model", "--preset", "digits64", "--lr", "-0.1"}, "--lr -0.1: want a finite number ≥ 0"},
		{"NaN noise", []string{"run", "model", "--preset", "cnn", "--noise", "NaN"}, "--noise NaN"},
		{"infinite anneal", []string{"run", "model", "--preset", "cnn", "--anneal", "+Inf"}, "--anneal +Inf"},
		{"control characters", []string{"x\x1b[31m\n"}, `unknown command "x\x1b[31m\n"`},
		{"page: no steps", []string{"page", "--steps", "0"}, "--steps 0: want 1 to 1000000"},
		{"page: set without =", []string{"page", "--set", "lr"}, "want key=value"},
		{"page: stray argument", []string{"page", "x"}, "page takes flags only"},
		{"summary without a model", []string{"summary"}, "summary needs one model name (linear, vanilla, cnn"},
		{"summary of no model", []string{"summary", "resnet"}, "unknown preset resnet"},
		{"page: bad value", []string{"page", "--set", "lr=fast"}, `--set lr="fast": not a number`},
		{"page: unknown key", []string{"page", "--set", "zz=1"}, `--set zz="1": the digits scene has no such option`},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			r := runCLI(t, false, shared, tc.args...)
			if r.code != 2 {
				t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args, r.code, r.stderr)
			}
			if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "digitlab: ") || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("%v: stderr %q, want one line \"digitlab: …%s…\"", tc.args, r.stderr, tc.want)
			}
			if r.stdout != "" {
				t.Errorf("%v: stdout %q, want nothing", tc.args, r.stdout)
			}
		})
	}
}

// TestPageSetWording: --set errors say nothing of a value the page keeps.
func TestPageSetWording(t *testing.T) {
	for _, arg := range []string{"lr=fast", "zz=1", "task=nope", "model=resnet"} {
		r := runCLI(t, false, shared, "page", "--set", arg)
		if r.code != 2 || strings.Contains(r.stderr, "kept") || strings.Contains(r.stderr, "ignored") {
			t.Errorf("--set %s: exit %d, %q", arg, r.code, r.stderr)
		}
	}
}

func TestMissingData(t *testing.T) {
	t.Setenv("DIGITLAB_MNIST_DIR", t.TempDir())
	for _, args := range [][]string{{"run", "table000"}, {"run", "model", "--preset", "mlp10", "--quiet"}} {
		r := runCLI(t, false, experiments.NewData(), args...)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "go mod download") {
			t.Errorf("%v without MNIST: exit %d, stderr %q; want 2 and one line saying how to get the data", args, r.code, r.stderr)
		}
	}
}

func TestRunModelPlain(t *testing.T) {
	r := runCLI(t, false, shared, "run", "model", "--preset", "digits64", "--epochs", "30", "--seed", "1")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Model", "Training Acc", "Training Loss", "Testing Acc", "Testing Loss", "digits64 |", "Total params", "30 epochs", "seed 1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	// Not a terminal: plain progress lines, no carriage returns.
	if strings.Contains(r.stderr, "\r") || !strings.Contains(r.stderr, "100%") || !strings.Contains(r.stderr, "samples/s") || !strings.Contains(r.stderr, "ETA") {
		t.Errorf("progress on a non-terminal:\n%q", r.stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(line, "model: ") {
			t.Errorf("progress line %q", line)
		}
	}
}

func TestRunExperimentTerminal(t *testing.T) {
	r := runCLI(t, true, shared, "run", "digits64", "--epochs", "10")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "\r") || !strings.Contains(r.stderr, "█") || !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("progress on a terminal: %q, want a redrawn bar ending in a newline", r.stderr)
	}
	if !strings.Contains(r.stdout, "seed 003 reports") {
		t.Errorf("stdout lacks the seed's figures:\n%s", r.stdout)
	}
	q := runCLI(t, true, shared, "run", "digits64", "--epochs", "2", "--quiet")
	if q.code != 0 || q.stderr != "" {
		t.Errorf("--quiet: exit %d, stderr %q", q.code, q.stderr)
	}
}

func TestDivergedExitsOne(t *testing.T) {
	r := runCLI(t, false, shared, "run", "model", "--preset", "digits64", "--lr", "1e30", "--epochs", "20", "--quiet")
	if r.code != 1 || !strings.Contains(r.stderr, "training diverged at step") || !strings.Contains(r.stderr, "run again with a smaller --lr") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("η=1e30: exit %d, stderr %q; want 1 and the divergence message", r.code, r.stderr)
	}
	if strings.Contains(strings.ToLower(r.stderr), "press") || strings.Contains(r.stderr, "reset") {
		t.Errorf("the CLI speaks of the page's buttons: %q", r.stderr)
	}
}

// TestZeroMeansTheSeeds: --epochs 0 or --steps 0 keep the preset's length,
// as the help says, whichever of the two is given as 0.
func TestZeroMeansTheSeeds(t *testing.T) {
	for _, args := range [][]string{
		{"run", "model", "--preset", "digits64", "--epochs", "0", "--steps", "5", "--quiet"},
		{"run", "model", "--preset", "digits64", "--steps", "0", "--epochs", "1", "--quiet"},
		{"run", "digits64", "--epochs", "0", "--steps", "5", "--quiet"},
	} {
		r := runCLI(t, false, shared, args...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%v: exit %d, stderr %q; want 0", args, r.code, r.stderr)
		}
	}
}

// TestMissingDigits: a digits file that is missing or damaged exits 2 with
// one line whatever its name (the check used to match the name's text).
func TestMissingDigits(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "mine.csv")
	if err := os.WriteFile(junk, []byte("1,2,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "digits.csv.gz"), "8×8 digits file not found"},
		{filepath.Join(dir, "other.csv"), "8×8 digits file not found"},
		{junk, "3 fields, want 65"},
	} {
		t.Setenv("DIGITLAB_DIGITS", c.path)
		r := runCLI(t, false, experiments.NewData(), "run", "digits64", "--quiet")
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("DIGITLAB_DIGITS=%s: exit %d, stderr %q; want 2 and one line with %q", c.path, r.code, r.stderr, c.want)
		}
	}
}

// TestCorruptMNIST: MNIST files that are not IDX exit 2 with the file named.
func TestCorruptMNIST(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{datasets.MNISTTrainImages, datasets.MNISTTrainLabels, datasets.MNISTTestImages, datasets.MNISTTestLabels} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("<html>not found</html>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("DIGITLAB_MNIST_DIR", dir)
	r := runCLI(t, false, experiments.NewData(), "run", "model", "--preset", "mlp10", "--quiet")
	if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "train-images: bad magic") {
		t.Errorf("junk MNIST: exit %d, stderr %q; want 2 and one line naming train-images", r.code, r.stderr)
	}
}

// TestSaveLoad: --save writes numpy's .npz or the page's format by the
// name, --load starts from either, a file for another model or a folder
// that does not exist is a usage error before any training.
func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	npzPath, native := filepath.Join(dir, "d.npz"), filepath.Join(dir, "d.weights")
	for _, p := range []string{npzPath, native} {
		r := runCLI(t, false, shared, "run", "model", "--preset", "digits64", "--epochs", "2", "--quiet", "--save", p)
		if r.code != 0 || !strings.Contains(r.stderr, "saved the weights of digits64 to "+p) {
			t.Fatalf("--save %s: exit %d, stderr %q", p, r.code, r.stderr)
		}
	}
	data, err := os.ReadFile(npzPath)
	if err != nil {
		t.Fatal(err)
	}
	arrays, err := npz.Read(data)
	if err != nil || len(arrays) != 4 || arrays[0].Name != "dense1_w" {
		t.Fatalf("the .npz holds %d arrays (%v)", len(arrays), err)
	}
	// Trained further from each file: both start where the first run ended,
	// so one more epoch from either gives the same table.
	var tables []string
	for _, p := range []string{npzPath, native} {
		r := runCLI(t, false, shared, "run", "digits64", "--epochs", "1", "--quiet", "--load", p)
		if r.code != 0 {
			t.Fatalf("--load %s: exit %d, stderr %q", p, r.code, r.stderr)
		}
		tables = append(tables, withoutTiming(r.stdout))
	}
	if tables[0] != tables[1] {
		t.Errorf("the same weights through .npz and .weights train differently:\n%s\n%s", tables[0], tables[1])
	}
	fresh := runCLI(t, false, shared, "run", "digits64", "--epochs", "1", "--quiet")
	if withoutTiming(fresh.stdout) == tables[0] {
		t.Errorf("--load made no difference to the table")
	}

	for _, c := range []struct {
		desc string
		args []string
		want string
	}{
		{"another model's file", []string{"run", "model", "--preset", "mlp10", "--load", npzPath}, "into mlp10: array dense1_w is not part of model mlp10"},
		{"no such file", []string{"run", "digits64", "--load", filepath.Join(dir, "nope.npz")}, "--load: open"},
		{"no such folder", []string{"run", "digits64", "--save", filepath.Join(dir, "no", "w.npz")}, "no folder"},
	} {
		r := runCLI(t, false, shared, c.args...)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", c.desc, r.code, r.stderr, c.want)
		}
	}
}

// withoutTiming drops the table's last line, the run's time and speed.
func withoutTiming(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, "samples/s") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestSummary: digitlab summary prints the layer table with the total of
// seed 002's cnn10-tanh (15,310), for every preset the model's own count.
func TestSummary(t *testing.T) {
	r := runCLI(t, false, shared, "summary", "cnn10-tanh")
	if r.code != 0 || !strings.Contains(r.stdout, "Total params: 15,310") || !strings.Contains(r.stdout, "Conv 3x3/1") {
		t.Errorf("summary cnn10-tanh: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, p := range nn.Presets() {
		m, err := nn.NewPreset(p.Name, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, false, shared, "summary", p.Name)
		if r.code != 0 || r.stdout != m.Summary() || !strings.Contains(r.stdout, "Total params: "+nn.Commas(len(m.Params))+"\n") {
			t.Errorf("summary %s: exit %d, %q", p.Name, r.code, r.stdout)
		}
	}
}
