package paygentic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// serveBody answers every request with body.
func serveBody(t *testing.T, status int, body string) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(ts.Close)
	return ts
}

func TestPaygenticPlanDecodesOptionalAndUnknownFields(t *testing.T) {
	t.Parallel()
	ts := serveBody(t, http.StatusOK, `{"data":[
	  {"id":"plan_a","object":"plan","billingCadence":"P1M","billingInterval":"monthly","currency":"USD",
	   "defaultTaxRate":8.5,"price":"49990000000","newField":[1,2],"metadata":{"k":"v"},
	   "prices":[{"id":"price_1","model":"standard","paymentTerm":"in_arrears","unitAmount":"2500000","currency":"USD","tiers":[]}]},
	  {"id":"plan_b","billingCadence":"P1Y","prices":[{"id":"price_2","model":"volume"}]}
	],"pagination":{"limit":100,"offset":0,"total":2,"hasMore":false}}`)
	list, _, err := newTestClient(t, ts).ListPlans(context.Background(), ListPlansInput{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := list.Plans[0], list.Plans[1]
	if a.Price == nil || *a.Price != "49990000000" || a.PriceAmount == nil || *a.PriceAmount != "49.99" {
		t.Errorf("plan_a price %v amount %v, want 49990000000 and 49.99", Deref(a.Price), Deref(a.PriceAmount))
	}
	if a.DefaultTaxRate == nil || a.DefaultTaxRate.String() != "8.5" {
		t.Errorf("plan_a defaultTaxRate %v, want the JSON number 8.5 as sent", a.DefaultTaxRate)
	}
	if Deref(a.Prices[0].UnitAmount) != "2500000" || Deref(a.Prices[0].Currency) != "USD" || Deref(a.Prices[0].PaymentTerm) != "in_arrears" {
		t.Errorf("plan_a prices[0] = %+v, want unitAmount 2500000 USD in_arrears", a.Prices[0])
	}
	if b.Price != nil || b.PriceAmount != nil || b.BillingInterval != nil || b.DefaultTaxRate != nil || b.Name != nil {
		t.Errorf("plan_b has price %v, amount %v, interval %v, tax rate %v, name %v; want all absent (nil)",
			Deref(b.Price), Deref(b.PriceAmount), Deref(b.BillingInterval), b.DefaultTaxRate, Deref(b.Name))
	}
	if b.Prices[0].UnitAmount != nil || b.Prices[0].Currency != nil {
		t.Errorf("plan_b prices[0] = %+v, want no unit amount and no currency", b.Prices[0])
	}
}

func Deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestPaygenticPriceAmountIsExactInTheMajorUnit(t *testing.T) {
	t.Parallel()
	tests := []struct{ price, want string }{
		{"49990000000", "49.99"},
		{"199000000000", "199"},
		{"4990000", "0.00499"},
		{"1", "0.000000001"},
		{"0", "0"},
		{"123456789012345678901234567890", "123456789012345678901.23456789"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("price %s is %s in the major unit", tt.price, tt.want), func(t *testing.T) {
			t.Parallel()
			p := Plan{ID: "plan_x", Price: &tt.price}
			if err := p.derivePriceAmount(); err != nil {
				t.Fatal(err)
			}
			if p.PriceAmount == nil || *p.PriceAmount != tt.want {
				t.Errorf("price_amount = %s, want %s", Deref(p.PriceAmount), tt.want)
			}
		})
	}
	t.Run("an absent price has no amount", func(t *testing.T) {
		t.Parallel()
		p := Plan{ID: "plan_x"}
		if err := p.derivePriceAmount(); err != nil || p.PriceAmount != nil {
			t.Errorf("amount %s, err %v; want nil and no error", Deref(p.PriceAmount), err)
		}
	})
	t.Run("a price that is not a number fails the read", func(t *testing.T) {
		t.Parallel()
		ts := serveBody(t, http.StatusOK, `{"data":[{"id":"plan_bad","price":"49.99 USD"}],"pagination":{"limit":100,"offset":0,"total":1}}`)
		_, _, err := newTestClient(t, ts).ListPlans(context.Background(), ListPlansInput{})
		if err == nil || !strings.Contains(err.Error(), `plan plan_bad: price: amount "49.99 USD" is not a decimal number`) {
			t.Fatalf("err = %v, want the plan and its bad price named", err)
		}
	})
}

func TestPaygenticGetPlan(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	var mu sync.Mutex
	var rawPaths []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		mu.Lock()
		rawPaths = append(rawPaths, r.URL.EscapedPath())
		mu.Unlock()
		id := strings.TrimPrefix(r.URL.Path, "/paygentic/v0/plans/")
		if id != "plan_a" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprintf(w, `{"error":"not_found","message":"Plan not found: %s","code":"not_found"}`, id)
			return
		}
		fmt.Fprint(w, `{"id":"plan_a","name":"A","price":"199000000000","prices":[]}`)
	}))
	defer ts.Close()
	c := newTestClient(t, ts)

	t.Run("it reads the plan once per run", func(t *testing.T) {
		for range 3 {
			p, _, err := c.GetPlan(context.Background(), "plan_a")
			if err != nil {
				t.Fatal(err)
			}
			if Deref(p.Name) != "A" || Deref(p.PriceAmount) != "199" {
				t.Fatalf("plan = %+v, want name A and price amount 199", p)
			}
		}
		if calls.Load() != 1 {
			t.Errorf("three reads made %d requests, want 1", calls.Load())
		}
	})
	t.Run("an unknown id is a 404 rendered from Paygentic's body", func(t *testing.T) {
		_, _, err := c.GetPlan(context.Background(), "plan_missing")
		var apiErr *httpapi.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Message != "Plan not found: plan_missing" || apiErr.Code != "not_found" {
			t.Fatalf("err = %v, want a 404 httpapi.APIError with Paygentic's message and code", err)
		}
	})
	t.Run("the id is escaped as one path segment", func(t *testing.T) {
		_, _, err := c.GetPlan(context.Background(), "plan_a/../x?y#z")
		if !httpapi.IsStatus(err, 404) {
			t.Fatalf("err = %v, want a 404", err)
		}
		mu.Lock()
		last := rawPaths[len(rawPaths)-1]
		mu.Unlock()
		if last != "/paygentic/v0/plans/plan_a%2F..%2Fx%3Fy%23z" {
			t.Errorf("requested path %s, want the id escaped as a single segment", last)
		}
	})
}

func TestPaygenticGetPlanRefusesAnotherPlan(t *testing.T) {
	t.Parallel()
	ts := serveBody(t, http.StatusOK, `{"id":"plan_other","name":"Other"}`)
	_, _, err := newTestClient(t, ts).GetPlan(context.Background(), "plan_a")
	if err == nil || !strings.Contains(err.Error(), `asked for plan "plan_a" but the API answered plan "plan_other"`) {
		t.Fatalf("err = %v, want the mismatch named", err)
	}
}

func TestPaygenticErrorsAreRenderedFromItsBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"a rejected key", 401, `{"error":"unauthorized","message":"Invalid API key","code":"unauthorized"}`,
			"paygentic: list plans page 1: HTTP 401 Unauthorized: Invalid API key (code unauthorized)"},
		{"a validation error", 400, `{"error":"validation_error","message":"Invalid query parameters","errors":[{"field":"merchantId","message":"must match pattern ^org_","code":"invalid_string"}]}`,
			"HTTP 400 Bad Request: Invalid query parameters (code validation_error)\n  - merchantId: must match pattern ^org_"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" names status, message and code", func(t *testing.T) {
			t.Parallel()
			ts := serveBody(t, tt.status, tt.body)
			_, _, err := newTestClient(t, ts).ListPlans(context.Background(), ListPlansInput{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
