package provider

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

// BenchmarkReadPaygentic10k reads 10,000 Paygentic plans from a loopback
// sandbox without added latency:
//
//   - uncached: a freshly configured provider per iteration, as every
//     `terraform plan` has, so each read fetches and decodes all 100 pages;
//   - cached: one configured provider, so after the first iteration the
//     read is the per-run cache plus writing the state;
//   - direct is the provider's own list path, framework the
//     terraform-plugin-framework's;
//   - ids_50 keeps 50 plans by id: the same fetch, a small state.
func BenchmarkReadPaygentic10k(b *testing.B) {
	sb := sandbox.New(sandbox.Options{Vendor: paygenticsandbox.WithPlans(10000)})
	srv := httptest.NewServer(sb)
	defer srv.Close()
	config := map[string]any{"paygentic": map[string]any{"base_url": srv.URL + "/paygentic", "api_key": paygenticsandbox.Key}}
	var ids []tftypes.Value
	for i, p := range paygenticsandbox.Plans(sb) {
		if i%200 == 0 {
			ids = append(ids, tftypes.NewValue(tftypes.String, p.ID))
		}
	}
	servers := []struct {
		name      string
		newServer func() (tfprotov6.ProviderServer, error)
	}{
		{"direct", NewProtocol6Server("bench")},
		{"framework", providerserver.NewProtocol6WithError(New("bench")())},
	}
	reads := []struct {
		name   string
		config map[string]any
	}{
		{"all", nil},
		{"ids_50", map[string]any{"ids": ids}},
	}
	for _, s := range servers {
		for _, rd := range reads {
			for _, cached := range []bool{false, true} {
				name := fmt.Sprintf("%s/%s/uncached", s.name, rd.name)
				if cached {
					name = fmt.Sprintf("%s/%s/cached", s.name, rd.name)
				}
				b.Run(name, func(b *testing.B) {
					server := configuredServer(b, s.newServer, config)
					b.ReportAllocs()
					for b.Loop() {
						if !cached {
							server = configuredServer(b, s.newServer, config)
						}
						resp := readDataSource(b, server, "pricing_paygentic_plans", rd.config)
						if len(resp.Diagnostics) > 0 || resp.State == nil {
							b.Fatal(diagnosticsText(resp.Diagnostics))
						}
					}
				})
			}
		}
	}
}
