package datasources

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/quote"
)

// This file is the one implementation of a tariff quote in Terraform terms,
// shared by the pricing_tariff_quote data source and the tariff_quote
// provider function: a tariff object (as pricing_streamskill_tariff shows it,
// or written by hand) becomes a quote.Tariff, and a quote.Quote becomes
// Terraform values.

// QuoteModel is a quote as Terraform sees it: the computed attributes of
// pricing_tariff_quote and the object the tariff_quote function returns.
type QuoteModel struct {
	PricingType     types.String `tfsdk:"pricing_type"`
	UnitPrice       types.Number `tfsdk:"unit_price"`
	DiscountPercent types.Number `tfsdk:"discount_percent"`
	TierThreshold   types.Number `tfsdk:"tier_threshold"`
	Total           types.Number `tfsdk:"total"`
}

// QuoteAttrTypes is the object type of QuoteModel.
func QuoteAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"pricing_type":     types.StringType,
		"unit_price":       types.NumberType,
		"discount_percent": types.NumberType,
		"tier_threshold":   types.NumberType,
		"total":            types.NumberType,
	}
}

// QuoteAttrDescriptions describe QuoteModel's attributes, for the data
// source's schema and the function's documentation.
var QuoteAttrDescriptions = map[string]string{
	"pricing_type": "`standard` or `graduated`, as the tariff's `pricing_type`.",
	"unit_price": "Standard: the undiscounted price of one unit (per hour when hourly), the tariff's `price` with the base quantity's " +
		"discount undone, divided by the base quantity (up to 10 decimal places). Graduated: the price per hour of the whole order at its tier.",
	"discount_percent": "Volume discount percent applied to the order (standard); always 0 for graduated tariffs, whose prices include every discount.",
	"tier_threshold":   "Threshold of the discount tier (standard; 0 when none applies) or price tier (graduated) the quantity falls in.",
	"total":            "Price of the order, computed in exact decimal and rounded half away from zero to 2 decimal places at the end only.",
}

// QuoteModelFrom is the one place a quote becomes Terraform values.
func QuoteModelFrom(q quote.Quote) QuoteModel {
	return QuoteModel{
		PricingType:     types.StringValue(q.PricingType),
		UnitPrice:       numberValue(q.UnitPrice.String()),
		DiscountPercent: numberValue(q.DiscountPercent.String()),
		TierThreshold:   types.NumberValue(new(big.Float).SetInt64(q.TierThreshold)),
		Total:           numberValue(q.Total.StringFixed(2)),
	}
}

// QuoteTariffObject quotes an order of a tariff given as Terraform object
// attributes: those of a pricing_streamskill_tariff (extra attributes are
// ignored) or an object written by hand, where `count` may stand for
// `base_count` and maps may be objects. Every error is a *quote.InputError
// naming the argument (the tariff, the quantity or the duration), the value
// and the rule.
func QuoteTariffObject(attrs map[string]attr.Value, quantity, duration int64) (QuoteModel, error) {
	t, err := QuoteTariffFrom(attrs)
	if err != nil {
		return QuoteModel{}, err
	}
	q, err := quote.Compute(t, quantity, duration)
	if err != nil {
		return QuoteModel{}, err
	}
	return QuoteModelFrom(q), nil
}

// QuoteTariffFrom reads the fields of a tariff object that decide its price.
// A field the tariff's pricing type needs must be present and not null;
// fields it does not use (a graduated tariff's price and discounts, which
// StreamSkill says do not apply) are not read.
func QuoteTariffFrom(attrs map[string]attr.Value) (quote.Tariff, error) {
	r := tariffReader{attrs: attrs}
	t := quote.Tariff{
		PricingType: r.requiredString("pricing_type"),
		Hourly:      r.requiredBool("hourly"),
	}
	if r.err != nil {
		return quote.Tariff{}, r.err
	}
	// base_count is the data source's name; count is StreamSkill's, which a
	// hand-written object may use.
	countField := "base_count"
	if isAbsent(attrs["base_count"]) && !isAbsent(attrs["count"]) {
		countField = "count"
	}
	t.Count = r.optionalWhole(countField)
	t.CountMin = r.optionalWhole("count_min")
	t.CountMax = r.optionalWhole("count_max")
	switch t.PricingType {
	case quote.PricingStandard:
		t.Price = r.requiredNumber("price")
		t.Discounts = r.numberMap("discounts", false)
	case quote.PricingGraduated:
		t.GraduatedPrices = r.numberMap("graduated_prices", true)
	}
	if r.err != nil {
		return quote.Tariff{}, r.err
	}
	return t, nil
}

// tariffReader reads typed fields out of a tariff object, keeping the first
// error so that a chain of reads reports the first bad field.
type tariffReader struct {
	attrs map[string]attr.Value
	err   error
}

func (r *tariffReader) fail(field, value, rule string) {
	if r.err == nil {
		r.err = &quote.InputError{Argument: quote.ArgTariff, Value: field + " = " + value, Rule: rule}
	}
}

// get returns the field, unwrapped from a dynamic value; nil when the field
// is absent or null.
func (r *tariffReader) get(field string) attr.Value {
	v := unwrapDynamic(r.attrs[field])
	if isAbsent(v) {
		return nil
	}
	if v.IsUnknown() {
		r.fail(field, "(unknown)", "must be known")
		return nil
	}
	return v
}

func (r *tariffReader) requiredString(field string) string {
	v := r.get(field)
	if v == nil {
		r.fail(field, missing(r.attrs, field), "must be set to a string")
		return ""
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		r.fail(field, describe(v), "must be a string")
		return ""
	}
	return s.ValueString()
}

func (r *tariffReader) requiredBool(field string) bool {
	v := r.get(field)
	if v == nil {
		r.fail(field, missing(r.attrs, field), "must be set to true or false")
		return false
	}
	switch b := v.(type) {
	case basetypes.BoolValue:
		return b.ValueBool()
	case basetypes.StringValue: // as Terraform converts a string to a bool
		switch b.ValueString() {
		case "true":
			return true
		case "false":
			return false
		}
	}
	r.fail(field, describe(v), "must be true or false")
	return false
}

func (r *tariffReader) requiredNumber(field string) decimal.Decimal {
	v := r.get(field)
	if v == nil {
		r.fail(field, missing(r.attrs, field), "must be set to a number for a standard tariff")
		return decimal.Zero
	}
	return r.number(field, v)
}

func (r *tariffReader) number(field string, v attr.Value) decimal.Decimal {
	f, ok := r.bigFloat(field, v)
	if !ok {
		return decimal.Zero
	}
	d, err := decimalFromBigFloat(f)
	if err != nil {
		r.fail(field, f.Text('g', 10), "must be a finite number")
		return decimal.Zero
	}
	return d
}

// bigFloat reads a number, or a string holding one: a map such as
// tomap({price = 50, hourly = true}) holds only strings, which Terraform
// itself would convert back for a typed argument.
func (r *tariffReader) bigFloat(field string, v attr.Value) (*big.Float, bool) {
	switch n := v.(type) {
	case basetypes.NumberValue:
		return n.ValueBigFloat(), true
	case basetypes.StringValue:
		// Terraform's own precision for numbers.
		if f, _, err := big.ParseFloat(n.ValueString(), 10, 512, big.ToNearestEven); err == nil {
			return f, true
		}
	}
	r.fail(field, describe(v), "must be a number")
	return nil, false
}

// optionalWhole reads a count: nil when absent or null.
func (r *tariffReader) optionalWhole(field string) *int64 {
	v := r.get(field)
	if v == nil {
		return nil
	}
	f, ok := r.bigFloat(field, v)
	if !ok {
		return nil
	}
	i, acc := f.Int64()
	switch {
	case !f.IsInt():
		r.fail(field, f.Text('g', -1), "must be a whole number")
		return nil
	case acc != big.Exact:
		r.fail(field, f.Text('g', -1), "must be between -9223372036854775808 and 9223372036854775807")
		return nil
	}
	return &i
}

// numberMap reads a threshold map, as a map (the data source) or an object
// (an HCL literal such as {"0" = 135}); absent or null is nil, or an error
// when required.
func (r *tariffReader) numberMap(field string, required bool) map[string]decimal.Decimal {
	v := r.get(field)
	if v == nil {
		if required {
			r.fail(field, missing(r.attrs, field), "must be set to a map of quantity threshold to price for a graduated tariff")
		}
		return nil
	}
	var elems map[string]attr.Value
	switch m := v.(type) {
	case basetypes.MapValue:
		elems = m.Elements()
	case basetypes.ObjectValue:
		elems = m.Attributes()
	default:
		r.fail(field, describe(v), "must be a map of quantity threshold to number")
		return nil
	}
	out := make(map[string]decimal.Decimal, len(elems))
	for _, key := range slices.Sorted(maps.Keys(elems)) {
		name := fmt.Sprintf("%s[%q]", field, key)
		e := unwrapDynamic(elems[key])
		if isAbsent(e) || e.IsUnknown() {
			r.fail(name, describe(e), "must be a number")
			return nil
		}
		out[key] = r.number(name, e)
	}
	return out
}

// decimalFromBigFloat is the exact decimal a Terraform number stands for.
// Terraform parses 0.1 into a 512-bit binary float; its shortest decimal
// text that reads back as the same float is 0.1 again, never the binary
// expansion a float64 would give (0.1000000000000000055…).
func decimalFromBigFloat(f *big.Float) (decimal.Decimal, error) {
	if f == nil || f.IsInf() {
		return decimal.Zero, fmt.Errorf("not a finite number")
	}
	return decimal.NewFromString(f.Text('g', -1))
}

func unwrapDynamic(v attr.Value) attr.Value {
	if d, ok := v.(basetypes.DynamicValue); ok {
		if d.IsNull() || d.IsUnknown() {
			return d
		}
		return unwrapDynamic(d.UnderlyingValue())
	}
	return v
}

func isAbsent(v attr.Value) bool {
	v = unwrapDynamic(v)
	return v == nil || v.IsNull()
}

// missing tells an absent field from a null one, for the error.
func missing(attrs map[string]attr.Value, field string) string {
	if _, ok := attrs[field]; ok {
		return "null"
	}
	return "(missing)"
}

// describe shows a value in an error: short values as they are, anything
// else by its type.
func describe(v attr.Value) string {
	switch x := v.(type) {
	case nil:
		return "(missing)"
	case basetypes.StringValue:
		if !x.IsNull() && !x.IsUnknown() {
			return fmt.Sprintf("%q (a string)", x.ValueString())
		}
	case basetypes.NumberValue:
		if !x.IsNull() && !x.IsUnknown() {
			return x.ValueBigFloat().Text('g', -1) + " (a number)"
		}
	case basetypes.BoolValue:
		if !x.IsNull() && !x.IsUnknown() {
			return fmt.Sprintf("%t (a bool)", x.ValueBool())
		}
	}
	switch {
	case v.IsNull():
		return "null"
	case v.IsUnknown():
		return "(unknown)"
	}
	switch v.(type) {
	case basetypes.ObjectValue:
		return "an object"
	case basetypes.MapValue:
		return "a map"
	case basetypes.ListValue:
		return "a list"
	case basetypes.TupleValue:
		return "a tuple"
	case basetypes.SetValue:
		return "a set"
	}
	return fmt.Sprintf("a value of type %T", v)
}

// OrderSize reads a quantity or duration given as a Terraform number: a
// whole number >= 1 that fits in int64. Terraform numbers may be fractional,
// and the framework's own int64 conversion reports 1.5 as a provider bug, so
// both the data source and the function take numbers and check them here.
func OrderSize(argument string, n *big.Float) (int64, error) {
	if n == nil || n.IsInf() {
		return 0, &quote.InputError{Argument: argument, Value: fmt.Sprint(n), Rule: "must be a whole number >= 1"}
	}
	value := n.Text('g', -1)
	if !n.IsInt() || n.Sign() < 1 {
		return 0, &quote.InputError{Argument: argument, Value: value, Rule: "must be a whole number >= 1"}
	}
	i, acc := n.Int64()
	if acc != big.Exact {
		return 0, &quote.InputError{Argument: argument, Value: value, Rule: "must be at most 9223372036854775807"}
	}
	return i, nil
}

// orderSizeValidator checks a quantity or duration at plan time, with
// OrderSize's rule.
type orderSizeValidator struct{}

var _ validator.Number = orderSizeValidator{}

func (orderSizeValidator) Description(context.Context) string {
	return "must be a whole number >= 1"
}

func (v orderSizeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v orderSizeValidator) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var in *quote.InputError
	if _, err := OrderSize(req.Path.String(), req.ConfigValue.ValueBigFloat()); errors.As(err, &in) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("Attribute %s value %s, got: %s", req.Path, in.Rule, in.Value))
	}
}
