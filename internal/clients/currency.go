package clients

import "strings"

// minorUnitExponents holds the ISO 4217 currencies whose minor unit is not
// the usual hundredth; an amount in minor units is scaled by 10^-exponent.
var minorUnitExponents = map[string]int32{
	// No minor unit in use.
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
	"PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
	// Thousandths.
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	// Ten-thousandths (units of account).
	"CLF": 4, "UYW": 4,
}

// minorUnitExponent is the ISO 4217 minor-unit exponent of a currency code,
// 2 for every currency not listed as different (USD, EUR, GBP, ...).
func minorUnitExponent(currency string) int32 {
	if exp, ok := minorUnitExponents[strings.ToUpper(strings.TrimSpace(currency))]; ok {
		return exp
	}
	return 2
}
