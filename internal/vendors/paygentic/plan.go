package paygentic

import (
	"context"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

var (
	_ datasource.DataSource              = (*PlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*PlanDataSource)(nil)
)

// NewPlanDataSource is the pricing_paygentic_plan data source.
func NewPlanDataSource() datasource.DataSource {
	return &PlanDataSource{VendorDataSource: datasources.NewVendorDataSource[*Client](Vendor, "plan")}
}

// PlanDataSource reads one Paygentic plan by id.
type PlanDataSource struct {
	datasources.VendorDataSource[*Client]
}

// Schema describes pricing_paygentic_plan.
func (d *PlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := planAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the plan to read (`plan_…`).",
		Required:            true,
		Validators: []validator.String{
			stringvalidator.RegexMatches(planIDPattern, "must match ^plan_ (a Paygentic plan id)"),
		},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one Paygentic plan by id (`GET /v0/plans/{id}`). A plan that does not exist is an error.",
		Attributes:          attrs,
	}
	datasources.AddFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *PlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model planState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.RequireKey(&resp.Diagnostics) {
		return
	}

	id := model.ID.ValueString()
	plan, fetched, err := d.Client.GetPlan(ctx, id)
	switch {
	case httpapi.IsStatus(err, http.StatusNotFound):
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Paygentic plan not found",
			fmt.Sprintf("No Paygentic plan has id %q.\n\n%s", id, err))
		return
	case err != nil:
		d.AddReadError(&resp.Diagnostics, fmt.Sprintf("Paygentic plan %q", id), err)
		return
	}
	money := datasources.NewMoneyConverter(d.Vendor.Title)
	state := planState{planFrom(*plan, money.Convert(plan.Money())), datasources.FetchedFrom(&resp.Diagnostics, fetched)}
	if money.AppendTo(&resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// planState is the lookup's state: the plan, and when it was
// fetched.
type planState struct {
	planModel
	datasources.FetchedModel
}
