package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

var (
	_ datasource.DataSource              = (*ProbelyPlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*ProbelyPlanDataSource)(nil)
)

// NewProbelyPlanDataSource is the pricing_probely_plan data source.
func NewProbelyPlanDataSource() datasource.DataSource {
	return &ProbelyPlanDataSource{vendorDataSource: newVendorDataSource[*clients.Probely](clients.ProbelyVendor, "plan")}
}

func init() { register(NewProbelyPlanDataSource) }

// ProbelyPlanDataSource looks up one Probely plan by id.
type ProbelyPlanDataSource struct {
	vendorDataSource[*clients.Probely]
}

// Schema describes pricing_probely_plan.
func (d *ProbelyPlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Probely plan by `id`. Probely has no single-plan endpoint, so the provider reads " +
			"the plan list (shared with any `pricing_probely_plans` of the same run) and fails when no plan has that id, suggesting the closest ids.",
		Attributes: probelyPlanAttributes(true),
	}
	addFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *ProbelyPlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model probelyPlanState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.requireKey(&resp.Diagnostics) {
		return
	}

	ctx, report := httpapi.WithFetchReport(ctx)
	list, err := d.client.ListPlans(ctx)
	if err != nil {
		d.addReadError(&resp.Diagnostics, "Probely plans", err)
		return
	}

	plan, ok := findOne(&resp.Diagnostics, probelyPlanNoun,
		stringLookup("id", model.ID.ValueString(), func(p clients.ProbelyPlan) *string { return &p.ID }), list.Plans)
	if !ok {
		return
	}
	money := newMoneyConverter(d.vendor.Title)
	state := probelyPlanState{probelyPlanFrom(plan, money.convert(plan.Money(d.client.PriceUnit()))), fetchedFromReport(&resp.Diagnostics, report)}
	if money.appendTo(&resp.Diagnostics); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
}

// The client has already checked that ids are unique, so the noun's hint
// is never shown.
var probelyPlanNoun = lookupNoun[clients.ProbelyPlan]{
	one: "Probely plan", many: "Probely plans",
	hint: "look the plan up by id instead",
	id:   func(p clients.ProbelyPlan) string { return p.ID },
}

// probelyPlanState is the lookup's state: the plan, and when it was
// fetched.
type probelyPlanState struct {
	probelyPlanModel
	fetchedModel
}
