package identifai

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread/listreadtest"
)

func TestANullListAndAnUnknownTotalReachTerraformAsStateSetWritesThem(t *testing.T) {
	t.Parallel()
	listreadtest.EncodesAsTheFramework(t, NewPricingsDataSource(), &pricingsModel{
		Order: types.StringNull(), Direction: types.StringNull(), PerPage: types.Int64Value(5), Total: types.Int64Unknown(),
	})
}

func TestEncodeStateRefusesAModelThatDoesNotFitTheSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var schema datasource.SchemaResponse
	NewPricingsDataSource().Schema(ctx, datasource.SchemaRequest{}, &schema)
	listType := schema.Schema.Type().TerraformType(ctx)
	tests := []struct {
		name  string
		model any
		typ   tftypes.Type
	}{
		{"the lookup's model for the list's schema", &pricingModel{}, listType},
		{"a model whose attribute has another type", &pricingsModel{Total: types.Int64Value(1), PerPage: types.Int64Null(), Order: types.StringNull(),
			Direction: types.StringNull(), Pricings: []pricingModel{{ID: types.Int64Value(1), Name: types.StringNull(), SKU: types.StringNull()}}},
			tftypes.Object{AttributeTypes: map[string]tftypes.Type{
				"order": tftypes.String, "direction": tftypes.String, "per_page": tftypes.Number, "total": tftypes.String,
				"pricings": tftypes.List{ElementType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.Number, "name": tftypes.String, "sku": tftypes.String}}},
			}}},
		{"a list for an object", []pricingModel{}, listType},
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
