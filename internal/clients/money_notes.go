package clients

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// MoneyNote is an amount a plan's price was read with, or refused for,
// because it breaks a rule real prices keep: the provider warns rather
// than let it pass silently into price_amount, where it would win min()
// and every <= budget.
type MoneyNote struct {
	Plan  string // the plan's id, as sent
	Field string // the vendor's field: "amount", "price", "prices[].unitPrice"
	Value string // the value as sent
	Rule  string // what is wrong and what the provider did
}

// String is the note as a warning says it; vendor text is quoted and cut.
func (n MoneyNote) String() string {
	return fmt.Sprintf("plan %q: %s %q %s", httpapi.ShortText(n.Plan, 64), n.Field, httpapi.ShortText(n.Value, 64), n.Rule)
}

// noteNegative adds a note when the amount read is below zero: kept, since
// no vendor documents a range for it, but it is no real price.
func (m *Money) noteNegative(plan, field, value string) {
	if m.Amount != nil && m.Amount.IsNegative() {
		m.Notes = append(m.Notes, MoneyNote{Plan: plan, Field: field, Value: value,
			Rule: "is negative: price_amount keeps it, but it sorts below every real price in min() and <= comparisons"})
	}
}

// minorAmount reads an integer amount in the minor unit of currency (OnePin
// amount, Probely price in cents) into the major unit. It refuses, with a
// note and no amount, a fraction of a minor unit (the vendor documents an
// integer) and a currency whose minor unit is unknown (no ISO 4217 code),
// rather than guess. A zero is zero in any currency. Only an amount that is
// no number at all is an error.
func minorAmount(plan, field, amount, currencyField string, currency *string) (*decimal.Decimal, []MoneyNote, error) {
	if err := httpapi.CheckNumberText(amount); err != nil {
		return nil, nil, fmt.Errorf("%s %w", field, err)
	}
	d, err := decimal.NewFromString(amount)
	if err != nil {
		return nil, nil, fmt.Errorf("%s %q is not a decimal number", field, httpapi.ShortText(amount, 64))
	}
	note := func(rule string) []MoneyNote {
		return []MoneyNote{{Plan: plan, Field: field, Value: amount, Rule: rule}}
	}
	switch {
	case !d.IsInteger():
		return nil, note("is not a whole number of minor units, which the vendor documents as an integer: price_amount is null"), nil
	case d.IsZero():
		return &d, nil, nil
	case currency == nil || *currency == "":
		return nil, note(fmt.Sprintf("has no %s to scale it by: price_amount is null, not a guess", currencyField)), nil
	}
	exp, ok := minorUnitExponent(*currency)
	if !ok {
		return nil, note(fmt.Sprintf("is in %s %q, which is not an ISO 4217 currency, so its minor unit is unknown: price_amount is null, not a guess",
			currencyField, httpapi.ShortText(*currency, 32))), nil
	}
	scaled := d.Shift(-exp)
	return &scaled, nil, nil
}
