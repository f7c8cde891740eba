package vendors_test

// The hostile-server checks that need no knowledge of a vendor's wire
// shape: every registered vendor runs them through the client and the
// catalogue read the registry declares.

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

func TestASuccessBodyEchoingTheKeyIsRefusedWithoutQuotingIt(t *testing.T) {
	t.Parallel()
	spellings := map[string]string{
		"as sent":      clienttest.Key,
		"upper case":   strings.ToUpper(clienttest.Key),
		"JSON-escaped": clienttest.JSONEscapeAll(clienttest.Key),
	}
	for _, v := range vendors.All {
		for name, echo := range spellings {
			t.Run(v.Title+" "+name, func(t *testing.T) {
				t.Parallel()
				srv := httptest.NewServer(&clienttest.HostileServer{Respond: clienttest.Fixed(`{"id":1,"title":"` + echo + `"}`)})
				defer srv.Close()
				err := read(t, v, srv)
				if err == nil || !strings.Contains(err.Error(), "the response contains the API key") {
					t.Fatalf("err = %v, want the body refused", err)
				}
				if httpapi.NewRedactor(clienttest.Key).Contains([]byte(err.Error())) {
					t.Errorf("the error quotes the key: %v", err)
				}
			})
		}
	}
}

func TestFailuresThatCannotPassOnARetryAreTriedOnce(t *testing.T) {
	t.Parallel()
	for _, v := range vendors.All {
		t.Run(v.Title+": an untrusted certificate", func(t *testing.T) {
			t.Parallel()
			hs := &clienttest.HostileServer{Respond: clienttest.Fixed(`{}`)}
			srv := httptest.NewTLSServer(hs) // the default transport: no trust in the test CA
			defer srv.Close()
			err := read(t, v, srv)
			if err == nil || !strings.Contains(err.Error(), "certificate") {
				t.Fatalf("err = %v, want the certificate named", err)
			}
			if got := hs.Calls(); got > 1 {
				t.Errorf("tried %d times, want once", got)
			}
		})
		t.Run(v.Title+": a redirect with an unreadable Location", func(t *testing.T) {
			t.Parallel()
			triedOnce(t, v, func(w http.ResponseWriter) {
				w.Header().Set("Location", "http://[::1%zz/")
				w.WriteHeader(http.StatusFound)
			})
		})
		t.Run(v.Title+": a gzip body that fails its checksum", func(t *testing.T) {
			t.Parallel()
			triedOnce(t, v, func(w http.ResponseWriter) {
				w.Header().Set("Content-Encoding", "gzip")
				_, _ = w.Write(clienttest.CorruptGzip(`{"id":1}`))
			})
		})
	}
}

// triedOnce reads v from a server answering every request with respond:
// the read fails after one request.
func triedOnce(t *testing.T, v *clients.Vendor, respond func(http.ResponseWriter)) {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		respond(w)
	}))
	defer srv.Close()
	err := read(t, v, srv)
	if err == nil {
		t.Fatal("read succeeded")
	}
	if got := calls.Load(); got != 1 {
		t.Errorf("tried %d times (%v), want once", got, err)
	}
}

func TestGivingUpOnThrottlingSaysHowHardItTried(t *testing.T) {
	t.Parallel()
	for _, v := range vendors.All {
		t.Run(v.Title, func(t *testing.T) {
			t.Parallel()
			hs := &clienttest.HostileServer{Respond: func(*http.Request) (int, string) { return http.StatusTooManyRequests, `{"message":"slow down"}` }}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "10000000000")
				hs.ServeHTTP(w, r)
			}))
			defer srv.Close()
			err := read(t, v, srv, func(c *httpapi.Config) { c.MaxRetries = 2; c.RetryWaitMax = 10 * time.Millisecond })
			if err == nil {
				t.Fatal("read succeeded")
			}
			// The overflowing Retry-After used to come out as no wait at
			// all; it is a week, which no read waits: the read gives up at
			// once, saying so.
			for _, want := range []string{"HTTP 429", "throttled once", "the vendor last asked to wait 168h0m0s", "rate_limit_wait (2m0s)"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v\nwant it to say %q", err, want)
				}
			}
			if got := hs.Calls(); got != 1 {
				t.Errorf("%d requests, want 1: a wait past rate_limit_wait is not waited", got)
			}
		})
	}
}

// Each vendor is lured to the next one's API on the same origin.
func TestARedirectToAnotherPathOnTheSameOriginIsRefused(t *testing.T) {
	t.Parallel()
	for i, v := range vendors.All {
		other := "/" + vendors.All[(i+1)%len(vendors.All)].Name + "/"
		t.Run(v.Title, func(t *testing.T) {
			t.Parallel()
			var lured atomic.Int32
			var mu sync.Mutex
			var endpoint string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(r.URL.Path, other) {
					lured.Add(1)
					return
				}
				mu.Lock()
				endpoint = r.URL.Path
				mu.Unlock()
				http.Redirect(w, r, other+"v0/plans", http.StatusFound)
			}))
			defer srv.Close()
			err := read(t, v, srv)
			mu.Lock()
			defer mu.Unlock()
			if !strings.HasPrefix(endpoint, "/"+v.Name+"/") {
				t.Fatalf("the read asked for %q, not under the configured /%s/", endpoint, v.Name)
			}
			if err == nil || !strings.Contains(err.Error(), "refusing redirect") || !strings.Contains(err.Error(), "it leaves the endpoint "+endpoint) {
				t.Fatalf("err = %v, want the redirect refused, naming the endpoint %s", err, endpoint)
			}
			if lured.Load() != 0 {
				t.Errorf("the other API got %d requests", lured.Load())
			}
		})
	}
}
