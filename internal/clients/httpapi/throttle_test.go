package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

// throttlingServer answers the first n requests with status and header,
// then a page of 2 plans.
func throttlingServer(t *testing.T, n int32, status int, header ...string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= n {
			for i := 0; i+1 < len(header); i += 2 {
				w.Header().Set(header[i], header[i+1])
			}
			w.WriteHeader(status)
			fmt.Fprint(w, `{"message":"Too Many Attempts."}`)
			return
		}
		onePage(w, 2)
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func withClock(c Clock, rateLimitWait time.Duration) func(*Config) {
	return func(cfg *Config) {
		cfg.Clock = c
		cfg.RateLimitWait = rateLimitWait
		cfg.MaxRetries = 1
		cfg.RetryWaitMin = time.Millisecond
	}
}

// sharedPlans reads /vendor/plans as a shared read: read_timeout and
// rate_limit_wait bound the whole of it.
func sharedPlans(ctx context.Context, a *API) (*testPage, error) {
	p, _, err := readShared(ctx, a, "plans", func(ctx context.Context, l *listing) (*testPage, error) { return listPlans(ctx, a, l) })
	return p, err
}

func TestThrottlingIsWaitedOutWithoutCountingAgainstMaxRetries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		header []string
	}{
		{"429 with Retry-After", http.StatusTooManyRequests, []string{"Retry-After", "1"}},
		{"503 with Retry-After", http.StatusServiceUnavailable, []string{"Retry-After", "1"}},
		{"429 with identifAI's X-RateLimit-Reset timestamp", http.StatusTooManyRequests, []string{"X-RateLimit-Reset", "1796623201"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, calls := throttlingServer(t, 6, tt.status, tt.header...)
			clock := testsync.NewFakeClock() // 2026-12-07 06:00:00 UTC is 1796623200
			list, err := sharedPlans(context.Background(), newTestAPI(t, srv, withClock(clock, time.Minute)))
			if err != nil {
				t.Fatalf("read failed after 6 throttled answers with max_retries = 1: %v", err)
			}
			if len(list.Data) != 2 || calls.Load() != 7 {
				t.Errorf("got %d plans after %d requests, want 2 after 7", len(list.Data), calls.Load())
			}
			if w := clock.Waits(); len(w) != 6 || w[0] != time.Second {
				t.Errorf("waited %v, want 6 waits of the 1s the vendor asked for", w)
			}
		})
	}
}

func TestA503WithoutRetryAfterStillCountsAgainstMaxRetries(t *testing.T) {
	t.Parallel()
	srv, calls := throttlingServer(t, 100, http.StatusServiceUnavailable)
	_, err := sharedPlans(context.Background(), newTestAPI(t, srv, withClock(testsync.NewFakeClock(), time.Minute)))
	if !IsStatus(err, http.StatusServiceUnavailable) || calls.Load() != 2 {
		t.Errorf("err = %v after %d requests, want a 503 after 2 (max_retries = 1)", err, calls.Load())
	}
}

func TestAThrottledReadGivesUpAtRateLimitWaitSayingHowLongItWasThrottled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		header    []string
		wantCalls int32
		want      []string
	}{
		{"a vendor asking 10s each time", []string{"Retry-After", "10"}, 4,
			[]string{"HTTP 429", "throttled 4 times over 30s", "rate_limit_wait (35s)", "the vendor last asked to wait 10s"}},
		{"a vendor asking for a week", []string{"Retry-After", "604800"}, 1,
			[]string{"HTTP 429", "throttled once", "rate_limit_wait (35s)", "the vendor last asked to wait 168h0m0s"}},
		{"a vendor asking nothing", nil, 0, []string{"HTTP 429", "rate_limit_wait (35s)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, calls := throttlingServer(t, 1000, http.StatusTooManyRequests, tt.header...)
			clock := testsync.NewFakeClock()
			a := newTestAPI(t, srv, withClock(clock, 35*time.Second), func(c *Config) { c.RetryWaitMax = 8 * time.Second })
			_, err := sharedPlans(context.Background(), a)
			if !IsStatus(err, http.StatusTooManyRequests) {
				t.Fatalf("err = %v, want the 429", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v\nwant it to say %q", err, w)
				}
			}
			if tt.wantCalls > 0 && calls.Load() != tt.wantCalls {
				t.Errorf("%d requests, want %d", calls.Load(), tt.wantCalls)
			}
			var total time.Duration
			for _, w := range clock.Waits() {
				total += w
			}
			if total > 35*time.Second {
				t.Errorf("waited %s in all, more than rate_limit_wait", total)
			}
		})
	}
}

func TestTheVendorsThrottlingSignalIsReadAsItDocumentsIt(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)
	ts := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).Unix(), 10) }
	tests := []struct {
		name   string
		refill time.Duration
		fill   time.Duration
		header http.Header
		want   time.Duration
	}{
		{"Retry-After in seconds", 0, 0, http.Header{"Retry-After": {"7"}}, 7 * time.Second},
		{"identifAI's X-RateLimit-Reset is a Unix timestamp", 0, 0, http.Header{"X-Ratelimit-Reset": {ts(42 * time.Second)}}, 42 * time.Second},
		{"an X-RateLimit-Reset in the past is no wait", 0, 0, http.Header{"X-Ratelimit-Reset": {ts(-time.Minute)}}, 0},
		{"a small X-RateLimit-Reset is seconds", 0, 0, http.Header{"X-Ratelimit-Reset": {"12"}}, 12 * time.Second},
		{"StreamSkill's X-Rate-Limit-Reset (until the bucket is full) needs only one refill for one request", 500 * time.Millisecond, 15 * time.Second,
			http.Header{"X-Rate-Limit-Reset": {"15"}}, 500 * time.Millisecond},
		{"an X-Rate-Limit-Reset longer than the bucket takes to fill is waited as asked", 500 * time.Millisecond, 15 * time.Second,
			http.Header{"X-Rate-Limit-Reset": {"600"}}, 10 * time.Minute},
		{"an X-Rate-Limit-Reset shorter than a refill is kept", 2 * time.Second, 10 * time.Second, http.Header{"X-Rate-Limit-Reset": {"1"}}, time.Second},
		{"Retry-After wins over the reset headers", 0, 0, http.Header{"Retry-After": {"3"}, "X-Ratelimit-Reset": {ts(time.Hour)}}, 3 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &API{refill: tt.refill, fillTime: tt.fill}
			if got, ok := a.throttleWait(tt.header, now); !ok || got != tt.want {
				t.Errorf("throttleWait = %s, %v; want %s", got, ok, tt.want)
			}
		})
	}
}

func TestAReadThatWaitsMoreThanAFewSecondsSaysSoAtInfo(t *testing.T) {
	t.Parallel()
	srv, _ := throttlingServer(t, 3, http.StatusTooManyRequests, "Retry-After", "3")
	var logs strings.Builder
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	if _, err := sharedPlans(ctx, newTestAPI(t, srv, withClock(testsync.NewFakeClock(), time.Minute))); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(logs.String(), "Waiting out the vendor's rate limit"); n != 1 {
		t.Errorf("the log says %d times that the read waits, want once after 6s of waiting:\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), `"@level":"info"`) {
		t.Errorf("the line is not at INFO:\n%s", logs.String())
	}
}

func TestAReadOverReadTimeoutFailsNamingTheBoundAndThePagesRead(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers
	}))
	t.Cleanup(srv.Close)
	a := newTestAPI(t, srv, func(c *Config) { c.ReadTimeout = 50 * time.Millisecond })
	_, err := sharedPlans(context.Background(), a)
	for _, want := range []string{"vendor: list plans page 1", "/vendor/plans", "read_timeout (50ms)", "0 pages read"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nwant it to say %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "request_timeout") {
		t.Errorf("err = %v blames request_timeout, not read_timeout", err)
	}
}
