package datasources

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// lookup is the attribute a user looks one item up by, and its value.
type lookup[T any] struct {
	path  path.Path
	want  string                 // the value the user gave, as text
	text  func(T) (string, bool) // the item's value, as text; false when it has none
	quote bool                   // strings are quoted in diagnostics, numbers not
}

// stringLookup finds items whose string field equals want exactly.
func stringLookup[T any](attribute, want string, field func(T) *string) lookup[T] {
	return lookup[T]{path: path.Root(attribute), want: want, quote: true, text: func(item T) (string, bool) {
		if v := field(item); v != nil {
			return *v, true
		}
		return "", false
	}}
}

// numberLookup finds items whose integer field equals want.
func numberLookup[T any](attribute string, want int64, field func(T) int64) lookup[T] {
	return lookup[T]{path: path.Root(attribute), want: strconv.FormatInt(want, 10), text: func(item T) (string, bool) {
		return strconv.FormatInt(field(item), 10), true
	}}
}

func (k lookup[T]) match(item T) bool {
	v, ok := k.text(item)
	return ok && v == k.want
}

// shown is the value the user gave, as diagnostics show it.
func (k lookup[T]) shown() string { return showValue(k.want, k.quote) }

// suggestions are the items' values closest to the one the user gave.
func (k lookup[T]) suggestions(all []T) []string {
	values := make([]string, 0, len(all))
	for _, item := range all {
		if v, ok := k.text(item); ok {
			values = append(values, v)
		}
	}
	return suggest(k.want, values)
}

// lookupNoun names what is looked up, for diagnostics.
type lookupNoun[T any] struct {
	one, many string // "OnePin plan", "OnePin plans"
	hint      string // what to do when several match
	id        func(T) string
	order     func(a, b T) int // how matches are listed; nil keeps API order
}

// findOne returns the one item that matches key. When none match it adds
// an error on the key's attribute suggesting the closest values; when
// several do, one listing their ids; and returns false.
func findOne[T any](diags *diag.Diagnostics, noun lookupNoun[T], key lookup[T], all []T) (T, bool) {
	var matches []T
	for _, item := range all {
		if key.match(item) {
			matches = append(matches, item)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], true
	case 0:
		diags.AddAttributeError(key.path, "No "+noun.one+" found",
			fmt.Sprintf("No %s has %s %s%s (searched %d %s).", noun.one, key.path, key.shown(),
				didYouMean(key.suggestions(all), key.quote), len(all), lastWord(noun.many)))
	default:
		if noun.order != nil {
			slices.SortFunc(matches, noun.order)
		}
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = noun.id(m)
		}
		diags.AddAttributeError(key.path, "More than one "+noun.one+" found",
			fmt.Sprintf("%d %s have %s %s (ids %s); %s.", len(matches), noun.many, key.path, key.shown(), httpapi.VendorList(ids), noun.hint))
	}
	var zero T
	return zero, false
}

// lastWord turns "identifAI pricings" into "pricings" for "searched N …".
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}
