package streamskill

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/tfquote"
)

// The data source's tariff object and the quote's reader must agree field
// by field, or the data source and the function would price differently.
func TestTheQuoteReadsTheTariffDataSourceObjectExactly(t *testing.T) {
	t.Parallel()
	one, lo, hi := int64(1), int64(10), int64(350)
	standardType, graduatedType, yes := quote.PricingStandard, quote.PricingGraduated, true
	tests := []struct {
		name   string
		tariff Tariff
		want   quote.Tariff
	}{
		{
			name: "a fractional price stays 0.1, not its binary neighbour",
			tariff: Tariff{ID: 7, Count: &one, CountMin: &one, CountMax: &one, Price: "0.1", PricingType: &standardType,
				Hourly: new(bool), Discounts: map[string]json.Number{"1": "0", "10000": "15"}},
			want: quote.Tariff{PricingType: quote.PricingStandard, Price: decimal.RequireFromString("0.1"), Count: &one, CountMin: &one, CountMax: &one,
				Discounts: map[string]decimal.Decimal{"1": decimal.Zero, "10000": decimal.NewFromInt(15)}},
		},
		{
			name: "a custom-count graduated tariff keeps its range and tiers",
			tariff: Tariff{ID: 3, CountMin: &lo, CountMax: &hi, Price: "135", PricingType: &graduatedType, Hourly: &yes,
				GraduatedPrices: map[string]json.Number{"0": "135", "101": "180.05"}},
			want: quote.Tariff{PricingType: quote.PricingGraduated, CountMin: &lo, CountMax: &hi, Hourly: true,
				GraduatedPrices: map[string]decimal.Decimal{"0": decimal.NewFromInt(135), "101": decimal.RequireFromString("180.05")}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			obj, diags := tariffObject(context.Background(), &tt.tariff)
			if diags.HasError() {
				t.Fatalf("diagnostics: %v", diags)
			}
			got, err := tfquote.TariffFrom(obj.Attributes())
			if err != nil {
				t.Fatal(err)
			}
			exactly := cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) && a.String() == b.String() })
			if diff := cmp.Diff(tt.want, got, exactly); diff != "" {
				t.Errorf("tariff read from the data source object (-want +got):\n%s", diff)
			}
		})
	}
}
