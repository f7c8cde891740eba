package datasources

import "github.com/hashicorp/terraform-plugin-framework/types"

// stringOrDefault fills an optional, computed argument the user left unset,
// so the state shows the value the provider used.
func stringOrDefault(v types.String, def string) types.String {
	if v.IsNull() || v.IsUnknown() {
		return types.StringValue(def)
	}
	return v
}
