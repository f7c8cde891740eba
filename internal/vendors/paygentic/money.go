package paygentic

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Money is the plan's price model: the plan-level Price in the major unit
// when the plan has one, otherwise its FixedCharge, billed every
// billingCadence, or the deprecated billingInterval when it has none.
func (p Plan) Money() (money.Money, error) {
	m := money.Money{Notes: append([]money.Note(nil), p.notes...)}
	if p.PriceAmount != nil {
		d, err := decimal.NewFromString(*p.PriceAmount)
		if err != nil {
			return money.Money{}, fmt.Errorf("paygentic: plan %s: price: %w", p.ID, err)
		}
		m.Amount = &d
		m.NoteNegative(p.ID, "price", *p.Price)
	} else if fixed, ok := p.FixedCharge(); ok {
		m.Amount = &fixed
		m.NoteNegative(p.ID, "fixed charge (prices[].unitPrice × quantity, in_advance)", fixed.String())
	}
	switch {
	case p.BillingCadence != nil:
		period, ok := money.ParseISOPeriod(*p.BillingCadence)
		m.WithPeriod(period, ok, func() string { return clients.FieldText("billingCadence", *p.BillingCadence) })
	case p.BillingInterval != nil:
		period, ok := money.PeriodFromWord(*p.BillingInterval)
		m.WithPeriod(period, ok, func() string { return clients.FieldText("billingInterval", *p.BillingInterval) })
	}
	return m, nil
}
