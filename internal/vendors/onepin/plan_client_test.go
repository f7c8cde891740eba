package onepin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestOnepinListFailsOnAPlanWithoutID(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(&pages{items: []string{`{"id":"a"}`, `{"name":"no id"}`}})
	defer srv.Close()
	_, _, err := newTestClient(t, srv, "", "").ListPlans(context.Background())
	if err == nil || !strings.Contains(err.Error(), "onepin: list plans page 1 (GET http://") || !strings.Contains(err.Error(), "field data[1].id is missing or null") {
		t.Fatalf("err = %v, want the page and the plan without id named", err)
	}
}

func TestOnepinSendsWorkspaceAndKeyOnlyWhenConfigured(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, key, workspace    string
		wantAuth, wantWorkspace string
	}{
		{"no key and no workspace send neither header", "", "", "", ""},
		{"a workspace without a key sends only X-Workspace-Id", "", "ws_team42", "", "ws_team42"},
		{"a key without a workspace sends only the bearer token", clienttest.Key, "", "Bearer " + clienttest.Key, ""},
		{"a key and a workspace send both", clienttest.Key, "ws_team42", "Bearer " + clienttest.Key, "ws_team42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pages := &pages{items: items(120)}
			srv := httptest.NewServer(pages)
			defer srv.Close()
			if _, _, err := newTestClient(t, srv, tt.key, tt.workspace).ListPlans(context.Background()); err != nil {
				t.Fatal(err)
			}
			if len(pages.headers) != 2 {
				t.Fatalf("made %d requests, want 2", len(pages.headers))
			}
			for i, h := range pages.headers {
				if got, sent := h.Get("Authorization"), len(h.Values("Authorization")) > 0; got != tt.wantAuth || (tt.wantAuth == "") == sent {
					t.Errorf("request %d: Authorization = %q (sent %v), want %q", i+1, got, sent, tt.wantAuth)
				}
				if got, sent := h.Get("X-Workspace-Id"), len(h.Values("X-Workspace-Id")) > 0; got != tt.wantWorkspace || (tt.wantWorkspace == "") == sent {
					t.Errorf("request %d: X-Workspace-Id = %q (sent %v), want %q", i+1, got, sent, tt.wantWorkspace)
				}
			}
		})
	}
}

func TestOnepinAmountUsesTheCurrencysMinorUnit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, amount, currency, want string
	}{
		{"2999 USD cents are 29.99 dollars", "2999", "USD", "29.99"},
		{"2759 EUR cents are 27.59 euros", "2759", "EUR", "27.59"},
		{"0 USD is 0", "0", "USD", "0"},
		{"an amount with trailing zeros drops them", "4999900", "USD", "49999"},
		{"JPY has no minor unit", "500", "JPY", "500"},
		{"lower-case jpy is JPY", "500", "jpy", "500"},
		{"KRW has no minor unit", "12000", "KRW", "12000"},
		{"VND has no minor unit", "1", "VND", "1"},
		{"CLP has no minor unit", "9990", "CLP", "9990"},
		{"ISK has no minor unit", "1490", "ISK", "1490"},
		{"KWD has thousandths", "1234", "KWD", "1.234"},
		{"BHD has thousandths", "5", "BHD", "0.005"},
		{"OMR has thousandths", "10500", "OMR", "10.5"},
		{"JOD has thousandths", "999", "JOD", "0.999"},
		{"TND has thousandths", "2000", "TND", "2"},
		{"a code that is no ISO 4217 currency has no known minor unit: no amount, not a guess", "150", "XYZ", ""},
		{"a huge amount stays exact", "123456789012345678901234567", "USD", "1234567890123456789012345.67"},
		{"a negative amount stays exact", "-2999", "USD", "-29.99"},
		{"no currency gives no decimal", "2999", "", ""},
		{"no amount gives no decimal", "", "USD", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := Plan{ID: "p"}
			if tt.amount != "" {
				n := json.Number(tt.amount)
				p.Amount = &n
			}
			if tt.currency != "" {
				p.Currency = &tt.currency
			}
			m, err := p.Money()
			got := ""
			if m.Amount != nil {
				got = m.Amount.String()
			}
			if err != nil || got != tt.want {
				t.Errorf("Money() amount = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestOnepinErrorBodiesAreRendered(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		status     int
		want       string
	}{
		{"OnePin's own error body", `{"error":{"code":"unauthorized","message":"Invalid or expired token","details":[]},"meta":{}}`, 401,
			"onepin: list plans page 1: HTTP 401 Unauthorized: Invalid or expired token (code unauthorized)"},
		{"OnePin's validation details", `{"error":{"code":"validation_error","message":"Invalid query parameters","details":[{"field":"limit","message":"Input should be less than or equal to 100"}]}}`, 422,
			"Invalid query parameters (code validation_error)\n  - limit: Input should be less than or equal to 100"},
		{"FastAPI's validation list", `{"detail":[{"loc":["header","x-workspace-id"],"msg":"invalid workspace id","type":"value_error"}]}`, 422,
			"HTTP 422 Unprocessable Entity: validation failed\n  - header.x-workspace-id: invalid workspace id"},
		{"FastAPI's plain detail", `{"detail":"Not Found"}`, 404, "HTTP 404 Not Found: Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			_, _, err := newTestClient(t, srv, "", "").ListPlans(context.Background())
			if !httpapi.IsStatus(err, tt.status) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want HTTP %d saying %q", err, tt.status, tt.want)
			}
		})
	}
}
