package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// TestListReadsMatchTheFramework holds the reads the protocol server serves
// itself to the framework's: for each list data source, configuration and
// failure, the framework's server and ours must answer with the same state
// and the same diagnostics.
func TestListReadsMatchTheFramework(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(sandbox.New(sandbox.Options{}))
	t.Cleanup(srv.Close)
	providerConfig := map[string]any{}
	for _, vendor := range sandbox.VendorNames() {
		providerConfig[vendor] = map[string]any{"base_url": srv.URL + "/" + vendor, "api_key": sandbox.Key(vendor)}
	}
	withoutPaygenticKey := map[string]any{"paygentic": map[string]any{"base_url": srv.URL + "/paygentic"}}
	withWrongPaygenticKey := map[string]any{"paygentic": map[string]any{"base_url": srv.URL + "/paygentic", "api_key": "wrong"}}

	tests := []struct {
		name       string
		dataSource string
		provider   map[string]any
		config     map[string]any
		wantError  string // empty: a state, and no error
	}{
		{"every identifAI pricing", "pricing_identifai_pricings", providerConfig, nil, ""},
		{"identifAI pricings by name, 100 a page", "pricing_identifai_pricings", providerConfig, map[string]any{"order": "name", "direction": "asc", "per_page": 100}, ""},
		{"every Paygentic plan", "pricing_paygentic_plans", providerConfig, nil, ""},
		{"one merchant's Paygentic plans", "pricing_paygentic_plans", providerConfig, map[string]any{"merchant_id": "org_h9i0j1k2l3m4n5o6"}, ""},
		{"an empty Paygentic list", "pricing_paygentic_plans", providerConfig, map[string]any{"product_id": "prod_none"}, ""},
		{"every Probely plan", "pricing_probely_plans", providerConfig, nil, ""},
		{"Probely plans filtered by family and currency", "pricing_probely_plans", providerConfig, map[string]any{"family": "enterprise", "currency_code": "EUR"}, ""},
		{"every OnePin plan", "pricing_onepin_plans", providerConfig, nil, ""},
		{"a Paygentic list without a key", "pricing_paygentic_plans", withoutPaygenticKey, nil, "Missing Paygentic API key"},
		{"a Paygentic list with a wrong key", "pricing_paygentic_plans", withWrongPaygenticKey, nil, "Paygentic rejected the API key"},
	}
	started := time.Now()
	for _, tt := range tests {
		t.Run(tt.name+" reads as the framework reads it", func(t *testing.T) {
			t.Parallel()
			framework := configuredServer(t, providerserver.NewProtocol6WithError(New("test")()), tt.provider)
			ours := configuredServer(t, NewProtocol6Server("test"), tt.provider)
			if !asServer(t, ours).lists.Serves(tt.dataSource) {
				t.Fatalf("%s is not served directly", tt.dataSource)
			}

			want := readDataSource(t, framework, tt.dataSource, tt.config)
			got := readDataSource(t, ours, tt.dataSource, tt.config)

			if g, w := diagnosticsText(got.Diagnostics), diagnosticsText(want.Diagnostics); g != w {
				t.Fatalf("diagnostics differ:\nours:      %s\nframework: %s", g, w)
			}
			if tt.wantError != "" {
				if !strings.Contains(diagnosticsText(got.Diagnostics), tt.wantError) || got.State != nil {
					t.Fatalf("want the error %q and no state, got %s and state %v", tt.wantError, diagnosticsText(got.Diagnostics), got.State)
				}
				return
			}
			typ := dataSourceType(t, ours, tt.dataSource)
			gotState, err := got.State.Unmarshal(typ)
			mustNot(t, err)
			wantState, err := want.State.Unmarshal(typ)
			mustNot(t, err)
			// Each server made its own read, each at its own second.
			gotState, wantState = withFetchedAtChecked(t, gotState, started), withFetchedAtChecked(t, wantState, started)
			if !gotState.Equal(wantState) {
				diffs, _ := gotState.Diff(wantState)
				t.Fatalf("states differ in %d places, first: %v", len(diffs), diffs[0])
			}
		})
	}
}

// withFetchedAtChecked checks that a state's fetched_at is an RFC 3339 time
// of this test, and replaces it with a fixed value for comparing states.
func withFetchedAtChecked(t *testing.T, state tftypes.Value, since time.Time) tftypes.Value {
	t.Helper()
	text := fetchedAtText(t, state)
	at, err := time.Parse(time.RFC3339, text)
	if err != nil || at.Before(since.Truncate(time.Second)) || at.After(time.Now()) {
		t.Fatalf("fetched_at %q is not an RFC 3339 time of this run (%v)", text, err)
	}
	var attrs map[string]tftypes.Value
	mustNot(t, state.As(&attrs))
	attrs["fetched_at"] = tftypes.NewValue(tftypes.String, "checked")
	return tftypes.NewValue(state.Type(), attrs)
}

// fetchedAtText is a state's fetched_at.
func fetchedAtText(t *testing.T, state tftypes.Value) string {
	t.Helper()
	var attrs map[string]tftypes.Value
	mustNot(t, state.As(&attrs))
	var text string
	mustNot(t, attrs["fetched_at"].As(&text))
	return text
}

func TestOtherReadsAreTheFrameworks(t *testing.T) {
	t.Parallel()
	s, err := NewProtocol6Server("test")()
	mustNot(t, err)
	ours, ok := s.(*server)
	if !ok {
		t.Fatalf("NewProtocol6Server returned a %T", s)
	}
	for _, name := range []string{"pricing_paygentic_plan", "pricing_streamskill_tariff", "pricing_tariff_quote", "pricing_identifai_pricing"} {
		if ours.lists.Serves(name) {
			t.Errorf("%s is a lookup: the framework should serve it", name)
		}
	}
}

// TestEveryListSchemaIsServedDirectly fails when a list data source's
// schema gains something the direct path does not reproduce (a nested
// block, a custom or semantic-equality type): it would fall back to the
// framework's slow path without anyone noticing.
func TestEveryListSchemaIsServedDirectly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := NewProtocol6Server("test")()
	mustNot(t, err)
	lists := 0
	for _, newDataSource := range New("test")().DataSources(ctx) {
		ds, ok := newDataSource().(listread.DataSource)
		if !ok {
			continue
		}
		lists++
		var md datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "pricing"}, &md)
		var sr datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
		if err := listread.CheckSchema(sr.Schema); err != nil {
			t.Errorf("%s: the direct list path does not support its schema: %v", md.TypeName, err)
		}
		if !asServer(t, s).lists.Serves(md.TypeName) {
			t.Errorf("%s is a list data source the server does not read directly", md.TypeName)
		}
	}
	// One per vendor with a list, and the catalogue.
	want := 1
	for _, v := range vendors.All {
		if v.Catalog != nil && !v.Catalog.ByIDs {
			want++
		}
	}
	if lists != want {
		t.Errorf("want %d list data sources, found %d", want, lists)
	}
}

// configuredServer starts a protocol server and configures its provider
// with the given attributes (vendor settings are nested maps).
func configuredServer(tb testing.TB, newServer func() (tfprotov6.ProviderServer, error), config map[string]any) tfprotov6.ProviderServer {
	tb.Helper()
	ctx := context.Background()
	s, err := newServer()
	mustNot(tb, err)
	schema, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	mustNot(tb, err)
	value, err := tfprotov6.NewDynamicValue(schema.Provider.ValueType(), objectValue(tb, schema.Provider.ValueType(), config))
	mustNot(tb, err)
	resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &value})
	mustNot(tb, err)
	if len(resp.Diagnostics) > 0 {
		tb.Fatalf("configure: %s", diagnosticsText(resp.Diagnostics))
	}
	return s
}

func readDataSource(tb testing.TB, s tfprotov6.ProviderServer, typeName string, config map[string]any) *tfprotov6.ReadDataSourceResponse {
	tb.Helper()
	typ := dataSourceType(tb, s, typeName)
	value, err := tfprotov6.NewDynamicValue(typ, objectValue(tb, typ, config))
	mustNot(tb, err)
	resp, err := s.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: &value})
	mustNot(tb, err)
	return resp
}

func dataSourceType(tb testing.TB, s tfprotov6.ProviderServer, typeName string) tftypes.Type {
	tb.Helper()
	schema, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	mustNot(tb, err)
	ds, ok := schema.DataSourceSchemas[typeName]
	if !ok {
		tb.Fatalf("no data source %s", typeName)
	}
	return ds.ValueType()
}

// objectValue is an object of type typ with the given attributes set
// (strings, ints, or maps for nested objects) and every other one null.
func objectValue(tb testing.TB, typ tftypes.Type, set map[string]any) tftypes.Value {
	tb.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		tb.Fatalf("%s is not an object", typ)
	}
	attrs := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range set {
		at, ok := obj.AttributeTypes[name]
		if !ok {
			tb.Fatalf("%s has no attribute %q", typ, name)
		}
		if nested, ok := v.(map[string]any); ok {
			attrs[name] = objectValue(tb, at, nested)
		} else {
			attrs[name] = tftypes.NewValue(at, v)
		}
	}
	return tftypes.NewValue(obj, attrs)
}

func diagnosticsText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "[%s] %s: %s (%v); ", d.Severity, d.Summary, d.Detail, d.Attribute)
	}
	return b.String()
}

func mustNot(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

func asServer(t *testing.T, s tfprotov6.ProviderServer) *server {
	t.Helper()
	ours, ok := s.(*server)
	if !ok {
		t.Fatalf("NewProtocol6Server returned a %T", s)
	}
	return ours
}
