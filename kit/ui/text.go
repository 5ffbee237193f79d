package ui

import "strings"

// Wrap breaks s into lines no wider than w at font size size (measured with
// Measure), breaking at spaces and at '\n'. A single word wider than w gets
// a line of its own.
func Wrap(s string, w, size float64) []string {
	return WrapWith(s, w, func(t string) float64 { return Measure(t, size) })
}

// WrapWith is Wrap with the width of a line given by measure (another
// font's).
func WrapWith(s string, w float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if line != "" && measure(try) > w {
				lines = append(lines, line)
				line = word
			} else {
				line = try
			}
		}
		lines = append(lines, line)
	}
	return lines
}
