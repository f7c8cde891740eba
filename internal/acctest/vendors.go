package acctest

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// VendorNames are the registered vendors' names (vendors.All), in
// documentation order: the list a test iterates instead of writing one.
func VendorNames() []string {
	names := make([]string, len(vendors.All))
	for i, v := range vendors.All {
		names[i] = v.Name
	}
	return names
}

// MissingVendors are the registered vendors has says no to.
func MissingVendors(has func(vendor string) bool) []string {
	var missing []string
	for _, v := range vendors.All {
		if !has(v.Name) {
			missing = append(missing, v.Name)
		}
	}
	return missing
}

// RequireEveryVendor fails tb naming each registered vendor that a
// hand-written per-vendor table, named list, has no entry for: a new vendor
// is then added to the table, not silently left out of the test.
func RequireEveryVendor[V any](tb testing.TB, list string, entries map[string]V) {
	tb.Helper()
	for _, v := range MissingVendors(func(vendor string) bool { _, ok := entries[vendor]; return ok }) {
		tb.Errorf("%s has no entry for the registered vendor %s", list, v)
	}
}
