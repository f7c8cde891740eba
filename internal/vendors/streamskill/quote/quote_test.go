package quote

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func ptr(n int64) *int64 { return &n }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decimals(m map[string]string) map[string]decimal.Decimal {
	if m == nil {
		return nil
	}
	out := make(map[string]decimal.Decimal, len(m))
	for k, v := range m {
		out[k] = dec(v)
	}
	return out
}

// standard is an hourly standard tariff: price for count units.
func standard(price string, count int64, discounts map[string]string) Tariff {
	return Tariff{PricingType: PricingStandard, Price: dec(price), Count: ptr(count), Hourly: true, Discounts: decimals(discounts)}
}

// customStandard is an hourly standard tariff priced for min units, ordered in min..max.
func customStandard(price string, lo, hi int64, discounts map[string]string) Tariff {
	t := standard(price, 0, discounts)
	t.Count, t.CountMin, t.CountMax = nil, ptr(lo), ptr(hi)
	return t
}

// graduated is an hourly graduated tariff with a fixed count of 1.
func graduated(prices map[string]string) Tariff {
	return Tariff{PricingType: PricingGraduated, Price: dec("0"), Count: ptr(1), Hourly: true, GraduatedPrices: decimals(prices)}
}

func notHourly(t Tariff) Tariff {
	t.Hourly = false
	return t
}

// The vendor's documented examples.
var (
	volumeDiscounts = map[string]string{"1": "0", "500": "10", "1000": "20"}
	streamTiers     = map[string]string{"0": "135", "101": "180", "201": "270"}
)

func TestComputePricesOrders(t *testing.T) {
	tests := []struct {
		name               string
		tariff             Tariff
		quantity, duration int64
		wantTotal          string // exactly two places
		wantUnit           string
		wantDiscount       string
		wantTier           int64
	}{
		// Worked checks.
		{"graduated 50 units cost the first tier per hour", graduated(streamTiers), 50, 1, "135.00", "135", "0", 0},
		{"graduated 100 units still cost the first tier", graduated(streamTiers), 100, 1, "135.00", "135", "0", 0},
		{"graduated 101 units reach the second tier", graduated(streamTiers), 101, 1, "180.00", "180", "0", 101},
		{"graduated 250 units for 3 hours cost the third tier three times", graduated(streamTiers), 250, 3, "810.00", "270", "0", 201},
		{"standard 600 units get the 10 percent discount", standard("50", 100, volumeDiscounts), 600, 1, "270.00", "0.5", "10", 500},
		{"standard 1000 units for 2 hours get the 20 percent discount", standard("50", 100, volumeDiscounts), 1000, 2, "800.00", "0.5", "20", 1000},
		{"standard 499 units get no discount", standard("50", 100, volumeDiscounts), 499, 1, "249.50", "0.5", "0", 1},

		// Discount thresholds: threshold − 1, threshold, threshold + 1.
		{"standard at the first discount threshold uses it", standard("50", 100, volumeDiscounts), 1, 1, "0.50", "0.5", "0", 1},
		{"standard 1 unit past the first discount threshold uses it", standard("50", 100, volumeDiscounts), 2, 1, "1.00", "0.5", "0", 1},
		{"standard exactly at the 500 threshold gets 10 percent", standard("50", 100, volumeDiscounts), 500, 1, "225.00", "0.5", "10", 500},
		{"standard 1 unit past the 500 threshold gets 10 percent", standard("50", 100, volumeDiscounts), 501, 1, "225.45", "0.5", "10", 500},
		{"standard 1 unit below the 1000 threshold gets 10 percent", standard("50", 100, volumeDiscounts), 999, 1, "449.55", "0.5", "10", 500},
		{"standard exactly at the 1000 threshold gets 20 percent", standard("50", 100, volumeDiscounts), 1000, 1, "400.00", "0.5", "20", 1000},
		{"standard 1 unit past the 1000 threshold gets 20 percent", standard("50", 100, volumeDiscounts), 1001, 1, "400.40", "0.5", "20", 1000},
		{"standard below every discount threshold reports tier 0", standard("50", 100, map[string]string{"500": "10"}), 499, 1, "249.50", "0.5", "0", 0},
		{"standard without discounts reports tier 0", standard("50", 100, nil), 3, 1, "1.50", "0.5", "0", 0},
		{"standard thresholds compare as numbers, not text", standard("1", 1, map[string]string{"9": "10", "10": "20"}), 10, 1, "8.00", "1", "20", 10},
		{"standard price for a discounted base quantity is undiscounted first", standard("45", 500, map[string]string{"500": "10"}), 499, 1, "49.90", "0.1", "0", 0},
		{"standard base quantity discount is reapplied to the same quantity", standard("45", 500, map[string]string{"500": "10"}), 500, 1, "45.00", "0.1", "10", 500},
		{"standard fractional discount percent is exact", standard("100", 1, map[string]string{"1": "12.5"}), 1, 1, "100.00", "114.2857142857", "12.5", 1},
		{"standard 100 percent discount above the base makes the order free", standard("10", 1, map[string]string{"5": "100"}), 5, 3, "0.00", "10", "100", 5},
		{"non-hourly tariff takes a duration of 1", notHourly(standard("50", 100, volumeDiscounts)), 600, 1, "270.00", "0.5", "10", 500},

		// Graduated thresholds: threshold − 1, threshold, threshold + 1.
		{"graduated at the 0 threshold uses the first tier", graduated(streamTiers), 1, 1, "135.00", "135", "0", 0},
		{"graduated 1 unit past the 101 threshold stays in the second tier", graduated(streamTiers), 102, 1, "180.00", "180", "0", 101},
		{"graduated 1 unit below the 201 threshold stays in the second tier", graduated(streamTiers), 200, 1, "180.00", "180", "0", 101},
		{"graduated exactly at the 201 threshold reaches the third tier", graduated(streamTiers), 201, 1, "270.00", "270", "0", 201},
		{"graduated 1 unit past the 201 threshold stays in the third tier", graduated(streamTiers), 202, 1, "270.00", "270", "0", 201},
		{"graduated exactly at a first threshold above 0 uses it", graduated(map[string]string{"10": "5"}), 10, 1, "5.00", "5", "0", 10},
		{"graduated 1 unit past a first threshold above 0 uses it", graduated(map[string]string{"10": "5"}), 11, 1, "5.00", "5", "0", 10},
		{"graduated thresholds compare as numbers, not text", graduated(map[string]string{"0": "1", "9": "2", "10": "3"}), 10, 1, "3.00", "3", "0", 10},
		{"graduated ignores the discounts field", Tariff{PricingType: PricingGraduated, Count: ptr(1), GraduatedPrices: decimals(streamTiers), Discounts: decimals(map[string]string{"bad key": "-1"})}, 50, 1, "135.00", "135", "0", 0},

		// Custom counts.
		{"custom count at its minimum costs the base price", customStandard("10", 10, 350, nil), 10, 1, "10.00", "1", "0", 0},
		{"custom count at its maximum scales the base price", customStandard("10", 10, 350, nil), 350, 1, "350.00", "1", "0", 0},
		{"a custom count's base discount is that of count_min", customStandard("45", 10, 350, map[string]string{"1": "10", "100": "20"}), 100, 1, "400.00", "5", "20", 100},
		{"custom count graduated tariff prices within its range", func() Tariff {
			tr := graduated(streamTiers)
			tr.Count, tr.CountMin, tr.CountMax = nil, ptr(10), ptr(350)
			return tr
		}(), 350, 2, "540.00", "270", "0", 201},

		// Rounding: halves go away from zero, once, on the exact total.
		{"a total of exactly 0.125 rounds up to 0.13", standard("0.125", 1, nil), 1, 1, "0.13", "0.125", "0", 0},
		{"a total of exactly 0.135 rounds up to 0.14", standard("0.135", 1, nil), 1, 1, "0.14", "0.135", "0", 0},
		{"a half cent from division rounds up", standard("1", 8, nil), 1, 1, "0.13", "0.125", "0", 0},
		{"a total just below a half cent rounds down", standard("0.1249999999", 1, nil), 1, 1, "0.12", "0.1249999999", "0", 0},
		{"the exact total is rounded, not the rounded unit price times quantity", standard("1", 120, nil), 3, 1, "0.03", "0.0083333333", "0", 0},
		{"a graduated half cent per hour rounds up", graduated(map[string]string{"0": "0.005"}), 1, 1, "0.01", "0.005", "0", 0},

		// Values that float64 gets wrong.
		{"0.1 times 3 is exactly 0.30", standard("0.1", 1, nil), 3, 1, "0.30", "0.1", "0", 0},
		{"0.1 per hour for 3 hours is exactly 0.30", graduated(map[string]string{"0": "0.1"}), 1, 3, "0.30", "0.1", "0", 0},
		{"0.07 times 3 is exactly 0.21", standard("0.7", 10, nil), 3, 1, "0.21", "0.07", "0", 0},
		{"1.005 rounds up to 1.01", standard("1.005", 1, nil), 1, 1, "1.01", "1.005", "0", 0},
		{"a large order stays exact", standard("0.01", 1, nil), 9007199254740993, 1, "90071992547409.93", "0.01", "0", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Compute(tt.tariff, tt.quantity, tt.duration)
			if err != nil {
				t.Fatalf("Compute() error = %v", err)
			}
			if got.PricingType != tt.tariff.PricingType {
				t.Errorf("PricingType = %q, want %q", got.PricingType, tt.tariff.PricingType)
			}
			if s := got.Total.StringFixed(2); s != tt.wantTotal || got.Total.Exponent() != -2 {
				t.Errorf("Total = %s (exponent %d), want %s", s, got.Total.Exponent(), tt.wantTotal)
			}
			if s := got.UnitPrice.String(); s != tt.wantUnit {
				t.Errorf("UnitPrice = %s, want %s", s, tt.wantUnit)
			}
			if !got.DiscountPercent.Equal(dec(tt.wantDiscount)) {
				t.Errorf("DiscountPercent = %s, want %s", got.DiscountPercent, tt.wantDiscount)
			}
			if got.TierThreshold != tt.wantTier {
				t.Errorf("TierThreshold = %d, want %d", got.TierThreshold, tt.wantTier)
			}
		})
	}
}

func TestComputeRejectsInvalidInput(t *testing.T) {
	tests := []struct {
		name               string
		tariff             Tariff
		quantity, duration int64
		wantArgument       string
		wantValue          string // contained in InputError.Value
		wantRule           string // contained in InputError.Rule
	}{
		{"quantity 0 is rejected", standard("50", 100, nil), 0, 1, ArgQuantity, "0", "whole number >= 1"},
		{"a negative quantity is rejected", standard("50", 100, nil), -5, 1, ArgQuantity, "-5", "whole number >= 1"},
		{"a quantity 1 below the 0 graduated threshold is rejected", graduated(streamTiers), -1, 1, ArgQuantity, "-1", "whole number >= 1"},
		{"duration 0 is rejected", standard("50", 100, nil), 1, 0, ArgDuration, "0", "whole number >= 1"},
		{"a negative duration is rejected", graduated(streamTiers), 1, -3, ArgDuration, "-3", "whole number >= 1"},
		{"a non-hourly tariff rejects 2 hours", notHourly(standard("50", 100, nil)), 1, 2, ArgDuration, "2", "not hourly"},
		{"a custom count below its minimum is rejected", customStandard("10", 10, 350, nil), 9, 1, ArgQuantity, "9", "custom count range 10..350"},
		{"a custom count above its maximum is rejected", customStandard("10", 10, 350, nil), 400, 1, ArgQuantity, "400", "custom count range 10..350"},
		{"a graduated quantity below the first tier is rejected", graduated(map[string]string{"10": "5", "20": "8"}), 9, 1, ArgQuantity, "9", "smallest graduated threshold 10"},
		{"an unknown pricing type is rejected", Tariff{PricingType: "tiered", Count: ptr(1)}, 1, 1, ArgTariff, `pricing_type = "tiered"`, `"standard" or "graduated"`},
		{"an empty pricing type is rejected", Tariff{Count: ptr(1)}, 1, 1, ArgTariff, `pricing_type = ""`, `"standard" or "graduated"`},
		{"a word as a discount threshold is rejected", standard("50", 100, map[string]string{"1": "0", "lots": "10"}), 1, 1, ArgTariff, `discounts key "lots"`, "whole number >= 0"},
		{"a negative discount threshold is rejected", standard("50", 100, map[string]string{"-1": "10"}), 1, 1, ArgTariff, `discounts key "-1"`, "whole number >= 0"},
		{"a fractional discount threshold is rejected", standard("50", 100, map[string]string{"1.5": "10"}), 1, 1, ArgTariff, `discounts key "1.5"`, "whole number >= 0"},
		{"a zero-padded discount threshold is rejected", standard("50", 100, map[string]string{"007": "10"}), 1, 1, ArgTariff, `discounts key "007"`, "plain digits"},
		{"a signed discount threshold is rejected", standard("50", 100, map[string]string{"+5": "10"}), 1, 1, ArgTariff, `discounts key "+5"`, "plain digits"},
		{"an empty graduated threshold is rejected", graduated(map[string]string{"": "5"}), 1, 1, ArgTariff, `graduated_prices key ""`, "whole number >= 0"},
		{"a graduated threshold beyond int64 is rejected", graduated(map[string]string{"99999999999999999999": "5"}), 1, 1, ArgTariff, `graduated_prices key "99999999999999999999"`, "whole number >= 0"},
		{"a graduated tariff without tiers is rejected", graduated(nil), 1, 1, ArgTariff, "graduated_prices = (empty)", "at least one tier"},
		{"a negative graduated price is rejected", graduated(map[string]string{"0": "-1"}), 1, 1, ArgTariff, `graduated_prices["0"] = -1`, ">= 0"},
		{"a negative standard price is rejected", standard("-50", 100, nil), 1, 1, ArgTariff, "price = -50", ">= 0"},
		{"a negative discount percent is rejected", standard("50", 100, map[string]string{"500": "-5"}), 1, 1, ArgTariff, `discounts["500"] = -5`, "between 0 and 100"},
		{"a discount above 100 percent is rejected", standard("50", 100, map[string]string{"500": "101"}), 1, 1, ArgTariff, `discounts["500"] = 101`, "between 0 and 100"},
		{"a 100 percent discount on the base quantity is rejected", standard("0", 100, map[string]string{"1": "100"}), 1, 1, ArgTariff, `discounts["1"] = 100`, "base quantity 100"},
		{"a standard tariff with count 0 is rejected", standard("50", 0, nil), 1, 1, ArgTariff, "count = 0", ">= 1"},
		{"a custom count minimum of 0 is rejected for a standard tariff", customStandard("50", 0, 10, nil), 1, 1, ArgTariff, "count_min = 0", ">= 1"},
		{"a custom count range with min above max is rejected", customStandard("50", 350, 10, nil), 20, 1, ArgTariff, "count = 350..10", "count_min <= count_max"},
		{"a tariff without any count is rejected", Tariff{PricingType: PricingStandard, Price: dec("1")}, 1, 1, ArgTariff, "count = (missing)", "count_min and count_max"},
		{"a price with absurdly many decimal places is rejected", Tariff{PricingType: PricingStandard, Price: decimal.New(1, -999999999), Count: ptr(1)}, 1, 1, ArgTariff, "price", "at most 64 decimal places"},
		{"a discount with an absurd exponent is rejected", Tariff{PricingType: PricingStandard, Price: dec("1"), Count: ptr(1), Discounts: map[string]decimal.Decimal{"0": decimal.New(1, 999999999)}}, 1, 1, ArgTariff, `discounts["0"]`, "64 integer digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compute(tt.tariff, tt.quantity, tt.duration)
			var inputErr *InputError
			if !errors.As(err, &inputErr) {
				t.Fatalf("Compute() error = %v (%T), want *InputError", err, err)
			}
			if inputErr.Argument != tt.wantArgument {
				t.Errorf("Argument = %q, want %q", inputErr.Argument, tt.wantArgument)
			}
			if !strings.Contains(inputErr.Value, tt.wantValue) {
				t.Errorf("Value = %q, want it to contain %q", inputErr.Value, tt.wantValue)
			}
			if !strings.Contains(inputErr.Rule, tt.wantRule) {
				t.Errorf("Rule = %q, want it to contain %q", inputErr.Rule, tt.wantRule)
			}
			msg := err.Error()
			for _, part := range []string{tt.wantArgument, inputErr.Value, inputErr.Rule} {
				if !strings.Contains(msg, part) {
					t.Errorf("Error() = %q, want it to contain %q", msg, part)
				}
			}
		})
	}
}

func TestInputErrorReadsAsASentence(t *testing.T) {
	_, err := Compute(standard("50", 100, nil), 0, 1)
	if got, want := err.Error(), "quantity 0 is invalid: must be a whole number >= 1"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	_, err = Compute(customStandard("10", 10, 350, nil), 400, 1)
	if got, want := err.Error(), "quantity 400 is invalid: must be within the tariff's custom count range 10..350"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestComputeReportsTheSameBadKeyEveryTime(t *testing.T) {
	tariff := standard("1", 1, map[string]string{"b": "1", "a": "1", "c": "1", "d": "1"})
	for range 20 {
		_, err := Compute(tariff, 1, 1)
		if err == nil || !strings.Contains(err.Error(), `"a"`) {
			t.Fatalf("Compute() error = %v, want it to name key \"a\"", err)
		}
	}
}

// parseThresholds reads "k:v,k:v" into a threshold map for the fuzzer; ""
// is nil. Keys are taken as they are, so bad keys get fuzzed too.
func parseThresholds(s string) (map[string]decimal.Decimal, bool) {
	if s == "" {
		return nil, true
	}
	m := map[string]decimal.Decimal{}
	for entry := range strings.SplitSeq(s, ",") {
		key, value, ok := strings.Cut(entry, ":")
		if !ok {
			return nil, false
		}
		v, err := decimal.NewFromString(value)
		if err != nil {
			return nil, false
		}
		m[key] = v
	}
	return m, true
}

func FuzzCompute(f *testing.F) {
	// pricingType, price, count, custom, countMin, countMax, hourly, discounts, graduated, quantity, duration
	f.Add("standard", "50", int64(100), false, int64(0), int64(0), true, "1:0,500:10,1000:20", "", int64(600), int64(1))
	f.Add("standard", "50", int64(100), false, int64(0), int64(0), true, "1:0,500:10,1000:20", "", int64(1000), int64(2))
	f.Add("standard", "45", int64(500), false, int64(0), int64(0), true, "500:10", "", int64(499), int64(7))
	f.Add("standard", "0.125", int64(1), false, int64(0), int64(0), false, "", "", int64(1), int64(1))
	f.Add("standard", "1", int64(120), false, int64(0), int64(0), true, "", "", int64(3), int64(1))
	f.Add("standard", "10", int64(0), true, int64(10), int64(350), true, "100:12.5", "", int64(200), int64(24))
	f.Add("standard", "1e-9999", int64(1), false, int64(0), int64(0), true, "0:1e9999", "", int64(1), int64(1))
	f.Add("standard", "-1", int64(1), false, int64(0), int64(0), true, "x:1,1:100", "", int64(-1), int64(0))
	f.Add("graduated", "0", int64(1), false, int64(0), int64(0), true, "", "0:135,101:180,201:270", int64(250), int64(3))
	f.Add("graduated", "0", int64(0), true, int64(10), int64(350), true, "", "10:0.005,20:0.015", int64(15), int64(9223372036854775807))
	f.Add("graduated", "0", int64(1), false, int64(0), int64(0), true, "", "007:1,7:2", int64(9), int64(1))
	f.Add("tiered", "1", int64(1), false, int64(0), int64(0), true, "", "", int64(1), int64(1))

	f.Fuzz(func(t *testing.T, pricingType, price string, count int64, custom bool, countMin, countMax int64,
		hourly bool, discounts, graduated string, quantity, duration int64) {
		p, err := decimal.NewFromString(price)
		if err != nil {
			return
		}
		d, ok1 := parseThresholds(discounts)
		g, ok2 := parseThresholds(graduated)
		if !ok1 || !ok2 {
			return
		}
		tariff := Tariff{PricingType: pricingType, Price: p, Count: ptr(count), Hourly: hourly, Discounts: d, GraduatedPrices: g}
		if custom {
			tariff.Count, tariff.CountMin, tariff.CountMax = nil, ptr(countMin), ptr(countMax)
		}

		got, err := Compute(tariff, quantity, duration)
		if err != nil {
			var inputErr *InputError
			if !errors.As(err, &inputErr) {
				t.Fatalf("Compute() error %v is a %T, want *InputError", err, err)
			}
			switch inputErr.Argument {
			case ArgQuantity, ArgDuration, ArgTariff:
			default:
				t.Fatalf("Compute() error %v names unknown argument %q", err, inputErr.Argument)
			}
			return
		}
		if got.Total.Sign() < 0 {
			t.Fatalf("Total = %s, want >= 0", got.Total)
		}
		if got.Total.Exponent() != -2 {
			t.Fatalf("Total = %s has exponent %d, want -2", got.Total, got.Total.Exponent())
		}
		if !hourly || duration == math.MaxInt64 {
			return
		}
		longer, err := Compute(tariff, quantity, duration+1)
		if err != nil {
			t.Fatalf("Compute(duration %d) works but Compute(duration %d) fails: %v", duration, duration+1, err)
		}
		if longer.Total.LessThan(got.Total) {
			t.Fatalf("Total for %d hours = %s, less than %s for %d hours", duration+1, longer.Total, got.Total, duration)
		}
	})
}

func BenchmarkCompute(b *testing.B) {
	benchmarks := []struct {
		name     string
		tariff   Tariff
		quantity int64
	}{
		{"standard", standard("50", 100, volumeDiscounts), 600},
		{"graduated", graduated(streamTiers), 250},
	}
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compute(bm.tariff, bm.quantity, 3); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
