// Package money is the one price model every vendor's plans are read into,
// so plans of different vendors compare as numbers: an exact amount, a
// billing period, the amount for one month, and the notes a suspicious
// amount was read with. It knows no vendor: each vendor's mapping into it
// lives beside that vendor's client (internal/clients/<vendor>_money.go).
package money

import "github.com/shopspring/decimal"

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
	Notes []Note
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

// WithPeriod sets the period read from a vendor's fields, or records what
// they said (`billingCadence "P2D"`) when it is not a period the provider
// knows.
func (m *Money) WithPeriod(p BillingPeriod, ok bool, said func() string) {
	if ok {
		m.Period = &p
		return
	}
	// Only now: quoting a field for every plan of a listing cost more
	// than reading its money.
	m.UnknownPeriod = said()
}
