package onepin

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestOnepinPriceOnRequestIsACustomTierAtZero(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		tier   string
		amount string
		want   bool
	}{
		{"custom", "0", true}, {"Custom", "0.00", true}, {"custom", "10", false}, {"free", "0", false}, {"paid", "0", false},
	} {
		if got := priceOnRequest(tt.tier, decimal.RequireFromString(tt.amount)); got != tt.want {
			t.Errorf("priceOnRequest(%q, %s) = %v, want %v", tt.tier, tt.amount, got, tt.want)
		}
	}
}
