package datasources

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
)

var (
	_ datasource.DataSource                     = (*IdentifaiPricingDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*IdentifaiPricingDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*IdentifaiPricingDataSource)(nil)
)

// NewIdentifaiPricingDataSource is the pricing_identifai_pricing data source.
func NewIdentifaiPricingDataSource() datasource.DataSource {
	return &IdentifaiPricingDataSource{}
}

// IdentifaiPricingDataSource looks up one identifAI pricing by id, SKU or name.
type IdentifaiPricingDataSource struct {
	data *ProviderData
}

func (d *IdentifaiPricingDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_identifai_pricing"
}

func (d *IdentifaiPricingDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one identifAI partner pricing plan by exactly one of `id`, `sku` or `name`. " +
			"identifAI has no single-pricing endpoint, so the provider reads the list (shared with any " +
			"`pricing_identifai_pricings` of the same run) and fails unless exactly one pricing matches.",
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

func (d *IdentifaiPricingDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("sku"), path.MatchRoot("name")),
	}
}

func (d *IdentifaiPricingDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configureProviderData(req, resp)
}

func (d *IdentifaiPricingDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model identifaiPricingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !d.data.requireKey(&resp.Diagnostics, "identifai", d.data.Identifai.HasAPIKey()) {
		return
	}

	// The default query is the one pricing_identifai_pricings uses when
	// left at its defaults, so both share one fetch.
	list, err := d.data.Identifai.ListPricings(ctx, clients.IdentifaiListPricingsInput{
		Order:     identifaiDefaultOrder,
		Direction: identifaiDefaultDirection,
	})
	if err != nil {
		d.data.addReadError(&resp.Diagnostics, "identifai", "identifAI pricings", err)
		return
	}

	key, matches := matchIdentifaiPricing(model, list.Pricings)
	switch len(matches) {
	case 1:
		resp.Diagnostics.Append(resp.State.Set(ctx, identifaiPricingFrom(matches[0]))...)
	case 0:
		resp.Diagnostics.AddAttributeError(key.path, "No identifAI pricing found",
			fmt.Sprintf("No identifAI pricing has %s %s (searched %d pricings).", key.path, key.value, len(list.Pricings)))
	default:
		slices.SortFunc(matches, func(a, b clients.IdentifaiPricing) int { return cmp.Compare(a.ID, b.ID) })
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = fmt.Sprint(m.ID)
		}
		resp.Diagnostics.AddAttributeError(key.path, "More than one identifAI pricing found",
			fmt.Sprintf("%d identifAI pricings have %s %s (ids %s); look the pricing up by id or sku instead.",
				len(matches), key.path, key.value, strings.Join(ids, ", ")))
	}
}

type lookupKey struct {
	path  path.Path
	value string
}

// matchIdentifaiPricing returns the key the user gave and the pricings that
// match it.
func matchIdentifaiPricing(model identifaiPricingModel, all []clients.IdentifaiPricing) (lookupKey, []clients.IdentifaiPricing) {
	var key lookupKey
	var match func(clients.IdentifaiPricing) bool
	switch {
	case !model.ID.IsNull():
		id := model.ID.ValueInt64()
		key = lookupKey{path.Root("id"), fmt.Sprint(id)}
		match = func(p clients.IdentifaiPricing) bool { return p.ID == id }
	case !model.SKU.IsNull():
		sku := model.SKU.ValueString()
		key = lookupKey{path.Root("sku"), fmt.Sprintf("%q", sku)}
		match = func(p clients.IdentifaiPricing) bool { return p.SKU != nil && *p.SKU == sku }
	default:
		name := model.Name.ValueString()
		key = lookupKey{path.Root("name"), fmt.Sprintf("%q", name)}
		match = func(p clients.IdentifaiPricing) bool { return p.Name != nil && *p.Name == name }
	}
	var out []clients.IdentifaiPricing
	for _, p := range all {
		if match(p) {
			out = append(out, p)
		}
	}
	return key, out
}
