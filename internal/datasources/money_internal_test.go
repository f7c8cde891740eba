package datasources

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

func TestMoneyConverterWarnsOncePerUnknownPeriodAndFailsOnAnUnreadableAmount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		plans        []money.Money
		errs         []error
		wantWarnings []string // substrings, in order
		wantError    string   // "" for none
	}{
		{name: "known periods say nothing"},
		{
			name:         "one plan with an unknown period is one warning naming the value",
			plans:        []money.Money{{UnknownPeriod: `billing_interval "fortnightly"`}},
			wantWarnings: []string{`1 OnePin plan has billing_interval "fortnightly", which is not a billing period the provider knows: its billing_period`},
		},
		{
			name: "many plans with the same unknown period are one warning with their count, values in a stable order",
			plans: []money.Money{
				{UnknownPeriod: `billing_interval "fortnightly"`}, {UnknownPeriod: `billing_interval "daily"`},
				{UnknownPeriod: `billing_interval "fortnightly"`}, {},
			},
			wantWarnings: []string{`1 OnePin plan has billing_interval "daily"`, `2 OnePin plans have billing_interval "fortnightly", which is not a billing period the provider knows: their`},
		},
		{
			name:      "an unreadable amount fails the read, never a plan without its price",
			errs:      []error{errors.New("onepin: plan p1: amount: too many digits"), errors.New("onepin: plan p2: amount: too many digits")},
			wantError: "2 plans have a price the provider cannot read exactly; the first: onepin: plan p1: amount: too many digits",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := NewMoneyConverter("OnePin")
			for _, m := range tt.plans {
				mm := r.Convert(m, nil)
				if m.UnknownPeriod != "" && !mm.BillingPeriod.IsNull() {
					t.Errorf("an unknown period read as %s", mm.BillingPeriod)
				}
			}
			for _, err := range tt.errs {
				if mm := r.Convert(money.Money{}, err); !mm.PriceAmount.IsNull() {
					t.Errorf("an unreadable amount read as %s", mm.PriceAmount)
				}
			}
			var diags diag.Diagnostics
			r.AppendTo(&diags)
			warnings := diags.Warnings()
			if len(warnings) != len(tt.wantWarnings) {
				t.Fatalf("got %d warnings, want %d: %v", len(warnings), len(tt.wantWarnings), warnings)
			}
			for i, w := range tt.wantWarnings {
				if !strings.Contains(warnings[i].Detail(), w) {
					t.Errorf("warning %d = %q, want it to hold %q", i, warnings[i].Detail(), w)
				}
			}
			switch errs := diags.Errors(); {
			case tt.wantError == "" && len(errs) > 0:
				t.Errorf("unexpected error %v", errs)
			case tt.wantError != "" && (len(errs) != 1 || !strings.Contains(errs[0].Detail(), tt.wantError)):
				t.Errorf("errors %v, want one holding %q", errs, tt.wantError)
			}
		})
	}
}

func TestMoneyFromMapsEveryFieldAndLeavesUnknownsNull(t *testing.T) {
	t.Parallel()
	p, _ := money.ParseISOPeriod("P1Y")
	amount := mustDecimal(t, "120")
	m := moneyFrom(money.Money{Amount: &amount, Period: &p})
	if got := m.PriceAmount.ValueBigFloat().Text('f', -1); got != "120" {
		t.Errorf("price_amount %s", got)
	}
	if m.BillingPeriod.ValueString() != "P1Y" || m.MonthlyAmount.ValueBigFloat().Text('f', -1) != "10" || m.PriceOnRequest.ValueBool() {
		t.Errorf("billing_period %s, monthly_amount %s, price_on_request %s", m.BillingPeriod, m.MonthlyAmount, m.PriceOnRequest)
	}
	empty := moneyFrom(money.Money{OnRequest: true})
	if !empty.PriceAmount.IsNull() || !empty.BillingPeriod.IsNull() || !empty.MonthlyAmount.IsNull() || !empty.PriceOnRequest.ValueBool() {
		t.Errorf("a price on request: %+v", empty)
	}
}

func mustDecimal(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestMoneyConverterWarnsOfEachSuspiciousAmountNamingVendorPlanFieldValueAndRule(t *testing.T) {
	t.Parallel()
	note := func(plan string) money.Note {
		return money.Note{Plan: plan, Field: "amount", Value: "2999", Rule: `is in currency "BTC", which is not an ISO 4217 currency`}
	}
	t.Run("one note is one warning", func(t *testing.T) {
		t.Parallel()
		r := NewMoneyConverter("OnePin")
		r.Convert(money.Money{Notes: []money.Note{note("pro_btc")}}, nil)
		var diags diag.Diagnostics
		r.AppendTo(&diags)
		if diags.WarningsCount() != 1 || diags[0].Summary() != "Suspicious OnePin price" ||
			diags[0].Detail() != `OnePin plan "pro_btc": amount "2999" is in currency "BTC", which is not an ISO 4217 currency.` {
			t.Fatalf("diagnostics %v, want one warning naming vendor, plan, field, value and rule", diags)
		}
	})
	t.Run("a thousand notes are a few warnings and a count", func(t *testing.T) {
		t.Parallel()
		r := NewMoneyConverter("OnePin")
		for i := range 1000 {
			r.Convert(money.Money{Notes: []money.Note{note(fmt.Sprintf("p%d", i))}}, nil)
		}
		var diags diag.Diagnostics
		r.AppendTo(&diags)
		if diags.WarningsCount() != maxMoneyNotes+1 || !strings.Contains(diags[maxMoneyNotes].Detail(), "995 more OnePin plans") {
			t.Fatalf("%d warnings, the last %q; want %d and a count of the rest", diags.WarningsCount(), diags[len(diags)-1].Detail(), maxMoneyNotes+1)
		}
	})
	t.Run("a long hostile value is cut", func(t *testing.T) {
		t.Parallel()
		r := NewMoneyConverter("OnePin")
		r.Convert(money.Money{Notes: []money.Note{{Plan: strings.Repeat("p", 10000), Field: "amount", Value: strings.Repeat("9", 10000), Rule: "is negative"}}}, nil)
		var diags diag.Diagnostics
		r.AppendTo(&diags)
		if len(diags[0].Detail()) > 400 {
			t.Fatalf("warning of %d bytes, want vendor text cut", len(diags[0].Detail()))
		}
	})
}
