// Command digitlab reproduces the experiments of Digit Lab's course
// documents headless: it trains on the real data with a progress bar and
// prints the seed's table.
//
//	go run ./cmd/digitlab list
//	go run ./cmd/digitlab run table000
//	go run ./cmd/digitlab run model --preset cnn --opt momentum --lr 0.01 --anneal 4000 --steps 15001
//
// Run `digitlab --help` for every flag. A bad flag, an unknown experiment
// or missing data gives a one-line error and exit status 2; a training
// run that diverges exits with status 1.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, isTerm: isTerminal(os.Stderr)}))
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
