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
			x0, x1 := x[a:a+C], x[a+C:a+2*C]
			x2, x3 := x[a+W*C:a+W*C+C], x[a+W*C+C:a+W*C+2*C]
			ys, args := y[o:o+C], arg[o:o+C]
			x1, x2, x3, args = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)], args[:len(x0)]
			for c, best := range x0 {
				bi := a + c
				if v := x1[c]; v > best {
					best, bi = v, a+C+c
				}
				if v := x2[c]; v > best {
					best, bi = v, a+W*C+c
				}
				if v := x3[c]; v > best {
					best, bi = v, a+W*C+C+c
				}
				ys[c] = best
				args[c] = int32(bi)
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
