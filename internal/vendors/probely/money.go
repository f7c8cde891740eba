package probely

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// PriceUnit is the unit of Probely's price: the probely block's
// price_unit, cents by default as Probely's OpenAPI 1.2.0 documents.
type PriceUnit string

const (
	// PriceUnitMajor reads price as major units (49 is 49 USD).
	PriceUnitMajor PriceUnit = "major"
	// PriceUnitMinor reads price as the currency's minor units
	// (4900 is 49 USD): "Price in cents", as Probely's spec says.
	PriceUnitMinor PriceUnit = "minor"
)

// Money is the plan's price model: price read in unit, billed every period
// period_unit.
func (p Plan) Money(unit PriceUnit) (money.Money, error) {
	var m money.Money
	if p.Price != nil {
		if unit == PriceUnitMajor {
			text, err := clients.ScaleDecimal(p.Price.String(), 0)
			if err != nil {
				return money.Money{}, fmt.Errorf("probely: plan %s: price: %w", p.ID, err)
			}
			d, _ := decimal.NewFromString(text) // scaleDecimal's output parses
			m.Amount = &d
		} else {
			d, notes, err := clients.MinorAmount(p.ID, "price", p.Price.String(), "currency_code", p.CurrencyCode)
			if err != nil {
				return money.Money{}, fmt.Errorf("probely: plan %s: %w", p.ID, err)
			}
			m.Amount, m.Notes = d, notes
		}
		m.NoteNegative(p.ID, "price", p.Price.String())
	}
	// Period 0 is how Probely writes a plan that does not renew (its
	// trials): no billing period, and nothing unknown to warn about.
	if (p.Period != nil && p.Period.String() != "0") || (p.Period == nil && p.PeriodUnit != nil) {
		count, unitText := periodParts(p)
		period, ok := money.PeriodFromCount(count, unitText)
		m.WithPeriod(period, ok, func() string { return periodText(p.Period, unitText) })
	}
	return m, nil
}

// periodParts are period and period_unit; a missing or fractional
// period is 0, which no unit makes a known period.
func periodParts(p Plan) (int64, string) {
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

// periodText is period and period_unit as sent, for a warning:
// `period 2, period_unit "fortnight"`.
func periodText(period *json.Number, unit string) string {
	text := "null"
	if period != nil {
		text = period.String()
	}
	return fmt.Sprintf("period %s, %s", text, clients.FieldText("period_unit", unit))
}
