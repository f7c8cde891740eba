package paygentic

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// A vendor that allows only 4 concurrent requests and answers the rest with
// 429 + Retry-After: the default of 10 in flight still reads the whole
// listing, every page served exactly once, never more than 4 at a time.
func TestDefaultParallelismAgainstAConcurrencyLimitOf4StillReadsEverything(t *testing.T) {
	t.Parallel()
	const limit = 4
	var attempts, mostAttempts, served, mostServed, rejected atomic.Int32
	raise := func(most *atomic.Int32, n int32) {
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
	}
	// Pages 2..20 are held until the server serves its limit of 4 at once
	// and has turned another request away: the requests overlap, and the
	// default sends more at once than the server takes.
	full := make(chan struct{})
	var once sync.Once
	check := func() {
		if served.Load() >= limit && rejected.Load() > 0 {
			once.Do(func() { close(full) })
		}
	}
	srv := &plans{n: 2000, hold: func(offset int) error {
		if offset > 0 {
			check()
			<-full
		}
		return nil
	}}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raise(&mostAttempts, attempts.Add(1))
		defer attempts.Add(-1)
		for {
			n := served.Load()
			if n >= limit {
				rejected.Add(1)
				check()
				w.Header().Set("Retry-After", "1")
				http.Error(w, `{"error":"rate_limited","message":"too many concurrent requests","code":"rate_limited"}`, http.StatusTooManyRequests)
				return
			}
			if served.CompareAndSwap(n, n+1) {
				break
			}
		}
		defer served.Add(-1)
		raise(&mostServed, served.Load())
		srv.ServeHTTP(w, r)
	}))
	defer ts.Close()
	c := newTestClient(t, ts, func(c *httpapi.Config) { c.MaxRetries = httpapi.DefaultMaxRetries })

	list, _, err := c.ListPlans(context.Background(), ListPlansInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Plans) != 2000 || list.Plans[1999].ID != "plan_2000" {
		t.Fatalf("got %d plans, want all 2000 in order", len(list.Plans))
	}
	if got := srv.calls.Load(); got != 20 {
		t.Errorf("%d pages served, want each of the 20 exactly once", got)
	}
	if got := mostServed.Load(); got > limit {
		t.Errorf("%d requests were served at once, over the server's limit of %d", got, limit)
	}
	if got := mostAttempts.Load(); got <= limit {
		t.Errorf("at most %d requests reached the server at once: the default sends no more than the server's limit of %d", got, limit)
	}
	if rejected.Load() == 0 {
		t.Error("the server never answered 429, so the test did not exercise the retries")
	}
}
