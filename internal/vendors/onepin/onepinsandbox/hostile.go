package onepinsandbox

import (
	"fmt"
	"net/url"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
)

// Path is the documented path of the read the hostile tests make.
const Path = "/api/v1/billing/plans"

// Dialect is how the hostile server (internal/sandbox/hostile) speaks OnePin's API.
var Dialect = hostile.Dialect{
	Name:          Name,
	Path:          Path,
	Listing:       true,
	NumberField:   "display_order",
	FreeFormField: "limits",
	NumericIDs:    false,
	Key:           hostile.BearerKey,
	Page:          hostile.PageParam,
	Size:          func(q url.Values) int { return hostile.IntParam(q, "limit", 10) },
	Item: func(i int) map[string]any {
		return map[string]any{
			"id": fmt.Sprintf("plan_%d", i+1), "name": fmt.Sprintf("Plan %d", i+1), "tier": "paid", "billing_interval": "month",
			"amount": 2999, "currency": "USD", "display_order": i + 1, "limits": map[string]any{"projects": 5},
		}
	},
	Envelope: func(base, rest string, p hostile.Page) map[string]any {
		var next any
		if p.Number < p.Pages {
			next = fmt.Sprintf("%s%s?page=%d&limit=%d", base, Path, p.Number+1, p.Size)
		}
		return map[string]any{
			"data": p.Items, "meta": map[string]any{"request_id": "00000000-0000-4000-8000-000000000000", "timestamp": "2026-01-01T00:00:00Z"},
			"pagination": map[string]any{"limit": p.Size, "next": next, "prev": nil},
		}
	},
	ErrorBody: func(text, key string) any {
		return map[string]any{
			"error": map[string]any{"code": text, "message": text, "details": []map[string]string{{"field": key, "message": text}}},
			"meta":  map[string]any{"request_id": key},
		}
	},
	SetNext: func(body map[string]any, next string) {
		if pagination, ok := body["pagination"].(map[string]any); ok {
			pagination["next"] = next
		}
	},
	EndlessTotal: func(size, page int) int { return size * (page + 1) },
	HugeErrorBody: func(_ string, _ map[string]any, list []map[string]any) any {
		return map[string]any{"detail": list}
	},
}
