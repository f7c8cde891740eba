package money

import "testing"

func TestBillingPeriodsAreReadFromISODurationsWordsAndCounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		got  func() (BillingPeriod, bool)
		want string // "" when unknown
	}{
		{"an ISO duration P1M", func() (BillingPeriod, bool) { return ParseISOPeriod("P1M") }, "P1M"},
		{"an ISO duration P3M", func() (BillingPeriod, bool) { return ParseISOPeriod("P3M") }, "P3M"},
		{"an ISO duration P1Y", func() (BillingPeriod, bool) { return ParseISOPeriod("P1Y") }, "P1Y"},
		{"an ISO week", func() (BillingPeriod, bool) { return ParseISOPeriod("p2w") }, "P2W"},
		{"an ISO day is not a billing period here", func() (BillingPeriod, bool) { return ParseISOPeriod("P1D") }, ""},
		{"a mixed ISO duration is unknown", func() (BillingPeriod, bool) { return ParseISOPeriod("P1Y2M") }, ""},
		{"P0M is unknown", func() (BillingPeriod, bool) { return ParseISOPeriod("P0M") }, ""},
		{"billingInterval monthly", func() (BillingPeriod, bool) { return PeriodFromWord("monthly") }, "P1M"},
		{"the word yearly", func() (BillingPeriod, bool) { return PeriodFromWord("yearly") }, "P1Y"},
		{"quarterly", func() (BillingPeriod, bool) { return PeriodFromWord("Quarterly") }, "P3M"},
		{"an unknown word", func() (BillingPeriod, bool) { return PeriodFromWord("fortnightly") }, ""},
		{"a count of 1 year", func() (BillingPeriod, bool) { return PeriodFromCount(1, "year") }, "P1Y"},
		{"a count of 6 months", func() (BillingPeriod, bool) { return PeriodFromCount(6, "months") }, "P6M"},
		{"a count of 2 weeks", func() (BillingPeriod, bool) { return PeriodFromCount(2, "week") }, "P2W"},
		{"a count of 0 weeks is unknown", func() (BillingPeriod, bool) { return PeriodFromCount(0, "week") }, ""},
		{"a quarter is not a unit with a count", func() (BillingPeriod, bool) { return PeriodFromCount(1, "quarterly") }, ""},
		{"a count of days is unknown", func() (BillingPeriod, bool) { return PeriodFromCount(30, "day") }, ""},
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
