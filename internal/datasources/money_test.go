package datasources_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
)

// A budget written as `price_amount <= 50` must work as written: a number,
// with no tonumber(), and stop the run when the price is over it.
func TestAccPriceAmountComparesAsANumberInAPostcondition(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	config := func(budget string) string {
		return sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_paygentic_plan" "basic" {
  id = %q
  lifecycle {
    postcondition {
      condition     = self.price_amount <= %s && self.monthly_amount <= %s
      error_message = "Basic costs ${self.price_amount} ${self.currency}, over the budget of %s."
    }
  }
}`, paygenticsandbox.BasicPlanID, budget, budget, budget)
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: config("50")},
			{Config: config("49.98"), ExpectError: acctest.ErrorMatching(`Basic costs 49.99 USD, over the budget of 49.98\.`)},
		},
	})
}

func TestAccProbelyPriceAmountFollowsTheConfiguredUnit(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	config := func(unit string) string {
		block := fmt.Sprintf("api_key = %q\n    base_url = %q", probelysandbox.Key, sb.BaseURL(probelysandbox.Name))
		if unit != "" {
			block += fmt.Sprintf("\n    price_unit = %q", unit)
		}
		return sb.ProviderConfigWith(map[string]string{probelysandbox.Name: block}) + `
data "pricing_probely_plan" "usd" {
  id = "basic-monthly-usd"
}
data "pricing_probely_plan" "eur" {
  id = "basic-monthly-eur"
}`
	}
	const usd, eur = "data.pricing_probely_plan.usd", "data.pricing_probely_plan.eur"
	acctest.Test(t, resource.TestCase{
		// The refused value comes first: the last step's configuration is
		// the one destroyed at the end.
		Steps: []resource.TestStep{
			{
				Config:      config("cents"),
				ExpectError: acctest.ErrorMatching(`probely\.price_unit.*value must be one of: \["major" "minor"\], got: "cents"`),
			},
			// Unset is cents, as Probely's OpenAPI 1.2.0 documents price.
			{Config: config(""), ConfigStateChecks: slices.Concat(
				acctest.Money(usd, "", "49", "P1M", "49", false),
				acctest.Money(eur, "", "45.08", "P1M", "45.08", false),
			)},
			{Config: config("minor"), ConfigStateChecks: slices.Concat(
				acctest.Money(usd, "", "49", "P1M", "49", false),
				acctest.Money(eur, "", "45.08", "P1M", "45.08", false),
			)},
			{Config: config("major"), ConfigStateChecks: slices.Concat(
				acctest.Money(usd, "", "4900", "P1M", "4900", false),
				acctest.Money(eur, "", "4508", "P1M", "4508", false),
			)},
		},
	})
}
