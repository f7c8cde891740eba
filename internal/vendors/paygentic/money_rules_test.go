package paygentic

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Paygentic's suspicious amounts (see clienttest.SuspiciousAmount) are refused or noted.
func TestSuspiciousAmountsAreRefusedOrNoted(t *testing.T) {
	t.Parallel()
	clienttest.CheckSuspiciousAmounts(t, clients.NoteText, []clienttest.SuspiciousAmount{
		{Name: "a negative Paygentic plan-level price is kept, with a note", Money: func() (money.Money, error) {
			return withDerived(Plan{ID: "plan_neg", Price: clienttest.Ptr("-1000000000")}).Money()
		}, WantAmount: "-1", WantNote: "is negative"},
		{Name: "a negative Paygentic fixed charge (a rebate on a fee, which Paygentic refuses) is kept, with a note", Money: func() (money.Money, error) {
			return Plan{ID: "plan_neg", Currency: clienttest.Ptr("USD"), Prices: []Price{{ID: clienttest.Ptr("price_a"), Model: clienttest.Ptr("standard"),
				PaymentTerm: clienttest.Ptr("in_advance"), Properties: &PriceProperties{UnitPrice: clienttest.Ptr("-10")}}}}.Money()
		}, WantAmount: "-10", WantNote: "is negative"},
		{Name: "a negative Paygentic usage price (a rebate) leaves the plan's price alone and says nothing", Money: func() (money.Money, error) {
			return Plan{ID: "plan_rebate", Currency: clienttest.Ptr("USD"), Prices: []Price{
				{ID: clienttest.Ptr("price_a"), Model: clienttest.Ptr("standard"), PaymentTerm: clienttest.Ptr("in_advance"), Properties: &PriceProperties{UnitPrice: clienttest.Ptr("10")}},
				{ID: clienttest.Ptr("price_b"), Model: clienttest.Ptr("standard"), PaymentTerm: clienttest.Ptr("in_arrears"), Properties: &PriceProperties{UnitPrice: clienttest.Ptr("-0.01")}}}}.Money()
		}, WantAmount: "10", WantNote: ""},
	})
}

// Paygentic documents ranges: percentage 0 to 10 (a fraction), quantity 1
// to 1,000,000. A value outside is refused, with a note.
func TestPaygenticValuesOutsideTheirDocumentedRangeAreRefused(t *testing.T) {
	t.Parallel()
	body := `{"data":[{"id":"plan_r","currency":"USD","billingCadence":"P1M","prices":[
	  {"id":"price_pct","model":"percentage","paymentTerm":"in_arrears","properties":{"percentage":"30","minCharge":"1","maxCharge":"2"}},
	  {"id":"price_fee","model":"standard","paymentTerm":"in_advance","quantity":0,"properties":{"unitPrice":"10"}}]}],
	  "pagination":{"limit":100,"offset":0,"total":1}}`
	list, _, err := newTestClient(t, serveBody(t, http.StatusOK, body)).ListPlans(context.Background(), ListPlansInput{})
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
	notes := clienttest.NoteTexts(m, clients.NoteText)
	for _, want := range []string{`plan "plan_r": prices[price_pct].properties.percentage "30" is outside 0 to 10`, `prices[price_fee].quantity "0" is outside 1 to 1000000`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q, want one containing %q", notes, want)
		}
	}
}
