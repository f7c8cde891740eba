package probely

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Probely's suspicious amounts (see clienttest.SuspiciousAmount) are refused or noted.
func TestSuspiciousAmountsAreRefusedOrNoted(t *testing.T) {
	t.Parallel()
	clienttest.CheckSuspiciousAmounts(t, clients.NoteText, []clienttest.SuspiciousAmount{
		{Name: "a currency that is a name, not a code, is not scaled either", Money: func() (money.Money, error) {
			return Plan{ID: "p_leu", Price: clienttest.Num("4900"), CurrencyCode: clienttest.Ptr("Moldovan Leu")}.Money(PriceUnitMinor)
		}, WantAmount: "-", WantNote: `currency_code "Moldovan Leu", which is not an ISO 4217 currency`},
		{Name: "a fractional number of Probely cents is refused", Money: func() (money.Money, error) {
			return Plan{ID: "p_frac", Price: clienttest.Num("49.5"), CurrencyCode: clienttest.Ptr("EUR")}.Money(PriceUnitMinor)
		}, WantAmount: "-", WantNote: "not a whole number of minor units"},
		{Name: "a negative Probely price is kept, with a note", Money: func() (money.Money, error) {
			return Plan{ID: "p_neg", Price: clienttest.Num("-100"), CurrencyCode: clienttest.Ptr("EUR")}.Money(PriceUnitMinor)
		}, WantAmount: "-1", WantNote: "is negative"},
		{Name: "a zero price needs no currency to be zero", Money: func() (money.Money, error) {
			return Plan{ID: "default", Price: clienttest.Num("0"), CurrencyCode: clienttest.Ptr("")}.Money(PriceUnitMinor)
		}, WantAmount: "0", WantNote: ""},
	})
}
