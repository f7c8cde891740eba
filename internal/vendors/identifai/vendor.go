// Package identifai is one vendor of the provider, whole: identifAI's partner pricings (`pricing_identifai_pricings`, `pricing_identifai_pricing`). It declares
// its Vendor for the registry (internal/vendors), and holds its client, its
// money mapping, its data sources and its catalogue source.
package identifai

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// Vendor declares identifAI.
var Vendor = &clients.Vendor{
	Name: "identifai", Title: "identifAI", DefaultBaseURL: DefaultBaseURL,
	KeyEnv: []string{"IDENTIFAI_API_KEY"}, BaseURLEnv: []string{"IDENTIFAI_BASE_URL"},
	Auth: clients.Auth{Header: "X-Api-Key"},
	// The documented per-key limits are 2 GET/s and 60 GET/min, counted by
	// Laravel in fixed windows, so the pacing keeps a margin: one request
	// every 555 ms with no burst (a run right after another does not open
	// with two at once), and a bucket of 30 refilled at 30/min, which can
	// never exceed 60 in any minute.
	Pacing: clients.Pacing{
		WithKey: []clients.Limit{{PerSecond: 1.8, Burst: 1}, {PerSecond: 0.5, Burst: 30}},
		Summary: "at most 1.8 requests/s and 30 requests/min (the documented limits)",
	},
	Open: func(v *clients.Vendor, cfg httpapi.Config, _ map[string]string) (clients.Client, error) {
		return newClient(v, cfg)
	},
}

// The data sources and the catalogue source name Vendor, which Go refuses in
// Vendor's own initializer.
func init() {
	Vendor.DataSources = []func() datasource.DataSource{NewPricingsDataSource, NewPricingDataSource}
	Vendor.Catalog = pricingList.CatalogSource(clients.CatalogSource{NumericIDs: true, Note: "**identifAI pricings carry no prices**: they appear with null money attributes."})
}
