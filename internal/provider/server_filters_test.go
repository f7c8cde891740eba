package provider

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
)

func stringSet(values ...string) []tftypes.Value {
	out := []tftypes.Value{}
	for _, v := range values {
		out = append(out, tftypes.NewValue(tftypes.String, v))
	}
	return out
}

// The list data sources' filters and include switches, read through the
// provider's direct path and through the framework: the same state (sets
// included) and the same diagnostics.
func TestFilteredListReadsMatchTheFramework(t *testing.T) {
	t.Parallel()
	started := time.Now()
	sb := httptest.NewServer(sandbox.New(sandbox.Options{}))
	t.Cleanup(sb.Close)
	srv := sb.URL
	providerConfig := map[string]any{}
	for _, vendor := range sandbox.VendorNames() {
		providerConfig[vendor] = map[string]any{"base_url": srv + "/" + vendor, "api_key": sandbox.Key(vendor)}
	}
	ids := func(values ...int64) []tftypes.Value {
		out := []tftypes.Value{}
		for _, v := range values {
			out = append(out, tftypes.NewValue(tftypes.Number, v))
		}
		return out
	}
	tests := []struct {
		name, dataSource string
		config           map[string]any
		wantError        string
	}{
		{"identifAI pricings by id and sku", "pricing_identifai_pricings", map[string]any{"ids": ids(1, 2, 3, 999999), "skus": stringSet("none")}, ""},
		{"identifAI pricings by id", "pricing_identifai_pricings", map[string]any{"ids": ids(3, 1)}, ""},
		{"identifAI pricings by name", "pricing_identifai_pricings", map[string]any{"name_regex": "(?i)pro"}, ""},
		{"Paygentic plans by id, without prices", "pricing_paygentic_plans", map[string]any{
			"ids": stringSet(paygenticsandbox.BusinessPlanID, paygenticsandbox.BasicPlanID, "plan_unknown"), "include_prices": false}, ""},
		{"Paygentic plans by name and cadence", "pricing_paygentic_plans", map[string]any{"name_regex": "^Basic", "billing_cadence": "P1M", "currency": "USD"}, ""},
		{"Paygentic plans, empty ids", "pricing_paygentic_plans", map[string]any{"ids": stringSet()}, ""},
		{"Paygentic plans, a regex that matches nothing", "pricing_paygentic_plans", map[string]any{"name_regex": "^nothing$", "include_prices": true}, ""},
		{"Paygentic plans, an invalid regex", "pricing_paygentic_plans", map[string]any{"name_regex": "("}, `name_regex = "("`},
		{"Probely plans by id, without credits packs", "pricing_probely_plans", map[string]any{
			"ids": stringSet(probelysandbox.ExamplePlanID, "business-yearly-gbp"), "include_credits_packs": false}, ""},
		{"Probely plans by name and period", "pricing_probely_plans", map[string]any{"name_regex": "Plan", "period_unit": "year"}, ""},
		{"OnePin plans by tier, interval and currency", "pricing_onepin_plans", map[string]any{"tier": "free", "billing_interval": "yearly", "currency": "USD"}, ""},
		{"OnePin plans by name", "pricing_onepin_plans", map[string]any{"name_regex": "^(Pro|Free) Plan$", "ids": stringSet("a3f1c9d2-4b7e-4f8a-9c2d-1e2b3f4a5c6d")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			framework := configuredServer(t, providerserver.NewProtocol6WithError(New("test")()), providerConfig)
			ours := configuredServer(t, NewProtocol6Server("test"), providerConfig)
			want := readDataSource(t, framework, tt.dataSource, tt.config)
			got := readDataSource(t, ours, tt.dataSource, tt.config)
			if g, w := diagnosticsText(got.Diagnostics), diagnosticsText(want.Diagnostics); g != w {
				t.Fatalf("diagnostics differ:\nours:      %s\nframework: %s", g, w)
			}
			if tt.wantError != "" {
				if !strings.Contains(diagnosticsText(got.Diagnostics), tt.wantError) || got.State != nil {
					t.Fatalf("want the error %q and no state, got %s", tt.wantError, diagnosticsText(got.Diagnostics))
				}
				return
			}
			if len(got.Diagnostics) > 0 {
				t.Fatalf("unexpected diagnostics: %s", diagnosticsText(got.Diagnostics))
			}
			typ := dataSourceType(t, ours, tt.dataSource)
			gotState, err := got.State.Unmarshal(typ)
			mustNot(t, err)
			wantState, err := want.State.Unmarshal(typ)
			mustNot(t, err)
			// Each server made its own read, each at its own second: the
			// times are checked, then set aside (they are the same length).
			gotAt, wantAt := fetchedAtText(t, gotState), fetchedAtText(t, wantState)
			gotState, wantState = withFetchedAtChecked(t, gotState, started), withFetchedAtChecked(t, wantState, started)
			if !gotState.Equal(wantState) {
				diffs, _ := gotState.Diff(wantState)
				t.Fatalf("states differ in %d places, first: %v", len(diffs), diffs[0])
			}
			gotBytes := bytes.Replace(got.State.MsgPack, []byte(gotAt), []byte(wantAt), 1)
			// OnePin's limits are a map, whose keys the framework writes in
			// no fixed order; everything else must match byte for byte.
			if tt.dataSource != "pricing_onepin_plans" && string(gotBytes) != string(want.State.MsgPack) {
				t.Fatalf("the direct path's state is not the framework's byte for byte (%d and %d bytes)", len(got.State.MsgPack), len(want.State.MsgPack))
			}
		})
	}
}
