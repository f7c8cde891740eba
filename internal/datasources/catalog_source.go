package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/sync/errgroup"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// catalogSource is one vendor of the catalogue and how it is read.
type catalogSource struct {
	Vendor *clients.Vendor
	*clients.CatalogSource
}

// catalogSourcesOf are the vendors the catalogue reads, in the registry's
// order: those that declare a CatalogSource.
func catalogSourcesOf(vendors []*clients.Vendor) []catalogSource {
	var sources []catalogSource
	for _, v := range vendors {
		if v.Catalog != nil {
			sources = append(sources, catalogSource{Vendor: v, CatalogSource: v.Catalog})
		}
	}
	return sources
}

// sourceByIDs is the one source without a list endpoint; a second would
// need its own ids argument, which is the schema's to grow.
func (d *CatalogDataSource) sourceByIDs() catalogSource {
	for _, s := range d.sources {
		if s.ByIDs {
			return s
		}
	}
	panic("pricing_catalog: no source reads by ids, so " + catalogIDsAttribute + " has no vendor")
}

// vendorNames are the vendors' names, for the vendors argument.
func (d *CatalogDataSource) vendorNames() []string {
	names := make([]string, len(d.sources))
	for i, s := range d.sources {
		names[i] = s.Vendor.Name
	}
	return names
}

// catalogRead is one vendor's part of a catalogue read.
type catalogRead struct {
	source  catalogSource
	client  clients.Client
	ids     []int64
	items   []clients.CatalogPlan
	fetched httpapi.Fetched
}

// readCatalogSources reads every chosen vendor at once, and returns what
// the reads learned together. Any failure fails the catalogue: a vendor
// missing from it would read as a cheaper market.
func readCatalogSources(ctx context.Context, reads []*catalogRead) (httpapi.Fetched, error) {
	g, ctx := errgroup.WithContext(ctx)
	for _, r := range reads {
		g.Go(func() error {
			items, fetched, err := r.source.Read(ctx, r.client, r.ids)
			if err != nil {
				return fmt.Errorf("%s: %w", r.source.Vendor.Title, err)
			}
			r.items, r.fetched = items, fetched
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return httpapi.Fetched{}, err
	}
	var all httpapi.Fetched
	for _, r := range reads {
		all = all.Join(r.fetched)
	}
	return all, nil
}

// catalogPlanModel is one entry of the catalogue: the same object for
// every vendor.
type catalogPlanModel struct {
	Vendor    types.String `tfsdk:"vendor"`
	ID        types.String `tfsdk:"id"`
	NumericID types.Int64  `tfsdk:"numeric_id"`
	Name      types.String `tfsdk:"name"`
	Currency  types.String `tfsdk:"currency"`
	MoneyModel
}

// entries turns a vendor's items into catalogue entries, converting their
// money (and its warnings) as the vendor's own data sources do.
func (r *catalogRead) entries(diags *diag.Diagnostics) []catalogPlanModel {
	converter := NewMoneyConverter(r.source.Vendor.Title)
	out := make([]catalogPlanModel, len(r.items))
	for i, it := range r.items {
		out[i] = catalogPlanModel{
			Vendor:     types.StringValue(r.source.Vendor.Name),
			ID:         types.StringValue(it.ID),
			NumericID:  types.Int64PointerValue(it.NumericID),
			Name:       types.StringPointerValue(it.Name),
			Currency:   types.StringPointerValue(it.Currency),
			MoneyModel: converter.Convert(it.Money, it.MoneyErr),
		}
	}
	converter.AppendTo(diags)
	return out
}
