package httpapi

import (
	"fmt"
	"strconv"
	"strings"
)

// Bounds on a number a vendor sends. No price, count or rate comes near
// them, while a number outside them would cost seconds and megabytes to
// write out in full (1e10000000 has ten million digits), or turn into
// infinity, null or 0 on its way to Terraform.
const (
	// maxNumberIntegerDigits: every number is below 10^30 in magnitude.
	maxNumberIntegerDigits = 30
	// maxNumberDecimalPlaces: no digit is finer than 10^-30.
	maxNumberDecimalPlaces = 30
	// maxNumberSignificantDigits: at most 40 significant digits.
	maxNumberSignificantDigits = 40
	// maxExponentDigits rejects an exponent before it is parsed at all.
	maxExponentDigits = 4
)

// CheckNumberText checks a JSON number's text against the bounds above
// without converting it, so even a number with a ten-digit exponent is
// refused in microseconds. Zero in any spelling is accepted.
func CheckNumberText(text string) error {
	intPart, frac, exp, err := splitNumber(text)
	if err != nil {
		return err
	}
	digits := intPart + frac
	first := strings.IndexFunc(digits, func(r rune) bool { return r != '0' })
	if first < 0 {
		return nil
	}
	last := strings.LastIndexFunc(digits, func(r rune) bool { return r != '0' })
	// The power of ten of a digit at index k of digits is len(intPart)-1-k+exp.
	highest := len(intPart) - 1 - first + exp
	lowest := len(intPart) - 1 - last + exp
	switch {
	case highest >= maxNumberIntegerDigits:
		return fmt.Errorf("number %s is too large: a number from a vendor must be below 10^%d", shortNumber(text), maxNumberIntegerDigits)
	case lowest < -maxNumberDecimalPlaces:
		return fmt.Errorf("number %s has digits below 10^-%d, finer than any price", shortNumber(text), maxNumberDecimalPlaces)
	case last-first+1 > maxNumberSignificantDigits:
		return fmt.Errorf("number %s has %d significant digits; at most %d are accepted", shortNumber(text), last-first+1, maxNumberSignificantDigits)
	}
	return nil
}

// splitNumber splits a JSON number into its integer digits, fraction digits
// and exponent, refusing exponents too long to be a real price's.
func splitNumber(text string) (intPart, frac string, exp int, err error) {
	s := strings.TrimPrefix(text, "-")
	mantissa, expText, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, _ = strings.Cut(mantissa, ".")
	if intPart == "" || !allDigits(intPart) || !allDigits(frac) {
		return "", "", 0, fmt.Errorf("%q is not a decimal number", shortNumber(text))
	}
	if hasExp {
		unsigned := strings.TrimLeft(expText, "+-")
		digits := strings.TrimLeft(unsigned, "0")
		if unsigned == "" || !allDigits(unsigned) || len(expText)-len(unsigned) > 1 {
			return "", "", 0, fmt.Errorf("%q is not a decimal number", shortNumber(text))
		}
		if len(digits) > maxExponentDigits {
			return "", "", 0, fmt.Errorf("number %s has an exponent out of any price's range", shortNumber(text))
		}
		exp, _ = strconv.Atoi(expText) // at most maxExponentDigits digits: cannot fail
	}
	return intPart, frac, exp, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shortNumber keeps an error readable when the number is a megabyte long.
func shortNumber(text string) string {
	const limit = 40
	if len(text) <= limit {
		return text
	}
	return text[:limit] + fmt.Sprintf("… (%d characters)", len(text))
}
