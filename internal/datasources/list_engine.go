package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// ListSpec declares a vendor's list data source: what it fetches, how its
// configuration filters the listing and how a kept item becomes state. The
// read itself (configuration, key, filters, fetch, case warnings, map with
// money, count, fetched_at) is the same for every list and written once, in
// VendorList's ReadModel.
//
// C is the vendor's client, M the data source's model (configuration and
// state), T the client's item and I the state's item.
type ListSpec[C clients.Client, M, T, I any] struct {
	// Name is the data source's name after "pricing_<vendor>_": "plans".
	Name string
	// Noun names the listing in diagnostics: "Acme plans".
	Noun string
	// Public lists need no API key.
	Public bool
	// Schema is the data source's schema without fetched_at.
	Schema func() schema.Schema
	// Read declares the read of the whole listing the configuration asks
	// the API for; the engine runs it. It may write the query's defaults
	// back to the configuration, which becomes the state.
	Read func(client C, config *M) httpapi.Read[[]T]
	// Filters are the configuration's filters on the listing; nil keeps
	// every item.
	Filters func(config *M) (ListFilters[T], diag.Diagnostics)
	// Item maps one kept item, converting its money with money.
	Item func(ctx context.Context, client C, config *M, item T, money *MoneyConverter) (I, diag.Diagnostics)
	// Store writes the kept items and fetched_at to the state.
	Store func(state *M, items []I, fetched FetchedModel)
	// Catalog is an item as pricing_catalog shows it; nil when the
	// vendor's catalogue is not this listing.
	Catalog func(client C, item T) clients.CatalogPlan
}

// VendorList is a list data source declared by a ListSpec.
type VendorList[C clients.Client, M, T, I any] struct {
	VendorDataSource[C]
	spec ListSpec[C, M, T, I]
}

var _ ListDataSource = (*VendorList[clients.Client, struct{}, struct{}, struct{}])(nil)

// NewList is vendor's list data source declared by spec.
func NewList[C clients.Client, M, T, I any](vendor *clients.Vendor, spec ListSpec[C, M, T, I]) datasource.DataSource {
	return &VendorList[C, M, T, I]{VendorDataSource: NewVendorDataSource[C](vendor, spec.Name), spec: spec}
}

// Schema is the spec's schema with fetched_at.
func (d *VendorList[C, M, T, I]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.Schema()
	AddFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *VendorList[C, M, T, I]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	ReadList(ctx, d, req, resp)
}

// ReadModel reads the list; see ListDataSource.
func (d *VendorList[C, M, T, I]) ReadModel(ctx context.Context, config tfsdk.Config) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	model := new(M)
	if diags.Append(config.Get(ctx, model)...); diags.HasError() || (!d.spec.Public && !d.RequireKey(&diags)) {
		return nil, diags
	}
	var filters ListFilters[T]
	if d.spec.Filters != nil {
		var filterDiags diag.Diagnostics
		filters, filterDiags = d.spec.Filters(model)
		if diags.Append(filterDiags...); diags.HasError() {
			return nil, diags
		}
	}
	all, fetched, err := d.spec.Read(d.Client, model).Run(ctx)
	if err != nil {
		d.AddReadError(&diags, d.spec.Noun, err)
		return nil, diags
	}

	WarnCaseOnlyMisses(&diags, d.spec.Noun, all, filters.Exact)
	money := NewMoneyConverter(d.Vendor.Title)
	items := make([]I, 0, filters.capacity(len(all)))
	for _, item := range all {
		if !filters.keep(item) {
			continue
		}
		mapped, itemDiags := d.spec.Item(ctx, d.Client, model, item, money)
		diags.Append(itemDiags...)
		items = append(items, mapped)
	}
	if money.AppendTo(&diags); diags.HasError() {
		return nil, diags
	}
	d.spec.Store(model, items, FetchedFrom(&diags, fetched))
	return model, diags
}

// CatalogSource is source, reading the catalogue from this listing: every
// item of the listing a configuration without arguments reads.
func (s ListSpec[C, M, T, I]) CatalogSource(source clients.CatalogSource) *clients.CatalogSource {
	source.Read = func(ctx context.Context, client clients.Client, _ []int64) ([]clients.CatalogPlan, httpapi.Fetched, error) {
		c := client.(C) //nolint:forcetypeassert // the registry opens the vendor's own client type
		all, fetched, err := s.Read(c, new(M)).Run(ctx)
		if err != nil {
			return nil, httpapi.Fetched{}, err
		}
		plans := make([]clients.CatalogPlan, len(all))
		for i, item := range all {
			plans[i] = s.Catalog(c, item)
		}
		return plans, fetched, nil
	}
	return &source
}
