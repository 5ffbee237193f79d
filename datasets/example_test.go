package datasets_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"

	"digitlab/datasets"
)

func ExampleReadIDXLabels() {
	// An IDX label file: magic 0x00000801, count 3, then one byte per label.
	file := []byte{0, 0, 8, 1, 0, 0, 0, 3, 5, 0, 4}
	labels, err := datasets.ReadIDXLabels(bytes.NewReader(file), "train-labels")
	fmt.Println(labels, err)
	// Output: [5 0 4] <nil>
}

func ExampleFormatError() {
	// A label file handed to the image reader.
	file := []byte{0, 0, 8, 1, 0, 0, 0, 3, 5, 0, 4}
	_, err := datasets.ReadIDXImages(bytes.NewReader(file), "t10k-images")
	fmt.Println(err)
	// Output: mnist: t10k-images: bad magic 0x00000801 at offset 0
}

func ExampleSet_Select() {
	// Four 1×2 images with digits 4, 7, 9, 4, parsed from memory as the
	// browser does with fetched bytes.
	images := []byte{0, 0, 8, 3, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 2,
		0, 255, 10, 20, 255, 0, 51, 102}
	labels := []byte{0, 0, 8, 1, 0, 0, 0, 4, 4, 7, 9, 4}
	s, err := datasets.ReadMNIST(bytes.NewReader(images), bytes.NewReader(labels), "demo")
	if err != nil {
		fmt.Println(err)
		return
	}
	ab, _ := s.Select(4, 9) // seed 000's DIG_A, DIG_B
	x := make([]float32, ab.Size())
	for i := range ab.Len() {
		x = ab.Sample(x, i)
		fmt.Printf("class %d (digit %d): %.1f\n", ab.Label(i), ab.Digit(i), x)
	}
	// Output:
	// class 0 (digit 4): [0.0 1.0]
	// class 1 (digit 9): [1.0 0.0]
	// class 0 (digit 4): [0.2 0.4]
}

func ExampleLoadDigits() {
	digits, err := datasets.LoadDigits("data/digits.csv.gz")
	if err != nil {
		fmt.Println(err)
		return
	}
	x := digits.Sample(nil, 0)
	fmt.Println(digits.Len(), digits.Digit(0), x[:8])
	train, test := digits.Split(rand.New(rand.NewPCG(42, 0)), 0.2)
	fmt.Println(train.Len(), test.Len())
	// Output:
	// 1797 0 [0 0 0.3125 0.8125 0.5625 0.0625 0 0]
	// 1437 360
}
