package datasources

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// MoneyConverter turns the money of a read's plans into Terraform values.
// It gathers the billing periods it did not know, so a listing of
// thousands of plans warns once per value, not once per plan, and the
// amounts it could not convert.
type MoneyConverter struct {
	Vendor  string
	unknown map[string]int // what the vendor said -> plans that said it
	errs    []error
	notes   []money.Note
}

// NewMoneyConverter converts the money of one read of vendor's plans.
func NewMoneyConverter(vendor string) *MoneyConverter {
	return &MoneyConverter{Vendor: vendor, unknown: map[string]int{}}
}

// Convert is one plan's money as Terraform values; it takes a plan's Money
// method's results as they come.
func (r *MoneyConverter) Convert(m money.Money, err error) MoneyModel {
	if err != nil {
		r.errs = append(r.errs, err)
		return moneyFrom(money.Money{})
	}
	if m.UnknownPeriod != "" {
		r.unknown[m.UnknownPeriod]++
	}
	r.notes = append(r.notes, m.Notes...)
	return moneyFrom(m)
}

// AppendTo adds an error for the amounts that could not be read (a wrong
// amount must never reach a plan) and one warning per unknown period, in a
// stable order.
func (r *MoneyConverter) AppendTo(diags *diag.Diagnostics) {
	if len(r.errs) > 0 {
		diags.AddError(fmt.Sprintf("Unreadable %s price", r.Vendor), fmt.Sprintf("%d plans have a price the provider cannot read exactly; the first: %s",
			len(r.errs), r.errs[0]))
	}
	for _, said := range slices.Sorted(maps.Keys(r.unknown)) {
		subject, their := fmt.Sprintf("%d %s plans have", r.unknown[said], r.Vendor), "their"
		if r.unknown[said] == 1 {
			subject, their = fmt.Sprintf("1 %s plan has", r.Vendor), "its"
		}
		diags.AddWarning(fmt.Sprintf("Unknown %s billing period", r.Vendor), fmt.Sprintf(
			"%s %s, which is not a billing period the provider knows: %s billing_period and monthly_amount are null, not a guess. "+
				"Please report the value if %s documents it.", subject, said, their, r.Vendor))
	}
	r.appendNotes(diags)
}

// maxMoneyNotes is how many suspicious amounts are warned about one by
// one; the rest are counted in one more warning, so a hostile listing of
// thousands cannot flood the terminal.
const maxMoneyNotes = 5

// appendNotes adds one warning per suspicious amount (vendor, plan id,
// field, value and rule), the first maxMoneyNotes of them, then a count.
func (r *MoneyConverter) appendNotes(diags *diag.Diagnostics) {
	for i, n := range r.notes {
		if i == maxMoneyNotes {
			diags.AddWarning(fmt.Sprintf("Suspicious %s prices", r.Vendor), fmt.Sprintf(
				"%d more %s plans have an amount like those above; each was kept with a warning or left out of price_amount in the same way.",
				len(r.notes)-maxMoneyNotes, r.Vendor))
			return
		}
		diags.AddWarning(fmt.Sprintf("Suspicious %s price", r.Vendor), fmt.Sprintf("%s %s.", r.Vendor, clients.NoteText(n)))
	}
}
