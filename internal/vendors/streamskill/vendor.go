// Package streamskill is one vendor of the provider, whole: StreamSkill's tariffs (`pricing_streamskill_tariff`), and their quotes (`pricing_tariff_quote`, `tariff_quote`). It declares
// its Vendor for the registry (internal/vendors), and holds its client, its
// money mapping, its data sources and its catalogue source.
package streamskill

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// Vendor declares StreamSkill.
var Vendor = &clients.Vendor{
	Name: "streamskill", Title: "StreamSkill", DefaultBaseURL: DefaultBaseURL,
	KeyEnv: []string{"STREAMSKILL_API_KEY"}, BaseURLEnv: []string{"STREAMSKILL_BASE_URL"},
	Auth: clients.Auth{Header: "Authorization", Scheme: "Bearer"},
	// The documented token bucket, which is smaller without a key.
	Pacing: clients.Pacing{
		WithKey:    []clients.Limit{{PerSecond: 2, Burst: 30}},
		WithoutKey: []clients.Limit{{PerSecond: 0.5, Burst: 5}},
		Summary:    "a burst of 30, then 2 requests/s with a key (a burst of 5, then one request every 2 s without)",
	},
	Settings: []clients.Setting{{
		Name:        "language",
		Description: "Language of tariff titles and texts, sent as `Accept-Language`: `en` or `ru`. Defaults to `en`.",
		OneOf:       []string{"en", "ru"},
	}},
	Open: func(v *clients.Vendor, cfg httpapi.Config, s map[string]string) (clients.Client, error) {
		return newClient(v, cfg, s["language"])
	},
}

// The data sources and the catalogue source name Vendor, which Go refuses in
// Vendor's own initializer. StreamSkill has no list endpoint, so the
// catalogue reads it only for the tariff ids the user gives.
func init() {
	Vendor.DataSources = []func() datasource.DataSource{NewTariffDataSource, NewTariffQuoteDataSource}
	Vendor.Functions = []func() function.Function{NewTariffQuoteFunction}
	Vendor.Catalog = &clients.CatalogSource{ByIDs: true, Read: readCatalog, NumericIDs: true, Note: "StreamSkill tariffs have a `price_amount` in the account's currency (which the API does not name) and no billing period."}
}
