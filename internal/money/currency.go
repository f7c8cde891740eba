package money

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

// isoCurrencies are the ISO 4217 codes (list one, 2024) of currencies and
// funds with a minor unit; precious metals, XDR and test codes have none.
// A code outside it (BTC, "Moldovan Leu") has no known minor unit.
var isoCurrencies = func() map[string]bool {
	codes := strings.Fields(`AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP
		BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
		GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK
		LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN
		PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT
		TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL`)
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}()

// MinorUnitExponent is the ISO 4217 minor-unit exponent of a currency code
// (any case): 2 for most, as listed above for the others. ok is false for
// a code that is not an ISO 4217 currency: its exponent is unknown, and
// guessing 2 would be off by 10^6 for a BTC amount in satoshis.
func MinorUnitExponent(currency string) (exp int32, ok bool) {
	code := strings.ToUpper(strings.TrimSpace(currency))
	if !isoCurrencies[code] {
		return 0, false
	}
	if exp, listed := minorUnitExponents[code]; listed {
		return exp, true
	}
	return 2, true
}
