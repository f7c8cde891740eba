package paygenticsandbox

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
)

// Path is the documented path of the read the hostile tests make.
const Path = "/v0/plans"

// Dialect is how the hostile server (internal/sandbox/hostile) speaks Paygentic's API.
var Dialect = hostile.Dialect{
	Name:          Name,
	Path:          Path,
	Listing:       true,
	NumberField:   "defaultTaxRate",
	FreeFormField: "metadata",
	NumericIDs:    false,
	Key:           hostile.BearerKey,
	Page:          func(q url.Values) int { return hostile.IntParam(q, "offset", 0)/hostile.IntParam(q, "limit", 10) + 1 },
	Size:          func(q url.Values) int { return hostile.IntParam(q, "limit", 10) },
	Item: func(i int) map[string]any {
		return map[string]any{
			"id": fmt.Sprintf("plan_h%d", i+1), "name": fmt.Sprintf("Plan %d", i+1), "currency": "USD",
			"price": "49990000000", "defaultTaxRate": json.Number("0.2"), "billingCadence": "P1M", "prices": []any{},
		}
	},
	Envelope: func(base, rest string, p hostile.Page) map[string]any {
		if id, ok := strings.CutPrefix(rest, Path+"/"); ok {
			// A lookup answers the plan asked for.
			plan, _ := p.Items[0].(map[string]any)
			if _, hasID := plan["id"]; hasID {
				plan["id"] = id
			}
			return plan
		}
		return map[string]any{"data": p.Items, "pagination": map[string]any{"limit": p.Size, "offset": (p.Number - 1) * p.Size, "total": p.Total}}
	},
	ErrorBody: func(text, key string) any {
		return map[string]any{
			"error": text, "message": text, "code": text, "details": []string{text},
			"errors": []map[string]string{{"field": key, "message": text, "code": text}},
		}
	},
	Lure: Path,
	LyingTotal: func(listing func(int) hostile.Page) hostile.Page {
		p := listing(0)
		p.Total = 10_000_000
		return p
	},
	EndlessTotal: func(int, int) int { return 10_000_000 },
	HugeErrorBody: func(text string, _ map[string]any, list []map[string]any) any {
		return map[string]any{"message": text, "code": text, "errors": list}
	},
}
