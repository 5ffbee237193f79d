package ring

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSampleSeeded(t *testing.T) {
	t.Parallel()
	p1 := Sample(nil, rand.New(rand.NewPCG(1, 2)), 500, Plane)
	p2 := Sample(nil, rand.New(rand.NewPCG(1, 2)), 500, Plane)
	p3 := Sample(nil, rand.New(rand.NewPCG(1, 3)), 500, Plane)
	if !slices.Equal(p1, p2) {
		t.Errorf("same seed gave different points")
	}
	if slices.Equal(p1, p3) {
		t.Errorf("different seeds gave the same points")
	}
	for _, p := range p1 {
		if p.X1 < -2.5 || p.X1 >= 2.5 || p.X2 < -2.5 || p.X2 >= 2.5 {
			t.Fatalf("point %v outside [-2.5,2.5)²", p)
		}
	}
}

// Label counts match the exact areas within 4 standard errors, and Disagree
// keeps exactly the points with differing labels.
func TestLabelAndDisagree(t *testing.T) {
	t.Parallel()
	const n = 20000
	pts := Sample(nil, rand.New(rand.NewPCG(5, 5)), n, Plane)
	Label(pts, 1, 2, 1, 2)
	m := MustNew(1, 2).Compare()
	var inC, inD int
	for _, p := range pts {
		if p.Circle != InCircle(1, 2, p.X1, p.X2) || p.Diamond != MustNew(1, 2).InRing(p.X1, p.X2) {
			t.Fatalf("labels of %v disagree with InCircle / the network", p)
		}
		if p.Circle {
			inC++
		}
		if p.Diamond {
			inD++
		}
	}
	dis := Disagree(nil, pts)
	for _, p := range dis {
		if p.Circle == p.Diamond {
			t.Fatalf("Disagree kept %v", p)
		}
	}
	box := 25.0
	for _, c := range []struct {
		name string
		k    int
		area float64
	}{
		{"circle", inC, m.CircleArea},
		{"diamond", inD, m.DiamondArea},
		{"disagree", len(dis), m.CircleArea - m.Overlap + m.DiamondArea - m.Overlap},
	} {
		p := c.area / box
		if got, se := float64(c.k)/n, math.Sqrt(p*(1-p)/n); math.Abs(got-p) > 4*se {
			t.Errorf("%s share %v, want %v ± %v", c.name, got, p, 4*se)
		}
	}
}
