package onepin

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// NewPlanDataSource is the pricing_onepin_plan data source.
func NewPlanDataSource() datasource.DataSource { return datasources.NewLookup(Vendor, planLookup) }

// OnePin has no single-plan endpoint: the lookup reads the plan list,
// shared with any pricing_onepin_plans of the same run.
var planLookup = datasources.LookupSpec[*Client, planState, Plan]{
	Name: "plan", Public: true, Schema: planSchema,
	ConfigValidators: []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	},
	What: func(*planState) string { return "OnePin plans" },
	Find: datasources.InListing((*Client).Plans, planNoun, func(m *planState) datasources.Lookup[Plan] { return planKey(m.planModel) }),
	State: func(ctx context.Context, _ *Client, _ *planState, p Plan, money *datasources.MoneyConverter, fetched datasources.FetchedModel) (any, diag.Diagnostics) {
		plan, diags := planFrom(ctx, p, money.Convert(p.Money()))
		return planState{plan, fetched}, diags
	},
}

// planSchema describes pricing_onepin_plan.
func planSchema() schema.Schema {
	attrs := planAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the plan to find (exact).",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the plan to find (exact, case-sensitive).",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	return schema.Schema{
		MarkdownDescription: "Looks up one OnePin billing plan by exactly one of `id` or `name`. " +
			"OnePin has no single-plan endpoint, so the provider reads the plan list (shared with any " +
			"`pricing_onepin_plans` of the same run) and fails unless exactly one plan matches; when none does, the error suggests the closest values (`did you mean …?`). No API key is needed.",
		Attributes: attrs,
	}
}

var planNoun = datasources.LookupNoun[Plan]{
	One: "OnePin plan", Many: "OnePin plans",
	Hint: "look the plan up by id instead",
	ID:   func(p Plan) string { return p.ID },
}

// planKey is the one of id and name the user gave.
func planKey(model planModel) datasources.Lookup[Plan] {
	if !model.ID.IsNull() {
		return datasources.StringLookup("id", model.ID.ValueString(), func(p Plan) *string { return &p.ID })
	}
	return datasources.StringLookup("name", model.Name.ValueString(), func(p Plan) *string { return p.Name })
}

// planState is the lookup's state: the plan, and when it was
// fetched.
type planState struct {
	planModel
	datasources.FetchedModel
}
