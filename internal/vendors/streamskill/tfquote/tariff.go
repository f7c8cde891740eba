package tfquote

import (
	"fmt"
	"maps"
	"math/big"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
)

// TariffFrom reads the fields of a tariff object that decide its price.
// A field the tariff's pricing type needs must be present and not null;
// fields it does not use (a graduated tariff's price and discounts, which
// StreamSkill says do not apply) are not read.
func TariffFrom(attrs map[string]attr.Value) (quote.Tariff, error) {
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
