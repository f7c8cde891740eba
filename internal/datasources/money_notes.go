package datasources

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// maxMoneyNotes is how many suspicious amounts are warned about one by
// one; the rest are counted in one more warning, so a hostile listing of
// thousands cannot flood the terminal.
const maxMoneyNotes = 5

// appendNotes adds one warning per suspicious amount (vendor, plan id,
// field, value and rule), the first maxMoneyNotes of them, then a count.
func (r *moneyReader) appendNotes(diags *diag.Diagnostics) {
	for i, n := range r.notes {
		if i == maxMoneyNotes {
			diags.AddWarning(fmt.Sprintf("Suspicious %s prices", r.vendor), fmt.Sprintf(
				"%d more %s plans have an amount like those above; each was kept with a warning or left out of price_amount in the same way.",
				len(r.notes)-maxMoneyNotes, r.vendor))
			return
		}
		diags.AddWarning(fmt.Sprintf("Suspicious %s price", r.vendor), fmt.Sprintf("%s %s.", r.vendor, n))
	}
}
