package datasources

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// LookupSpec declares a vendor's lookup data source: how it finds the one
// item its configuration names, and how that item becomes state. The read
// (configuration, key, find, money, fetched_at, state) is written once, in
// VendorLookup's Read.
//
// C is the vendor's client, M the data source's configuration and T the
// client's item.
type LookupSpec[C clients.Client, M, T any] struct {
	// Name is the data source's name after "pricing_<vendor>_": "plan".
	Name string
	// Public lookups need no API key.
	Public bool
	// Schema is the data source's schema without fetched_at.
	Schema func() schema.Schema
	// ConfigValidators check the configuration as a whole ("exactly one of
	// id and name").
	ConfigValidators []datasource.ConfigValidator
	// What names the read in the diagnostic of a failed read: "Acme plans".
	What func(config *M) string
	// Find fetches the item the configuration names; an error from
	// NotFound, or from InListing, says there is no such item. Find may write
	// the defaults it used back to the configuration.
	Find func(ctx context.Context, client C, config *M) (T, httpapi.Fetched, error)
	// State is the data source's state for the item, converting its money
	// with money: a value of the schema's model.
	State func(ctx context.Context, client C, config *M, item T, money *MoneyConverter, fetched FetchedModel) (any, diag.Diagnostics)
}

// VendorLookup is a lookup data source declared by a LookupSpec.
type VendorLookup[C clients.Client, M, T any] struct {
	VendorDataSource[C]
	spec LookupSpec[C, M, T]
}

var _ datasource.DataSourceWithConfigValidators = (*VendorLookup[clients.Client, struct{}, struct{}])(nil)

// NewLookup is vendor's lookup data source declared by spec.
func NewLookup[C clients.Client, M, T any](vendor *clients.Vendor, spec LookupSpec[C, M, T]) datasource.DataSource {
	return &VendorLookup[C, M, T]{VendorDataSource: NewVendorDataSource[C](vendor, spec.Name), spec: spec}
}

// Schema is the spec's schema with fetched_at.
func (d *VendorLookup[C, M, T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.Schema()
	AddFetchedAtAttribute(resp.Schema.Attributes)
}

// ConfigValidators are the spec's.
func (d *VendorLookup[C, M, T]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.spec.ConfigValidators
}

func (d *VendorLookup[C, M, T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config := new(M)
	if resp.Diagnostics.Append(req.Config.Get(ctx, config)...); resp.Diagnostics.HasError() || (!d.spec.Public && !d.RequireKey(&resp.Diagnostics)) {
		return
	}
	item, fetched, err := d.spec.Find(ctx, d.Client, config)
	var miss *missError
	switch {
	case errors.As(err, &miss):
		resp.Diagnostics.Append(miss.diags...)
		return
	case err != nil:
		d.AddReadError(&resp.Diagnostics, d.spec.What(config), err)
		return
	}
	money := NewMoneyConverter(d.Vendor.Title)
	state, diags := d.spec.State(ctx, d.Client, config, item, money, FetchedFrom(&resp.Diagnostics, fetched))
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	if money.AppendTo(&resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// missError is a lookup's answer that the item it looks for is not there,
// or not one: its diagnostics name the attribute looked up by.
type missError struct{ diags diag.Diagnostics }

func (e *missError) Error() string { return e.diags[0].Summary() }

// NotFound is a Find's answer that no item has the value of attribute.
func NotFound(attribute, summary, detail string) error {
	return &missError{diag.Diagnostics{diag.NewAttributeErrorDiagnostic(path.Root(attribute), summary, detail)}}
}

// InListing is a Find over a whole listing: the one item of the listing
// that matches the key the configuration gives (see FindOne).
func InListing[C clients.Client, M, T any](
	listing func(client C) httpapi.Read[[]T], noun LookupNoun[T], key func(config *M) Lookup[T],
) func(ctx context.Context, client C, config *M) (T, httpapi.Fetched, error) {
	return func(ctx context.Context, client C, config *M) (T, httpapi.Fetched, error) {
		all, fetched, err := listing(client).Run(ctx)
		if err != nil {
			var zero T
			return zero, fetched, err
		}
		var diags diag.Diagnostics
		item, ok := FindOne(&diags, noun, key(config), all)
		if !ok {
			return item, fetched, &missError{diags}
		}
		return item, fetched, nil
	}
}
