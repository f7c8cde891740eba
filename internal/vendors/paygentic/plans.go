package paygentic

import (
	"context"
	"regexp"

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

// NewPlansDataSource is the pricing_paygentic_plans data source.
func NewPlansDataSource() datasource.DataSource { return datasources.NewList(Vendor, planList) }

// planList lists Paygentic's plans; the catalogue reads them all, as
// pricing_paygentic_plans does without merchant_id and product_id.
var planList = datasources.ListSpec[*Client, plansModel, Plan, planModel]{
	Name: "plans", Noun: "Paygentic plans", Schema: plansSchema,
	Read: func(c *Client, m *plansModel) httpapi.Read[[]Plan] {
		return c.Plans(ListPlansInput{MerchantID: m.MerchantID.ValueString(), ProductID: m.ProductID.ValueString()})
	},

	Filters: func(m *plansModel) (datasources.ListFilters[Plan], diag.Diagnostics) {
		return datasources.FilterBy(m.IDs, m.NameRegex, func(p Plan) (string, *string) { return p.ID, p.Name },
			datasources.ExactOn("currency", m.Currency, func(p Plan) *string { return p.Currency }),
			datasources.ExactOn("billing_cadence", m.BillingCadence, func(p Plan) *string { return p.BillingCadence }),
		)
	},
	Item: func(_ context.Context, _ *Client, m *plansModel, p Plan, money *datasources.MoneyConverter) (planModel, diag.Diagnostics) {
		if !datasources.Included(m.IncludePrices) {
			p.Prices = nil
		}
		return planFrom(p, money.Convert(p.Money())), nil
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
	MerchantID     types.String   `tfsdk:"merchant_id"`
	ProductID      types.String   `tfsdk:"product_id"`
	IDs            []types.String `tfsdk:"ids"`
	NameRegex      types.String   `tfsdk:"name_regex"`
	Currency       types.String   `tfsdk:"currency"`
	BillingCadence types.String   `tfsdk:"billing_cadence"`
	IncludePrices  types.Bool     `tfsdk:"include_prices"`
	Plans          []planModel    `tfsdk:"plans"`
	Total          types.Int64    `tfsdk:"total"`
	datasources.FetchedModel
}

// planModel is one plan, as listed and as looked up by id.
type planModel struct {
	ID                 types.String            `tfsdk:"id"`
	Name               types.String            `tfsdk:"name"`
	Description        types.String            `tfsdk:"description"`
	InvoiceDisplayName types.String            `tfsdk:"invoice_display_name"`
	Currency           types.String            `tfsdk:"currency"`
	BillingCadence     types.String            `tfsdk:"billing_cadence"`
	BillingInterval    types.String            `tfsdk:"billing_interval"`
	Price              types.String            `tfsdk:"price"`
	DefaultTaxCode     types.String            `tfsdk:"default_tax_code"`
	DefaultTaxRate     types.Number            `tfsdk:"default_tax_rate"`
	TaxBehavior        types.String            `tfsdk:"tax_behavior"`
	MerchantID         types.String            `tfsdk:"merchant_id"`
	ProductID          types.String            `tfsdk:"product_id"`
	CreatedAt          types.String            `tfsdk:"created_at"`
	UpdatedAt          types.String            `tfsdk:"updated_at"`
	Prices             []priceModel            `tfsdk:"prices"`
	BillsInAdvance     types.Bool              `tfsdk:"bills_in_advance"`
	BillsInArrears     types.Bool              `tfsdk:"bills_in_arrears"`
	CreditAllocations  []creditAllocationModel `tfsdk:"credit_allocations"`
	datasources.MoneyModel
}

var (
	merchantIDPattern = regexp.MustCompile(`^org_`)
	productIDPattern  = regexp.MustCompile(`^prod_`)
	planIDPattern     = regexp.MustCompile(`^plan_`)
)

// plansSchema describes pricing_paygentic_plans.
func plansSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists every Paygentic plan (`GET /v0/plans`), optionally filtered by merchant and product, in API order. " +
			"The provider reads pages of 100 plans (the API's maximum) concurrently and fails rather than return a partial list. " +
			"`ids`, `name_regex`, `currency` and `billing_cadence` filter on the provider's side, after the one read of the listing " +
			"that every data source with the same `merchant_id` and `product_id` shares, and before the state is written.",
		Attributes: map[string]schema.Attribute{
			"merchant_id": schema.StringAttribute{
				MarkdownDescription: "Only plans of this merchant organization (`org_…`), passed to the API as `merchantId`.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(merchantIDPattern, "must match ^org_ (a Paygentic merchant organization id)"),
				},
			},
			"product_id": schema.StringAttribute{
				MarkdownDescription: "Only plans of this product (`prod_…`), passed to the API as `productId`.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(productIDPattern, "must match ^prod_ (a Paygentic product id)"),
				},
			},
			"ids":        datasources.IDsAttribute("plans", types.StringType),
			"name_regex": datasources.NameRegexAttribute("plans"),
			"currency":   datasources.ExactAttribute("Keep only the plans in this ISO 4217 currency, such as `USD` (exact, case-sensitive)."),
			"billing_cadence": datasources.ExactAttribute("Keep only the plans billed at this cadence: `P1M`, `P3M` or `P1Y`.",
				stringvalidator.OneOf("P1M", "P3M", "P1Y")),
			"include_prices": datasources.IncludeAttribute("prices", "plans"),
			"plans": schema.ListNestedAttribute{
				MarkdownDescription: "The plans that pass the filters, in API order.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: planAttributes()},
			},
			"total": schema.Int64Attribute{
				MarkdownDescription: "Number of plans in `plans`: the number the API reported for `merchant_id` and `product_id` " +
					"when no provider-side filter is set.",
				Computed: true,
			},
		},
	}
}

var moneyDocs = datasources.MoneyDocs{
	Currency: "currency",
	Amount: "The plan-level `price` when the plan has one, read exactly (`\"49990000000\"` nano-units is 49.99, as Paygentic's reference page " +
		"reads it; the current API schema has no such field). Otherwise the plan's fixed charge: the sum of `unit_price × quantity` (quantity 1 " +
		"when absent) over its `standard` prices paid `in_advance`, all in the plan's `currency`. Usage prices (`in_arrears`) never enter it. " +
		"Null when the plan has neither, or when a fixed charge cannot be summed exactly: a price in another currency, one without " +
		"`unit_price`, or prices listed only by id.",
	Period: "Read from `billingCadence`, or the deprecated `billingInterval` (`monthly` is `P1M`) on plans without one.",
}

// planAttributes is the schema of one plan, shared by the list and
// the lookup by id.
func planAttributes() map[string]schema.Attribute {
	computedString := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	attrs := map[string]schema.Attribute{
		"id":                   computedString("Plan id (`plan_…`)."),
		"name":                 computedString("Name of the plan."),
		"description":          computedString("Description of the plan."),
		"invoice_display_name": computedString("Name of the plan as shown on invoices."),
		"currency":             computedString("ISO 4217 currency code of the plan, such as `USD`."),
		"billing_cadence":      computedString("How often the plan bills, as an ISO 8601 duration: `P1M`, `P3M` or `P1Y`."),
		"billing_interval": computedString("Billing interval such as `monthly`. Deprecated by Paygentic: use `billing_cadence` instead. " +
			"Null on plans that no longer carry it."),
		"price": computedString("Plan-level price exactly as the API sends it, in atomic units of 10^-9 of `currency` " +
			"(`\"49990000000\"` is 49.99) as Paygentic's reference page shows it. Paygentic's current API schema has no plan-level price, " +
			"so it is null on most plans: see `price_amount` for the price read from `prices`."),
		"default_tax_code": computedString("Default tax code of the plan, such as `eservice`."),
		"default_tax_rate": schema.NumberAttribute{
			MarkdownDescription: "Default tax rate in percent (`8.5` is 8.5%), exactly as the API sends it.",
			Computed:            true,
		},
		"tax_behavior": computedString("Whether prices include tax: `exclusive` or `inclusive`."),
		"merchant_id":  computedString("Merchant organization id (`org_…`) that owns the plan."),
		"product_id":   computedString("Product id (`prod_…`) the plan belongs to."),
		"created_at":   computedString("Creation time, RFC 3339, as sent by the API."),
		"updated_at":   computedString("Last update time, RFC 3339, as sent by the API."),
		"prices": schema.ListNestedAttribute{
			MarkdownDescription: "The plan's prices, in API order: fixed charges (`payment_term` `in_advance`) and usage (`in_arrears`). " +
				"Null when the plan has no `prices` key.",
			Computed:     true,
			NestedObject: schema.NestedAttributeObject{Attributes: priceAttributes()},
		},
	}
	planExtraAttributes(attrs)
	datasources.AddMoneyAttributes(attrs, moneyDocs)
	return attrs
}

// planFrom maps a client plan to its Terraform model; absent
// fields become null.
func planFrom(p Plan, money datasources.MoneyModel) planModel {
	m := planModel{
		ID:                 types.StringValue(p.ID),
		Name:               types.StringPointerValue(p.Name),
		Description:        types.StringPointerValue(p.Description),
		InvoiceDisplayName: types.StringPointerValue(p.InvoiceDisplayName),
		Currency:           types.StringPointerValue(p.Currency),
		BillingCadence:     types.StringPointerValue(p.BillingCadence),
		BillingInterval:    types.StringPointerValue(p.BillingInterval),
		Price:              types.StringPointerValue(p.Price),
		DefaultTaxCode:     types.StringPointerValue(p.DefaultTaxCode),
		DefaultTaxRate:     types.NumberNull(),
		TaxBehavior:        types.StringPointerValue(p.TaxBehavior),
		MerchantID:         types.StringPointerValue(p.MerchantID),
		ProductID:          types.StringPointerValue(p.ProductID),
		CreatedAt:          types.StringPointerValue(p.CreatedAt),
		UpdatedAt:          types.StringPointerValue(p.UpdatedAt),
		MoneyModel:         money,
	}
	if p.DefaultTaxRate != nil {
		m.DefaultTaxRate = datasources.NumberValue(p.DefaultTaxRate.String())
	}
	if p.Prices != nil {
		m.Prices = make([]priceModel, len(p.Prices))
		for i, pr := range p.Prices {
			m.Prices[i] = priceFrom(pr)
		}
	}
	planExtrasFrom(p, &m)
	return m
}
