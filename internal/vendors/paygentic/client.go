package paygentic

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// DefaultBaseURL is Paygentic's documented production server.
const DefaultBaseURL = "https://api.paygentic.io"

// Client reads Paygentic plans.
type Client struct{ api *httpapi.API }

// New builds a Paygentic client (Bearer auth). Paygentic documents
// no rate limit; 429s that come anyway are retried.
func New(cfg httpapi.Config) (*Client, error) {
	return newClient(Vendor, cfg)
}

func newClient(v *clients.Vendor, cfg httpapi.Config) (*Client, error) {
	a, err := httpapi.New(cfg, v.Spec(cfg, decodeError))
	if err != nil {
		return nil, err
	}
	return &Client{api: a}, nil
}

// HasAPIKey reports whether a key is configured.
func (c *Client) HasAPIKey() bool { return c.api.HasAPIKey() }

const (
	plansPath = "/v0/plans"
	// maxLimit is the largest page the API allows: the fewest
	// requests for a complete listing.
	maxLimit = 100
	// atomicExponent: Paygentic's atomic amounts are in 10^-9 of
	// the currency ("49990000000" is 49.99).
	atomicExponent = 9
)

// Plan is one Paygentic plan. Every field but the id is optional in
// practice (the schema changed over time), so absent fields stay nil.
type Plan struct {
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
	PriceAmount    *string      `json:"-"`
	DefaultTaxCode *string      `json:"defaultTaxCode"`
	DefaultTaxRate *json.Number `json:"defaultTaxRate"`
	TaxBehavior    *string      `json:"taxBehavior"`
	MerchantID     *string      `json:"merchantId"`
	ProductID      *string      `json:"productId"`
	CreatedAt      *string      `json:"createdAt"`
	UpdatedAt      *string      `json:"updatedAt"`
	Prices         []Price      `json:"prices"`
	// PaymentTerm says when the plan bills; nil when the plan does not say.
	PaymentTerm       *PlanPaymentTerm   `json:"paymentTerm"`
	CreditAllocations []CreditAllocation `json:"creditAllocations"`
	// notes are the values check refused, for Money to report.
	notes []money.Note
}

// ListPlansInput are the filters of GET /v0/plans; empty means
// unfiltered.
type ListPlansInput struct {
	MerchantID string
	ProductID  string
}

// PlanList is a complete listing.
type PlanList struct {
	Plans []Plan
	Total int64
}

// pageBody is {data, pagination: {limit, offset, total}}, every part
// documented and required: pointers tell a missing field from a zero.
type pageBody struct {
	Data       []Plan `json:"data"`
	Pagination *struct {
		Limit  *int64 `json:"limit"`
		Offset *int64 `json:"offset"`
		Total  *int64 `json:"total"`
	} `json:"pagination"`
}

// Plans is the read of every plan matching in, in API order, shared with
// other readers of the same query.
func (c *Client) Plans(in ListPlansInput) httpapi.Read[[]Plan] {
	filters := in.query()
	return c.plansListing(filters).Read(c.api, "plans?"+filters.Encode())
}

// ListPlans returns every plan matching in, in API order. The result is
// shared with other callers of the same query; callers must not modify it.
func (c *Client) ListPlans(ctx context.Context, in ListPlansInput) (*PlanList, httpapi.Fetched, error) {
	plans, fetched, err := c.Plans(in).Run(ctx)
	if err != nil {
		return nil, httpapi.Fetched{}, err
	}
	return &PlanList{Plans: plans, Total: int64(len(plans))}, fetched, nil
}

func (in ListPlansInput) query() url.Values {
	q := url.Values{}
	if in.MerchantID != "" {
		q.Set("merchantId", in.MerchantID)
	}
	if in.ProductID != "" {
		q.Set("productId", in.ProductID)
	}
	return q
}

// plansListing declares GET /v0/plans with filters: pages of maxLimit by
// offset, page n (from 1) at offset (n-1)*maxLimit. The first page's total
// tells how many pages there are.
func (c *Client) plansListing(filters url.Values) httpapi.NumberedPages[pageBody, Plan, string] {
	return httpapi.NumberedPages[pageBody, Plan, string]{
		Op: "list plans",
		Request: func(page int) (*url.URL, http.Header) {
			return c.plansPage(filters, page), nil
		},
		Check: func(op string, u *url.URL, page int, p *pageBody) error {
			return c.checkPlansPage(op, u, pageOffset(page), p)
		},
		Pages: func(p *pageBody) int64 {
			return (*p.Pagination.Total + maxLimit - 1) / maxLimit
		},
		Size:  func(*pageBody) int64 { return maxLimit },
		Total: func(p *pageBody) int64 { return *p.Pagination.Total },
		Items: func(p *pageBody) []Plan { return p.Data },
		ID:    func(p Plan) string { return p.ID },
	}
}

// pageOffset is the offset page (from 1) starts at.
func pageOffset(page int) int64 { return int64(page-1) * maxLimit }

// plansPage is the URL of page (from 1).
func (c *Client) plansPage(filters url.Values, page int) *url.URL {
	q := url.Values{}
	for k, v := range filters {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(maxLimit))
	q.Set("offset", strconv.FormatInt(pageOffset(page), 10))
	return c.api.Endpoint(plansPath, q)
}

// checkPlansPage is checkPage, then every plan's own check.
func (c *Client) checkPlansPage(op string, u *url.URL, offset int64, p *pageBody) error {
	if err := c.checkPage(op, u, offset, p); err != nil {
		return err
	}
	for i := range p.Data {
		if err := p.Data[i].check(); err != nil {
			return c.api.ResponseError(op, u, err)
		}
	}
	return nil
}

// checkPage rejects a page that lacks a documented field, is not the one
// asked for, or cannot belong to a listing of the reported size.
func (c *Client) checkPage(op string, u *url.URL, offset int64, p *pageBody) error {
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "data", Present: p.Data != nil}, httpapi.Field{Name: "pagination", Present: p.Pagination != nil}); err != nil {
		return err
	}
	pg := p.Pagination
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "pagination.limit", Present: pg.Limit != nil},
		httpapi.Field{Name: "pagination.offset", Present: pg.Offset != nil}, httpapi.Field{Name: "pagination.total", Present: pg.Total != nil}); err != nil {
		return err
	}
	if err := httpapi.RequireIDs(c.api, op, u, "data", p.Data, func(p Plan) bool { return p.ID != "" }); err != nil {
		return err
	}
	switch {
	case *pg.Offset != offset:
		return c.api.PaginationError(op, fmt.Sprintf("asked for offset %d but the API answered offset %d", offset, *pg.Offset))
	case *pg.Limit != maxLimit:
		return c.api.PaginationError(op, fmt.Sprintf("asked for limit %d but the API answered limit %d", maxLimit, *pg.Limit))
	case len(p.Data) > maxLimit:
		return c.api.PaginationError(op, fmt.Sprintf("page holds %d plans, more than the limit %d", len(p.Data), maxLimit))
	}
	return nil
}

// GetPlan reads one plan by id; like listings, it is read once per run.
// A plan that does not exist is an APIError with status 404 carrying
// Paygentic's message. The result is shared: callers must not modify it.
func (c *Client) GetPlan(ctx context.Context, id string) (*Plan, httpapi.Fetched, error) {
	return httpapi.One[Plan, *Plan]{
		Op:  "get plan",
		URL: c.api.ItemEndpoint(plansPath, id),
		Check: func(op string, u *url.URL, p *Plan) (*Plan, error) {
			return c.checkPlan(op, u, id, p)
		},
	}.Read(c.api, "plan/"+id).Run(ctx)
}

// checkPlan accepts only the plan asked for, with every field it checks.
func (c *Client) checkPlan(op string, u *url.URL, id string, p *Plan) (*Plan, error) {
	if p.ID != id {
		return nil, c.api.ResponseError(op, u, fmt.Errorf("asked for plan %q but the API answered plan %q", id, p.ID))
	}
	if err := p.check(); err != nil {
		return nil, c.api.ResponseError(op, u, err)
	}
	return p, nil
}

// derivePriceAmount fills PriceAmount from Price. A price that is not a
// number fails the read: a wrong amount must never reach a plan.
func (p *Plan) derivePriceAmount() error {
	if p.Price == nil {
		p.PriceAmount = nil
		return nil
	}
	amount, err := clients.ScaleDecimal(*p.Price, atomicExponent)
	if err != nil {
		return fmt.Errorf("plan %s: price: %w", p.ID, err)
	}
	p.PriceAmount = &amount
	return nil
}

// decodeError reads {error, message, code, details} and the
// validation shape {error: "validation_error", message, errors: [{field, message, code}]}.
func decodeError(body []byte) httpapi.Message {
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
	m := httpapi.Message{Message: e.Message, Code: clients.ErrorCode(e.Code)}
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
