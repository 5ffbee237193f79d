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

// convForward overwrites y like convForwardNaive. For C > 1 the weights
// are first transposed into wt, a buffer of len(w) the caller owns,
// (KH, KW, ID, OD): wt[((kh*KW+kw)*C+id)*OD+od], so that the weights of
// one input for all OD filters are contiguous; for C == 1, w already has
// that layout and wt may be nil. Both kernels add the products in the
// naive order (bias, then kh, kw, id) and skip zero inputs, so the result
// is the naive one to the bit (up to the sign of a zero).
func convForward(y, x, w, wt, b []float32, H, W, C, KH, KW, OD, stride int) {
	if C == 1 {
		convScatter(y, x, w, b, H, W, KH, KW, OD, stride)
		return
	}
	for t := 0; t < KH*KW; t++ {
		src := w[t*OD*C : (t+1)*OD*C]
		dst := wt[t*OD*C : (t+1)*OD*C]
		for od := 0; od < OD; od++ {
			for id := 0; id < C; id++ {
				dst[id*OD+od] = src[od*C+id]
			}
		}
	}
	OH, OW := convOut(H, KH, stride), convOut(W, KW, stride)
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			convGather(y[(oh*OW+ow)*OD:(oh*OW+ow+1)*OD], x, wt, b, (oh*stride*W+ow*stride)*C, W*C, KH, KW*C, OD)
		}
	}
}

// convScatter is convForward for one input channel (the first layer: 80%
// of MNIST's pixels are zero). It scatters each non-zero input value into
// the outputs it feeds, value·(weights of all OD filters), a contiguous
// row of w (KH, KW, OD, 1). Inner loops are unrolled by 8 (see dense.go)
// over constant-length slices (see convGather).
// Gathering as convGather does was measured 1.3-1.7x slower here in wasm:
// nine tests per output position instead of one per input.
func convScatter(y, x, w, b []float32, H, W, KH, KW, OD, stride int) {
	OH, OW := convOut(H, KH, stride), convOut(W, KW, stride)
	y = y[:OH*OW*OD]
	if b != nil { // the bias at every position, in log2(OH*OW) copies: a
		// copy per position cost a third of the layer in wasm
		copy(y, b[:OD])
		for n := OD; n < len(y); n *= 2 {
			copy(y[n:], y[:n])
		}
	} else {
		clear(y)
	}
	for ih := 0; ih < H; ih++ {
		// Input row ih feeds output rows oh with oh*stride <= ih < oh*stride+KH.
		ohLo, ohHi := outRange(ih, KH, stride, OH)
		for iw, xv := range x[ih*W : (ih+1)*W] {
			if xv == 0 {
				continue
			}
			owLo, owHi := outRange(iw, KW, stride, OW)
			for oh := ohLo; oh <= ohHi; oh++ {
				kh := ih - oh*stride
				for ow := owLo; ow <= owHi; ow++ {
					kw := iw - ow*stride
					p, t := (oh*OW+ow)*OD, (kh*KW+kw)*OD
					od := 0
					for ; od+8 <= OD; od += 8 {
						yy, ww := (*[8]float32)(y[p+od:p+od+8]), (*[8]float32)(w[t+od:t+od+8])
						yy[0] += ww[0] * xv
						yy[1] += ww[1] * xv
						yy[2] += ww[2] * xv
						yy[3] += ww[3] * xv
						yy[4] += ww[4] * xv
						yy[5] += ww[5] * xv
						yy[6] += ww[6] * xv
						yy[7] += ww[7] * xv
					}
					for ; od < OD; od++ {
						y[p+od] += w[t+od] * xv
					}
				}
			}
		}
	}
}

// convGather overwrites ys, the OD outputs at one position, from the
// patch of KH rows of KC = KW*C contiguous inputs starting at x[p0], rows
// rowStride apart, and the transposed weights wt. It is output-stationary:
// the sums of 8 filters stay in local variables (Go's wasm backend keeps
// 16 floats as wasm locals and spills the rest to memory) while the patch
// is walked, zero inputs skipped with one test each, so a multiply-add
// costs one load (a weight) instead of scattering's two loads and a
// store. The weights are found by a running index k and read through a
// slice of constant length 8: one bounds check, no length arithmetic
// (best's second conv 90 → 66 µs in wasm, against (*[8]float32)(wt[j*OD:])).
// It is a function of its own so that the outer loops' variables do not
// compete with the sums for locals (10% faster in wasm).
func convGather(ys, x, wt, b []float32, p0, rowStride, KH, KC, OD int) {
	od := 0
	for ; od+8 <= OD; od += 8 {
		var s0, s1, s2, s3, s4, s5, s6, s7 float32
		if b != nil {
			bb := (*[8]float32)(b[od:])
			s0, s1, s2, s3, s4, s5, s6, s7 = bb[0], bb[1], bb[2], bb[3], bb[4], bb[5], bb[6], bb[7]
		}
		k := od // wt index of the weights of input (kh, kw, id) for filters od..od+7
		for kh := 0; kh < KH; kh++ {
			for _, xv := range x[p0+kh*rowStride : p0+kh*rowStride+KC] {
				if xv != 0 {
					ww := (*[8]float32)(wt[k : k+8])
					s0 += ww[0] * xv
					s1 += ww[1] * xv
					s2 += ww[2] * xv
					s3 += ww[3] * xv
					s4 += ww[4] * xv
					s5 += ww[5] * xv
					s6 += ww[6] * xv
					s7 += ww[7] * xv
				}
				k += OD
			}
		}
		yy := (*[8]float32)(ys[od:])
		yy[0], yy[1], yy[2], yy[3], yy[4], yy[5], yy[6], yy[7] = s0, s1, s2, s3, s4, s5, s6, s7
	}
	if od < OD {
		convGatherTail(ys, x, wt, b, p0, rowStride, KH, KC, OD, od)
	}
}

// convGatherTail is convGather for the filters od0 .. OD-1 (fewer than 8),
// one at a time. (Inside convGather, this loop made the blocks of 8 10%
// slower in wasm.)
func convGatherTail(ys, x, wt, b []float32, p0, rowStride, KH, KC, OD, od0 int) {
	for od := od0; od < OD; od++ {
		var s float32
		if b != nil {
			s = b[od]
		}
		k := od
		for kh := 0; kh < KH; kh++ {
			for _, xv := range x[p0+kh*rowStride : p0+kh*rowStride+KC] {
				if xv != 0 {
					s += wt[k] * xv
				}
				k += OD
			}
		}
		ys[od] = s
	}
}

// outRange returns the first and last output index o (0 <= o < n) of a
// valid convolution with kernel k and stride s whose window o*s .. o*s+k-1
// contains input index i; lo > hi when there is none.
func outRange(i, k, s, n int) (lo, hi int) {
	if j := i - k + 1; j > 0 {
		lo = int((uint(j) + uint(s) - 1) / uint(s))
	}
	hi = min(int(uint(i)/uint(s)), n-1)
	return lo, hi
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
			{ // skip positions with no gradient at all (3 in 4 after a max pool)
				zero := true
				for _, g := range dys {
					if g != 0 {
						zero = false
						break
					}
				}
				if zero {
					continue
				}
			}
			if db != nil {
				axpy(db[:len(dys)], dys, 1)
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
						if xv == 0 && dx == nil {
							continue
						}
						wk, dwk = wk[:len(dys)], dwk[:len(dys)]
						var s float32
						od := 0
						for ; od+8 <= len(dys); od += 8 {
							g, dd, ww := (*[8]float32)(dys[od:]), (*[8]float32)(dwk[od:]), (*[8]float32)(wk[od:])
							dd[0] += g[0] * xv
							dd[1] += g[1] * xv
							dd[2] += g[2] * xv
							dd[3] += g[3] * xv
							dd[4] += g[4] * xv
							dd[5] += g[5] * xv
							dd[6] += g[6] * xv
							dd[7] += g[7] * xv
							s += ww[0]*g[0] + ww[1]*g[1] + ww[2]*g[2] + ww[3]*g[3] +
								ww[4]*g[4] + ww[5]*g[5] + ww[6]*g[6] + ww[7]*g[7]
						}
						for ; od < len(dys); od++ {
							dwk[od] += dys[od] * xv
							s += wk[od] * dys[od]
						}
						if dx != nil {
							dx[p] += s
						}
						continue
					}
					var dxs []float32
					if dx != nil {
						dxs = dx[p : p+C]
						dxs = dxs[:len(xs)]
					}
					for od, g := range dys {
						if g == 0 {
							continue
						}
						wr := wk[od*C : od*C+C]
						dwr := dwk[od*C : od*C+C]
						wr, dwr = wr[:len(xs)], dwr[:len(xs)]
						id := 0
						for ; id+8 <= len(xs); id += 8 {
							dd, xx := (*[8]float32)(dwr[id:]), (*[8]float32)(xs[id:])
							dd[0] += g * xx[0]
							dd[1] += g * xx[1]
							dd[2] += g * xx[2]
							dd[3] += g * xx[3]
							dd[4] += g * xx[4]
							dd[5] += g * xx[5]
							dd[6] += g * xx[6]
							dd[7] += g * xx[7]
						}
						for ; id < len(xs); id++ {
							dwr[id] += g * xs[id]
						}
						if dxs == nil {
							continue
						}
						id = 0
						for ; id+8 <= len(xs); id += 8 {
							dd, ww := (*[8]float32)(dxs[id:]), (*[8]float32)(wr[id:])
							dd[0] += g * ww[0]
							dd[1] += g * ww[1]
							dd[2] += g * ww[2]
							dd[3] += g * ww[3]
							dd[4] += g * ww[4]
							dd[5] += g * ww[5]
							dd[6] += g * ww[6]
							dd[7] += g * ww[7]
						}
						for ; id < len(xs); id++ {
							dxs[id] += g * wr[id]
						}
					}
				}
			}
		}
	}
}
