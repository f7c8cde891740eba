package streamskill

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// StreamSkill's suspicious amounts (see clienttest.SuspiciousAmount) are refused or noted.
func TestSuspiciousAmountsAreRefusedOrNoted(t *testing.T) {
	t.Parallel()
	clienttest.CheckSuspiciousAmounts(t, clients.NoteText, []clienttest.SuspiciousAmount{
		{Name: "a negative StreamSkill price is kept, with a note", Money: func() (money.Money, error) {
			return Tariff{ID: 7, Price: "-3"}.Money()
		}, WantAmount: "-3", WantNote: "is negative"},
	})
}
