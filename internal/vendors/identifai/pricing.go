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
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// NewPricingDataSource is the pricing_identifai_pricing data source.
func NewPricingDataSource() datasource.DataSource {
	return datasources.NewLookup(Vendor, pricingLookup)
}

// identifAI has no single-pricing endpoint: the lookup reads the list with
// pricing_identifai_pricings' default query, so both share one fetch.
var pricingLookup = datasources.LookupSpec[*Client, pricingState, Pricing]{
	Name: "pricing", Schema: pricingSchema,
	ConfigValidators: []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("sku"), path.MatchRoot("name")),
	},
	What: func(*pricingState) string { return "identifAI pricings" },
	Find: datasources.InListing(func(c *Client) httpapi.Read[[]Pricing] { return pricingList.Read(c, &pricingsModel{}) }, pricingNoun, func(m *pricingState) datasources.Lookup[Pricing] { return pricingKey(m.pricingModel) }),
	State: func(_ context.Context, _ *Client, _ *pricingState, p Pricing, _ *datasources.MoneyConverter, fetched datasources.FetchedModel) (any, diag.Diagnostics) {
		return pricingState{pricingFrom(p), fetched}, nil
	},
}

// pricingSchema describes pricing_identifai_pricing.
func pricingSchema() schema.Schema {
	return schema.Schema{
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
