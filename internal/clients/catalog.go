package clients

import (
	"context"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"

	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// CatalogSource is how pricing_catalog reads one vendor.
type CatalogSource struct {
	// ByIDs is true for a vendor without a list endpoint: it joins the
	// catalogue only for the ids the user gives.
	ByIDs bool
	// Read returns the vendor's plans in API order, through the same shared
	// listing as the vendor's list data source, so a catalogue beside it
	// costs no request more. ids are the user's, for a ByIDs source.
	Read func(ctx context.Context, client Client, ids []int64) ([]CatalogPlan, httpapi.Fetched, error)
	// NumericIDs is true when the vendor's ids are numbers
	// (CatalogPlan.NumericID is set).
	NumericIDs bool
	// Note tells, in the catalogue's documentation, how the vendor's plans
	// read there when that differs from the others'; "" when it does not.
	Note string
}

// CatalogPlan is one plan of a vendor, before it becomes a catalogue entry.
type CatalogPlan struct {
	ID string
	// NumericID is the id as the vendor's lookup takes it, when a number.
	NumericID *int64
	Name      *string
	Currency  *string
	Money     money.Money
	// MoneyErr is why Money could not be read; the catalogue reports it as
	// the vendor's own data sources do.
	MoneyErr error
}
