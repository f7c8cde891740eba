package onepin

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

func TestOnepinPlanBecomesOneMoneyModel(t *testing.T) {
	t.Parallel()
	clienttest.CheckMoney(t, []clienttest.MoneyCase{
		{Name: "OnePin USD cents are scaled by 2 places", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("paid"), Amount: clienttest.Num("2999"), Currency: clienttest.Ptr("USD"), BillingInterval: clienttest.Ptr("monthly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "29.99", Period: "P1M", Monthly: "29.99"}},
		{Name: "OnePin KWD has three minor digits", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("paid"), Amount: clienttest.Num("1234"), Currency: clienttest.Ptr("KWD"), BillingInterval: clienttest.Ptr("monthly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "1.234", Period: "P1M", Monthly: "1.234"}},
		{Name: "OnePin JPY has no minor digits", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("paid"), Amount: clienttest.Num("1200"), Currency: clienttest.Ptr("JPY"), BillingInterval: clienttest.Ptr("yearly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "1200", Period: "P1Y", Monthly: "100"}},
		{Name: "a OnePin free plan costs 0", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("free"), Amount: clienttest.Num("0"), Currency: clienttest.Ptr("USD"), BillingInterval: clienttest.Ptr("monthly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "0", Period: "P1M", Monthly: "0"}},
		{Name: "a OnePin custom plan at 0 is priced on request, with no amount", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("custom"), Amount: clienttest.Num("0"), Currency: clienttest.Ptr("USD"), BillingInterval: clienttest.Ptr("yearly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "-", Period: "P1Y", Monthly: "-", OnRequest: true}},
		{Name: "a OnePin custom plan with an amount has a real price", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("custom"), Amount: clienttest.Num("4999900"), Currency: clienttest.Ptr("USD"), BillingInterval: clienttest.Ptr("yearly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "49999", Period: "P1Y", Monthly: "4166.5833333333"}},
		{Name: "a OnePin weekly plan has 52/12 weeks a month", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("paid"), Amount: clienttest.Num("1200"), Currency: clienttest.Ptr("USD"), BillingInterval: clienttest.Ptr("weekly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "12", Period: "P1W", Monthly: "52"}},
		{Name: "an unknown OnePin interval is no period, and says so", Money: func() (money.Money, error) {
			return Plan{ID: "p", Tier: clienttest.Ptr("paid"), Amount: clienttest.Num("100"), Currency: clienttest.Ptr("USD"), BillingInterval: clienttest.Ptr("fortnightly")}.Money()
		}, Want: clienttest.MoneyText{Amount: "1", Period: "-", Monthly: "-", Unknown: `billing_interval "fortnightly"`}},
	})
}

func TestMoneyThatCannotBeReadFailsNamingThePlanAndField(t *testing.T) {
	t.Parallel()
	if _, err := (Plan{ID: "plan_y", Amount: clienttest.Num("1e999999"), Currency: clienttest.Ptr("USD")}).Money(); err == nil {
		t.Error("an absurd OnePin amount was read")
	}
}
