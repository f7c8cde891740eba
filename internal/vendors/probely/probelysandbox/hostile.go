package probelysandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
)

// Path is the documented path of the read the hostile tests make.
const Path = "/plans/"

// Dialect is how the hostile server (internal/sandbox/hostile) speaks Probely's API.
var Dialect = hostile.Dialect{
	Name:          Name,
	Path:          Path,
	Listing:       true,
	NumberField:   "price",
	FreeFormField: "tiers",
	NumericIDs:    false,
	Key:           func(r *http.Request) string { return hostile.AfterScheme(r, "JWT") },
	Page:          hostile.PageParam,
	Size:          func(q url.Values) int { return hostile.IntParam(q, "length", 10) },
	Item: func(i int) map[string]any {
		return map[string]any{
			"id": fmt.Sprintf("plan-%d", i+1), "name": fmt.Sprintf("Plan %d", i+1), "price": json.Number("49"),
			"currency_code": "USD", "period": 1, "period_unit": "month", "allowed_scan_profiles": []string{"safe"}, "tiers": nil,
		}
	},
	Envelope: func(_, _ string, p hostile.Page) map[string]any {
		return map[string]any{"count": p.Total, "page_total": p.Pages, "page": p.Number, "length": p.Size, "results": p.Items}
	},
	ErrorBody: func(text, key string) any {
		return map[string]any{"detail": text, "non_field_errors": []string{text}, "api_key": []string{text}, key: []string{text}}
	},
	ListKey:       "results",
	FreeFormArray: true,
	LyingTotal: func(listing func(int) hostile.Page) hostile.Page {
		p := listing(2)
		p.Pages = 10000
		return p
	},
	EndlessTotal: func(int, int) int { return 1_000_000 },
	HugeErrorBody: func(text string, fields map[string]any, _ []map[string]any) any {
		fields["detail"] = text
		return fields
	},
}
