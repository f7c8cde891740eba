package datasources_test

import (
	"path/filepath"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// fleetConfig is what each plan of the fleet reads: the listings of the
// issue's fleet, 7 requests in all against the sandbox (identifAI 1,
// Paygentic 3 pages, OnePin 1, StreamSkill 2 tariffs).
const fleetConfig = `
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

data "pricing_identifai_pricings" "all" {}
data "pricing_paygentic_plans" "all" {}
data "pricing_onepin_plans" "all" {}
data "pricing_streamskill_tariff" "one" {
  id = 1
}
data "pricing_streamskill_tariff" "two" {
  id = 2
}

output "counts" {
  value = [length(data.pricing_identifai_pricings.all.pricings), length(data.pricing_paygentic_plans.all.plans),
  length(data.pricing_onepin_plans.all.plans), data.pricing_streamskill_tariff.one.id, data.pricing_streamskill_tariff.two.id]
}
`

var fleetVendors = []string{identifaisandbox.Name, paygenticsandbox.Name, onepinsandbox.Name, streamskillsandbox.Name}

// oneRead is the requests one plan of fleetConfig makes.
var oneRead = map[string]int{identifaisandbox.Name: 1, paygenticsandbox.Name: 3, onepinsandbox.Name: 1, streamskillsandbox.Name: 2}

const fleetSize = 10

// TestAccFleetOfPlansAtOnceNeverFailsOnTheVendorsLimit starts 10 plans at
// once, as a monorepo's parallel plans do, against a sandbox enforcing
// identifAI's and StreamSkill's documented limits for the one key they
// share. Without a cache every plan succeeds (a 429 may come, and is waited
// out); with one cache folder, the vendors see exactly one read of each
// listing for the whole fleet, then none.
func TestAccFleetOfPlansAtOnceNeverFailsOnTheVendorsLimit(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{EnforceRateLimits: true})
	userCache := t.TempDir() // the fleet folder without a cache: $XDG_CACHE_HOME/terraform-provider-pricing/fleet
	env := []string{"XDG_CACHE_HOME=" + userCache}

	t.Run("without a cache every plan succeeds", func(t *testing.T) {
		cli := acctest.NewCLI(t, sb.ProviderConfig()+fleetConfig)
		sb.ResetCounts()
		assertAllSucceeded(t, cli.PlanAtOnce(t, fleetSize, env...))
		for v, n := range oneRead {
			if got := sb.Responses(v, 200); got != fleetSize*n {
				t.Errorf("%s answered %d requests with 200, want %d: every plan reads it", v, got, fleetSize*n)
			}
		}
		assertNoKeyInTheCache(t, userCache)
	})

	t.Run("with a shared cache folder the vendors see one read per listing", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "cache")
		cli := acctest.NewCLI(t, sb.ProviderConfig("cache = {\n    dir = \""+dir+"\"\n  }")+fleetConfig)
		sb.ResetCounts()
		assertAllSucceeded(t, cli.PlanAtOnce(t, fleetSize, env...))
		for _, v := range fleetVendors {
			if got := sb.Requests(v); got != oneRead[v] {
				t.Errorf("cold: %s saw %d requests for %d plans, want %d: one read of each listing", v, got, fleetSize, oneRead[v])
			}
			if got := sb.Responses(v, 429); got != 0 {
				t.Errorf("cold: %s answered 429 %d times, want none", v, got)
			}
		}
		sb.ResetCounts()
		assertAllSucceeded(t, cli.PlanAtOnce(t, fleetSize, env...))
		for _, v := range fleetVendors {
			if got := sb.Requests(v); got != 0 {
				t.Errorf("warm: %s saw %d requests, want 0", v, got)
			}
		}
		assertNoKeyInTheCache(t, dir)
	})
}

func assertAllSucceeded(t *testing.T, results []acctest.PlanResult) {
	t.Helper()
	failed := 0
	for i, r := range results {
		if r.Err != nil {
			failed++
			t.Errorf("plan %d of %d failed: %v\n%s", i+1, len(results), r.Err, acctest.Excerpt(r.Output))
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d plans failed, want 0", failed, len(results))
	}
}
