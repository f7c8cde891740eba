package paygentic

import (
	"context"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes" // every emulator registers itself
)

// benchResponse is Paygentic's largest response: a page of 100 plans.
func benchResponse(tb testing.TB) clienttest.BenchResponse {
	tb.Helper()
	return clienttest.BenchResponse{
		Name:        "paygentic_100_plans",
		ContentType: "application/json",
		Body:        clienttest.SandboxBody(tb, sandbox.Options{Vendor: paygenticsandbox.WithPlans(100)}, "/paygentic/v0/plans?limit=100&offset=0", "Bearer "+paygenticsandbox.Key),
		Items:       100,
		Decode: func(body []byte) (int, error) {
			var p pageBody
			if err := httpapi.DecodeJSON(body, &p); err != nil {
				return 0, err
			}
			for i := range p.Data {
				if err := p.Data[i].derivePriceAmount(); err != nil {
					return 0, err
				}
			}
			return len(p.Data), nil
		},
		NewRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
			c := newTestClient(tb, srv)
			return func(ctx context.Context) (int, error) {
				plans, _, err := c.plansListing(url.Values{}).Read(c.api, clienttest.UncachedKey()).Run(ctx)
				return len(plans), err
			}
		},
	}
}

// BenchmarkDecode and BenchmarkRead are clienttest.BenchDecode and
// clienttest.BenchRead of benchResponse.
func BenchmarkDecode(b *testing.B) { clienttest.BenchDecode(b, benchResponse(b)) }
func BenchmarkRead(b *testing.B)   { clienttest.BenchRead(b, benchResponse(b)) }
