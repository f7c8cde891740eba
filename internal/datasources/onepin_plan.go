package datasources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
)

var (
	_ datasource.DataSource                     = (*OnepinPlanDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*OnepinPlanDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*OnepinPlanDataSource)(nil)
)

// NewOnepinPlanDataSource is the pricing_onepin_plan data source.
func NewOnepinPlanDataSource() datasource.DataSource {
	return &OnepinPlanDataSource{}
}

// OnepinPlanDataSource looks up one OnePin plan by id or name.
type OnepinPlanDataSource struct {
	data *ProviderData
}

func (d *OnepinPlanDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_onepin_plan"
}

func (d *OnepinPlanDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := onepinPlanAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the plan to find (exact).",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the plan to find (exact, case-sensitive).",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one OnePin billing plan by exactly one of `id` or `name`. " +
			"OnePin has no single-plan endpoint, so the provider reads the plan list (shared with any " +
			"`pricing_onepin_plans` of the same run) and fails unless exactly one plan matches. No API key is needed.",
		Attributes: attrs,
	}
}

func (d *OnepinPlanDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *OnepinPlanDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configureProviderData(req, resp)
}

func (d *OnepinPlanDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var model onepinPlanModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, err := d.data.Onepin.ListPlans(ctx)
	if err != nil {
		d.data.addReadError(&resp.Diagnostics, "onepin", "OnePin plans", err)
		return
	}

	key, matches := matchOnepinPlan(model, list.Plans)
	switch len(matches) {
	case 1:
		plan, diags := onepinPlanFrom(ctx, matches[0])
		resp.Diagnostics.Append(diags...)
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		}
	case 0:
		resp.Diagnostics.AddAttributeError(key.path, "No OnePin plan found",
			fmt.Sprintf("No OnePin plan has %s %s (searched %d plans).", key.path, key.value, len(list.Plans)))
	default:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = m.ID
		}
		resp.Diagnostics.AddAttributeError(key.path, "More than one OnePin plan found",
			fmt.Sprintf("%d OnePin plans have %s %s (ids %s); look the plan up by id instead.",
				len(matches), key.path, key.value, strings.Join(ids, ", ")))
	}
}

// matchOnepinPlan returns the key the user gave and the plans that match it,
// in API order.
func matchOnepinPlan(model onepinPlanModel, all []clients.OnepinPlan) (lookupKey, []clients.OnepinPlan) {
	var key lookupKey
	var match func(clients.OnepinPlan) bool
	if !model.ID.IsNull() {
		id := model.ID.ValueString()
		key = lookupKey{path.Root("id"), fmt.Sprintf("%q", id)}
		match = func(p clients.OnepinPlan) bool { return p.ID == id }
	} else {
		name := model.Name.ValueString()
		key = lookupKey{path.Root("name"), fmt.Sprintf("%q", name)}
		match = func(p clients.OnepinPlan) bool { return p.Name != nil && *p.Name == name }
	}
	var out []clients.OnepinPlan
	for _, p := range all {
		if match(p) {
			out = append(out, p)
		}
	}
	return key, out
}
