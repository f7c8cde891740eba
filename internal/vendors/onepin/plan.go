package onepin

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

var (
	_ datasource.DataSource                     = (*PlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*PlanDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*PlanDataSource)(nil)
)

// NewPlanDataSource is the pricing_onepin_plan data source.
func NewPlanDataSource() datasource.DataSource {
	return &PlanDataSource{VendorDataSource: datasources.NewVendorDataSource[*Client](Vendor, "plan")}
}

// PlanDataSource looks up one OnePin plan by id or name.
type PlanDataSource struct {
	datasources.VendorDataSource[*Client]
}

// Schema describes pricing_onepin_plan.
func (d *PlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
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
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one OnePin billing plan by exactly one of `id` or `name`. " +
			"OnePin has no single-plan endpoint, so the provider reads the plan list (shared with any " +
			"`pricing_onepin_plans` of the same run) and fails unless exactly one plan matches; when none does, the error suggests the closest values (`did you mean …?`). No API key is needed.",
		Attributes: attrs,
	}
	datasources.AddFetchedAtAttribute(resp.Schema.Attributes)
}

// ConfigValidators require exactly one of id and name.
func (d *PlanDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *PlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model planState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, fetched, err := d.Client.ListPlans(ctx)
	if err != nil {
		d.AddReadError(&resp.Diagnostics, "OnePin plans", err)
		return
	}

	match, ok := datasources.FindOne(&resp.Diagnostics, planNoun, planKey(model.planModel), list.Plans)
	if !ok {
		return
	}
	money := datasources.NewMoneyConverter(d.Vendor.Title)
	plan, diags := planFrom(ctx, match, money.Convert(match.Money()))
	resp.Diagnostics.Append(diags...)
	if money.AppendTo(&resp.Diagnostics); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, planState{plan, datasources.FetchedFrom(&resp.Diagnostics, fetched)})...)
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
