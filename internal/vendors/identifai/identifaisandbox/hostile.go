package identifaisandbox

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
)

// Path is the documented path of the read the hostile tests make.
const Path = "/api/partner/pricings"

// Dialect is how the hostile server (internal/sandbox/hostile) speaks identifAI's API.
var Dialect = hostile.Dialect{
	Name:          Name,
	Path:          Path,
	Listing:       true,
	NumberField:   "",
	FreeFormField: "metadata",
	NumericIDs:    true,
	Key:           func(r *http.Request) string { return r.Header.Get("X-Api-Key") },
	Page:          hostile.PageParam,
	Size:          func(q url.Values) int { return hostile.IntParam(q, "per_page", 1000) },
	Item: func(i int) map[string]any {
		return map[string]any{"id": i + 1, "name": fmt.Sprintf("Plan %d", i+1), "sku": fmt.Sprintf("sku-%d", i+1)}
	},
	Envelope: func(base, rest string, p hostile.Page) map[string]any {
		var next any
		if p.Number < p.Pages {
			next = fmt.Sprintf("%s%s?per_page=%d&page=%d", base, Path, p.Size, p.Number+1)
		}
		return map[string]any{
			"current_page": p.Number, "data": p.Items, "from": (p.Number-1)*p.Size + 1, "last_page": p.Pages,
			"next_page_url": next, "per_page": p.Size, "to": (p.Number-1)*p.Size + len(p.Items), "total": p.Total,
		}
	},
	ErrorBody: func(text, key string) any {
		return map[string]any{"message": text, "exception": text, "errors": map[string][]string{"api_key": {text}, key: {text}}}
	},
	SetNext: func(body map[string]any, next string) { body["next_page_url"] = next },
	LyingTotal: func(listing func(int) hostile.Page) hostile.Page {
		p := listing(1)
		p.Pages = 100000
		return p
	},
	EndlessTotal: func(int, int) int { return 10_000_000 },
	HugeErrorBody: func(text string, fields map[string]any, _ []map[string]any) any {
		return map[string]any{"message": text, "errors": fields}
	},
}
