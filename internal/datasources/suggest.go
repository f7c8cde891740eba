package datasources

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agext/levenshtein"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// maxSuggestions is how many near misses a diagnostic names at most.
const maxSuggestions = 3

// maxSuggestedRunes is the longest value near misses are looked for.
const maxSuggestedRunes = 128

// maxShownRunes cuts a vendor's value quoted in a diagnostic, so a
// hostile vendor cannot fill the terminal.
const maxShownRunes = 64

// suggest returns the candidates a user who typed want most likely meant:
// those equal to it but for case when there are any, otherwise the
// closest by edit distance (case-insensitive, as HCL's own suggestions)
// within a distance that grows with want's length, nearest first.
// Duplicates count once.
func suggest(want string, candidates []string) []string {
	if utf8.RuneCountInString(want) > maxSuggestedRunes {
		return nil // no one mistypes a value this long; the cost grows with its square
	}
	if folded := equalFold(want, candidates); len(folded) > 0 {
		return folded
	}
	limit := suggestionDistance(want)
	lowerWant := strings.ToLower(want)
	wantLen := utf8.RuneCountInString(want)
	type near struct {
		text     string
		distance int
	}
	var nears []near
	seen := map[string]bool{}
	for _, c := range candidates {
		// The distance is at least the difference in length: a cheap
		// bound that keeps a long hostile listing from costing much.
		if seen[c] || c == want || abs(utf8.RuneCountInString(c)-wantLen) > limit {
			continue
		}
		seen[c] = true
		if d := levenshtein.Distance(lowerWant, strings.ToLower(c), nil); d <= limit {
			nears = append(nears, near{c, d})
		}
	}
	slices.SortFunc(nears, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.distance, b.distance), cmp.Compare(a.text, b.text))
	})
	out := make([]string, 0, min(len(nears), maxSuggestions))
	for _, n := range nears[:min(len(nears), maxSuggestions)] {
		out = append(out, n.text)
	}
	return out
}

// equalFold returns the distinct candidates equal to want but for case,
// sorted, at most maxSuggestions.
func equalFold(want string, candidates []string) []string {
	var out []string
	for _, c := range candidates {
		if c != want && strings.EqualFold(c, want) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out[:min(len(out), maxSuggestions)]
}

// suggestionDistance is how many edits away a candidate may be: one for
// short values, where two edits turn "pro" into almost anything, up to a
// third of longer ones.
func suggestionDistance(want string) int {
	return max(1, utf8.RuneCountInString(want)/3)
}

// didYouMean is `; did you mean "a" or "b"?`, or nothing without
// suggestions. quote is false for numbers.
func didYouMean(suggestions []string, quote bool) string {
	if len(suggestions) == 0 {
		return ""
	}
	return "; did you mean " + joinOr(showAll(suggestions, quote)) + "?"
}

// showValue is a value as a diagnostic quotes it, cut when long.
func showValue(s string, quote bool) string {
	s = httpapi.ShortText(s, maxShownRunes)
	if quote {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// showAll is each value as showValue shows it.
func showAll(values []string, quote bool) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = showValue(v, quote)
	}
	return out
}

// joinOr is "a", "a or b", "a, b or c".
func joinOr(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
