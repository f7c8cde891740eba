package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

var (
	_ datasource.DataSource                     = (*OnepinPlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*OnepinPlanDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*OnepinPlanDataSource)(nil)
)

// NewOnepinPlanDataSource is the pricing_onepin_plan data source.
func NewOnepinPlanDataSource() datasource.DataSource {
	return &OnepinPlanDataSource{vendorDataSource: newVendorDataSource[*clients.Onepin](clients.OnepinVendor, "plan")}
}

func init() { register(NewOnepinPlanDataSource) }

// OnepinPlanDataSource looks up one OnePin plan by id or name.
type OnepinPlanDataSource struct {
	vendorDataSource[*clients.Onepin]
}

// Schema describes pricing_onepin_plan.
func (d *OnepinPlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := onepinPlanAttributes()
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
	addFetchedAtAttribute(resp.Schema.Attributes)
}

// ConfigValidators require exactly one of id and name.
func (d *OnepinPlanDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *OnepinPlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model onepinPlanState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, report := httpapi.WithFetchReport(ctx)
	list, err := d.client.ListPlans(ctx)
	if err != nil {
		d.addReadError(&resp.Diagnostics, "OnePin plans", err)
		return
	}

	match, ok := findOne(&resp.Diagnostics, onepinPlanNoun, onepinPlanKey(model.onepinPlanModel), list.Plans)
	if !ok {
		return
	}
	money := newMoneyConverter(d.vendor.Title)
	plan, diags := onepinPlanFrom(ctx, match, money.convert(match.Money()))
	resp.Diagnostics.Append(diags...)
	if money.appendTo(&resp.Diagnostics); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, onepinPlanState{plan, fetchedFromReport(&resp.Diagnostics, report)})...)
	}
}

var onepinPlanNoun = lookupNoun[clients.OnepinPlan]{
	one: "OnePin plan", many: "OnePin plans",
	hint: "look the plan up by id instead",
	id:   func(p clients.OnepinPlan) string { return p.ID },
}

// onepinPlanKey is the one of id and name the user gave.
func onepinPlanKey(model onepinPlanModel) lookup[clients.OnepinPlan] {
	if !model.ID.IsNull() {
		return stringLookup("id", model.ID.ValueString(), func(p clients.OnepinPlan) *string { return &p.ID })
	}
	return stringLookup("name", model.Name.ValueString(), func(p clients.OnepinPlan) *string { return p.Name })
}

// onepinPlanState is the lookup's state: the plan, and when it was
// fetched.
type onepinPlanState struct {
	onepinPlanModel
	fetchedModel
}
