package datasources

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// planAttributes is the schema of one catalogue entry; what differs by
// vendor is said by the vendors' own catalogue sources.
func (d *CatalogDataSource) planAttributes() map[string]schema.Attribute {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	example := ""
	if len(d.sources) > 0 {
		example = fmt.Sprintf(", such as `%s`", d.sources[0].Vendor.Name)
	}
	attrs := map[string]schema.Attribute{
		"vendor": computed("Vendor of the plan: the provider block and data source prefix" + example + "."),
		"id":     computed("The plan's id as the vendor writes it, as text (`plan_…`, a UUID, `basic-monthly-usd`, `12`)."),
		"numeric_id": schema.Int64Attribute{Computed: true, MarkdownDescription: fmt.Sprintf("The id as a number, for the vendors whose lookup "+
			"data sources take a numeric `id` (%s); null for the others.", d.titles(func(s catalogSource) bool { return s.NumericIDs }))},
		"name":     computed("Name of the plan, or of the tariff."),
		"currency": computed("ISO 4217 currency code of the plan's amounts; null when the vendor does not name one."),
	}
	AddMoneyAttributes(attrs, MoneyDocs{
		Currency:  "currency",
		Amount:    "Null where the vendor's own data source leaves it null, and for a vendor whose plans carry no price.",
		Period:    "As the vendor's own plans' `billing_period`.",
		OnRequest: "As the vendor's own plans' `price_on_request`.",
	})
	return attrs
}

// titles names the sources that keep, for a description: "A", "A and B",
// "A, B and C", in registry order.
func (d *CatalogDataSource) titles(keep func(catalogSource) bool) string {
	var titles []string
	for _, s := range d.sources {
		if keep(s) {
			titles = append(titles, s.Vendor.Title)
		}
	}
	if len(titles) < 2 {
		return strings.Join(titles, "")
	}
	return strings.Join(titles[:len(titles)-1], ", ") + " and " + titles[len(titles)-1]
}

// notes are the vendors' own words on how their plans read in the
// catalogue, each ending in a space.
func (d *CatalogDataSource) notes() string {
	var b strings.Builder
	for _, s := range d.sources {
		if s.Note != "" {
			b.WriteString(s.Note + " ")
		}
	}
	return b.String()
}
