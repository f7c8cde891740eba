package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
)

// onepinSectionModel is one section of a plan's plan_details.
type onepinSectionModel struct {
	Title types.String      `tfsdk:"title"`
	Items []onepinItemModel `tfsdk:"items"`
}

type onepinItemModel struct {
	Label types.String `tfsdk:"label"`
	Value types.String `tfsdk:"value"`
}

// onepinDetailsAttribute is plan_details' schema.
func onepinDetailsAttribute() schema.Attribute {
	return schema.ListNestedAttribute{
		Computed: true,
		MarkdownDescription: "The plan's feature sheet as OnePin presents it (its `plan_details.sections`), in the language set by the " +
			"provider's `onepin.language` (sent as `Accept-Language`; `en` by default): a list of sections, each a `title` and its `items` " +
			"of `label` and `value` texts (`\"Credits\"`, `\"5,000 / month\"`). Null when OnePin sends no `plan_details`.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"title": schema.StringAttribute{Computed: true, MarkdownDescription: "Title of the section."},
			"items": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The section's lines, in OnePin's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"label": schema.StringAttribute{Computed: true, MarkdownDescription: "What the line is about, such as `Seats`."},
					"value": schema.StringAttribute{Computed: true, MarkdownDescription: "The plan's value for it, as text, such as `Unlimited`."},
				}}},
		}},
	}
}

// onepinDetailsFrom maps plan_details; nil when absent.
func onepinDetailsFrom(d *clients.OnepinPlanDetails) []onepinSectionModel {
	if d == nil {
		return nil
	}
	out := make([]onepinSectionModel, len(d.Sections))
	for i, s := range d.Sections {
		out[i] = onepinSectionModel{Title: types.StringValue(s.Title), Items: make([]onepinItemModel, len(s.Items))}
		for j, it := range s.Items {
			out[i].Items[j] = onepinItemModel{Label: types.StringValue(it.Label), Value: types.StringValue(it.Value)}
		}
	}
	return out
}
