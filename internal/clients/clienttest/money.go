package clienttest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Ptr is a pointer to v, for building a vendor's optional fields.
func Ptr[T any](v T) *T { return &v }

// Num is s as the json.Number a vendor's numeric field decodes to.
func Num(s string) *json.Number { n := json.Number(s); return &n }

// MoneyCase is one plan's money and the text it must read as.
type MoneyCase struct {
	Name  string
	Money func() (money.Money, error)
	Want  MoneyText
}

// CheckMoney asserts that each case's money reads, as its Want.
func CheckMoney(t *testing.T, tests []MoneyCase) {
	t.Helper()
	for _, tt := range tests {
		runMoney(t, tt.Name, tt.Money, "", func(t *testing.T, m money.Money) {
			if got := TextOf(m); got != tt.Want {
				t.Errorf("got %+v, want %+v", got, tt.Want)
			}
		})
	}
}

// runMoney runs check on the money read in a parallel subtest, failing
// it when the money cannot be read, with why appended.
func runMoney(t *testing.T, name string, read func() (money.Money, error), why string, check func(*testing.T, money.Money)) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		t.Parallel()
		m, err := read()
		if err != nil {
			t.Fatalf("err = %v%s", err, why)
		}
		check(t, m)
	})
}

// SuspiciousAmount is one amount that would pass silently into
// price_amount and win min() and every <= budget: it must be refused
// (WantAmount "-", for null) or kept with a note naming the plan, field,
// value and rule, containing WantNote ("" for no note).
type SuspiciousAmount struct {
	Name       string
	Money      func() (money.Money, error)
	WantAmount string
	WantNote   string
}

// CheckSuspiciousAmounts asserts each case's amount and note, and that
// none fails the read. noteText is clients.NoteText, passed in because
// clienttest may not import clients: the clients package's own tests
// import clienttest.
func CheckSuspiciousAmounts(t *testing.T, noteText func(money.Note) string, tests []SuspiciousAmount) {
	t.Helper()
	for _, tt := range tests {
		runMoney(t, tt.Name, tt.Money, ", want no error: a suspicious amount warns, never fails the read", func(t *testing.T, m money.Money) {
			if got := TextOf(m).Amount; got != tt.WantAmount {
				t.Errorf("amount %s, want %s", got, tt.WantAmount)
			}
			notes := NoteTexts(m, noteText)
			switch {
			case tt.WantNote == "" && notes != "":
				t.Errorf("notes %q, want none", notes)
			case tt.WantNote != "" && !strings.Contains(notes, tt.WantNote):
				t.Errorf("notes %q, want one containing %q", notes, tt.WantNote)
			}
		})
	}
}

// NoteTexts is every note of m as noteText (clients.NoteText) says it, one
// a line.
func NoteTexts(m money.Money, noteText func(money.Note) string) string {
	var b strings.Builder
	for _, n := range m.Notes {
		b.WriteString(noteText(n) + "\n")
	}
	return b.String()
}
