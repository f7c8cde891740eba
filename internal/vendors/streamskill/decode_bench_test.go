package streamskill

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes" // every emulator registers itself
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// benchResponse is StreamSkill's largest response: one tariff with its
// panel expanded.
func benchResponse(tb testing.TB) clienttest.BenchResponse {
	tb.Helper()
	return clienttest.BenchResponse{
		Name:        "streamskill_tariff",
		ContentType: "application/json; charset=UTF-8",
		Body:        clienttest.SandboxBody(tb, sandbox.Options{}, "/streamskill/tarifs/11?expand=panel", "Bearer "+streamskillsandbox.Key),
		Items:       1,
		Decode: func(body []byte) (int, error) {
			var w tariffWire
			if err := httpapi.DecodeJSON(body, &w); err != nil {
				return 0, err
			}
			_ = w.tariff()
			return 1, nil
		},
		NewRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
			c := newTestClient(tb, srv, "en")
			return func(ctx context.Context) (int, error) {
				_, _, err := c.tariffRead(11, "en").Read(c.api, clienttest.UncachedKey()).Run(ctx)
				return 1, err
			}
		},
	}
}

// BenchmarkDecode and BenchmarkRead are clienttest.BenchDecode and
// clienttest.BenchRead of benchResponse.
func BenchmarkDecode(b *testing.B) { clienttest.BenchDecode(b, benchResponse(b)) }
func BenchmarkRead(b *testing.B)   { clienttest.BenchRead(b, benchResponse(b)) }
