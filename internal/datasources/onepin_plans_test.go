package datasources_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
)

// onepinPlanNamed is the fixture plan with the given name.
func onepinPlanNamed(t *testing.T, sb *acctest.Sandbox, name string) (int, onepinsandbox.Plan) {
	t.Helper()
	for i, p := range onepinsandbox.Plans(sb.Server) {
		if p.Name == name {
			return i, p
		}
	}
	t.Fatalf("the OnePin fixture has no plan named %q", name)
	return 0, onepinsandbox.Plan{}
}

// checkOnepinPlan checks every attribute of one plan that the fixture
// states, at prefix ("plans.3." in a list, "" in a lookup).
func checkOnepinPlan(name, prefix string, p onepinsandbox.Plan) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, prefix+"id", knownvalue.StringExact(p.ID)),
		acctest.Attr(name, prefix+"name", knownvalue.StringExact(p.Name)),
		acctest.Attr(name, prefix+"tier", knownvalue.StringExact(p.Tier)),
		acctest.Attr(name, prefix+"billing_interval", knownvalue.StringExact(p.BillingInterval)),
		acctest.Attr(name, prefix+"amount", knownvalue.Int64Exact(int64(p.Amount))),
		acctest.Attr(name, prefix+"currency", knownvalue.StringExact(p.Currency)),
		acctest.Attr(name, prefix+"display_order", knownvalue.Int64Exact(int64(p.DisplayOrder))),
		acctest.Attr(name, prefix+"limits", knownvalue.MapSizeExact(len(p.Limits))),
	}
	for k, v := range p.Limits {
		checks = append(checks, acctest.MapEntry(name, prefix+"limits", k, onepinLimitCheck(v)))
	}
	return append(checks, checkOnepinDetails(name, prefix, p.Details[onepinsandbox.Languages[0]])...)
}

// checkOnepinSamples checks the values that matter most on named plans:
// minor units scaled to a decimal, "unlimited", and keys beyond the
// documented three.
func checkOnepinSamples(t *testing.T, sb *acctest.Sandbox, name string) []statecheck.StateCheck {
	at := func(plan string) string {
		i, _ := onepinPlanNamed(t, sb, plan)
		return fmt.Sprintf("plans.%d.", i)
	}
	checks := []statecheck.StateCheck{
		acctest.Attr(name, at("Pro Plan")+"amount", knownvalue.Int64Exact(2999)),
		acctest.Attr(name, at("Pro Plan")+"limits.projects", knownvalue.StringExact("50")),
		acctest.Attr(name, at("Enterprise Plan")+"tier", knownvalue.StringExact("custom")),
		acctest.Attr(name, at("Enterprise Plan")+"amount", knownvalue.Int64Exact(0)),
		acctest.Attr(name, at("Enterprise Plan")+"limits.users", knownvalue.StringExact("unlimited")),
		acctest.Attr(name, at("Enterprise Plan")+"limits.support", knownvalue.StringExact("priority")),
		acctest.Attr(name, at("Enterprise Plus")+"limits", knownvalue.MapSizeExact(5)),
		acctest.Attr(name, at("Enterprise Plus")+"limits.sla_hours", knownvalue.StringExact("4")),
		acctest.Attr(name, at("Enterprise Plus")+"limits.storage_gb", knownvalue.StringExact("unlimited")),
	}
	// Money, by hand: minor units scaled by the currency, a year of 12
	// months, and a custom plan at 0 priced on request rather than free.
	return slices.Concat(checks,
		acctest.Money(name, at("Pro Plan"), "29.99", "P1M", "29.99", false),
		acctest.Money(name, at("Team Monthly (EUR)"), "45.99", "P1M", "45.99", false),
		acctest.Money(name, at("Team Yearly (USD)"), "499.9", "P1Y", "41.6583333333", false),
		acctest.Money(name, at("Free Plan"), "0", "P1M", "0", false),
		acctest.Money(name, at("Enterprise Plan"), "", "P1Y", "", true),
		acctest.Money(name, at("Agency"), "", "P1M", "", true),
		acctest.Money(name, at("Enterprise Plus"), "49999", "P1Y", "4166.5833333333", false),
	)
}

// checkOnepinList checks the whole list of data.pricing_onepin_plans.all
// against the fixture, in order.
func checkOnepinList(want []onepinsandbox.Plan) []statecheck.StateCheck {
	const name = "data.pricing_onepin_plans.all"
	checks := []statecheck.StateCheck{
		acctest.Attr(name, "total", knownvalue.Int64Exact(int64(len(want)))),
		acctest.Attr(name, "plans", knownvalue.ListSizeExact(len(want))),
	}
	for i, p := range want {
		checks = append(checks, checkOnepinPlan(name, fmt.Sprintf("plans.%d.", i), p)...)
	}
	return checks
}

// checkOnepinHeader checks a header of the sandbox's latest OnePin request.
func checkOnepinHeader(sb *acctest.Sandbox, header, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.LastHeader(onepinsandbox.Name, header); got != want {
			return fmt.Errorf("the last OnePin request carried %s %q, want %q", header, got, want)
		}
		return nil
	}
}

func TestAccOnepinPlansReadsTheFullListWithoutAKey(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfigWith(map[string]string{
				onepinsandbox.Name: fmt.Sprintf("base_url = %q", sb.BaseURL(onepinsandbox.Name)),
			}) + `
data "pricing_onepin_plans" "all" {}`,
			ConfigStateChecks: slices.Concat(
				checkOnepinList(onepinsandbox.Plans(sb.Server)),
				checkOnepinSamples(t, sb, "data.pricing_onepin_plans.all"),
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkOnepinHeader(sb, "Authorization", ""),

				checkOnepinHeader(sb, "X-Workspace-Id", ""),
			),
		}},
	})
}

func TestAccOnepinPlansSendsTheKeyAndWorkspaceID(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfigWith(map[string]string{
				onepinsandbox.Name: fmt.Sprintf("api_key = %q, base_url = %q, workspace_id = \"ws_team42\"", onepinsandbox.Key, sb.BaseURL(onepinsandbox.Name)),
			}) + `
data "pricing_onepin_plans" "all" {}`,
			ConfigStateChecks: checkOnepinList(onepinsandbox.Plans(sb.Server)),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkOnepinHeader(sb, "X-Workspace-Id", "ws_team42"),

				checkOnepinHeader(sb, "Authorization", "Bearer "+onepinsandbox.Key),
			),
		}},
	})
}

func TestAccOnepinPlansRecoversFromARateLimit(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	sb.InjectFaults(onepinsandbox.Name, sandbox.Fault{Status: 429, RetryAfter: "1"})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "pricing_onepin_plans" "all" {}`,
			ConfigStateChecks: checkOnepinList(onepinsandbox.Plans(sb.Server)),
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					if got := sb.Responses(onepinsandbox.Name, 429); got != 1 {
						return fmt.Errorf("sandbox answered %d times with 429, want exactly once", got)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccOnepinPlansFailsLoudly(t *testing.T) {
	t.Parallel()
	acctest.TestFailures(t, onepinsandbox.Name, `data "pricing_onepin_plans" "all" {}`, []acctest.Failure{
		{
			Name:  "on a workspace id the API refuses",
			Block: `base_url = "%s", workspace_id = "team 42"`,
			Want:  `(?s)Unable to read OnePin plans.*onepin: list plans page 1: HTTP 422 Unprocessable Entity: validation failed\s+- header\.x-workspace-id: invalid workspace id`,
		},
		{
			Name:  "with a key the vendor rejects",
			Block: `api_key = "op_live_wrong", base_url = "%s"`,
			Want:  `(?s)OnePin rejected the API key.*HTTP 401 Unauthorized: Invalid\s+or\s+expired\s+token\s+\(code\s+unauthorized\).*onepin\.api_key.*ONEPIN_API_KEY`,
		},
		{
			Name:   "on a permanent 500",
			Faults: []sandbox.Fault{{Status: 500, Sticky: true}},
			Want:   `(?s)Unable to read OnePin plans.*onepin: list plans page 1: HTTP 500.*Internal\s+server\s+error\s+\(code\s+internal_error\)`,
		},
		{
			Name:   "on malformed JSON",
			Faults: []sandbox.Fault{{Kind: sandbox.FaultMalformedJSON, Sticky: true}},
			Want:   `(?s)onepin: list plans page 1 \(GET\s+http://127\.0\.0\.1:\d+/onepin/api/v1/billing/plans\?limit=100\).*not the documented JSON`,
		},
	})
}
