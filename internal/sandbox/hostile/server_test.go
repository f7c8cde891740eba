package hostile_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
	// Every vendor's dialect registers itself with the hostile server.
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes"
)

// get sends one request as the provider would, with the vendor's own
// credential header, and returns status and body.
func get(t *testing.T, s *hostile.Server, behaviour, vendor, pathAndQuery string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.BaseURL(behaviour, vendor)+pathAndQuery, nil)
	if err != nil {
		t.Fatal(err)
	}
	switch vendor {
	case identifaisandbox.Name:
		req.Header.Set("X-Api-Key", "k-"+vendor)
	case probelysandbox.Name:
		req.Header.Set("Authorization", "JWT k-"+vendor)
	default:
		req.Header.Set("Authorization", "Bearer k-"+vendor)
	}
	resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestBenignListingIsTwoConsistentPages(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	queries := map[string][2]string{
		identifaisandbox.Name: {"?per_page=100", "?per_page=100&page=2"},
		paygenticsandbox.Name: {"?limit=100&offset=0", "?limit=100&offset=100"},
		probelysandbox.Name:   {"?length=100&page=1", "?length=100&page=2"},
		onepinsandbox.Name:    {"?limit=100", "?page=2&limit=100"},
	}
	lists := map[string]string{identifaisandbox.Name: "data", paygenticsandbox.Name: "data", probelysandbox.Name: "results", onepinsandbox.Name: "data"}
	for _, vendor := range hostile.Listing() {
		if _, ok := queries[vendor]; !ok || lists[vendor] == "" {
			t.Errorf("the listing vendor %s has no two-page queries or list field here", vendor)
		}
	}
	for vendor, q := range queries {
		seen := 0
		for _, query := range q {
			status, body := get(t, s, "benign", vendor, hostile.Path(vendor)+query)
			var m map[string]any
			if status != 200 || json.Unmarshal([]byte(body), &m) != nil {
				t.Fatalf("%s %s: %d %s", vendor, query, status, body)
			}
			items, ok := m[lists[vendor]].([]any)
			if !ok {
				t.Fatalf("%s %s: %q is not a list: %s", vendor, query, lists[vendor], body)
			}
			seen += len(items)
		}
		if seen != hostile.BenignItems {
			t.Errorf("%s: %d items over two pages, want %d", vendor, seen, hostile.BenignItems)
		}
		if got := s.Requests("benign", vendor); got != 2 {
			t.Errorf("%s: counted %d requests, want 2", vendor, got)
		}
	}
	if status, body := get(t, s, "benign", streamskillsandbox.Name, "/tarifs/7?expand=panel"); status != 200 || !strings.Contains(body, `"id":7`) {
		t.Errorf("streamskill tariff 7: %d %s", status, body)
	}
}

func TestKeyEchoPlantsTheRequestsKeyEverywhere(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	for _, vendor := range hostile.Vendors() {
		status, body := get(t, s, "key-in-error-422", vendor, hostile.Path(vendor))
		if status != http.StatusUnprocessableEntity || strings.Count(body, "k-"+vendor) < 3 {
			t.Errorf("%s: %d %s", vendor, status, body)
		}
	}
}

func TestNumberFormsReachTheBodyVerbatim(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	for _, vendor := range hostile.Vendors() {
		field := hostile.NumberField(vendor)
		if field == "" {
			continue
		}
		_, body := get(t, s, "number-ten-million-digit-exponent", vendor, hostile.Path(vendor))
		if !strings.Contains(body, `"`+field+`":1e10000000`) {
			t.Errorf("%s: %s", vendor, body)
		}
	}
}

func TestDeepNestingIsServedDespiteEncodingJSONsDepthLimit(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	_, body := get(t, s, "deep-nesting", probelysandbox.Name, hostile.Path(probelysandbox.Name)+"?length=100&page=1")
	if !strings.Contains(body, `"tiers":[[[[`) || len(body) < 200000 {
		t.Errorf("body of %d bytes starts %.200s", len(body), body)
	}
}

func TestEscapedKeyIsTheKeyOnceDecoded(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	_, body := get(t, s, "key-in-error-unicode-escaped", paygenticsandbox.Name, hostile.Path(paygenticsandbox.Name))
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(body, "k-paygentic") || m["message"] != "The key k-paygentic is not valid for paygentic." {
		t.Errorf("body %s decodes to message %q", body, m["message"])
	}
}

func TestDuplicateKeyLeavesANullList(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	_, body := get(t, s, "list-overridden-by-duplicate-key", probelysandbox.Name, hostile.Path(probelysandbox.Name)+"?length=100&page=1")
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil || m["results"] != nil || !strings.Contains(body, `"results":[{`) {
		t.Errorf("err %v, results %v", err, m["results"])
	}
}
