package clients

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// newTestProbely is a Probely client on srv with fast retries.
func newTestProbely(t testing.TB, srv *httptest.Server, mutate ...func(*httpapi.Config)) *Probely {
	t.Helper()
	c, err := NewProbely(testConfig(srv, "probely", mutate...))
	if err != nil {
		t.Fatalf("NewProbely: %v", err)
	}
	return c
}

// probelyPages serves n plans (ids plan-1..plan-n) in DRF pages, with a
// hook to corrupt individual pages.
type probelyPages struct {
	n     int
	calls atomic.Int32
	// tweak may change a page before it is written.
	tweak func(page int, body *probelyPageJSON)
	// seen records every request's page and length parameters and auth header.
	seen chan string
}

type probelyPageJSON struct {
	count, pageTotal, page, length int
	ids                            []int
}

func (s *probelyPages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
	p := probelyPageJSON{count: s.n, pageTotal: max(1, (s.n+length-1)/length), page: page, length: length}
	for id := (page-1)*length + 1; id <= min(page*length, s.n); id++ {
		p.ids = append(p.ids, id)
	}
	if s.tweak != nil {
		s.tweak(page, &p)
	}
	items := make([]string, len(p.ids))
	for i, id := range p.ids {
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
			list, err := newTestProbely(t, srv).ListPlans(context.Background())
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
	list, err := newTestProbely(t, srv).ListPlans(context.Background())
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

func TestProbelyListReadsEveryPageInOrder(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ n, parallel, pages int }{{0, 4, 1}, {1, 4, 1}, {100, 4, 1}, {101, 4, 2}, {250, 4, 3}, {450, 1, 5}, {950, 8, 10}} {
		t.Run(fmt.Sprintf("%d plans with %d in flight take %d requests", tt.n, tt.parallel, tt.pages), func(t *testing.T) {
			t.Parallel()
			pages := &probelyPages{n: tt.n, seen: make(chan string, 100)}
			srv := httptest.NewServer(pages)
			defer srv.Close()
			c := newTestProbely(t, srv, func(c *httpapi.Config) { c.MaxParallelRequests = tt.parallel })
			list, err := c.ListPlans(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Plans) != tt.n || list.Count != int64(tt.n) {
				t.Fatalf("got %d plans, count %d; want %d", len(list.Plans), list.Count, tt.n)
			}
			for i, p := range list.Plans {
				if p.ID != fmt.Sprintf("plan-%d", i+1) || p.Price == nil || p.Price.String() != strconv.Itoa((i+1)*100) {
					t.Fatalf("plan %d is %+v: out of API order", i, p)
				}
			}
			if got := pages.calls.Load(); got != int32(tt.pages) {
				t.Errorf("made %d requests, want %d (one per page)", got, tt.pages)
			}
			close(pages.seen)
			var got []string
			for s := range pages.seen {
				got = append(got, s)
			}
			var want []string
			for page := 1; page <= tt.pages; page++ {
				want = append(want, fmt.Sprintf("/probely/plans/?length=100&page=%d JWT %s", page, testKey))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("requests (sorted) = %q\nwant each page once, length=100 and Authorization: JWT <key>: %q", got, want)
			}
		})
	}
}

func TestProbelyListIsFetchedOncePerRun(t *testing.T) {
	t.Parallel()
	pages := &probelyPages{n: 250}
	srv := httptest.NewServer(pages)
	defer srv.Close()
	c := newTestProbely(t, srv)

	errs := make(chan error, 20)
	for range 20 {
		go func() {
			_, err := c.ListPlans(context.Background())
			errs <- err
		}()
	}
	for range 20 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := pages.calls.Load(); got != 3 {
		t.Errorf("20 concurrent readers made %d requests, want 3 (the pages of one read)", got)
	}
}

func TestProbelyListFailsRatherThanReturnAPartialList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		tweak func(page int, p *probelyPageJSON)
		want  string
	}{
		{
			name: "a page answering as another page",
			tweak: func(page int, p *probelyPageJSON) {
				if page == 3 {
					p.page = 2
				}
			},
			want: "list plans page 3: asked for page 3 but the API answered page 2",
		},
		{
			name: "a count that changes between pages",
			tweak: func(page int, p *probelyPageJSON) {
				if page == 2 {
					p.count = 251
				}
			},
			want: "the reported total changed from 250 to 251 at page 2",
		},
		{
			name: "a count that does not match the plans served",
			tweak: func(_ int, p *probelyPageJSON) {
				p.count = 260
			},
			want: "page 3 holds 50 items, but a listing of 260 items at 100 a page puts 60 on it",
		},
		{
			name: "a short page",
			tweak: func(page int, p *probelyPageJSON) {
				if page == 2 {
					p.ids = p.ids[:50]
				}
			},
			want: "list plans page 2: page 2 holds 50 items, but a listing of 250 items at 100 a page puts 100 on it",
		},
		{
			name: "a page repeating the plans of another",
			tweak: func(page int, p *probelyPageJSON) {
				if page == 3 {
					p.ids = []int{101, 102}
					for i := 103; i <= 150; i++ {
						p.ids = append(p.ids, i)
					}
				}
			},
			want: "item plan-101 appears more than once",
		},
		{
			name: "a page_total too small for the count",
			tweak: func(_ int, p *probelyPageJSON) {
				p.pageTotal = 2
			},
			want: "the paginator does not add up: 250 items at 100 a page are 3 pages, but it reports 2",
		},
		{
			name: "a negative count",
			tweak: func(_ int, p *probelyPageJSON) {
				p.count = -1
			},
			want: "the reported total -1 is negative",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the read", func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&probelyPages{n: 250, tweak: tt.tweak})
			defer srv.Close()
			list, err := newTestProbely(t, srv).ListPlans(context.Background())
			var pageErr *httpapi.PaginationError
			if !errors.As(err, &pageErr) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "probely: list plans") {
				t.Fatalf("err = %v (list %v), want a httpapi.PaginationError saying %q", err, list, tt.want)
			}
		})
	}
}

func TestProbelyErrorsAreRenderedFromTheDRFBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"a rejected key", 401, `{"detail":"Incorrect authentication credentials."}`,
			"probely: list plans page 1: HTTP 401 Unauthorized: Incorrect authentication credentials."},
		{"a bad length", 400, `{"length":["Ensure this value is less than or equal to 50."]}`,
			"probely: list plans page 1: HTTP 400 Bad Request\n  - length: Ensure this value is less than or equal to 50."},
		{"a server error", 500, `{"detail":"Unexpected error while handling your request."}`,
			"probely: list plans page 1: HTTP 500 Internal Server Error: Unexpected error while handling your request."},
	}
	for _, tt := range tests {
		t.Run(tt.name+" says what Probely said", func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			_, err := newTestProbely(t, srv, func(c *httpapi.Config) { c.MaxRetries = 0 }).ListPlans(context.Background())
			if err == nil || err.Error() != tt.want || !httpapi.IsStatus(err, tt.status) {
				t.Fatalf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}
