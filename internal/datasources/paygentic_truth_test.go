package datasources_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

// numberOrNull is an exact number check, or null for "".
func numberOrNull(text string) knownvalue.Check {
	if text == "" {
		return knownvalue.Null()
	}
	return knownvalue.NumberExact(acctest.Number(text))
}

// paygenticFixedCharge is what price_amount must be for a fixture plan with
// no plan-level price, computed from the fixture: unitPrice × quantity over
// the standard in_advance prices; "" when it has none.
func paygenticFixedCharge(p paygenticsandbox.Plan) string {
	sum, found := decimal.Zero, false
	for _, pr := range p.Prices {
		if pr.Model != "standard" || pr.PaymentTerm != "in_advance" {
			continue
		}
		unit := decimal.RequireFromString(pr.Properties["unitPrice"].(string)) //nolint:forcetypeassert // the fixture's own shape
		sum, found = sum.Add(unit.Mul(decimal.NewFromInt(max(pr.Quantity, 1)))), true
	}
	if !found {
		return ""
	}
	return sum.String()
}

// property is a fixture price's amount by name ("" when absent).
func property(props map[string]any, path ...string) string {
	var v any = props
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	s, _ := v.(string)
	return s
}

// checkPaygenticPriceMoney checks a price's amounts against the fixture.
func checkPaygenticPriceMoney(name, at string, pr paygenticsandbox.Price) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, at+"unit_price", numberOrNull(property(pr.Properties, "unitPrice"))),
		acctest.Attr(name, at+"min_price", numberOrNull(property(pr.Properties, "minPrice"))),
		acctest.Attr(name, at+"max_price", numberOrNull(property(pr.Properties, "maxPrice"))),
		acctest.Attr(name, at+"default_price", numberOrNull(property(pr.Properties, "default"))),
		acctest.Attr(name, at+"percentage", numberOrNull(property(pr.Properties, "percentage"))),
		acctest.Attr(name, at+"min_charge", numberOrNull(property(pr.Properties, "minCharge"))),
		acctest.Attr(name, at+"max_charge", numberOrNull(property(pr.Properties, "maxCharge"))),
		checkStringOrNull(name, at+"fee_id", pr.FeeID),
	}
	if pr.Quantity == 0 {
		checks = append(checks, acctest.Attr(name, at+"quantity", knownvalue.Null()))
	} else {
		checks = append(checks, acctest.Attr(name, at+"quantity", knownvalue.Int64Exact(pr.Quantity)))
	}
	if _, ok := pr.Properties["parameters"]; !ok {
		return append(checks, acctest.Attr(name, at+"volume", knownvalue.Null()))
	}
	return append(checks,
		acctest.Attr(name, at+"volume.function", knownvalue.StringExact(property(pr.Properties, "parameters", "function"))),
		acctest.Attr(name, at+"volume.gradient", numberOrNull(property(pr.Properties, "parameters", "gradient"))),
		acctest.Attr(name, at+"volume.min", numberOrNull(property(pr.Properties, "parameters", "min"))),
		acctest.Attr(name, at+"volume.max", numberOrNull(property(pr.Properties, "parameters", "max"))),
	)
}

// checkPaygenticPlanTerms checks bills_in_advance, bills_in_arrears and
// credit_allocations against the fixture.
func checkPaygenticPlanTerms(name, prefix string, p paygenticsandbox.Plan) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	if p.PaymentTerm == nil {
		checks = append(checks, acctest.Attr(name, prefix+"bills_in_advance", knownvalue.Null()), acctest.Attr(name, prefix+"bills_in_arrears", knownvalue.Null()))
	} else {
		checks = append(checks, acctest.Attr(name, prefix+"bills_in_advance", knownvalue.Bool(p.PaymentTerm.InAdvance)),
			acctest.Attr(name, prefix+"bills_in_arrears", knownvalue.Bool(p.PaymentTerm.InArrears)))
	}
	if p.CreditAllocations == nil {
		return append(checks, acctest.Attr(name, prefix+"credit_allocations", knownvalue.Null()))
	}
	for i, a := range p.CreditAllocations {
		at := fmt.Sprintf("%scredit_allocations.%d.", prefix, i)
		checks = append(checks, acctest.Attr(name, at+"pricing_unit_id", knownvalue.StringExact(a.PricingUnitID)),
			acctest.Attr(name, at+"amount", knownvalue.NumberExact(acctest.Number(fmt.Sprint(a.Amount)))),
			checkStringOrNull(name, at+"recurrence_period", a.RecurrencePeriod))
	}
	return checks
}

// TestAccPaygenticPlansArePricedFromTheirPrices reads plans shaped as
// Paygentic's current API sends them: no plan-level price, money in
// prices[].properties, prices by id in the lookup.
func TestAccPaygenticPlansArePricedFromTheirPrices(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	all := paygenticsandbox.Plans(sb.Server)
	fixed, ids := all[4], all[12]
	if fixed.ID != paygenticsandbox.FixedPlanID || fixed.Price != "" || ids.ID != paygenticsandbox.PriceIDsPlanID {
		t.Fatal("plan 4 must be the fixed-charge plan without a plan-level price, plan 12 the one read with price ids")
	}
	const list, one, byIDs = "data.pricing_paygentic_plans.all", "data.pricing_paygentic_plan.fixed", "data.pricing_paygentic_plan.ids"
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_paygentic_plans" "all" {}
data "pricing_paygentic_plan" "fixed" { id = %q }
data "pricing_paygentic_plan" "ids" { id = %q }`, fixed.ID, ids.ID),
			ConfigStateChecks: slices.Concat(
				checkPaygenticPlan(one, "", fixed),
				checkPaygenticPlan(list, "plans.4.", fixed),
				checkPaygenticPlan(list, "plans.12.", ids),
				acctest.Money(one, "", "99", "P1M", "99", false),
				acctest.Money(list, "plans.4.", "99", "P1M", "99", false),
				[]statecheck.StateCheck{
					acctest.Attr(one, "price", knownvalue.Null()),
					acctest.Attr(one, "prices.0.payment_term", knownvalue.StringExact("in_advance")),
					acctest.Attr(one, "prices.0.unit_price", knownvalue.NumberExact(acctest.Number("99"))),
					acctest.Attr(one, "prices.0.quantity", knownvalue.Int64Exact(1)),
					acctest.Attr(one, "prices.1.payment_term", knownvalue.StringExact("in_arrears")),
					acctest.Attr(one, "bills_in_advance", knownvalue.Bool(true)),
					acctest.Attr(byIDs, "prices", knownvalue.ListSizeExact(len(ids.Prices))),
					acctest.Attr(byIDs, "prices.0.id", knownvalue.StringExact(ids.Prices[0].ID)),
					acctest.Attr(byIDs, "prices.0.model", knownvalue.Null()),
					acctest.Attr(byIDs, "prices.0.unit_price", knownvalue.Null()),
					// Its prices are only ids: no fixed charge can be summed, never a guess.
					acctest.Attr(byIDs, "price_amount", knownvalue.Null()),
					acctest.Attr(list, "plans.12.price_amount", knownvalue.NumberExact(acctest.Number(paygenticFixedCharge(ids)))),
				},
			),
		}},
	})
}

// TestAccCatalogComparesPaygenticPlansPricedFromTheirPrices: a plan with no
// plan-level price is in the catalogue at its fixed charge, so it compares
// with the other vendors' plans.
func TestAccCatalogComparesPaygenticPlansPricedFromTheirPrices(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_catalog" "cheap" {
  vendors            = ["paygentic", "onepin"]
  currency           = "USD"
  max_monthly_amount = 99
}
output "fixed_plan" {
  value = one([for p in data.pricing_catalog.cheap.plans : p.monthly_amount if p.id == %q])
}`, paygenticsandbox.FixedPlanID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("fixed_plan", knownvalue.NumberExact(acctest.Number("99"))),
			},
		}},
	})
}
