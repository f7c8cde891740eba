package clients

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Reading a vendor's amount text into the money model: every amount is
// checked against the bounds of a vendor number (httpapi.CheckNumberText)
// before any decimal arithmetic, and every vendor text a warning quotes is
// cut (httpapi.ShortText).

// ScaleDecimal turns an integer amount in units of 10^-exp of a currency
// into an exact decimal string in the major unit, trailing zeros dropped:
// scaleDecimal("49990000000", 9) is "49.99". No binary floating point is
// involved, so no amount is ever rounded.
func ScaleDecimal(amount string, exp int32) (string, error) {
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

// MinorAmount reads an integer amount in the minor unit of currency (an
// amount or a price in cents) into the major unit. It refuses, with a
// note and no amount, a fraction of a minor unit (the vendor documents an
// integer) and a currency whose minor unit is unknown (no ISO 4217 code),
// rather than guess. A zero is zero in any currency. Only an amount that is
// no number at all is an error.
func MinorAmount(plan, field, amount, currencyField string, currency *string) (*decimal.Decimal, []money.Note, error) {
	if err := httpapi.CheckNumberText(amount); err != nil {
		return nil, nil, fmt.Errorf("%s %w", field, err)
	}
	d, err := decimal.NewFromString(amount)
	if err != nil {
		return nil, nil, fmt.Errorf("%s %q is not a decimal number", field, httpapi.ShortText(amount, 64))
	}
	note := func(rule string) []money.Note {
		return []money.Note{{Plan: plan, Field: field, Value: amount, Rule: rule}}
	}
	switch {
	case !d.IsInteger():
		return nil, note("is not a whole number of minor units, which the vendor documents as an integer: price_amount is null"), nil
	case d.IsZero():
		return &d, nil, nil
	case currency == nil || *currency == "":
		return nil, note(fmt.Sprintf("has no %s to scale it by: price_amount is null, not a guess", currencyField)), nil
	}
	exp, ok := money.MinorUnitExponent(*currency)
	if !ok {
		return nil, note(fmt.Sprintf("is in %s %q, which is not an ISO 4217 currency, so its minor unit is unknown: price_amount is null, not a guess",
			currencyField, httpapi.ShortText(*currency, 32))), nil
	}
	scaled := d.Shift(-exp)
	return &scaled, nil, nil
}

// FieldText is a vendor field and its value, as a warning quotes them;
// a long value is cut, so a hostile vendor cannot fill the terminal.
func FieldText(field, value string) string {
	return fmt.Sprintf("%s %q", field, httpapi.ShortText(value, 64))
}

// NoteText is a note as a warning says it; vendor text is quoted and cut.
func NoteText(n money.Note) string {
	return fmt.Sprintf("plan %q: %s %q %s", httpapi.ShortText(n.Plan, 64), n.Field, httpapi.ShortText(n.Value, 64), n.Rule)
}
