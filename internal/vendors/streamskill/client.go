package streamskill

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// DefaultBaseURL is StreamSkill's documented server.
const DefaultBaseURL = "https://api.streamskill.pro/v1"

// Client reads StreamSkill tariffs.
type Client struct {
	api      *httpapi.API
	language string
}

// New builds a StreamSkill client (Bearer auth) that paces itself
// under the documented token bucket: a burst of 30, then 2 requests/s with a
// key (a burst of 5, then one request every 2 s without).
func New(cfg httpapi.Config, language string) (*Client, error) {
	return newClient(Vendor, cfg, language)
}

func newClient(v *clients.Vendor, cfg httpapi.Config, language string) (*Client, error) {
	a, err := httpapi.New(cfg, v.Spec(cfg, decodeError))
	if err != nil {
		return nil, err
	}
	if language == "" {
		language = "en"
	}
	return &Client{api: a, language: language}, nil
}

// HasAPIKey reports whether a key is configured.
func (c *Client) HasAPIKey() bool { return c.api.HasAPIKey() }

// decodeError reads {name, message, code, status, type}.
func decodeError(body []byte) httpapi.Message {
	var e struct {
		Name    string `json:"name"`
		Message string `json:"message"`
		Code    any    `json:"code"`
		Type    string `json:"type"`
	}
	if json.Unmarshal(body, &e) != nil {
		return httpapi.Message{}
	}
	m := httpapi.Message{Message: e.Message, Code: e.Type}
	if m.Message == "" {
		m.Message = e.Name
	}
	if m.Code == "" {
		m.Code = clients.ErrorCode(e.Code)
	}
	return m
}

// Language is the language tariffs are read in when a caller names none.
func (c *Client) Language() string { return c.language }

// Tariff is one StreamSkill tariff as the API returns it. Prices are in the
// account's currency and already include the caller's personal discount.
// Fields the API leaves out are nil (or empty).
type Tariff struct {
	ID    int64
	Title *string
	Text  []string // nil when absent

	// Count is the base quantity of a fixed-count tariff; nil for a
	// custom-count tariff, whose count is a {min, max} range. CountMin and
	// CountMax bound the quantity either way: both equal Count for a
	// fixed-count tariff. All three are nil when the API sends no count.
	Count, CountMin, CountMax *int64

	// Price is the JSON number as sent ("0.1" stays "0.1"); empty when absent.
	Price       json.Number
	Type        *string
	Hourly      *bool
	PricingType *string

	// GraduatedPrices maps a quantity threshold ("101") to the tier price,
	// discounts included; nil when the API sends null (standard pricing).
	GraduatedPrices map[string]json.Number
	// Discounts maps a quantity threshold ("500") to a discount percent;
	// nil when the API sends no discounts key.
	Discounts map[string]json.Number

	Link  *TariffLink // nil when absent
	Panel *bool       // sent only with expand=panel
}

// TariffLink is the hint for the channel URL an order needs.
type TariffLink struct {
	Prefix      *string `json:"prefix"`
	Placeholder *string `json:"placeholder"`
}

// tariffWire is the body of GET /tarifs/{id}; its polymorphic fields decode
// through the small types below before being flattened into a Tariff.
type tariffWire struct {
	ID              *int64      `json:"id"`
	Title           *string     `json:"title"`
	Text            []string    `json:"text"`
	Count           tariffCount `json:"count"`
	Price           json.Number `json:"price"`
	Type            *string     `json:"type"`
	Hourly          *bool       `json:"hourly"`
	PricingType     *string     `json:"pricing_type"`
	GraduatedPrices numberMap   `json:"graduated_prices"`
	Discounts       numberMap   `json:"discounts"`
	Link            *TariffLink `json:"link"`
	Panel           *bool       `json:"panel"`
}

func (w *tariffWire) tariff() *Tariff {
	var id int64
	if w.ID != nil {
		id = *w.ID
	}
	return &Tariff{
		ID:              id,
		Title:           w.Title,
		Text:            w.Text,
		Count:           w.Count.value,
		CountMin:        w.Count.min,
		CountMax:        w.Count.max,
		Price:           w.Price,
		Type:            w.Type,
		Hourly:          w.Hourly,
		PricingType:     w.PricingType,
		GraduatedPrices: w.GraduatedPrices,
		Discounts:       w.Discounts,
		Link:            w.Link,
		Panel:           w.Panel,
	}
}

// tariffCount is StreamSkill's count: an integer, or {min, max} for a
// custom-count tariff.
type tariffCount struct {
	value, min, max *int64
}

func (c *tariffCount) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*c = tariffCount{}
		return nil
	case len(b) > 0 && b[0] == '{':
		var r struct {
			Min *json.Number `json:"min"`
			Max *json.Number `json:"max"`
		}
		if err := httpapi.DecodeJSON(b, &r); err != nil || r.Min == nil || r.Max == nil {
			return fmt.Errorf("count must be an integer or an object with integer min and max, got %s", httpapi.Snippet(b))
		}
		lo, errLo := strconv.ParseInt(r.Min.String(), 10, 64)
		hi, errHi := strconv.ParseInt(r.Max.String(), 10, 64)
		if errLo != nil || errHi != nil {
			return fmt.Errorf("count must be an integer or an object with integer min and max, got %s", httpapi.Snippet(b))
		}
		if lo > hi {
			return fmt.Errorf("count has min %d above max %d", lo, hi)
		}
		*c = tariffCount{min: &lo, max: &hi}
		return nil
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("count must be an integer or an object with integer min and max, got %s", httpapi.Snippet(b))
	}
	*c = tariffCount{value: &n, min: &n, max: &n}
	return nil
}

// numberMap is a JSON object of numbers keyed by threshold. null stays nil;
// an empty JSON array also reads as an empty map, because PHP serialises an
// empty associative array as [].
type numberMap map[string]json.Number

func (m *numberMap) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*m = nil
		return nil
	case bytes.Equal(bytes.Join(bytes.Fields(b), nil), []byte("[]")):
		*m = numberMap{}
		return nil
	}
	var out map[string]json.Number
	if err := httpapi.DecodeJSON(b, &out); err != nil {
		return fmt.Errorf("expected an object of numbers keyed by quantity threshold, got %s", httpapi.Snippet(b))
	}
	if out == nil {
		out = map[string]json.Number{}
	}
	*m = out
	return nil
}

// Tariff reads one tariff in the given language ("en" or "ru"; empty for
// the client's default), always with expand=panel. One read per (id,
// language) is shared by every caller of the run; callers must not modify
// the result.
func (c *Client) Tariff(ctx context.Context, id int64, language string) (*Tariff, httpapi.Fetched, error) {
	if language == "" {
		language = c.language
	}
	return c.tariffRead(id, language).Read(c.api, fmt.Sprintf("tariff %d %s", id, language)).Run(ctx)
}

// tariffRead declares GET /tarifs/{id}?expand=panel in language.
func (c *Client) tariffRead(id int64, language string) httpapi.One[tariffWire, *Tariff] {
	return httpapi.One[tariffWire, *Tariff]{
		Op:     fmt.Sprintf("get tariff %d", id),
		URL:    c.api.Endpoint(fmt.Sprintf("/tarifs/%d", id), url.Values{"expand": {"panel"}}),
		Header: http.Header{"Accept-Language": {language}},
		Check: func(op string, u *url.URL, w *tariffWire) (*Tariff, error) {
			return c.checkTariff(op, u, id, w)
		},
	}
}

// checkTariff accepts only the tariff asked for: a body without an id
// ({}, null) is not a tariff at all.
func (c *Client) checkTariff(op string, u *url.URL, id int64, w *tariffWire) (*Tariff, error) {
	if err := c.api.RequireFields(op, u, httpapi.Field{Name: "id", Present: w.ID != nil}); err != nil {
		return nil, err
	}
	if *w.ID != id {
		return nil, c.api.ResponseError(op, u, fmt.Errorf("asked for tariff %d but the API answered tariff %d", id, *w.ID))
	}
	return w.tariff(), nil
}
