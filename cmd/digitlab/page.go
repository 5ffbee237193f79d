package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"digitlab/excerpt"
	"digitlab/kit/ui"
	"digitlab/scenes/digitsview"
)

// pageCmd trains the Digits run exactly as the page's trainer worker does
// (a digitsview.Run on the same data, options as in the URL) for a number
// of optimiser steps and prints the step and the CRC-32 of its weights
// (digitsview.Checksum), which the page shows as digitlab.checksum(): the same numbers
// natively, on Node and in the browser.
func pageCmd(args []string, e env) error {
	fs := flag.NewFlagSet("page", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // one line on errors; --help prints the tool's usage
	steps := fs.Int("steps", 100, "optimiser steps to train")
	var opts []string
	fs.Func("set", "an option as in the page's URL, key=value (repeatable): task, model, opt, lr, …", func(s string) error {
		if !strings.Contains(s, "=") {
			return fmt.Errorf("want key=value, got %s", excerpt.Quote(s))
		}
		opts = append(opts, s)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("page takes flags only, got %s", excerpt.Quote(strings.Join(fs.Args(), " ")))}
	}
	if *steps < 1 || *steps > 1_000_000 {
		return &usageError{fmt.Sprintf("--steps %d: want 1 to 1000000", *steps)}
	}
	m := map[string]string{}
	for _, o := range opts {
		k, v, _ := strings.Cut(o, "=")
		m[k] = v
	}
	cfg := digitsview.Default(m["task"])
	if _, errs := cfg.Apply(m); len(errs) > 0 {
		return &usageError{setError(errs[0])}
	}
	tr, te, err := e.data.MNIST()
	if err != nil && cfg.Task != "digits8" {
		return err
	}
	src := digitsview.Sources{Train: tr, Test: te}
	if cfg.Task == "digits8" {
		if src.Digits, err = e.data.Digits(); err != nil {
			return err
		}
	}
	r := digitsview.NewRun(cfg)
	r.SetSources(src)
	r.Step(*steps)
	for r.Session() == nil || r.Session().Steps() < *steps && r.Session().Err() == nil && !r.Finished() {
		r.Tick(time.Now().Add(50 * time.Millisecond))
		if err := r.BuildErr(); err != nil {
			return err
		}
	}
	if de := r.Diverged(); de != nil {
		return de
	}
	fmt.Fprintf(e.stdout, "step %d checksum %08x\n", r.Session().Steps(), digitsview.Checksum(r.Model().Params))
	return nil
}

// setError says what is wrong with a --set option as the command line
// sees it: the page keeps its current value and goes on, the command stops.
func setError(err error) string {
	oe, ok := errors.AsType[*ui.OptionError](err)
	if !ok {
		return err.Error()
	}
	msg := oe.Msg
	for _, kept := range []string{", kept the current value", ", ignored"} {
		msg = strings.TrimSuffix(msg, kept)
	}
	if i := strings.Index(msg, ", kept "); i >= 0 {
		msg = msg[:i]
	}
	return fmt.Sprintf("--set %s=%s: %s", excerpt.Word(oe.Key), excerpt.Quote(oe.Value), msg)
}
