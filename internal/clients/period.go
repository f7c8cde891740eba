package clients

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// BillingPeriod is how often a plan is billed, in whole weeks, months or
// years: the units every vendor here uses and a month can be derived from.
type BillingPeriod struct {
	Count int64
	Unit  byte // 'W', 'M' or 'Y'
}

// String is the period as an ISO 8601 duration: P1M, P3M, P1Y, P2W.
func (p BillingPeriod) String() string { return fmt.Sprintf("P%d%c", p.Count, p.Unit) }

var isoPeriod = regexp.MustCompile(`^P([1-9][0-9]{0,3})([WMY])$`)

// ParseISOPeriod reads an ISO 8601 duration of weeks, months or years
// (Paygentic's billingCadence). Anything else is unknown: ok is false.
func ParseISOPeriod(s string) (BillingPeriod, bool) {
	m := isoPeriod.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return BillingPeriod{}, false
	}
	n, _ := strconv.ParseInt(m[1], 10, 64) // four digits at most: cannot fail
	return BillingPeriod{Count: n, Unit: m[2][0]}, true
}

// periodWords are the interval words vendors send (OnePin billing_interval,
// Paygentic's deprecated billingInterval).
var periodWords = map[string]BillingPeriod{
	"weekly": {1, 'W'}, "week": {1, 'W'},
	"monthly": {1, 'M'}, "month": {1, 'M'},
	"quarterly": {3, 'M'}, "quarter": {3, 'M'},
	"yearly": {1, 'Y'}, "year": {1, 'Y'}, "annual": {1, 'Y'}, "annually": {1, 'Y'},
}

// PeriodFromWord reads an interval word ("monthly", "yearly"); an unknown
// word gives ok false, never a guess.
func PeriodFromWord(word string) (BillingPeriod, bool) {
	p, ok := periodWords[strings.ToLower(strings.TrimSpace(word))]
	return p, ok
}

// PeriodFromCount reads a count and a unit (Probely period + period_unit:
// 1 and "year"). A count below 1 or an unknown unit gives ok false.
func PeriodFromCount(count int64, unit string) (BillingPeriod, bool) {
	if count < 1 || count > 9999 {
		return BillingPeriod{}, false
	}
	p, ok := periodWords[strings.TrimSuffix(strings.ToLower(strings.TrimSpace(unit)), "s")]
	if !ok || p.Count != 1 {
		return BillingPeriod{}, false
	}
	return BillingPeriod{Count: count, Unit: p.Unit}, true
}

// MonthlyDecimalPlaces is the precision of a monthly equivalent.
const MonthlyDecimalPlaces = 10

// months is the period's length in months, exactly: a year is 12 months,
// and a week 12/52 of a month (52 weeks make the 12 months of a year).
func (p BillingPeriod) months() *big.Rat {
	switch p.Unit {
	case 'Y':
		return new(big.Rat).SetInt64(12 * p.Count)
	case 'W':
		return big.NewRat(12*p.Count, 52)
	}
	return new(big.Rat).SetInt64(p.Count)
}

// MonthlyAmount is amount for one month of period p, exact to
// MonthlyDecimalPlaces places, rounded half to even.
func MonthlyAmount(amount decimal.Decimal, p BillingPeriod) decimal.Decimal {
	if p.Unit == 'M' && p.Count == 1 && amount.Exponent() >= -MonthlyDecimalPlaces {
		return amount // most plans: already exact, and a listing has thousands
	}
	r := new(big.Rat).Quo(amount.Rat(), p.months())
	return roundHalfEven(r, MonthlyDecimalPlaces)
}

// roundHalfEven rounds r to places decimal places, a tie going to the even
// neighbour, with integer arithmetic only.
func roundHalfEven(r *big.Rat, places int32) decimal.Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(r.Num(), scale)
	q, rem := new(big.Int).QuoRem(num, r.Denom(), new(big.Int))
	twice := new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2))
	switch c := twice.Cmp(r.Denom()); {
	case c > 0, c == 0 && q.Bit(0) == 1:
		if r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(q, -places)
}

// PriceOnRequest reports whether a OnePin plan's amount is no real price:
// a custom tier with amount 0 means "ask us", not free.
func PriceOnRequest(tier string, amount decimal.Decimal) bool {
	return strings.EqualFold(tier, "custom") && amount.IsZero()
}
