package paygentic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

// newTestClient is a Paygentic client on srv with fast retries.
func newTestClient(t testing.TB, srv *httptest.Server, mutate ...func(*httpapi.Config)) *Client {
	t.Helper()
	c, err := New(clienttest.Config(srv, "paygentic", mutate...))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// plans serves n plans (plan_1 … plan_n) by limit and offset, with
// a hook to corrupt individual pages.
type plans struct {
	n       int
	calls   atomic.Int32
	mu      sync.Mutex
	queries []url.Values
	// tweak may change a page before it is written.
	tweak func(offset int, p *pageJSON)
	// hold, when set, runs before a page is served (to observe concurrency).
	hold func(offset int) error
}

type pageJSON struct {
	limit, offset, total int
	ids                  []int
}

func (s *plans) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	q := r.URL.Query()
	s.mu.Lock()
	s.queries = append(s.queries, q)
	s.mu.Unlock()
	if r.URL.Path != "/paygentic/v0/plans" || r.Header.Get("Authorization") != "Bearer "+clienttest.Key {
		http.Error(w, `{"error":"unauthorized","message":"Invalid API key","code":"unauthorized"}`, http.StatusUnauthorized)
		return
	}
	limit, _ := strconv.Atoi(q.Get("limit"))
	offset, _ := strconv.Atoi(q.Get("offset"))
	if s.hold != nil {
		if err := s.hold(offset); err != nil {
			http.Error(w, `{"error":"internal_error","message":"`+err.Error()+`"}`, http.StatusInternalServerError)
			return
		}
	}
	p := pageJSON{limit: limit, offset: offset, total: s.n}
	for id := offset + 1; id <= min(offset+limit, s.n); id++ {
		p.ids = append(p.ids, id)
	}
	if s.tweak != nil {
		s.tweak(offset, &p)
	}
	items := make([]string, len(p.ids))
	for i, id := range p.ids {
		items[i] = fmt.Sprintf(`{"id":"plan_%d","object":"plan","name":"Plan %d","price":"%d0000000","prices":[],"futureField":{"x":1}}`, id, id, id)
	}
	fmt.Fprintf(w, `{"data":[%s],"pagination":{"limit":%d,"offset":%d,"total":%d}}`, strings.Join(items, ","), p.limit, p.offset, p.total)
}

func (s *plans) query(i int) url.Values {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queries[i]
}

func TestPaygenticListReadsEveryPageInOrder(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ n, parallel int }{{0, 4}, {1, 4}, {100, 4}, {101, 4}, {260, 1}, {260, 4}, {1000, 8}} {
		t.Run(fmt.Sprintf("%d plans with %d requests in flight", tt.n, tt.parallel), func(t *testing.T) {
			t.Parallel()
			srv := &plans{n: tt.n}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			c := newTestClient(t, ts, func(c *httpapi.Config) { c.MaxParallelRequests = tt.parallel })
			list, _, err := c.ListPlans(context.Background(), ListPlansInput{})
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Plans) != tt.n || list.Total != int64(tt.n) {
				t.Fatalf("got %d plans, total %d; want %d", len(list.Plans), list.Total, tt.n)
			}
			for i, p := range list.Plans {
				if p.ID != fmt.Sprintf("plan_%d", i+1) {
					t.Fatalf("plan %d is %s: out of API order", i, p.ID)
				}
			}
			wantCalls := max(1, (tt.n+99)/100)
			if got := int(srv.calls.Load()); got != wantCalls {
				t.Errorf("made %d requests, want %d (ceil(%d/100), at least one)", got, wantCalls, tt.n)
			}
			offsets := map[string]bool{}
			for i := range wantCalls {
				q := srv.query(i)
				if q.Get("limit") != "100" {
					t.Errorf("request %d asked for limit %q, want the maximum 100", i, q.Get("limit"))
				}
				offsets[q.Get("offset")] = true
			}
			for page := range wantCalls {
				if !offsets[strconv.Itoa(page*100)] {
					t.Errorf("no request for offset %d (page %d); offsets asked: %v", page*100, page+1, offsets)
				}
			}
		})
	}
}

func TestPaygenticListFetchesRemainingPagesConcurrently(t *testing.T) {
	t.Parallel()
	// Pages 2..5 are held until all four are in flight: with a sequential
	// client the read would never end.
	var inFlight atomic.Int32
	allIn := make(chan struct{})
	var once sync.Once
	srv := &plans{n: 450, hold: func(offset int) error {
		if offset == 0 {
			return nil
		}
		if inFlight.Add(1) == 4 {
			once.Do(func() { close(allIn) })
		}
		<-allIn // a sequential client never gets here, and the read never ends
		return nil
	}}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := newTestClient(t, ts, func(c *httpapi.Config) { c.MaxParallelRequests = 4; c.MaxRetries = 0 })
	list, _, err := c.ListPlans(context.Background(), ListPlansInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Plans) != 450 || list.Plans[449].ID != "plan_450" {
		t.Fatalf("got %d plans ending with %s, want 450 ending with plan_450", len(list.Plans), list.Plans[len(list.Plans)-1].ID)
	}
}

func TestPaygenticListNeverHasMoreThanMaxParallelRequestsInFlight(t *testing.T) {
	t.Parallel()
	for _, parallel := range []int{1, 3} {
		t.Run(fmt.Sprintf("%d at once", parallel), func(t *testing.T) {
			t.Parallel()
			var inFlight, most atomic.Int32
			// Pages 2..20 are asked for together: none is answered until
			// max_parallel_requests of them are in flight at once.
			b := testsync.NewBarrier(parallel)
			srv := &plans{n: 2000, hold: func(offset int) error {
				if offset > 0 {
					b.Wait()
				}
				return nil
			}}
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := inFlight.Add(1)
				defer inFlight.Add(-1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				srv.ServeHTTP(w, r)
			}))
			defer ts.Close()
			c := newTestClient(t, ts, func(c *httpapi.Config) { c.MaxParallelRequests = parallel })
			list, _, err := c.ListPlans(context.Background(), ListPlansInput{})
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Plans) != 2000 || srv.calls.Load() != 20 {
				t.Fatalf("got %d plans in %d requests, want 2000 in 20", len(list.Plans), srv.calls.Load())
			}
			if got := most.Load(); got != int32(parallel) {
				t.Errorf("at most %d requests were in flight at once, want exactly max_parallel_requests = %d", got, parallel)
			}
		})
	}
}

func TestPaygenticListIsFetchedOncePerQuery(t *testing.T) {
	t.Parallel()
	srv := &plans{n: 260}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := newTestClient(t, ts)

	errs := make(chan error, 20)
	for range 20 {
		go func() {
			_, _, err := c.ListPlans(context.Background(), ListPlansInput{})
			errs <- err
		}()
	}
	for range 20 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := srv.calls.Load(); got != 3 {
		t.Errorf("20 concurrent readers made %d requests, want 3 (the pages of one read)", got)
	}
	if _, _, err := c.ListPlans(context.Background(), ListPlansInput{MerchantID: "org_a"}); err != nil {
		t.Fatal(err)
	}
	if got := srv.calls.Load(); got != 6 {
		t.Errorf("a filtered query made %d requests in all, want 6 (its own three pages)", got)
	}
}

func TestPaygenticListPassesFilters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                      string
		in                        ListPlansInput
		wantMerchant, wantProduct string
	}{
		{"no filter sends neither parameter", ListPlansInput{}, "", ""},
		{"a merchant filter sends merchantId", ListPlansInput{MerchantID: "org_b7c8"}, "org_b7c8", ""},
		{"a product filter sends productId", ListPlansInput{ProductID: "prod_j5k6"}, "", "prod_j5k6"},
		{"both filters send both", ListPlansInput{MerchantID: "org_b7c8", ProductID: "prod_j5k6"}, "org_b7c8", "prod_j5k6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := &plans{n: 150}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			if _, _, err := newTestClient(t, ts).ListPlans(context.Background(), tt.in); err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				q := srv.query(i)
				if q.Get("merchantId") != tt.wantMerchant || q.Get("productId") != tt.wantProduct ||
					q.Has("merchantId") != (tt.wantMerchant != "") || q.Has("productId") != (tt.wantProduct != "") {
					t.Errorf("request %d query %q, want merchantId %q and productId %q (absent when empty)", i, q.Encode(), tt.wantMerchant, tt.wantProduct)
				}
			}
		})
	}
}

func TestPaygenticListFailsRatherThanReturnAPartialList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		tweak func(offset int, p *pageJSON)
		want  string
	}{
		{
			name: "a total that changes between pages",
			tweak: func(offset int, p *pageJSON) {
				if offset == 200 {
					p.total = 261
				}
			},
			want: "total changed from 260 to 261 at page 3",
		},
		{
			name: "a page repeating the plans of another",
			tweak: func(offset int, p *pageJSON) {
				if offset == 200 {
					p.ids = []int{101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120,
						121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140,
						141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160}
				}
			},
			want: "plan_101 appears more than once",
		},
		{
			name: "a page answering another offset",
			tweak: func(offset int, p *pageJSON) {
				if offset == 200 {
					p.offset = 100
				}
			},
			want: "asked for offset 200 but the API answered offset 100",
		},
		{
			name: "a server capping the page size",
			tweak: func(offset int, p *pageJSON) {
				p.limit = 50
			},
			want: "asked for limit 100 but the API answered limit 50",
		},
		{
			name: "a short page",
			tweak: func(offset int, p *pageJSON) {
				if offset == 100 {
					p.ids = p.ids[:40]
				}
			},
			want: "page 2 holds 40 items, but a listing of 260 items at 100 a page puts 100 on it",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the read", func(t *testing.T) {
			t.Parallel()
			ts := httptest.NewServer(&plans{n: 260, tweak: tt.tweak})
			defer ts.Close()
			list, _, err := newTestClient(t, ts).ListPlans(context.Background(), ListPlansInput{})
			var pageErr *httpapi.PaginationError
			if !errors.As(err, &pageErr) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v (list %v), want a httpapi.PaginationError saying %q", err, list, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "paygentic: list plans") {
				t.Errorf("err = %v, want it to name vendor and operation", err)
			}
		})
	}
}
