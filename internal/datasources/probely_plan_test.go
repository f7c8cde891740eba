package datasources_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
)

// probelyPlanByID is the fixture plan with id, failing the test when the
// fixture has none.
func probelyPlanByID(t *testing.T, sb *acctest.Sandbox, id string) probelysandbox.Plan {
	t.Helper()
	for _, p := range probelysandbox.Plans(sb.Server) {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("the Probely fixture has no plan %q", id)
	return probelysandbox.Plan{}
}

// firstProbelyPlan is the first fixture plan that has what the test needs.
func firstProbelyPlan(t *testing.T, sb *acctest.Sandbox, what string, has func(probelysandbox.Plan) bool) probelysandbox.Plan {
	t.Helper()
	for _, p := range probelysandbox.Plans(sb.Server) {
		if has(p) {
			return p
		}
	}
	t.Fatalf("the Probely fixture has no plan with %s", what)
	return probelysandbox.Plan{}
}

func TestAccProbelyPlanLooksUpByID(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	example := probelyPlanByID(t, sb, probelysandbox.ExamplePlanID)
	if example.Price != nil || example.Tiers != nil {
		t.Fatalf("the vendor's example plan must have no price and no tiers key: %+v", example)
	}
	builtin := firstProbelyPlan(t, sb, "allowed_builtin_scan_profiles and credits packs", func(p probelysandbox.Plan) bool {
		return p.AllowedBuiltinScanProfiles != nil && len(p.AllowedCreditsPacks) > 1
	})
	tiered := firstProbelyPlan(t, sb, "tiers", func(p probelysandbox.Plan) bool {
		return len(p.Tiers) > 0 && string(p.Tiers) != "null"
	})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_probely_plans" "all" {}
data "pricing_probely_plan" "example" {
  id = %q
}
data "pricing_probely_plan" "builtin" {
  id = %q
}
data "pricing_probely_plan" "tiered" {
  id = %q
}

output "tiered_first_up_to" {
  value = jsondecode(data.pricing_probely_plan.tiered.tiers_json).tiers[0].up_to
}`, example.ID, builtin.ID, tiered.ID),
			ConfigStateChecks: slices.Concat(
				checkProbelyPlan("data.pricing_probely_plan.example", "", example),
				checkProbelyPlan("data.pricing_probely_plan.builtin", "", builtin),
				checkProbelyPlan("data.pricing_probely_plan.tiered", "", tiered),
				[]statecheck.StateCheck{
					acctest.Attr("data.pricing_probely_plan.example", "is_trial", knownvalue.Bool(true)),
					acctest.Attr("data.pricing_probely_plan.example", "price", knownvalue.Null()),
					acctest.Attr("data.pricing_probely_plan.example", "tiers_json", knownvalue.Null()),
				},
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckOutput("tiered_first_up_to", firstTierUpTo(t, tiered)),

				checkOneProbelyListingPerCommand(sb),
			),
		}},
	})
}

// firstTierUpTo is the fixture's tiers[0].up_to as Terraform prints a number.
func firstTierUpTo(t *testing.T, p probelysandbox.Plan) string {
	t.Helper()
	m := regexp.MustCompile(`^\{"tiers":\[\{"up_to":(\d+),`).FindSubmatch(p.Tiers)
	if m == nil {
		t.Fatalf("plan %s: tiers %s do not start with a numeric up_to", p.ID, p.Tiers)
	}
	return string(m[1])
}

func TestAccProbelyPlanFailsOnAnUnknownID(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	tests := []acctest.ConfigError{
		{"an id far from every plan's, suggesting none", `id = "no-such-plan"`,
			fmt.Sprintf(`(?s)No Probely plan found.*No\s+Probely\s+plan\s+has\s+id\s+"no-such-plan"\s+\(searched\s+%d\s+plans\)`, len(probelysandbox.Plans(sb.Server)))},
		{"an id in another case, suggesting the plan's", `id = "enterprise-base-EUR"`,
			`(?s)No\s+Probely\s+plan\s+has\s+id\s+"enterprise-base-EUR";\s+did\s+you\s+mean\s+"` + probelysandbox.ExamplePlanID + `"\?`},
	}
	acctest.TestConfigErrors(t, sb, "pricing_probely_plan", tests)
}

func TestAccProbelyPlanFailsLoudly(t *testing.T) {
	t.Parallel()
	plan := func(body string) string { return "data \"pricing_probely_plan\" \"one\" {\n  " + body + "\n}" }
	acctest.TestFailures(t, probelysandbox.Name, plan(`id = "x"`), []acctest.Failure{
		{Name: "without an id", Config: plan(``), Want: `(?s)Missing required argument.*The argument "id" is required`},
		{Name: "with an empty id", Config: plan(`id = ""`), Want: `(?s)Attribute id string length must be at least 1, got: 0`},
		{Name: "without a key", Block: `base_url = "%s"`, Want: `(?s)Missing Probely API key.*probely.api_key.*PROBELY_API_KEY`},
		{Name: "with a key the vendor rejects", Block: `api_key = "wrong-key", base_url = "%s"`,
			Want: `(?s)Probely rejected the API key.*HTTP 401.*Incorrect\s+authentication\s+credentials\..*PROBELY_API_KEY`},
	})
}
