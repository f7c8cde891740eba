// Package provider wires the pricing provider: its configuration, the vendor
// clients, and the registry of data sources and functions.
package provider

import (
	"context"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
	"github.com/pricingkit/terraform-provider-pricing/internal/functions"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

var (
	_ provider.Provider              = (*PricingProvider)(nil)
	_ provider.ProviderWithFunctions = (*PricingProvider)(nil)
)

// PricingProvider reads vendors' price lists as typed Terraform data.
type PricingProvider struct {
	// version is set by the release build (ldflags) and sent in User-Agent.
	version string

	// vendors is the registry the schema and the clients are built from.
	vendors []*clients.Vendor

	// configured is what Configure hands the data sources, kept for the
	// reads the protocol server serves itself (server.go).
	configured atomic.Pointer[datasources.ProviderData]

	// secrets holds every configured key, for the server to scrub from
	// whatever it sends Terraform (server.go).
	secrets *httpapi.Redactor
}

// New returns the provider factory for providerserver and for tests.
func New(version string) func() provider.Provider {
	return newPricingProvider(version, vendors.All)
}

// newPricingProvider builds the provider for a given vendor registry; tests
// use it to check that a vendor needs nothing but its registry entry.
func newPricingProvider(version string, vendors []*clients.Vendor) func() provider.Provider {
	return func() provider.Provider { return newProvider(version, vendors) }
}

func newProvider(version string, vendors []*clients.Vendor) *PricingProvider {
	return &PricingProvider{version: version, vendors: vendors, secrets: httpapi.NewRedactor()}
}

// Metadata names the provider pricing and reports its version.
func (p *PricingProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "pricing"
	resp.Version = p.version
}

// Resources is empty: the provider only reads.
func (p *PricingProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

// DataSources are pricing_catalog and every vendor's own.
func (p *PricingProvider) DataSources(context.Context) []func() datasource.DataSource {
	all := []func() datasource.DataSource{datasources.NewCatalogDataSource(p.vendors)}
	for _, v := range p.vendors {
		all = append(all, v.DataSources...)
	}
	return all
}

// Functions are plan_changes and every vendor's own.
func (p *PricingProvider) Functions(context.Context) []func() function.Function {
	all := []func() function.Function{functions.NewPlanChangesFunction}
	for _, v := range p.vendors {
		all = append(all, v.Functions...)
	}
	return all
}
