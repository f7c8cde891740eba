package datasources

import (
	"context"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

var (
	_ datasource.DataSource              = (*PaygenticPlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*PaygenticPlanDataSource)(nil)
)

// NewPaygenticPlanDataSource is the pricing_paygentic_plan data source.
func NewPaygenticPlanDataSource() datasource.DataSource {
	return &PaygenticPlanDataSource{vendorDataSource: newVendorDataSource[*clients.Paygentic](clients.PaygenticVendor, "plan")}
}

func init() { register(NewPaygenticPlanDataSource) }

// PaygenticPlanDataSource reads one Paygentic plan by id.
type PaygenticPlanDataSource struct {
	vendorDataSource[*clients.Paygentic]
}

// Schema describes pricing_paygentic_plan.
func (d *PaygenticPlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := paygenticPlanAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the plan to read (`plan_…`).",
		Required:            true,
		Validators: []validator.String{
			stringvalidator.RegexMatches(paygenticPlanIDPattern, "must match ^plan_ (a Paygentic plan id)"),
		},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one Paygentic plan by id (`GET /v0/plans/{id}`). A plan that does not exist is an error.",
		Attributes:          attrs,
	}
	addFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *PaygenticPlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model paygenticPlanState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.requireKey(&resp.Diagnostics) {
		return
	}

	id := model.ID.ValueString()
	ctx, report := httpapi.WithFetchReport(ctx)
	plan, err := d.client.GetPlan(ctx, id)
	switch {
	case httpapi.IsStatus(err, http.StatusNotFound):
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Paygentic plan not found",
			fmt.Sprintf("No Paygentic plan has id %q.\n\n%s", id, err))
		return
	case err != nil:
		d.addReadError(&resp.Diagnostics, fmt.Sprintf("Paygentic plan %q", id), err)
		return
	}
	money := newMoneyConverter(d.vendor.Title)
	state := paygenticPlanState{paygenticPlanFrom(*plan, money.convert(plan.Money())), fetchedFromReport(&resp.Diagnostics, report)}
	if money.appendTo(&resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// paygenticPlanState is the lookup's state: the plan, and when it was
// fetched.
type paygenticPlanState struct {
	paygenticPlanModel
	fetchedModel
}
