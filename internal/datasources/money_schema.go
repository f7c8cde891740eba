package datasources

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// MoneyModel is the price model every plan with a price carries beside the
// vendor's own fields, so plans of every vendor compare as numbers.
type MoneyModel struct {
	PriceAmount    types.Number `tfsdk:"price_amount"`
	BillingPeriod  types.String `tfsdk:"billing_period"`
	MonthlyAmount  types.Number `tfsdk:"monthly_amount"`
	PriceOnRequest types.Bool   `tfsdk:"price_on_request"`
}

// moneyFrom is the one place a money.Money becomes Terraform values.
func moneyFrom(m money.Money) MoneyModel {
	mm := MoneyModel{
		PriceAmount:    decimalValue(m.Amount),
		BillingPeriod:  types.StringNull(),
		MonthlyAmount:  decimalValue(m.Monthly()),
		PriceOnRequest: types.BoolValue(m.OnRequest),
	}
	if m.Period != nil {
		mm.BillingPeriod = types.StringValue(m.Period.String())
	}
	return mm
}

// decimalValue is an exact decimal as a Terraform number; null for nil.
func decimalValue(d *decimal.Decimal) types.Number {
	if d == nil {
		return types.NumberNull()
	}
	return NumberValue(d.String())
}

// MoneyDocs is what a vendor's money attributes say about it.
type MoneyDocs struct {
	Currency string // the attribute holding the currency: "currency"
	Amount   string // where price_amount comes from and when it is null
	Period   string // which fields billing_period is read from
	// OnRequest says when price_on_request is true; "" when the vendor has
	// no such price.
	OnRequest string
}

// AddMoneyAttributes adds the price model's attributes to a plan's schema.
func AddMoneyAttributes(attrs map[string]schema.Attribute, d MoneyDocs) {
	onRequest := d.OnRequest
	if onRequest == "" {
		onRequest = "Always `false`: this vendor has no price-on-request plans."
	}
	attrs["price_amount"] = schema.NumberAttribute{Computed: true, MarkdownDescription: fmt.Sprintf(
		"Price per `billing_period` as an exact number in the major unit of `%s` (49.99, never a string), so it compares with "+
			"`<=` and no `tonumber()`. %s", d.Currency, d.Amount)}
	attrs["billing_period"] = schema.StringAttribute{Computed: true, MarkdownDescription: fmt.Sprintf(
		"How often `price_amount` is billed, as an ISO 8601 duration: `P1W`, `P1M`, `P3M`, `P1Y` and other whole weeks, months or years. %s "+
			"Null when the vendor gives none, or a value the provider does not know (with a warning: never a guess).", d.Period)}
	attrs["monthly_amount"] = schema.NumberAttribute{Computed: true, MarkdownDescription: fmt.Sprintf(
		"`price_amount` for one month in the major unit of `%s`: a year is 12 months, a quarter 3, a week 12/52 of a month. "+
			"Exact to %d decimal places, rounded half to even. Null when `price_amount` or `billing_period` is.", d.Currency, money.MonthlyDecimalPlaces)}
	attrs["price_on_request"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the vendor marks the plan's price as " +
		"not a real price (ask the vendor), in which case `price_amount` and `monthly_amount` are null, so it is never mistaken for free. " + onRequest}
}
