package regions_test

import (
	"fmt"

	"digitlab/kit/plot"
	"digitlab/regions"
)

// The seed's 2→3→1 example: 7 linear regions in [-2,2]², 6 kink pieces on
// its 3 lines, and at the seed point Φ(1,-1) = -4 on the region where units
// 0 and 1 are active.
func Example() {
	nt := regions.Example()
	view := plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	e := regions.Enumerate(nt, view)
	h, _ := e.Hover(1, -1)
	fmt.Println(e.Count(), e.KinkCount(0), h.Value, h.Gx, h.Gy)
	fmt.Println(h.Pattern.Active(0, 0), h.Pattern.Active(0, 1), h.Pattern.Active(0, 2))
	fmt.Println(regions.ShallowBound(3))
	// Output:
	// 7 6 -4 -3 -1
	// true true false
	// 7
}

// A depth-2 net whose second-layer kink bends: layer 0 is ReLU(x),
// ReLU(y), layer 1 is ReLU(h₀ − h₁ + 1/2). Its kink is y = 1/2 left of the
// y axis and y = x + 1/2 right of it. A page spreads the work over frames
// with a budget per Step and may draw the kinks of finished layers early.
func ExampleEnumerator_Step() {
	widths, err := regions.ParseWidths("2,1") // as from a URL's layers=2,1
	if err != nil {
		panic(err)
	}
	nt := regions.New(widths, 0)
	copy(nt.W[0], []float64{1, 0, 0, 1})
	copy(nt.W[1], []float64{1, -1})
	nt.B[1][0] = 0.5
	nt.WOut[0] = 1
	e := regions.NewEnumerator(nt, plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2})
	frames := 1
	for !e.Step(2) {
		frames++
	}
	fmt.Println(e.Count(), "regions in", frames, "steps")
	for _, k := range e.LayerKinks(1) {
		fmt.Printf("layer %d unit %d: (%g,%g)–(%g,%g)\n", k.Layer, k.Unit, k.Seg.X0, k.Seg.Y0, k.Seg.X1, k.Seg.Y1)
	}
	// Output:
	// 6 regions in 9 steps
	// layer 1 unit 0: (0,0.5)–(1.5,2)
	// layer 1 unit 0: (-2,0.5)–(0,0.5)
}

func ExampleParseWidths() {
	for _, s := range []string{"16,16", "8,0", "8,8,8,8", "8,x"} {
		w, err := regions.ParseWidths(s)
		fmt.Println(w, err)
	}
	// Output:
	// [16 16] <nil>
	// [] regions: layers "8,0": width 0 is out of 1..32
	// [] regions: layers "8,8,8,8": 4 hidden layers, at most 3
	// [] regions: layers "8,x": "x" is not a whole number
}

func ExampleSerraBound() {
	fmt.Println(regions.SerraBound([]int{2, 2}), regions.ProductBound([]int{2, 2}), regions.SerraBound([]int{16, 16}))
	// Output: 11 16 18769
}
