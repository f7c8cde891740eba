package streamskill

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// NewTariffDataSource is the pricing_streamskill_tariff data source.
func NewTariffDataSource() datasource.DataSource { return datasources.NewLookup(Vendor, tariffLookup) }

var tariffLookup = datasources.LookupSpec[*Client, tariffDataSourceModel, *Tariff]{
	Name: "tariff", Schema: tariffSchema,
	What: func(m *tariffDataSourceModel) string { return fmt.Sprintf("StreamSkill tariff %d", m.ID.ValueInt64()) },
	Find: func(ctx context.Context, c *Client, m *tariffDataSourceModel) (*Tariff, httpapi.Fetched, error) {
		m.Language = datasources.StringOrDefault(m.Language, c.Language())
		return c.Tariff(ctx, m.ID.ValueInt64(), m.Language.ValueString())
	},
	State: func(ctx context.Context, _ *Client, m *tariffDataSourceModel, t *Tariff, _ *datasources.MoneyConverter, fetched datasources.FetchedModel) (any, diag.Diagnostics) {
		model, diags := tariffModelFrom(ctx, t)
		return tariffDataSourceModel{ID: m.ID, Language: m.Language, tariffModel: model, FetchedModel: fetched}, diags
	},
}

// readCatalog reads each tariff asked for, in the provider's
// language (as pricing_streamskill_tariff without language), in id order.
func readCatalog(ctx context.Context, client clients.Client, ids []int64) ([]clients.CatalogPlan, httpapi.Fetched, error) {
	c := client.(*Client) //nolint:forcetypeassert // the registry opens this type
	ids = slices.Sorted(slices.Values(ids))
	items := make([]clients.CatalogPlan, len(ids))
	var all httpapi.Fetched
	for i, id := range ids {
		t, fetched, err := c.Tariff(ctx, id, c.Language())
		if err != nil {
			return nil, httpapi.Fetched{}, fmt.Errorf("tariff %d: %w", id, err)
		}
		all = all.Join(fetched)
		m, err := t.Money()
		items[i] = clients.CatalogPlan{ID: strconv.FormatInt(t.ID, 10), NumericID: &t.ID, Name: t.Title, Money: m, MoneyErr: err}
	}
	return items, all, nil
}

type tariffDataSourceModel struct {
	ID       types.Int64  `tfsdk:"id"`
	Language types.String `tfsdk:"language"`
	tariffModel
	datasources.FetchedModel
}

// tariffModel is the tariff as Terraform sees it, shared by every
// data source and function that shows a tariff: its attributes are
// tariffAttributes and its object type tariffAttrTypes.
type tariffModel struct {
	Title           types.String `tfsdk:"title"`
	Text            types.List   `tfsdk:"text"`
	Count           types.Number `tfsdk:"base_count"`
	CountMin        types.Number `tfsdk:"count_min"`
	CountMax        types.Number `tfsdk:"count_max"`
	Price           types.Number `tfsdk:"price"`
	Type            types.String `tfsdk:"type"`
	Hourly          types.Bool   `tfsdk:"hourly"`
	PricingType     types.String `tfsdk:"pricing_type"`
	GraduatedPrices types.Map    `tfsdk:"graduated_prices"`
	Discounts       types.Map    `tfsdk:"discounts"`
	Link            types.Object `tfsdk:"link"`
	Panel           types.Bool   `tfsdk:"panel"`
}

// tariffSchema describes pricing_streamskill_tariff.
func tariffSchema() schema.Schema {
	attrs := tariffAttributes()
	attrs["id"] = schema.Int64Attribute{
		MarkdownDescription: "Id of the tariff to read (`GET /tarifs/{id}`). StreamSkill has no tariff list: tariffs are addressed by id.",
		Required:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	attrs["language"] = schema.StringAttribute{
		MarkdownDescription: "Language of `title` and `text`, sent as `Accept-Language`: `en` or `ru`. " +
			"Defaults to the provider's `streamskill.language`, itself defaulting to `en`; the state shows the language used.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.OneOf("en", "ru")},
	}
	return schema.Schema{
		MarkdownDescription: "Reads one StreamSkill tariff by id (`GET /tarifs/{id}?expand=panel`). " +
			"Prices are JSON numbers in the account's currency, kept exact, and already include the API key's personal discount, " +
			"so two keys may see different prices for the same tariff. A tariff read once per id and language is shared with " +
			"every other data source of the same run.",
		Attributes: attrs,
	}
}

// tariffAttributes are the computed attributes of a tariff, for a
// data source's top level or a nested `tariff` object.
func tariffAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"title": schema.StringAttribute{
			MarkdownDescription: "Title of the tariff, in the language read.",
			Computed:            true,
		},
		"text": schema.ListAttribute{
			MarkdownDescription: "Description lines of the tariff, in the language read.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		// StreamSkill calls it count, a name Terraform reserves for its
		// meta-argument at the root of a data source.
		"base_count": schema.NumberAttribute{
			MarkdownDescription: "Base quantity the `price` is for (StreamSkill's `count`). Null for a custom-count tariff, which has only `count_min` and `count_max`.",
			Computed:            true,
		},
		"count_min": schema.NumberAttribute{
			MarkdownDescription: "Smallest quantity of a custom-count tariff; equal to `base_count` otherwise.",
			Computed:            true,
		},
		"count_max": schema.NumberAttribute{
			MarkdownDescription: "Largest quantity of a custom-count tariff; equal to `base_count` otherwise.",
			Computed:            true,
		},
		"price": schema.NumberAttribute{
			MarkdownDescription: "Price with every discount applied, exactly as the API sent it: for standard pricing the price of `base_count` " +
				"(per hour when `hourly`), for graduated pricing the price of the lowest tier.",
			Computed: true,
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "Group of the tariff, such as `twitch_viewers`.",
			Computed:            true,
		},
		"hourly": schema.BoolAttribute{
			MarkdownDescription: "Whether the tariff is ordered for a number of hours.",
			Computed:            true,
		},
		"pricing_type": schema.StringAttribute{
			MarkdownDescription: "`standard` (price scales with quantity and volume `discounts`) or `graduated` (a fixed price per quantity tier, `graduated_prices`).",
			Computed:            true,
		},
		"graduated_prices": schema.MapAttribute{
			MarkdownDescription: "Price of a whole order per quantity tier, keyed by the tier's lowest quantity as a string (`\"101\"`), " +
				"with every discount already applied. Null for standard pricing.",
			ElementType: types.NumberType,
			Computed:    true,
		},
		"discounts": schema.MapAttribute{
			MarkdownDescription: "Volume discount percent keyed by the lowest quantity it applies to, as a string (`\"500\" = 10`). " +
				"Empty when the tariff has none. Only standard pricing uses it.",
			ElementType: types.NumberType,
			Computed:    true,
		},
		"link": schema.SingleNestedAttribute{
			MarkdownDescription: "What the channel link of an order looks like; null when the tariff needs no link.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"prefix": schema.StringAttribute{
					MarkdownDescription: "Channel URL prefix, such as `https://www.twitch.tv/`.",
					Computed:            true,
				},
				"placeholder": schema.StringAttribute{
					MarkdownDescription: "Placeholder of the channel input, such as `twitch`.",
					Computed:            true,
				},
			},
		},
		"panel": schema.BoolAttribute{
			MarkdownDescription: "Whether the tariff supports StreamSkill's panel.",
			Computed:            true,
		},
	}
}

// tariffAttrTypes is the object type of a tariff, as the nested
// `tariff` attribute of pricing_tariff_quote holds it.
func tariffAttrTypes() map[string]attr.Type {
	attrs := tariffAttributes()
	out := make(map[string]attr.Type, len(attrs))
	for name, a := range attrs {
		out[name] = a.GetType()
	}
	return out
}

func linkAttrTypes() map[string]attr.Type {
	return tariffAttrTypes()["link"].(types.ObjectType).AttrTypes //nolint:forcetypeassert // link is a SingleNestedAttribute
}

// tariffModelFrom is the one place a client tariff becomes its
// Terraform form.
func tariffModelFrom(ctx context.Context, t *Tariff) (tariffModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m := tariffModel{
		Title:       types.StringPointerValue(t.Title),
		Text:        types.ListNull(types.StringType),
		Count:       int64Number(t.Count),
		CountMin:    int64Number(t.CountMin),
		CountMax:    int64Number(t.CountMax),
		Price:       datasources.NumberValue(t.Price.String()),
		Type:        types.StringPointerValue(t.Type),
		Hourly:      types.BoolPointerValue(t.Hourly),
		PricingType: types.StringPointerValue(t.PricingType),
		Link:        types.ObjectNull(linkAttrTypes()),
		Panel:       types.BoolPointerValue(t.Panel),
	}
	if t.Text != nil {
		text, d := types.ListValueFrom(ctx, types.StringType, t.Text)
		diags.Append(d...)
		m.Text = text
	}
	if t.GraduatedPrices != nil {
		m.GraduatedPrices = numberMapValue(&diags, t.GraduatedPrices)
	} else {
		m.GraduatedPrices = types.MapNull(types.NumberType)
	}
	// A tariff without discounts has no volume discount: an empty map, so
	// lookup(discounts, "500", 0) needs no null check.
	m.Discounts = numberMapValue(&diags, t.Discounts)

	if t.Link != nil {
		link, d := types.ObjectValue(linkAttrTypes(), map[string]attr.Value{
			"prefix":      types.StringPointerValue(t.Link.Prefix),
			"placeholder": types.StringPointerValue(t.Link.Placeholder),
		})
		diags.Append(d...)
		m.Link = link
	}
	return m, diags
}

// numberMapValue is a map of exact numbers; nil reads as an empty map.
func numberMapValue(diags *diag.Diagnostics, m map[string]json.Number) types.Map {
	elems := make(map[string]attr.Value, len(m))
	for k, v := range m {
		elems[k] = datasources.NumberValue(v.String())
	}
	out, d := types.MapValue(types.NumberType, elems)
	diags.Append(d...)
	return out
}

func int64Number(n *int64) types.Number {
	if n == nil {
		return types.NumberNull()
	}
	return types.NumberValue(new(big.Float).SetInt64(*n))
}

// tariffObject is a tariff as one value of the object type
// tariffAttrTypes, for a nested `tariff` attribute or a function
// result.
func tariffObject(ctx context.Context, t *Tariff) (types.Object, diag.Diagnostics) {
	m, diags := tariffModelFrom(ctx, t)
	if diags.HasError() {
		return types.ObjectNull(tariffAttrTypes()), diags
	}
	obj, d := types.ObjectValueFrom(ctx, tariffAttrTypes(), m)
	diags.Append(d...)
	return obj, diags
}
