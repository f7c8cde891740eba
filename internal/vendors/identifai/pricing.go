package identifai

import (
	"cmp"
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

var (
	_ datasource.DataSource                     = (*PricingDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*PricingDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*PricingDataSource)(nil)
)

// NewPricingDataSource is the pricing_identifai_pricing data source.
func NewPricingDataSource() datasource.DataSource {
	return &PricingDataSource{VendorDataSource: datasources.NewVendorDataSource[*Client](Vendor, "pricing")}
}

// PricingDataSource looks up one identifAI pricing by id, SKU or name.
type PricingDataSource struct {
	datasources.VendorDataSource[*Client]
}

// Schema describes pricing_identifai_pricing.
func (d *PricingDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one identifAI partner pricing plan by exactly one of `id`, `sku` or `name`. " +
			"identifAI has no single-pricing endpoint, so the provider reads the list (shared with any " +
			"`pricing_identifai_pricings` of the same run) and fails unless exactly one pricing matches; when none does, the error suggests the closest values (`did you mean …?`).",
		Attributes: map[string]schema.Attribute{
			"id": schema.Int64Attribute{
				MarkdownDescription: "Numeric id of the pricing plan to find.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"sku": schema.StringAttribute{
				MarkdownDescription: "SKU code of the pricing plan to find (exact, case-sensitive).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the pricing plan to find (exact, case-sensitive).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
	datasources.AddFetchedAtAttribute(resp.Schema.Attributes)
}

// ConfigValidators require exactly one of id, sku and name.
func (d *PricingDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("sku"), path.MatchRoot("name")),
	}
}

func (d *PricingDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model pricingState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.RequireKey(&resp.Diagnostics) {
		return
	}

	// The default query is the one pricing_identifai_pricings uses when
	// left at its defaults, so both share one fetch.
	list, fetched, err := d.Client.ListPricings(ctx, ListPricingsInput{
		Order:     defaultOrder,
		Direction: defaultDirection,
	})
	if err != nil {
		d.AddReadError(&resp.Diagnostics, "identifAI pricings", err)
		return
	}

	pricing, ok := datasources.FindOne(&resp.Diagnostics, pricingNoun, pricingKey(model.pricingModel), list.Pricings)
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, pricingState{pricingFrom(pricing), datasources.FetchedFrom(&resp.Diagnostics, fetched)})...)
	}
}

var pricingNoun = datasources.LookupNoun[Pricing]{
	One: "identifAI pricing", Many: "identifAI pricings",
	Hint:  "look the pricing up by id or sku instead",
	ID:    func(p Pricing) string { return fmt.Sprint(p.ID) },
	Order: func(a, b Pricing) int { return cmp.Compare(a.ID, b.ID) },
}

// pricingKey is the one of id, sku and name the user gave.
func pricingKey(model pricingModel) datasources.Lookup[Pricing] {
	switch {
	case !model.ID.IsNull():
		return datasources.NumberLookup("id", model.ID.ValueInt64(), func(p Pricing) int64 { return p.ID })
	case !model.SKU.IsNull():
		return datasources.StringLookup("sku", model.SKU.ValueString(), func(p Pricing) *string { return p.SKU })
	default:
		return datasources.StringLookup("name", model.Name.ValueString(), func(p Pricing) *string { return p.Name })
	}
}

// pricingState is the lookup's state: the pricing, and when it
// was fetched.
type pricingState struct {
	pricingModel
	datasources.FetchedModel
}
