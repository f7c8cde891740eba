// Package tfquote is the one implementation of a StreamSkill tariff quote
// in Terraform terms, shared by the pricing_tariff_quote data source and
// the tariff_quote provider function: a tariff object (as
// pricing_streamskill_tariff shows it, or written by hand) becomes a
// quote.Tariff, and a quote.Quote becomes Terraform
// values.
package tfquote

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
)

// Model is a quote as Terraform sees it: the computed attributes of
// pricing_tariff_quote and the object the tariff_quote function returns.
type Model struct {
	PricingType     types.String `tfsdk:"pricing_type"`
	UnitPrice       types.Number `tfsdk:"unit_price"`
	DiscountPercent types.Number `tfsdk:"discount_percent"`
	TierThreshold   types.Number `tfsdk:"tier_threshold"`
	Total           types.Number `tfsdk:"total"`
	Currency        types.String `tfsdk:"currency"`
}

// AttrTypes is the object type of Model.
func AttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"pricing_type":     types.StringType,
		"unit_price":       types.NumberType,
		"discount_percent": types.NumberType,
		"tier_threshold":   types.NumberType,
		"total":            types.NumberType,
		"currency":         types.StringType,
	}
}

// AttrDescriptions describe Model's attributes, for the data
// source's schema and the function's documentation.
var AttrDescriptions = map[string]string{
	"pricing_type": "`standard` or `graduated`, as the tariff's `pricing_type`.",
	"unit_price": "Standard: the undiscounted price of one unit (per hour when hourly), the tariff's `price` with the base quantity's " +
		"discount undone, divided by the base quantity (up to 10 decimal places). Graduated: the price per hour of the whole order at its tier.",
	"discount_percent": "Volume discount percent applied to the order (standard); always 0 for graduated tariffs, whose prices include every discount.",
	"tier_threshold":   "Threshold of the discount tier (standard; 0 when none applies) or price tier (graduated) the quantity falls in.",
	"total":            "Price of the order, computed in exact decimal and rounded half away from zero to 2 decimal places at the end only.",
	"currency": "ISO 4217 currency of `total` and `unit_price` where known: the tariff object's own `currency`, when one written by hand has it. " +
		"Null for a `pricing_streamskill_tariff`: StreamSkill prices are in the currency of the StreamSkill account, which its API does not name.",
}

// modelFrom is the one place a quote becomes Terraform values; currency
// is the tariff's, null when unknown.
func modelFrom(q quote.Quote, currency types.String) Model {
	return Model{
		Currency:        currency,
		PricingType:     types.StringValue(q.PricingType),
		UnitPrice:       decimalNumber(q.UnitPrice.String()),
		DiscountPercent: decimalNumber(q.DiscountPercent.String()),
		TierThreshold:   types.NumberValue(new(big.Float).SetInt64(q.TierThreshold)),
		Total:           decimalNumber(q.Total.StringFixed(2)),
	}
}

// FromTariffObject quotes an order of a tariff given as Terraform object
// attributes: those of a pricing_streamskill_tariff (extra attributes are
// ignored) or an object written by hand, where `count` may stand for
// `base_count` and maps may be objects. Every error is a
// *quote.InputError naming the argument (the tariff, the
// quantity or the duration), the value and the rule.
func FromTariffObject(attrs map[string]attr.Value, quantity, duration int64) (Model, error) {
	t, err := TariffFrom(attrs)
	if err != nil {
		return Model{}, err
	}
	q, err := quote.Compute(t, quantity, duration)
	if err != nil {
		return Model{}, err
	}
	return modelFrom(q, tariffCurrency(attrs)), nil
}

// decimalNumber is a Terraform number holding exactly a quote's decimal
// text, parsed at 512 bits as Terraform does.
func decimalNumber(text string) types.Number {
	f, _, err := big.ParseFloat(text, 10, 512, big.ToNearestEven)
	if err != nil {
		return types.NumberUnknown()
	}
	return types.NumberValue(f)
}

// tariffCurrency is a tariff object's currency attribute, null when it has
// none (StreamSkill's tariffs never do) or it is not a known string.
func tariffCurrency(attrs map[string]attr.Value) types.String {
	if c, ok := attrs["currency"].(types.String); ok && !c.IsUnknown() {
		return c
	}
	return types.StringNull()
}
