package experiments

import (
	"math/rand/v2"
	"sync"

	"digitlab/datasets"
)

// Data loads the data sets once, when first needed, and hands out copies
// that the experiments may shuffle and change. It is safe for concurrent
// use.
type Data struct {
	mnistOnce   sync.Once
	train, test *datasets.Set
	mnistErr    error

	digitsOnce sync.Once
	digits     *datasets.Set
	digitsErr  error
}

// NewData returns a loader that finds MNIST with datasets.MNISTDir and the
// 8×8 digits with datasets.DigitsPath.
func NewData() *Data { return &Data{} }

// MNIST returns the full MNIST training and test sets (shared: use Head,
// Select or the helpers below for a copy before changing anything). The
// error says how to get the files when they cannot be found.
func (d *Data) MNIST() (train, test *datasets.Set, err error) {
	d.mnistOnce.Do(func() {
		dir, err := datasets.MNISTDir()
		if err != nil {
			d.mnistErr = err
			return
		}
		d.train, d.test, d.mnistErr = datasets.LoadMNIST(dir)
	})
	return d.train, d.test, d.mnistErr
}

// Digits returns scikit-learn's 1797 8×8 digits (shared).
func (d *Data) Digits() (*datasets.Set, error) {
	d.digitsOnce.Do(func() {
		path, err := datasets.DigitsPath()
		if err != nil {
			d.digitsErr = err
			return
		}
		d.digits, d.digitsErr = datasets.LoadDigits(path)
	})
	return d.digits, d.digitsErr
}

// FourNine returns seed 000's preprocess of both splits: keep the digits 4
// (class 0, DIG_A) and 9 (class 1, DIG_B), normalise to [0, 1], and
// shuffle — the training set, then the test set, with r, as the seed does
// after np.random.seed(42).
func (d *Data) FourNine(r *rand.Rand) (train, test *datasets.Set, err error) {
	tr, te, err := d.MNIST()
	if err != nil {
		return nil, nil, err
	}
	if train, err = tr.Select(4, 9); err != nil {
		return nil, nil, err
	}
	if test, err = te.Select(4, 9); err != nil {
		return nil, nil, err
	}
	train.SetNormalized(true)
	test.SetNormalized(true)
	train.Shuffle(r)
	test.Shuffle(r)
	return train, test, nil
}

// Ten returns copies of the first nTrain training and nTest test images of
// all ten digits (0 = all), in MNIST's order, normalised or raw.
func (d *Data) Ten(nTrain, nTest int, normalize bool) (train, test *datasets.Set, err error) {
	tr, te, err := d.MNIST()
	if err != nil {
		return nil, nil, err
	}
	if nTrain <= 0 {
		nTrain = tr.Len()
	}
	if nTest <= 0 {
		nTest = te.Len()
	}
	train, test = tr.Head(nTrain), te.Head(nTest)
	train.SetNormalized(normalize)
	test.SetNormalized(normalize)
	return train, test, nil
}

// Digits8 returns seed 003's 80/20 hold-out split of the 8×8 digits,
// scaled by 1/16, drawn with r.
func (d *Data) Digits8(r *rand.Rand) (train, test *datasets.Set, err error) {
	all, err := d.Digits()
	if err != nil {
		return nil, nil, err
	}
	train, test = all.Split(r, 0.2)
	train.SetNormalized(true)
	test.SetNormalized(true)
	return train, test, nil
}
