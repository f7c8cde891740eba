package datasources

import (
	"encoding/json"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stringOrDefault fills an optional, computed argument the user left unset,
// so the state shows the value the provider used.
func stringOrDefault(v types.String, def string) types.String {
	if v.IsNull() || v.IsUnknown() {
		return types.StringValue(def)
	}
	return v
}

// numberValue is a Terraform number holding exactly the decimal text a
// vendor sent (a JSON number, or an amount computed exactly): parsing at
// 512 bits, as Terraform itself does, keeps 0.1 reading as 0.1.
func numberValue(decimalText string) types.Number {
	if decimalText == "" {
		return types.NumberNull()
	}
	f, _, err := big.ParseFloat(decimalText, 10, 512, big.ToNearestEven)
	if err != nil {
		return types.NumberNull()
	}
	return types.NumberValue(f)
}

// jsonNumberText is the text of an optional JSON number, empty when absent.
func jsonNumberText(n *json.Number) string {
	if n == nil {
		return ""
	}
	return n.String()
}
