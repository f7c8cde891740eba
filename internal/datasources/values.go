package datasources

import (
	"encoding/json"
	"math"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringOrDefault fills an optional, computed argument the user left unset,
// so the state shows the value the provider used.
func StringOrDefault(v types.String, def string) types.String {
	if v.IsNull() || v.IsUnknown() {
		return types.StringValue(def)
	}
	return v
}

// NumberValue is a Terraform number holding exactly the decimal text a
// vendor sent (a JSON number, or an amount computed exactly). Terraform
// parses numbers at 512 bits; a float of numberPrecision bits holds the
// same decimal, writes the same text to Terraform (the shortest that reads
// back as it) and costs a fraction to write: at 512 bits, writing the
// numbers of 10,000 plans took most of a list read.
func NumberValue(decimalText string) types.Number {
	if decimalText == "" {
		return types.NumberNull()
	}
	f, _, err := big.ParseFloat(decimalText, 10, numberPrecision(decimalText), big.ToNearestEven)
	if err != nil {
		return types.NumberNull()
	}
	return types.NumberValue(f)
}

// terraformPrecision is the mantissa of the numbers Terraform parses.
const terraformPrecision = 512

// numberPrecision is the fewest mantissa bits (at least 64, at most
// Terraform's 512) that keep apart every decimal of as many digits as
// text has (2^(p-1) > 10^digits), so that the shortest text reading back
// as the parsed float is text itself, as at 512 bits.
func numberPrecision(text string) uint {
	digits := 0
	for _, c := range text {
		if c == 'e' || c == 'E' {
			break
		}
		if '0' <= c && c <= '9' {
			digits++
		}
	}
	return min(terraformPrecision, max(64, uint(math.Ceil(float64(digits)*math.Log2(10)))+2))
}

// atTerraformPrecision is n at Terraform's precision, to compare with a
// number from the configuration: 49.99 at 64 bits is not 49.99 at 512.
func atTerraformPrecision(n *big.Float) *big.Float {
	f, _, _ := big.ParseFloat(n.Text('f', -1), 10, terraformPrecision, big.ToNearestEven) // its own text always parses
	return f
}

// JSONNumberValue is numberValue for an optional JSON number: null when the
// vendor left it out.
func JSONNumberValue(n *json.Number) types.Number {
	if n == nil {
		return types.NumberNull()
	}
	return NumberValue(n.String())
}

// DecimalPointer is an exact decimal text as a Terraform number; null
// for nil.
func DecimalPointer(s *string) types.Number {
	if s == nil {
		return types.NumberNull()
	}
	return NumberValue(*s)
}
