package paygentic

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread/listreadtest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes" // every emulator registers itself
)

func TestAnEmptyPlanListReachesTerraformAsStateSetWritesIt(t *testing.T) {
	t.Parallel()
	listreadtest.EncodesAsTheFramework(t, NewPlansDataSource(), &plansModel{
		MerchantID: types.StringValue("org_none"), ProductID: types.StringNull(), Plans: []planModel{}, Total: types.Int64Value(0),
	})
}

// BenchmarkListState compares the two ways of writing 10,000 Paygentic plans
// to the wire: directly, and through the framework's state and tftypes (only
// part of the framework's read path: BenchmarkReadPaygentic10k in
// internal/provider measures all of it).
func BenchmarkListState(b *testing.B) {
	ctx := context.Background()
	srv := httptest.NewServer(sandbox.New(sandbox.Options{Vendor: paygenticsandbox.WithPlans(10000)}))
	defer srv.Close()
	c, _ := New(httpapi.Config{BaseURL: srv.URL + "/paygentic", APIKey: paygenticsandbox.Key, MaxParallelRequests: 8})
	list, _, err := c.ListPlans(ctx, ListPlansInput{})
	if err != nil {
		b.Fatal(err)
	}
	model := plansModel{MerchantID: types.StringNull(), ProductID: types.StringNull(), Total: types.Int64Value(list.Total)}
	converter := datasources.NewMoneyConverter(Vendor.Title)
	for _, p := range list.Plans {
		model.Plans = append(model.Plans, planFrom(p, converter.Convert(p.Money())))
	}
	var schema datasource.SchemaResponse
	NewPlansDataSource().Schema(ctx, datasource.SchemaRequest{}, &schema)
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
