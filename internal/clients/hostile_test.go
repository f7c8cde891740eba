package clients

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// hostileServer answers every request with respond's status and body, and
// counts the requests.
type hostileServer struct {
	respond func(r *http.Request) (int, string)
	calls   atomic.Int32
}

func (s *hostileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	status, body := s.respond(r)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

// readAny reads vendor's listing (or tariff 1) from srv.
func readAny(t *testing.T, vendor string, srv *httptest.Server) error {
	t.Helper()
	ctx := context.Background()
	var err error
	switch vendor {
	case "identifai":
		_, err = NewTestIdentifai(t, srv).ListPricings(ctx, IdentifaiListPricingsInput{})
	case "paygentic":
		_, err = newTestPaygentic(t, srv).ListPlans(ctx, PaygenticListPlansInput{})
	case "probely":
		_, err = newTestProbely(t, srv).ListPlans(ctx)
	case "onepin":
		_, err = newTestOnepin(t, srv, testKey, "").ListPlans(ctx)
	case "streamskill":
		_, err = newTestStreamskill(t, srv, "en").Tariff(ctx, 1, "en")
	default:
		t.Fatalf("unknown vendor %q", vendor)
	}
	return err
}

func fixed(body string) func(*http.Request) (int, string) {
	return func(*http.Request) (int, string) { return http.StatusOK, body }
}

func TestHostileBodiesFailTheReadNamingVendorEndpointAndField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, vendor string
		respond      func(*http.Request) (int, string)
		want         []string // each must appear in the error
		maxRequests  int32
	}{
		// A body that is not a list is not an empty list.
		{"identifAI null", "identifai", fixed(`null`), []string{"identifai: list pricings page 1", "/api/partner/pricings", "field data is missing or null"}, 1},
		{"Paygentic {}", "paygentic", fixed(`{}`), []string{"paygentic: list plans page 1", "/v0/plans", "field data is missing"}, 1},
		{"Probely {}", "probely", fixed(`{}`), []string{"probely: list plans page 1", "/plans/", "field results is missing"}, 1},
		{"OnePin null", "onepin", fixed(`null`), []string{"onepin: list plans page 1", "/api/v1/billing/plans", "field data is missing"}, 1},
		{"StreamSkill {}", "streamskill", fixed(`{}`), []string{"streamskill: get tariff 1", "/tarifs/1", "field id is missing"}, 1},
		{"StreamSkill null", "streamskill", fixed(`null`), []string{"field id is missing"}, 1},
		{"Paygentic without pagination.total", "paygentic", fixed(`{"data":[],"pagination":{"limit":100,"offset":0}}`), []string{"field pagination.total is missing"}, 1},
		{"OnePin without pagination.next", "onepin", fixed(`{"data":[],"pagination":{"limit":100}}`), []string{"field pagination.next is missing"}, 1},
		// Items without identity.
		{"Paygentic data [null]", "paygentic", fixed(`{"data":[null],"pagination":{"limit":100,"offset":0,"total":1}}`), []string{"field data[0].id is missing"}, 1},
		{"identifAI item without id", "identifai", fixed(`{"current_page":1,"data":[{"name":"x"}],"last_page":1,"per_page":10,"total":1}`), []string{"field data[0].id is missing"}, 1},
		{"Probely results [null]", "probely", fixed(`{"count":1,"page_total":1,"page":1,"length":100,"results":[null]}`), []string{"field results[0].id is missing"}, 1},
		// Page counts are never trusted over the total.
		{"identifAI total 1, last_page 100000", "identifai", fixed(`{"current_page":1,"data":[{"id":1}],"last_page":100000,"per_page":10,"total":1}`),
			[]string{"the paginator does not add up: 1 items at 10 a page are 1 pages, but it reports 100000"}, 1},
		{"Paygentic total 10,000,000", "paygentic", fixed(`{"data":[],"pagination":{"limit":100,"offset":0,"total":10000000}}`),
			[]string{"the reported total of 10000000 items is more than the 100000 one listing may read"}, 1},
		{"Probely count 2, page_total 10000", "probely", fixed(`{"count":2,"page_total":10000,"page":1,"length":100,"results":[{"id":"a"},{"id":"b"}]}`),
			[]string{"2 items at 100 a page are 1 pages, but it reports 10000"}, 1},
		{"Paygentic empty pages under a plausible total", "paygentic", func(r *http.Request) (int, string) {
			return http.StatusOK, fmt.Sprintf(`{"data":[],"pagination":{"limit":100,"offset":%s,"total":5000}}`, r.URL.Query().Get("offset"))
		}, []string{"page 1 is empty, but the listing reports 5000 items on 50 pages"}, 1},
		// Numbers no price can have, refused while decoding.
		{"Probely price 1e10000000", "probely", fixed(`{"count":1,"page_total":1,"page":1,"length":100,"results":[{"id":"a","price":1e10000000}]}`),
			[]string{"field results[0].price", "exponent out of any price's range"}, 1},
		{"Probely price 1e3000000000", "probely", fixed(`{"count":1,"page_total":1,"page":1,"length":100,"results":[{"id":"a","price":1e3000000000}]}`),
			[]string{"field results[0].price"}, 1},
		{"Paygentic defaultTaxRate 1e-1000000000", "paygentic", fixed(`{"data":[{"id":"p","defaultTaxRate":1e-1000000000}],"pagination":{"limit":100,"offset":0,"total":1}}`),
			[]string{"field data[0].defaultTaxRate"}, 1},
		{"OnePin display_order 1e1000000000", "onepin", fixed(`{"data":[{"id":"p","display_order":1e1000000000}],"pagination":{"next":null}}`),
			[]string{"field data[0].display_order"}, 1},
		{"OnePin amount of 41 digits", "onepin", fixed(`{"data":[{"id":"p","amount":0.12345678901234567890123456789012345678901}],"pagination":{"next":null}}`),
			[]string{"field data[0].amount", "digits"}, 1},
		{"StreamSkill price 1e31", "streamskill", fixed(`{"id":1,"price":1e31}`), []string{"field price", "too large"}, 1},
		{"Paygentic atomic price string 1e10000000", "paygentic", fixed(`{"data":[{"id":"p","price":"1e10000000"}],"pagination":{"limit":100,"offset":0,"total":1}}`),
			[]string{"plan p: price", "exponent out of any price's range"}, 1},
		// Next links stay under the listing's own endpoint.
		{"OnePin next link to another API on the same origin", "onepin", func(r *http.Request) (int, string) {
			return http.StatusOK, fmt.Sprintf(`{"data":[{"id":"a"}],"pagination":{"next":"http://%s/paygentic/v0/plans?page=2"}}`, r.Host)
		}, []string{"pagination.next", "points to another path than the listing's /onepin/api/v1/billing/plans"}, 1},
		{"identifAI next_page_url to another path", "identifai", func(r *http.Request) (int, string) {
			return http.StatusOK, fmt.Sprintf(`{"current_page":1,"data":[{"id":1}],"last_page":2,"per_page":1,"total":2,"next_page_url":"http://%s/admin?page=2"}`, r.Host)
		}, []string{"next_page_url", "points to another path"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the read", func(t *testing.T) {
			t.Parallel()
			hs := &hostileServer{respond: tt.respond}
			srv := httptest.NewServer(hs)
			defer srv.Close()
			err := readAny(t, tt.vendor, srv)
			if err == nil {
				t.Fatalf("read succeeded, want an error saying %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v\nwant it to say %q", err, w)
				}
			}
			if got := hs.calls.Load(); got > tt.maxRequests {
				t.Errorf("made %d requests, want at most %d", got, tt.maxRequests)
			}
		})
	}
}

func TestASuccessBodyEchoingTheKeyIsRefusedWithoutQuotingIt(t *testing.T) {
	t.Parallel()
	spellings := map[string]string{
		"as sent":      testKey,
		"upper case":   strings.ToUpper(testKey),
		"JSON-escaped": jsonEscapeAll(testKey),
	}
	for name, echo := range spellings {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&hostileServer{respond: fixed(`{"id":1,"title":"` + echo + `"}`)})
			defer srv.Close()
			err := readAny(t, "streamskill", srv)
			if err == nil || !strings.Contains(err.Error(), "the response contains the API key") {
				t.Fatalf("err = %v, want the body refused", err)
			}
			if httpapi.NewRedactor(testKey).Contains([]byte(err.Error())) {
				t.Errorf("the error quotes the key: %v", err)
			}
		})
	}
}

// jsonEscapeAll spells every character of s as a \u escape.
func jsonEscapeAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}

func TestAListingOverItsByteBudgetFailsWithoutReadingFurther(t *testing.T) {
	t.Parallel()
	// 20 pages of about 1 MiB each against a 4 MiB budget.
	filler := strings.Repeat("x", 1<<20)
	hs := &hostileServer{respond: func(r *http.Request) (int, string) {
		page := r.URL.Query().Get("page")
		if page == "" {
			page = "1"
		}
		items := make([]string, 100)
		for i := range items {
			items[i] = fmt.Sprintf(`{"id":"%s-%d","description":"%s"}`, page, i, filler[:(1<<20)/100])
		}
		return http.StatusOK, fmt.Sprintf(`{"count":2000,"page_total":20,"page":%s,"length":100,"results":[%s]}`, page, strings.Join(items, ","))
	}}
	srv := httptest.NewServer(hs)
	defer srv.Close()
	c := newTestProbely(t, srv, func(c *httpapi.Config) { c.MaxListingBytes = 4 << 20; c.MaxParallelRequests = 2 })
	_, err := c.ListPlans(context.Background())
	if err == nil || !strings.Contains(err.Error(), "more than max_listing_bytes (4194304 bytes)") {
		t.Fatalf("err = %v, want the listing budget named", err)
	}
	// The budget is spent after 4 pages; at most the pages in flight then
	// (2 × max_parallel_requests) are asked for besides.
	if got := hs.calls.Load(); got > 4+4 {
		t.Errorf("made %d requests, want the read stopped near the budget", got)
	}
}

func TestFailuresThatCannotPassOnARetryAreTriedOnce(t *testing.T) {
	t.Parallel()
	t.Run("an untrusted certificate", func(t *testing.T) {
		t.Parallel()
		hs := &hostileServer{respond: fixed(`{}`)}
		srv := httptest.NewTLSServer(hs)
		defer srv.Close()
		c, err := NewStreamskill(testConfig(srv, "streamskill", noPacing), "en") // the default transport: no trust in the test CA
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Tariff(context.Background(), 1, "en")
		if err == nil || !strings.Contains(err.Error(), "certificate") {
			t.Fatalf("err = %v, want the certificate named", err)
		}
		if got := hs.calls.Load(); got > 1 {
			t.Errorf("tried %d times, want once", got)
		}
	})
	t.Run("a redirect with an unreadable Location", func(t *testing.T) {
		t.Parallel()
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			calls.Add(1)
			w.Header().Set("Location", "http://[::1%zz/")
			w.WriteHeader(http.StatusFound)
		}))
		defer srv.Close()
		if err := readAny(t, "streamskill", srv); err == nil {
			t.Fatal("read succeeded")
		}
		if got := calls.Load(); got != 1 {
			t.Errorf("tried %d times, want once", got)
		}
	})
	t.Run("a gzip body that fails its checksum", func(t *testing.T) {
		t.Parallel()
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			calls.Add(1)
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(corruptGzip(`{"id":1}`))
		}))
		defer srv.Close()
		err := readAny(t, "streamskill", srv)
		if err == nil {
			t.Fatal("read succeeded")
		}
		if got := calls.Load(); got != 1 {
			t.Errorf("tried %d times (%v), want once", got, err)
		}
	})
}

func TestGivingUpOnThrottlingSaysHowHardItTried(t *testing.T) {
	t.Parallel()
	hs := &hostileServer{respond: func(*http.Request) (int, string) { return http.StatusTooManyRequests, `{"message":"slow down"}` }}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "10000000000")
		hs.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c := NewTestIdentifai(t, srv, func(c *httpapi.Config) { c.MaxRetries = 2; c.RetryWaitMax = 10 * time.Millisecond })
	_, err := c.ListPricings(context.Background(), IdentifaiListPricingsInput{})
	if err == nil {
		t.Fatal("read succeeded")
	}
	// The overflowing Retry-After used to come out as no wait at all; it
	// is a week, which no read waits: the read gives up at once, saying so.
	for _, want := range []string{"HTTP 429", "throttled once", "the vendor last asked to wait 168h0m0s", "rate_limit_wait (2m0s)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nwant it to say %q", err, want)
		}
	}
	if got := hs.calls.Load(); got != 1 {
		t.Errorf("%d requests, want 1: a wait past rate_limit_wait is not waited", got)
	}
}

// corruptGzip is body gzipped, with its CRC broken.
func corruptGzip(body string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, _ = zw.Write([]byte(body))
	zw.Close()
	out := b.Bytes()
	out[len(out)-8] ^= 0xff // the CRC-32 of the trailer
	return out
}

func TestARedirectToAnotherPathOnTheSameOriginIsRefused(t *testing.T) {
	t.Parallel()
	var lured atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/paygentic/") {
			lured.Add(1)
			return
		}
		http.Redirect(w, r, "/paygentic/v0/plans", http.StatusFound)
	}))
	defer srv.Close()
	err := readAny(t, "onepin", srv)
	if err == nil || !strings.Contains(err.Error(), "refusing redirect") || !strings.Contains(err.Error(), "it leaves the endpoint /onepin/api/v1/billing/plans") {
		t.Fatalf("err = %v, want the redirect refused", err)
	}
	if lured.Load() != 0 {
		t.Errorf("the other API got %d requests", lured.Load())
	}
}
