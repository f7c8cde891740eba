package paygentic

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// These plans are shaped as Paygentic's current OpenAPI describes them (no
// plan-level price, money in prices[].properties as decimal strings in
// the major unit); they are the project's own, not the vendor's examples.

const realPlans = `{"data":[
  {"id":"plan_fixed","object":"plan","billingCadence":"P1M","billingInterval":"monthly","currency":"USD","name":"Team",
   "paymentTerm":{"in_arrears":true,"in_advance":true},
   "creditAllocations":[{"pricingUnitId":"pu_tokens","amount":5000,"recurrencePeriod":"P1M"},{"pricingUnitId":"pu_once","amount":12.5}],
   "billingAnchor":null,"defaultVersionId":"pver_1","stablePriceIds":true,"renewalReminderDays":3,
   "prices":[
     {"id":"price_seat","object":"price","model":"standard","paymentTerm":"in_advance","feeId":"fee_seat","quantity":3,
      "currency":"USD","billingCadence":"P1M","properties":{"unitPrice":"19.90"},"invoiceDisplayName":"Seats"},
     {"id":"price_base","model":"standard","paymentTerm":"in_advance","properties":{"unitPrice":"10"}},
     {"id":"price_tokens","model":"standard","paymentTerm":"in_arrears","billableMetricId":"bm_t","properties":{"unitPrice":"0.00002"}},
     {"id":"price_rebate","model":"standard","paymentTerm":"in_arrears","billableMetricId":"bm_t","properties":{"unitPrice":"-0.000005"}},
     {"id":"price_dyn","model":"dynamic","paymentTerm":"in_arrears","properties":{"minPrice":"0.01","maxPrice":"0.10"}},
     {"id":"price_vol","model":"volume","paymentTerm":"in_arrears","properties":{"default":"0.15",
      "parameters":{"function":"linear","gradient":"-0.0001","min":"0.05","max":"0.15"}}},
     {"id":"price_pct","model":"percentage","paymentTerm":"in_arrears","properties":{"percentage":"0.03","minCharge":"5.00","maxCharge":"500.00"}},
     {"id":"price_raw","model":"standard","paymentTerm":"in_arrears","unitAmount":"2500000"}
   ]},
  {"id":"plan_usage","billingCadence":"P1Y","currency":"USD",
   "prices":[{"id":"price_u","model":"standard","paymentTerm":"in_arrears","properties":{"unitPrice":"0.05"}}]},
  {"id":"plan_noprices","billingCadence":"P3M","currency":"USD"},
  {"id":"plan_empty","billingCadence":"P1M","currency":"Moldovan Leu","prices":[]},
  {"id":"plan_ids","billingInterval":"monthly","currency":"USD","prices":["price_x5y6","price_z7"]}
],"pagination":{"limit":100,"offset":0,"total":5}}`

func readRealPlans(t *testing.T) map[string]Plan {
	t.Helper()
	ts := serveBody(t, http.StatusOK, realPlans)
	list, _, err := newTestClient(t, ts).ListPlans(context.Background(), ListPlansInput{})
	if err != nil {
		t.Fatalf("a listing shaped as the current OpenAPI fails: %v", err)
	}
	byID := map[string]Plan{}
	for _, p := range list.Plans {
		byID[p.ID] = p
	}
	return byID
}

func TestPaygenticPricesGivenAsIDStringsArePricesWithOnlyAnID(t *testing.T) {
	t.Parallel()
	plans := readRealPlans(t)
	p := plans["plan_ids"]
	if len(p.Prices) != 2 || Deref(p.Prices[0].ID) != "price_x5y6" || Deref(p.Prices[1].ID) != "price_z7" {
		t.Fatalf("prices = %+v, want two prices with ids price_x5y6 and price_z7", p.Prices)
	}
	if p.Prices[0].Model != nil || p.Prices[0].Properties != nil || p.Prices[0].Quantity != nil {
		t.Errorf("an id-only price has %+v, want every field but the id nil", p.Prices[0])
	}
	t.Run("the lookup by id reads them too", func(t *testing.T) {
		t.Parallel()
		ts := serveBody(t, http.StatusOK, `{"id":"plan_z","currency":"USD","billingCadence":"P1M","prices":["price_x"]}`)
		got, _, err := newTestClient(t, ts).GetPlan(context.Background(), "plan_z")
		if err != nil || len(got.Prices) != 1 || Deref(got.Prices[0].ID) != "price_x" {
			t.Fatalf("plan %+v, err %v; want one price with id price_x", got, err)
		}
	})
}

func TestPaygenticMalformedPricesStillFailTheRead(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, prices, want string }{
		{"a number where a price id is expected", `[42]`, "prices"},
		{"a boolean where a price is expected", `[true]`, "prices"},
		{"an amount that is not a decimal", `[{"id":"price_a","model":"standard","properties":{"unitPrice":"ten dollars"}}]`, `properties.unitPrice "ten dollars"`},
		{"an amount that is a JSON object", `[{"id":"price_a","model":"standard","properties":{"unitPrice":{"v":1}}}]`, "unitPrice"},
		{"a quantity that is not an integer", `[{"id":"price_a","model":"standard","quantity":"three"}]`, "quantity"},
		{"a plan payment term that is not an object", `[], "paymentTerm":"in_advance"`, "paymentTerm"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the listing, naming the field", func(t *testing.T) {
			t.Parallel()
			ts := serveBody(t, http.StatusOK, `{"data":[{"id":"plan_a","prices":`+tt.prices+`}],"pagination":{"limit":100,"offset":0,"total":1}}`)
			_, _, err := newTestClient(t, ts).ListPlans(context.Background(), ListPlansInput{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a failed read naming %q", err, tt.want)
			}
		})
	}
}

func TestPaygenticPricePropertiesAreReadByModel(t *testing.T) {
	t.Parallel()
	prices := map[string]Price{}
	for _, pr := range readRealPlans(t)["plan_fixed"].Prices {
		prices[Deref(pr.ID)] = pr
	}
	props := func(id string) PriceProperties {
		pr := prices[id]
		if pr.Properties == nil {
			t.Fatalf("price %s has no properties", id)
		}
		return *pr.Properties
	}
	tests := []struct {
		name      string
		got, want string
	}{
		{"a standard price's unitPrice is the per-unit price", Deref(props("price_seat").UnitPrice), "19.90"},
		{"a usage price keeps all its digits", Deref(props("price_tokens").UnitPrice), "0.00002"},
		{"a negative unitPrice (a rebate) is read as sent", Deref(props("price_rebate").UnitPrice), "-0.000005"},
		{"a dynamic price has minPrice", Deref(props("price_dyn").MinPrice), "0.01"},
		{"a dynamic price has maxPrice", Deref(props("price_dyn").MaxPrice), "0.10"},
		{"a volume price has its default", Deref(props("price_vol").Default), "0.15"},
		{"a volume price has its function", Deref(props("price_vol").Parameters.Function), "linear"},
		{"a volume price has its gradient", Deref(props("price_vol").Parameters.Gradient), "-0.0001"},
		{"a volume price has its min", Deref(props("price_vol").Parameters.Min), "0.05"},
		{"a volume price has its max", Deref(props("price_vol").Parameters.Max), "0.15"},
		{"a percentage price has its fraction", Deref(props("price_pct").Percentage), "0.03"},
		{"a percentage price has its minCharge", Deref(props("price_pct").MinCharge), "5.00"},
		{"a percentage price has its maxCharge", Deref(props("price_pct").MaxCharge), "500.00"},
		{"a price has its quantity", prices["price_seat"].Quantity.String(), "3"},
		{"a price has its feeId", Deref(prices["price_seat"].FeeID), "fee_seat"},
		{"a price has its billingCadence", Deref(prices["price_seat"].BillingCadence), "P1M"},
		{"unitAmount stays text as sent", Deref(prices["price_raw"].UnitAmount), "2500000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestPaygenticPlanPaymentTermAndCreditAllocations(t *testing.T) {
	t.Parallel()
	plans := readRealPlans(t)
	p := plans["plan_fixed"]
	if p.PaymentTerm == nil || Deref(boolText(p.PaymentTerm.InAdvance)) != "true" || Deref(boolText(p.PaymentTerm.InArrears)) != "true" {
		t.Errorf("paymentTerm = %+v, want in_advance and in_arrears true", p.PaymentTerm)
	}
	if plans["plan_usage"].PaymentTerm != nil {
		t.Errorf("a plan without paymentTerm has %+v, want nil", plans["plan_usage"].PaymentTerm)
	}
	ca := p.CreditAllocations
	if len(ca) != 2 || Deref(ca[0].PricingUnitID) != "pu_tokens" || ca[0].Amount.String() != "5000" || Deref(ca[0].RecurrencePeriod) != "P1M" ||
		ca[1].Amount.String() != "12.5" || ca[1].RecurrencePeriod != nil {
		t.Errorf("creditAllocations = %+v, want pu_tokens 5000 P1M and pu_once 12.5 once", ca)
	}
}

func boolText(b *bool) *string {
	if b == nil {
		return nil
	}
	s := "false"
	if *b {
		s = "true"
	}
	return &s
}

func TestPaygenticPlanPriceIsItsFixedChargeWhenItHasNoPlanLevelPrice(t *testing.T) {
	t.Parallel()
	plans := readRealPlans(t)
	tests := []struct {
		name, id, amount, monthly string
	}{
		{"the in-advance standard prices times their quantities, usage left out", "plan_fixed", "69.7", "69.7"},
		{"a plan with only usage prices has no price", "plan_usage", "", ""},
		{"a plan without prices has no price", "plan_noprices", "", ""},
		{"a plan with an empty price list has no price", "plan_empty", "", ""},
		{"a plan whose prices are only ids has no price (never a guess)", "plan_ids", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := plans[tt.id].Money()
			if err != nil {
				t.Fatal(err)
			}
			if got := decText(m.Amount); got != tt.amount {
				t.Errorf("amount %q, want %q", got, tt.amount)
			}
			if got := decText(m.Monthly()); got != tt.monthly {
				t.Errorf("monthly %q, want %q", got, tt.monthly)
			}
		})
	}
	t.Run("a plan-level price, when sent, wins", func(t *testing.T) {
		t.Parallel()
		ts := serveBody(t, http.StatusOK, `{"id":"plan_old","currency":"USD","billingCadence":"P1M","price":"49990000000",
		  "prices":[{"id":"price_a","model":"standard","paymentTerm":"in_advance","properties":{"unitPrice":"10"}}]}`)
		p, _, err := newTestClient(t, ts).GetPlan(context.Background(), "plan_old")
		if err != nil {
			t.Fatal(err)
		}
		m, _ := p.Money()
		if decText(m.Amount) != "49.99" {
			t.Errorf("amount %s, want the plan-level 49.99", decText(m.Amount))
		}
	})
	t.Run("a fixed price in another currency than the plan's leaves no price", func(t *testing.T) {
		t.Parallel()
		ts := serveBody(t, http.StatusOK, `{"id":"plan_mixed","currency":"USD","billingCadence":"P1M",
		  "prices":[{"id":"price_a","model":"standard","paymentTerm":"in_advance","currency":"EUR","properties":{"unitPrice":"10"}}]}`)
		p, _, err := newTestClient(t, ts).GetPlan(context.Background(), "plan_mixed")
		if err != nil {
			t.Fatal(err)
		}
		if m, _ := p.Money(); m.Amount != nil {
			t.Errorf("amount %s, want none: EUR cannot be added to a USD plan", decText(m.Amount))
		}
	})
}

// decText is d as text, "" for nil.
func decText(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func TestPaygenticErrorsAsItsCurrentSchemaShapesThem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"a 404 without code", 404, `{"message":"The requested resource was not found","error":"not_found"}`,
			"HTTP 404 Not Found: The requested resource was not found (code not_found)"},
		{"an error with an UPPER_SNAKE code and details as an object", 400, `{"message":"Tax is not enabled","error":"bad_request","code":"TAX_NOT_ENABLED","details":{"merchantId":"org_x"}}`,
			"HTTP 400 Bad Request: Tax is not enabled (code TAX_NOT_ENABLED)"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" reads as the others", func(t *testing.T) {
			t.Parallel()
			_, _, err := newTestClient(t, serveBody(t, tt.status, tt.body)).ListPlans(context.Background(), ListPlansInput{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
