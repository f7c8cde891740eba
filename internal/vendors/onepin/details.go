package onepin

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// sectionModel is one section of a plan's plan_details.
type sectionModel struct {
	Title types.String `tfsdk:"title"`
	Items []itemModel  `tfsdk:"items"`
}

type itemModel struct {
	Label types.String `tfsdk:"label"`
	Value types.String `tfsdk:"value"`
}

// detailsAttribute is plan_details' schema.
func detailsAttribute() schema.Attribute {
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

// detailsFrom maps plan_details; nil when absent.
func detailsFrom(d *PlanDetails) []sectionModel {
	if d == nil {
		return nil
	}
	out := make([]sectionModel, len(d.Sections))
	for i, s := range d.Sections {
		out[i] = sectionModel{Title: types.StringValue(s.Title), Items: make([]itemModel, len(s.Items))}
		for j, it := range s.Items {
			out[i].Items[j] = itemModel{Label: types.StringValue(it.Label), Value: types.StringValue(it.Value)}
		}
	}
	return out
}
