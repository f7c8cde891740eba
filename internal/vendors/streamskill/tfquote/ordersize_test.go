package tfquote

import (
	"math/big"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
)

func TestOrderSizeTakesWholeNumbersFromOne(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    int64
		wantErr string
	}{
		{"1", 1, ""},
		{"600", 600, ""},
		{"9223372036854775807", 9223372036854775807, ""},
		{"0", 0, "quantity 0 is invalid: must be a whole number >= 1"},
		{"-3", 0, "quantity -3 is invalid: must be a whole number >= 1"},
		{"1.5", 0, "quantity 1.5 is invalid: must be a whole number >= 1"},
		{"9223372036854775808", 0, "quantity 9.223372036854775808e+18 is invalid: must be at most 9223372036854775807"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			f, _, _ := big.ParseFloat(tt.in, 10, 512, big.ToNearestEven)
			got, err := OrderSize(quote.ArgQuantity, f)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("OrderSize(%s) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}
