package functions

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// plan builds a plan object from name/value pairs.
func plan(kv ...any) attr.Value {
	attrs := map[string]attr.Value{}
	for i := 0; i < len(kv); i += 2 {
		name, okName := kv[i].(string)
		value, okValue := kv[i+1].(attr.Value)
		if !okName || !okValue {
			panic(fmt.Sprintf("plan: pair %d is %T, %T; want string, attr.Value", i/2, kv[i], kv[i+1]))
		}
		attrs[name] = value
	}
	v, err := objectOf(context.Background(), attrs)
	if err != nil {
		panic(err)
	}
	return v
}

func num(s string) attr.Value {
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return types.NumberValue(f)
}

func str(s string) attr.Value { return types.StringValue(s) }

func plans(elems ...attr.Value) types.Dynamic {
	return types.DynamicValue(tupleOf(context.Background(), elems))
}

func runPlanChanges(t *testing.T, before, after types.Dynamic) (planDiff, *function.FuncError) {
	t.Helper()
	ctx := context.Background()
	d, ferr := planChanges(ctx, before, after)
	if ferr != nil {
		return d, ferr
	}
	if _, err := d.value(ctx); err != nil {
		t.Fatalf("the diff does not make a value: %v", err)
	}
	return d, nil
}

func ids(entries []planEntry) string {
	var s []string
	for _, e := range entries {
		s = append(s, e.id)
	}
	return strings.Join(s, ",")
}

func changes(d planDiff) string {
	var s []string
	for _, c := range d.changed {
		s = append(s, c.id+"."+c.attribute)
	}
	return strings.Join(s, ",")
}

func TestPlanChanges(t *testing.T) {
	t.Parallel()
	prices := func(amounts ...string) attr.Value {
		var elems []attr.Value
		for _, a := range amounts {
			elems = append(elems, plan("unitAmount", str(a)))
		}
		return tupleOf(context.Background(), elems)
	}
	tests := []struct {
		name                     string
		before, after            types.Dynamic
		added, removed, modified string
	}{
		{"identical lists have no changes",
			plans(plan("id", str("a"), "price", num("1"))), plans(plan("id", str("a"), "price", num("1"))), "", "", ""},
		{"a plan only in after is added, one only in before removed",
			plans(plan("id", str("a")), plan("id", str("b"))), plans(plan("id", str("b")), plan("id", str("c"))), "c", "a", ""},
		{"a changed price is one change per attribute, in after's order",
			plans(plan("id", str("a"), "price", num("1"), "name", str("A")), plan("id", str("b"), "price", num("2"))),
			plans(plan("id", str("b"), "price", num("3")), plan("id", str("a"), "price", num("1"), "name", str("Alpha"))), "", "", "b.price,a.name"},
		{"numbers compare exactly, not by spelling",
			plans(plan("id", str("a"), "price", num("1.50"))), plans(plan("id", str("a"), "price", num("1.5"))), "", "", ""},
		{"a nested list is compared whole",
			plans(plan("id", str("a"), "prices", prices("1", "2"))), plans(plan("id", str("a"), "prices", prices("1", "3"))), "", "", "a.prices"},
		{"null and absent are the same",
			plans(plan("id", str("a"), "price", types.NumberNull())), plans(plan("id", str("a"))), "", "", ""},
		{"a value that becomes null is a change",
			plans(plan("id", str("a"), "price", num("5"))), plans(plan("id", str("a"), "price", types.NumberNull())), "", "", "a.price"},
		{"numeric ids match across a file and a data source",
			plans(plan("id", num("7"), "name", str("x"))), plans(plan("id", types.Int64Value(7), "name", str("y"))), "", "", "7.name"},
		{"a list and a tuple of the same plans are equal",
			types.DynamicValue(types.ListValueMust(types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType}},
				[]attr.Value{plan("id", str("a"))})),
			plans(plan("id", str("a"))), "", "", ""},
		{"empty lists have no changes", plans(), plans(), "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, ferr := runPlanChanges(t, tt.before, tt.after)
			if ferr != nil {
				t.Fatalf("error: %v", ferr)
			}
			if got := ids(d.added); got != tt.added {
				t.Errorf("added = %q, want %q", got, tt.added)
			}
			if got := ids(d.removed); got != tt.removed {
				t.Errorf("removed = %q, want %q", got, tt.removed)
			}
			if got := changes(d); got != tt.modified {
				t.Errorf("changed = %q, want %q", got, tt.modified)
			}
		})
	}
}

func TestPlanChangesRefusesListsItCannotMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		before, after types.Dynamic
		want          string
	}{
		{"duplicate ids", plans(plan("id", str("a")), plan("id", str("a"))), plans(), `before elements 0 and 1 have the same id "a"`},
		{"a plan without id", plans(), plans(plan("name", str("x"))), "after element 0: has no id"},
		{"an empty id", plans(plan("id", str(""))), plans(), "before element 0: has no id"},
		{"not a list", types.DynamicValue(str("x")), plans(), "before must be a list of plan objects"},
		{"an element that is not an object", plans(str("x")), plans(), "before element 0 must be a plan object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, ferr := runPlanChanges(t, tt.before, tt.after)
			if ferr == nil || !strings.Contains(ferr.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", ferr, tt.want)
			}
		})
	}
}
