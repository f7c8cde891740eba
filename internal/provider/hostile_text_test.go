package provider_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

// checkPrintable asserts that terraform printed no character a terminal or
// a CI log would act on: no control character but newline and tab, no
// format (bidi) character, no byte that is not UTF-8, and no line GitHub
// Actions would read as a workflow command. Every hostile run checks it.
func checkPrintable(t *testing.T, what, text string) {
	t.Helper()
	bad := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if (r == utf8.RuneError && size == 1) || (r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp))) {
			if bad == 0 {
				t.Errorf("%s holds the raw character %q at byte %d: %q", what, r, i, text[max(0, i-80):min(len(text), i+40)])
			}
			bad++
		}
		i += size
	}
	if bad > 1 {
		t.Errorf("%s holds %d raw control or format characters in all", what, bad)
	}
	for n, line := range strings.Split(text, "\n") {
		if rest := strings.TrimLeftFunc(line, unicode.IsSpace); strings.HasPrefix(rest, "::") || strings.HasPrefix(rest, "##[") {
			t.Errorf("%s line %d is a CI workflow command: %q", what, n+1, line)
		}
	}
}

// Item 5: vendor text reaches the terminal and the CI log quoted.
func TestAccHostileVendorTextReachesTheTerminalQuoted(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "shows its error message, code and field names with control characters quoted", behaviour: "control-chars-in-error-422", vendors: allVendors,
			want: []string{`HTTP 422`, `{endpoint}`, `\\x1b\[2J`}, maxRequests: 1},
		{name: "shows its text error page with control characters quoted", behaviour: "control-chars-in-text-500", vendors: allVendors,
			want: []string{`HTTP 500`, `{endpoint}`, `\\x1b\[2J`}, maxRequests: 2},
		{name: "names a duplicated id with control characters quoted", behaviour: "control-chars-in-duplicate-id", vendors: []string{paygenticsandbox.Name, onepinsandbox.Name},
			want: []string{`{endpoint}`, `more than once`, `\\u202e`}, maxRequests: 2},
		{name: "lists the ids of two plans of one name with control characters quoted", behaviour: "control-chars-in-twin-ids", vendors: []string{onepinsandbox.Name},
			read: `data "pricing_onepin_plan" "read" { name = "Twin" }`, want: []string{`(?i)more than one`, `\\u202e`}, maxRequests: 2},
		{name: "answers a lookup 404 whose message is quoted", behaviour: "control-chars-in-lookup-404", vendors: []string{paygenticsandbox.Name}, lookup: true,
			want: []string{`HTTP 404`, `\\x1b\[2J`}, maxRequests: 1},
	})
}

// Item 5: the warning that a cached copy stands in for a failing vendor
// quotes the vendor's failure too.
func TestAccHostileCacheWarningQuotesTheVendorsFailure(t *testing.T) {
	t.Parallel()
	runHostileCacheCases(t, []hostileCacheCase{
		{name: "serves its copy with a warning that quotes the control characters of its 503", behaviour: "control-chars-after-first",
			vendors: []string{paygenticsandbox.Name, onepinsandbox.Name}, plans: []cachePlan{
				{requests: 2, version: ""},
				{requests: 2, want: []string{`Serving a cached`, `HTTP 503`, `\\x1b\[2J`}},
			}},
	})
}

// maxHugeErrorOutput bounds what terraform prints for a vendor error body
// of megabytes: the bounded message and ten field errors, framed.
const maxHugeErrorOutput = 24 << 10

// Item 9: an error body of megabytes prints a bounded diagnostic.
func TestAccHostileVendorErrorTextIsBounded(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "prints a bounded diagnostic for a 500 with a 2 MiB message and 20,000 field errors", behaviour: "huge-error-500", vendors: allVendors,
			want: []string{`HTTP 500`, `{endpoint}`}, maxRequests: 2, check: func(t *testing.T, h hostileRun) {
				if len(h.run.Output) > maxHugeErrorOutput {
					t.Errorf("terraform printed %d bytes, want at most %d", len(h.run.Output), maxHugeErrorOutput)
				}
			}},
	})
}
