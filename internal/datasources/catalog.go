package datasources

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
)

var _ ListDataSource = (*CatalogDataSource)(nil)

// NewCatalogDataSource is the pricing_catalog data source over the vendors
// of a registry that declare a catalogue source.
func NewCatalogDataSource(vendors []*clients.Vendor) func() datasource.DataSource {
	sources := catalogSourcesOf(vendors)
	return func() datasource.DataSource { return &CatalogDataSource{sources: sources} }
}

// CatalogDataSource lists the plans of every configured vendor as one list
// of the same object.
type CatalogDataSource struct {
	data    *ProviderData
	sources []catalogSource
}

type catalogModel struct {
	Vendors          types.Set          `tfsdk:"vendors"`
	Currency         types.String       `tfsdk:"currency"`
	MaxMonthlyAmount types.Number       `tfsdk:"max_monthly_amount"`
	NameRegex        types.String       `tfsdk:"name_regex"`
	Plans            []catalogPlanModel `tfsdk:"plans"`
	Total            types.Int64        `tfsdk:"total"`
	// TariffIDs are the items of the vendor without a list endpoint (a
	// CatalogSource with ByIDs), the one such vendor today. The attribute's
	// name is the users' contract, and a struct tag cannot come from the
	// registry, so it is written here and in catalogIDsAttribute.
	TariffIDs []types.Int64 `tfsdk:"streamskill_tariff_ids"`
	FetchedModel
}

// catalogIDsAttribute lists the items of the one vendor without a list.
const catalogIDsAttribute = "streamskill_tariff_ids"

// Metadata names the data source pricing_catalog.
func (d *CatalogDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_catalog"
}

// Configure keeps the provider data: every configured vendor's client.
func (d *CatalogDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if data, ok := providerData(req, resp); ok {
		d.data = data
	}
}

// Schema describes pricing_catalog; its vendors are those of the registry.
func (d *CatalogDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	names := d.vendorNames()
	attrs := map[string]schema.Attribute{
		"vendors": schema.SetAttribute{
			MarkdownDescription: fmt.Sprintf("Vendors to read, of `%s`. Defaults to every vendor with an API key configured, "+
				"those whose list is public (%s), and the vendors without a list whose ids are given. A vendor named here without a key is an error.",
				strings.Join(names, "`, `"), d.titles(func(s catalogSource) bool { return s.Vendor.KeyOptional })),
			ElementType: types.StringType,
			Optional:    true,
			Validators:  []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(names...))},
		},
		"currency": ExactAttribute("Keep only the plans in this ISO 4217 currency, such as `USD` (exact, case-sensitive). " +
			"Plans without a currency never match."),
		"max_monthly_amount": schema.NumberAttribute{
			MarkdownDescription: "Keep only the plans whose `monthly_amount` is known and at most this, in the plan's own currency " +
				"(combine with `currency` to compare like with like). Must be 0 or more. Plans priced on request, without a price " +
				"or without a billing period never match.",
			Optional:   true,
			Validators: []validator.Number{nonNegativeNumber{}},
		},
		"name_regex": NameRegexAttribute("plans"),
		"plans": schema.ListNestedAttribute{
			MarkdownDescription: "Every chosen vendor's plans that pass the filters: the vendors in the order of `vendors`' " +
				"documentation above, each vendor's plans in API order.",
			Computed:     true,
			NestedObject: schema.NestedAttributeObject{Attributes: d.planAttributes()},
		},
		"total": schema.Int64Attribute{MarkdownDescription: "Number of plans in `plans`.", Computed: true},
	}
	by := d.sourceByIDs()
	attrs[catalogIDsAttribute] = schema.SetAttribute{
		MarkdownDescription: fmt.Sprintf("Ids of the %s tariffs to include: %s has no list endpoint, so it joins the catalogue "+
			"only for these (one request each, shared with a `pricing_%s_tariff` of the same id and language).", by.Vendor.Title, by.Vendor.Title, by.Vendor.Name),
		ElementType: types.Int64Type,
		Optional:    true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every configured vendor's plans in one list of the same object, with one price model: " +
			"`price_amount`, `currency`, `billing_period`, `monthly_amount` and `price_on_request`, as on each vendor's plans. " +
			d.notes() + "The vendors are read at once, each through the same shared read as its own list data source, " +
			"so a catalogue beside a vendor's list data source costs no request more. " +
			"The filters run on the provider's side. Any vendor failing fails the catalogue: it is never partial.",
		Attributes: attrs,
	}
	AddFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *CatalogDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	ReadList(ctx, d, req, resp)
}

// ReadModel reads the catalogue; see listDataSource.
func (d *CatalogDataSource) ReadModel(ctx context.Context, config tfsdk.Config) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	model, filter, ok := parseCatalogConfig(ctx, config, &diags)
	if !ok {
		return nil, diags
	}
	reads := d.chooseSources(ctx, model, &diags)
	if diags.HasError() {
		return nil, diags
	}
	fetched, err := readCatalogSources(ctx, reads)
	if err != nil {
		diags.AddError("Unable to read the pricing catalogue", err.Error()+"\n\nThe provider never returns a partial catalogue.")
		return nil, diags
	}
	var all []catalogPlanModel
	for _, r := range reads {
		all = append(all, r.entries(&diags)...)
	}
	model.Plans = []catalogPlanModel{}
	for _, e := range all {
		if filter.Keep(e) {
			model.Plans = append(model.Plans, e)
		}
	}
	WarnCaseOnlyMisses(&diags, "catalogue plans", all, []ExactFilter[catalogPlanModel]{
		ExactOn("currency", model.Currency, func(e catalogPlanModel) *string { return e.Currency.ValueStringPointer() }),
	})
	if diags.HasError() {
		return nil, diags
	}
	model.Total = types.Int64Value(int64(len(model.Plans)))
	model.FetchedModel = FetchedFrom(&diags, fetched)
	return model, diags
}

// catalogFilter is the catalogue's provider-side filters.
type catalogFilter struct {
	names      listFilter
	Currency   types.String
	maxMonthly *big.Float // nil: no limit
}

func (f catalogFilter) Keep(e catalogPlanModel) bool {
	if !f.names.Keep(e.ID.ValueString(), e.Name.ValueStringPointer()) || !matchesExact(e.Currency.ValueStringPointer(), f.Currency) {
		return false
	}
	if f.maxMonthly == nil {
		return true
	}
	return !e.MonthlyAmount.IsNull() && atTerraformPrecision(e.MonthlyAmount.ValueBigFloat()).Cmp(f.maxMonthly) <= 0
}

// parseCatalogConfig gets the arguments and compiles the filters.
func parseCatalogConfig(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (*catalogModel, catalogFilter, bool) {
	var model catalogModel
	if diags.Append(config.Get(ctx, &model)...); diags.HasError() {
		return nil, catalogFilter{}, false
	}
	names, filterDiags := NewListFilter[types.String](nil, model.NameRegex)
	diags.Append(filterDiags...)
	f := catalogFilter{names: names, Currency: model.Currency}
	if !model.MaxMonthlyAmount.IsNull() {
		f.maxMonthly = model.MaxMonthlyAmount.ValueBigFloat()
	}
	return &model, f, !diags.HasError()
}
