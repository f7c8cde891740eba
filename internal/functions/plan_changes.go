// Package functions holds the provider functions that know no vendor (Terraform 1.8 and later); a
// vendor's own functions live in its package.
package functions

import (
	"context"
	"errors"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ function.Function = (*PlanChangesFunction)(nil)

// NewPlanChangesFunction is provider::pricing::plan_changes.
func NewPlanChangesFunction() function.Function { return &PlanChangesFunction{} }

// PlanChangesFunction compares two lists of plans of any vendor, so a
// configuration can notice when a price it depends on changes.
type PlanChangesFunction struct{}

// Metadata names the function plan_changes.
func (f *PlanChangesFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "plan_changes"
}

// Definition declares plan_changes' two list parameters and its result.
func (f *PlanChangesFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Compare two lists of plans by id",
		Description: "Returns { added, removed, changed } between two lists of plan objects of any vendor, matched by id: " +
			"the plans only in after, the plans only in before, and one { id, attribute, before, after } per attribute that differs.",
		MarkdownDescription: "Compares two lists of plan objects of any vendor, matched by `id`, and returns an object with:\n\n" +
			"- `added`: the plans of `after` whose id is not in `before`, in `after`'s order;\n" +
			"- `removed`: the plans of `before` whose id is not in `after`, in `before`'s order;\n" +
			"- `changed`: one `{ id, attribute, before, after }` per attribute whose value differs, in `after`'s order of plans, " +
			"then by attribute name. Nested values (a plan's `prices` or `limits`) are compared whole.\n\n" +
			"Values compare by content, not by type: a list and a tuple with the same elements are equal, numbers compare exactly " +
			"(`1` equals `1.0`), and an attribute that is absent on one side and null on the other has not changed, " +
			"so a list read from a committed `terraform output -json` file compares cleanly with the data source's. " +
			"Ids may be strings or numbers; two plans with one id in a list are an error naming the argument. " +
			"The function makes no request.",
		Parameters: []function.Parameter{
			function.DynamicParameter{
				Name:                "before",
				Description:         "The earlier list of plans, for example jsondecode(file(\"prices.json\")).",
				MarkdownDescription: "The earlier list of plans, for example `jsondecode(file(\"prices.json\"))`.",
			},
			function.DynamicParameter{
				Name:                "after",
				Description:         "The later list of plans, for example data.pricing_<vendor>_plans.all.plans.",
				MarkdownDescription: "The later list of plans, for example `data.pricing_<vendor>_plans.all.plans`.",
			},
		},
		Return: function.DynamicReturn{},
	}
}

// Run returns the plans added, removed and changed between the two lists.
func (f *PlanChangesFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var before, after types.Dynamic
	if resp.Error = req.Arguments.Get(ctx, &before, &after); resp.Error != nil {
		return
	}
	d, ferr := planChanges(ctx, before, after)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	result, err := d.value(ctx)
	if err != nil {
		resp.Error = function.NewFuncError("Unable to build the result: " + err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, types.DynamicValue(result))
}

// planChanges reads both lists, each error pointing at its argument, and
// compares them.
func planChanges(ctx context.Context, before, after types.Dynamic) (planDiff, *function.FuncError) {
	old, err := planEntries(ctx, before)
	if err != nil {
		return planDiff{}, function.NewArgumentFuncError(0, "before "+err.Error())
	}
	now, err := planEntries(ctx, after)
	if err != nil {
		return planDiff{}, function.NewArgumentFuncError(1, "after "+err.Error())
	}
	return diffPlans(old, now), nil
}

// value is the diff as a Terraform object of tuples, each element keeping
// the type it came with (plans of several vendors may differ).
func (d planDiff) value(ctx context.Context) (attr.Value, error) {
	added := make([]attr.Value, len(d.added))
	for i, p := range d.added {
		added[i] = p.value
	}
	removed := make([]attr.Value, len(d.removed))
	for i, p := range d.removed {
		removed[i] = p.value
	}
	changed := make([]attr.Value, len(d.changed))
	for i, c := range d.changed {
		v, err := c.value(ctx)
		if err != nil {
			return nil, err
		}
		changed[i] = v
	}
	return objectOf(ctx, map[string]attr.Value{
		"added":   tupleOf(ctx, added),
		"removed": tupleOf(ctx, removed),
		"changed": tupleOf(ctx, changed),
	})
}

func (c planChange) value(ctx context.Context) (attr.Value, error) {
	before, after := unwrapDynamic(c.before), unwrapDynamic(c.after)
	var err error
	// An absent attribute shows as null, of the other side's type.
	if before == nil {
		if before, err = nullOf(ctx, after.Type(ctx)); err != nil {
			return nil, err
		}
	}
	if after == nil {
		if after, err = nullOf(ctx, before.Type(ctx)); err != nil {
			return nil, err
		}
	}
	return objectOf(ctx, map[string]attr.Value{
		"id":        types.StringValue(c.id),
		"attribute": types.StringValue(c.attribute),
		"before":    before,
		"after":     after,
	})
}

func tupleOf(ctx context.Context, elems []attr.Value) attr.Value {
	elemTypes := make([]attr.Type, len(elems))
	for i, e := range elems {
		elemTypes[i] = e.Type(ctx)
	}
	return types.TupleValueMust(elemTypes, elems)
}

func objectOf(ctx context.Context, attrs map[string]attr.Value) (attr.Value, error) {
	attrTypes := make(map[string]attr.Type, len(attrs))
	for k, v := range attrs {
		attrTypes[k] = v.Type(ctx)
	}
	obj, diags := types.ObjectValue(attrTypes, attrs)
	if diags.HasError() {
		return nil, diagsError(diags)
	}
	return obj, nil
}

func nullOf(ctx context.Context, t attr.Type) (attr.Value, error) {
	return t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
}

// diagsError is the framework's diagnostics as one error.
func diagsError(diags diag.Diagnostics) error {
	var msgs []string
	for _, d := range diags.Errors() {
		msgs = append(msgs, d.Summary()+": "+d.Detail())
	}
	return errors.New(strings.Join(msgs, "; "))
}
