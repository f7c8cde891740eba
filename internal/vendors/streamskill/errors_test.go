package streamskill

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

func TestStreamskillTariffRendersTheVendorsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"an unknown tariff", http.StatusNotFound,
			`{"name":"Not Found","message":"Object not found: 999","code":0,"status":404,"type":"tarif_not_found_exception"}`,
			"streamskill: get tariff 999: HTTP 404 Not Found: Object not found: 999 (code tarif_not_found_exception)"},
		{"a rejected key", http.StatusUnauthorized,
			`{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401,"type":"unauthorized_http_exception"}`,
			"streamskill: get tariff 999: HTTP 401 Unauthorized: Your request was made with invalid credentials. (code unauthorized_http_exception)"},
		{"an error without a message", http.StatusPaymentRequired,
			`{"name":"Payment Required","code":0,"status":402}`,
			"streamskill: get tariff 999: HTTP 402 Payment Required: Payment Required"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is rendered from the body", func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			_, _, err := newTestClient(t, srv, "").Tariff(context.Background(), 999, "")
			if err == nil || err.Error() != tt.want || !httpapi.IsStatus(err, tt.status) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestStreamskillTariffRefusesABodyForAnotherTariff(t *testing.T) {
	t.Parallel()
	_, _, err := serveTariff(t, tariffJSON(4, nil)).Tariff(context.Background(), 3, "")
	if err == nil || !strings.Contains(err.Error(), "asked for tariff 3 but the API answered tariff 4") {
		t.Fatalf("err = %v, want a mismatch error", err)
	}
}

func TestStreamskillTariffWaitsForTheRateLimitReset(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Rate-Limit-Limit", "30")
		if calls.Add(1) == 1 {
			w.Header().Set("X-Rate-Limit-Remaining", "0")
			w.Header().Set("X-Rate-Limit-Reset", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429,"type":"too_many_requests_http_exception"}`)
			return
		}
		fmt.Fprint(w, tariffJSON(2, nil))
	}))
	defer srv.Close()

	clock := testsync.NewFakeClock()
	c, err := New(clienttest.Config(srv, "streamskill", clienttest.NoPacing, func(c *httpapi.Config) { c.Clock = clock }), "")
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := c.Tariff(context.Background(), 2, "")
	if err != nil {
		t.Fatalf("Tariff: %v", err)
	}
	if got.ID != 2 || calls.Load() != 2 {
		t.Fatalf("got tariff %d after %d calls, want tariff 2 after 2", got.ID, calls.Load())
	}
	if waits := clock.Waits(); !slices.Equal(waits, []time.Duration{time.Second}) {
		t.Errorf("the client waited %v before the second try, want the 1s X-Rate-Limit-Reset: [1s]", waits)
	}
}
