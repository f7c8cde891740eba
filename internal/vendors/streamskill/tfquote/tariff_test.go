package tfquote

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
)

func num(s string) types.Number { return decimalNumber(s) }

func numberObject(m map[string]string) types.Object {
	attrTypes := make(map[string]attr.Type, len(m))
	values := make(map[string]attr.Value, len(m))
	for k, v := range m {
		attrTypes[k] = types.NumberType
		values[k] = num(v)
	}
	return types.ObjectValueMust(attrTypes, values)
}

func assertSameTariff(t *testing.T, got, want quote.Tariff) {
	t.Helper()
	if got.PricingType != want.PricingType || got.Hourly != want.Hourly || !got.Price.Equal(want.Price) ||
		!sameCount(got.Count, want.Count) || !sameCount(got.CountMin, want.CountMin) || !sameCount(got.CountMax, want.CountMax) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got.Price.String() != want.Price.String() {
		t.Errorf("price reads %s, want exactly %s", got.Price, want.Price)
	}
	sameMap := func(name string, got, want map[string]decimal.Decimal) {
		if len(got) != len(want) || (got == nil) != (want == nil) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
		for k, v := range want {
			if !got[k].Equal(v) {
				t.Errorf("%s[%q] = %s, want %s", name, k, got[k], v)
			}
		}
	}
	sameMap("graduated_prices", got.GraduatedPrices, want.GraduatedPrices)
	sameMap("discounts", got.Discounts, want.Discounts)
}

func sameCount(a, b *int64) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }

// A hand-written object, as a user passes to the function: StreamSkill's
// `count`, threshold maps written as objects, and strings where a map such
// as tomap() converted every value to a string.
func TestTariffFromReadsHandWrittenObjects(t *testing.T) {
	t.Parallel()
	hundred := int64(100)
	attrs := map[string]attr.Value{
		"pricing_type": types.StringValue("standard"),
		"hourly":       types.StringValue("true"),
		"price":        types.StringValue("50"),
		"count":        num("100"),
		"base_count":   types.DynamicNull(), // `base_count = null` in HCL
		"discounts":    numberObject(map[string]string{"1": "0", "500": "10"}),
		"title":        types.StringValue("extra attributes are ignored"),
	}
	got, err := TariffFrom(attrs)
	if err != nil {
		t.Fatal(err)
	}
	assertSameTariff(t, got, quote.Tariff{PricingType: "standard", Hourly: true, Price: decimal.NewFromInt(50), Count: &hundred,
		Discounts: map[string]decimal.Decimal{"1": decimal.Zero, "500": decimal.NewFromInt(10)}})
}

func TestTariffFromNamesTheBadFieldAndTheRule(t *testing.T) {
	t.Parallel()
	valid := func() map[string]attr.Value {
		return map[string]attr.Value{
			"pricing_type": types.StringValue("standard"),
			"hourly":       types.BoolValue(true),
			"price":        num("50"),
			"base_count":   num("100"),
			"discounts":    numberObject(map[string]string{"1": "0"}),
		}
	}
	tests := []struct {
		name   string
		change func(map[string]attr.Value)
		want   string
	}{
		{"a missing pricing_type", func(m map[string]attr.Value) { delete(m, "pricing_type") },
			"tariff pricing_type = (missing) is invalid: must be set to a string"},
		{"a null hourly", func(m map[string]attr.Value) { m["hourly"] = types.BoolNull() },
			"tariff hourly = null is invalid: must be set to true or false"},
		{"an hourly that is not a bool", func(m map[string]attr.Value) { m["hourly"] = types.StringValue("yes") },
			`tariff hourly = "yes" (a string) is invalid: must be true or false`},
		{"a pricing_type that is a number", func(m map[string]attr.Value) { m["pricing_type"] = num("1") },
			"tariff pricing_type = 1 (a number) is invalid: must be a string"},
		{"a standard tariff without a price", func(m map[string]attr.Value) { delete(m, "price") },
			"tariff price = (missing) is invalid: must be set to a number for a standard tariff"},
		{"a price that is not a number", func(m map[string]attr.Value) { m["price"] = types.StringValue("fifty") },
			`tariff price = "fifty" (a string) is invalid: must be a number`},
		{"a fractional count", func(m map[string]attr.Value) { m["base_count"] = num("1.5") },
			"tariff base_count = 1.5 is invalid: must be a whole number"},
		{"a count beyond int64", func(m map[string]attr.Value) { m["base_count"] = num("1e30") },
			"tariff base_count = 1e+30 is invalid: must be between -9223372036854775808 and 9223372036854775807"},
		{"discounts given as a list", func(m map[string]attr.Value) {
			m["discounts"] = types.ListValueMust(types.NumberType, []attr.Value{num("1")})
		}, "tariff discounts = a list is invalid: must be a map of quantity threshold to number"},
		{"a discount that is null", func(m map[string]attr.Value) {
			m["discounts"] = types.MapValueMust(types.NumberType, map[string]attr.Value{"500": types.NumberNull()})
		}, `tariff discounts["500"] = null is invalid: must be a number`},
		{"a graduated tariff without graduated_prices", func(m map[string]attr.Value) { m["pricing_type"] = types.StringValue("graduated") },
			"tariff graduated_prices = (missing) is invalid: must be set to a map of quantity threshold to price for a graduated tariff"},
		{"an unknown field", func(m map[string]attr.Value) { m["price"] = types.NumberUnknown() },
			"tariff price = (unknown) is invalid: must be known"},
	}
	for _, tt := range tests {
		t.Run("it refuses "+tt.name, func(t *testing.T) {
			t.Parallel()
			attrs := valid()
			tt.change(attrs)
			_, err := TariffFrom(attrs)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
			if in, ok := err.(*quote.InputError); !ok || in.Argument != quote.ArgTariff {
				t.Errorf("error is %T, want a *quote.InputError on the tariff", err)
			}
		})
	}
}

// Terraform holds numbers as 512-bit binary floats; the decimal read back
// must be the decimal written, whatever float64 would make of it.
func TestDecimalFromBigFloatGivesBackTheDecimalWritten(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"0.1", "0.3", "12.5", "199.99", "55.5", "0.000001", "123456789012345678901234567890.123456789", "1e-40"} {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			got, err := decimalFromBigFloat(num(in).ValueBigFloat())
			if err != nil {
				t.Fatal(err)
			}
			if want := decimal.RequireFromString(in); !got.Equal(want) {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}
