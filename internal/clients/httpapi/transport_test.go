package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"golang.org/x/time/rate"

	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

// recorder is the end of a chain: it keeps every request it is given and
// answers status, or err when set.
type recorder struct {
	got    []*http.Request
	status int
	err    error
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.got = append(r.got, req)
	if r.err != nil {
		return nil, r.err
	}
	status := r.status
	if status == 0 {
		status = http.StatusOK
	}
	return &http.Response{StatusCode: status, Body: io.NopCloser(strings.NewReader("")), Request: req}, nil
}

func newRequest(t *testing.T, ctx context.Context, rawURL string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func roundTrip(t *testing.T, rt http.RoundTripper, req *http.Request) *http.Response {
	t.Helper()
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestChainRunsTheWrappersOutermostFirst(t *testing.T) {
	t.Parallel()
	var order []string
	mark := func(name string) wrapper {
		return func(next http.RoundTripper) http.RoundTripper {
			return roundTripFunc(func(req *http.Request) (*http.Response, error) {
				order = append(order, name)
				return next.RoundTrip(req)
			})
		}
	}
	base := &recorder{}
	roundTrip(t, chain(base, mark("a"), mark("b"), mark("c")), newRequest(t, context.Background(), "http://127.0.0.1/x"))
	if got := strings.Join(order, ","); got != "a,b,c" || len(base.got) != 1 {
		t.Errorf("wrappers ran as %q and the base saw %d requests, want a,b,c then the base once", got, len(base.got))
	}
}

func TestPaceWaitsOnEveryLimiterBeforeEachAttempt(t *testing.T) {
	t.Parallel()
	base := &recorder{}
	if rt := pace(nil)(base); rt != http.RoundTripper(base) {
		t.Error("no limiters should leave the next RoundTripper as it is")
	}
	clock := testsync.NewFakeClock()
	slow := rate.NewLimiter(rate.Every(150*time.Millisecond), 1)
	rt := paceWith(&localPacer{limiters: []*rate.Limiter{rate.NewLimiter(rate.Inf, 1), slow}, clock: clock})(base)
	for range 2 {
		roundTrip(t, rt, newRequest(t, context.Background(), "http://127.0.0.1/x"))
	}
	if got := clock.Waits(); !slices.Equal(got, []time.Duration{150 * time.Millisecond}) {
		t.Errorf("the pacer waited %v, want the second attempt paced by the slowest limiter: [150ms]", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := rt.RoundTrip(newRequest(t, ctx, "http://127.0.0.1/x")); err == nil {
		t.Error("a cancelled wait let the attempt through")
	}
	if len(base.got) != 2 {
		t.Errorf("the base saw %d attempts, want 2 (the cancelled one never reaches it)", len(base.got))
	}
}

func TestSetUserAgentSendsItWithoutTouchingTheCallersRequest(t *testing.T) {
	t.Parallel()
	base := &recorder{}
	req := newRequest(t, context.Background(), "http://127.0.0.1/x")
	req.Header.Set("User-Agent", "caller/1")
	roundTrip(t, setUserAgent("terraform-provider-pricing/1.2.3")(base), req)
	if got := base.got[0].Header.Get("User-Agent"); got != "terraform-provider-pricing/1.2.3" {
		t.Errorf("User-Agent %q", got)
	}
	if got := req.Header.Get("User-Agent"); got != "caller/1" {
		t.Errorf("the caller's request was changed: User-Agent %q", got)
	}
}

func TestPinAuthAttachesTheKeyOnlyOnTheConfiguredOrigin(t *testing.T) {
	t.Parallel()
	origin, _ := url.Parse("http://127.0.0.1:8080/vendor")
	authorize := func(h http.Header, key string) { h.Set("Authorization", "Bearer "+key) }
	for rawURL, want := range map[string]bool{
		"http://127.0.0.1:8080/vendor/plans":   true,
		"http://127.0.0.1:8080/elsewhere":      true, // the path is checkRedirect's and NextLink's to police
		"HTTP://127.0.0.1:8080/vendor/plans":   true,
		"http://127.0.0.1:8081/vendor/plans":   false,
		"https://127.0.0.1:8080/vendor/plans":  false,
		"http://127.0.0.1/vendor/plans":        false,
		"http://evil.example.com:8080/vendor":  false,
		"http://127.0.0.1:8080@evil.example/x": false,
	} {
		base := &recorder{}
		req := newRequest(t, context.Background(), rawURL)
		roundTrip(t, pinAuth(origin, testKey, authorize)(base), req)
		if got := base.got[0].Header.Get("Authorization") != ""; got != want {
			t.Errorf("%s: credential sent %v, want %v", rawURL, got, want)
		}
		if req.Header.Get("Authorization") != "" {
			t.Errorf("%s: the caller's request was changed", rawURL)
		}
	}
	base := &recorder{}
	called := false
	roundTrip(t, pinAuth(origin, "", func(http.Header, string) { called = true })(base), newRequest(t, context.Background(), "http://127.0.0.1:8080/vendor"))
	if called {
		t.Error("authorize ran without a key")
	}
}

func TestLogAttemptsRecordsEachAttemptWithTheSecretsMasked(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	secrets := NewRedactor(testKey)
	roundTrip(t, logAttempts("vendor", secrets)(&recorder{status: http.StatusUnauthorized}),
		newRequest(t, ctx, "http://user:pw@127.0.0.1:8080/vendor/plans?echo="+testKey))
	_, err := logAttempts("vendor", secrets)(&recorder{err: errors.New("dial failed for " + testKey)}).
		RoundTrip(newRequest(t, ctx, "http://127.0.0.1:8080/vendor/plans"))
	if err == nil {
		t.Fatal("the base's error was lost")
	}
	out := logs.String()
	if strings.Contains(out, testKey) || strings.Contains(out, "pw@") {
		t.Errorf("logs show a secret:\n%s", out)
	}
	for _, want := range []string{`"vendor":"vendor"`, `"method":"GET"`, `"status":401`, "/vendor/plans", "duration_ms", "vendor API request failed", `"error":"dial failed for ***"`} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %s:\n%s", want, out)
		}
	}
}
