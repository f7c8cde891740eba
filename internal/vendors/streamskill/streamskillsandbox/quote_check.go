package streamskillsandbox

import (
	"maps"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// RequireQuoteWorkedCheckTariffs fails when the sandbox no longer holds the
// tariffs of the quote issue's worked checks, whose totals the quote tests
// state as the issue writes them: a standard tariff priced 50 for 100, not
// hourly, with discounts {"1":0,"500":10,"1000":20}, and an hourly graduated
// tariff {"0":135,"101":180,"201":270}.
func RequireQuoteWorkedCheckTariffs(t testing.TB, sb *sandbox.Server) {
	t.Helper()
	byID := map[int]Tariff{}
	for _, tariff := range Tariffs(sb) {
		byID[tariff.ID] = tariff
	}
	volume := byID[TariffVolumeDiscounts]
	if volume.PricingType != "standard" || volume.Price != 50 || volume.Count != 100 || volume.Hourly ||
		!maps.Equal(volume.Discounts, map[string]int{"1": 0, "500": 10, "1000": 20}) {
		t.Fatalf("tariff %d is no longer the worked check's standard tariff (50 for 100, not hourly): %+v",
			TariffVolumeDiscounts, volume)
	}
	graduated := byID[TariffGraduated]
	if graduated.PricingType != "graduated" || !graduated.Hourly ||
		!maps.Equal(graduated.GraduatedPrices, map[string]float64{"0": 135, "101": 180, "201": 270}) {
		t.Fatalf("tariff %d is no longer the worked check's hourly graduated tariff: %+v", TariffGraduated, graduated)
	}
}
