package onepin

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

// A plan shaped as OnePin's official SDK types it: limits with other keys
// than the page's, null for unlimited, booleans and lists; plan_details.
const sdkShapedPlan = `{"id":"pro","name":"Pro","tier":"paid","billing_interval":"month","amount":2900,"currency":"usd","display_order":2,
  "limits":{"monthly_credits":5000,"seats":null,"retention_days":null,"byok_enabled":true,"auto_fix_enabled":false,
    "supported_languages":["en","ko"],"storage_bytes_per_workspace":10737418240},
  "plan_details":{"sections":[{"title":"Usage","items":[{"label":"Credits","value":"5,000 / month"},{"label":"Seats","value":"Unlimited"}]},
    {"title":"Support","items":[]}]}}`

func TestOnepinReadsWhatItsSDKTypes(t *testing.T) {
	t.Parallel()
	var lang string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang = r.Header.Get("Accept-Language")
		fmt.Fprintf(w, `{"data":[%s,{"id":"free","amount":0,"currency":"usd"}],"meta":{"request_id":"r","timestamp":"2026-01-01T00:00:00Z"},"pagination":{"limit":100,"next":null,"prev":null}}`, sdkShapedPlan)
	}))
	defer srv.Close()
	list, _, err := newTestClient(t, srv, "", "").ListPlans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, free := list.Plans[0], list.Plans[1]
	t.Run("the default language is sent as Accept-Language", func(t *testing.T) {
		if lang != "en" {
			t.Errorf("Accept-Language %q, want en", lang)
		}
	})
	t.Run("a null limit is kept as null (unlimited), never dropped or zero", func(t *testing.T) {
		limits := p.LimitTexts()
		v, ok := limits["seats"]
		if !ok || v != nil {
			t.Errorf("seats = %v (present %v), want a null value", v, ok)
		}
	})
	t.Run("booleans and lists are text", func(t *testing.T) {
		limits := p.LimitTexts()
		for k, want := range map[string]string{"byok_enabled": "true", "auto_fix_enabled": "false", "supported_languages": `["en","ko"]`, "monthly_credits": "5000"} {
			if got := limits[k]; got == nil || *got != want {
				t.Errorf("%s = %v, want %q", k, got, want)
			}
		}
	})
	t.Run("plan_details are sections of labelled values", func(t *testing.T) {
		d := p.PlanDetails
		if d == nil || len(d.Sections) != 2 || d.Sections[0].Title != "Usage" || len(d.Sections[0].Items) != 2 ||
			d.Sections[0].Items[1].Label != "Seats" || d.Sections[0].Items[1].Value != "Unlimited" || len(d.Sections[1].Items) != 0 {
			t.Errorf("plan_details = %+v", d)
		}
		if free.PlanDetails != nil {
			t.Errorf("a plan without plan_details has %+v, want nil", free.PlanDetails)
		}
	})
	t.Run("a lower-case currency is scaled", func(t *testing.T) {
		m, err := p.Money()
		if err != nil || clienttest.TextOf(m).Amount != "29" {
			t.Errorf("money %+v, %v; want 29", clienttest.TextOf(m), err)
		}
	})
}

func TestOnepinSendsTheConfiguredLanguage(t *testing.T) {
	t.Parallel()
	var lang string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang = r.Header.Get("Accept-Language")
		fmt.Fprint(w, `{"data":[],"meta":{},"pagination":{"limit":100,"next":null}}`)
	}))
	defer srv.Close()
	c, err := newClient(Vendor, clienttest.Config(srv, "onepin"), map[string]string{"language": "ko"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.ListPlans(context.Background()); err != nil || lang != "ko" {
		t.Fatalf("Accept-Language %q, err %v; want ko", lang, err)
	}
}

func TestOnepinMalformedPlanDetailsFailTheRead(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(&pages{items: []string{`{"id":"p1","plan_details":{"sections":[{"title":"A","items":[{"label":"x","value":5}]}]}}`}})
	defer srv.Close()
	_, _, err := newTestClient(t, srv, "", "").ListPlans(context.Background())
	if err == nil || !strings.Contains(err.Error(), "plan_details") {
		t.Fatalf("err = %v, want a failed read naming plan_details", err)
	}
}

func TestOnepinErrorShapesReadAsDiagnostics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"a flat {code, message, detail}", 400, `{"code":"BAD_LANGUAGE","message":"Unsupported language","detail":"use en or ko"}`,
			"HTTP 400 Bad Request: Unsupported language (code BAD_LANGUAGE)"},
		{"a 404 on the list says the public billing API may be gone", 404, `{"detail":"Not Found"}`,
			"OnePin may have withdrawn its public billing API"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			c, err := New(clienttest.Config(srv, "onepin", func(c *httpapi.Config) { c.MaxRetries = 0 }), "")
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = c.ListPlans(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}
