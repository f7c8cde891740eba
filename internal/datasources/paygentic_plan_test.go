package datasources_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

func TestAccPaygenticPlanReadsTheReferencePlans(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	all := paygenticsandbox.Plans(sb.Server)
	basic, business := all[0], all[1]
	if basic.ID != paygenticsandbox.BasicPlanID || business.ID != paygenticsandbox.BusinessPlanID {
		t.Fatal("the fixture must start with the two reference plans")
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_paygentic_plan" "basic" {
  id = %q
}
data "pricing_paygentic_plan" "business" {
  id = %q
}
data "pricing_paygentic_plan" "usage_only" {
  id = %q
}`, basic.ID, business.ID, all[3].ID),
			ConfigStateChecks: slices.Concat(
				checkPaygenticPlan("data.pricing_paygentic_plan.basic", "", basic),
				checkPaygenticPlan("data.pricing_paygentic_plan.business", "", business),
				checkPaygenticPlan("data.pricing_paygentic_plan.usage_only", "", all[3]),
				[]statecheck.StateCheck{
					acctest.Attr("data.pricing_paygentic_plan.basic", "name", knownvalue.StringExact("Basic Tier")),
					acctest.Attr("data.pricing_paygentic_plan.basic", "price", knownvalue.StringExact("49990000000")),

					acctest.Attr("data.pricing_paygentic_plan.basic", "default_tax_rate", knownvalue.NumberExact(acctest.Number("8.5"))),
					acctest.Attr("data.pricing_paygentic_plan.basic", "billing_interval", knownvalue.StringExact("monthly")),
					acctest.Attr("data.pricing_paygentic_plan.business", "name", knownvalue.StringExact("Business Package")),
					acctest.Attr("data.pricing_paygentic_plan.business", "price", knownvalue.StringExact("199000000000")),

					acctest.Attr("data.pricing_paygentic_plan.usage_only", "price", knownvalue.Null()),
				},
				acctest.Money("data.pricing_paygentic_plan.basic", "", "49.99", "P1M", "49.99", false),
				acctest.Money("data.pricing_paygentic_plan.business", "", "199", "P1M", "199", false),
				acctest.Money("data.pricing_paygentic_plan.usage_only", "", "", "P1M", "", false),
			),
		}},
	})
}

func TestAccPaygenticPlanFailsLoudly(t *testing.T) {
	t.Parallel()
	plan := func(id string) string {
		return fmt.Sprintf("data \"pricing_paygentic_plan\" \"one\" {\n  id = %q\n}", id)
	}
	acctest.TestFailures(t, paygenticsandbox.Name, plan(paygenticsandbox.BasicPlanID), []acctest.Failure{
		{
			Name:   "on an unknown id, with Paygentic's 404 message",
			Config: plan("plan_doesnotexist"),
			Want:   `(?s)Paygentic plan not found.*No Paygentic plan has id "plan_doesnotexist"\..*paygentic: get plan: HTTP\s+404\s+Not\s+Found:\s+Plan\s+not\s+found:\s+plan_doesnotexist\s+\(code\s+not_found\)`,
		},
		{
			Name:  "with a key the vendor rejects",
			Block: `api_key = "wrong-key", base_url = "%s"`,
			Want:  `(?s)Paygentic rejected the API key.*paygentic: get plan: HTTP 401 Unauthorized: Invalid API key.*paygentic.api_key.*PAYGENTIC_API_KEY`,
		},
		{
			Name:  "without a key",
			Block: `base_url = "%s"`,
			Want:  `(?s)Missing Paygentic API key.*paygentic.api_key.*PAYGENTIC_API_KEY`,
		},
		{
			Name:   "on an id that is not a plan id, at plan time",
			Config: plan("nope"),
			Want:   `(?s)Attribute id must match \^plan_ \(a Paygentic plan id\), got:\s+nope`,
		},
	})
}
