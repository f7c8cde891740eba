// Package onepin is one vendor of the provider, whole: OnePin's billing plans (`pricing_onepin_plans`, `pricing_onepin_plan`). It declares
// its Vendor for the registry (internal/vendors), and holds its client, its
// money mapping, its data sources and its catalogue source.
package onepin

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// Vendor declares OnePin, whose plan list is public.
var Vendor = &clients.Vendor{
	Name: "onepin", Title: "OnePin", DefaultBaseURL: DefaultBaseURL,
	KeyEnv: []string{"ONEPIN_API_KEY"}, BaseURLEnv: []string{"ONEPIN_BASE_URL"}, KeyOptional: true,
	Auth:   clients.Auth{Header: "Authorization", Scheme: "Bearer"},
	Pacing: clients.Pacing{Summary: "one page at a time, following next links"},
	Settings: []clients.Setting{{
		Name:        "workspace_id",
		Description: "OnePin workspace id, sent as the `X-Workspace-Id` header when set.",
	}, {
		Name: "language",
		Description: "Language of the plans' `plan_details`, sent as `Accept-Language`, such as `en` or `ko`. Defaults to `en`, " +
			"OnePin's own default.",
	}},
	Open: func(v *clients.Vendor, cfg httpapi.Config, s map[string]string) (clients.Client, error) {
		return newClient(v, cfg, s)
	},
}

// The data sources and the catalogue source name Vendor, which Go refuses in
// Vendor's own initializer.
func init() {
	Vendor.DataSources = []func() datasource.DataSource{NewPlansDataSource, NewPlanDataSource}
	Vendor.Catalog = planList.CatalogSource(clients.CatalogSource{})
}
