package money

// Note is an amount a plan's price was read with, or refused for,
// because it breaks a rule real prices keep: the provider warns rather
// than let it pass silently into price_amount, where it would win min()
// and every <= budget. Its texts are the vendor's, as sent: whoever shows
// a note quotes and cuts them (clients.NoteText).
type Note struct {
	Plan  string // the plan's id, as sent
	Field string // the vendor's field: "amount", "price", "prices[].unitPrice"
	Value string // the value as sent
	Rule  string // what is wrong and what the provider did
}

// NoteNegative adds a note when the amount read is below zero: kept, since
// no vendor documents a range for it, but it is no real price.
func (m *Money) NoteNegative(plan, field, value string) {
	if m.Amount != nil && m.Amount.IsNegative() {
		m.Notes = append(m.Notes, Note{Plan: plan, Field: field, Value: value,
			Rule: "is negative: price_amount keeps it, but it sorts below every real price in min() and <= comparisons"})
	}
}
