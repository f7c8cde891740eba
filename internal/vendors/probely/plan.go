package probely

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

var (
	_ datasource.DataSource              = (*PlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*PlanDataSource)(nil)
)

// NewPlanDataSource is the pricing_probely_plan data source.
func NewPlanDataSource() datasource.DataSource {
	return &PlanDataSource{VendorDataSource: datasources.NewVendorDataSource[*Client](Vendor, "plan")}
}

// PlanDataSource looks up one Probely plan by id.
type PlanDataSource struct {
	datasources.VendorDataSource[*Client]
}

// Schema describes pricing_probely_plan.
func (d *PlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Probely plan by `id`. Probely has no single-plan endpoint, so the provider reads " +
			"the plan list (shared with any `pricing_probely_plans` of the same run) and fails when no plan has that id, suggesting the closest ids.",
		Attributes: planAttributes(true),
	}
	datasources.AddFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *PlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model planState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.RequireKey(&resp.Diagnostics) {
		return
	}

	list, fetched, err := d.Client.ListPlans(ctx)
	if err != nil {
		d.AddReadError(&resp.Diagnostics, "Probely plans", err)
		return
	}

	plan, ok := datasources.FindOne(&resp.Diagnostics, planNoun,
		datasources.StringLookup("id", model.ID.ValueString(), func(p Plan) *string { return &p.ID }), list.Plans)
	if !ok {
		return
	}
	money := datasources.NewMoneyConverter(d.Vendor.Title)
	state := planState{planFrom(plan, money.Convert(plan.Money(d.Client.PriceUnit()))), datasources.FetchedFrom(&resp.Diagnostics, fetched)}
	if money.AppendTo(&resp.Diagnostics); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
}

// The client has already checked that ids are unique, so the noun's hint
// is never shown.
var planNoun = datasources.LookupNoun[Plan]{
	One: "Probely plan", Many: "Probely plans",
	Hint: "look the plan up by id instead",
	ID:   func(p Plan) string { return p.ID },
}

// planState is the lookup's state: the plan, and when it was
// fetched.
type planState struct {
	planModel
	datasources.FetchedModel
}
