package streamskill

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/tfquote"
)

var _ function.Function = (*TariffQuoteFunction)(nil)

// Positions of TariffQuoteFunction's parameters, for argument errors.
const (
	argTariff int64 = iota
	argQuantity
	argDuration
)

// NewTariffQuoteFunction is provider::pricing::tariff_quote.
func NewTariffQuoteFunction() function.Function {
	return &TariffQuoteFunction{}
}

// TariffQuoteFunction prices an order of a StreamSkill tariff given as an
// object, without any request: the same quote as pricing_tariff_quote.
type TariffQuoteFunction struct{}

// Metadata names the function tariff_quote.
func (f *TariffQuoteFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "tariff_quote"
}

// Definition declares tariff_quote's tariff, quantity and duration parameters and its quote object.
func (f *TariffQuoteFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Price an order of a StreamSkill tariff",
		Description: "Returns the quote (pricing_type, unit_price, discount_percent, tier_threshold, total) of quantity units for duration hours " +
			"of a StreamSkill tariff, computed exactly by StreamSkill's pricing rules from the tariff object, as the pricing_tariff_quote data source does. " +
			"It makes no request.",
		MarkdownDescription: "Returns the quote of `quantity` units for `duration` hours of a StreamSkill tariff, computed by StreamSkill's documented " +
			"pricing rules from the tariff object alone (no request): the same quote as the `pricing_tariff_quote` data source, " +
			"so a `check` block can compare an order against a budget at plan time.\n\n" +
			"- **standard**: `total = unit_price × quantity × duration × (1 − discount_percent/100)`, where `unit_price` undoes the discount " +
			"the tariff's `price` already holds for its base quantity (`base_count`, or `count_min` for a custom count), and `discount_percent` " +
			"is the discount of the greatest `discounts` threshold at or below `quantity`.\n" +
			"- **graduated**: `total = graduated_prices[tier] × duration`, the tier being the greatest threshold at or below `quantity`.\n\n" +
			"Arithmetic is exact decimal; only `total` is rounded, half away from zero, to 2 decimal places.\n\n" +
			"The result is an object with:\n\n" +
			"- `pricing_type` (String) " + tfquote.AttrDescriptions["pricing_type"] + "\n" +
			"- `unit_price` (Number) " + tfquote.AttrDescriptions["unit_price"] + "\n" +
			"- `discount_percent` (Number) " + tfquote.AttrDescriptions["discount_percent"] + "\n" +
			"- `tier_threshold` (Number) " + tfquote.AttrDescriptions["tier_threshold"] + "\n" +
			"- `total` (Number) " + tfquote.AttrDescriptions["total"] + "\n" +
			"- `currency` (String) " + tfquote.AttrDescriptions["currency"] + "\n\n" +
			"An order the rules refuse (a quantity outside a custom count's range or below the first graduated tier, a duration above 1 " +
			"on a tariff that is not hourly, a tariff object missing a field) is an error naming the argument, the value and the rule.",
		Parameters: []function.Parameter{
			function.DynamicParameter{
				Name: "tariff",
				Description: "The tariff: a pricing_streamskill_tariff data source passed whole, or an object with the same attributes " +
					"(pricing_type, hourly, base_count or count, count_min, count_max, price, graduated_prices, discounts). Other attributes are ignored.",
				MarkdownDescription: "The tariff: a `pricing_streamskill_tariff` data source passed whole (`data.pricing_streamskill_tariff.x`), " +
					"or an object with the same attributes. Read are `pricing_type` and `hourly` (always), `base_count` (or StreamSkill's `count`), " +
					"or `count_min` and `count_max` when it is null (a custom count), `price` (standard), `graduated_prices` (graduated) and " +
					"`discounts` (standard, optional). Maps may be written as objects (`{\"0\" = 135}`); other attributes are ignored.",
			},
			// Numbers rather than int64s: the framework reports a
			// fractional int64 argument as a provider bug.
			function.NumberParameter{
				Name:                "quantity",
				Description:         "Number of units ordered: a whole number >= 1.",
				MarkdownDescription: "Number of units ordered: a whole number >= 1, within `count_min`..`count_max` for a custom-count tariff.",
			},
			function.NumberParameter{
				Name:                "duration",
				Description:         "Number of hours ordered: a whole number >= 1, exactly 1 for a tariff that is not hourly.",
				MarkdownDescription: "Number of hours ordered: a whole number >= 1, exactly `1` for a tariff that is not `hourly`.",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: tfquote.AttrTypes()},
	}
}

// Run quotes the order from the tariff object, without a request.
func (f *TariffQuoteFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var tariff types.Dynamic
	var quantityArg, durationArg *big.Float
	resp.Error = req.Arguments.Get(ctx, &tariff, &quantityArg, &durationArg)
	if resp.Error != nil {
		return
	}
	q, err := tariffQuote(tariff, quantityArg, durationArg)
	if err != nil {
		resp.Error = err
		return
	}
	resp.Error = resp.Result.Set(ctx, q)
}

// tariffQuote checks the arguments in order, so the first bad one is
// reported, then quotes the order.
func tariffQuote(tariff types.Dynamic, quantityArg, durationArg *big.Float) (tfquote.Model, *function.FuncError) {
	attrs, funcErr := tariffArgumentFields(tariff)
	if funcErr != nil {
		return tfquote.Model{}, funcErr
	}
	quantity, err := tfquote.OrderSize(quote.ArgQuantity, quantityArg)
	if err != nil {
		return tfquote.Model{}, quoteFuncError(err)
	}
	duration, err := tfquote.OrderSize(quote.ArgDuration, durationArg)
	if err != nil {
		return tfquote.Model{}, quoteFuncError(err)
	}
	q, err := tfquote.FromTariffObject(attrs, quantity, duration)
	if err != nil {
		return tfquote.Model{}, quoteFuncError(err)
	}
	return q, nil
}

// tariffArgumentFields are the fields of the tariff argument: an object's
// attributes, or a map's elements.
func tariffArgumentFields(tariff types.Dynamic) (map[string]attr.Value, *function.FuncError) {
	switch v := tariff.UnderlyingValue().(type) {
	case basetypes.ObjectValue:
		if !v.IsNull() {
			return v.Attributes(), nil
		}
	case basetypes.MapValue:
		if !v.IsNull() {
			return v.Elements(), nil
		}
	}
	return nil, function.NewArgumentFuncError(argTariff,
		fmt.Sprintf("tariff must be an object such as a pricing_streamskill_tariff data source, got %s", tariff.UnderlyingValue()))
}

// quoteFuncError points a refused quote at the argument that broke a rule.
func quoteFuncError(err error) *function.FuncError {
	var in *quote.InputError
	if !errors.As(err, &in) {
		return function.NewFuncError(err.Error())
	}
	pos := argTariff
	switch in.Argument {
	case quote.ArgQuantity:
		pos = argQuantity
	case quote.ArgDuration:
		pos = argDuration
	}
	return function.NewArgumentFuncError(pos, in.Error())
}
