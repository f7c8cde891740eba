package httpapi

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The bounds on vendor text quoted in an error: a vendor's error body may
// hold a message of megabytes and thousands of field errors, and all of it
// would otherwise reach the terminal (and the CI log) as one diagnostic.
const (
	// MaxVendorMessageBytes bounds a vendor's message, or one field's.
	MaxVendorMessageBytes = 512
	// MaxVendorNameBytes bounds a code, a field name or an id.
	MaxVendorNameBytes = 128
	// MaxVendorFieldErrors is how many field errors are shown; the rest
	// are counted ("and 19990 more field errors").
	MaxVendorFieldErrors = 10
	// MaxVendorListItems is how many ids a list of them shows.
	MaxVendorListItems = 10
	// MaxVendorURLBytes bounds a URL shown in an error: a vendor's next
	// link may be of any length.
	MaxVendorURLBytes = 512
)

// VendorText is s cut to at most maxBytes on a character boundary, marked
// "…" when cut: the one way vendor text is shortened for an error.
func VendorText(s string, maxBytes int) string {
	if len(s) <= maxBytes {
		return s
	}
	cut := maxBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// VendorList joins vendor values (ids) for an error: at most
// MaxVendorListItems, each cut to MaxVendorNameBytes, then how many more.
func VendorList(items []string) string {
	shown := make([]string, 0, min(len(items), MaxVendorListItems))
	for _, it := range items[:min(len(items), MaxVendorListItems)] {
		shown = append(shown, VendorText(it, MaxVendorNameBytes))
	}
	s := strings.Join(shown, ", ")
	if more := len(items) - len(shown); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}
