package onepin

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread/listreadtest"
)

func TestALimitsMapWithManyKeysAndANullOneReachesTerraformAsStateSetWritesIt(t *testing.T) {
	t.Parallel()
	noMoney := datasources.NewMoneyConverter(Vendor.Title).Convert(money.Money{}, nil)
	limits := types.MapValueMust(types.StringType, map[string]attr.Value{
		"seats": types.StringValue("50"), "projects": types.StringValue("unlimited"), "api_calls": types.StringNull(), "zones": types.StringValue("3"),
	})
	listreadtest.EncodesAsTheFramework(t, NewPlansDataSource(), &plansModel{Total: types.Int64Value(2), Plans: []planModel{
		{ID: types.StringValue("a"), Limits: limits, Amount: datasources.NumberValue("0.1"), DisplayOrder: datasources.NumberValue("123456789012345678901234567890"),
			Name: types.StringNull(), Tier: types.StringNull(), BillingInterval: types.StringNull(), Currency: types.StringNull(), MoneyModel: noMoney},
		{ID: types.StringValue("b"), Limits: types.MapNull(types.StringType), Amount: datasources.NumberValue("-2.5"), DisplayOrder: datasources.NumberValue("3"),
			Name: types.StringNull(), Tier: types.StringNull(), BillingInterval: types.StringNull(), Currency: types.StringNull(), MoneyModel: noMoney},
	}})
}
