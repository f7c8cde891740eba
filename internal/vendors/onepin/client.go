package onepin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// DefaultBaseURL is OnePin's documented server.
const DefaultBaseURL = "https://api.onepin.ai"

// Client reads OnePin billing plans. The plan list is public, so the key is
// optional; a workspace id is sent as X-Workspace-Id when configured.
type Client struct {
	api         *httpapi.API
	workspaceID string
	language    string
}

// defaultLanguage is the language OnePin localises plan_details in
// when none is asked for.
const defaultLanguage = "en"

// New builds a OnePin client (Bearer auth when a key is configured).
func New(cfg httpapi.Config, workspaceID string) (*Client, error) {
	return newClient(Vendor, cfg, map[string]string{"workspace_id": workspaceID})
}

// newClient builds the client from the vendor block's settings:
// workspace_id and language (plan_details' language, "en" when unset).
func newClient(v *clients.Vendor, cfg httpapi.Config, settings map[string]string) (*Client, error) {
	a, err := httpapi.New(cfg, v.Spec(cfg, decodeError))
	if err != nil {
		return nil, err
	}
	lang := settings["language"]
	if lang == "" {
		lang = defaultLanguage
	}
	return &Client{api: a, workspaceID: settings["workspace_id"], language: lang}, nil
}

// decodeError reads {error: {code, message, details: [{field, message}]}, meta},
// the flat {code, message, detail}, and FastAPI's 422 shape
// {detail: [{loc, msg, type}]} (or {detail: "..."}).
func decodeError(body []byte) httpapi.Message {
	var e struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Error   *struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Details []struct {
				Field   string `json:"field"`
				Message string `json:"message"`
			} `json:"details"`
		} `json:"error"`
		Detail json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &e) != nil {
		return httpapi.Message{}
	}
	m := httpapi.Message{}
	if e.Error != nil {
		m.Message, m.Code = e.Error.Message, e.Error.Code
		for _, d := range e.Error.Details {
			m.Fields = append(m.Fields, httpapi.FieldError{Field: d.Field, Message: d.Message})
		}
		return m
	}
	var detail string
	if e.Message != "" {
		m.Message, m.Code = e.Message, e.Code
		if json.Unmarshal(e.Detail, &detail) == nil && detail != "" {
			m.Fields = append(m.Fields, httpapi.FieldError{Field: "detail", Message: detail})
		}
		return m
	}
	if json.Unmarshal(e.Detail, &detail) == nil {
		m.Message = detail
		return m
	}
	var items []struct {
		Loc  []any  `json:"loc"`
		Msg  string `json:"msg"`
		Type string `json:"type"`
	}
	if json.Unmarshal(e.Detail, &items) == nil && len(items) > 0 {
		m.Message = "validation failed"
		for _, it := range items {
			m.Fields = append(m.Fields, httpapi.FieldError{Field: fastAPILoc(it.Loc), Message: it.Msg})
		}
	}
	return m
}

// fastAPILoc renders ["header", "x-workspace-id"] as "header.x-workspace-id".
func fastAPILoc(loc []any) string {
	parts := make([]string, 0, len(loc))
	for _, p := range loc {
		parts = append(parts, fmt.Sprint(p))
	}
	return strings.Join(parts, ".")
}

const (
	plansPath = "/api/v1/billing/plans"
	// pageLimit is the largest page size the API accepts (limit is
	// 1..100; the documented default is 10), so listings take few requests.
	pageLimit = 100
)

// Plan is one OnePin billing plan as the API sends it.
type Plan struct {
	ID              string                     `json:"id"`
	Name            *string                    `json:"name"`
	Tier            *string                    `json:"tier"`
	BillingInterval *string                    `json:"billing_interval"`
	Amount          *json.Number               `json:"amount"`
	Currency        *string                    `json:"currency"`
	DisplayOrder    *json.Number               `json:"display_order"`
	Limits          map[string]json.RawMessage `json:"limits"`
	// PlanDetails are the plan's localised feature sections; nil when the
	// API sends none.
	PlanDetails *PlanDetails `json:"plan_details"`
}

// PlanDetails is a plan's plan_details: sections of labelled values,
// in the language asked for.
type PlanDetails struct {
	Sections []PlanSection `json:"sections"`
}

// PlanSection is one titled section of plan_details.
type PlanSection struct {
	Title string     `json:"title"`
	Items []PlanItem `json:"items"`
}

// PlanItem is one labelled value of a section.
type PlanItem struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// PlanList is a complete listing, in API order.
type PlanList struct {
	Plans []Plan
}

// pageBody is {data, meta, pagination: {limit, next, prev}}. data and
// pagination.next are required; next is null on the last page, which a
// raw message tells apart from a missing key.
type pageBody struct {
	Data       []Plan `json:"data"`
	Pagination *struct {
		Next json.RawMessage `json:"next"`
	} `json:"pagination"`
}

// Plans is the read of every plan in API order, following pagination.next
// to the last page, shared with every other reader in the same run.
func (c *Client) Plans() httpapi.Read[[]Plan] { return c.plansListing().Read(c.api, "plans") }

// ListPlans returns every plan in API order. The result is shared with
// other callers in the same run; callers must not modify it.
func (c *Client) ListPlans(ctx context.Context) (*PlanList, httpapi.Fetched, error) {
	plans, fetched, err := c.Plans().Run(ctx)
	if err != nil {
		return nil, httpapi.Fetched{}, err
	}
	return &PlanList{Plans: plans}, fetched, nil
}

// plansListing declares GET /api/v1/billing/plans, walked along its next
// links one by one: the body carries no total or page count, so pages
// cannot be fetched concurrently.
func (c *Client) plansListing() httpapi.LinkedPages[pageBody, Plan, string] {
	return httpapi.LinkedPages[pageBody, Plan, string]{
		Op:     "list plans",
		First:  c.api.Endpoint(plansPath, url.Values{"limit": {strconv.Itoa(pageLimit)}}),
		Header: c.header(),
		Link:   "pagination.next",
		Check: func(op string, u *url.URL, p *pageBody) (string, error) {
			_, next, err := c.checkPage(op, u, p)
			return next, err
		},
		Items:  func(p *pageBody) []Plan { return p.Data },
		ID:     func(p Plan) string { return p.ID },
		Failed: withdrawnHint,
	}
}

// withdrawnHint explains a 404 from the plan list.
func withdrawnHint(err error) error {
	if !httpapi.IsStatus(err, http.StatusNotFound) {
		return err
	}
	return fmt.Errorf("%w\nOnePin may have withdrawn its public billing API: its official SDK dropped the billing "+
		"endpoints in July 2026, so %s may no longer exist. Check OnePin's documentation for where plans are listed now", err, plansPath)
}

// checkPage accepts a page and returns it with its next link, "" on the
// last page. A page that lacks data or pagination.next, holds a plan
// without an id, or is empty yet links to another page fails the read.
func (c *Client) checkPage(op string, u *url.URL, p *pageBody) (*pageBody, string, error) {
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "data", Present: p.Data != nil}, httpapi.Field{Name: "pagination", Present: p.Pagination != nil}); err != nil {
		return nil, "", err
	}
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "pagination.next", Present: len(p.Pagination.Next) > 0}); err != nil {
		return nil, "", err
	}
	if err := httpapi.RequireIDs(c.api, op, u, "data", p.Data, func(p Plan) bool { return p.ID != "" }); err != nil {
		return nil, "", err
	}
	var link *string
	if err := json.Unmarshal(p.Pagination.Next, &link); err != nil {
		return nil, "", c.api.ResponseError(op, u, errors.New("field pagination.next is not a string or null"))
	}
	if link == nil || *link == "" {
		return p, "", nil
	}
	if len(p.Data) == 0 {
		return nil, "", c.api.PaginationError(op, "the page is empty but links to a next page; a listing of empty pages never ends")
	}
	return p, *link, nil
}

// header is every request's headers: the workspace, and the language of
// plan_details.
func (c *Client) header() http.Header {
	h := http.Header{"Accept-Language": {c.language}}
	if c.workspaceID != "" {
		h.Set("X-Workspace-Id", c.workspaceID)
	}
	return h
}

// LimitTexts renders every limit as text, whatever JSON type the API used:
// numbers exactly as sent ("50"), strings as they are ("unlimited"),
// booleans as "true"/"false", arrays and objects as compact JSON. A null
// limit is nil: OnePin means unlimited (or custom), never 0 or "".
func (p Plan) LimitTexts() map[string]*string {
	if p.Limits == nil {
		return nil
	}
	out := make(map[string]*string, len(p.Limits))
	for k, raw := range p.Limits {
		if text, ok := limitText(raw); ok {
			out[k] = &text
		} else {
			out[k] = nil
		}
	}
	return out
}

// limitText is one limit as text: a number exactly as sent, a string, a
// boolean as "true"/"false", anything else as compact JSON with sorted keys
// and exact numbers; false for null.
func limitText(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || bytes.Equal(raw, []byte("null")):
		return "", false
	case raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	case raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'), bytes.Equal(raw, []byte("true")), bytes.Equal(raw, []byte("false")):
		return string(raw), true
	}
	// An object or array: the one place an untyped value is decoded, so
	// its numbers are kept as json.Number explicitly.
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return "", false
	}
	b, err := json.Marshal(v) // json.Number keeps nested numbers exact
	if err != nil {
		return "", false
	}
	return string(b), true
}

// HasAPIKey reports whether a key is configured.
func (c *Client) HasAPIKey() bool { return c.api.HasAPIKey() }
