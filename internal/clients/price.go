package clients

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/shopspring/decimal"
)

// Money is a plan's price in the one model every vendor's plans share, so
// plans of different vendors compare as numbers.
type Money struct {
	// Amount is the price per Period in the currency's major units, exact;
	// nil when the plan has no price, or marks its amount as no real price.
	Amount *decimal.Decimal
	// Period is how often Amount is billed; nil when the vendor gives none
	// or one the provider does not know.
	Period *BillingPeriod
	// UnknownPeriod names the vendor's period the provider did not know
	// (`billingCadence "P2D"`), for a warning; "" when none.
	UnknownPeriod string
	// OnRequest is true when the vendor's amount means "ask us", not free.
	OnRequest bool
	// Notes are the suspicious amounts the price was read with or refused
	// for, each to be said in a warning.
	Notes []MoneyNote
}

// Monthly is Amount for one month (see MonthlyAmount); nil when Amount or
// Period is.
func (m Money) Monthly() *decimal.Decimal {
	if m.Amount == nil || m.Period == nil {
		return nil
	}
	v := MonthlyAmount(*m.Amount, *m.Period)
	return &v
}

// withPeriod sets the period read from a vendor's fields, or records what
// they said (`billingCadence "P2D"`) when it is not a period the provider
// knows.
func (m *Money) withPeriod(p BillingPeriod, ok bool, said func() string) {
	if ok {
		m.Period = &p
		return
	}
	// Only now: quoting a field for every plan of a listing cost more
	// than reading its money.
	m.UnknownPeriod = said()
}

// fieldText is a vendor field and its value, as a warning quotes them;
// a long value is cut, so a hostile vendor cannot fill the terminal.
func fieldText(field, value string) string {
	return fmt.Sprintf("%s %q", field, httpapi.ShortText(value, 64))
}

// Money is the plan's price model: the plan-level Price in the major unit
// when the plan has one, otherwise its FixedCharge, billed every
// billingCadence, or the deprecated billingInterval when it has none.
func (p PaygenticPlan) Money() (Money, error) {
	m := Money{Notes: append([]MoneyNote(nil), p.notes...)}
	if p.PriceAmount != nil {
		d, err := decimal.NewFromString(*p.PriceAmount)
		if err != nil {
			return Money{}, fmt.Errorf("paygentic: plan %s: price: %w", p.ID, err)
		}
		m.Amount = &d
		m.noteNegative(p.ID, "price", *p.Price)
	} else if fixed, ok := p.FixedCharge(); ok {
		m.Amount = &fixed
		m.noteNegative(p.ID, "fixed charge (prices[].unitPrice × quantity, in_advance)", fixed.String())
	}
	switch {
	case p.BillingCadence != nil:
		period, ok := ParseISOPeriod(*p.BillingCadence)
		m.withPeriod(period, ok, func() string { return fieldText("billingCadence", *p.BillingCadence) })
	case p.BillingInterval != nil:
		period, ok := PeriodFromWord(*p.BillingInterval)
		m.withPeriod(period, ok, func() string { return fieldText("billingInterval", *p.BillingInterval) })
	}
	return m, nil
}

// Money is the plan's price model: amount scaled by the currency's minor
// unit, billed every billing_interval. A custom-tier plan of amount 0 is
// priced on request: it has no amount, so it never reads as free.
func (p OnepinPlan) Money() (Money, error) {
	var m Money
	if p.Amount != nil {
		d, notes, err := minorAmount(p.ID, "amount", p.Amount.String(), "currency", p.Currency)
		if err != nil {
			return Money{}, fmt.Errorf("onepin: plan %s: %w", p.ID, err)
		}
		switch {
		case d != nil && p.Tier != nil && PriceOnRequest(*p.Tier, *d):
			m.OnRequest = true
		case d != nil:
			m.Amount = d
			m.noteNegative(p.ID, "amount", p.Amount.String())
		}
		m.Notes = append(m.Notes, notes...)
	}
	if p.BillingInterval != nil {
		period, ok := PeriodFromWord(*p.BillingInterval)
		m.withPeriod(period, ok, func() string { return fieldText("billing_interval", *p.BillingInterval) })
	}
	return m, nil
}

// ProbelyPriceUnit is the unit of Probely's price: the probely block's
// price_unit, cents by default as Probely's OpenAPI 1.2.0 documents.
type ProbelyPriceUnit string

const (
	// ProbelyPriceUnitMajor reads price as major units (49 is 49 USD).
	ProbelyPriceUnitMajor ProbelyPriceUnit = "major"
	// ProbelyPriceUnitMinor reads price as the currency's minor units
	// (4900 is 49 USD): "Price in cents", as Probely's spec says.
	ProbelyPriceUnitMinor ProbelyPriceUnit = "minor"
)

// Money is the plan's price model: price read in unit, billed every period
// period_unit.
func (p ProbelyPlan) Money(unit ProbelyPriceUnit) (Money, error) {
	var m Money
	if p.Price != nil {
		if unit == ProbelyPriceUnitMajor {
			text, err := scaleDecimal(p.Price.String(), 0)
			if err != nil {
				return Money{}, fmt.Errorf("probely: plan %s: price: %w", p.ID, err)
			}
			d, _ := decimal.NewFromString(text) // scaleDecimal's output parses
			m.Amount = &d
		} else {
			d, notes, err := minorAmount(p.ID, "price", p.Price.String(), "currency_code", p.CurrencyCode)
			if err != nil {
				return Money{}, fmt.Errorf("probely: plan %s: %w", p.ID, err)
			}
			m.Amount, m.Notes = d, notes
		}
		m.noteNegative(p.ID, "price", p.Price.String())
	}
	// Period 0 is how Probely writes a plan that does not renew (its
	// trials): no billing period, and nothing unknown to warn about.
	if (p.Period != nil && p.Period.String() != "0") || (p.Period == nil && p.PeriodUnit != nil) {
		count, unitText := probelyPeriodParts(p)
		period, ok := PeriodFromCount(count, unitText)
		m.withPeriod(period, ok, func() string { return probelyPeriodText(p.Period, unitText) })
	}
	return m, nil
}

// probelyPeriodParts are period and period_unit; a missing or fractional
// period is 0, which no unit makes a known period.
func probelyPeriodParts(p ProbelyPlan) (int64, string) {
	var count int64
	if p.Period != nil {
		count, _ = strconv.ParseInt(p.Period.String(), 10, 64)
	}
	unit := ""
	if p.PeriodUnit != nil {
		unit = *p.PeriodUnit
	}
	return count, unit
}

// probelyPeriodText is period and period_unit as sent, for a warning:
// `period 2, period_unit "fortnight"`.
func probelyPeriodText(period *json.Number, unit string) string {
	text := "null"
	if period != nil {
		text = period.String()
	}
	return fmt.Sprintf("period %s, %s", text, fieldText("period_unit", unit))
}

// Money is the tariff's price model: price, already in the major unit of
// the account's currency (which the API does not name), per order rather
// than per period.
func (t StreamskillTariff) Money() (Money, error) {
	if t.Price == "" {
		return Money{}, nil
	}
	d, err := decimal.NewFromString(t.Price.String())
	if err != nil {
		return Money{}, fmt.Errorf("streamskill: tariff %d: price: %w", t.ID, err)
	}
	m := Money{Amount: &d}
	m.noteNegative(strconv.FormatInt(t.ID, 10), "price", t.Price.String())
	return m, nil
}
