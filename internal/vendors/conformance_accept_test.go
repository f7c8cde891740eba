package vendors_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// TestEveryVendorAsksForJSON: a server behind a framework such as Laravel
// answers a request that does not ask for JSON with an HTML login page, so
// every vendor's requests must say Accept: application/json.
func TestEveryVendorAsksForJSON(t *testing.T) {
	t.Parallel()
	for _, v := range vendors.All {
		t.Run(v.Title+" asks for JSON", func(t *testing.T) {
			t.Parallel()
			accept := make(chan string, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				select {
				case accept <- r.Header.Get("Accept"):
				default:
				}
				http.Error(w, `{}`, http.StatusTeapot)
			}))
			defer srv.Close()
			_ = read(t, v, srv)
			if got := <-accept; got != "application/json" {
				t.Errorf("%s sent Accept %q, want application/json", v.Title, got)
			}
		})
	}
}
