// Package probely is one vendor of the provider, whole: Probely's plans (`pricing_probely_plans`, `pricing_probely_plan`). It declares
// its Vendor for the registry (internal/vendors), and holds its client, its
// money mapping, its data sources and its catalogue source.
package probely

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// Vendor declares Probely.
var Vendor = &clients.Vendor{
	Name: "probely", Title: "Probely", DefaultBaseURL: DefaultBaseURL,
	KeyEnv: []string{"PROBELY_API_KEY"}, BaseURLEnv: []string{"PROBELY_BASE_URL", "PROBELY_API_BASE_URL"},
	Auth: clients.Auth{Header: "Authorization", Scheme: "JWT"},
	Pacing: clients.Pacing{
		Parallel: httpapi.UnpacedMaxParallelRequests,
		Summary:  "no documented limit; a 429 is waited out as `Retry-After` asks, within `rate_limit_wait`",
	},
	OtherServers: "Probely also serves regional hosts, and a key belongs to one region: `https://api.eu.probely.com`, " +
		"`https://api.us.probely.com`, `https://api.au.probely.com`.",
	Settings: []clients.Setting{{
		Name: "price_unit",
		Description: "Unit of Probely's plan `price`: `minor` (the default: 4900 is 49 USD, scaled by the currency's ISO 4217 " +
			"minor unit), as Probely's OpenAPI 1.2.0 documents it (\"Price in cents\"), or `major` (49 is 49 USD) should " +
			"Probely's prices turn out to be in whole units. A price in a `currency_code` that is no ISO 4217 code, or with none, " +
			"has a null `price_amount` and a warning in `minor`, since its minor unit is unknown.",
		OneOf: []string{string(PriceUnitMajor), string(PriceUnitMinor)},
	}},
	Open: func(v *clients.Vendor, cfg httpapi.Config, s map[string]string) (clients.Client, error) {
		return newClient(v, cfg, PriceUnit(s["price_unit"]))
	},
}

// The data sources and the catalogue source name Vendor, which Go refuses in
// Vendor's own initializer.
func init() {
	Vendor.DataSources = []func() datasource.DataSource{NewPlansDataSource, NewPlanDataSource}
	Vendor.Catalog = planList.CatalogSource(clients.CatalogSource{})
}
