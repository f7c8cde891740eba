package identifai

import (
	"context"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

const (
	defaultOrder     = "created_at"
	defaultDirection = "desc"
)

// NewPricingsDataSource is the pricing_identifai_pricings data source.
func NewPricingsDataSource() datasource.DataSource { return datasources.NewList(Vendor, pricingList) }

// pricingList lists identifAI's partner pricings. They have no prices, so
// the catalogue's money for them is empty.
var pricingList = datasources.ListSpec[*Client, pricingsModel, Pricing, pricingModel]{
	Name: "pricings", Noun: "identifAI pricings", Schema: pricingsSchema,
	Read: func(c *Client, m *pricingsModel) httpapi.Read[[]Pricing] {
		m.Order = datasources.StringOrDefault(m.Order, defaultOrder)
		m.Direction = datasources.StringOrDefault(m.Direction, defaultDirection)
		return c.Pricings(ListPricingsInput{Order: m.Order.ValueString(), Direction: m.Direction.ValueString(), PerPage: m.PerPage.ValueInt64()})
	},

	Filters: func(m *pricingsModel) (datasources.ListFilters[Pricing], diag.Diagnostics) {
		filters, diags := datasources.FilterBy(m.IDs, m.NameRegex, func(p Pricing) (string, *string) { return strconv.FormatInt(p.ID, 10), p.Name })
		skus, skuDiags := datasources.NewListFilter(m.SKUs, types.StringNull())
		filters.Also = func(p Pricing) bool { return skus.IDs == nil || p.SKU != nil && skus.Keep(*p.SKU, nil) }
		return filters, append(diags, skuDiags...)
	},
	Item: func(_ context.Context, _ *Client, _ *pricingsModel, p Pricing, _ *datasources.MoneyConverter) (pricingModel, diag.Diagnostics) {
		return pricingFrom(p), nil
	},
	Store: func(m *pricingsModel, items []pricingModel, fetched datasources.FetchedModel) {
		m.Pricings, m.Total, m.FetchedModel = items, types.Int64Value(int64(len(items))), fetched
	},
	Catalog: func(_ *Client, p Pricing) clients.CatalogPlan {
		return clients.CatalogPlan{ID: strconv.FormatInt(p.ID, 10), NumericID: &p.ID, Name: p.Name}
	},
}

type pricingsModel struct {
	Order     types.String   `tfsdk:"order"`
	Direction types.String   `tfsdk:"direction"`
	PerPage   types.Int64    `tfsdk:"per_page"`
	IDs       []types.Int64  `tfsdk:"ids"`
	NameRegex types.String   `tfsdk:"name_regex"`
	SKUs      []types.String `tfsdk:"skus"`
	Pricings  []pricingModel `tfsdk:"pricings"`
	Total     types.Int64    `tfsdk:"total"`
	datasources.FetchedModel
}

type pricingModel struct {
	ID   types.Int64  `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	SKU  types.String `tfsdk:"sku"`
}

// pricingsSchema describes pricing_identifai_pricings.
func pricingsSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists every identifAI partner pricing plan (`GET /api/partner/pricings`), in API order. " +
			"The provider follows every page, so the list is complete whatever `per_page` is, and fails rather than return a partial list. " +
			"`ids`, `name_regex` and `skus` filter on the provider's side, after the one read of the listing that every data source " +
			"with the same `order`, `direction` and `per_page` shares, and before the state is written.",
		Attributes: map[string]schema.Attribute{
			"order": schema.StringAttribute{
				MarkdownDescription: "Field to sort by, passed to the API as `order`. Defaults to `created_at`.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(regexp.MustCompile(`^[a-z][a-z0-9_]*$`), "must be a field name in lower snake_case, such as created_at, id, name or sku"),
				},
			},
			"direction": schema.StringAttribute{
				MarkdownDescription: "Sort direction: `asc` or `desc`. Defaults to `desc`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.OneOf("asc", "desc")},
			},
			"per_page": schema.Int64Attribute{
				MarkdownDescription: "Page size to request, from 1 to 1000. When unset, the API returns every pricing in one response. " +
					"Either way the provider returns the complete list.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(1, 1000)},
			},
			"ids":        datasources.IDsAttribute("pricings", types.Int64Type),
			"name_regex": datasources.NameRegexAttribute("pricings"),
			"skus": schema.SetAttribute{
				MarkdownDescription: "Keep only the pricings with these SKU codes (exact, case-sensitive). An empty set keeps no pricings; unset keeps all.",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"pricings": schema.ListNestedAttribute{
				MarkdownDescription: "The pricing plans that pass the filters, in API order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: pricingAttributes(),
				},
			},
			"total": schema.Int64Attribute{
				MarkdownDescription: "Number of pricings in `pricings`: the number the API reported when no filter is set.",
				Computed:            true,
			},
		},
	}
}

func pricingAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":   schema.Int64Attribute{MarkdownDescription: "Numeric id of the pricing plan.", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Name of the pricing plan.", Computed: true},
		"sku":  schema.StringAttribute{MarkdownDescription: "SKU code of the pricing plan.", Computed: true},
	}
}

func pricingFrom(p Pricing) pricingModel {
	return pricingModel{
		ID:   types.Int64Value(p.ID),
		Name: types.StringPointerValue(p.Name),
		SKU:  types.StringPointerValue(p.SKU),
	}
}
