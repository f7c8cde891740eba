package onepin

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes" // every emulator registers itself
)

// benchResponse is OnePin's largest response: a page of 100 plans.
func benchResponse(tb testing.TB) clienttest.BenchResponse {
	tb.Helper()
	return clienttest.BenchResponse{
		Name:        "onepin_100_plans",
		ContentType: "application/json",
		Body: []byte(`{"data":[` +
			clienttest.FixtureItems(tb, onepinsandbox.Plans(sandbox.New(sandbox.Options{})), 100, func(p onepinsandbox.Plan, i int) onepinsandbox.Plan {
				p.ID = fmt.Sprintf("%s-%d", p.ID, i)
				return p
			}) + `],"meta":{"request_id":"r","timestamp":"2024-01-15T09:30:00Z"},"pagination":{"limit":100,"next":null,"prev":null}}`),
		Items: 100,
		Decode: func(body []byte) (int, error) {
			var p pageBody
			err := httpapi.DecodeJSON(body, &p)
			return len(p.Data), err
		},
		NewRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
			c := newTestClient(tb, srv, clienttest.Key, "")
			return func(ctx context.Context) (int, error) {
				plans, _, err := c.plansListing().Read(c.api, clienttest.UncachedKey()).Run(ctx)
				return len(plans), err
			}
		},
	}
}

// BenchmarkDecode and BenchmarkRead are clienttest.BenchDecode and
// clienttest.BenchRead of benchResponse.
func BenchmarkDecode(b *testing.B) { clienttest.BenchDecode(b, benchResponse(b)) }
func BenchmarkRead(b *testing.B)   { clienttest.BenchRead(b, benchResponse(b)) }
