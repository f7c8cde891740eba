package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

const testKey = "s3cr3t-test-key"

// newTestAPI is an API on srv under the /vendor prefix that sends the test
// key as X-Api-Key, reads {"message": ...} error bodies, and retries fast
// enough for unit tests.
func newTestAPI(t testing.TB, srv *httptest.Server, mutate ...func(*Config)) *API {
	t.Helper()
	cfg := Config{
		BaseURL:      srv.URL + "/vendor",
		APIKey:       testKey,
		MaxRetries:   3,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 5 * time.Second,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	a, err := New(cfg, Spec{
		Name:        "vendor",
		Authorize:   func(h http.Header, key string) { h.Set("X-Api-Key", key) },
		DecodeError: decodeTestError,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}

func decodeTestError(body []byte) Message {
	var e struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &e) != nil {
		return Message{}
	}
	return Message{Message: e.Message}
}

// testPage is the body onePage writes.
type testPage struct {
	Data []struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"data"`
	Total *int64 `json:"total"`
}

// listPlans reads /vendor/plans, a one-page listing, through getJSON.
// listPlans reads /plans as part of l; nil is a listing of its own.
func listPlans(ctx context.Context, a *API, l *listing) (*testPage, error) {
	if l == nil {
		l = a.newListing()
	}
	var p testPage
	if err := a.getJSON(ctx, l, "list plans page 1", a.Endpoint("/plans", nil), nil, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

func onePage(w http.ResponseWriter, n int) {
	w.Header().Set("Content-Type", "application/json")
	var items []string
	for i := 1; i <= n; i++ {
		items = append(items, fmt.Sprintf(`{"id":%d,"name":"P%d"}`, i, i))
	}
	fmt.Fprintf(w, `{"data":[%s],"total":%d}`, strings.Join(items, ","), n)
}

func TestRetryHonoursRetryAfterSeconds(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"message":"Too Many Attempts."}`)
			return
		}
		onePage(w, 2)
	}))
	defer srv.Close()

	clock := testsync.NewFakeClock()
	list, err := listPlans(context.Background(), newTestAPI(t, srv, func(c *Config) { c.Clock = clock }), nil)
	if err != nil {
		t.Fatalf("listPlans: %v", err)
	}
	if len(list.Data) != 2 || calls.Load() != 2 {
		t.Fatalf("got %d plans after %d calls, want 2 after 2", len(list.Data), calls.Load())
	}
	if got := clock.Waits(); !slices.Equal(got, []time.Duration{2 * time.Second}) {
		t.Errorf("the client waited %v before the second try, want the 2s Retry-After: [2s]", got)
	}
}

func TestBackoffReadsTheServersWait(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
		ok     bool
	}{
		{"retry-after in seconds is used as is", http.Header{"Retry-After": {"7"}}, 7 * time.Second, true},
		{"retry-after as an HTTP date is the time until then", http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}, 90 * time.Second, true},
		{"retry-after in the past means now", http.Header{"Retry-After": {now.Add(-time.Minute).Format(http.TimeFormat)}}, 0, true},
		{"a negative retry-after is ignored", http.Header{"Retry-After": {"-3"}}, 0, false},
		{"garbage retry-after is ignored", http.Header{"Retry-After": {"soon"}}, 0, false},
		{"x-rate-limit-reset in seconds is used", http.Header{"X-Rate-Limit-Reset": {"3"}}, 3 * time.Second, true},
		{"retry-after wins over x-rate-limit-reset", http.Header{"Retry-After": {"1"}, "X-Rate-Limit-Reset": {"9"}}, time.Second, true},
		{"no header means no server wait", http.Header{}, 0, false},
		{"a retry-after too long for a duration saturates rather than overflows", http.Header{"Retry-After": {"10000000000"}}, maxServerWait, true},
		{"a retry-after of forty digits saturates", http.Header{"Retry-After": {strings.Repeat("9", 40)}}, maxServerWait, true},
		{"a retry-after date far ahead saturates", http.Header{"Retry-After": {"Fri, 31 Dec 9999 23:59:59 GMT"}}, maxServerWait, true},
		{"a huge x-rate-limit-reset saturates", http.Header{"X-Rate-Limit-Reset": {"1e300"}}, maxServerWait, true},
		{"an x-rate-limit-reset beyond float range saturates", http.Header{"X-Rate-Limit-Reset": {"1e400"}}, maxServerWait, true},
		{"a not-a-number x-rate-limit-reset is ignored", http.Header{"X-Rate-Limit-Reset": {"NaN"}}, 0, false},
		{"a negative x-rate-limit-reset is ignored", http.Header{"X-Rate-Limit-Reset": {"-5"}}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := serverWait(tt.header, now)
			if got != tt.want || ok != tt.ok {
				t.Errorf("serverWait = %s, %v; want %s, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestBackoffIsExponentialJitteredAndCapped(t *testing.T) {
	t.Parallel()
	lo, hi := 100*time.Millisecond, time.Second
	for attempt, want := range []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond} {
		for range 50 {
			got := backoff(lo, hi, attempt, nil)
			if got < want/2 || got >= want {
				t.Fatalf("attempt %d: backoff %s outside the jittered range [%s, %s)", attempt, got, want/2, want)
			}
		}
	}
	if got := backoff(lo, hi, 20, nil); got > hi {
		t.Errorf("attempt 20: backoff %s above the %s cap", got, hi)
	}
	for _, v := range []string{"3600", "10000000000", "99999999999999999999"} {
		resp := &http.Response{Header: http.Header{"Retry-After": {v}}}
		if got := backoff(lo, hi, 0, resp); got != hi {
			t.Errorf("a Retry-After of %s s gave %s, want the %s cap", v, got, hi)
		}
	}
}

func TestRetriesOnlyTransientStatuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status    int
		wantCalls int32
	}{
		// 429 is waited out within rate_limit_wait instead: throttle_test.go.
		{http.StatusBadGateway, 4},
		{http.StatusServiceUnavailable, 4},
		{http.StatusGatewayTimeout, 4},
		{http.StatusInternalServerError, 1},
		{http.StatusUnauthorized, 1},
		{http.StatusNotFound, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("status %d is tried %d times", tt.status, tt.wantCalls), func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				w.WriteHeader(tt.status)
				fmt.Fprint(w, `{"message":"nope"}`)
			}))
			defer srv.Close()
			_, err := listPlans(context.Background(), newTestAPI(t, srv), nil)
			if !IsStatus(err, tt.status) {
				t.Fatalf("err = %v, want an APIError with status %d", err, tt.status)
			}
			if calls.Load() != tt.wantCalls {
				t.Errorf("server saw %d calls, want %d", calls.Load(), tt.wantCalls)
			}
		})
	}
}

// stuckClock is a Clock whose time never moves: its Sleep tells asleep
// what it was asked to wait, then returns only when ctx is done.
type stuckClock struct {
	*testsync.FakeClock
	asleep chan time.Duration
}

func (c *stuckClock) Sleep(ctx context.Context, d time.Duration) error {
	c.asleep <- d
	<-ctx.Done()
	return ctx.Err()
}

func TestCancellationStopsARetryWaitPromptly(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	clock := &stuckClock{FakeClock: testsync.NewFakeClock(), asleep: make(chan time.Duration, 1)}
	a := newTestAPI(t, srv, func(c *Config) { c.RetryWaitMax, c.Clock = time.Minute, clock })

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := listPlans(ctx, a, nil)
		done <- err
	}()
	if d := <-clock.asleep; d != 30*time.Second {
		t.Errorf("the client waits %s after the 429, want Retry-After's 30s", d)
	}
	cancel()
	// The clock never moves: the wait can only end through the cancellation.
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestBodiesOverTheSizeCapAreAnError(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		onePage(w, 200)
	}))
	defer srv.Close()
	a := newTestAPI(t, srv, func(c *Config) { c.MaxResponseBytes = 1024 })
	_, err := listPlans(context.Background(), a, nil)
	if err == nil || !strings.Contains(err.Error(), "exceeds the 1024 byte limit") {
		t.Fatalf("err = %v, want the size cap named", err)
	}
}

func TestRequestTimeoutStopsAServerThatNeverAnswers(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	a := newTestAPI(t, srv, func(c *Config) { c.RequestTimeout = 50 * time.Millisecond })
	_, err := listPlans(context.Background(), a, nil)
	if err == nil || !strings.Contains(err.Error(), "request_timeout (50ms)") {
		t.Fatalf("err = %v, want a request_timeout error", err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the server saw %d requests, want 1: a timed-out attempt is not retried", n)
	}
}

func TestRedirectToAnotherHostIsRefusedWithoutSendingTheKey(t *testing.T) {
	t.Parallel()
	var foreignSawKey atomic.Bool
	var foreignCalls atomic.Int32
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		foreignCalls.Add(1)
		if r.Header.Get("X-Api-Key") != "" {
			foreignSawKey.Store(true)
		}
		onePage(w, 1)
	}))
	defer foreign.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, foreign.URL+"/steal", http.StatusFound)
	}))
	defer srv.Close()

	_, err := listPlans(context.Background(), newTestAPI(t, srv), nil)
	if err == nil || !strings.Contains(err.Error(), "refusing redirect") {
		t.Fatalf("err = %v, want the redirect refused", err)
	}
	if foreignCalls.Load() != 0 || foreignSawKey.Load() {
		t.Errorf("foreign host got %d calls (key seen: %v), want none", foreignCalls.Load(), foreignSawKey.Load())
	}
}

func TestCredentialsAreMaskedInLogs(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"message":"Unauthenticated. key %s"}`, r.Header.Get("X-Api-Key"))
	}))
	defer srv.Close()

	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	a := newTestAPI(t, srv)
	_, err := listPlans(ctx, a, nil)
	if err == nil {
		t.Fatal("want a 401 error")
	}
	// The error itself is scrubbed where it becomes a diagnostic (see
	// internal/provider); every log line is masked here. Even a log line that quotes the key verbatim is masked.
	tflog.Debug(a.MaskSecrets(ctx), "echo "+testKey)

	out := logs.String()
	if strings.Contains(out, testKey) {
		t.Errorf("logs contain the API key:\n%s", out)
	}
	for _, want := range []string{`"method":"GET"`, `"status":401`, "/vendor/plans", "duration_ms"} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %s:\n%s", want, out)
		}
	}
}

// newListing starts a listing with a's max parallel requests and max
// listing bytes, outside any shared listing, for tests that call getJSON
// without a declared read.
func (a *API) newListing() *listing {
	return a.fetchListingOf(&fetchState{api: a}, nil)
}
