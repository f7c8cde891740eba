package probely

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// NewPlanDataSource is the pricing_probely_plan data source.
func NewPlanDataSource() datasource.DataSource { return datasources.NewLookup(Vendor, planLookup) }

// Probely has no single-plan endpoint: the lookup reads the plan list,
// shared with any pricing_probely_plans of the same run.
var planLookup = datasources.LookupSpec[*Client, planState, Plan]{
	Name: "plan",
	Schema: func() schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Looks up one Probely plan by `id`. Probely has no single-plan endpoint, so the provider reads " +
				"the plan list (shared with any `pricing_probely_plans` of the same run) and fails when no plan has that id, suggesting the closest ids.",
			Attributes: planAttributes(true),
		}
	},
	What: func(*planState) string { return "Probely plans" },
	Find: datasources.InListing((*Client).Plans, planNoun, func(m *planState) datasources.Lookup[Plan] {
		return datasources.StringLookup("id", m.ID.ValueString(), func(p Plan) *string { return &p.ID })
	}),
	State: func(_ context.Context, c *Client, _ *planState, p Plan, money *datasources.MoneyConverter, fetched datasources.FetchedModel) (any, diag.Diagnostics) {
		return planState{planFrom(p, money.Convert(p.Money(c.PriceUnit()))), fetched}, nil
	},
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
