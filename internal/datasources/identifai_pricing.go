package datasources

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

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

var (
	_ datasource.DataSource                     = (*IdentifaiPricingDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*IdentifaiPricingDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*IdentifaiPricingDataSource)(nil)
)

// NewIdentifaiPricingDataSource is the pricing_identifai_pricing data source.
func NewIdentifaiPricingDataSource() datasource.DataSource {
	return &IdentifaiPricingDataSource{vendorDataSource: newVendorDataSource[*clients.Identifai](clients.IdentifaiVendor, "pricing")}
}

func init() { register(NewIdentifaiPricingDataSource) }

// IdentifaiPricingDataSource looks up one identifAI pricing by id, SKU or name.
type IdentifaiPricingDataSource struct {
	vendorDataSource[*clients.Identifai]
}

// Schema describes pricing_identifai_pricing.
func (d *IdentifaiPricingDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
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
	addFetchedAtAttribute(resp.Schema.Attributes)
}

// ConfigValidators require exactly one of id, sku and name.
func (d *IdentifaiPricingDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("sku"), path.MatchRoot("name")),
	}
}

func (d *IdentifaiPricingDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model identifaiPricingState
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.requireKey(&resp.Diagnostics) {
		return
	}

	// The default query is the one pricing_identifai_pricings uses when
	// left at its defaults, so both share one fetch.
	ctx, report := httpapi.WithFetchReport(ctx)
	list, err := d.client.ListPricings(ctx, clients.IdentifaiListPricingsInput{
		Order:     identifaiDefaultOrder,
		Direction: identifaiDefaultDirection,
	})
	if err != nil {
		d.addReadError(&resp.Diagnostics, "identifAI pricings", err)
		return
	}

	pricing, ok := findOne(&resp.Diagnostics, identifaiPricingNoun, identifaiPricingKey(model.identifaiPricingModel), list.Pricings)
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, identifaiPricingState{identifaiPricingFrom(pricing), fetchedFromReport(&resp.Diagnostics, report)})...)
	}
}

var identifaiPricingNoun = lookupNoun[clients.IdentifaiPricing]{
	one: "identifAI pricing", many: "identifAI pricings",
	hint:  "look the pricing up by id or sku instead",
	id:    func(p clients.IdentifaiPricing) string { return fmt.Sprint(p.ID) },
	order: func(a, b clients.IdentifaiPricing) int { return cmp.Compare(a.ID, b.ID) },
}

// identifaiPricingKey is the one of id, sku and name the user gave.
func identifaiPricingKey(model identifaiPricingModel) lookup[clients.IdentifaiPricing] {
	switch {
	case !model.ID.IsNull():
		return numberLookup("id", model.ID.ValueInt64(), func(p clients.IdentifaiPricing) int64 { return p.ID })
	case !model.SKU.IsNull():
		return stringLookup("sku", model.SKU.ValueString(), func(p clients.IdentifaiPricing) *string { return p.SKU })
	default:
		return stringLookup("name", model.Name.ValueString(), func(p clients.IdentifaiPricing) *string { return p.Name })
	}
}

// identifaiPricingState is the lookup's state: the pricing, and when it
// was fetched.
type identifaiPricingState struct {
	identifaiPricingModel
	fetchedModel
}
