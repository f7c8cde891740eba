package datasources

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A number reaches Terraform as the shortest text that reads back as it;
// at numberPrecision that text must be what it is at Terraform's 512 bits.
func TestNumberValueWritesTheTextTerraformWouldRead(t *testing.T) {
	texts := []string{"0", "0.1", "-2.5", "49.99", "1379.9", "1.234", "4.1658333333", "0.0000000001",
		"123456789012345678901234567890", "99999999999999999999.9999999999", "1e-7", "2.5E+3", "1e400", "-0.000123456789123456789"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		texts = append(texts, randomDecimal(rng))
	}
	for _, text := range texts {
		at512, _, err := big.ParseFloat(text, 10, terraformPrecision, big.ToNearestEven)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		got := NumberValue(text).ValueBigFloat()
		if g, w := got.Text('f', -1), at512.Text('f', -1); g != w {
			t.Fatalf("numberValue(%q) writes %s to Terraform, at 512 bits it is %s", text, g, w)
		}
		if atTerraformPrecision(got).Cmp(at512) != 0 {
			t.Fatalf("numberValue(%q) does not compare equal to %q from a configuration", text, text)
		}
	}
}

// randomDecimal is a decimal of up to 30 integer and 12 fraction digits,
// as money amounts and their monthly equivalents are.
func randomDecimal(rng *rand.Rand) string {
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		return b.String()
	}
	text := digits(1 + rng.IntN(30))
	if rng.IntN(4) > 0 {
		text += "." + digits(1+rng.IntN(12))
	}
	if rng.IntN(5) == 0 {
		text = "-" + text
	}
	return text
}

func TestNumberPrecision(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		expect uint
	}{
		{"a short amount takes the floor of 64 bits", "49.99", 64},
		{"30 digits take 102 bits", "123456789012345678901234567890", 102},
		{"an exponent's digits do not count", "1e400", 64},
		{"200 digits are capped at Terraform's 512", strings.Repeat("9", 200), 512},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := numberPrecision(tt.text); got != tt.expect {
				t.Errorf("numberPrecision(%q) = %d, want %d", tt.text, got, tt.expect)
			}
		})
	}
}

// max_monthly_amount comes from the configuration at 512 bits; a plan's
// monthly amount is held at fewer, and must still compare as the same
// decimal.
func TestCatalogMaxMonthlyAmountComparesDecimals(t *testing.T) {
	tests := []struct {
		name, monthly, max string
		expect             bool
	}{
		// 49.99 and 0.1 at 64 bits are a little above themselves at 512.
		{"a plan at exactly the budget is kept", "49.99", "49.99", true},
		{"a plan at exactly a budget of one place is kept", "0.1", "0.1", true},
		{"a plan at exactly a budget of many places is kept", "4.1658333333", "4.1658333333", true},
		{"a plan a hundredth over the budget is left out", "30", "29.99", false},
		{"a plan below the budget is kept", "0.1", "0.2", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limit, _, err := big.ParseFloat(tt.max, 10, terraformPrecision, big.ToNearestEven)
			if err != nil {
				t.Fatal(err)
			}
			f := catalogFilter{Currency: types.StringNull(), maxMonthly: limit}
			plan := catalogPlanModel{ID: types.StringValue("p"), Name: types.StringValue("Pro"), MoneyModel: MoneyModel{MonthlyAmount: NumberValue(tt.monthly)}}
			if got := f.Keep(plan); got != tt.expect {
				t.Errorf("keep(monthly %s, max %s) = %v, want %v", tt.monthly, tt.max, got, tt.expect)
			}
		})
	}
}
