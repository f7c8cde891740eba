package datasources_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// foreignHost is another origin (the same loopback address, another port)
// that records what reaches it.
type foreignHost struct {
	*httptest.Server
	mu       sync.Mutex
	requests []http.Header
}

func startForeignHost(t *testing.T) *foreignHost {
	t.Helper()
	f := &foreignHost{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, r.Header.Clone())
		f.mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *foreignHost) received() []http.Header {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]http.Header(nil), f.requests...)
}

// TestAccNoVendorKeyLeavesTheConfiguredHost covers each auth scheme
// (X-Api-Key, JWT, Bearer): a vendor answering with a redirect to another
// host fails the read, the other host receives nothing, and the key did go
// to the configured host in the vendor's own scheme.
func TestAccNoVendorKeyLeavesTheConfiguredHost(t *testing.T) {
	t.Parallel()
	for _, ft := range faultTargets {
		t.Run(fmt.Sprintf("a redirect from %s to another host is refused", ft.Vendor), func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t, ft.opts)
			foreign := startForeignHost(t)
			sb.InjectFaults(ft.Vendor, sandbox.Fault{Kind: sandbox.FaultRedirect, Location: foreign.URL + "/collect", Sticky: true})
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: sb.ProviderConfig("max_retries = 2") + ft.config,
					ExpectError: acctest.ErrorMatching(ft.request + `: .*refusing redirect to ` + regexp.QuoteMeta(foreign.URL) +
						`/collect: it leaves the configured base URL's host 127\.0\.0\.1:\d+`),
				}},
			})
			if got := foreign.received(); len(got) != 0 {
				t.Errorf("the other host received %d requests (first headers %v), want none", len(got), got[0])
			}
			if got, want := sb.LastHeader(ft.Vendor, ft.authHeader), ft.authPrefix+acctest.Key(ft.Vendor); got != want {
				t.Errorf("the configured host got %s %q, want %q", ft.authHeader, got, want)
			}
		})
	}
}
