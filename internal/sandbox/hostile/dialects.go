package hostile

import (
	"maps"
	"slices"
)

// Dialects names the vendors the server speaks, sorted; the provider's
// conformance test holds it to the registry.
func Dialects() []string {
	return slices.Sorted(maps.Keys(vendors))
}
