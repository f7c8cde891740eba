package probely

import (
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

func TestProbelyPlanBecomesOneMoneyModel(t *testing.T) {
	t.Parallel()
	clienttest.CheckMoney(t, []clienttest.MoneyCase{
		{Name: "a Probely price with no unit configured is in cents, as Probely's OpenAPI 1.2.0 says", Money: func() (money.Money, error) {
			return Plan{ID: "p", Price: clienttest.Num("4900"), CurrencyCode: clienttest.Ptr("USD"), Period: clienttest.Num("1"), PeriodUnit: clienttest.Ptr("month")}.Money("")
		}, Want: clienttest.MoneyText{Amount: "49", Period: "P1M", Monthly: "49"}},
		{Name: "a Probely price in major units is taken as is", Money: func() (money.Money, error) {
			return Plan{ID: "p", Price: clienttest.Num("4900"), CurrencyCode: clienttest.Ptr("USD"), Period: clienttest.Num("1"), PeriodUnit: clienttest.Ptr("year")}.Money(PriceUnitMajor)
		}, Want: clienttest.MoneyText{Amount: "4900", Period: "P1Y", Monthly: "408.3333333333"}},
		{Name: "a Probely price in minor units is scaled by its currency", Money: func() (money.Money, error) {
			return Plan{ID: "p", Price: clienttest.Num("4900"), CurrencyCode: clienttest.Ptr("USD"), Period: clienttest.Num("1"), PeriodUnit: clienttest.Ptr("month")}.Money(PriceUnitMinor)
		}, Want: clienttest.MoneyText{Amount: "49", Period: "P1M", Monthly: "49"}},
		{Name: "a Probely period of 6 months", Money: func() (money.Money, error) {
			return Plan{ID: "p", Price: clienttest.Num("600"), CurrencyCode: clienttest.Ptr("EUR"), Period: clienttest.Num("6"), PeriodUnit: clienttest.Ptr("months")}.Money(PriceUnitMajor)
		}, Want: clienttest.MoneyText{Amount: "600", Period: "P6M", Monthly: "100"}},
		{Name: "a Probely trial of period 0 has no period and nothing to warn about", Money: func() (money.Money, error) {
			return Plan{ID: "p", Price: clienttest.Num("0"), CurrencyCode: clienttest.Ptr("EUR"), Period: clienttest.Num("0"), PeriodUnit: clienttest.Ptr("week")}.Money(PriceUnitMajor)
		}, Want: clienttest.MoneyText{Amount: "0", Period: "-", Monthly: "-"}},
		{Name: "an unknown Probely unit is no period, and says so", Money: func() (money.Money, error) {
			return Plan{ID: "p", Price: clienttest.Num("1"), CurrencyCode: clienttest.Ptr("EUR"), Period: clienttest.Num("30"), PeriodUnit: clienttest.Ptr("day")}.Money(PriceUnitMajor)
		}, Want: clienttest.MoneyText{Amount: "1", Period: "-", Monthly: "-", Unknown: `period 30, period_unit "day"`}},
	})
}

func TestMoneyThatCannotBeReadFailsNamingThePlanAndField(t *testing.T) {
	t.Parallel()
	// Minor units without a currency are no amount, with a note, not an
	// error: with cents the default, one such plan must not fail a listing.
	if m, err := (Plan{ID: "plan_x", Price: clienttest.Num("4900")}).Money(PriceUnitMinor); err != nil || m.Amount != nil ||
		!strings.Contains(clienttest.NoteTexts(m, clients.NoteText), `plan "plan_x": price "4900" has no currency_code to scale it by`) {
		t.Errorf("minor units without a currency: amount %v, notes %q, err %v", m.Amount, clienttest.NoteTexts(m, clients.NoteText), err)
	}
	if _, err := (Plan{ID: "plan_x", Price: clienttest.Num("1e999999"), CurrencyCode: clienttest.Ptr("USD")}).Money(PriceUnitMinor); err == nil ||
		!strings.Contains(err.Error(), "probely: plan plan_x: price number") {
		t.Errorf("an absurd Probely price: %v", err)
	}
}
