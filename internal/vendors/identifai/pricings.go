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
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

var _ datasources.ListDataSource = (*PricingsDataSource)(nil)

const (
	defaultOrder     = "created_at"
	defaultDirection = "desc"
)

// NewPricingsDataSource is the pricing_identifai_pricings data source.
func NewPricingsDataSource() datasource.DataSource {
	return &PricingsDataSource{VendorDataSource: datasources.NewVendorDataSource[*Client](Vendor, "pricings")}
}

// readCatalog reads the pricings with pricing_identifai_pricings'
// default query; they have no prices, so their money is empty.
func readCatalog(ctx context.Context, client clients.Client, _ []int64) ([]clients.CatalogPlan, httpapi.Fetched, error) {
	list, fetched, err := client.(*Client).ListPricings(ctx, ListPricingsInput{ //nolint:forcetypeassert // the registry opens this type
		Order: defaultOrder, Direction: defaultDirection,
	})
	if err != nil {
		return nil, httpapi.Fetched{}, err
	}
	items := make([]clients.CatalogPlan, len(list.Pricings))
	for i, p := range list.Pricings {
		items[i] = clients.CatalogPlan{ID: strconv.FormatInt(p.ID, 10), NumericID: &p.ID, Name: p.Name}
	}
	return items, fetched, nil
}

// PricingsDataSource lists identifAI's partner pricings.
type PricingsDataSource struct {
	datasources.VendorDataSource[*Client]
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

// Schema describes pricing_identifai_pricings.
func (d *PricingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
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
	datasources.AddFetchedAtAttribute(resp.Schema.Attributes)
}

func pricingAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":   schema.Int64Attribute{MarkdownDescription: "Numeric id of the pricing plan.", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Name of the pricing plan.", Computed: true},
		"sku":  schema.StringAttribute{MarkdownDescription: "SKU code of the pricing plan.", Computed: true},
	}
}

func (d *PricingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	datasources.ReadList(ctx, d, req, resp)
}

// ReadModel reads the list; see listDataSource.
func (d *PricingsDataSource) ReadModel(ctx context.Context, config tfsdk.Config) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	var model pricingsModel
	diags.Append(config.Get(ctx, &model)...)
	if diags.HasError() || !d.RequireKey(&diags) {
		return nil, diags
	}
	model.Order = datasources.StringOrDefault(model.Order, defaultOrder)
	model.Direction = datasources.StringOrDefault(model.Direction, defaultDirection)

	filter, filterDiags := datasources.NewListFilter(model.IDs, model.NameRegex)
	skus, skuDiags := datasources.NewListFilter(model.SKUs, types.StringNull())
	if diags.Append(append(filterDiags, skuDiags...)...); diags.HasError() {
		return nil, diags
	}
	list, fetched, err := d.Client.ListPricings(ctx, ListPricingsInput{
		Order:     model.Order.ValueString(),
		Direction: model.Direction.ValueString(),
		PerPage:   model.PerPage.ValueInt64(),
	})
	if err != nil {
		d.AddReadError(&diags, "identifAI pricings", err)
		return nil, diags
	}

	model.Pricings = make([]pricingModel, 0, datasources.FilteredCap(filter, len(list.Pricings)))
	for _, p := range list.Pricings {
		if filter.Keep(strconv.FormatInt(p.ID, 10), p.Name) && (skus.IDs == nil || p.SKU != nil && skus.Keep(*p.SKU, nil)) {
			model.Pricings = append(model.Pricings, pricingFrom(p))
		}
	}
	model.Total = types.Int64Value(int64(len(model.Pricings)))
	model.FetchedModel = datasources.FetchedFrom(&diags, fetched)
	return &model, diags
}

func pricingFrom(p Pricing) pricingModel {
	return pricingModel{
		ID:   types.Int64Value(p.ID),
		Name: types.StringPointerValue(p.Name),
		SKU:  types.StringPointerValue(p.SKU),
	}
}
