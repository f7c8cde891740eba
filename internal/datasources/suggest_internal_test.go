package datasources

import (
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSuggest(t *testing.T) {
	plans := []string{"Free Plan", "Pro Plan", "Enterprise Plan", "Pro Plan"}
	tests := []struct {
		name       string
		want       string
		candidates []string
		expect     []string
	}{
		{"a value in another case suggests it alone", "pro plan", plans, []string{"Pro Plan"}},
		{"a value one edit away suggests it", "Pro Pln", plans, []string{"Pro Plan"}},
		{"case-insensitive edits count as edits of the lower case", "PRO PLN", plans, []string{"Pro Plan"}},
		{"a value far from every candidate suggests nothing", "Platinum Plan", plans, nil},
		{"a short value allows one edit only", "prx", []string{"pro", "pxy", "abc"}, []string{"pro"}},
		{"nearest come first, then in order of text", "plan-b", []string{"plan-bb", "plan-a", "plan-c", "plan-x2"}, []string{"plan-a", "plan-bb", "plan-c"}},
		{"at most three are suggested", "aaaaaa", []string{"aaaaab", "aaaaac", "aaaaad", "aaaaae"}, []string{"aaaaab", "aaaaac", "aaaaad"}},
		{"the exact value is not suggested", "Pro Plan", plans, nil},
		{"no candidates suggest nothing", "Pro", nil, nil},
		{"numbers are compared as text", "120", []string{"102", "121", "900"}, []string{"121"}},
		{"a value longer than 128 characters suggests nothing", strings.Repeat("a", 129), []string{strings.Repeat("a", 130)}, nil},
		{"a value of 128 characters still gets suggestions", strings.Repeat("a", 128), []string{strings.Repeat("a", 129)}, []string{strings.Repeat("a", 129)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := suggest(tt.want, tt.candidates); !slices.Equal(got, tt.expect) && (len(got) > 0 || len(tt.expect) > 0) {
				t.Errorf("suggest(%q) = %q, want %q", tt.want, got, tt.expect)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	long := strings.Repeat("x", 200)
	tests := []struct {
		name        string
		suggestions []string
		quote       bool
		expect      string
	}{
		{"none says nothing", nil, true, ""},
		{"one is quoted", []string{"Pro Plan"}, true, `; did you mean "Pro Plan"?`},
		{"two are joined with or", []string{"a", "b"}, true, `; did you mean "a" or "b"?`},
		{"three are listed", []string{"a", "b", "c"}, true, `; did you mean "a", "b" or "c"?`},
		{"numbers are not quoted", []string{"121"}, false, `; did you mean 121?`},
		{"a long vendor value is cut", []string{long}, true, `; did you mean "` + strings.Repeat("x", maxShownRunes) + `…"?`},
		{"quotes inside a value are escaped", []string{`a"b`}, true, `; did you mean "a\"b"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := didYouMean(tt.suggestions, tt.quote); got != tt.expect {
				t.Errorf("didYouMean = %q, want %q", got, tt.expect)
			}
		})
	}
}

func TestWarnCaseOnlyMisses(t *testing.T) {
	type item struct{ Currency *string }
	ptr := func(s string) *string { return &s }
	items := []item{{ptr("USD")}, {ptr("EUR")}, {nil}}
	field := func(i item) *string { return i.Currency }
	tests := []struct {
		name   string
		value  types.String
		expect string // "" for no warning
	}{
		{"a value that matches only by case warns", types.StringValue("usd"), `No OnePin plans have currency "usd", which keeps none of them; "USD" differs only by case.`},
		{"a value some item has exactly does not warn", types.StringValue("EUR"), ""},
		{"a value no item has in any case does not warn", types.StringValue("GBP"), ""},
		{"an unset filter does not warn", types.StringNull(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.Diagnostics
			WarnCaseOnlyMisses(&diags, "OnePin plans", items, []ExactFilter[item]{ExactOn("currency", tt.value, field)})
			if tt.expect == "" {
				if len(diags) != 0 {
					t.Fatalf("want no diagnostic, got %v", diags)
				}
				return
			}
			if len(diags) != 1 || diags.WarningsCount() != 1 || !strings.Contains(diags[0].Detail(), tt.expect) {
				t.Fatalf("want one warning containing %q, got %v", tt.expect, diags)
			}
		})
	}
}

func TestKeepsAll(t *testing.T) {
	type item struct{ tier, Currency *string }
	ptr := func(s string) *string { return &s }
	filters := func(tier, currency types.String) []ExactFilter[item] {
		return []ExactFilter[item]{
			ExactOn("tier", tier, func(i item) *string { return i.tier }),
			ExactOn("currency", currency, func(i item) *string { return i.Currency }),
		}
	}
	paidUSD := item{ptr("paid"), ptr("USD")}
	tests := []struct {
		name    string
		item    item
		filters []ExactFilter[item]
		expect  bool
	}{
		{"no filters keep the item", paidUSD, filters(types.StringNull(), types.StringNull()), true},
		{"every filter matching keeps it", paidUSD, filters(types.StringValue("paid"), types.StringValue("USD")), true},
		{"one filter failing drops it", paidUSD, filters(types.StringValue("paid"), types.StringValue("EUR")), false},
		{"a case difference drops it", paidUSD, filters(types.StringValue("Paid"), types.StringNull()), false},
		{"a missing field drops it when filtered", item{nil, ptr("USD")}, filters(types.StringValue("paid"), types.StringNull()), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KeepsAll(tt.item, tt.filters); got != tt.expect {
				t.Errorf("keepsAll = %v, want %v", got, tt.expect)
			}
		})
	}
}
