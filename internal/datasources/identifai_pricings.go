package datasources

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
)

var _ listDataSource = (*IdentifaiPricingsDataSource)(nil)

const (
	identifaiDefaultOrder     = "created_at"
	identifaiDefaultDirection = "desc"
)

// NewIdentifaiPricingsDataSource is the pricing_identifai_pricings data source.
func NewIdentifaiPricingsDataSource() datasource.DataSource {
	return &IdentifaiPricingsDataSource{vendorDataSource: newVendorDataSource[*clients.Identifai](clients.IdentifaiVendor, "pricings")}
}

func init() { register(NewIdentifaiPricingsDataSource) }

func init() {
	registerCatalogSource(catalogSource{vendor: clients.IdentifaiVendor, read: readIdentifaiCatalog})
}

// readIdentifaiCatalog reads the pricings with pricing_identifai_pricings'
// default query; they have no prices, so their money is empty.
func readIdentifaiCatalog(ctx context.Context, client clients.Client, _ []int64) ([]catalogItem, error) {
	list, err := client.(*clients.Identifai).ListPricings(ctx, clients.IdentifaiListPricingsInput{ //nolint:forcetypeassert // the registry opens this type
		Order: identifaiDefaultOrder, Direction: identifaiDefaultDirection,
	})
	if err != nil {
		return nil, err
	}
	items := make([]catalogItem, len(list.Pricings))
	for i, p := range list.Pricings {
		items[i] = catalogItem{id: strconv.FormatInt(p.ID, 10), numericID: &p.ID, name: p.Name}
	}
	return items, nil
}

// IdentifaiPricingsDataSource lists identifAI's partner pricings.
type IdentifaiPricingsDataSource struct {
	vendorDataSource[*clients.Identifai]
}

type identifaiPricingsModel struct {
	Order     types.String            `tfsdk:"order"`
	Direction types.String            `tfsdk:"direction"`
	PerPage   types.Int64             `tfsdk:"per_page"`
	IDs       []types.Int64           `tfsdk:"ids"`
	NameRegex types.String            `tfsdk:"name_regex"`
	SKUs      []types.String          `tfsdk:"skus"`
	Pricings  []identifaiPricingModel `tfsdk:"pricings"`
	Total     types.Int64             `tfsdk:"total"`
	fetchedModel
}

type identifaiPricingModel struct {
	ID   types.Int64  `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	SKU  types.String `tfsdk:"sku"`
}

// Schema describes pricing_identifai_pricings.
func (d *IdentifaiPricingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
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
			"ids":        idsAttribute("pricings", types.Int64Type),
			"name_regex": nameRegexAttribute("pricings"),
			"skus": schema.SetAttribute{
				MarkdownDescription: "Keep only the pricings with these SKU codes (exact, case-sensitive). An empty set keeps no pricings; unset keeps all.",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"pricings": schema.ListNestedAttribute{
				MarkdownDescription: "The pricing plans that pass the filters, in API order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: identifaiPricingAttributes(),
				},
			},
			"total": schema.Int64Attribute{
				MarkdownDescription: "Number of pricings in `pricings`: the number the API reported when no filter is set.",
				Computed:            true,
			},
		},
	}
	addFetchedAtAttribute(resp.Schema.Attributes)
}

func identifaiPricingAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":   schema.Int64Attribute{MarkdownDescription: "Numeric id of the pricing plan.", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Name of the pricing plan.", Computed: true},
		"sku":  schema.StringAttribute{MarkdownDescription: "SKU code of the pricing plan.", Computed: true},
	}
}

func (d *IdentifaiPricingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readList(ctx, d, req, resp)
}

// ReadModel reads the list; see listDataSource.
func (d *IdentifaiPricingsDataSource) ReadModel(ctx context.Context, config tfsdk.Config) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	var model identifaiPricingsModel
	diags.Append(config.Get(ctx, &model)...)
	if diags.HasError() || !d.requireKey(&diags) {
		return nil, diags
	}
	model.Order = stringOrDefault(model.Order, identifaiDefaultOrder)
	model.Direction = stringOrDefault(model.Direction, identifaiDefaultDirection)

	filter, filterDiags := newListFilter(model.IDs, model.NameRegex)
	skus, skuDiags := newListFilter(model.SKUs, types.StringNull())
	if diags.Append(append(filterDiags, skuDiags...)...); diags.HasError() {
		return nil, diags
	}
	ctx, report := httpapi.WithFetchReport(ctx)
	list, err := d.client.ListPricings(ctx, clients.IdentifaiListPricingsInput{
		Order:     model.Order.ValueString(),
		Direction: model.Direction.ValueString(),
		PerPage:   model.PerPage.ValueInt64(),
	})
	if err != nil {
		d.addReadError(&diags, "identifAI pricings", err)
		return nil, diags
	}

	model.Pricings = make([]identifaiPricingModel, 0, filteredCap(filter, len(list.Pricings)))
	for _, p := range list.Pricings {
		if filter.keep(strconv.FormatInt(p.ID, 10), p.Name) && (skus.ids == nil || p.SKU != nil && skus.keep(*p.SKU, nil)) {
			model.Pricings = append(model.Pricings, identifaiPricingFrom(p))
		}
	}
	model.Total = types.Int64Value(int64(len(model.Pricings)))
	model.fetchedModel = fetchedFromReport(&diags, report)
	return &model, diags
}

func identifaiPricingFrom(p clients.IdentifaiPricing) identifaiPricingModel {
	return identifaiPricingModel{
		ID:   types.Int64Value(p.ID),
		Name: types.StringPointerValue(p.Name),
		SKU:  types.StringPointerValue(p.SKU),
	}
}
