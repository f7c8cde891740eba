package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// VendorDataSource is embedded by every data source that reads one vendor:
// it names the data source, takes the vendor's client from the provider
// data, and turns missing keys and client errors into diagnostics.
type VendorDataSource[C clients.Client] struct {
	Vendor   *clients.Vendor
	TypeName string // after "pricing_", e.g. "acme_plans"
	Client   C
	keyHelp  string
}

// NewVendorDataSource is the base of vendor's data source
// pricing_<vendor>_<suffix>, whose client is a C.
func NewVendorDataSource[C clients.Client](vendor *clients.Vendor, suffix string) VendorDataSource[C] {
	return VendorDataSource[C]{Vendor: vendor, TypeName: vendor.Name + "_" + suffix}
}

// Metadata names the data source pricing_<vendor>_<suffix>.
func (d *VendorDataSource[C]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.TypeName
}

// Configure takes the vendor's client from the provider data.
func (d *VendorDataSource[C]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	data, ok := providerData(req, resp)
	if !ok {
		return
	}
	client, ok := data.clients[d.Vendor].(C)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("No %s client of type %T is configured. This is a bug in the provider; please report it.", d.Vendor.Title, d.Client))
		return
	}
	d.Client = client
	d.keyHelp = data.keyHelp[d.Vendor]
}

// providerData is the provider's data for Configure; false before the
// provider is configured (validation runs before it) or on a bug.
func providerData(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) (*ProviderData, bool) {
	if req.ProviderData == nil {
		return nil, false
	}
	data, ok := req.ProviderData.(*ProviderData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *datasources.ProviderData, got %T. This is a bug in the provider; please report it.", req.ProviderData))
	}
	return data, ok
}

// RequireKey adds an error naming the provider attribute and environment
// variable when the vendor has no key.
func (d *VendorDataSource[C]) RequireKey(diags *diag.Diagnostics) bool {
	if d.Client.HasAPIKey() {
		return true
	}
	diags.AddError(
		fmt.Sprintf("Missing %s API key", d.Vendor.Title),
		fmt.Sprintf("This data source reads the %s API, which needs an API key. %s", d.Vendor.Title, d.keyHelp),
	)
	return false
}

// AddReadError turns a read's error into one readable diagnostic, its
// summary from what the failure means (httpapi.FailureOf), with a hint for
// what the user can do about a rejected key.
func (d *VendorDataSource[C]) AddReadError(diags *diag.Diagnostics, what string, err error) {
	summary := fmt.Sprintf("Unable to read %s", what)
	detail := err.Error()

	switch httpapi.FailureOf(err) {
	case httpapi.NoCachedCopy:
		summary = fmt.Sprintf("No cached copy of %s (offline)", what)
		detail = fmt.Sprintf("pricing_%s reads %s, but the provider's cache is offline and holds no copy of it.\n\n%s", d.TypeName, d.Vendor.Title, detail)
	case httpapi.KeyRejected:
		summary = fmt.Sprintf("%s rejected the API key", d.Vendor.Title)
		detail += "\n\nCheck the key: " + d.keyHelp
	case httpapi.NotFound:
		summary = fmt.Sprintf("%s not found", what)
	case httpapi.Incomplete:
		summary = fmt.Sprintf("Incomplete or inconsistent %s listing", d.Vendor.Title)
		detail += "\n\nThe provider never returns a partial list."
	}
	diags.AddError(summary, detail)
}
