package regions

import (
	"errors"
	"strconv"
	"strings"

	"digitlab/excerpt"
)

// WidthsError is a list of hidden widths that a Net cannot have, such as
// a URL's layers=8,0: Input is the text as given (or the widths written
// with commas) and Msg says what is wrong with it.
type WidthsError struct {
	Input string
	Msg   string
}

func (e *WidthsError) Error() string {
	return "regions: layers " + excerpt.Quote(e.Input) + ": " + e.Msg
}

// CheckWidths returns a *WidthsError unless widths has 1 to MaxLayers
// entries, each 1 to MaxWidth.
func CheckWidths(widths []int) error {
	in := func() string {
		s := make([]string, len(widths))
		for k, n := range widths {
			s[k] = strconv.Itoa(n)
		}
		return strings.Join(s, ",")
	}
	switch {
	case len(widths) == 0:
		return &WidthsError{Input: "", Msg: "no hidden layer, want 1 to " + strconv.Itoa(MaxLayers)}
	case len(widths) > MaxLayers:
		return &WidthsError{Input: in(), Msg: layersMsg(len(widths))}
	}
	for _, n := range widths {
		if n < 1 || n > MaxWidth {
			return &WidthsError{Input: in(), Msg: widthMsg(strconv.Itoa(n))}
		}
	}
	return nil
}

func layersMsg(n int) string {
	return strconv.Itoa(n) + " hidden layers, at most " + strconv.Itoa(MaxLayers)
}

func widthMsg(w string) string {
	return "width " + w + " is out of 1.." + strconv.Itoa(MaxWidth)
}

// ParseWidths reads hidden widths written as in a URL, "8" or "16,16" or
// "6, 6, 6": 1 to MaxLayers comma-separated whole numbers, each 1 to
// MaxWidth, spaces around them allowed. Anything else is a *WidthsError
// quoting the input (with excerpt.Quote) and saying what is wrong.
func ParseWidths(s string) ([]int, error) {
	fail := func(msg string) ([]int, error) { return nil, &WidthsError{Input: s, Msg: msg} }
	if strings.TrimSpace(s) == "" {
		return fail("no widths, want 1 to " + strconv.Itoa(MaxLayers) + " numbers such as 8,8")
	}
	// Count before splitting so a huge input costs no more than a scan.
	if n := strings.Count(s, ",") + 1; n > MaxLayers {
		return fail(layersMsg(n))
	}
	var widths []int
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return fail("an empty width between commas")
		}
		n, err := strconv.Atoi(item)
		if errors.Is(err, strconv.ErrRange) {
			return fail(widthMsg(excerpt.QuoteN(item, 20)))
		}
		if err != nil {
			return fail(excerpt.QuoteN(item, 20) + " is not a whole number")
		}
		if n < 1 || n > MaxWidth {
			return fail(widthMsg(strconv.Itoa(n)))
		}
		widths = append(widths, n)
	}
	return widths, nil
}
