package paygentic

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

func TestPaygenticPlanBecomesOneMoneyModel(t *testing.T) {
	t.Parallel()
	clienttest.CheckMoney(t, []clienttest.MoneyCase{
		{Name: "a Paygentic price in nano-units is in the major unit, billed per billingCadence", Money: func() (money.Money, error) {
			p := Plan{ID: "plan_a", Price: clienttest.Ptr("49990000000"), BillingCadence: clienttest.Ptr("P1M")}
			return withDerived(p).Money()
		}, Want: clienttest.MoneyText{Amount: "49.99", Period: "P1M", Monthly: "49.99"}},
		{Name: "a Paygentic yearly price has a twelfth of it per month", Money: func() (money.Money, error) {
			return withDerived(Plan{ID: "plan_b", Price: clienttest.Ptr("120000000000"), BillingCadence: clienttest.Ptr("P1Y")}).Money()
		}, Want: clienttest.MoneyText{Amount: "120", Period: "P1Y", Monthly: "10"}},
		{Name: "a Paygentic quarter is three months", Money: func() (money.Money, error) {
			return withDerived(Plan{ID: "plan_c", Price: clienttest.Ptr("29990000000"), BillingCadence: clienttest.Ptr("P3M")}).Money()
		}, Want: clienttest.MoneyText{Amount: "29.99", Period: "P3M", Monthly: "9.9966666667"}},
		{Name: "Paygentic falls back to the deprecated billingInterval", Money: func() (money.Money, error) {
			return withDerived(Plan{ID: "plan_d", Price: clienttest.Ptr("10000000000"), BillingInterval: clienttest.Ptr("yearly")}).Money()
		}, Want: clienttest.MoneyText{Amount: "10", Period: "P1Y", Monthly: "0.8333333333"}},
		{Name: "a Paygentic plan without a price still has its period", Money: func() (money.Money, error) {
			return withDerived(Plan{ID: "plan_e", BillingCadence: clienttest.Ptr("P1M")}).Money()
		}, Want: clienttest.MoneyText{Amount: "-", Period: "P1M", Monthly: "-"}},
		{Name: "an unknown Paygentic cadence is no period, and says so", Money: func() (money.Money, error) {
			return withDerived(Plan{ID: "plan_f", Price: clienttest.Ptr("1000000000"), BillingCadence: clienttest.Ptr("P1D")}).Money()
		}, Want: clienttest.MoneyText{Amount: "1", Period: "-", Monthly: "-", Unknown: `billingCadence "P1D"`}},
		{Name: "an unknown cadence is not replaced by a known billingInterval", Money: func() (money.Money, error) {
			return withDerived(Plan{ID: "plan_g", BillingCadence: clienttest.Ptr("P2D"), BillingInterval: clienttest.Ptr("monthly")}).Money()
		}, Want: clienttest.MoneyText{Amount: "-", Period: "-", Monthly: "-", Unknown: `billingCadence "P2D"`}},
	})
}

// withDerived is p with its price amount derived, as a read leaves it.
func withDerived(p Plan) Plan {
	if err := p.derivePriceAmount(); err != nil {
		panic(err)
	}
	return p
}
