package clients

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Amounts that would pass silently into price_amount and win min() and
// every <= budget: each is refused (null) or kept with a note naming the
// plan, field, value and rule.
func TestSuspiciousAmountsAreRefusedOrNoted(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		money      func() (money.Money, error)
		wantAmount string // "-" for null
		wantNote   string // substring of the note's text; "" for no note
	}{
		{"an amount in a non-ISO currency is not scaled by a guessed minor unit", func() (money.Money, error) {
			return OnepinPlan{ID: "p_btc", Amount: num("2999"), Currency: ptr("BTC"), BillingInterval: ptr("month")}.Money()
		}, "-", `currency "BTC", which is not an ISO 4217 currency`},
		{"a currency that is a name, not a code, is not scaled either", func() (money.Money, error) {
			return ProbelyPlan{ID: "p_leu", Price: num("4900"), CurrencyCode: ptr("Moldovan Leu")}.Money(ProbelyPriceUnitMinor)
		}, "-", `currency_code "Moldovan Leu", which is not an ISO 4217 currency`},
		{"a fractional number of minor units, which OnePin documents as an integer, is refused", func() (money.Money, error) {
			return OnepinPlan{ID: "p_frac", Amount: num("2999.5"), Currency: ptr("USD")}.Money()
		}, "-", "not a whole number of minor units"},
		{"a fractional number of Probely cents is refused", func() (money.Money, error) {
			return ProbelyPlan{ID: "p_frac", Price: num("49.5"), CurrencyCode: ptr("EUR")}.Money(ProbelyPriceUnitMinor)
		}, "-", "not a whole number of minor units"},
		{"a negative OnePin amount is kept, with a note", func() (money.Money, error) {
			return OnepinPlan{ID: "p_neg", Amount: num("-500"), Currency: ptr("USD")}.Money()
		}, "-5", "is negative"},
		{"a negative Probely price is kept, with a note", func() (money.Money, error) {
			return ProbelyPlan{ID: "p_neg", Price: num("-100"), CurrencyCode: ptr("EUR")}.Money(ProbelyPriceUnitMinor)
		}, "-1", "is negative"},
		{"a negative StreamSkill price is kept, with a note", func() (money.Money, error) {
			return StreamskillTariff{ID: 7, Price: "-3"}.Money()
		}, "-3", "is negative"},
		{"a negative Paygentic plan-level price is kept, with a note", func() (money.Money, error) {
			return withDerived(PaygenticPlan{ID: "plan_neg", Price: ptr("-1000000000")}).Money()
		}, "-1", "is negative"},
		{"a negative Paygentic fixed charge (a rebate on a fee, which Paygentic refuses) is kept, with a note", func() (money.Money, error) {
			return PaygenticPlan{ID: "plan_neg", Currency: ptr("USD"), Prices: []PaygenticPrice{{ID: ptr("price_a"), Model: ptr("standard"),
				PaymentTerm: ptr("in_advance"), Properties: &PaygenticPriceProperties{UnitPrice: ptr("-10")}}}}.Money()
		}, "-10", "is negative"},
		{"a negative Paygentic usage price (a rebate) leaves the plan's price alone and says nothing", func() (money.Money, error) {
			return PaygenticPlan{ID: "plan_rebate", Currency: ptr("USD"), Prices: []PaygenticPrice{
				{ID: ptr("price_a"), Model: ptr("standard"), PaymentTerm: ptr("in_advance"), Properties: &PaygenticPriceProperties{UnitPrice: ptr("10")}},
				{ID: ptr("price_b"), Model: ptr("standard"), PaymentTerm: ptr("in_arrears"), Properties: &PaygenticPriceProperties{UnitPrice: ptr("-0.01")}}}}.Money()
		}, "10", ""},
		{"a zero price needs no currency to be zero", func() (money.Money, error) {
			return ProbelyPlan{ID: "default", Price: num("0"), CurrencyCode: ptr("")}.Money(ProbelyPriceUnitMinor)
		}, "0", ""},
		{"a lower-case ISO code is a currency", func() (money.Money, error) {
			return OnepinPlan{ID: "p_usd", Amount: num("2999"), Currency: ptr("usd")}.Money()
		}, "29.99", ""},
		{"a three-decimal currency is scaled by three places", func() (money.Money, error) {
			return OnepinPlan{ID: "p_kwd", Amount: num("2999"), Currency: ptr("KWD")}.Money()
		}, "2.999", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := tt.money()
			if err != nil {
				t.Fatalf("err = %v, want no error: a suspicious amount warns, never fails the read", err)
			}
			if got := TextOf(m).amount; got != tt.wantAmount {
				t.Errorf("amount %s, want %s", got, tt.wantAmount)
			}
			notes := noteTexts(m)
			switch {
			case tt.wantNote == "" && notes != "":
				t.Errorf("notes %q, want none", notes)
			case tt.wantNote != "" && !strings.Contains(notes, tt.wantNote):
				t.Errorf("notes %q, want one containing %q", notes, tt.wantNote)
			}
		})
	}
}

func noteTexts(m money.Money) string {
	var b strings.Builder
	for _, n := range m.Notes {
		b.WriteString(NoteText(n) + "\n")
	}
	return b.String()
}

// Paygentic documents ranges: percentage 0 to 10 (a fraction), quantity 1
// to 1,000,000. A value outside is refused, with a note.
func TestPaygenticValuesOutsideTheirDocumentedRangeAreRefused(t *testing.T) {
	t.Parallel()
	body := `{"data":[{"id":"plan_r","currency":"USD","billingCadence":"P1M","prices":[
	  {"id":"price_pct","model":"percentage","paymentTerm":"in_arrears","properties":{"percentage":"30","minCharge":"1","maxCharge":"2"}},
	  {"id":"price_fee","model":"standard","paymentTerm":"in_advance","quantity":0,"properties":{"unitPrice":"10"}}]}],
	  "pagination":{"limit":100,"offset":0,"total":1}}`
	list, err := newTestPaygentic(t, servePaygenticBody(t, http.StatusOK, body)).ListPlans(context.Background(), PaygenticListPlansInput{})
	if err != nil {
		t.Fatal(err)
	}
	p := list.Plans[0]
	if p.Prices[0].Properties.Percentage != nil {
		t.Errorf("percentage %s kept, want it refused (null): Paygentic allows 0 to 10", *p.Prices[0].Properties.Percentage)
	}
	m, err := p.Money()
	if err != nil || m.Amount != nil {
		t.Errorf("amount %v, err %v; want no price from a fee of quantity 0", m.Amount, err)
	}
	notes := noteTexts(m)
	for _, want := range []string{`plan "plan_r": prices[price_pct].properties.percentage "30" is outside 0 to 10`, `prices[price_fee].quantity "0" is outside 1 to 1000000`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q, want one containing %q", notes, want)
		}
	}
}
