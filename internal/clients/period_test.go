package clients

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestBillingPeriodsAreReadFromEachVendorsFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		got  func() (BillingPeriod, bool)
		want string // "" when unknown
	}{
		{"Paygentic billingCadence P1M", func() (BillingPeriod, bool) { return ParseISOPeriod("P1M") }, "P1M"},
		{"Paygentic billingCadence P3M", func() (BillingPeriod, bool) { return ParseISOPeriod("P3M") }, "P3M"},
		{"Paygentic billingCadence P1Y", func() (BillingPeriod, bool) { return ParseISOPeriod("P1Y") }, "P1Y"},
		{"an ISO week", func() (BillingPeriod, bool) { return ParseISOPeriod("p2w") }, "P2W"},
		{"an ISO day is not a billing period here", func() (BillingPeriod, bool) { return ParseISOPeriod("P1D") }, ""},
		{"a mixed ISO duration is unknown", func() (BillingPeriod, bool) { return ParseISOPeriod("P1Y2M") }, ""},
		{"P0M is unknown", func() (BillingPeriod, bool) { return ParseISOPeriod("P0M") }, ""},
		{"billingInterval monthly", func() (BillingPeriod, bool) { return PeriodFromWord("monthly") }, "P1M"},
		{"OnePin yearly", func() (BillingPeriod, bool) { return PeriodFromWord("yearly") }, "P1Y"},
		{"quarterly", func() (BillingPeriod, bool) { return PeriodFromWord("Quarterly") }, "P3M"},
		{"an unknown word", func() (BillingPeriod, bool) { return PeriodFromWord("fortnightly") }, ""},
		{"Probely 1 year", func() (BillingPeriod, bool) { return PeriodFromCount(1, "year") }, "P1Y"},
		{"Probely 6 months", func() (BillingPeriod, bool) { return PeriodFromCount(6, "months") }, "P6M"},
		{"Probely 2 weeks", func() (BillingPeriod, bool) { return PeriodFromCount(2, "week") }, "P2W"},
		{"Probely period 0 week is unknown", func() (BillingPeriod, bool) { return PeriodFromCount(0, "week") }, ""},
		{"Probely 1 quarter is not a unit with a count", func() (BillingPeriod, bool) { return PeriodFromCount(1, "quarterly") }, ""},
		{"Probely day is unknown", func() (BillingPeriod, bool) { return PeriodFromCount(30, "day") }, ""},
	}
	for _, tt := range tests {
		p, ok := tt.got()
		switch {
		case tt.want == "" && ok:
			t.Errorf("%s: got %s, want unknown", tt.name, p)
		case tt.want != "" && (!ok || p.String() != tt.want):
			t.Errorf("%s: got %s (%v), want %s", tt.name, p, ok, tt.want)
		}
	}
}

func TestMonthlyAmountsAreExactToTenPlacesRoundedHalfEven(t *testing.T) {
	t.Parallel()
	tests := []struct {
		amount, period, want string
	}{
		{"49.99", "P1M", "49.99"},
		{"120", "P1Y", "10"},
		{"100", "P1Y", "8.3333333333"},
		{"29.99", "P3M", "9.9966666667"},
		{"12", "P1W", "52"},
		{"1", "P1W", "4.3333333333"},
		{"1.234", "P1M", "1.234"},
		{"0", "P1Y", "0"},
		// Ties at the 11th place go to the even neighbour.
		{"0.00000000005", "P1M", "0"},
		{"0.00000000015", "P1M", "0.0000000002"},
		{"0.00000000025", "P1M", "0.0000000002"},
		{"-0.00000000015", "P1M", "-0.0000000002"},
		{"0.0000000006", "P2M", "0.0000000003"},
		{"0.0000000003", "P2M", "0.0000000002"},
	}
	for _, tt := range tests {
		p, ok := ParseISOPeriod(tt.period)
		if !ok {
			t.Fatalf("period %s", tt.period)
		}
		got := MonthlyAmount(decimal.RequireFromString(tt.amount), p)
		if !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("MonthlyAmount(%s, %s) = %s, want %s", tt.amount, tt.period, got, tt.want)
		}
	}
}

func TestPriceOnRequestIsACustomTierAtZero(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		tier   string
		amount string
		want   bool
	}{
		{"custom", "0", true}, {"Custom", "0.00", true}, {"custom", "10", false}, {"free", "0", false}, {"paid", "0", false},
	} {
		if got := PriceOnRequest(tt.tier, decimal.RequireFromString(tt.amount)); got != tt.want {
			t.Errorf("PriceOnRequest(%q, %s) = %v, want %v", tt.tier, tt.amount, got, tt.want)
		}
	}
}
