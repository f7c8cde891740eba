package sandbox_test

import (
	"net/http"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

func TestEveryVendorAnswersConditionalRequestsWith304(t *testing.T) {
	t.Parallel()
	s, ts := start(t, sandbox.Options{})
	tests := []struct {
		vendor, path string
		auth         []string
	}{
		{identifaisandbox.Name, "/identifai/api/partner/pricings", []string{"X-Api-Key", identifaisandbox.Key}},
		{paygenticsandbox.Name, "/paygentic/v0/plans?limit=100&offset=0", []string{"Authorization", "Bearer " + paygenticsandbox.Key}},
		{paygenticsandbox.Name, "/paygentic/v0/plans/" + paygenticsandbox.BasicPlanID, []string{"Authorization", "Bearer " + paygenticsandbox.Key}},
		{probelysandbox.Name, "/probely/plans/?length=100&page=1", []string{"Authorization", "JWT " + probelysandbox.Key}},
		{onepinsandbox.Name, "/onepin/api/v1/billing/plans?limit=100", nil},
		{streamskillsandbox.Name, "/streamskill/tarifs/1", []string{"Authorization", "Bearer " + streamskillsandbox.Key}},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.vendor] = true
	}
	for _, vendor := range sandbox.VendorNames() {
		if !covered[vendor] {
			t.Errorf("the registered vendor %s has no conditional request here", vendor)
		}
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			first := get(t, ts.URL+tt.path, tt.auth...)
			etag, modified := first.header.Get("ETag"), first.header.Get("Last-Modified")
			if first.status != http.StatusOK || etag == "" || modified == "" {
				t.Fatalf("status %d, ETag %q, Last-Modified %q", first.status, etag, modified)
			}
			before := s.Responses(tt.vendor, http.StatusNotModified)
			for _, validators := range [][]string{{"If-None-Match", etag}, {"If-Modified-Since", modified}} {
				again := get(t, ts.URL+tt.path, append(append([]string{}, tt.auth...), validators...)...)
				if again.status != http.StatusNotModified || len(again.body) != 0 {
					t.Errorf("with %s: status %d and %d bytes, want 304 and none", validators[0], again.status, len(again.body))
				}
			}
			changed := get(t, ts.URL+tt.path, append(append([]string{}, tt.auth...), "If-None-Match", `"another"`, "If-Modified-Since", modified)...)
			if changed.status != http.StatusOK || len(changed.body) == 0 {
				t.Errorf("with another ETag: status %d, want 200 with the body (If-None-Match wins)", changed.status)
			}
			if got := s.Responses(tt.vendor, http.StatusNotModified) - before; got != 2 {
				t.Errorf("the sandbox counted %d 304s, want 2", got)
			}
		})
	}
}
