package identifai

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes" // every emulator registers itself
)

// benchResponse is identifAI's largest response: 1,000 pricings on a page.
func benchResponse(tb testing.TB) clienttest.BenchResponse {
	tb.Helper()
	return clienttest.BenchResponse{
		Name:        "identifai_1000_pricings",
		ContentType: "application/json",
		Body: []byte(`{"current_page":1,"data":[` +
			clienttest.FixtureItems(tb, identifaisandbox.Pricings(sandbox.New(sandbox.Options{})), 1000, func(p identifaisandbox.Pricing, i int) identifaisandbox.Pricing {
				p.ID, p.SKU = i+1, fmt.Sprintf("%s-%d", p.SKU, i)
				return p
			}) + `],"first_page_url":"/","from":1,"last_page":1,"next_page_url":null,"per_page":1000,"prev_page_url":null,"to":1000,"total":1000}`),
		Items: 1000,
		Decode: func(body []byte) (int, error) {
			var p pageBody
			err := httpapi.DecodeJSON(body, &p)
			return len(p.Data), err
		},
		NewRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
			c := newTestClient(tb, srv)
			return func(ctx context.Context) (int, error) {
				pricings, _, err := c.pricingsListing(url.Values{}).Read(c.api, clienttest.UncachedKey()).Run(ctx)
				return len(pricings), err
			}
		},
	}
}

// BenchmarkDecode and BenchmarkRead are clienttest.BenchDecode and
// clienttest.BenchRead of benchResponse.
func BenchmarkDecode(b *testing.B) { clienttest.BenchDecode(b, benchResponse(b)) }
func BenchmarkRead(b *testing.B)   { clienttest.BenchRead(b, benchResponse(b)) }
