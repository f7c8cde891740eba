package probely

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// DefaultBaseURL is Probely's documented server.
const DefaultBaseURL = "https://api.probely.com"

// Client reads Probely plans.
type Client struct {
	api       *httpapi.API
	priceUnit PriceUnit
}

// New builds a Probely client: the credential goes in
// "Authorization: JWT <key>", with the literal word JWT.
// Its prices are read in cents, as Probely's OpenAPI 1.2.0 documents.
func New(cfg httpapi.Config) (*Client, error) {
	return newClient(Vendor, cfg, PriceUnitMinor)
}

func newClient(v *clients.Vendor, cfg httpapi.Config, unit PriceUnit) (*Client, error) {
	a, err := httpapi.New(cfg, v.Spec(cfg, decodeDRFError))
	if err != nil {
		return nil, err
	}
	if unit == "" {
		unit = PriceUnitMinor
	}
	return &Client{api: a, priceUnit: unit}, nil
}

// PriceUnit is the unit Probely's prices are read in.
func (c *Client) PriceUnit() PriceUnit { return c.priceUnit }

// HasAPIKey reports whether a key is configured.
func (c *Client) HasAPIKey() bool { return c.api.HasAPIKey() }

// decodeDRFError reads Django REST framework bodies: {"detail": "..."},
// {"<field>": ["..."], "non_field_errors": ["..."]}, and the {"error": "..."}
// that Probely's spec also shows for a 400.
func decodeDRFError(body []byte) httpapi.Message {
	var raw map[string]json.RawMessage
	if json.Unmarshal(body, &raw) != nil {
		return httpapi.Message{}
	}
	m := httpapi.Message{}
	fields := map[string][]string{}
	for k, v := range raw {
		var s string
		var list []string
		switch {
		case json.Unmarshal(v, &s) == nil && (k == "detail" || k == "error"):
			m.Message = s
		case json.Unmarshal(v, &list) == nil && k == "non_field_errors":
			m.Message = strings.Join(list, " ")
		case json.Unmarshal(v, &list) == nil:
			fields[k] = list
		case json.Unmarshal(v, &s) == nil:
			fields[k] = []string{s}
		}
	}
	m.Fields = httpapi.FieldErrorsFromMap(fields)
	return m
}

const plansPath = "/plans/"

// pageLength is the page size asked of GET /plans/. The docs give no
// maximum; 100 is Django REST framework's usual max_page_size and the largest
// the sandbox accepts. Larger pages mean fewer requests for the same list.
const pageLength = 100

// Plan is one Probely plan. Every field but ID is optional: a field
// the API leaves out stays nil. Numbers keep the text the API sent.
type Plan struct {
	ID           string
	Name         *string
	Family       *string
	Description  *string
	IsTrial      *bool
	ChargeModel  *string
	Price        *json.Number // as sent, in an undocumented unit
	CurrencyCode *string
	Period       *json.Number
	PeriodUnit   *string
	// AllowedScanProfiles is whichever of allowed_scan_profiles and
	// allowed_builtin_scan_profiles the API sent.
	AllowedScanProfiles []string
	AllowedCreditsPacks []CreditsPack
	Discount            *json.Number
	Savings             *json.Number
	// Tiers is the tiers object as compact JSON, nil when null or absent.
	Tiers json.RawMessage
}

// CreditsPack is one entry of a plan's allowed_credits_packs.
type CreditsPack struct {
	ID           *string      `json:"id"`
	Name         *string      `json:"name"`
	Price        *json.Number `json:"price"`
	CurrencyCode *string      `json:"currency_code"`
	PackAmount   *json.Number `json:"pack_amount"`
	Discount     *json.Number `json:"discount"`
	Savings      *json.Number `json:"savings"`
}

// planJSON is the wire shape of a plan. The vendor's schema calls the
// scan-profile list allowed_builtin_scan_profiles and its example calls it
// allowed_scan_profiles, so both keys are read.
type planJSON struct {
	ID                         string          `json:"id"`
	Name                       *string         `json:"name"`
	Family                     *string         `json:"family"`
	Description                *string         `json:"description"`
	IsTrial                    *bool           `json:"is_trial"`
	ChargeModel                *string         `json:"charge_model"`
	Price                      *json.Number    `json:"price"`
	CurrencyCode               *string         `json:"currency_code"`
	Period                     *json.Number    `json:"period"`
	PeriodUnit                 *string         `json:"period_unit"`
	AllowedScanProfiles        []string        `json:"allowed_scan_profiles"`
	AllowedBuiltinScanProfiles []string        `json:"allowed_builtin_scan_profiles"`
	AllowedCreditsPacks        []CreditsPack   `json:"allowed_credits_packs"`
	Discount                   *json.Number    `json:"discount"`
	Savings                    *json.Number    `json:"savings"`
	Tiers                      json.RawMessage `json:"tiers"`
}

// UnmarshalJSON reads a plan from either spelling of the scan-profile list
// and keeps tiers as the JSON text sent, so its numbers are never rounded.
func (p *Plan) UnmarshalJSON(b []byte) error {
	var w planJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	tiers, err := compactJSON(w.Tiers)
	if err != nil {
		return fmt.Errorf("plan %q: tiers: %w", w.ID, err)
	}
	profiles := w.AllowedScanProfiles
	if profiles == nil {
		profiles = w.AllowedBuiltinScanProfiles
	}
	*p = Plan{
		ID: w.ID, Name: w.Name, Family: w.Family, Description: w.Description,
		IsTrial: w.IsTrial, ChargeModel: w.ChargeModel, Price: w.Price,
		CurrencyCode: w.CurrencyCode, Period: w.Period, PeriodUnit: w.PeriodUnit,
		AllowedScanProfiles: profiles, AllowedCreditsPacks: w.AllowedCreditsPacks,
		Discount: w.Discount, Savings: w.Savings, Tiers: tiers,
	}
	return nil
}

// compactJSON is raw without insignificant whitespace, or nil when raw
// is absent or JSON null. Compacting keeps key order and number text as sent,
// so the same answer always gives the same string.
func compactJSON(raw json.RawMessage) (json.RawMessage, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil, nil
	}
	var b bytes.Buffer
	if err := json.Compact(&b, trimmed); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// PlanList is the complete list of plans, in API order.
type PlanList struct {
	Plans []Plan
	// Count is the number of plans the API reported.
	Count int64
}

// pageBody is {count, page_total, page, length, results}, every field
// documented and required: pointers tell a missing one from a zero.
type pageBody struct {
	Count     *int64 `json:"count"`
	PageTotal *int64 `json:"page_total"`
	Page      *int64 `json:"page"`
	Length    *int64 `json:"length"`
	Results   []Plan `json:"results"`
}

// UnmarshalJSON reads the documented envelope or, as Probely's OpenAPI
// 1.2.0 defines /plans/, a bare JSON array of plans: the whole, complete
// list, as one page that holds every plan. Anything else is malformed.
func (p *pageBody) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '[' {
		type envelope pageBody // without this method
		return json.Unmarshal(b, (*envelope)(p))
	}
	var plans []Plan
	if err := json.Unmarshal(b, &plans); err != nil {
		return err
	}
	if plans == nil {
		plans = []Plan{}
	}
	n, one := int64(len(plans)), int64(1)
	size := max(n, 1)
	*p = pageBody{Count: &n, PageTotal: &one, Page: &one, Length: &size, Results: plans}
	return nil
}

// ListPlans returns every plan in API order. Probely has no single-plan
// endpoint, so lookups read this list too: it is fetched once per provider
// run and shared; callers must not modify it.
func (c *Client) ListPlans(ctx context.Context) (*PlanList, httpapi.Fetched, error) {
	plans, fetched, err := c.Plans().Run(ctx)
	if err != nil {
		return nil, httpapi.Fetched{}, err
	}
	return &PlanList{Plans: plans, Count: int64(len(plans))}, fetched, nil
}

// Plans is the read of every plan in API order, shared with every other
// reader in the same run.
func (c *Client) Plans() httpapi.Read[[]Plan] { return c.plansListing().Read(c.api, "plans") }

// plansListing declares GET /plans/: numbered pages of pageLength plans.
func (c *Client) plansListing() httpapi.NumberedPages[pageBody, Plan, string] {
	return httpapi.NumberedPages[pageBody, Plan, string]{
		Op:       "list plans",
		Request:  c.plansPage,
		Check:    c.checkPage,
		Pages:    func(p *pageBody) int64 { return *p.PageTotal },
		Size:     func(p *pageBody) int64 { return *p.Length },
		Total:    func(p *pageBody) int64 { return *p.Count },
		Items:    func(p *pageBody) []Plan { return p.Results },
		ID:       func(p Plan) string { return p.ID },
		PageSize: httpapi.PageSizeRule{Field: "length", Asked: pageLength},
	}
}

// plansPage is the URL of page (from 1).
func (c *Client) plansPage(page int) (*url.URL, http.Header) {
	q := url.Values{}
	q.Set("length", strconv.Itoa(pageLength))
	q.Set("page", strconv.Itoa(page))
	return c.api.Endpoint(plansPath, q), nil
}

// checkPage rejects a page that lacks a documented field or is not the one
// asked for; the declared read checks that its counts add up.
func (c *Client) checkPage(op string, u *url.URL, page int, p *pageBody) error {
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "results", Present: p.Results != nil}, httpapi.Field{Name: "count", Present: p.Count != nil},
		httpapi.Field{Name: "page_total", Present: p.PageTotal != nil}, httpapi.Field{Name: "page", Present: p.Page != nil}, httpapi.Field{Name: "length", Present: p.Length != nil}); err != nil {
		return err
	}
	if err := httpapi.RequireIDs(c.api, op, u, "results", p.Results, func(p Plan) bool { return p.ID != "" }); err != nil {
		return err
	}
	if *p.Page != int64(page) {
		return c.api.PaginationError(op, fmt.Sprintf("asked for page %d but the API answered page %d", page, *p.Page))
	}
	return nil
}
