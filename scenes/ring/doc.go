// Package ring holds the math of the ring detector of seed 003, section 9:
// a hand-designed 2→4→3→1 ReLU network that decides whether a point lies in
// the L1 annulus a ≤ |x1|+|x2| ≤ b (the "diamond ring"), and how well that
// diamond ring approximates the circular ring a² ≤ x1²+x2² ≤ b².
//
// It imports no Ebiten and is tested natively: the math uses the standard
// library, the learned detector nn and train, and the scene model (Scene)
// plot and ui. Geometry is in world coordinates as plot.Segment and
// plot.Rect (Plane is the plotting square [-2.5, 2.5]²).
//
// # The designed network
//
// New(a, b) validates 0 ≤ a < b (a *ParamError otherwise) and builds
//
//	W1 = [[1,0],[-1,0],[0,1],[0,-1]]          b1 = [0,0,0,0]
//	W2 = [[-2,-2,-2,-2],[-1,-1,-1,-1],[1,1,1,1]] b2 = [a+b, b, -b]
//	W3 = [-1, 1, -1]                          b3 = 0
//
// so that h1 = [ReLU(x1), ReLU(-x1), ReLU(x2), ReLU(-x2)], r = Σh1 =
// |x1|+|x2|, h2 = [ReLU(a+b-2r), ReLU(b-r), ReLU(r-b)] and
// z = -h2[0] + h2[1] - h2[2] = min(r-a, b-r). Net.Score evaluates the layers
// as matrices (it does not use the closed form; the tests compare the two);
// Net.InRing is Score ≥ 0, the seed's decision rule.
//
// # Kinks
//
// A kink is where a hidden unit's pre-activation is zero. Layer 1 kinks are
// the two axes. Layer 2 kinks are the diamonds r = (a+b)/2 (unit 1) and r = b
// (units 2 and 3). The inner boundary r = a is where z = 0, not a kink:
// z = r - a on both sides of it. Net.Kinks returns the kink segments clipped
// to a box; Net.Boundary returns the two diamonds z = 0 (r = a and r = b).
//
// # Area measures
//
// With C the circular ring {a ≤ √(x1²+x2²) ≤ b} and D the diamond ring
// {a' ≤ |x1|+|x2| ≤ b'}, Compare returns
//
//	Missed = |C \ D| / |C|   (fraction of the circular ring the diamond misses)
//	Extra  = |D \ C| / |C|   (area wrongly inside, relative to the ring's area)
//	IoU    = |C ∩ D| / |C ∪ D|
//
// |C ∩ D| is computed in closed form: in polar coordinates a point at angle θ
// and Euclidean radius ρ has L1 norm ρ·k(θ), k = |cos θ|+|sin θ|, so D is
// ρ ∈ [a'/k, b'/k] and the overlap at angle θ is [max(a, a'/k), min(b, b'/k)].
// Between the angles where one of the four quantities a'/a, a'/b, b'/a, b'/b
// equals k(θ) the overlap integrand ½(hi²-lo²) is a constant plus a multiple
// of 1/k², whose antiderivative is tan(θ-π/4)/2; by symmetry only
// θ ∈ [0, π/4] is integrated (times 8). The result is exact up to float64
// rounding (about 1e-15 relative); overlapNumeric, a composite Simpson rule,
// is kept as the test oracle, and a seeded Monte Carlo estimate checks both.
//
// BestIoU answers the seed's closing question (which diamond fits the circle
// best?) numerically: it maximises IoU over (a', b') by a grid search followed
// by a shrinking compass search. A diamond |x1|+|x2| ≤ s touches the circle of
// radius s/√2 inside and reaches radius s at its corners, so the optimum lies
// near a' ∈ [a, √2·a], b' ∈ [b, √2·b]; the search covers [a/2, 2a]×[b/2, 2b].
//
// # Points
//
// Sample draws points uniformly from a square with a passed-in *rand.Rand and
// labels them by both rings; Disagree keeps the ones where the labels differ.
//
// # The learned detector
//
// NewTrainer(cfg) builds a 2→H1→H2→1 ReLU network with a sigmoid head
// (package nn; He-normal weights, biases uniform in [-½, ½]), samples
// cfg.Points training points and as many held-out points (500 to 2000) in
// Plane, labels them by the circular or the L1 ring, and trains it on the
// binary cross-entropy with a train.Session (SGD, momentum or Adam, a new
// random order every epoch). Trainer.Run(n) trains on the next n samples
// and RunUntil(deadline) until a deadline; both return, keeping their
// place, so the page calls them in slices of a frame's time budget, and
// both return the session's *train.DivergedError if the weights blow up.
// Relabel changes the ring under a running trainer; Eval reports loss and
// accuracy on all training or held-out points; RegionMeasures compares the
// learned region z ≥ 0 with the circular ring on a grid.
//
//	tr, _ := ring.NewTrainer(ring.DefaultLearn()) // (1, 2), 2→8→8→1, SGD η 0.1, batch 8
//	for tr.Seen() < 16000 && tr.Err() == nil {
//		tr.RunUntil(time.Now().Add(5 * time.Millisecond))
//	}
//	loss, acc := tr.Eval(true) // held out: about 0.15 and 0.95
//
// # The scene
//
// Scene is the Ring tab without a screen: its widgets and their layout,
// the options (Set, Status), the run (ui.RunControls), the derived state
// in world coordinates (measures, counted points, kinks, outline, the
// learned z = 0 contour and region, the learned net's linear regions and
// the histories of their count and of the held-out accuracy against the
// training step, charted under the learned figures), the two heatmaps
// rendered into plot.Rasters, the texts placed in the layout (DesignTexts, LearnTexts,
// Marks, Hover: paint text ops, measured with paint.Measure), built only
// when what they show changed, and List: everything it shows as a
// paint.List (panels, widgets, rasters, the world lines and points through
// a device-pixel viewport, texts). The page (wasm/ring.go) feeds it a
// ui.Tick every frame and paints its list; an idle frame allocates
// nothing.
package ring
