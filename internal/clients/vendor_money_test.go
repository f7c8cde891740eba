package clients

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// MoneyText is a Money as text, for comparing with a table: amount, period,
// monthly amount ("-" when nil), the unknown period and price on request.
type MoneyText struct {
	amount, period, monthly, unknown string
	onRequest                        bool
}

func TextOf(m money.Money) MoneyText {
	t := MoneyText{amount: "-", period: "-", monthly: "-", unknown: m.UnknownPeriod, onRequest: m.OnRequest}
	if m.Amount != nil {
		t.amount = m.Amount.String()
	}
	if m.Period != nil {
		t.period = m.Period.String()
	}
	if mo := m.Monthly(); mo != nil {
		t.monthly = mo.String()
	}
	return t
}

func num(s string) *json.Number { n := json.Number(s); return &n }

func TestEveryVendorsPlanBecomesOneMoneyModel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		money func() (money.Money, error)
		want  MoneyText
	}{
		{"a Paygentic price in nano-units is in the major unit, billed per billingCadence", func() (money.Money, error) {
			p := PaygenticPlan{ID: "plan_a", Price: ptr("49990000000"), BillingCadence: ptr("P1M")}
			return withDerived(p).Money()
		}, MoneyText{amount: "49.99", period: "P1M", monthly: "49.99"}},
		{"a Paygentic yearly price has a twelfth of it per month", func() (money.Money, error) {
			return withDerived(PaygenticPlan{ID: "plan_b", Price: ptr("120000000000"), BillingCadence: ptr("P1Y")}).Money()
		}, MoneyText{amount: "120", period: "P1Y", monthly: "10"}},
		{"a Paygentic quarter is three months", func() (money.Money, error) {
			return withDerived(PaygenticPlan{ID: "plan_c", Price: ptr("29990000000"), BillingCadence: ptr("P3M")}).Money()
		}, MoneyText{amount: "29.99", period: "P3M", monthly: "9.9966666667"}},
		{"Paygentic falls back to the deprecated billingInterval", func() (money.Money, error) {
			return withDerived(PaygenticPlan{ID: "plan_d", Price: ptr("10000000000"), BillingInterval: ptr("yearly")}).Money()
		}, MoneyText{amount: "10", period: "P1Y", monthly: "0.8333333333"}},
		{"a Paygentic plan without a price still has its period", func() (money.Money, error) {
			return withDerived(PaygenticPlan{ID: "plan_e", BillingCadence: ptr("P1M")}).Money()
		}, MoneyText{amount: "-", period: "P1M", monthly: "-"}},
		{"an unknown Paygentic cadence is no period, and says so", func() (money.Money, error) {
			return withDerived(PaygenticPlan{ID: "plan_f", Price: ptr("1000000000"), BillingCadence: ptr("P1D")}).Money()
		}, MoneyText{amount: "1", period: "-", monthly: "-", unknown: `billingCadence "P1D"`}},
		{"an unknown cadence is not replaced by a known billingInterval", func() (money.Money, error) {
			return withDerived(PaygenticPlan{ID: "plan_g", BillingCadence: ptr("P2D"), BillingInterval: ptr("monthly")}).Money()
		}, MoneyText{amount: "-", period: "-", monthly: "-", unknown: `billingCadence "P2D"`}},
		{"OnePin USD cents are scaled by 2 places", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("paid"), Amount: num("2999"), Currency: ptr("USD"), BillingInterval: ptr("monthly")}.Money()
		}, MoneyText{amount: "29.99", period: "P1M", monthly: "29.99"}},
		{"OnePin KWD has three minor digits", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("paid"), Amount: num("1234"), Currency: ptr("KWD"), BillingInterval: ptr("monthly")}.Money()
		}, MoneyText{amount: "1.234", period: "P1M", monthly: "1.234"}},
		{"OnePin JPY has no minor digits", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("paid"), Amount: num("1200"), Currency: ptr("JPY"), BillingInterval: ptr("yearly")}.Money()
		}, MoneyText{amount: "1200", period: "P1Y", monthly: "100"}},
		{"a OnePin free plan costs 0", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("free"), Amount: num("0"), Currency: ptr("USD"), BillingInterval: ptr("monthly")}.Money()
		}, MoneyText{amount: "0", period: "P1M", monthly: "0"}},
		{"a OnePin custom plan at 0 is priced on request, with no amount", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("custom"), Amount: num("0"), Currency: ptr("USD"), BillingInterval: ptr("yearly")}.Money()
		}, MoneyText{amount: "-", period: "P1Y", monthly: "-", onRequest: true}},
		{"a OnePin custom plan with an amount has a real price", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("custom"), Amount: num("4999900"), Currency: ptr("USD"), BillingInterval: ptr("yearly")}.Money()
		}, MoneyText{amount: "49999", period: "P1Y", monthly: "4166.5833333333"}},
		{"a OnePin weekly plan has 52/12 weeks a month", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("paid"), Amount: num("1200"), Currency: ptr("USD"), BillingInterval: ptr("weekly")}.Money()
		}, MoneyText{amount: "12", period: "P1W", monthly: "52"}},
		{"an unknown OnePin interval is no period, and says so", func() (money.Money, error) {
			return OnepinPlan{ID: "p", Tier: ptr("paid"), Amount: num("100"), Currency: ptr("USD"), BillingInterval: ptr("fortnightly")}.Money()
		}, MoneyText{amount: "1", period: "-", monthly: "-", unknown: `billing_interval "fortnightly"`}},
		{"a Probely price with no unit configured is in cents, as Probely's OpenAPI 1.2.0 says", func() (money.Money, error) {
			return ProbelyPlan{ID: "p", Price: num("4900"), CurrencyCode: ptr("USD"), Period: num("1"), PeriodUnit: ptr("month")}.Money("")
		}, MoneyText{amount: "49", period: "P1M", monthly: "49"}},
		{"a Probely price in major units is taken as is", func() (money.Money, error) {
			return ProbelyPlan{ID: "p", Price: num("4900"), CurrencyCode: ptr("USD"), Period: num("1"), PeriodUnit: ptr("year")}.Money(ProbelyPriceUnitMajor)
		}, MoneyText{amount: "4900", period: "P1Y", monthly: "408.3333333333"}},
		{"a Probely price in minor units is scaled by its currency", func() (money.Money, error) {
			return ProbelyPlan{ID: "p", Price: num("4900"), CurrencyCode: ptr("USD"), Period: num("1"), PeriodUnit: ptr("month")}.Money(ProbelyPriceUnitMinor)
		}, MoneyText{amount: "49", period: "P1M", monthly: "49"}},
		{"a Probely period of 6 months", func() (money.Money, error) {
			return ProbelyPlan{ID: "p", Price: num("600"), CurrencyCode: ptr("EUR"), Period: num("6"), PeriodUnit: ptr("months")}.Money(ProbelyPriceUnitMajor)
		}, MoneyText{amount: "600", period: "P6M", monthly: "100"}},
		{"a Probely trial of period 0 has no period and nothing to warn about", func() (money.Money, error) {
			return ProbelyPlan{ID: "p", Price: num("0"), CurrencyCode: ptr("EUR"), Period: num("0"), PeriodUnit: ptr("week")}.Money(ProbelyPriceUnitMajor)
		}, MoneyText{amount: "0", period: "-", monthly: "-"}},
		{"an unknown Probely unit is no period, and says so", func() (money.Money, error) {
			return ProbelyPlan{ID: "p", Price: num("1"), CurrencyCode: ptr("EUR"), Period: num("30"), PeriodUnit: ptr("day")}.Money(ProbelyPriceUnitMajor)
		}, MoneyText{amount: "1", period: "-", monthly: "-", unknown: `period 30, period_unit "day"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := tt.money()
			if err != nil {
				t.Fatal(err)
			}
			if got := TextOf(m); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMoneyThatCannotBeReadFailsNamingThePlanAndField(t *testing.T) {
	t.Parallel()
	// Minor units without a currency are no amount, with a note, not an
	// error: with cents the default, one such plan must not fail a listing.
	if m, err := (ProbelyPlan{ID: "plan_x", Price: num("4900")}).Money(ProbelyPriceUnitMinor); err != nil || m.Amount != nil ||
		!strings.Contains(noteTexts(m), `plan "plan_x": price "4900" has no currency_code to scale it by`) {
		t.Errorf("minor units without a currency: amount %v, notes %q, err %v", m.Amount, noteTexts(m), err)
	}
	if _, err := (ProbelyPlan{ID: "plan_x", Price: num("1e999999"), CurrencyCode: ptr("USD")}).Money(ProbelyPriceUnitMinor); err == nil ||
		!strings.Contains(err.Error(), "probely: plan plan_x: price number") {
		t.Errorf("an absurd Probely price: %v", err)
	}
	if _, err := (OnepinPlan{ID: "plan_y", Amount: num("1e999999"), Currency: ptr("USD")}).Money(); err == nil {
		t.Error("an absurd OnePin amount was read")
	}
}

func withDerived(p PaygenticPlan) PaygenticPlan {
	if err := p.derivePriceAmount(); err != nil {
		panic(err)
	}
	return p
}
