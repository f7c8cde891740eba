package datasources

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// lookup is the attribute a user looks one item up by, and its value.
type lookup[T any] struct {
	path  path.Path
	value string // as shown in diagnostics: quoted for strings
	match func(T) bool
}

// lookupNoun names what is looked up, for diagnostics.
type lookupNoun[T any] struct {
	one, many string // "OnePin plan", "OnePin plans"
	hint      string // what to do when several match
	id        func(T) string
	order     func(a, b T) int // how matches are listed; nil keeps API order
}

// findOne returns the one item that matches key. When none or several
// match it adds an error on the key's attribute, listing the matches' ids,
// and returns false.
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
			fmt.Sprintf("No %s has %s %s (searched %d %s).", noun.one, key.path, key.value, len(all), lastWord(noun.many)))
	default:
		if noun.order != nil {
			slices.SortFunc(matches, noun.order)
		}
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = noun.id(m)
		}
		diags.AddAttributeError(key.path, "More than one "+noun.one+" found",
			fmt.Sprintf("%d %s have %s %s (ids %s); %s.", len(matches), noun.many, key.path, key.value, strings.Join(ids, ", "), noun.hint))
	}
	var zero T
	return zero, false
}

// lastWord turns "identifAI pricings" into "pricings" for "searched N …".
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}
