package nn

// Dense (fully connected) layer, with or without bias.
//
// Layout: x is (nIn), y is (nOut), w is (nIn, nOut) row-major:
// w[i*nOut+o] is the weight from input i to output o, so the weights
// leaving one input form a contiguous row and a zero input skips a whole
// row (MNIST pixels are about 80% zero). b is (nOut), or nil for no bias.
//
//	y[o] = b[o] + Σ_i x[i]·w[i*nOut+o]

// denseForwardNaive overwrites y. It is the plain loop kept as the test
// oracle of denseForward.
func denseForwardNaive(y, x, w, b []float32, nIn, nOut int) {
	for o := 0; o < nOut; o++ {
		var s float32
		if b != nil {
			s = b[o]
		}
		for i := 0; i < nIn; i++ {
			s += x[i] * w[i*nOut+o]
		}
		y[o] = s
	}
}

// denseBackwardNaive accumulates dw (and db unless nil) and overwrites dx
// unless dx is nil. Test oracle of denseBackward.
func denseBackwardNaive(dx, dw, db, dy, x, w []float32, nIn, nOut int) {
	for i := 0; i < nIn; i++ {
		for o := 0; o < nOut; o++ {
			dw[i*nOut+o] += x[i] * dy[o]
		}
	}
	if db != nil {
		for o := 0; o < nOut; o++ {
			db[o] += dy[o]
		}
	}
	if dx != nil {
		for i := 0; i < nIn; i++ {
			var s float32
			for o := 0; o < nOut; o++ {
				s += w[i*nOut+o] * dy[o]
			}
			dx[i] = s
		}
	}
}

// denseForward overwrites y like denseForwardNaive, but visits only the
// non-zero inputs, four rows at a time so each load and store of y[o]
// serves four inputs. It stores the indices of the non-zero inputs in
// nz[:0] (cap(nz) >= nIn, so nothing is allocated) and returns them;
// denseBackward reuses them.
func denseForward(y, x, w, b []float32, nz []int32, nIn, nOut int) []int32 {
	nz = nz[:0]
	for i, v := range x[:nIn] {
		if v != 0 {
			nz = append(nz, int32(i))
		}
	}
	y = y[:nOut]
	if b != nil {
		copy(y, b[:nOut])
	} else {
		clear(y)
	}
	k := 0
	for ; k+4 <= len(nz); k += 4 {
		i0, i1, i2, i3 := int(nz[k])*nOut, int(nz[k+1])*nOut, int(nz[k+2])*nOut, int(nz[k+3])*nOut
		x0, x1, x2, x3 := x[nz[k]], x[nz[k+1]], x[nz[k+2]], x[nz[k+3]]
		r0 := w[i0 : i0+nOut]
		r1 := w[i1 : i1+nOut]
		r2 := w[i2 : i2+nOut]
		r3 := w[i3 : i3+nOut]
		r0, r1, r2, r3 = r0[:len(y)], r1[:len(y)], r2[:len(y)], r3[:len(y)]
		for o, yo := range y {
			y[o] = yo + x0*r0[o] + x1*r1[o] + x2*r2[o] + x3*r3[o]
		}
	}
	for ; k < len(nz); k++ {
		i := int(nz[k]) * nOut
		xv := x[nz[k]]
		r := w[i : i+nOut]
		r = r[:len(y)]
		for o := range y {
			y[o] += xv * r[o]
		}
	}
	return nz
}

// denseBackward accumulates dw (only the rows of the non-zero inputs nz
// found by denseForward; the other rows would get x[i]·dy = 0) and db
// unless nil, and overwrites dx unless nil, computing four dx[i] per pass
// over dy.
func denseBackward(dx, dw, db, dy, x, w []float32, nz []int32, nIn, nOut int) {
	dy = dy[:nOut]
	for _, i32 := range nz {
		i := int(i32) * nOut
		xv := x[i32]
		r := dw[i : i+nOut]
		r = r[:len(dy)]
		for o, g := range dy {
			r[o] += xv * g
		}
	}
	if db != nil {
		db = db[:len(dy)]
		for o, g := range dy {
			db[o] += g
		}
	}
	if dx == nil {
		return
	}
	dx = dx[:nIn]
	i := 0
	for ; i+4 <= nIn; i += 4 {
		r0 := w[i*nOut : (i+1)*nOut]
		r1 := w[(i+1)*nOut : (i+2)*nOut]
		r2 := w[(i+2)*nOut : (i+3)*nOut]
		r3 := w[(i+3)*nOut : (i+4)*nOut]
		r0, r1, r2, r3 = r0[:len(dy)], r1[:len(dy)], r2[:len(dy)], r3[:len(dy)]
		var s0, s1, s2, s3 float32
		for o, g := range dy {
			s0 += r0[o] * g
			s1 += r1[o] * g
			s2 += r2[o] * g
			s3 += r3[o] * g
		}
		dx[i], dx[i+1], dx[i+2], dx[i+3] = s0, s1, s2, s3
	}
	for ; i < nIn; i++ {
		r := w[i*nOut : (i+1)*nOut]
		r = r[:len(dy)]
		var s float32
		for o, g := range dy {
			s += r[o] * g
		}
		dx[i] = s
	}
}
