package onepin

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// OnePin's suspicious amounts (see clienttest.SuspiciousAmount) are refused or noted.
func TestSuspiciousAmountsAreRefusedOrNoted(t *testing.T) {
	t.Parallel()
	clienttest.CheckSuspiciousAmounts(t, clients.NoteText, []clienttest.SuspiciousAmount{
		{Name: "an amount in a non-ISO currency is not scaled by a guessed minor unit", Money: func() (money.Money, error) {
			return Plan{ID: "p_btc", Amount: clienttest.Num("2999"), Currency: clienttest.Ptr("BTC"), BillingInterval: clienttest.Ptr("month")}.Money()
		}, WantAmount: "-", WantNote: `currency "BTC", which is not an ISO 4217 currency`},
		{Name: "a fractional number of minor units, which OnePin documents as an integer, is refused", Money: func() (money.Money, error) {
			return Plan{ID: "p_frac", Amount: clienttest.Num("2999.5"), Currency: clienttest.Ptr("USD")}.Money()
		}, WantAmount: "-", WantNote: "not a whole number of minor units"},
		{Name: "a negative OnePin amount is kept, with a note", Money: func() (money.Money, error) {
			return Plan{ID: "p_neg", Amount: clienttest.Num("-500"), Currency: clienttest.Ptr("USD")}.Money()
		}, WantAmount: "-5", WantNote: "is negative"},
		{Name: "a lower-case ISO code is a currency", Money: func() (money.Money, error) {
			return Plan{ID: "p_usd", Amount: clienttest.Num("2999"), Currency: clienttest.Ptr("usd")}.Money()
		}, WantAmount: "29.99", WantNote: ""},
		{Name: "a three-decimal currency is scaled by three places", Money: func() (money.Money, error) {
			return Plan{ID: "p_kwd", Amount: clienttest.Num("2999"), Currency: clienttest.Ptr("KWD")}.Money()
		}, WantAmount: "2.999", WantNote: ""},
	})
}
