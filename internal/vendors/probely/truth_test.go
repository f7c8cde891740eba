package probely

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// serveBody answers every request with status and body.
func serveBody(t *testing.T, status int, body string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A plan shaped as the one recorded from api.probely.com: empty strings
// where the page has enums, no family, credits packs, discount, savings or
// tiers, and the allowed_scan_profiles spelling.
const recordedShape = `{"id":"basic","name":"","description":"","is_trial":false,"charge_model":"","price":0,
  "currency_code":"","period":1,"period_unit":"month","allowed_scan_profiles":["lightning"]}`

func TestProbelyReadsWhatItsSpecAndItsAPISend(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		check      func(t *testing.T, list *PlanList)
	}{
		{"a bare JSON array, as spec 1.2.0 defines /plans/, is the whole list",
			`[{"id":"a","price":4900,"currency_code":"EUR","period":"1","period_unit":"month"},{"id":"b","price":9900,"currency_code":"EUR","period":1,"period_unit":"year"}]`,
			func(t *testing.T, list *PlanList) {
				if len(list.Plans) != 2 || list.Count != 2 || list.Plans[1].ID != "b" {
					t.Fatalf("list = %+v, want plans a and b, count 2", list)
				}
			}},
		{"an empty bare array is an empty, complete list", `[]`, func(t *testing.T, list *PlanList) {
			if len(list.Plans) != 0 || list.Count != 0 {
				t.Fatalf("list = %+v, want empty", list)
			}
		}},
		{"a plan shaped as the recorded one is read, its absent fields nil", `{"count":1,"page_total":1,"page":1,"length":100,"results":[` + recordedShape + `]}`,
			func(t *testing.T, list *PlanList) {
				p := list.Plans[0]
				if p.Family != nil || p.AllowedCreditsPacks != nil || p.Discount != nil || p.Savings != nil || p.Tiers != nil ||
					len(p.AllowedScanProfiles) != 1 || p.AllowedScanProfiles[0] != "lightning" || clienttest.Deref(p.ChargeModel) != "" {
					t.Fatalf("plan = %+v", p)
				}
				m, err := p.Money(PriceUnitMinor)
				if err != nil || clienttest.TextOf(m).Amount != "0" || clienttest.TextOf(m).Period != "P1M" {
					t.Fatalf("money %+v, %v; want 0 per P1M", clienttest.TextOf(m), err)
				}
			}},
		{"a period given as text, as spec 1.2.0 types it, is a period", `[{"id":"a","price":4900,"currency_code":"EUR","period":"3","period_unit":"month"}]`,
			func(t *testing.T, list *PlanList) {
				m, err := list.Plans[0].Money(PriceUnitMinor)
				if err != nil || clienttest.TextOf(m) != (clienttest.MoneyText{Amount: "49", Period: "P3M", Monthly: "16.3333333333"}) {
					t.Fatalf("money %+v, %v; want 49 per P3M", clienttest.TextOf(m), err)
				}
			}},
		{"an unknown period_unit is left unconverted and said", `[{"id":"a","price":100,"currency_code":"EUR","period":1,"period_unit":"day"}]`,
			func(t *testing.T, list *PlanList) {
				m, _ := list.Plans[0].Money(PriceUnitMinor)
				if m.Period != nil || !strings.Contains(m.UnknownPeriod, `"day"`) {
					t.Fatalf("money %+v, want no period and the unit said", clienttest.TextOf(m))
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			list, _, err := newTestClient(t, serveBody(t, http.StatusOK, tt.body)).ListPlans(context.Background())
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			tt.check(t, list)
		})
	}
}

func TestProbelyBareArraysKeepTheHostileRules(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, body, want string }{
		{"a plan without an id", `[{"id":"a"},{"name":"x"}]`, "results"},
		{"a repeated plan", `[{"id":"a"},{"id":"a"}]`, "item a appears more than once"},
		{"a number where a plan is expected", `[{"id":"a"},7]`, "not the documented JSON"},
		{"a period that is not a number", `[{"id":"a","period":"monthly"}]`, "period"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the read", func(t *testing.T) {
			t.Parallel()
			_, _, err := newTestClient(t, serveBody(t, http.StatusOK, tt.body)).ListPlans(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one naming %q", err, tt.want)
			}
		})
	}
}

func TestProbelyErrorShapesFromItsSpecReadAsDiagnostics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"a 401 without a header", 401, `{"detail":"Authentication credentials were not provided."}`,
			"probely: list plans page 1: HTTP 401 Unauthorized: Authentication credentials were not provided."},
		{"a 404", 404, `{"detail":"Not found."}`, "probely: list plans page 1: HTTP 404 Not Found: Not found."},
		{"a 400 as {error}", 400, `{"error":"Invalid page."}`, "probely: list plans page 1: HTTP 400 Bad Request: Invalid page."},
	}
	for _, tt := range tests {
		t.Run(tt.name+" says what Probely said", func(t *testing.T) {
			t.Parallel()
			_, _, err := newTestClient(t, serveBody(t, tt.status, tt.body), func(c *httpapi.Config) { c.MaxRetries = 0 }).ListPlans(context.Background())
			if err == nil || err.Error() != tt.want {
				t.Fatalf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}
