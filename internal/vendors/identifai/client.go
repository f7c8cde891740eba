package identifai

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// DefaultBaseURL is identifAI's documented server.
const DefaultBaseURL = "https://backend.identifai.net"

const pricingsPath = "/api/partner/pricings"

// Client reads identifAI's partner pricings.
type Client struct{ api *httpapi.API }

// New builds a client that paces itself under identifAI's documented
// per-key limits: 2 GET/s and 60 GET/min. Laravel counts them in fixed
// windows, so the pacing keeps a margin: one request every 555 ms (no burst,
// so a run that starts right after another does not open with two at once),
// and a bucket of 30 refilled at 30/min, which can never exceed 60 in any
// minute.
func New(cfg httpapi.Config) (*Client, error) {
	return newClient(Vendor, cfg)
}

func newClient(v *clients.Vendor, cfg httpapi.Config) (*Client, error) {
	a, err := httpapi.New(cfg, v.Spec(cfg, decodeLaravelError))
	if err != nil {
		return nil, err
	}
	return &Client{api: a}, nil
}

// HasAPIKey reports whether a key is configured.
func (c *Client) HasAPIKey() bool { return c.api.HasAPIKey() }

// Pricing is one identifAI pricing plan. identifAI prices carry no money
// fields: a pricing is an id, a name and a SKU.
type Pricing struct {
	ID   int64   `json:"id"`
	Name *string `json:"name"`
	SKU  *string `json:"sku"`
}

// ListPricingsInput are the query parameters of GET /api/partner/pricings.
type ListPricingsInput struct {
	Order     string // field to sort by; empty for the API's default
	Direction string // asc or desc; empty for the API's default
	PerPage   int64  // page size; 0 asks for every row in one response
}

// PricingList is a complete listing.
type PricingList struct {
	Pricings []Pricing
	Total    int64
}

// pageBody is Laravel's length-aware paginator. Every paging field is
// documented and required: a pointer tells a missing one from a zero.
type pageBody struct {
	CurrentPage *int64    `json:"current_page"`
	Data        []Pricing `json:"data"`
	LastPage    *int64    `json:"last_page"`
	NextPageURL *string   `json:"next_page_url"`
	PerPage     *int64    `json:"per_page"`
	Total       *int64    `json:"total"`
}

// Pricings is the read of every pricing in, in API order, shared with
// other readers of the same query.
func (c *Client) Pricings(in ListPricingsInput) httpapi.Read[[]Pricing] {
	query := in.query()
	return c.pricingsListing(query).Read(c.api, "pricings?"+query.Encode())
}

// ListPricings returns every pricing in API order. The result is shared with
// other callers of the same query; callers must not modify it.
func (c *Client) ListPricings(ctx context.Context, in ListPricingsInput) (*PricingList, httpapi.Fetched, error) {
	pricings, fetched, err := c.Pricings(in).Run(ctx)
	if err != nil {
		return nil, httpapi.Fetched{}, err
	}
	return &PricingList{Pricings: pricings, Total: int64(len(pricings))}, fetched, nil
}

func (in ListPricingsInput) query() url.Values {
	q := url.Values{}
	if in.Order != "" {
		q.Set("order", in.Order)
	}
	if in.Direction != "" {
		q.Set("direction", in.Direction)
	}
	if in.PerPage > 0 {
		q.Set("per_page", strconv.FormatInt(in.PerPage, 10))
	}
	return q
}

// pricingsListing declares GET /pricings with query. Page 1 tells how many
// pages there are: the rest are fetched concurrently by number rather than
// by walking next_page_url.
func (c *Client) pricingsListing(query url.Values) httpapi.NumberedPages[pageBody, Pricing, int64] {
	return httpapi.NumberedPages[pageBody, Pricing, int64]{
		Op: "list pricings",
		Request: func(page int) (*url.URL, http.Header) {
			return c.pricingsPage(query, page), nil
		},
		Check:    c.checkPage,
		Pages:    func(p *pageBody) int64 { return *p.LastPage },
		Size:     func(p *pageBody) int64 { return *p.PerPage },
		Total:    func(p *pageBody) int64 { return *p.Total },
		Items:    func(p *pageBody) []Pricing { return p.Data },
		ID:       func(p Pricing) int64 { return p.ID },
		PageSize: pageSize(query),
	}
}

// laravelPage is Laravel's default page size: without per_page
// identifAI documents every row in one response, and a server that pages
// anyway would use it.
const laravelPage = 15

// pageSize is what the query asked of per_page.
func pageSize(query url.Values) httpapi.PageSizeRule {
	if n, err := strconv.ParseInt(query.Get("per_page"), 10, 64); err == nil && n > 0 {
		return httpapi.PageSizeRule{Field: "per_page", Asked: n}
	}
	return httpapi.PageSizeRule{Field: "per_page", Asked: laravelPage, Default: true}
}

// pricingsPage is the URL of page (from 1): page 1 is asked for without
// a page parameter.
func (c *Client) pricingsPage(query url.Values, page int) *url.URL {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	if page > 1 {
		q.Set("page", strconv.Itoa(page))
	}
	return c.api.Endpoint(pricingsPath, q)
}

// checkPage rejects a page that lacks a documented field, is not the one
// asked for, or whose next link leaves this listing.
func (c *Client) checkPage(op string, u *url.URL, page int, p *pageBody) error {
	if err := c.api.RequireFields(op, u,
		httpapi.Field{Name: "data", Present: p.Data != nil}, httpapi.Field{Name: "current_page", Present: p.CurrentPage != nil}, httpapi.Field{Name: "last_page", Present: p.LastPage != nil},
		httpapi.Field{Name: "per_page", Present: p.PerPage != nil}, httpapi.Field{Name: "total", Present: p.Total != nil}); err != nil {
		return err
	}
	if err := httpapi.RequireIDs(c.api, op, u, "data", p.Data, func(p Pricing) bool { return p.ID > 0 }); err != nil {
		return err
	}
	if *p.CurrentPage != int64(page) {
		return c.api.PaginationError(op, fmt.Sprintf("asked for page %d but the API answered page %d", page, *p.CurrentPage))
	}
	if p.NextPageURL != nil && *p.NextPageURL != "" {
		next, err := c.api.NextLink(op, "next_page_url", *p.NextPageURL, u)
		if err != nil {
			return err
		}
		return checkNextPageNumber(op, page, *p.LastPage, next)
	}
	return nil
}

// checkNextPageNumber checks the page a next_page_url names. The client
// fetches pages by number rather than by link, but Laravel's link always
// names the following page: one that names this page again, an earlier or
// a later one, or that exists on the last page, says the server's paging is
// broken and the pages read may not add up to one listing.
func checkNextPageNumber(op string, page int, lastPage int64, next *url.URL) error {
	n, named := pageNumber(next)
	if !named {
		return nil // no page number to check; the count and id checks still apply
	}
	var what string
	switch {
	case n == page:
		what = fmt.Sprintf("repeats page %d", page)
	case n < page:
		what = fmt.Sprintf("loops back to page %d from page %d", n, page)
	case lastPage > 0 && int64(page) >= lastPage:
		what = fmt.Sprintf("points to page %d after page %d, which last_page says is the last", n, page)
	case n != page+1:
		what = fmt.Sprintf("skips from page %d to page %d", page, n)
	default:
		return nil
	}
	return &httpapi.PaginationError{Vendor: Vendor.Name, Operation: op, Reason: fmt.Sprintf("next_page_url %s %s; the pagination is inconsistent", httpapi.RedactURL(next), what)}
}

// pageNumber is the page a Laravel paginator link names, if it names one.
func pageNumber(u *url.URL) (int, bool) {
	n, err := strconv.Atoi(u.Query().Get("page"))
	return n, err == nil
}

// decodeLaravelError reads Laravel's error bodies:
// {"message": "...", "errors": {"field": ["..."]}}.
func decodeLaravelError(body []byte) httpapi.Message {
	var e struct {
		Message string              `json:"message"`
		Errors  map[string][]string `json:"errors"`
	}
	if json.Unmarshal(body, &e) != nil {
		return httpapi.Message{}
	}
	return httpapi.Message{Message: e.Message, Fields: httpapi.FieldErrorsFromMap(e.Errors)}
}
