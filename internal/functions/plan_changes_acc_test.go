package functions_test

import (
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

func TestAccPlanChangesFunctionComparesAPinnedListWithTheLiveOne(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	acctest.Test(t, functionTestCase(resource.TestStep{
		Config: sb.ProviderConfig() + `
data "pricing_paygentic_plans" "all" {}

locals {
  live = data.pricing_paygentic_plans.all.plans
  # What "terraform output -json" wrote to prices.json, read back.
  pinned = jsondecode(jsonencode(local.live))
  # The same file from before the first plan existed, with another name on the second.
  older = [for i, p in local.pinned : i == 1 ? merge(p, { name = "Old name" }) : p if i > 0]

  unchanged = provider::pricing::plan_changes(local.pinned, local.live)
  changed   = provider::pricing::plan_changes(local.older, local.live)
}

output "unchanged" {
  value = [length(local.unchanged.added), length(local.unchanged.removed), length(local.unchanged.changed)]
}
output "counts" {
  value = [length(local.changed.added), length(local.changed.removed), length(local.changed.changed)]
}
output "added_id" {
  value = local.changed.added[0].id == local.live[0].id
}
output "change" {
  value = local.changed.changed[0]
}
output "second_name" {
  value = local.live[1].name
}
output "second_id" {
  value = local.live[1].id
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("unchanged", knownvalue.ListExact([]knownvalue.Check{zero(), zero(), zero()})),
			statecheck.ExpectKnownOutputValue("counts", knownvalue.ListExact([]knownvalue.Check{one(), zero(), one()})),
			statecheck.ExpectKnownOutputValue("added_id", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("change", knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"attribute": knownvalue.StringExact("name"),
				"before":    knownvalue.StringExact("Old name"),
			})),
		},
	}))
}

func zero() knownvalue.Check { return knownvalue.NumberExact(big.NewFloat(0)) }
func one() knownvalue.Check  { return knownvalue.NumberExact(big.NewFloat(1)) }
