package clienttest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// CheckParallelism builds a client with open and checks that the default
// max_parallel_requests of its shared layer (api) is want, and that a
// configured value replaces the default.
func CheckParallelism[C any](t *testing.T, open func(httpapi.Config) (C, error), api func(C) *httpapi.API, want int) {
	t.Helper()
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	for _, tt := range []struct {
		name       string
		configured int
		want       int
	}{
		{"by default", 0, want},
		{"when 2 are configured", 2, 2},
	} {
		c, err := open(Config(srv, "vendor", func(c *httpapi.Config) { c.MaxParallelRequests = tt.configured }))
		if err != nil {
			t.Fatal(err)
		}
		if got := api(c).Parallelism(); got != tt.want {
			t.Errorf("%s: max_parallel_requests = %d, want %d", tt.name, got, tt.want)
		}
	}
}
