package nn

// 2-D convolution (cross-correlation, as in seed 000), valid padding, with
// stride, with or without bias.
//
// Layout: x is an image (H, W, C) row-major, x[(h*W+w)*C+c]; w is
// (KH, KW, OD, ID) with ID == C, w[((kh*KW+kw)*OD+od)*ID+id]; b is (OD) or
// nil; y is (OH, OW, OD) with OH = (H-KH)/stride+1, OW = (W-KW)/stride+1.
//
//	y[oh,ow,od] = b[od] + Σ_{kh,kw,id} w[kh,kw,od,id]·x[oh*stride+kh, ow*stride+kw, id]

// convOut is the output size of a valid convolution along one axis.
func convOut(n, k, stride int) int { return (n-k)/stride + 1 }

// convForwardNaive overwrites y. Test oracle of convForward.
func convForwardNaive(y, x, w, b []float32, H, W, C, KH, KW, OD, stride int) {
	OH, OW := convOut(H, KH, stride), convOut(W, KW, stride)
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			for od := 0; od < OD; od++ {
				var s float32
				if b != nil {
					s = b[od]
				}
				for kh := 0; kh < KH; kh++ {
					for kw := 0; kw < KW; kw++ {
						for id := 0; id < C; id++ {
							s += w[((kh*KW+kw)*OD+od)*C+id] * x[((oh*stride+kh)*W+ow*stride+kw)*C+id]
						}
					}
				}
				y[(oh*OW+ow)*OD+od] = s
			}
		}
	}
}

// convBackwardNaive accumulates dw (and db unless nil) and overwrites dx
// unless nil. Test oracle of convBackward.
func convBackwardNaive(dx, dw, db, dy, x, w []float32, H, W, C, KH, KW, OD, stride int) {
	OH, OW := convOut(H, KH, stride), convOut(W, KW, stride)
	if dx != nil {
		clear(dx[:H*W*C])
	}
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			for od := 0; od < OD; od++ {
				g := dy[(oh*OW+ow)*OD+od]
				if db != nil {
					db[od] += g
				}
				for kh := 0; kh < KH; kh++ {
					for kw := 0; kw < KW; kw++ {
						for id := 0; id < C; id++ {
							wi := ((kh*KW+kw)*OD+od)*C + id
							xi := ((oh*stride+kh)*W+ow*stride+kw)*C + id
							dw[wi] += g * x[xi]
							if dx != nil {
								dx[xi] += g * w[wi]
							}
						}
					}
				}
			}
		}
	}
}

// convForward overwrites y like convForwardNaive. Slices are hoisted per
// kernel tap; with one input channel (the image itself) it skips zero
// pixels and updates all OD outputs from one contiguous weight row.
func convForward(y, x, w, b []float32, H, W, C, KH, KW, OD, stride int) {
	OH, OW := convOut(H, KH, stride), convOut(W, KW, stride)
	KOI := OD * C
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			ys := y[(oh*OW+ow)*OD : (oh*OW+ow+1)*OD]
			if b != nil {
				copy(ys, b[:OD])
			} else {
				clear(ys)
			}
			for kh := 0; kh < KH; kh++ {
				row := (oh*stride+kh)*W + ow*stride
				for kw := 0; kw < KW; kw++ {
					p := (row + kw) * C
					xs := x[p : p+C]
					t := (kh*KW + kw) * KOI
					wk := w[t : t+KOI]
					if C == 1 {
						xv := xs[0]
						if xv == 0 {
							continue
						}
						wk = wk[:len(ys)]
						for od := range ys {
							ys[od] += wk[od] * xv
						}
						continue
					}
					for od := range ys {
						wr := wk[od*C : od*C+C]
						wr = wr[:len(xs)]
						var s float32
						for id, xv := range xs {
							s += wr[id] * xv
						}
						ys[od] += s
					}
				}
			}
		}
	}
}

// convBackward accumulates dw (and db unless nil) and overwrites dx unless
// nil, like convBackwardNaive. Output positions whose gradient is zero
// (three in four after a max pool) are skipped.
func convBackward(dx, dw, db, dy, x, w []float32, H, W, C, KH, KW, OD, stride int) {
	OH, OW := convOut(H, KH, stride), convOut(W, KW, stride)
	KOI := OD * C
	if dx != nil {
		clear(dx[:H*W*C])
	}
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			dys := dy[(oh*OW+ow)*OD : (oh*OW+ow+1)*OD]
			if b := db; b != nil {
				b = b[:len(dys)]
				for od, g := range dys {
					b[od] += g
				}
			}
			for kh := 0; kh < KH; kh++ {
				row := (oh*stride+kh)*W + ow*stride
				for kw := 0; kw < KW; kw++ {
					p := (row + kw) * C
					xs := x[p : p+C]
					t := (kh*KW + kw) * KOI
					wk := w[t : t+KOI]
					dwk := dw[t : t+KOI]
					if C == 1 {
						xv := xs[0]
						wk, dwk = wk[:len(dys)], dwk[:len(dys)]
						var s float32
						for od, g := range dys {
							dwk[od] += g * xv
							s += wk[od] * g
						}
						if dx != nil {
							dx[p] += s
						}
						continue
					}
					for od, g := range dys {
						if g == 0 {
							continue
						}
						wr := wk[od*C : od*C+C]
						dwr := dwk[od*C : od*C+C]
						wr, dwr = wr[:len(xs)], dwr[:len(xs)]
						for id, xv := range xs {
							dwr[id] += g * xv
						}
						if dx != nil {
							dxs := dx[p : p+C]
							dxs = dxs[:len(wr)]
							for id, wv := range wr {
								dxs[id] += g * wv
							}
						}
					}
				}
			}
		}
	}
}
