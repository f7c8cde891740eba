package hostile

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Vendor names, as in the provider's blocks and the sandbox.
const (
	Identifai   = "identifai"
	Paygentic   = "paygentic"
	Probely     = "probely"
	Onepin      = "onepin"
	Streamskill = "streamskill"
)

// Vendors lists every vendor in a stable order; Listing are those whose
// price list comes in pages.
var (
	Vendors = []string{Identifai, Paygentic, Probely, Onepin, Streamskill}
	Listing = []string{Identifai, Paygentic, Probely, Onepin}
)

// NumberField is the JSON number field of each vendor's item that reaches
// the provider's state as a number (identifAI pricings have none).
var NumberField = map[string]string{
	Paygentic:   "defaultTaxRate",
	Probely:     "price",
	Onepin:      "display_order",
	Streamskill: "price",
}

// Path is each vendor's documented path for the read the tests make
// (StreamSkill: tariff 1).
var Path = map[string]string{
	Identifai:   "/api/partner/pricings",
	Paygentic:   "/v0/plans",
	Probely:     "/plans/",
	Onepin:      "/api/v1/billing/plans",
	Streamskill: "/tarifs/1",
}

// vendor is what the behaviours need to speak one vendor's dialect.
type vendor struct {
	name string
	key  func(r *http.Request) string
	// page and size are the page number (from 1) and page size a request
	// asks for, in the vendor's own parameters.
	page, size func(q url.Values) int
	item       func(i int) map[string]any // the i-th (from 0) valid item
	// envelope wraps a page of items in the vendor's list body; StreamSkill
	// and a Paygentic lookup answer the item itself.
	envelope func(c *call, p page) map[string]any
	// errorBody is the vendor's documented error body with text in every
	// string field and key naming a field.
	errorBody func(text, key string) any
}

// page is one page of a listing as the server claims it to be.
type page struct {
	number, pages, size int
	total               int64
	items               []any
}

func bearerKey(r *http.Request) string { return afterScheme(r, "Bearer") }

func afterScheme(r *http.Request, scheme string) string {
	word, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(word, scheme) {
		return r.Header.Get("Authorization")
	}
	return strings.TrimSpace(tok)
}

func intParam(q url.Values, name string, def int) int {
	if n, err := strconv.Atoi(q.Get(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func pageParam(q url.Values) int { return intParam(q, "page", 1) }

var vendors = map[string]*vendor{
	Identifai: {
		name: Identifai,
		key:  func(r *http.Request) string { return r.Header.Get("X-Api-Key") },
		page: pageParam,
		size: func(q url.Values) int { return intParam(q, "per_page", 1000) },
		item: func(i int) map[string]any {
			return map[string]any{"id": i + 1, "name": fmt.Sprintf("Plan %d", i+1), "sku": fmt.Sprintf("sku-%d", i+1)}
		},
		envelope: func(c *call, p page) map[string]any {
			var next any
			if p.number < p.pages {
				next = fmt.Sprintf("%s%s?per_page=%d&page=%d", c.base(), Path[Identifai], p.size, p.number+1)
			}
			return map[string]any{
				"current_page": p.number, "data": p.items, "from": (p.number-1)*p.size + 1, "last_page": p.pages,
				"next_page_url": next, "per_page": p.size, "to": (p.number-1)*p.size + len(p.items), "total": p.total,
			}
		},
		errorBody: func(text, key string) any {
			return map[string]any{"message": text, "exception": text, "errors": map[string][]string{"api_key": {text}, key: {text}}}
		},
	},
	Paygentic: {
		name: Paygentic,
		key:  bearerKey,
		page: func(q url.Values) int { return intParam(q, "offset", 0)/intParam(q, "limit", 10) + 1 },
		size: func(q url.Values) int { return intParam(q, "limit", 10) },
		item: func(i int) map[string]any {
			return map[string]any{
				"id": fmt.Sprintf("plan_h%d", i+1), "name": fmt.Sprintf("Plan %d", i+1), "currency": "USD",
				"price": "49990000000", "defaultTaxRate": json.Number("0.2"), "billingCadence": "P1M", "prices": []any{},
			}
		},
		envelope: func(c *call, p page) map[string]any {
			if id, ok := strings.CutPrefix(c.rest, Path[Paygentic]+"/"); ok {
				// A lookup answers the plan asked for.
				plan, _ := p.items[0].(map[string]any)
				if _, hasID := plan["id"]; hasID {
					plan["id"] = id
				}
				return plan
			}
			return map[string]any{"data": p.items, "pagination": map[string]any{"limit": p.size, "offset": (p.number - 1) * p.size, "total": p.total}}
		},
		errorBody: func(text, key string) any {
			return map[string]any{
				"error": text, "message": text, "code": text, "details": []string{text},
				"errors": []map[string]string{{"field": key, "message": text, "code": text}},
			}
		},
	},
	Probely: {
		name: Probely,
		key:  func(r *http.Request) string { return afterScheme(r, "JWT") },
		page: pageParam,
		size: func(q url.Values) int { return intParam(q, "length", 10) },
		item: func(i int) map[string]any {
			return map[string]any{
				"id": fmt.Sprintf("plan-%d", i+1), "name": fmt.Sprintf("Plan %d", i+1), "price": json.Number("49"),
				"currency_code": "USD", "period": 1, "period_unit": "month", "allowed_scan_profiles": []string{"safe"}, "tiers": nil,
			}
		},
		envelope: func(_ *call, p page) map[string]any {
			return map[string]any{"count": p.total, "page_total": p.pages, "page": p.number, "length": p.size, "results": p.items}
		},
		errorBody: func(text, key string) any {
			return map[string]any{"detail": text, "non_field_errors": []string{text}, "api_key": []string{text}, key: []string{text}}
		},
	},
	Onepin: {
		name: Onepin,
		key:  bearerKey,
		page: pageParam,
		size: func(q url.Values) int { return intParam(q, "limit", 10) },
		item: func(i int) map[string]any {
			return map[string]any{
				"id": fmt.Sprintf("plan_%d", i+1), "name": fmt.Sprintf("Plan %d", i+1), "tier": "paid", "billing_interval": "month",
				"amount": 2999, "currency": "USD", "display_order": i + 1, "limits": map[string]any{"projects": 5},
			}
		},
		envelope: func(c *call, p page) map[string]any {
			var next any
			if p.number < p.pages {
				next = fmt.Sprintf("%s%s?page=%d&limit=%d", c.base(), Path[Onepin], p.number+1, p.size)
			}
			return map[string]any{
				"data": p.items, "meta": map[string]any{"request_id": "00000000-0000-4000-8000-000000000000", "timestamp": "2026-01-01T00:00:00Z"},
				"pagination": map[string]any{"limit": p.size, "next": next, "prev": nil},
			}
		},
		errorBody: func(text, key string) any {
			return map[string]any{
				"error": map[string]any{"code": text, "message": text, "details": []map[string]string{{"field": key, "message": text}}},
				"meta":  map[string]any{"request_id": key},
			}
		},
	},
	Streamskill: {
		name: Streamskill,
		key:  bearerKey,
		page: func(url.Values) int { return 1 },
		size: func(url.Values) int { return 1 },
		item: func(i int) map[string]any {
			return map[string]any{
				"id": i + 1, "title": "Twitch Followers", "text": []string{"Delivered within 24 hours"}, "count": 100,
				"price": json.Number("50"), "type": "twitch_followers", "hourly": false, "pricing_type": "standard",
				"graduated_prices": nil, "discounts": map[string]int{"1": 0, "500": 10},
				"link": map[string]string{"prefix": "https://twitch.tv/", "placeholder": "channel"}, "panel": false,
			}
		},
		envelope: func(_ *call, p page) map[string]any {
			tariff, _ := p.items[0].(map[string]any) // listing always yields the tariff
			return tariff
		},
		errorBody: func(text, key string) any {
			return map[string]any{"name": text, "message": text, "code": 0, "status": 422, "type": text, key: text}
		},
	},
}
