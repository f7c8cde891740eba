package clients

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// PaygenticDefaultBaseURL is Paygentic's documented production server.
const PaygenticDefaultBaseURL = "https://api.paygentic.io"

// Paygentic reads Paygentic plans.
type Paygentic struct{ api *httpapi.API }

// NewPaygentic builds a Paygentic client (Bearer auth). Paygentic documents
// no rate limit; 429s that come anyway are retried.
func NewPaygentic(cfg httpapi.Config) (*Paygentic, error) {
	return newPaygentic(PaygenticVendor, cfg)
}

func newPaygentic(v *Vendor, cfg httpapi.Config) (*Paygentic, error) {
	a, err := httpapi.New(cfg, v.spec(cfg, decodePaygenticError))
	if err != nil {
		return nil, err
	}
	return &Paygentic{api: a}, nil
}

// HasAPIKey reports whether a key is configured.
func (c *Paygentic) HasAPIKey() bool { return c.api.HasAPIKey() }

const (
	paygenticPlansPath = "/v0/plans"
	// paygenticMaxLimit is the largest page the API allows: the fewest
	// requests for a complete listing.
	paygenticMaxLimit = 100
	// paygenticAtomicExponent: Paygentic's atomic amounts are in 10^-9 of
	// the currency ("49990000000" is 49.99).
	paygenticAtomicExponent = 9
)

// PaygenticPlan is one Paygentic plan. Every field but the id is optional in
// practice (the schema changed over time), so absent fields stay nil.
type PaygenticPlan struct {
	ID                 string  `json:"id"`
	Name               *string `json:"name"`
	Description        *string `json:"description"`
	InvoiceDisplayName *string `json:"invoiceDisplayName"`
	Currency           *string `json:"currency"`
	BillingCadence     *string `json:"billingCadence"`
	// BillingInterval is deprecated by Paygentic in favour of BillingCadence.
	BillingInterval *string `json:"billingInterval"`
	// Price is the plan-level price in atomic units (10^-9 of Currency),
	// exactly as sent; only older plans carry it.
	Price *string `json:"price"`
	// PriceAmount is Price in the currency's major unit as an exact decimal
	// ("49.99"); it is derived, never sent by the API.
	PriceAmount    *string          `json:"-"`
	DefaultTaxCode *string          `json:"defaultTaxCode"`
	DefaultTaxRate *json.Number     `json:"defaultTaxRate"`
	TaxBehavior    *string          `json:"taxBehavior"`
	MerchantID     *string          `json:"merchantId"`
	ProductID      *string          `json:"productId"`
	CreatedAt      *string          `json:"createdAt"`
	UpdatedAt      *string          `json:"updatedAt"`
	Prices         []PaygenticPrice `json:"prices"`
	// PaymentTerm says when the plan bills; nil when the plan does not say.
	PaymentTerm       *PaygenticPlanPaymentTerm   `json:"paymentTerm"`
	CreditAllocations []PaygenticCreditAllocation `json:"creditAllocations"`
	// notes are the values check refused, for Money to report.
	notes []money.Note
}

// PaygenticListPlansInput are the filters of GET /v0/plans; empty means
// unfiltered.
type PaygenticListPlansInput struct {
	MerchantID string
	ProductID  string
}

// PaygenticPlanList is a complete listing.
type PaygenticPlanList struct {
	Plans []PaygenticPlan
	Total int64
}

// paygenticPage is {data, pagination: {limit, offset, total}}, every part
// documented and required: pointers tell a missing field from a zero.
type paygenticPage struct {
	Data       []PaygenticPlan `json:"data"`
	Pagination *struct {
		Limit  *int64 `json:"limit"`
		Offset *int64 `json:"offset"`
		Total  *int64 `json:"total"`
	} `json:"pagination"`
}

// ListPlans returns every plan matching in, in API order. The result is
// shared with other callers of the same query; callers must not modify it.
func (c *Paygentic) ListPlans(ctx context.Context, in PaygenticListPlansInput) (*PaygenticPlanList, error) {
	ctx = c.api.MaskSecrets(ctx)
	filters := in.query()
	return httpapi.SharedListing(ctx, c.api, "plans?"+filters.Encode(), func(ctx context.Context) (*PaygenticPlanList, error) {
		return c.listPlans(ctx, filters)
	})
}

func (in PaygenticListPlansInput) query() url.Values {
	q := url.Values{}
	if in.MerchantID != "" {
		q.Set("merchantId", in.MerchantID)
	}
	if in.ProductID != "" {
		q.Set("productId", in.ProductID)
	}
	return q
}

func (c *Paygentic) listPlans(ctx context.Context, filters url.Values) (*PaygenticPlanList, error) {
	// The first page's total tells how many pages of 100 there are.
	plans, total, err := httpapi.ReadNumberedPages(ctx, c.api, httpapi.NumberedPages[*paygenticPage, PaygenticPlan, string]{
		Op: "list plans",
		Fetch: func(ctx context.Context, l *httpapi.Listing, page int) (*paygenticPage, error) {
			return c.plansPage(ctx, l, filters, page)
		},
		Pages: func(p *paygenticPage) int64 {
			return (*p.Pagination.Total + paygenticMaxLimit - 1) / paygenticMaxLimit
		},
		Size:  func(*paygenticPage) int64 { return paygenticMaxLimit },
		Total: func(p *paygenticPage) int64 { return *p.Pagination.Total },
		Items: func(p *paygenticPage) []PaygenticPlan { return p.Data },
		ID:    func(p PaygenticPlan) string { return p.ID },
	})
	if err != nil {
		return nil, err
	}
	return &PaygenticPlanList{Plans: plans, Total: total}, nil
}

// plansPage reads page n (from 1), which starts at offset (n-1)*100.
func (c *Paygentic) plansPage(ctx context.Context, l *httpapi.Listing, filters url.Values, page int) (*paygenticPage, error) {
	op := fmt.Sprintf("list plans page %d", page)
	offset := int64(page-1) * paygenticMaxLimit
	q := url.Values{}
	for k, v := range filters {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(paygenticMaxLimit))
	q.Set("offset", strconv.FormatInt(offset, 10))
	u := c.api.Endpoint(paygenticPlansPath, q)
	var p paygenticPage
	if err := c.api.GetJSON(ctx, l, op, u, nil, &p); err != nil {
		return nil, err
	}
	if err := c.checkPage(op, u, offset, &p); err != nil {
		return nil, err
	}
	for i := range p.Data {
		if err := p.Data[i].check(); err != nil {
			return nil, c.api.ResponseError(op, u, err)
		}
	}
	return &p, nil
}

// checkPage rejects a page that lacks a documented field, is not the one
// asked for, or cannot belong to a listing of the reported size.
func (c *Paygentic) checkPage(op string, u *url.URL, offset int64, p *paygenticPage) error {
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "data", Present: p.Data != nil}, httpapi.Field{Name: "pagination", Present: p.Pagination != nil}); err != nil {
		return err
	}
	pg := p.Pagination
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "pagination.limit", Present: pg.Limit != nil},
		httpapi.Field{Name: "pagination.offset", Present: pg.Offset != nil}, httpapi.Field{Name: "pagination.total", Present: pg.Total != nil}); err != nil {
		return err
	}
	if err := httpapi.RequireIDs(c.api, op, u, "data", p.Data, func(p PaygenticPlan) bool { return p.ID != "" }); err != nil {
		return err
	}
	switch {
	case *pg.Offset != offset:
		return c.api.PaginationError(op, fmt.Sprintf("asked for offset %d but the API answered offset %d", offset, *pg.Offset))
	case *pg.Limit != paygenticMaxLimit:
		return c.api.PaginationError(op, fmt.Sprintf("asked for limit %d but the API answered limit %d", paygenticMaxLimit, *pg.Limit))
	case len(p.Data) > paygenticMaxLimit:
		return c.api.PaginationError(op, fmt.Sprintf("page holds %d plans, more than the limit %d", len(p.Data), paygenticMaxLimit))
	}
	return nil
}

// GetPlan reads one plan by id; like listings, it is read once per run.
// A plan that does not exist is an APIError with status 404 carrying
// Paygentic's message. The result is shared: callers must not modify it.
func (c *Paygentic) GetPlan(ctx context.Context, id string) (*PaygenticPlan, error) {
	ctx = c.api.MaskSecrets(ctx)
	return httpapi.SharedListing(ctx, c.api, "plan/"+id, func(ctx context.Context) (*PaygenticPlan, error) {
		return c.getPlan(ctx, id)
	})
}

func (c *Paygentic) getPlan(ctx context.Context, id string) (*PaygenticPlan, error) {
	const op = "get plan"
	u := c.api.ItemEndpoint(paygenticPlansPath, id)
	var p PaygenticPlan
	if err := c.api.GetJSON(ctx, nil, op, u, nil, &p); err != nil {
		return nil, err
	}
	if p.ID != id {
		return nil, c.api.ResponseError(op, u, fmt.Errorf("asked for plan %q but the API answered plan %q", id, p.ID))
	}
	if err := p.check(); err != nil {
		return nil, c.api.ResponseError(op, u, err)
	}
	return &p, nil
}

// derivePriceAmount fills PriceAmount from Price. A price that is not a
// number fails the read: a wrong amount must never reach a plan.
func (p *PaygenticPlan) derivePriceAmount() error {
	if p.Price == nil {
		p.PriceAmount = nil
		return nil
	}
	amount, err := scaleDecimal(*p.Price, paygenticAtomicExponent)
	if err != nil {
		return fmt.Errorf("plan %s: price: %w", p.ID, err)
	}
	p.PriceAmount = &amount
	return nil
}

func bearer(h http.Header, key string) { h.Set("Authorization", "Bearer "+key) }

// decodePaygenticError reads {error, message, code, details} and the
// validation shape {error: "validation_error", message, errors: [{field, message, code}]}.
func decodePaygenticError(body []byte) httpapi.Message {
	var e struct {
		Error   string `json:"error"`
		Message string `json:"message"`
		Code    any    `json:"code"`
		Errors  []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &e) != nil {
		return httpapi.Message{}
	}
	m := httpapi.Message{Message: e.Message, Code: codeString(e.Code)}
	if m.Message == "" {
		m.Message = e.Error
	}
	if m.Code == "" {
		m.Code = e.Error
	}
	for _, f := range e.Errors {
		m.Fields = append(m.Fields, httpapi.FieldError{Field: f.Field, Message: f.Message})
	}
	return m
}

// codeString renders an error code that a vendor sends as a string or a
// number; StreamSkill's ubiquitous code 0 carries nothing and is dropped.
func codeString(v any) string {
	switch c := v.(type) {
	case string:
		return c
	case float64:
		if c == 0 {
			return ""
		}
		return strconv.FormatFloat(c, 'f', -1, 64)
	}
	return ""
}
