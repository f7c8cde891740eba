package datasources

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ExactFilter is a list filter on one vendor field, compared exactly
// ("currency", "tier" …).
type ExactFilter[T any] struct {
	attribute string
	value     types.String // null: no filter
	field     func(T) *string
}

// ExactOn is the filter of attribute on field.
func ExactOn[T any](attribute string, value types.String, field func(T) *string) ExactFilter[T] {
	return ExactFilter[T]{attribute: attribute, value: value, field: field}
}

// KeepsAll reports whether item passes every filter; a null filter lets
// every item through, a null field passes none.
func KeepsAll[T any](item T, filters []ExactFilter[T]) bool {
	for _, f := range filters {
		if !matchesExact(f.field(item), f.value) {
			return false
		}
	}
	return true
}

// WarnCaseOnlyMisses adds a warning for each filter whose value no item
// has, though some item has it but for case: filters are case-sensitive,
// and "usd" keeping no plan is otherwise only an empty list. noun names
// the items ("Acme plans"). Each filter is checked against the whole
// listing, whatever the other filters keep.
func WarnCaseOnlyMisses[T any](diags *diag.Diagnostics, noun string, items []T, filters []ExactFilter[T]) {
	for _, f := range filters {
		if f.value.IsNull() || f.value.IsUnknown() {
			continue
		}
		if near := caseOnlyMatches(f, items); len(near) > 0 {
			diags.AddAttributeWarning(path.Root(f.attribute), "Filter matches only by case", fmt.Sprintf(
				"No %s have %s %s, which keeps none of them; %s differs only by case. The filter is case-sensitive: "+
					"use the value as the vendor spells it.", noun, f.attribute, showValue(f.value.ValueString(), true), joinOr(showAll(near, true))))
		}
	}
}

// caseOnlyMatches is nil when some item has f's value exactly, and
// otherwise the values that equal it but for case.
func caseOnlyMatches[T any](f ExactFilter[T], items []T) []string {
	want := f.value.ValueString()
	values := make([]string, 0, len(items))
	for _, item := range items {
		v := f.field(item)
		if v == nil {
			continue
		}
		if *v == want {
			return nil
		}
		if strings.EqualFold(*v, want) {
			values = append(values, *v)
		}
	}
	return equalFold(want, values)
}
