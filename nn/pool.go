package nn

// 2×2 pooling with stride 2 over an image (H, W, C) giving (H/2, W/2, C);
// an odd last row or column is dropped (floor), as Keras and seed 002 do.

// avgPoolForward overwrites y with the mean of each 2×2 window.
func avgPoolForward(y, x []float32, H, W, C int) {
	OH, OW := H/2, W/2
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			a := ((2*oh)*W + 2*ow) * C
			bb := a + W*C
			ys := y[(oh*OW+ow)*C : (oh*OW+ow+1)*C]
			for c := range ys {
				ys[c] = 0.25 * (x[a+c] + x[a+C+c] + x[bb+c] + x[bb+C+c])
			}
		}
	}
}

// avgPoolBackward overwrites dx: each input of a window gets a quarter of
// its output's gradient; dropped odd rows/columns get 0.
func avgPoolBackward(dx, dy []float32, H, W, C int) {
	clear(dx[:H*W*C])
	OH, OW := H/2, W/2
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			a := ((2*oh)*W + 2*ow) * C
			bb := a + W*C
			dys := dy[(oh*OW+ow)*C : (oh*OW+ow+1)*C]
			for c, g := range dys {
				g *= 0.25
				dx[a+c], dx[a+C+c], dx[bb+c], dx[bb+C+c] = g, g, g, g
			}
		}
	}
}

// maxPoolForward overwrites y with the maximum of each 2×2 window and arg
// with the index into x of that maximum (the first one on a tie).
func maxPoolForward(y []float32, arg []int32, x []float32, H, W, C int) {
	OH, OW := H/2, W/2
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			a := ((2*oh)*W + 2*ow) * C
			o := (oh*OW + ow) * C
			for c := 0; c < C; c++ {
				i := a + c
				best, bi := x[i], i
				for _, j := range [3]int{a + C + c, a + W*C + c, a + W*C + C + c} {
					if x[j] > best {
						best, bi = x[j], j
					}
				}
				y[o+c] = best
				arg[o+c] = int32(bi)
			}
		}
	}
}

// maxPoolBackward overwrites dx: the gradient goes to the position that
// won the forward pass, zero elsewhere.
func maxPoolBackward(dx, dy []float32, arg []int32, n int) {
	clear(dx[:n])
	for j, g := range dy[:len(arg)] {
		dx[arg[j]] += g
	}
}
