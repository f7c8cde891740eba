package datasources

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// TestSetListStateMatchesStateSet holds the fast state writer to the
// framework's own: for every list data source, the sandbox's whole price
// list must encode to the same Terraform value both ways.
func TestSetListStateMatchesStateSet(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := httptest.NewServer(sandbox.New(sandbox.Options{}))
	t.Cleanup(srv.Close) // after the parallel subtests
	cfg := func(vendor, key string) clients.Config {
		return clients.Config{BaseURL: srv.URL + "/" + vendor, APIKey: key}
	}

	tests := []struct {
		name       string
		dataSource datasource.DataSource
		model      func(t *testing.T) any
	}{
		{"pricing_identifai_pricings", NewIdentifaiPricingsDataSource(), func(t *testing.T) any {
			c, _ := clients.NewIdentifai(cfg("identifai", sandbox.IdentifaiKey))
			list, err := c.ListPricings(ctx, clients.ListPricingsInput{})
			mustNot(t, err)
			m := identifaiPricingsModel{Order: types.StringValue("created_at"), Direction: types.StringValue("desc"), PerPage: types.Int64Null(), Total: types.Int64Value(list.Total)}
			for _, p := range list.Pricings {
				m.Pricings = append(m.Pricings, identifaiPricingFrom(p))
			}
			return &m
		}},
		{"pricing_paygentic_plans", NewPaygenticPlansDataSource(), func(t *testing.T) any {
			c, _ := clients.NewPaygentic(cfg("paygentic", sandbox.PaygenticKey))
			list, err := c.ListPlans(ctx, clients.ListPaygenticPlansInput{})
			mustNot(t, err)
			m := paygenticPlansModel{MerchantID: types.StringNull(), ProductID: types.StringNull(), Total: types.Int64Value(list.Total)}
			for _, p := range list.Plans {
				m.Plans = append(m.Plans, paygenticPlanFrom(p))
			}
			return &m
		}},
		{"pricing_probely_plans", NewProbelyPlansDataSource(), func(t *testing.T) any {
			c, _ := clients.NewProbely(cfg("probely", sandbox.ProbelyKey))
			list, err := c.ListPlans(ctx)
			mustNot(t, err)
			m := probelyPlansModel{Family: types.StringNull(), CurrencyCode: types.StringNull(), Total: types.Int64Value(int64(len(list.Plans)))}
			for _, p := range list.Plans {
				m.Plans = append(m.Plans, probelyPlanFrom(p))
			}
			return &m
		}},
		{"pricing_onepin_plans", NewOnepinPlansDataSource(), func(t *testing.T) any {
			c, _ := clients.NewOnepin(cfg("onepin", ""), "")
			list, err := c.ListPlans(ctx)
			mustNot(t, err)
			m := onepinPlansModel{Total: types.Int64Value(int64(len(list.Plans)))}
			for _, p := range list.Plans {
				plan, diags := onepinPlanFrom(ctx, p)
				if diags.HasError() {
					t.Fatal(diags)
				}
				m.Plans = append(m.Plans, plan)
			}
			return &m
		}},
		{"a list data source with an empty list", NewPaygenticPlansDataSource(), func(*testing.T) any {
			return &paygenticPlansModel{MerchantID: types.StringValue("org_none"), ProductID: types.StringNull(), Plans: []paygenticPlanModel{}, Total: types.Int64Value(0)}
		}},
		{"a list data source with a null list", NewIdentifaiPricingsDataSource(), func(*testing.T) any {
			return &identifaiPricingsModel{Order: types.StringNull(), Direction: types.StringNull(), PerPage: types.Int64Value(5), Total: types.Int64Unknown()}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" encodes as State.Set does", func(t *testing.T) {
			t.Parallel()
			var schema datasource.SchemaResponse
			tt.dataSource.Schema(ctx, datasource.SchemaRequest{}, &schema)
			model := tt.model(t)

			want := tfsdk.State{Schema: schema.Schema}
			if diags := want.Set(ctx, model); diags.HasError() {
				t.Fatalf("State.Set: %v", diags)
			}
			got := tfsdk.State{Schema: schema.Schema}
			if diags := setListState(ctx, &got, model); diags.HasError() {
				t.Fatalf("setListState: %v", diags)
			}
			if !got.Raw.Equal(want.Raw) {
				diffs, _ := got.Raw.Diff(want.Raw)
				t.Fatalf("setListState differs from State.Set in %d places, first: %v", len(diffs), diffs[0])
			}
		})
	}
}

func TestSetListStateRefusesAModelThatDoesNotFitTheSchema(t *testing.T) {
	t.Parallel()
	var schema datasource.SchemaResponse
	NewIdentifaiPricingsDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &schema)
	state := tfsdk.State{Schema: schema.Schema}
	diags := setListState(context.Background(), &state, &paygenticPlansModel{})
	if !diags.HasError() {
		t.Fatal("a Paygentic model written to the identifAI schema must be an error, not a panic or a wrong state")
	}
}

func mustNot(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkListState compares the two ways of writing 10,000 Paygentic plans
// to state.
func BenchmarkListState(b *testing.B) {
	ctx := context.Background()
	srv := httptest.NewServer(sandbox.New(sandbox.Options{PaygenticPlans: 10000}))
	defer srv.Close()
	c, _ := clients.NewPaygentic(clients.Config{BaseURL: srv.URL + "/paygentic", APIKey: sandbox.PaygenticKey, MaxParallelRequests: 8})
	list, err := c.ListPlans(ctx, clients.ListPaygenticPlansInput{})
	if err != nil {
		b.Fatal(err)
	}
	model := paygenticPlansModel{MerchantID: types.StringNull(), ProductID: types.StringNull(), Total: types.Int64Value(list.Total)}
	for _, p := range list.Plans {
		model.Plans = append(model.Plans, paygenticPlanFrom(p))
	}
	var schema datasource.SchemaResponse
	NewPaygenticPlansDataSource().Schema(ctx, datasource.SchemaRequest{}, &schema)

	b.Run("setListState", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			state := tfsdk.State{Schema: schema.Schema}
			if diags := setListState(ctx, &state, &model); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("State.Set", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			state := tfsdk.State{Schema: schema.Schema}
			if diags := state.Set(ctx, &model); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
}
