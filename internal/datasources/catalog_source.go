package datasources

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/sync/errgroup"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// catalogSource is how pricing_catalog reads one vendor. Each vendor's list
// data source file registers its own, so the catalogue knows no vendor.
type catalogSource struct {
	vendor *clients.Vendor
	// byIDs is true for a vendor without a list endpoint: it joins only
	// for the ids in catalogIDsAttribute.
	byIDs bool
	// read returns the vendor's plans in API order, through the client's
	// per-run memo, so a list data source of the same run costs no request
	// more. ids are catalogIDsAttribute's, for a byIDs source.
	read func(ctx context.Context, client clients.Client, ids []int64) ([]catalogItem, error)
}

// catalogItem is one plan of a vendor, before it becomes a catalogue entry.
type catalogItem struct {
	id        string
	numericID *int64 // the id as the vendor's lookup takes it, when a number
	name      *string
	currency  *string
	money     money.Money
	moneyErr  error
}

var catalogSources []catalogSource

// registerCatalogSource adds a vendor to pricing_catalog.
func registerCatalogSource(s catalogSource) {
	catalogSources = append(catalogSources, s)
	// The catalogue lists vendors in the registry's order.
	slices.SortStableFunc(catalogSources, func(a, b catalogSource) int {
		return slices.Index(clients.Vendors, a.vendor) - slices.Index(clients.Vendors, b.vendor)
	})
}

// catalogIDsAttribute lists the items of the one vendor without a list.
const catalogIDsAttribute = "streamskill_tariff_ids"

// catalogSourceByIDs is the one source without a list endpoint; a second
// would need its own ids argument, which is the schema's to grow.
func catalogSourceByIDs() catalogSource {
	for _, s := range catalogSources {
		if s.byIDs {
			return s
		}
	}
	panic("pricing_catalog: no source reads by ids, so " + catalogIDsAttribute + " has no vendor")
}

// catalogVendorNames are the vendors' names, for the vendors argument.
func catalogVendorNames() []string {
	names := make([]string, len(catalogSources))
	for i, s := range catalogSources {
		names[i] = s.vendor.Name
	}
	return names
}

// catalogRead is one vendor's part of a catalogue read.
type catalogRead struct {
	source catalogSource
	client clients.Client
	ids    []int64
	items  []catalogItem
}

// readCatalogSources reads every chosen vendor at once. Any failure fails
// the catalogue: a vendor missing from it would read as a cheaper market.
func readCatalogSources(ctx context.Context, reads []*catalogRead) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, r := range reads {
		g.Go(func() error {
			items, err := r.source.read(ctx, r.client, r.ids)
			if err != nil {
				return fmt.Errorf("%s: %w", r.source.vendor.Title, err)
			}
			r.items = items
			return nil
		})
	}
	return g.Wait()
}

// catalogPlanModel is one entry of the catalogue: the same object for
// every vendor.
type catalogPlanModel struct {
	Vendor    types.String `tfsdk:"vendor"`
	ID        types.String `tfsdk:"id"`
	NumericID types.Int64  `tfsdk:"numeric_id"`
	Name      types.String `tfsdk:"name"`
	Currency  types.String `tfsdk:"currency"`
	moneyModel
}

// entries turns a vendor's items into catalogue entries, converting their
// money (and its warnings) as the vendor's own data sources do.
func (r *catalogRead) entries(diags *diag.Diagnostics) []catalogPlanModel {
	converter := newMoneyConverter(r.source.vendor.Title)
	out := make([]catalogPlanModel, len(r.items))
	for i, it := range r.items {
		out[i] = catalogPlanModel{
			Vendor:     types.StringValue(r.source.vendor.Name),
			ID:         types.StringValue(it.id),
			NumericID:  types.Int64PointerValue(it.numericID),
			Name:       types.StringPointerValue(it.name),
			Currency:   types.StringPointerValue(it.currency),
			moneyModel: converter.convert(it.money, it.moneyErr),
		}
	}
	converter.appendTo(diags)
	return out
}
