// Package datasources holds the provider's data sources: each maps a vendor
// client's types to a Terraform model.
package datasources

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
)

// ProviderData is what the provider's Configure hands to every data source:
// one client per vendor, built once per run so that data sources share each
// client's cache, pacing and connections.
type ProviderData struct {
	Identifai   *clients.Identifai
	Paygentic   *clients.Paygentic
	Probely     *clients.Probely
	Onepin      *clients.Onepin
	Streamskill *clients.Streamskill

	// KeyHelp tells, per vendor, where its key is configured: the provider
	// attribute and the environment variable.
	KeyHelp map[string]string
}

// configureProviderData is the Configure step every data source shares.
func configureProviderData(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *ProviderData {
	if req.ProviderData == nil {
		// The provider is not configured yet (validation runs before it).
		return nil
	}
	data, ok := req.ProviderData.(*ProviderData)
	if !ok {
		resp.Diagnostics.AddError(
			"Unexpected provider data",
			fmt.Sprintf("Expected *datasources.ProviderData, got %T. This is a bug in the provider; please report it.", req.ProviderData),
		)
		return nil
	}
	return data
}

// requireKey adds an error naming the provider attribute and environment
// variable when the vendor has no key.
func (p *ProviderData) requireKey(diags *diag.Diagnostics, vendor string, hasKey bool) bool {
	if hasKey {
		return true
	}
	diags.AddError(
		fmt.Sprintf("Missing %s API key", vendorTitle(vendor)),
		fmt.Sprintf("This data source reads the %s API, which needs an API key. %s", vendorTitle(vendor), p.KeyHelp[vendor]),
	)
	return false
}

func vendorTitle(vendor string) string {
	switch vendor {
	case "identifai":
		return "identifAI"
	case "paygentic":
		return "Paygentic"
	case "probely":
		return "Probely"
	case "onepin":
		return "OnePin"
	case "streamskill":
		return "StreamSkill"
	}
	return vendor
}
