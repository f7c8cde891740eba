// Package paygentic is one vendor of the provider, whole: Paygentic's plans (`pricing_paygentic_plans`, `pricing_paygentic_plan`). It declares
// its Vendor for the registry (internal/vendors), and holds its client, its
// money mapping, its data sources and its catalogue source.
package paygentic

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// Vendor declares Paygentic.
var Vendor = &clients.Vendor{
	Name: "paygentic", Title: "Paygentic", DefaultBaseURL: DefaultBaseURL,
	KeyEnv: []string{"PAYGENTIC_API_KEY", "PAYGENTIC_BEARER_AUTH"}, BaseURLEnv: []string{"PAYGENTIC_BASE_URL"},
	Auth: clients.Auth{Header: "Authorization", Scheme: "Bearer"},
	Pacing: clients.Pacing{
		Parallel: httpapi.UnpacedMaxParallelRequests,
		Summary:  "no documented limit; a 429 is waited out as `Retry-After` asks, within `rate_limit_wait`",
	},
	Open: func(v *clients.Vendor, cfg httpapi.Config, _ map[string]string) (clients.Client, error) {
		return newClient(v, cfg)
	},
}

// The data sources and the catalogue source name Vendor, which Go refuses in
// Vendor's own initializer.
func init() {
	Vendor.DataSources = []func() datasource.DataSource{NewPlansDataSource, NewPlanDataSource}
	Vendor.Catalog = planList.CatalogSource(clients.CatalogSource{})
}
