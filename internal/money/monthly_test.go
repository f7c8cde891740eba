package money

import (
	"testing"

	"github.com/shopspring/decimal"
)

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
