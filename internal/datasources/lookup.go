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

// Lookup is the attribute a user looks one item up by, and its value.
type Lookup[T any] struct {
	path  path.Path
	want  string                 // the value the user gave, as text
	text  func(T) (string, bool) // the item's value, as text; false when it has none
	quote bool                   // strings are quoted in diagnostics, numbers not
}

// StringLookup finds items whose string field equals want exactly.
func StringLookup[T any](attribute, want string, field func(T) *string) Lookup[T] {
	return Lookup[T]{path: path.Root(attribute), want: want, quote: true, text: func(item T) (string, bool) {
		if v := field(item); v != nil {
			return *v, true
		}
		return "", false
	}}
}

// NumberLookup finds items whose integer field equals want.
func NumberLookup[T any](attribute string, want int64, field func(T) int64) Lookup[T] {
	return Lookup[T]{path: path.Root(attribute), want: strconv.FormatInt(want, 10), text: func(item T) (string, bool) {
		return strconv.FormatInt(field(item), 10), true
	}}
}

func (k Lookup[T]) match(item T) bool {
	v, ok := k.text(item)
	return ok && v == k.want
}

// shown is the value the user gave, as diagnostics show it.
func (k Lookup[T]) shown() string { return showValue(k.want, k.quote) }

// suggestions are the items' values closest to the one the user gave.
func (k Lookup[T]) suggestions(all []T) []string {
	values := make([]string, 0, len(all))
	for _, item := range all {
		if v, ok := k.text(item); ok {
			values = append(values, v)
		}
	}
	return suggest(k.want, values)
}

// LookupNoun names what is looked up, for diagnostics.
type LookupNoun[T any] struct {
	One, Many string // "Acme plan", "Acme plans"
	Hint      string // what to do when several match
	ID        func(T) string
	Order     func(a, b T) int // how matches are listed; nil keeps API order
}

// FindOne returns the one item that matches key. When none match it adds
// an error on the key's attribute suggesting the closest values; when
// several do, one listing their ids; and returns false.
func FindOne[T any](diags *diag.Diagnostics, noun LookupNoun[T], key Lookup[T], all []T) (T, bool) {
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
		diags.AddAttributeError(key.path, "No "+noun.One+" found",
			fmt.Sprintf("No %s has %s %s%s (searched %d %s).", noun.One, key.path, key.shown(),
				didYouMean(key.suggestions(all), key.quote), len(all), lastWord(noun.Many)))
	default:
		if noun.Order != nil {
			slices.SortFunc(matches, noun.Order)
		}
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = noun.ID(m)
		}
		diags.AddAttributeError(key.path, "More than one "+noun.One+" found",
			fmt.Sprintf("%d %s have %s %s (ids %s); %s.", len(matches), noun.Many, key.path, key.shown(), httpapi.VendorList(ids), noun.Hint))
	}
	var zero T
	return zero, false
}

// lastWord turns "Acme pricings" into "pricings" for "searched N …".
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}
