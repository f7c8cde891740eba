package provider

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread/listreadtest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// TestEveryListStateEncodesAsTheFramework holds the direct state writer to
// the framework's own for every list data source of the registry: the
// sandbox's whole price list, read with no argument set, must reach
// Terraform as the same value both ways. Each vendor's package adds the
// edge cases of its own models (empty and null lists, maps).
func TestEveryListStateEncodesAsTheFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := httptest.NewServer(sandbox.New(sandbox.Options{}))
	t.Cleanup(srv.Close)
	config := map[string]any{}
	for _, vendor := range sandbox.VendorNames() {
		config[vendor] = map[string]any{"base_url": srv.URL + "/" + vendor, "api_key": sandbox.Key(vendor)}
	}
	data := asServer(t, configuredServer(t, NewProtocol6Server("test"), config)).provider.configured.Load()

	lists := 0
	for _, newDataSource := range New("test")().DataSources(ctx) {
		ds := newDataSource()
		list, ok := ds.(listread.DataSource)
		if !ok {
			continue
		}
		lists++
		var md datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "pricing"}, &md)
		t.Run(md.TypeName+"'s whole list reaches Terraform as State.Set writes it", func(t *testing.T) {
			t.Parallel()
			var configured datasource.ConfigureResponse
			list.Configure(ctx, datasource.ConfigureRequest{ProviderData: data}, &configured)
			var schema datasource.SchemaResponse
			ds.Schema(ctx, datasource.SchemaRequest{}, &schema)
			model, diags := list.ReadModel(ctx, tfsdk.Config{Schema: schema.Schema, Raw: nullArguments(ctx, schema)})
			if configured.Diagnostics.HasError() || diags.HasError() {
				t.Fatalf("reading the sandbox: %v %v", configured.Diagnostics, diags)
			}
			listreadtest.EncodesAsTheFramework(t, ds, model)
		})
	}
	if lists == 0 {
		t.Fatal("the registry has no list data source")
	}
}

// nullArguments is a configuration that sets no attribute.
func nullArguments(ctx context.Context, schema datasource.SchemaResponse) tftypes.Value {
	typ, _ := schema.Schema.Type().TerraformType(ctx).(tftypes.Object)
	attrs := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, attrType := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(attrType, nil)
	}
	return tftypes.NewValue(typ, attrs)
}
