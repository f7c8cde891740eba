package acme

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

var _ datasources.ListDataSource = (*PlansDataSource)(nil)

// NewPlansDataSource is the pricing_acme_plans data source.
func NewPlansDataSource() datasource.DataSource {
	return &PlansDataSource{VendorDataSource: datasources.NewVendorDataSource[*Client](Vendor, "plans")}
}

// PlansDataSource lists Acme's plans.
type PlansDataSource struct {
	datasources.VendorDataSource[*Client]
}

type plansModel struct {
	Plans []planModel `tfsdk:"plans"`
	datasources.FetchedModel
}

type planModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	datasources.MoneyModel
}

// Schema describes pricing_acme_plans.
func (d *PlansDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	plan := map[string]schema.Attribute{
		"id":   schema.StringAttribute{MarkdownDescription: "Plan id.", Computed: true},
		"name": schema.StringAttribute{MarkdownDescription: "Plan name.", Computed: true},
	}
	datasources.AddMoneyAttributes(plan, datasources.MoneyDocs{
		Amount: "The plan's `price`, in USD.", Period: "Always `P1M`.",
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists Acme's plans.",
		Attributes: map[string]schema.Attribute{
			"plans": schema.ListNestedAttribute{
				MarkdownDescription: "Every plan, in API order.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: plan},
			},
		},
	}
	datasources.AddFetchedAtAttribute(resp.Schema.Attributes)
}

func (d *PlansDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	datasources.ReadList(ctx, d, req, resp)
}

// ReadModel reads the list; see datasources.ListDataSource.
func (d *PlansDataSource) ReadModel(ctx context.Context, config tfsdk.Config) (any, diag.Diagnostics) {
	var diags diag.Diagnostics
	var model plansModel
	if diags.Append(config.Get(ctx, &model)...); diags.HasError() || !d.RequireKey(&diags) {
		return nil, diags
	}
	plans, fetched, err := d.Client.ListPlans(ctx)
	if err != nil {
		d.AddReadError(&diags, "Acme plans", err)
		return nil, diags
	}
	converter := datasources.NewMoneyConverter(d.Vendor.Title)
	model.Plans = make([]planModel, len(plans))
	for i, p := range plans {
		model.Plans[i] = planModel{ID: types.StringValue(p.ID), Name: types.StringPointerValue(p.Name), MoneyModel: converter.Convert(p.Money())}
	}
	if converter.AppendTo(&diags); diags.HasError() {
		return nil, diags
	}
	model.FetchedModel = datasources.FetchedFrom(&diags, fetched)
	return &model, diags
}
