package functions

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// planEntry is one plan of a list given to plan_changes.
type planEntry struct {
	id    string
	value attr.Value // the element as given
	attrs map[string]attr.Value
}

// planChange is one attribute of one plan that differs.
type planChange struct {
	id, attribute string
	before, after attr.Value
}

// planDiff is what plan_changes returns, before it becomes a value.
type planDiff struct {
	added, removed []planEntry
	changed        []planChange
}

// planEntries reads a list of plan objects: a list, set or tuple (a list
// data source's plans, or jsondecode of a committed file) whose every
// element is an object with an id. Two plans with one id are refused, since
// nothing could say which one changed.
func planEntries(ctx context.Context, v attr.Value) ([]planEntry, error) {
	elems, ok := elementsOf(unwrapDynamic(v))
	if !ok {
		return nil, fmt.Errorf("must be a list of plan objects, got %s", v.Type(ctx))
	}
	out := make([]planEntry, 0, len(elems))
	seen := map[string]int{}
	for i, e := range elems {
		attrs, ok := attributesOf(unwrapDynamic(e))
		if !ok {
			return nil, fmt.Errorf("element %d must be a plan object, got %s", i, e.Type(ctx))
		}
		id, err := planID(attrs["id"])
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		if j, dup := seen[id]; dup {
			return nil, fmt.Errorf("elements %d and %d have the same id %q; ids must be unique", j, i, id)
		}
		seen[id] = i
		out = append(out, planEntry{id: id, value: unwrapDynamic(e), attrs: attrs})
	}
	return out, nil
}

// planID is an id as text, whether the vendor's ids are strings or numbers,
// so that a file written by terraform output matches again.
func planID(v attr.Value) (string, error) {
	switch n := normalize(unwrapDynamic(v)).(type) {
	case string:
		if n != "" {
			return n, nil
		}
	case numberText:
		return string(n), nil
	}
	return "", errors.New("has no id (a non-empty string or a number)")
}

// diffPlans matches before and after by id. Added and removed plans keep
// their list's order; changes come in the order of after, then by
// attribute name.
func diffPlans(before, after []planEntry) planDiff {
	var d planDiff
	old := make(map[string]planEntry, len(before))
	for _, p := range before {
		old[p.id] = p
	}
	kept := map[string]bool{}
	for _, p := range after {
		prev, ok := old[p.id]
		if !ok {
			d.added = append(d.added, p)
			continue
		}
		kept[p.id] = true
		d.changed = append(d.changed, attributeChanges(p.id, prev.attrs, p.attrs)...)
	}
	for _, p := range before {
		if !kept[p.id] {
			d.removed = append(d.removed, p)
		}
	}
	return d
}

// attributeChanges lists the attributes whose values differ. An attribute
// absent on one side and null on the other has not changed: a list data
// source sends every attribute, null included, while a file may leave
// nulls out.
func attributeChanges(id string, before, after map[string]attr.Value) []planChange {
	names := map[string]bool{}
	for n := range before {
		names[n] = true
	}
	for n := range after {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var out []planChange
	for _, n := range sorted {
		b, a := before[n], after[n]
		if !reflect.DeepEqual(normalize(unwrapDynamic(b)), normalize(unwrapDynamic(a))) {
			out = append(out, planChange{id: id, attribute: n, before: b, after: a})
		}
	}
	return out
}

// numberText is a number by its exact decimal text, so 1, 1.0 and 1e0
// compare equal and no float rounding is involved.
type numberText string

// normalize turns a value into plain Go values that compare by content,
// whatever Terraform type carries them: a list, set or tuple is a slice
// (sets in a stable order), an object or map a map, a number its text.
// Null and absent (nil) are the same.
func normalize(v attr.Value) any {
	if v == nil || v.IsNull() || v.IsUnknown() {
		return nil
	}
	if elems, ok := elementsOf(v); ok {
		out := make([]any, len(elems))
		for i, e := range elems {
			out[i] = normalize(unwrapDynamic(e))
		}
		if _, isSet := v.(basetypes.SetValue); isSet {
			sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
		}
		return out
	}
	if attrs, ok := attributesOf(v); ok {
		out := make(map[string]any, len(attrs))
		for k, e := range attrs {
			if n := normalize(unwrapDynamic(e)); n != nil {
				out[k] = n
			}
		}
		return out
	}
	switch x := v.(type) {
	case basetypes.StringValue:
		return x.ValueString()
	case basetypes.BoolValue:
		return x.ValueBool()
	case basetypes.NumberValue:
		return numberText(x.ValueBigFloat().Text('g', -1))
	case basetypes.Int64Value:
		return numberText(new(big.Float).SetInt64(x.ValueInt64()).Text('g', -1))
	case basetypes.Float64Value:
		return numberText(big.NewFloat(x.ValueFloat64()).Text('g', -1))
	}
	return v.String()
}

func unwrapDynamic(v attr.Value) attr.Value {
	for {
		d, ok := v.(basetypes.DynamicValue)
		if !ok || d.IsNull() || d.IsUnknown() || d.IsUnderlyingValueNull() || d.IsUnderlyingValueUnknown() {
			return v
		}
		v = d.UnderlyingValue()
	}
}

func elementsOf(v attr.Value) ([]attr.Value, bool) {
	switch x := v.(type) {
	case basetypes.ListValue:
		return x.Elements(), true
	case basetypes.SetValue:
		return x.Elements(), true
	case basetypes.TupleValue:
		return x.Elements(), true
	}
	return nil, false
}

func attributesOf(v attr.Value) (map[string]attr.Value, bool) {
	switch x := v.(type) {
	case basetypes.ObjectValue:
		return x.Attributes(), true
	case basetypes.MapValue:
		return x.Elements(), true
	}
	return nil, false
}
