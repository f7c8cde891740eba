package acme

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// NewPlansDataSource is the pricing_acme_plans data source.
func NewPlansDataSource() datasource.DataSource { return datasources.NewList(Vendor, planList) }

var planList = datasources.ListSpec[*Client, plansModel, Plan, planModel]{
	Name: "plans", Noun: "Acme plans", Schema: plansSchema,
	Read: func(c *Client, _ *plansModel) httpapi.Read[[]Plan] { return c.Plans() },

	Item: func(_ context.Context, _ *Client, _ *plansModel, p Plan, money *datasources.MoneyConverter) (planModel, diag.Diagnostics) {
		return planModel{ID: types.StringValue(p.ID), Name: types.StringPointerValue(p.Name), MoneyModel: money.Convert(p.Money())}, nil
	},
	Store: func(m *plansModel, items []planModel, fetched datasources.FetchedModel) {
		m.Plans, m.FetchedModel = items, fetched
	},
	Catalog: func(_ *Client, p Plan) clients.CatalogPlan {
		usd := "USD"
		m, err := p.Money()
		return clients.CatalogPlan{ID: p.ID, Name: p.Name, Currency: &usd, Money: m, MoneyErr: err}
	},
}

type plansModel struct {
	Plans []planModel `tfsdk:"plans"`
	datasources.FetchedModel
}

type planModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	datasources.MoneyModel
}

// plansSchema describes pricing_acme_plans.
func plansSchema() schema.Schema {
	plan := map[string]schema.Attribute{
		"id":   schema.StringAttribute{MarkdownDescription: "Plan id.", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Plan name.", Computed: true},
	}
	datasources.AddMoneyAttributes(plan, datasources.MoneyDocs{
		Amount: "The plan's `price`, in USD.", Period: "Always `P1M`.",
	})
	return schema.Schema{
		MarkdownDescription: "Lists Acme's plans.",
		Attributes: map[string]schema.Attribute{
			"plans": schema.ListNestedAttribute{
				MarkdownDescription: "Every plan, in API order.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: plan},
			},
		},
	}
}
