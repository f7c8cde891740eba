// Package acme is a sixth vendor that exists only for tests. It is written
// as every vendor's package is, from the shared kit alone (clients.Vendor,
// httpapi, datasources), and is registered by no list: a test adds it to
// the registry and proves that the provider gives it its block, its
// environment fallbacks, its data source served on the direct list path
// and its place in pricing_catalog, with no file outside this package
// edited.
package acme

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Vendor declares Acme.
var Vendor = &clients.Vendor{
	Name: "acme", Title: "Acme", DefaultBaseURL: "https://api.acme.example",
	KeyEnv: []string{"ACME_API_KEY"}, BaseURLEnv: []string{"ACME_BASE_URL"},
	Auth:     clients.Auth{Header: "X-Acme-Key"},
	Pacing:   clients.Pacing{WithKey: []clients.Limit{{PerSecond: 10, Burst: 10}}, Summary: "10 requests/s"},
	Settings: []clients.Setting{{Name: "region", Description: "Acme region, sent as `X-Acme-Region`.", OneOf: []string{"eu", "us"}}},
	Open: func(v *clients.Vendor, cfg httpapi.Config, settings map[string]string) (clients.Client, error) {
		api, err := httpapi.New(cfg, v.Spec(cfg, nil))
		if err != nil {
			return nil, err
		}
		return &Client{api: api, region: settings["region"]}, nil
	},
}

// The data source and the catalogue source name Vendor, which Go refuses in
// Vendor's own initializer.
func init() {
	Vendor.DataSources = []func() datasource.DataSource{NewPlansDataSource}
	Vendor.Catalog = planList.CatalogSource(clients.CatalogSource{})
}

// Client reads Acme's plans.
type Client struct {
	api    *httpapi.API
	region string
}

// HasAPIKey reports whether a key is configured.
func (c *Client) HasAPIKey() bool { return c.api.HasAPIKey() }

// Plan is one Acme plan: a monthly price in USD.
type Plan struct {
	ID    string  `json:"id"`
	Name  *string `json:"name"`
	Price *string `json:"price"`
}

// Plans is the read of every plan, once per run for all its readers.
func (c *Client) Plans() httpapi.Read[[]Plan] {
	return httpapi.One[plansBody, []Plan]{
		Op:     "list plans",
		URL:    c.api.Endpoint("/plans", nil),
		Header: http.Header{"X-Acme-Region": {c.region}},
		Check: func(op string, u *url.URL, page *plansBody) ([]Plan, error) {
			for i, p := range page.Plans {
				if p.ID == "" {
					return nil, c.api.ResponseError(op, u, fmt.Errorf("plans[%d] has no id", i))
				}
			}
			return page.Plans, nil
		},
	}.Read(c.api, "plans "+c.region)
}

// plansBody is GET /plans: every plan, in one page.
type plansBody struct {
	Plans []Plan `json:"plans"`
}

// Money is the plan's price per month in USD.
func (p Plan) Money() (money.Money, error) {
	if p.Price == nil {
		return money.Money{}, nil
	}
	amount, err := decimal.NewFromString(*p.Price)
	if err != nil {
		return money.Money{}, fmt.Errorf("plan %s: price %q is not a number", p.ID, *p.Price)
	}
	month, _ := money.ParseISOPeriod("P1M")
	return money.Money{Amount: &amount, Period: &month}, nil
}

// Emulator serves Acme's API for key: GET /plans, and the plans it is given.
func Emulator(key string, plans ...Plan) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Acme-Key") != key {
			http.Error(w, `{"error":"bad key"}`, http.StatusUnauthorized)
			return
		}
		if r.URL.Path != "/plans" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"plans": plans})
	})
}
