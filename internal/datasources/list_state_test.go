package datasources

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
)

// TestEncodeStateMatchesTheFramework holds the direct state writer to the
// framework's own: for every list data source, the sandbox's whole price
// list must reach Terraform as the same value both ways.
func TestEncodeStateMatchesTheFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := httptest.NewServer(sandbox.New(sandbox.Options{}))
	t.Cleanup(srv.Close) // after the parallel subtests
	cfg := func(vendor, key string) httpapi.Config {
		return httpapi.Config{BaseURL: srv.URL + "/" + vendor, APIKey: key}
	}

	tests := []struct {
		name       string
		dataSource datasource.DataSource
		model      func(t *testing.T) any
	}{
		{"pricing_identifai_pricings", NewIdentifaiPricingsDataSource(), func(t *testing.T) any {
			c, _ := identifai.New(cfg("identifai", identifaisandbox.Key))
			list, err := c.ListPricings(ctx, identifai.ListPricingsInput{})
			mustNot(t, err)
			m := identifaiPricingsModel{Order: types.StringValue("created_at"), Direction: types.StringValue("desc"), PerPage: types.Int64Null(), Total: types.Int64Value(list.Total)}
			for _, p := range list.Pricings {
				m.Pricings = append(m.Pricings, identifaiPricingFrom(p))
			}
			return &m
		}},
		{"pricing_paygentic_plans", NewPaygenticPlansDataSource(), func(t *testing.T) any {
			c, _ := paygentic.New(cfg("paygentic", paygenticsandbox.Key))
			list, err := c.ListPlans(ctx, paygentic.ListPlansInput{})
			mustNot(t, err)
			m := paygenticPlansModel{MerchantID: types.StringNull(), ProductID: types.StringNull(), Total: types.Int64Value(list.Total)}
			for _, p := range list.Plans {
				m.Plans = append(m.Plans, paygenticPlanFrom(p, moneyOf(p.Money())))
			}
			return &m
		}},
		{"pricing_probely_plans", NewProbelyPlansDataSource(), func(t *testing.T) any {
			c, _ := probely.New(cfg("probely", probelysandbox.Key))
			list, err := c.ListPlans(ctx)
			mustNot(t, err)
			m := probelyPlansModel{Family: types.StringNull(), CurrencyCode: types.StringNull(), Total: types.Int64Value(int64(len(list.Plans)))}
			for _, p := range list.Plans {
				m.Plans = append(m.Plans, probelyPlanFrom(p, moneyOf(p.Money(c.PriceUnit()))))
			}
			return &m
		}},
		{"pricing_onepin_plans", NewOnepinPlansDataSource(), func(t *testing.T) any {
			c, _ := onepin.New(cfg("onepin", ""), "")
			list, err := c.ListPlans(ctx)
			mustNot(t, err)
			m := onepinPlansModel{Total: types.Int64Value(int64(len(list.Plans)))}
			for _, p := range list.Plans {
				plan, diags := onepinPlanFrom(ctx, p, moneyOf(p.Money()))
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
		{"a list data source with a null list and an unknown total", NewIdentifaiPricingsDataSource(), func(*testing.T) any {
			return &identifaiPricingsModel{Order: types.StringNull(), Direction: types.StringNull(), PerPage: types.Int64Value(5), Total: types.Int64Unknown()}
		}},
		{"a limits map with many keys and a null one", NewOnepinPlansDataSource(), func(*testing.T) any {
			limits := types.MapValueMust(types.StringType, map[string]attr.Value{
				"seats": types.StringValue("50"), "projects": types.StringValue("unlimited"), "api_calls": types.StringNull(), "zones": types.StringValue("3"),
			})
			return &onepinPlansModel{Total: types.Int64Value(2), Plans: []onepinPlanModel{
				{ID: types.StringValue("a"), Limits: limits, Amount: NumberValue("0.1"), DisplayOrder: NumberValue("123456789012345678901234567890"),
					Name: types.StringNull(), Tier: types.StringNull(), BillingInterval: types.StringNull(), Currency: types.StringNull(), MoneyModel: moneyFrom(money.Money{})},
				{ID: types.StringValue("b"), Limits: types.MapNull(types.StringType), Amount: NumberValue("-2.5"), DisplayOrder: NumberValue("3"),
					Name: types.StringNull(), Tier: types.StringNull(), BillingInterval: types.StringNull(), Currency: types.StringNull(), MoneyModel: moneyFrom(money.Money{})},
			}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" reaches Terraform as State.Set writes it", func(t *testing.T) {
			t.Parallel()
			var schema datasource.SchemaResponse
			tt.dataSource.Schema(ctx, datasource.SchemaRequest{}, &schema)
			model := tt.model(t)

			want := tfsdk.State{Schema: schema.Schema}
			if diags := want.Set(ctx, model); diags.HasError() {
				t.Fatalf("State.Set: %v", diags)
			}
			typ := schema.Schema.Type().TerraformType(ctx)
			wire, err := listread.EncodeState(ctx, model, typ)
			mustNot(t, err)
			got, err := (&tfprotov6.DynamicValue{MsgPack: wire}).Unmarshal(typ)
			mustNot(t, err)
			// What reaches Terraform is the wire, read back as Terraform
			// reads numbers (512 bits), not the framework's values in memory.
			frameworkWire, err := tfprotov6.NewDynamicValue(typ, want.Raw)
			mustNot(t, err)
			wantRead, err := frameworkWire.Unmarshal(typ)
			mustNot(t, err)
			if !got.Equal(wantRead) {
				diffs, _ := got.Diff(wantRead)
				t.Fatalf("encodeState differs from State.Set in %d places, first: %v", len(diffs), diffs[0])
			}
		})
	}
}

func TestEncodeStateRefusesAModelThatDoesNotFitTheSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	schemaType := func(d datasource.DataSource) tftypes.Type {
		var schema datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &schema)
		return schema.Schema.Type().TerraformType(ctx)
	}
	tests := []struct {
		name  string
		model any
		typ   tftypes.Type
	}{
		{"a Paygentic model for the identifAI schema", &paygenticPlansModel{}, schemaType(NewIdentifaiPricingsDataSource())},
		{"a model whose attribute has another type", &identifaiPricingsModel{Total: types.Int64Value(1), PerPage: types.Int64Null(), Order: types.StringNull(),
			Direction: types.StringNull(), Pricings: []identifaiPricingModel{{ID: types.Int64Value(1), Name: types.StringNull(), SKU: types.StringNull()}}},
			tftypes.Object{AttributeTypes: map[string]tftypes.Type{
				"order": tftypes.String, "direction": tftypes.String, "per_page": tftypes.Number, "total": tftypes.String,
				"pricings": tftypes.List{ElementType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.Number, "name": tftypes.String, "sku": tftypes.String}}},
			}}},
		{"a list for an object", []identifaiPricingModel{}, schemaType(NewIdentifaiPricingsDataSource())},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is an error", func(t *testing.T) {
			t.Parallel()
			if _, err := listread.EncodeState(ctx, tt.model, tt.typ); err == nil {
				t.Fatal("want an error, not a state Terraform would refuse")
			}
		})
	}
}

// moneyOf is a plan's money as the data sources read it.
func moneyOf(m money.Money, err error) MoneyModel {
	if err != nil {
		panic(err)
	}
	return moneyFrom(m)
}

func mustNot(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkListState compares the two ways of writing 10,000 Paygentic plans
// to the wire: directly, and through the framework's state and tftypes (only
// part of the framework's read path: BenchmarkReadPaygentic10k in
// internal/provider measures all of it).
func BenchmarkListState(b *testing.B) {
	ctx := context.Background()
	srv := httptest.NewServer(sandbox.New(sandbox.Options{Vendor: paygenticsandbox.WithPlans(10000)}))
	defer srv.Close()
	c, _ := paygentic.New(httpapi.Config{BaseURL: srv.URL + "/paygentic", APIKey: paygenticsandbox.Key, MaxParallelRequests: 8})
	list, err := c.ListPlans(ctx, paygentic.ListPlansInput{})
	if err != nil {
		b.Fatal(err)
	}
	model := paygenticPlansModel{MerchantID: types.StringNull(), ProductID: types.StringNull(), Total: types.Int64Value(list.Total)}
	for _, p := range list.Plans {
		model.Plans = append(model.Plans, paygenticPlanFrom(p, moneyOf(p.Money())))
	}
	var schema datasource.SchemaResponse
	NewPaygenticPlansDataSource().Schema(ctx, datasource.SchemaRequest{}, &schema)

	typ := schema.Schema.Type().TerraformType(ctx)

	b.Run("EncodeState", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := listread.EncodeState(ctx, &model, typ); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("State.Set+MarshalMsgPack", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			state := tfsdk.State{Schema: schema.Schema}
			if diags := state.Set(ctx, &model); diags.HasError() {
				b.Fatal(diags)
			}
			if _, err := tfprotov6.NewDynamicValue(typ, state.Raw); err != nil {
				b.Fatal(err)
			}
		}
	})
}
