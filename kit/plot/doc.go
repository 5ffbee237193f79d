// Package plot holds Digit Lab's ebiten-free drawing models: a Viewport that
// maps a world rectangle (y up) to a pixel rectangle (y down), colour maps,
// heatmaps rendered into *image.RGBA, marching-squares level curves, nice
// axis ticks, a line-chart model, probability-bar layout and nearest-
// neighbour scaling of small grayscale images; the pan-and-zoom model of a
// plane (PanZoom), the one segment clipping (ClipSegment) and the CPU
// pictures a scene model renders (Raster, with Fade, Dot and Pale).
//
// Everything geometric (level curves, chart polylines, ticks) is returned as
// data in world coordinates; a scene model puts it in its display list
// (package paint) with the Viewport it goes through. Only raster things
// (heatmaps, digit images) are written into pixels here. The package imports no Ebiten and
// is tested natively with go test.
//
// Sketch:
//
//	v := plot.NewViewport(plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}, plot.Rect{X0: 0, Y0: 0, X1: 400, Y1: 400})
//	g := plot.SampleGrid(v.World, 121, 121, f)
//	lo, hi := g.Range()
//	img := image.NewRGBA(image.Rect(0, 0, 400, 400))
//	plot.HeatmapGrid(img, g, plot.Diverging, plot.Symmetric(lo, hi))
//	for _, c := range plot.Contours(g, plot.NiceLevels(lo, hi, 10)) {
//		for _, s := range c.Segs {
//			x0, y0 := v.ToPixel(s.X0, s.Y0) // then vector.StrokeLine
//			_, _ = x0, y0
//		}
//	}
package plot
