package provider

import (
	"context"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/vendortest/acme"
)

// TestASixthVendorNeedsOnlyItsPackage holds CONTRIBUTING.md's promise: a
// vendor package and its line in the registry give the vendor its provider
// block, its settings and environment fallbacks, its list data source
// served on the production server's direct path, and its place in
// pricing_catalog. acme is such a package, which no list registers; it is
// added to the registry here, and read over real HTTP.
func TestASixthVendorNeedsOnlyItsPackage(t *testing.T) {
	var region atomic.Value
	api := acme.Emulator("acme-key-from-env", acme.Plan{ID: "a1", Name: ptr("Starter"), Price: ptr("9.50")}, acme.Plan{ID: "a2", Price: ptr("120")})
	srv := httptest.NewServer(http.StripPrefix("/acme", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		region.Store(r.Header.Get("X-Acme-Region"))
		api.ServeHTTP(w, r)
	})))
	t.Cleanup(srv.Close)
	t.Setenv("ACME_API_KEY", "acme-key-from-env")
	t.Setenv("ACME_BASE_URL", srv.URL+"/acme")
	registry := append(append([]*clients.Vendor(nil), vendors.All...), acme.Vendor)
	newServer := newProtocol6Server("test", registry)

	s, err := newServer()
	mustNot(t, err)
	schema, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	mustNot(t, err)
	block := providerAttribute(t, schema.Provider, "acme")
	for _, name := range []string{"api_key", "base_url", "region"} {
		if !hasNestedAttribute(block, name) {
			t.Errorf("the acme block has no %s attribute", name)
		}
	}
	if !strings.Contains(block.Description, "10 requests/s") {
		t.Errorf("the acme block's description does not say its rate limits: %q", block.Description)
	}
	if key := nestedAttribute(block, "api_key"); key == nil || !strings.Contains(key.Description, "ACME_API_KEY") {
		t.Errorf("acme's api_key does not name its environment variable: %+v", key)
	}

	s = configuredServer(t, newServer, map[string]any{"acme": map[string]any{"region": "eu"}})
	if !asServer(t, s).lists.Serves("pricing_acme_plans") {
		t.Error("pricing_acme_plans is not read on the direct list path")
	}
	plans := stateAttribute(t, s, "pricing_acme_plans", nil, "plans")
	if got := planTexts(t, plans, "id", "price_amount"); got != "a1 9.5, a2 120" {
		t.Errorf("pricing_acme_plans read %q, want the emulator's two plans with their prices", got)
	}
	if got, _ := region.Load().(string); got != "eu" {
		t.Errorf("the region setting reached Acme as %q, want eu", got)
	}
	catalogue := stateAttribute(t, s, "pricing_catalog", map[string]any{"vendors": []tftypes.Value{tftypes.NewValue(tftypes.String, "acme")}}, "plans")
	if got := planTexts(t, catalogue, "vendor", "id", "monthly_amount"); got != "acme a1 9.5, acme a2 120" {
		t.Errorf("pricing_catalog read %q, want Acme's plans", got)
	}
}

func ptr(s string) *string { return &s }

// stateAttribute reads a data source and returns one attribute of its
// state, failing on any error diagnostic.
func stateAttribute(t *testing.T, s tfprotov6.ProviderServer, typeName string, config map[string]any, name string) tftypes.Value {
	t.Helper()
	resp := readDataSource(t, s, typeName, config)
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("%s: %s", typeName, diagnosticsText(resp.Diagnostics))
		}
	}
	state, err := resp.State.Unmarshal(dataSourceType(t, s, typeName))
	mustNot(t, err)
	var attrs map[string]tftypes.Value
	mustNot(t, state.As(&attrs))
	return attrs[name]
}

// planTexts writes a list of objects as "v1 v2, v1 v2": the given string
// and number attributes of each, in order.
func planTexts(t *testing.T, list tftypes.Value, names ...string) string {
	t.Helper()
	var elems []tftypes.Value
	mustNot(t, list.As(&elems))
	var out []string
	for _, e := range elems {
		var attrs map[string]tftypes.Value
		mustNot(t, e.As(&attrs))
		var fields []string
		for _, n := range names {
			fields = append(fields, valueText(t, attrs[n]))
		}
		out = append(out, strings.Join(fields, " "))
	}
	return strings.Join(out, ", ")
}

func valueText(t *testing.T, v tftypes.Value) string {
	t.Helper()
	if v.Type().Is(tftypes.Number) {
		var n = new(big.Float)
		mustNot(t, v.As(&n))
		return n.Text('g', -1)
	}
	var s string
	mustNot(t, v.As(&s))
	return s
}

func providerAttribute(t *testing.T, s *tfprotov6.Schema, name string) *tfprotov6.SchemaAttribute {
	t.Helper()
	for _, a := range s.Block.Attributes {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("the provider schema has no %s attribute", name)
	return nil
}

func hasNestedAttribute(a *tfprotov6.SchemaAttribute, name string) bool {
	return nestedAttribute(a, name) != nil
}

func nestedAttribute(a *tfprotov6.SchemaAttribute, name string) *tfprotov6.SchemaAttribute {
	if a.NestedType == nil {
		return nil
	}
	for _, n := range a.NestedType.Attributes {
		if n.Name == name {
			return n
		}
	}
	return nil
}
