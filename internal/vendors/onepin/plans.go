package onepin

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

// NewPlansDataSource is the pricing_onepin_plans data source.
func NewPlansDataSource() datasource.DataSource { return datasources.NewList(Vendor, planList) }

// planList lists OnePin's plans: a public list, read without a key.
var planList = datasources.ListSpec[*Client, plansModel, Plan, planModel]{
	Name: "plans", Noun: "OnePin plans", Public: true, Schema: plansSchema,
	Read: func(c *Client, _ *plansModel) httpapi.Read[[]Plan] { return c.Plans() },

	Filters: func(m *plansModel) (datasources.ListFilters[Plan], diag.Diagnostics) {
		return datasources.FilterBy(m.IDs, m.NameRegex, func(p Plan) (string, *string) { return p.ID, p.Name },
			datasources.ExactOn("tier", m.Tier, func(p Plan) *string { return p.Tier }),
			datasources.ExactOn("billing_interval", m.BillingInterval, func(p Plan) *string { return p.BillingInterval }),
			datasources.ExactOn("currency", m.Currency, func(p Plan) *string { return p.Currency }),
		)
	},
	Item: func(ctx context.Context, _ *Client, _ *plansModel, p Plan, money *datasources.MoneyConverter) (planModel, diag.Diagnostics) {
		return planFrom(ctx, p, money.Convert(p.Money()))
	},
	Store: func(m *plansModel, items []planModel, fetched datasources.FetchedModel) {
		m.Plans, m.Total, m.FetchedModel = items, types.Int64Value(int64(len(items))), fetched
	},
	Catalog: func(_ *Client, p Plan) clients.CatalogPlan {
		m, err := p.Money()
		return clients.CatalogPlan{ID: p.ID, Name: p.Name, Currency: p.Currency, Money: m, MoneyErr: err}
	},
}

type plansModel struct {
	IDs             []types.String `tfsdk:"ids"`
	NameRegex       types.String   `tfsdk:"name_regex"`
	Tier            types.String   `tfsdk:"tier"`
	BillingInterval types.String   `tfsdk:"billing_interval"`
	Currency        types.String   `tfsdk:"currency"`
	Plans           []planModel    `tfsdk:"plans"`
	Total           types.Int64    `tfsdk:"total"`
	datasources.FetchedModel
}

// planModel is one plan, shared by the list and the lookup.
type planModel struct {
	ID              types.String   `tfsdk:"id"`
	Name            types.String   `tfsdk:"name"`
	Tier            types.String   `tfsdk:"tier"`
	BillingInterval types.String   `tfsdk:"billing_interval"`
	Amount          types.Number   `tfsdk:"amount"`
	Currency        types.String   `tfsdk:"currency"`
	DisplayOrder    types.Number   `tfsdk:"display_order"`
	Limits          types.Map      `tfsdk:"limits"`
	PlanDetails     []sectionModel `tfsdk:"plan_details"`
	datasources.MoneyModel
}

// plansSchema describes pricing_onepin_plans.
func plansSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists every OnePin billing plan (`GET /api/v1/billing/plans`), in API order. " +
			"The list is public: no API key is needed, and the workspace id configured in the provider's `onepin` block is sent as `X-Workspace-Id`. " +
			"The provider follows `pagination.next` to the last page, only on the configured base URL's origin, and fails rather than return a partial list. " +
			"The filters run on the provider's side, after the one read of the listing every data source of the run shares, and before the state is written.",
		Attributes: map[string]schema.Attribute{
			"ids":              datasources.IDsAttribute("plans", types.StringType),
			"name_regex":       datasources.NameRegexAttribute("plans"),
			"tier":             datasources.ExactAttribute("Keep only the plans of this tier: `free`, `paid` or `custom` (exact, case-sensitive)."),
			"billing_interval": datasources.ExactAttribute("Keep only the plans with this billing interval, such as `monthly` or `yearly` (exact, case-sensitive)."),
			"currency":         datasources.ExactAttribute("Keep only the plans in this ISO 4217 currency, such as `USD` (exact, case-sensitive)."),
			"plans": schema.ListNestedAttribute{
				MarkdownDescription: "The plans that pass the filters, in API order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: planAttributes(),
				},
			},
			"total": schema.Int64Attribute{
				MarkdownDescription: "Number of plans in `plans`, after the filters (OnePin reports no total; unfiltered, this counts every page).",
				Computed:            true,
			},
		},
	}
}

var moneyDocs = datasources.MoneyDocs{
	Currency: "currency",
	Amount: "Read exactly from `amount` in the currency's ISO 4217 minor unit: 29.99 for 2999 USD, 500 for 500 JPY, 1.234 for 1234 KWD. " +
		"Null when the plan has no amount, or is priced on request; null with a warning when its currency is missing or no ISO 4217 code " +
		"(its minor unit is unknown, so the provider does not guess it), or the amount is a fraction of a minor unit.",
	Period:    "Read from `billing_interval`: `weekly` is `P1W`, `monthly` `P1M`, `quarterly` `P3M`, `yearly` or `annual` `P1Y`.",
	OnRequest: "True for a `custom` tier plan of `amount` 0, which OnePin uses for \"contact us\".",
}

// planAttributes are a plan's attributes, all computed; the lookup
// data source makes id and name its arguments.
func planAttributes() map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id":   schema.StringAttribute{MarkdownDescription: "Plan id (a UUID).", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Display name of the plan.", Computed: true},
		"tier": schema.StringAttribute{
			MarkdownDescription: "Plan tier: `free`, `paid` or `custom`. A `custom` plan with an `amount` of 0 is priced on request, not free.",
			Computed:            true,
		},
		"billing_interval": schema.StringAttribute{MarkdownDescription: "How often the plan is billed, such as `monthly` or `yearly`.", Computed: true},
		"amount": schema.NumberAttribute{
			MarkdownDescription: "Price per billing interval in the currency's minor units, exactly as OnePin sends it (`2999` is 29.99 USD). " +
				"An amount of 0 on a `custom` tier plan means the price is on request, not that the plan is free.",
			Computed: true,
		},
		"currency":      schema.StringAttribute{MarkdownDescription: "ISO 4217 currency code of `amount` as OnePin sends it, such as `USD` or `usd` (OnePin may send lower case).", Computed: true},
		"display_order": schema.NumberAttribute{MarkdownDescription: "Position of the plan in OnePin's own plan listings.", Computed: true},
		"limits": schema.MapAttribute{
			MarkdownDescription: "The plan's limits, keyed as OnePin sends them (`projects`, `users`, `storage_gb` and any other key, such as `support`). " +
				"OnePin's SDK also shows `monthly_credits`, `seats`, `retention_days`, `byok_enabled`, `supported_languages` and more. " +
				"Every value is text: a number exactly as sent (`\"50\"`), `\"unlimited\"`, or another string (`\"priority\"`); " +
				"booleans read `\"true\"`/`\"false\"`, lists and objects read as compact JSON text (`[\"en\",\"ko\"]`, use `jsondecode()`). " +
				"A limit OnePin sends as null is kept as null: OnePin means unlimited (or, for `retention_days`, custom), never 0. " +
				"Use `tonumber()` after checking for null and `\"unlimited\"`.",
			ElementType: types.StringType,
			Computed:    true,
		},
	}
	attrs["plan_details"] = detailsAttribute()
	datasources.AddMoneyAttributes(attrs, moneyDocs)
	return attrs
}

func planFrom(ctx context.Context, p Plan, money datasources.MoneyModel) (planModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m := planModel{
		ID:              types.StringValue(p.ID),
		Name:            types.StringPointerValue(p.Name),
		Tier:            types.StringPointerValue(p.Tier),
		BillingInterval: types.StringPointerValue(p.BillingInterval),
		Amount:          datasources.JSONNumberValue(p.Amount),
		Currency:        types.StringPointerValue(p.Currency),
		DisplayOrder:    datasources.JSONNumberValue(p.DisplayOrder),
		PlanDetails:     detailsFrom(p.PlanDetails),
		MoneyModel:      money,
	}
	limits := p.LimitTexts()
	if limits == nil {
		m.Limits = types.MapNull(types.StringType)
	} else {
		var d diag.Diagnostics
		m.Limits, d = types.MapValueFrom(ctx, types.StringType, limits)
		diags.Append(d...)
	}
	return m, diags
}
