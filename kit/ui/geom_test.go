package ui

import "testing"

func TestRectContains(t *testing.T) {
	t.Parallel()
	r := Rect{10, 20, 30, 40}
	tests := []struct {
		desc string
		x, y float64
		want bool
	}{
		{"inside", 15, 25, true},
		{"top-left corner is in", 10, 20, true},
		{"right edge is out", 40, 25, false},
		{"bottom edge is out", 15, 60, false},
		{"left of it", 9.99, 25, false},
		{"above it", 15, 19.9, false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := r.Contains(tt.x, tt.y); got != tt.want {
				t.Errorf("%v.Contains(%v, %v) = %v, want %v", r, tt.x, tt.y, got, tt.want)
			}
		})
	}
}

func TestRectCuts(t *testing.T) {
	t.Parallel()
	r := Rect{0, 0, 100, 50}
	tests := []struct {
		desc      string
		got1      Rect
		got2      Rect
		want1     Rect
		wantRest2 Rect
	}{
		{"CutTop", first(r.CutTop(10, 2)), second(r.CutTop(10, 2)), Rect{0, 0, 100, 10}, Rect{0, 12, 100, 38}},
		{"CutBottom", first(r.CutBottom(10, 2)), second(r.CutBottom(10, 2)), Rect{0, 40, 100, 10}, Rect{0, 0, 100, 38}},
		{"CutLeft", first(r.CutLeft(30, 5)), second(r.CutLeft(30, 5)), Rect{0, 0, 30, 50}, Rect{35, 0, 65, 50}},
		{"CutRight", first(r.CutRight(30, 5)), second(r.CutRight(30, 5)), Rect{70, 0, 30, 50}, Rect{0, 0, 65, 50}},
		{"CutTop larger than r clamps", first(r.CutTop(80, 2)), second(r.CutTop(80, 2)), Rect{0, 0, 100, 50}, Rect{0, 52, 100, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if tt.got1 != tt.want1 || tt.got2 != tt.wantRest2 {
				t.Errorf("%s = %v, %v, want %v, %v", tt.desc, tt.got1, tt.got2, tt.want1, tt.wantRest2)
			}
		})
	}
}

func first(a, _ Rect) Rect  { return a }
func second(_, b Rect) Rect { return b }

func TestSplitHCoversWidth(t *testing.T) {
	t.Parallel()
	r := Rect{5, 0, 100, 10}
	parts := r.SplitH(3, 5)
	if len(parts) != 3 {
		t.Fatalf("SplitH(3) gave %d parts", len(parts))
	}
	if parts[0].X != r.X || parts[2].Right() != r.Right() {
		t.Errorf("SplitH spans [%v, %v], want [%v, %v]", parts[0].X, parts[2].Right(), r.X, r.Right())
	}
	for i := 1; i < 3; i++ {
		if gap := parts[i].X - parts[i-1].Right(); gap != 5 {
			t.Errorf("gap between part %d and %d = %v, want 5", i-1, i, gap)
		}
		if parts[i].W != parts[0].W {
			t.Errorf("part %d width %v, part 0 width %v", i, parts[i].W, parts[0].W)
		}
	}
}

func TestInsetNeverNegative(t *testing.T) {
	t.Parallel()
	got := Rect{0, 0, 10, 4}.Inset(3)
	if got.W != 4 || got.H != 0 {
		t.Errorf("Inset(3) of 10×4 = %v, want width 4 and height 0", got)
	}
}

func TestColumnStacksRows(t *testing.T) {
	t.Parallel()
	c := NewColumn(Rect{0, 0, 200, 100}, 8)
	a := c.Next(30)
	b := c.Next(30)
	rest := c.Next(100)
	if a != (Rect{0, 0, 200, 30}) || b != (Rect{0, 38, 200, 30}) {
		t.Errorf("rows %v, %v; want y=0 and y=38", a, b)
	}
	if rest.Y != 76 || rest.H != 24 {
		t.Errorf("last row %v, want y=76 clamped to height 24", rest)
	}
}

func TestSquareIsCentred(t *testing.T) {
	t.Parallel()
	got := Rect{0, 0, 100, 40}.Square()
	if got != (Rect{30, 0, 40, 40}) {
		t.Errorf("Square() = %v, want {30 0 40 40}", got)
	}
}
