package probely

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// newTestClient is a Probely client on srv with fast retries.
func newTestClient(t testing.TB, srv *httptest.Server, mutate ...func(*httpapi.Config)) *Client {
	t.Helper()
	c, err := New(clienttest.Config(srv, "probely", mutate...))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// pages serves n plans (ids plan-1..plan-n) in DRF pages, with a
// hook to corrupt individual pages.
type pages struct {
	n     int
	calls atomic.Int32
	// tweak may change a page before it is written.
	tweak func(page int, body *pageJSON)
	// seen records every request's page and length parameters and auth header.
	seen chan string
}

type pageJSON struct {
	count, pageTotal, page, length int
	IDs                            []int
}

func (s *pages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	if s.seen != nil {
		s.seen <- r.URL.Path + "?" + r.URL.RawQuery + " " + r.Header.Get("Authorization")
	}
	q := r.URL.Query()
	length, _ := strconv.Atoi(q.Get("length"))
	page, _ := strconv.Atoi(q.Get("page"))
	if length < 1 || page < 1 {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"length":["A valid integer is required."]}`)
		return
	}
	p := pageJSON{count: s.n, pageTotal: max(1, (s.n+length-1)/length), page: page, length: length}
	for id := (page-1)*length + 1; id <= min(page*length, s.n); id++ {
		p.IDs = append(p.IDs, id)
	}
	if s.tweak != nil {
		s.tweak(page, &p)
	}
	items := make([]string, len(p.IDs))
	for i, id := range p.IDs {
		items[i] = fmt.Sprintf(`{"id":"plan-%d","name":"Plan %d","price":%d,"currency_code":"USD","tiers":null,"unknown_field":true}`, id, id, id*100)
	}
	fmt.Fprintf(w, `{"count":%d,"page_total":%d,"page":%d,"length":%d,"results":[%s]}`,
		p.count, p.pageTotal, p.page, p.length, strings.Join(items, ","))
}

func TestProbelyPlanDecodesWhatTheAPISends(t *testing.T) {
	t.Parallel()
	str := func(s string) *string { return &s }
	tests := []struct {
		name     string
		plan     string
		profiles []string
		tiers    *string // compact JSON text; nil for no tiers
		price    *string
	}{
		{
			name:     "the example's allowed_scan_profiles spelling fills the scan profiles",
			plan:     `{"id":"p","allowed_scan_profiles":["lightning","safe"],"price":4900}`,
			profiles: []string{"lightning", "safe"},
			price:    str("4900"),
		},
		{
			name:     "the schema's allowed_builtin_scan_profiles spelling fills the scan profiles",
			plan:     `{"id":"p","allowed_builtin_scan_profiles":["normal","full"],"price":0}`,
			profiles: []string{"normal", "full"},
			price:    str("0"),
		},
		{
			name: "neither spelling leaves the scan profiles null",
			plan: `{"id":"p"}`,
		},
		{
			name:     "an empty list is kept empty, not null",
			plan:     `{"id":"p","allowed_builtin_scan_profiles":[]}`,
			profiles: []string{},
		},
		{
			name: "tiers null is no tiers",
			plan: `{"id":"p","tiers":null}`,
		},
		{
			name: "tiers absent is no tiers",
			plan: `{"id":"p","price":null}`,
		},
		{
			name:  "a tiers object is compacted with its key order and number text kept",
			plan:  `{"id":"p","tiers": { "z": [ {"up_to": 10, "unit_price": 1.10} , {"up_to": null, "unit_price": 12345678901234567890} ], "a": {} }}`,
			tiers: str(`{"z":[{"up_to":10,"unit_price":1.10},{"up_to":null,"unit_price":12345678901234567890}],"a":{}}`),
		},
		{
			name:  "an empty tiers object is kept",
			plan:  `{"id":"p","tiers":{}}`,
			tiers: str(`{}`),
		},
		{
			name:  "a missing price stays null",
			plan:  `{"id":"p","currency_code":"EUR","is_trial":true}`,
			price: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, `{"count":1,"page_total":1,"page":1,"length":100,"results":[%s]}`, tt.plan)
			}))
			defer srv.Close()
			list, _, err := newTestClient(t, srv).ListPlans(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			p := list.Plans[0]
			if !slices.Equal(p.AllowedScanProfiles, tt.profiles) || (p.AllowedScanProfiles == nil) != (tt.profiles == nil) {
				t.Errorf("scan profiles = %#v, want %#v", p.AllowedScanProfiles, tt.profiles)
			}
			if got := string(p.Tiers); (tt.tiers == nil && p.Tiers != nil) || (tt.tiers != nil && got != *tt.tiers) {
				t.Errorf("tiers = %q, want %v", got, tt.tiers)
			}
			if (p.Price == nil) != (tt.price == nil) || (p.Price != nil && p.Price.String() != *tt.price) {
				t.Errorf("price = %v, want %v", p.Price, tt.price)
			}
		})
	}
}

func TestProbelyPlanKeepsEveryFieldExactly(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"count":1,"page_total":1,"page":1,"length":100,"results":[{
			"id":"business-yearly-gbp","name":"Business Plan","family":"business","description":"",
			"is_trial":false,"charge_model":"volume","price":12345678901234567890,"currency_code":"GBP",
			"period":1,"period_unit":"year","discount":17,"savings":81424,
			"allowed_credits_packs":[{"id":"credits-500-gbp","name":"500 scan credits","price":34200,
				"currency_code":"GBP","pack_amount":500,"discount":5,"savings":1800}]}]}`)
	}))
	defer srv.Close()
	list, _, err := newTestClient(t, srv).ListPlans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p := list.Plans[0]
	got := fmt.Sprintf("%s %s %s %q %v %s %s %s %s %s %s %s",
		p.ID, *p.Name, *p.Family, *p.Description, *p.IsTrial, *p.ChargeModel, *p.Price, *p.CurrencyCode, *p.Period, *p.PeriodUnit, *p.Discount, *p.Savings)
	if want := `business-yearly-gbp Business Plan business "" false volume 12345678901234567890 GBP 1 year 17 81424`; got != want {
		t.Errorf("plan = %s\nwant   %s", got, want)
	}
	if len(p.AllowedCreditsPacks) != 1 {
		t.Fatalf("credits packs = %+v, want one", p.AllowedCreditsPacks)
	}
	c := p.AllowedCreditsPacks[0]
	got = fmt.Sprintf("%s %s %s %s %s %s %s", *c.ID, *c.Name, *c.Price, *c.CurrencyCode, *c.PackAmount, *c.Discount, *c.Savings)
	if want := "credits-500-gbp 500 scan credits 34200 GBP 500 5 1800"; got != want {
		t.Errorf("credits pack = %s, want %s", got, want)
	}
}
