package probely

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// currencies are the currency codes Probely documents for a plan.
var currencies = []string{"USD", "EUR", "GBP"}

// NewPlansDataSource is the pricing_probely_plans data source.
func NewPlansDataSource() datasource.DataSource { return datasources.NewList(Vendor, planList) }

var planList = datasources.ListSpec[*Client, plansModel, Plan, planModel]{
	Name: "plans", Noun: "Probely plans", Schema: plansSchema,
	Read: func(c *Client, _ *plansModel) httpapi.Read[[]Plan] { return c.Plans() },

	Filters: func(m *plansModel) (datasources.ListFilters[Plan], diag.Diagnostics) {
		return datasources.FilterBy(m.IDs, m.NameRegex, func(p Plan) (string, *string) { return p.ID, p.Name },
			datasources.ExactOn("family", m.Family, func(p Plan) *string { return p.Family }),
			datasources.ExactOn("currency_code", m.CurrencyCode, func(p Plan) *string { return p.CurrencyCode }),
			datasources.ExactOn("period_unit", m.PeriodUnit, func(p Plan) *string { return p.PeriodUnit }),
		)
	},
	Item: func(_ context.Context, c *Client, m *plansModel, p Plan, money *datasources.MoneyConverter) (planModel, diag.Diagnostics) {
		if !datasources.Included(m.IncludeCreditsPacks) {
			p.AllowedCreditsPacks = nil
		}
		return planFrom(p, money.Convert(p.Money(c.PriceUnit()))), nil
	},
	Store: func(m *plansModel, items []planModel, fetched datasources.FetchedModel) {
		m.Plans, m.Total, m.FetchedModel = items, types.Int64Value(int64(len(items))), fetched
	},
	Catalog: func(c *Client, p Plan) clients.CatalogPlan {
		m, err := p.Money(c.PriceUnit())
		return clients.CatalogPlan{ID: p.ID, Name: p.Name, Currency: p.CurrencyCode, Money: m, MoneyErr: err}
	},
}

type plansModel struct {
	Family              types.String   `tfsdk:"family"`
	CurrencyCode        types.String   `tfsdk:"currency_code"`
	IDs                 []types.String `tfsdk:"ids"`
	NameRegex           types.String   `tfsdk:"name_regex"`
	PeriodUnit          types.String   `tfsdk:"period_unit"`
	IncludeCreditsPacks types.Bool     `tfsdk:"include_credits_packs"`
	Plans               []planModel    `tfsdk:"plans"`
	Total               types.Int64    `tfsdk:"total"`
	datasources.FetchedModel
}

type planModel struct {
	ID                  types.String       `tfsdk:"id"`
	Name                types.String       `tfsdk:"name"`
	Family              types.String       `tfsdk:"family"`
	Description         types.String       `tfsdk:"description"`
	IsTrial             types.Bool         `tfsdk:"is_trial"`
	ChargeModel         types.String       `tfsdk:"charge_model"`
	Price               types.Number       `tfsdk:"price"`
	CurrencyCode        types.String       `tfsdk:"currency_code"`
	Period              types.Number       `tfsdk:"period"`
	PeriodUnit          types.String       `tfsdk:"period_unit"`
	AllowedScanProfiles []types.String     `tfsdk:"allowed_scan_profiles"`
	AllowedCreditsPacks []creditsPackModel `tfsdk:"allowed_credits_packs"`
	Discount            types.Number       `tfsdk:"discount"`
	Savings             types.Number       `tfsdk:"savings"`
	TiersJSON           types.String       `tfsdk:"tiers_json"`
	datasources.MoneyModel
}

type creditsPackModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Price        types.Number `tfsdk:"price"`
	CurrencyCode types.String `tfsdk:"currency_code"`
	PackAmount   types.Number `tfsdk:"pack_amount"`
	Discount     types.Number `tfsdk:"discount"`
	Savings      types.Number `tfsdk:"savings"`
}

// plansSchema describes pricing_probely_plans.
func plansSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists Probely's plans (`GET /plans/`), in API order. The provider reads every page and fails " +
			"rather than return a partial list. `family` and `currency_code` filter the list in the provider; the API is always asked for every plan.",
		Attributes: map[string]schema.Attribute{
			"family": schema.StringAttribute{
				MarkdownDescription: "Keep only the plans of this family (exact, case-sensitive), such as `enterprise`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"currency_code": schema.StringAttribute{
				MarkdownDescription: "Keep only the plans priced in this currency: `USD`, `EUR` or `GBP`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(currencies...)},
			},
			"ids":        datasources.IDsAttribute("plans", types.StringType),
			"name_regex": datasources.NameRegexAttribute("plans"),
			"period_unit": datasources.ExactAttribute("Keep only the plans billed by this period unit: `week`, `month` or `year`.",
				stringvalidator.OneOf("week", "month", "year")),
			"include_credits_packs": datasources.IncludeAttribute("allowed_credits_packs", "plans"),
			"plans": schema.ListNestedAttribute{
				MarkdownDescription: "The plans that pass the filters, in API order.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: planAttributes(false)},
			},
			"total": schema.Int64Attribute{
				MarkdownDescription: "Number of plans in `plans`, that is after the filters are applied " +
					"(without filters, the number of plans the API has).",
				Computed: true,
			},
		},
	}
}

var moneyDocs = datasources.MoneyDocs{
	Currency: "currency_code",
	Amount: "Read from `price`, which Probely's OpenAPI 1.2.0 documents as \"Price in cents\": scaled by the ISO 4217 minor unit of " +
		"`currency_code` (4900 USD cents is 49), or taken as is when the provider's `probely.price_unit` is `major`. A price of 0 is 0. " +
		"Null, with a warning, when `currency_code` is empty or no ISO 4217 code, or `price` is a fraction of a cent: never a guess.",
	Period: "Read from `period` and `period_unit` (1 `year` is `P1Y`, 6 `month` is `P6M`); null for a plan of `period` 0, which does not renew.",
}

// planAttributes is the schema of one plan, shared by the list and
// the lookup; the lookup takes id as its argument.
func planAttributes(idIsArgument bool) map[string]schema.Attribute {
	id := schema.StringAttribute{MarkdownDescription: "Plan identifier, such as `enterprise-base-eur`.", Computed: true}
	if idIsArgument {
		id = schema.StringAttribute{
			MarkdownDescription: "Identifier of the plan to find (exact, case-sensitive), such as `enterprise-base-eur`.",
			Required:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	attrs := map[string]schema.Attribute{
		"id":           id,
		"name":         schema.StringAttribute{MarkdownDescription: "Plan name.", Computed: true},
		"family":       schema.StringAttribute{MarkdownDescription: "Plan family, such as `enterprise`.", Computed: true},
		"description":  schema.StringAttribute{MarkdownDescription: "Plan description; may be empty.", Computed: true},
		"is_trial":     schema.BoolAttribute{MarkdownDescription: "Whether the plan includes a trial.", Computed: true},
		"charge_model": schema.StringAttribute{MarkdownDescription: "How the plan is charged: `per_unit`, `flat_fee`, `volume` or `tiered`; may be empty (`\"\"`), as Probely's API sends it for its default plan.", Computed: true},
		"price": schema.NumberAttribute{
			MarkdownDescription: "Price exactly as the API sends it: in cents (minor units of `currency_code`), as Probely's OpenAPI 1.2.0 " +
				"documents it. `price_amount` is the same price in the major unit. Null when the API sends no price.",
			Computed: true,
		},
		"currency_code": schema.StringAttribute{MarkdownDescription: "Currency of `price`, such as `USD`, `EUR` or `GBP`; may be empty (`\"\"`) on a free plan.", Computed: true},
		"period":        schema.NumberAttribute{MarkdownDescription: "The plan is billed every `period` `period_unit`s. Probely sends it as a number, or as text (its OpenAPI 1.2.0 types it so): both are read.", Computed: true},
		"period_unit":   schema.StringAttribute{MarkdownDescription: "Unit of the billing period: `week`, `month` or `year`.", Computed: true},
		"allowed_scan_profiles": schema.ListAttribute{
			MarkdownDescription: "Built-in scan profiles the plan allows, such as `lightning`, `safe`, `normal` and `full`. " +
				"The API sends this list as `allowed_scan_profiles` or as `allowed_builtin_scan_profiles`; either fills this attribute.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"allowed_credits_packs": schema.ListNestedAttribute{
			MarkdownDescription: "Scan-credit packs that can be bought with the plan.",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: creditsPackAttributes()},
		},
		"discount": schema.NumberAttribute{MarkdownDescription: "Discount of the plan, as the API sends it. Null when absent.", Computed: true},
		"savings":  schema.NumberAttribute{MarkdownDescription: "Savings of the plan, in the unit of `price`, as the API sends it. Null when absent.", Computed: true},
		"tiers_json": schema.StringAttribute{
			MarkdownDescription: "The plan's free-form `tiers` object as compact JSON text, numbers exactly as sent; " +
				"read it with `jsondecode()`. Null when the API sends no tiers or `null`.",
			Computed: true,
		},
	}
	datasources.AddMoneyAttributes(attrs, moneyDocs)
	return attrs
}

func creditsPackAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":            schema.StringAttribute{MarkdownDescription: "Credits pack identifier.", Computed: true},
		"name":          schema.StringAttribute{MarkdownDescription: "Credits pack name.", Computed: true},
		"price":         schema.NumberAttribute{MarkdownDescription: "Price of the pack exactly as the API sends it, in `currency_code`, not converted.", Computed: true},
		"currency_code": schema.StringAttribute{MarkdownDescription: "Currency of `price`: `USD`, `EUR`, `GBP`, or empty.", Computed: true},
		"pack_amount":   schema.NumberAttribute{MarkdownDescription: "Number of scan credits in the pack.", Computed: true},
		"discount":      schema.NumberAttribute{MarkdownDescription: "Discount of the pack, as the API sends it.", Computed: true},
		"savings":       schema.NumberAttribute{MarkdownDescription: "Savings of the pack, in the unit of `price`, as the API sends it.", Computed: true},
	}
}

// planFrom maps a client plan and its money to the Terraform model.
func planFrom(p Plan, money datasources.MoneyModel) planModel {
	m := planModel{
		ID:           types.StringValue(p.ID),
		Name:         types.StringPointerValue(p.Name),
		Family:       types.StringPointerValue(p.Family),
		Description:  types.StringPointerValue(p.Description),
		IsTrial:      types.BoolPointerValue(p.IsTrial),
		ChargeModel:  types.StringPointerValue(p.ChargeModel),
		Price:        datasources.JSONNumberValue(p.Price),
		CurrencyCode: types.StringPointerValue(p.CurrencyCode),
		Period:       datasources.JSONNumberValue(p.Period),
		PeriodUnit:   types.StringPointerValue(p.PeriodUnit),
		Discount:     datasources.JSONNumberValue(p.Discount),
		Savings:      datasources.JSONNumberValue(p.Savings),
		TiersJSON:    types.StringNull(),
		MoneyModel:   money,
	}
	if p.AllowedScanProfiles != nil {
		m.AllowedScanProfiles = make([]types.String, len(p.AllowedScanProfiles))
		for i, s := range p.AllowedScanProfiles {
			m.AllowedScanProfiles[i] = types.StringValue(s)
		}
	}
	if p.AllowedCreditsPacks != nil {
		m.AllowedCreditsPacks = make([]creditsPackModel, len(p.AllowedCreditsPacks))
		for i, c := range p.AllowedCreditsPacks {
			m.AllowedCreditsPacks[i] = creditsPackFrom(c)
		}
	}
	if p.Tiers != nil {
		m.TiersJSON = types.StringValue(string(p.Tiers))
	}
	return m
}

func creditsPackFrom(c CreditsPack) creditsPackModel {
	return creditsPackModel{
		ID:           types.StringPointerValue(c.ID),
		Name:         types.StringPointerValue(c.Name),
		Price:        datasources.JSONNumberValue(c.Price),
		CurrencyCode: types.StringPointerValue(c.CurrencyCode),
		PackAmount:   datasources.JSONNumberValue(c.PackAmount),
		Discount:     datasources.JSONNumberValue(c.Discount),
		Savings:      datasources.JSONNumberValue(c.Savings),
	}
}
