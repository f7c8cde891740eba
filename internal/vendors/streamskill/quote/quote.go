// Package quote computes, exactly, what an order of a
// StreamSkill tariff costs.
//
// It is pure arithmetic over the tariff as the vendor returns it, shared by the
// pricing data source and the provider-defined function. Every error is an
// *InputError naming the argument that was wrong, so callers can point at it.
package quote

import (
	"cmp"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// Pricing types a tariff can have.
const (
	PricingStandard  = "standard"
	PricingGraduated = "graduated"
)

// Tariff is the part of a StreamSkill tariff that decides its price.
type Tariff struct {
	PricingType string // PricingStandard or PricingGraduated

	// Price is the price of the base quantity with every discount applied.
	// Only standard tariffs use it.
	Price decimal.Decimal

	// Count is the base quantity; nil for a custom-count tariff, which has
	// CountMin and CountMax instead. CountMin and CountMax are ignored when
	// Count is set.
	Count, CountMin, CountMax *int64

	// Hourly tariffs are ordered for a number of hours; others for exactly 1.
	Hourly bool

	// GraduatedPrices maps a quantity threshold ("101") to the price of the
	// whole order per hour, discounts included. Only graduated tariffs use it.
	GraduatedPrices map[string]decimal.Decimal

	// Discounts maps a quantity threshold ("500") to a discount percent (10).
	// Only standard tariffs use it; the vendor says it does not apply to
	// graduated prices, which already include every discount.
	Discounts map[string]decimal.Decimal
}

// Quote is the price of one order.
type Quote struct {
	PricingType string

	// UnitPrice is the undiscounted price of one unit per hour for a standard
	// tariff (rounded to 10 places, trailing zeros dropped), or the tier price
	// of the whole order per hour for a graduated one.
	UnitPrice decimal.Decimal

	// DiscountPercent is the volume discount applied to the order (always 0
	// for graduated tariffs, whose prices include it).
	DiscountPercent decimal.Decimal

	// TierThreshold is the threshold of the discount (standard) or price
	// tier (graduated) used; 0 when no discount applies.
	TierThreshold int64

	// Total is the order's price, rounded half away from zero to 2 places.
	Total decimal.Decimal
}

// Arguments an InputError can name.
const (
	ArgQuantity = "quantity"
	ArgDuration = "duration"
	ArgTariff   = "tariff"
)

// InputError says which input to Compute was wrong, with what value, and
// which rule it broke.
type InputError struct {
	Argument string // ArgQuantity, ArgDuration or ArgTariff
	Value    string // the value; for the tariff, the field and its value
	Rule     string // what the value must be
}

func (e *InputError) Error() string {
	return e.Argument + " " + e.Value + " is invalid: " + e.Rule
}

func quantityError(quantity int64, rule string) error {
	return &InputError{Argument: ArgQuantity, Value: strconv.FormatInt(quantity, 10), Rule: rule}
}

func durationError(duration int64, rule string) error {
	return &InputError{Argument: ArgDuration, Value: strconv.FormatInt(duration, 10), Rule: rule}
}

func tariffError(field string, value any, rule string) error {
	return &InputError{Argument: ArgTariff, Value: fmt.Sprintf("%s = %v", field, value), Rule: rule}
}

// Compute prices an order of quantity units for duration hours.
func Compute(t Tariff, quantity, duration int64) (Quote, error) {
	if quantity < 1 {
		return Quote{}, quantityError(quantity, "must be a whole number >= 1")
	}
	if duration < 1 {
		return Quote{}, durationError(duration, "must be a whole number >= 1")
	}
	if !t.Hourly && duration != 1 {
		return Quote{}, durationError(duration, "must be 1 because the tariff is not hourly")
	}
	base, err := baseQuantity(t, quantity)
	if err != nil {
		return Quote{}, err
	}
	switch t.PricingType {
	case PricingStandard:
		return standardQuote(t, base, quantity, duration)
	case PricingGraduated:
		return graduatedQuote(t, quantity, duration)
	default:
		return Quote{}, tariffError("pricing_type", strconv.Quote(t.PricingType),
			fmt.Sprintf("must be %q or %q", PricingStandard, PricingGraduated))
	}
}

// baseQuantity returns the quantity the tariff's price is for, and checks a
// custom-count order against the tariff's range.
func baseQuantity(t Tariff, quantity int64) (int64, error) {
	if t.Count != nil {
		return *t.Count, nil
	}
	if t.CountMin == nil || t.CountMax == nil {
		return 0, tariffError("count", "(missing)", "must be set, or count_min and count_max for a custom count")
	}
	lo, hi := *t.CountMin, *t.CountMax
	if lo > hi {
		return 0, tariffError("count", fmt.Sprintf("%d..%d", lo, hi), "must have count_min <= count_max")
	}
	if quantity < lo || quantity > hi {
		return 0, quantityError(quantity, fmt.Sprintf("must be within the tariff's custom count range %d..%d", lo, hi))
	}
	return lo, nil
}

var hundred = decimal.NewFromInt(100)

// standardQuote undoes the base quantity's discount that the vendor's price
// already holds, then applies the order's own discount:
//
//	total = price × quantity × duration × (100 − d(quantity)) / ((100 − d(base)) × base)
func standardQuote(t Tariff, base, quantity, duration int64) (Quote, error) {
	if base < 1 {
		field := "count"
		if t.Count == nil {
			field = "count_min"
		}
		return Quote{}, tariffError(field, base, "must be >= 1 for a standard tariff")
	}
	if err := checkAmount("price", t.Price); err != nil {
		return Quote{}, err
	}
	discounts, err := parseTiers("discounts", t.Discounts, checkPercent)
	if err != nil {
		return Quote{}, err
	}
	baseDiscount, _ := discounts.at(base)
	if baseDiscount.value.Equal(hundred) {
		return Quote{}, tariffError(fmt.Sprintf("discounts[%q]", baseDiscount.key), baseDiscount.value,
			fmt.Sprintf("must be below 100 because it applies to the base quantity %d, whose undiscounted price it would hide", base))
	}
	discount, _ := discounts.at(quantity) // the zero tier when none applies

	perBase := hundred.Sub(baseDiscount.value).Mul(decimal.NewFromInt(base))
	total := t.Price.
		Mul(decimal.NewFromInt(quantity)).
		Mul(decimal.NewFromInt(duration)).
		Mul(hundred.Sub(discount.value))
	return Quote{
		PricingType:     PricingStandard,
		UnitPrice:       trimZeros(roundRatio(t.Price.Mul(hundred), perBase, 10)),
		DiscountPercent: discount.value,
		TierThreshold:   discount.threshold,
		Total:           roundRatio(total, perBase, 2),
	}, nil
}

// graduatedQuote charges the tier price of the whole order once per hour.
func graduatedQuote(t Tariff, quantity, duration int64) (Quote, error) {
	if len(t.GraduatedPrices) == 0 {
		return Quote{}, tariffError("graduated_prices", "(empty)", "must list at least one tier for a graduated tariff")
	}
	prices, err := parseTiers("graduated_prices", t.GraduatedPrices, checkAmount)
	if err != nil {
		return Quote{}, err
	}
	price, ok := prices.at(quantity)
	if !ok {
		return Quote{}, quantityError(quantity,
			fmt.Sprintf("must be at least the tariff's smallest graduated threshold %d", prices[0].threshold))
	}
	return Quote{
		PricingType:     PricingGraduated,
		UnitPrice:       price.value,
		DiscountPercent: decimal.Zero,
		TierThreshold:   price.threshold,
		Total:           roundRatio(price.value.Mul(decimal.NewFromInt(duration)), decimal.NewFromInt(1), 2),
	}, nil
}

// tier is one entry of a threshold map.
type tier struct {
	key       string
	threshold int64
	value     decimal.Decimal
}

// tiers are sorted by ascending threshold.
type tiers []tier

// at returns the tier with the greatest threshold <= quantity.
func (ts tiers) at(quantity int64) (tier, bool) {
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].threshold <= quantity {
			return ts[i], true
		}
	}
	return tier{}, false
}

// parseTiers turns a threshold map into tiers sorted numerically ("1000"
// after "500"), checking every key and value. Keys are visited in sorted
// order so that the same bad tariff always gets the same error.
func parseTiers(field string, m map[string]decimal.Decimal, check func(field string, v decimal.Decimal) error) (tiers, error) {
	ts := make(tiers, 0, len(m))
	for _, key := range slices.Sorted(maps.Keys(m)) {
		threshold, err := strconv.ParseInt(key, 10, 64)
		// Only canonical digits: "007" or "+7" next to "7" would make two
		// entries for one threshold.
		if err != nil || threshold < 0 || strconv.FormatInt(threshold, 10) != key {
			return nil, &InputError{Argument: ArgTariff, Value: field + " key " + strconv.Quote(key),
				Rule: "must be a whole number >= 0 written in plain digits"}
		}
		if err := check(fmt.Sprintf("%s[%q]", field, key), m[key]); err != nil {
			return nil, err
		}
		ts = append(ts, tier{key: key, threshold: threshold, value: m[key]})
	}
	slices.SortFunc(ts, func(a, b tier) int { return cmp.Compare(a.threshold, b.threshold) })
	return ts, nil
}

// maxDigits bounds the tariff's numbers. Exact division needs 10^|exponent|
// as an integer, so a valid decimal such as 1e-999999999 would otherwise take
// a billion-digit multiplication; real prices are nowhere near the bound.
const maxDigits = 64

// checkScale keeps a tariff number within maxDigits.
func checkScale(field string, v decimal.Decimal) error {
	exp := int64(v.Exponent())
	if exp < -maxDigits || int64(v.NumDigits())+exp > maxDigits {
		// Scientific notation: v.String() would spell out every digit.
		return tariffError(field, fmt.Sprintf("%se%d", v.Coefficient(), exp),
			fmt.Sprintf("must have at most %d decimal places and %d integer digits", maxDigits, maxDigits))
	}
	return nil
}

// checkAmount accepts a price: an in-scale number >= 0.
func checkAmount(field string, v decimal.Decimal) error {
	if err := checkScale(field, v); err != nil {
		return err
	}
	if v.Sign() < 0 {
		return tariffError(field, v, "must be >= 0")
	}
	return nil
}

// checkPercent accepts a discount: an in-scale number from 0 to 100.
func checkPercent(field string, v decimal.Decimal) error {
	if err := checkScale(field, v); err != nil {
		return err
	}
	if v.Sign() < 0 || v.GreaterThan(hundred) {
		return tariffError(field, v, "must be a percent between 0 and 100")
	}
	return nil
}

var (
	bigOne = big.NewInt(1)
	bigTen = big.NewInt(10)
)

// roundRatio returns num/den rounded half away from zero to places decimal
// places. It divides integers once, so the exact quotient is rounded exactly
// once and no intermediate rounding can shift the result. den must not be 0.
func roundRatio(num, den decimal.Decimal, places int32) decimal.Decimal {
	n, d := num.Coefficient(), den.Coefficient()
	// num/den × 10^places = n/d × 10^shift
	shift := int64(num.Exponent()) - int64(den.Exponent()) + int64(places)
	if shift >= 0 {
		n.Mul(n, pow10(shift))
	} else {
		d.Mul(d, pow10(-shift))
	}
	negative := n.Sign()*d.Sign() < 0
	n.Abs(n)
	d.Abs(d)
	q, r := n.QuoRem(n, d, new(big.Int))
	if r.Lsh(r, 1).Cmp(d) >= 0 { // remainder >= half the divisor
		q.Add(q, bigOne)
	}
	if negative {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places)
}

func pow10(n int64) *big.Int {
	return new(big.Int).Exp(bigTen, big.NewInt(n), nil)
}

// trimZeros drops trailing fractional zeros, so 0.5000000000 becomes 0.5.
func trimZeros(v decimal.Decimal) decimal.Decimal {
	c, exp := v.Coefficient(), v.Exponent()
	q, r := new(big.Int), new(big.Int)
	for exp < 0 && c.Sign() != 0 {
		if q.QuoRem(c, bigTen, r); r.Sign() != 0 {
			break
		}
		c.Set(q)
		exp++
	}
	if c.Sign() == 0 {
		exp = 0
	}
	return decimal.NewFromBigInt(c, exp)
}
