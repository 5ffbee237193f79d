package ring_test

import (
	"fmt"

	"digitlab/scenes/ring"
)

func ExampleNew() {
	n, err := ring.New(1, 2)
	if err != nil {
		panic(err)
	}
	for _, p := range ring.SeedTests {
		fmt.Printf("(%g,%g) z=%.2g in=%v\n", p.X1, p.X2, n.Score(p.X1, p.X2), n.InRing(p.X1, p.X2))
	}
	_, err = ring.New(2, 1)
	fmt.Println(err)
	// Output:
	// (0,0) z=-1 in=false
	// (0.5,0.5) z=0 in=true
	// (1.1,0) z=0.1 in=true
	// (1,1) z=0 in=true
	// (1.5,0.2) z=0.3 in=true
	// (2,0) z=0 in=true
	// (2.1,0) z=-0.1 in=false
	// ring: bad radii a=2 b=1: inner radius a must be smaller than outer radius b
}

func ExampleBestIoU() {
	f, err := ring.BestIoU(1, 2)
	if err != nil {
		panic(err)
	}
	fmt.Printf("seed diamond (1, 2): missed %.3f, extra %.3f, IoU %.3f\n", f.Base.Missed, f.Base.Extra, f.Base.IoU)
	fmt.Printf("best diamond (%.3f, %.3f): missed %.3f, extra %.3f, IoU %.3f\n", f.Best.DA, f.Best.DB, f.Best.Missed, f.Best.Extra, f.Best.IoU)
	// Output:
	// seed diamond (1, 2): missed 0.485, extra 0.121, IoU 0.460
	// best diamond (1.227, 2.601): missed 0.096, extra 0.212, IoU 0.746
}

func ExampleNewTrainer() {
	tr, err := ring.NewTrainer(ring.DefaultLearn()) // circle ring (1, 2), 2→8→8→1, SGD η 0.1, batch 8
	if err != nil {
		panic(err)
	}
	for tr.Seen() < 16000 && tr.Err() == nil {
		tr.Run(1000) // the page uses RunUntil with a frame's budget
	}
	loss, acc := tr.Eval(true)
	fmt.Printf("%d updates, held-out loss %.2f, accuracy %.2f\n", tr.Steps(), loss, acc)
	// Output:
	// 2000 updates, held-out loss 0.15, accuracy 0.95
}
