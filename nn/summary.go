package nn

import (
	"fmt"
	"strconv"
	"strings"
)

// Summary returns a layer table in the style of seed 002: layer, input
// shape, output shape, weights shape, bias shape, parameter count, and the
// total (SummaryRows, aligned in columns).
func (m *Model) Summary() string {
	rows := m.SummaryRows()
	width := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "Model %s (head %s)\n", m.Name, m.Head)
	line := func(r []string) {
		for i, c := range r {
			pad := width[i] - len([]rune(c))
			if i == len(r)-1 {
				sb.WriteString(strings.Repeat(" ", pad) + c)
			} else {
				sb.WriteString(c + strings.Repeat(" ", pad+2))
			}
		}
		sb.WriteString("\n")
	}
	total := 0
	for _, w := range width {
		total += w + 2
	}
	line(rows[0])
	sb.WriteString(strings.Repeat("=", total-2) + "\n")
	for _, r := range rows[1:] {
		line(r)
	}
	sb.WriteString(strings.Repeat("=", total-2) + "\n")
	fmt.Fprintf(&sb, "Total params: %s\n", Commas(len(m.Params)))
	return sb.String()
}

// SummaryRows is the layer table as cells: a header row, the input, then
// one row per layer (layer, input shape, output shape, weights shape, bias
// shape, parameter count with thousands separators). The command line and
// the page show it (Summary).
func (m *Model) SummaryRows() [][]string {
	rows := [][]string{{"Layer (type)", "Input Shape", "Output Shape", "Weights shape", "Bias shape", "Param #"}}
	rows = append(rows, []string{"Input", "-", m.In.String(), "-", "-", "0"})
	for _, l := range m.Layers() {
		name := l.Kind
		if l.Kind == "Conv" {
			name = fmt.Sprintf("Conv %dx%d/%d", l.WShape[0], l.WShape[1], l.Stride)
		}
		ws, bs := "-", "-"
		if l.WShape != nil {
			parts := make([]string, len(l.WShape))
			for i, d := range l.WShape {
				parts[i] = strconv.Itoa(d)
			}
			ws = "(" + strings.Join(parts, ", ") + ")"
		}
		if l.B != nil {
			bs = fmt.Sprintf("(%d,)", len(l.B))
		}
		rows = append(rows, []string{name, l.In.String(), l.Out.String(), ws, bs, Commas(len(l.W) + len(l.B))})
	}
	return rows
}

// Commas formats n with thousands separators: 26506 → "26,506".
func Commas(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
