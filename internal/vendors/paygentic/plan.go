package paygentic

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// NewPlanDataSource is the pricing_paygentic_plan data source.
func NewPlanDataSource() datasource.DataSource { return datasources.NewLookup(Vendor, planLookup) }

var planLookup = datasources.LookupSpec[*Client, planState, Plan]{
	Name:   "plan",
	Schema: planSchema,
	What:   func(m *planState) string { return fmt.Sprintf("Paygentic plan %q", m.ID.ValueString()) },
	Find: func(ctx context.Context, c *Client, m *planState) (Plan, httpapi.Fetched, error) {
		id := m.ID.ValueString()
		p, fetched, err := c.GetPlan(ctx, id)
		switch {
		case httpapi.FailureOf(err) == httpapi.NotFound:
			return Plan{}, fetched, datasources.NotFound("id", "Paygentic plan not found", fmt.Sprintf("No Paygentic plan has id %q.\n\n%s", id, err))
		case err != nil:
			return Plan{}, fetched, err
		}
		return *p, fetched, nil
	},
	State: func(_ context.Context, _ *Client, _ *planState, p Plan, money *datasources.MoneyConverter, fetched datasources.FetchedModel) (any, diag.Diagnostics) {
		return &planState{planFrom(p, money.Convert(p.Money())), fetched}, nil
	},
}

// planSchema describes pricing_paygentic_plan.
func planSchema() schema.Schema {
	attrs := planAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the plan to read (`plan_…`).",
		Required:            true,
		Validators: []validator.String{
			stringvalidator.RegexMatches(planIDPattern, "must match ^plan_ (a Paygentic plan id)"),
		},
	}
	return schema.Schema{
		MarkdownDescription: "Reads one Paygentic plan by id (`GET /v0/plans/{id}`). A plan that does not exist is an error.",
		Attributes:          attrs,
	}
}

// planState is the lookup's state: the plan, and when it was
// fetched.
type planState struct {
	planModel
	datasources.FetchedModel
}
