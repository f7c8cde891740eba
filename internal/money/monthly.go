package money

import (
	"math/big"

	"github.com/shopspring/decimal"
)

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
