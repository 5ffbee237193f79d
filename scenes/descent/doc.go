// Package descent is the math of the Descent scene (seed 003, exercises 4
// and 5): the bowl f(x,y) = 3(x-1)²+y²+4 with its minimum 4 at (1,0), the
// mountain B(x,y) = 4000-3(x-10)²-(y-3)² with its summit 4000 at (10,3),
// and the gradient method x_{k+1} = x_k ∓ η∇f(x_k) as a resumable Path that
// is stepped one iteration at a time and stops when it converges or
// diverges.
//
// The seed's example loop writes x = x + eta*grad(x) for the bowl, which is
// ascent: it runs away from the minimum. Descent here uses the minus sign;
// the plus sign is available as Ascent so the scene can show the run-away.
//
//	p, _ := descent.NewPath(descent.Bowl, 2.5, 1.5, 0.1, descent.Descend)
//	for p.Step() {
//	}
//	p.Point() // ≈ (1, 0); p.State() == descent.Converged
//
// Scene is the Descent scene's model without Ebiten: its options
// (Set/Status), the path and its run (one step every 1/speed seconds),
// the pan-and-zoom view, the pointer, and what the page shows derived in
// world coordinates (level curves, the clipped path, the hover gradient,
// the heatmap raster, the texts), and the display list (package paint)
// that draws it all, with its level curves and path as layers the page
// keeps tessellated. The app (wasm/descent.go) only draws the list.
package descent
