// Package datasources holds the provider's data sources: each maps a vendor
// client's types to a Terraform model.
package datasources

import (
	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
)

// ProviderData is what the provider's Configure hands to every data source:
// one client per vendor of the registry, built once per run so that data
// sources share each client's cache, pacing and connections.
type ProviderData struct {
	clients map[*clients.Vendor]clients.Client
	// keyHelp tells, per vendor, where its key is configured: the provider
	// attribute and the environment variable.
	keyHelp map[*clients.Vendor]string
}

// NewProviderData holds the configured clients and, per vendor, the help
// that names where its key is set.
func NewProviderData(opened map[*clients.Vendor]clients.Client, keyHelp map[*clients.Vendor]string) *ProviderData {
	return &ProviderData{clients: opened, keyHelp: keyHelp}
}
