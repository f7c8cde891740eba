package clients

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// scaleDecimal turns an integer amount in units of 10^-exp of a currency
// into an exact decimal string in the major unit, trailing zeros dropped:
// scaleDecimal("49990000000", 9) is "49.99". No binary floating point is
// involved, so no amount is ever rounded.
func scaleDecimal(amount string, exp int32) (string, error) {
	// Checked before decimal arithmetic, which would write out every digit
	// of an amount such as "1e10000000".
	if err := httpapi.CheckNumberText(amount); err != nil {
		return "", fmt.Errorf("amount %w", err)
	}
	d, err := decimal.NewFromString(amount)
	if err != nil {
		return "", fmt.Errorf("amount %q is not a decimal number", amount)
	}
	return d.Shift(-exp).String(), nil
}
