package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
)

var (
	_ datasource.DataSource              = (*ProbelyPlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*ProbelyPlanDataSource)(nil)
)

// NewProbelyPlanDataSource is the pricing_probely_plan data source.
func NewProbelyPlanDataSource() datasource.DataSource {
	return &ProbelyPlanDataSource{}
}

// ProbelyPlanDataSource looks up one Probely plan by id.
type ProbelyPlanDataSource struct {
	data *ProviderData
}

func (d *ProbelyPlanDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_probely_plan"
}

func (d *ProbelyPlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one Probely plan by `id`. Probely has no single-plan endpoint, so the provider reads " +
			"the plan list (shared with any `pricing_probely_plans` of the same run) and fails when no plan has that id.",
		Attributes: probelyPlanAttributes(true),
	}
}

func (d *ProbelyPlanDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configureProviderData(req, resp)
}

func (d *ProbelyPlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model probelyPlanModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.data.requireKey(&resp.Diagnostics, "probely", d.data.Probely.HasAPIKey()) {
		return
	}

	list, err := d.data.Probely.ListPlans(ctx)
	if err != nil {
		d.data.addReadError(&resp.Diagnostics, "probely", "Probely plans", err)
		return
	}

	id := model.ID.ValueString()
	plan, ok := findProbelyPlan(list.Plans, id)
	if !ok {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "No Probely plan found",
			fmt.Sprintf("No Probely plan has id %q (searched %d plans).", id, len(list.Plans)))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, probelyPlanFrom(plan))...)
}

// findProbelyPlan finds the plan with the given id; the client has already
// checked that ids are unique.
func findProbelyPlan(plans []clients.ProbelyPlan, id string) (clients.ProbelyPlan, bool) {
	for _, p := range plans {
		if p.ID == id {
			return p, true
		}
	}
	return clients.ProbelyPlan{}, false
}
