package onepin

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Money is the plan's price model: amount scaled by the currency's minor
// unit, billed every billing_interval. A custom-tier plan of amount 0 is
// priced on request: it has no amount, so it never reads as free.
func (p Plan) Money() (money.Money, error) {
	var m money.Money
	if p.Amount != nil {
		d, notes, err := clients.MinorAmount(p.ID, "amount", p.Amount.String(), "currency", p.Currency)
		if err != nil {
			return money.Money{}, fmt.Errorf("onepin: plan %s: %w", p.ID, err)
		}
		switch {
		case d != nil && p.Tier != nil && priceOnRequest(*p.Tier, *d):
			m.OnRequest = true
		case d != nil:
			m.Amount = d
			m.NoteNegative(p.ID, "amount", p.Amount.String())
		}
		m.Notes = append(m.Notes, notes...)
	}
	if p.BillingInterval != nil {
		period, ok := money.PeriodFromWord(*p.BillingInterval)
		m.WithPeriod(period, ok, func() string { return clients.FieldText("billing_interval", *p.BillingInterval) })
	}
	return m, nil
}

// priceOnRequest reports whether a OnePin plan's amount is no real
// price: a custom tier with amount 0 means "ask us", not free.
func priceOnRequest(tier string, amount decimal.Decimal) bool {
	return strings.EqualFold(tier, "custom") && amount.IsZero()
}
