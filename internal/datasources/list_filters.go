package datasources

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The provider-side filters of the list data sources. They run on the
// listing every data source of the run shares (one read per distinct API
// query), before anything is written to state, so a configuration that
// needs a handful of plans stores a handful.

// IDsAttribute is the ids filter; what names the items ("plans").
func IDsAttribute(what string, elem attr.Type) schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: fmt.Sprintf("Keep only the %s with these ids (exact, case-sensitive). Ids the listing does not hold are "+
			"left out without an error (use the lookup data source to require one). An empty set keeps no %s; unset keeps all.", what, what),
		ElementType: elem,
		Optional:    true,
	}
}

// NameRegexAttribute is the name_regex filter.
func NameRegexAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Keep only the %s whose name matches this regular expression (RE2 syntax, as Terraform's `regex()`; "+
			"unanchored, so use `^…$` for a whole-name match). Items without a name never match. Checked at plan time.", what),
		Optional:   true,
		Validators: []validator.String{regexValidator{}},
	}
}

// ExactAttribute is a filter on one vendor field, compared exactly. A
// field free of validators can hold a value in the wrong case, which
// warnCaseOnlyMisses reports.
func ExactAttribute(description string, validators ...validator.String) schema.StringAttribute {
	if len(validators) == 0 {
		description += " A value the listing holds only in another case keeps nothing and gives a warning naming the vendor's spelling."
	}
	return schema.StringAttribute{MarkdownDescription: description, Optional: true, Validators: validators}
}

// IncludeAttribute switches a heavy nested part of every item on or off.
func IncludeAttribute(part, what string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("Whether each of the %s carries `%s`. Defaults to `true`; `false` leaves `%s` null in every item, "+
			"for a smaller state when only the other attributes are needed. The request to the API is the same either way.", what, part, part),
		Optional: true,
	}
}

// Included reads an include_* attribute: unset is true.
func Included(v types.Bool) bool { return v.IsNull() || v.ValueBool() }

// listFilter is the ids and name_regex filters of one read.
type listFilter struct {
	IDs  map[string]struct{} // nil: no ids filter
	name *regexp.Regexp      // nil: no name filter
}

// idKey is the text an id element is compared as.
type idKey interface{ types.String | types.Int64 }

// NewListFilter reads the filters from the configuration: a nil ids is no
// filter, an empty one keeps nothing. name_regex was validated at plan
// time, but is compiled again here and reported against its attribute if
// it fails.
func NewListFilter[T idKey](ids []T, nameRegex types.String) (listFilter, diag.Diagnostics) {
	var f listFilter
	var diags diag.Diagnostics
	if ids != nil {
		f.IDs = make(map[string]struct{}, len(ids))
		for _, e := range ids {
			switch v := any(e).(type) {
			case types.String:
				f.IDs[v.ValueString()] = struct{}{}
			case types.Int64:
				f.IDs[strconv.FormatInt(v.ValueInt64(), 10)] = struct{}{}
			}
		}
	}
	if !nameRegex.IsNull() && !nameRegex.IsUnknown() {
		re, err := regexp.Compile(nameRegex.ValueString())
		if err != nil {
			diags.AddAttributeError(nameRegexPath, invalidRegexSummary, invalidRegexDetail("name_regex", nameRegex.ValueString(), err))
			return f, diags
		}
		f.name = re
	}
	return f, diags
}

// Keep reports whether an item with this id and name passes the filters.
func (f listFilter) Keep(id string, name *string) bool {
	if f.IDs != nil {
		if _, ok := f.IDs[id]; !ok {
			return false
		}
	}
	return f.name == nil || (name != nil && f.name.MatchString(*name))
}

// matchesExact reports whether a vendor field passes an exact filter; a
// null filter lets every item through, a null field passes none.
func matchesExact(got *string, filter types.String) bool {
	return filter.IsNull() || (got != nil && *got == filter.ValueString())
}

// FilteredCap is the capacity to reserve for the items of a listing of n
// that pass f: at most as many as ids names.
func FilteredCap(f listFilter, n int) int {
	if f.IDs != nil {
		return min(n, len(f.IDs))
	}
	return n
}

// ListFilters are every filter of one list read: ids and name_regex on
// each item's identity, the exact filters, and any other the list has.
type ListFilters[T any] struct {
	byIDAndName listFilter
	identity    func(T) (id string, name *string)
	// Exact are the exact filters, warned about when they match only by case.
	Exact []ExactFilter[T]
	// Also is one more filter; nil keeps every item.
	Also func(T) bool
}

// FilterBy reads the ids and name_regex filters from the configuration
// (see NewListFilter) for a listing whose items are known by identity.
func FilterBy[T any, K idKey](ids []K, nameRegex types.String, identity func(T) (id string, name *string), exact ...ExactFilter[T]) (ListFilters[T], diag.Diagnostics) {
	f, diags := NewListFilter(ids, nameRegex)
	return ListFilters[T]{byIDAndName: f, identity: identity, Exact: exact}, diags
}

// keep reports whether item passes every filter.
func (f ListFilters[T]) keep(item T) bool {
	if f.identity != nil {
		if id, name := f.identity(item); !f.byIDAndName.Keep(id, name) {
			return false
		}
	}
	return KeepsAll(item, f.Exact) && (f.Also == nil || f.Also(item))
}

// capacity is how many of a listing of n items may pass: at most as many as ids names.
func (f ListFilters[T]) capacity(n int) int { return FilteredCap(f.byIDAndName, n) }
