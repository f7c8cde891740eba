package money

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
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
// ("P1M", "P3M", "P1Y"). Anything else is unknown: ok is false.
func ParseISOPeriod(s string) (BillingPeriod, bool) {
	m := isoPeriod.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil {
		return BillingPeriod{}, false
	}
	n, _ := strconv.ParseInt(m[1], 10, 64) // four digits at most: cannot fail
	return BillingPeriod{Count: n, Unit: m[2][0]}, true
}

// periodWords are the interval words vendors send for a billing interval.
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

// PeriodFromCount reads a count and a unit (1 and "year", 6 and
// "months"). A count below 1 or an unknown unit gives ok false.
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
