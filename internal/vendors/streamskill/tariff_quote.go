package streamskill

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/tfquote"
)

var (
	_ datasource.DataSource              = (*TariffQuoteDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*TariffQuoteDataSource)(nil)
)

// NewTariffQuoteDataSource is the pricing_tariff_quote data source.
func NewTariffQuoteDataSource() datasource.DataSource {
	return &TariffQuoteDataSource{VendorDataSource: datasources.VendorDataSource[*Client]{Vendor: Vendor, TypeName: "tariff_quote"}}
}

// TariffQuoteDataSource prices an order of a StreamSkill tariff, which the
// vendor documents but offers no endpoint for.
type TariffQuoteDataSource struct {
	datasources.VendorDataSource[*Client]
}

type tariffQuoteDataSourceModel struct {
	TariffID types.Int64  `tfsdk:"tariff_id"`
	Quantity types.Number `tfsdk:"quantity"`
	Duration types.Number `tfsdk:"duration"`
	Language types.String `tfsdk:"language"`
	Tariff   types.Object `tfsdk:"tariff"`
	tfquote.Model
	datasources.FetchedModel
}

// Schema describes pricing_tariff_quote.
func (d *TariffQuoteDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"tariff_id": schema.Int64Attribute{
			MarkdownDescription: "Id of the StreamSkill tariff to quote, as `pricing_streamskill_tariff`'s `id`.",
			Required:            true,
			Validators:          []validator.Int64{int64validator.AtLeast(1)},
		},
		// Numbers rather than int64s: the framework reports a fractional
		// int64 as a provider bug; tfquote.OrderSizeValidator names the rule.
		"quantity": schema.NumberAttribute{
			MarkdownDescription: "Number of units ordered: a whole number >= 1, within `count_min`..`count_max` for a custom-count tariff, " +
				"and at least the smallest threshold of a graduated tariff.",
			Required:   true,
			Validators: []validator.Number{tfquote.OrderSizeValidator()},
		},
		"duration": schema.NumberAttribute{
			MarkdownDescription: "Number of hours ordered: a whole number >= 1, and exactly 1 for a tariff that is not `hourly`. Defaults to 1; the state shows the duration used.",
			Optional:            true,
			Computed:            true,
			Validators:          []validator.Number{tfquote.OrderSizeValidator()},
		},
		"language": schema.StringAttribute{
			MarkdownDescription: "Language the tariff is read in (`en` or `ru`), as `pricing_streamskill_tariff`'s `language`: it changes only `tariff.title` and `tariff.text`. " +
				"Defaults to the provider's `streamskill.language`, itself defaulting to `en`; the state shows the language used.",
			Optional:   true,
			Computed:   true,
			Validators: []validator.String{stringvalidator.OneOf("en", "ru")},
		},
		"tariff": schema.SingleNestedAttribute{
			MarkdownDescription: "The tariff quoted, with the attributes of `pricing_streamskill_tariff`.",
			Computed:            true,
			Attributes:          tariffAttributes(),
		},
		"pricing_type": schema.StringAttribute{
			MarkdownDescription: tfquote.AttrDescriptions["pricing_type"],
			Computed:            true,
		},
		"currency": schema.StringAttribute{
			MarkdownDescription: tfquote.AttrDescriptions["currency"],
			Computed:            true,
		},
	}
	for _, name := range []string{"unit_price", "discount_percent", "tier_threshold", "total"} {
		attrs[name] = schema.NumberAttribute{MarkdownDescription: tfquote.AttrDescriptions[name], Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Prices an order of `quantity` units for `duration` hours of a StreamSkill tariff, by StreamSkill's documented pricing rules " +
			"(the API has no quote endpoint). The tariff is read as `pricing_streamskill_tariff` reads it, and a tariff read once per id and language " +
			"is shared with every data source of the same run. Arithmetic is exact decimal; only `total` is rounded, to 2 decimal places.\n\n" +
			"- **standard**: `total = unit_price × quantity × duration × (1 − discount_percent/100)`, where `unit_price` undoes the discount " +
			"the tariff's `price` already holds for its base quantity (`base_count`, or `count_min` for a custom count).\n" +
			"- **graduated**: `total = graduated_prices[tier] × duration`, the tier being the greatest threshold at or below `quantity`.\n\n" +
			"The same quote is available without a data source, from a tariff object, as the function `provider::pricing::tariff_quote`.",
		Attributes: attrs,
	}
	datasources.AddFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *TariffQuoteDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config tariffQuoteDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || !d.RequireKey(&resp.Diagnostics) {
		return
	}

	id := config.TariffID.ValueInt64()
	if config.Duration.IsNull() {
		config.Duration = types.NumberValue(big.NewFloat(1))
	}
	quantity, duration, ok := orderSizes(&resp.Diagnostics, id, config.Quantity, config.Duration)
	if !ok {
		return
	}
	language := datasources.StringOrDefault(config.Language, d.Client.Language())
	tariff, fetched, err := d.Client.Tariff(ctx, id, language.ValueString())
	if err != nil {
		d.AddReadError(&resp.Diagnostics, fmt.Sprintf("StreamSkill tariff %d", id), err)
		return
	}
	tariffObj, q, diags := QuoteTariff(ctx, id, tariff, quantity, duration)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	state := tariffQuoteDataSourceModel{
		TariffID: config.TariffID,
		Quantity: config.Quantity,
		Duration: config.Duration,
		Language: language,
		Tariff:   tariffObj,
		Model:    q,
		// The quote is as fresh as the tariff it was computed from.
		FetchedModel: datasources.FetchedFrom(&resp.Diagnostics, fetched),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// orderSizes reads quantity and duration, which the validators have already
// checked (a value unknown at validation is checked again here).
func orderSizes(diags *diag.Diagnostics, tariffID int64, quantity, duration types.Number) (q, d int64, ok bool) {
	q, qErr := tfquote.OrderSize(quote.ArgQuantity, quantity.ValueBigFloat())
	d, dErr := tfquote.OrderSize(quote.ArgDuration, duration.ValueBigFloat())
	for _, err := range []error{qErr, dErr} {
		if err != nil {
			diags.Append(quoteErrorDiagnostic(tariffID, err))
		}
	}
	return q, d, !diags.HasError()
}

// QuoteTariff is pricing_tariff_quote's computation once the
// tariff is read: the tariff object its `tariff` attribute shows, and the
// quote of that very object, so that the data source prices exactly what the
// tariff_quote function would given the same object. A quote the rules
// refuse is an error on the attribute concerned, naming the tariff id the
// user asked for.
func QuoteTariff(ctx context.Context, tariffID int64, t *Tariff, quantity, duration int64) (types.Object, tfquote.Model, diag.Diagnostics) {
	obj, diags := tariffObject(ctx, t)
	if diags.HasError() {
		return obj, tfquote.Model{}, diags
	}
	q, err := tfquote.FromTariffObject(obj.Attributes(), quantity, duration)
	if err != nil {
		diags.Append(quoteErrorDiagnostic(tariffID, err))
	}
	return obj, q, diags
}

// quoteErrorDiagnostic points a refused quote at the argument that broke a
// rule: the quantity or duration, or tariff_id for a tariff that cannot be
// priced.
func quoteErrorDiagnostic(tariffID int64, err error) diag.Diagnostic {
	var in *quote.InputError
	if !errors.As(err, &in) {
		return diag.NewErrorDiagnostic("Unable to quote the tariff", err.Error())
	}
	switch in.Argument {
	case quote.ArgQuantity, quote.ArgDuration:
		return diag.NewAttributeErrorDiagnostic(path.Root(in.Argument), "Invalid "+in.Argument,
			fmt.Sprintf("Cannot quote StreamSkill tariff %d: %s.", tariffID, in.Error()))
	default:
		return diag.NewAttributeErrorDiagnostic(path.Root("tariff_id"), fmt.Sprintf("StreamSkill tariff %d cannot be quoted", tariffID),
			fmt.Sprintf("The tariff the API returned breaks the pricing rules: %s.", in.Error()))
	}
}
