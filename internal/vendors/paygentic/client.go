package paygentic

import (
	"context"
	"encoding/json"
	"fmt"
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

// ListPlans returns every plan matching in, in API order. The result is
// shared with other callers of the same query; callers must not modify it.
func (c *Client) ListPlans(ctx context.Context, in ListPlansInput) (*PlanList, httpapi.Fetched, error) {
	ctx = c.api.MaskSecrets(ctx)
	filters := in.query()
	return httpapi.SharedListing(ctx, c.api, "plans?"+filters.Encode(), func(ctx context.Context, l *httpapi.Listing) (*PlanList, error) {
		return c.listPlans(ctx, l, filters)
	})
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

func (c *Client) listPlans(ctx context.Context, l *httpapi.Listing, filters url.Values) (*PlanList, error) {
	// The first page's total tells how many pages of 100 there are.
	plans, total, err := httpapi.ReadNumberedPages(ctx, c.api, l, httpapi.NumberedPages[*pageBody, Plan, string]{
		Op: "list plans",
		Fetch: func(ctx context.Context, l *httpapi.Listing, page int) (*pageBody, error) {
			return c.plansPage(ctx, l, filters, page)
		},
		Pages: func(p *pageBody) int64 {
			return (*p.Pagination.Total + maxLimit - 1) / maxLimit
		},
		Size:  func(*pageBody) int64 { return maxLimit },
		Total: func(p *pageBody) int64 { return *p.Pagination.Total },
		Items: func(p *pageBody) []Plan { return p.Data },
		ID:    func(p Plan) string { return p.ID },
	})
	if err != nil {
		return nil, err
	}
	return &PlanList{Plans: plans, Total: total}, nil
}

// plansPage reads page n (from 1), which starts at offset (n-1)*100.
func (c *Client) plansPage(ctx context.Context, l *httpapi.Listing, filters url.Values, page int) (*pageBody, error) {
	op := fmt.Sprintf("list plans page %d", page)
	offset := int64(page-1) * maxLimit
	q := url.Values{}
	for k, v := range filters {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(maxLimit))
	q.Set("offset", strconv.FormatInt(offset, 10))
	u := c.api.Endpoint(plansPath, q)
	var p pageBody
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
	ctx = c.api.MaskSecrets(ctx)
	return httpapi.SharedListing(ctx, c.api, "plan/"+id, func(ctx context.Context, l *httpapi.Listing) (*Plan, error) {
		return c.getPlan(ctx, l, id)
	})
}

func (c *Client) getPlan(ctx context.Context, l *httpapi.Listing, id string) (*Plan, error) {
	const op = "get plan"
	u := c.api.ItemEndpoint(plansPath, id)
	var p Plan
	if err := c.api.GetJSON(ctx, l, op, u, nil, &p); err != nil {
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
