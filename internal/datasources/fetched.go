package datasources

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// FetchedModel is when a data source's data was fetched from its vendor,
// which differs from the time of the run when it comes from the cache.
type FetchedModel struct {
	FetchedAt types.String `tfsdk:"fetched_at"`
}

// AddFetchedAtAttribute adds fetched_at to a data source's schema.
func AddFetchedAtAttribute(attrs map[string]schema.Attribute) {
	attrs["fetched_at"] = schema.StringAttribute{
		Computed: true,
		MarkdownDescription: "When this data was fetched from the vendor, RFC 3339 in UTC: the time of this run for a live read, " +
			"the time of the original read when it was served from the provider's `cache`. A `check` block can assert freshness " +
			"with `timecmp(timeadd(self.fetched_at, \"24h\"), plantimestamp()) > 0`. The oldest of its reads for a data source that makes several.",
	}
}

// FetchedFrom shows the warnings of the listings a read used (a copy
// served from the cache) and returns fetched_at.
func FetchedFrom(diags *diag.Diagnostics, fetched httpapi.Fetched) FetchedModel {
	for _, w := range fetched.Warnings {
		diags.AddWarning(w.Summary, w.Detail)
	}
	if fetched.At.IsZero() {
		return FetchedModel{FetchedAt: types.StringNull()}
	}
	return FetchedModel{FetchedAt: types.StringValue(fetched.At.UTC().Format(time.RFC3339))}
}
