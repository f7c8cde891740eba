package probely

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes" // every emulator registers itself
)

// benchResponse is Probely's largest response: a page of 100 plans.
func benchResponse(tb testing.TB) clienttest.BenchResponse {
	tb.Helper()
	return clienttest.BenchResponse{
		Name:        "probely_100_plans",
		ContentType: "application/json",
		Body: []byte(`{"count":100,"page_total":1,"page":1,"length":100,"results":[` +
			clienttest.FixtureItems(tb, probelysandbox.Plans(sandbox.New(sandbox.Options{})), 100, func(p probelysandbox.Plan, i int) probelysandbox.Plan {
				p.ID = fmt.Sprintf("%s-%d", p.ID, i)
				return p
			}) + `]}`),
		Items: 100,
		Decode: func(body []byte) (int, error) {
			var p pageBody
			err := httpapi.DecodeJSON(body, &p)
			return len(p.Results), err
		},
		NewRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
			c := newTestClient(tb, srv)
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
