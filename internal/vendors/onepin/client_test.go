package onepin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// pages serves OnePin plan pages with absolute next links, as the
// vendor does, and records what each request carried.
type pages struct {
	items []string // raw plan JSON, in API order
	// per overrides the page size the client asks for (0 honours limit).
	per int
	// next may replace a page's next link (JSON text: a quoted URL or null).
	next func(r *http.Request, page int, link string) string

	calls   atomic.Int32
	mu      sync.Mutex
	queries []string
	headers []http.Header
}

func items(n int) []string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id":"plan-%d","name":"Plan %d","tier":"paid","limits":{"projects":%d},"billing_interval":"monthly","amount":%d,"currency":"USD","display_order":%d,"unknown_field":[1]}`, i+1, i+1, i+1, (i+1)*100, i+1)
	}
	return items
}

func (s *pages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	s.mu.Lock()
	s.queries = append(s.queries, r.URL.RawQuery)
	s.headers = append(s.headers, r.Header.Clone())
	s.mu.Unlock()

	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	per, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if s.per > 0 {
		per = s.per
	}
	per = max(per, 1)
	start := min((page-1)*per, len(s.items))
	end := min(start+per, len(s.items))
	link := "null"
	if end < len(s.items) {
		link = strconv.Quote(fmt.Sprintf("http://%s%s?page=%d&limit=%d", r.Host, r.URL.Path, page+1, per))
	}
	if s.next != nil {
		link = s.next(r, page, link)
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"data":[%s],"meta":{"request_id":"r","timestamp":"2024-01-15T09:30:00Z"},"pagination":{"limit":%d,"next":%s,"prev":null}}`,
		strings.Join(s.items[start:end], ","), per, link)
}

// newTestClient is a OnePin client on srv (under /onepin) with fast retries.
func newTestClient(t testing.TB, srv *httptest.Server, key, workspaceID string) *Client {
	t.Helper()
	c, err := New(clienttest.Config(srv, "onepin", func(c *httpapi.Config) {
		c.APIKey = key
		c.MaxRetries = 1
	}), workspaceID)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func TestOnepinLimitsKeepEveryKeyAsText(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(&pages{items: []string{`{"id":"p1","limits":{
		"projects": 50,
		"users": "unlimited",
		"storage_gb": 1.50,
		"api_calls": 12345678901234567890123,
		"support": "priority",
		"sso": true,
		"audit_log": false,
		"seats": null,
		"regions": ["eu", 2]
	}}`, `{"id":"p2"}`, `{"id":"p3","limits":{}}`}})
	defer srv.Close()

	list, _, err := newTestClient(t, srv, "", "").ListPlans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"projects":   "50",
		"users":      "unlimited",
		"storage_gb": "1.50",
		"api_calls":  "12345678901234567890123",
		"support":    "priority",
		"sso":        "true",
		"audit_log":  "false",
		"regions":    `["eu",2]`,
		"seats":      "<null>", // null is unlimited: kept, as null
	}
	if got := limitsText(list.Plans[0].LimitTexts()); !reflect.DeepEqual(got, want) {
		t.Errorf("an integer, \"unlimited\" and extra keys render as\n %v\nwant\n %v", got, want)
	}
	if got := list.Plans[1].LimitTexts(); got != nil {
		t.Errorf("a plan without limits has limits %v, want nil", got)
	}
	if got := list.Plans[2].LimitTexts(); got == nil || len(got) != 0 {
		t.Errorf("a plan with empty limits has limits %#v, want an empty map", got)
	}
}

func TestOnepinListFollowsNextLinksToTheLastPage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		plans, per    int
		wantRequests  int32
		wantPageSizes string
	}{
		{"one page when every plan fits in the largest page", 25, 0, 1, "limit=100"},
		{"three pages of the largest size for 250 plans", 250, 0, 3, "limit=100"},
		{"every page when the server pages smaller than asked", 45, 10, 5, "limit=100"},
		{"one request for an empty list", 0, 0, 1, "limit=100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pages := &pages{items: items(tt.plans), per: tt.per}
			srv := httptest.NewServer(pages)
			defer srv.Close()

			list, _, err := newTestClient(t, srv, "", "").ListPlans(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Plans) != tt.plans {
				t.Fatalf("got %d plans, want %d", len(list.Plans), tt.plans)
			}
			for i, p := range list.Plans {
				if p.ID != fmt.Sprintf("plan-%d", i+1) || p.Amount.String() != strconv.Itoa((i+1)*100) {
					t.Fatalf("plan %d is %s (amount %s): out of API order", i, p.ID, p.Amount)
				}
			}
			if got := pages.calls.Load(); got != tt.wantRequests {
				t.Errorf("made %d requests, want %d (one per page)", got, tt.wantRequests)
			}
			if pages.queries[0] != tt.wantPageSizes {
				t.Errorf("first request asked %q, want %q (the largest page the API allows)", pages.queries[0], tt.wantPageSizes)
			}
		})
	}
}

func TestOnepinListIsFetchedOncePerRun(t *testing.T) {
	t.Parallel()
	pages := &pages{items: items(150)}
	srv := httptest.NewServer(pages)
	defer srv.Close()
	c := newTestClient(t, srv, "", "")

	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, _, err := c.ListPlans(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := pages.calls.Load(); got != 2 {
		t.Errorf("10 concurrent readers made %d requests, want 2 (the pages of one read)", got)
	}
}

func TestOnepinListRefusesNextLinksOffTheConfiguredOrigin(t *testing.T) {
	t.Parallel()
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		fmt.Fprint(w, `{"data":[],"pagination":{"next":null}}`)
	}))
	defer other.Close()
	otherPort := other.URL[strings.LastIndex(other.URL, ":")+1:]

	tests := []struct {
		name string
		next func(host string) string
	}{
		{"another port on the same host", func(string) string { return other.URL + "/onepin/api/v1/billing/plans?page=2" }},
		{"another scheme on the same host and port", func(host string) string { return "https://" + host + "/onepin/api/v1/billing/plans?page=2" }},
		{"another host", func(string) string {
			return "http://evil.example.com:" + otherPort + "/onepin/api/v1/billing/plans?page=2"
		}},
	}
	for _, tt := range tests {
		t.Run("a next link to "+tt.name+" fails the read before any request there", func(t *testing.T) {
			t.Parallel()
			pages := &pages{items: items(150), next: func(r *http.Request, page int, link string) string {
				if page == 1 {
					return strconv.Quote(tt.next(r.Host))
				}
				return link
			}}
			srv := httptest.NewServer(pages)
			defer srv.Close()

			list, _, err := newTestClient(t, srv, clienttest.Key, "ws_1").ListPlans(context.Background())
			var pageErr *httpapi.PaginationError
			if !errors.As(err, &pageErr) || !strings.Contains(err.Error(), "onepin: list plans page 1: pagination.next") ||
				!strings.Contains(err.Error(), "points outside the configured base URL") {
				t.Fatalf("err = %v (list %v), want a httpapi.PaginationError about the next link", err, list)
			}
			if pages.calls.Load() != 1 {
				t.Errorf("the configured server saw %d requests, want 1", pages.calls.Load())
			}
		})
	}
	if got := elsewhere.Load(); got != 0 {
		t.Errorf("the other server received %d requests, want none", got)
	}
}

func TestOnepinListFailsRatherThanFollowAnEndlessOrRepeatingListing(t *testing.T) {
	t.Parallel()
	selfLink := func(r *http.Request) string { return strconv.Quote("http://" + r.Host + r.URL.RequestURI()) }
	tests := []struct {
		name     string
		items    []string
		next     func(r *http.Request, page int, link string) string
		want     string
		requests int32
		per      int
	}{
		{
			name:  "a next link to the page itself",
			items: items(150),
			next: func(r *http.Request, page int, link string) string {
				if page == 2 {
					return selfLink(r)
				}
				return link
			},
			want:     "list plans page 3: pagination.next http://127.0.0.1",
			requests: 2,
		},
		{
			name:  "a next link back to the first page",
			items: items(350),
			next: func(r *http.Request, page int, link string) string {
				if page == 3 {
					return strconv.Quote("http://" + strings.ToUpper(r.Host[:1]) + r.Host[1:] + r.URL.Path + "?limit=100")
				}
				return link
			},
			want:     "repeats page 1; the pagination loops",
			requests: 3,
		},
		{
			name:  "a next link to an earlier page with its parameters reordered",
			items: items(350),
			next: func(r *http.Request, page int, link string) string {
				if page == 3 {
					return strconv.Quote("http://" + r.Host + r.URL.Path + "?limit=100&page=2")
				}
				return link
			},
			want:     "repeats page 2; the pagination loops",
			requests: 3,
		},
		{
			name:  "a page repeating the plans of another under a new link",
			items: items(250),
			next: func(r *http.Request, page int, link string) string {
				if page == 2 && r.URL.Query().Get("again") == "" {
					return strconv.Quote("http://" + r.Host + r.URL.Path + "?page=2&limit=100&again=1")
				}
				return link
			},
			want:     `item plan-101 appears more than once`,
			requests: 4,
		},
		{
			name:  "an empty page that links to another",
			items: nil,
			next: func(r *http.Request, page int, _ string) string {
				return strconv.Quote(fmt.Sprintf("http://%s%s?page=%d&limit=100", r.Host, r.URL.Path, page+1))
			},
			want:     "list plans page 1: the page is empty but links to a next page",
			requests: 1,
		},
		{
			name:  "a next link on every page",
			items: items(1200),
			per:   1,
			next: func(r *http.Request, page int, _ string) string {
				return strconv.Quote(fmt.Sprintf("http://%s%s?page=%d&limit=100", r.Host, r.URL.Path, page+1))
			},
			want:     "list plans page 1001: the listing still had a next link after 1000 pages",
			requests: 1000,
		},
		{
			name:     "a relative next link",
			items:    items(5),
			next:     func(*http.Request, int, string) string { return `"/onepin/api/v1/billing/plans?page=2"` },
			want:     `pagination.next "/onepin/api/v1/billing/plans?page=2" is not an absolute URL`,
			requests: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the read", func(t *testing.T) {
			t.Parallel()
			pages := &pages{items: tt.items, next: tt.next, per: tt.per}
			srv := httptest.NewServer(pages)
			defer srv.Close()
			list, _, err := newTestClient(t, srv, "", "").ListPlans(context.Background())
			var pageErr *httpapi.PaginationError
			if !errors.As(err, &pageErr) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v (list %v), want a httpapi.PaginationError saying %q", err, list, tt.want)
			}
			if got := pages.calls.Load(); got != tt.requests {
				t.Errorf("made %d requests, want %d", got, tt.requests)
			}
		})
	}
}

// limitsText is limits with "<null>" for a null limit, for comparing.
func limitsText(limits map[string]*string) map[string]string {
	if limits == nil {
		return nil
	}
	out := make(map[string]string, len(limits))
	for k, v := range limits {
		out[k] = "<null>"
		if v != nil {
			out[k] = *v
		}
	}
	return out
}
