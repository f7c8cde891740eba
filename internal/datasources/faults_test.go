package datasources_test

// The fault-injection suite: every vendor's read, run against each of the
// sandbox's fault modes. A read either returns the complete, correct list or
// fails with a diagnostic that names what went wrong; it never returns part
// of a list, and it never outlives the configured limits.

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// faultTarget is one vendor's complete read for the fault suite.
type faultTarget struct {
	Vendor string
	// opts sizes the sandbox so the read spans several pages where the
	// vendor pages.
	opts sandbox.Options
	// seed makes FaultRate hit a few of this read's requests.
	seed int64
	// config reads the vendor's whole list (StreamSkill: every tariff).
	config string
	// check asserts the complete, correct result against the fixture.
	check func(t *testing.T, sb *acctest.Sandbox) []statecheck.StateCheck
	// request is a pattern naming the first request the read makes.
	request string
	// failingPage is a sandbox Fault.Match selecting one request, and
	// failingPageError the diagnostic that must name it.
	failingPage, failingPageError string
	// authHeader carries the vendor's credential, in the form
	// authPrefix + key.
	authHeader, authPrefix string
}

// streamskillTariffIDs are every tariff the sandbox serves.
var streamskillTariffIDs = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}

var faultTargets = []faultTarget{
	{
		Vendor:     identifaisandbox.Name,
		authHeader: "X-Api-Key",
		seed:       3,
		config: `
data "pricing_identifai_pricings" "all" {
  per_page = 10
}`,
		check: func(_ *testing.T, sb *acctest.Sandbox) []statecheck.StateCheck {
			return checkIdentifaiList("data.pricing_identifai_pricings.all", identifaiOrder(sb, "desc"))
		},
		request:          `identifai: list pricings page 1 \(GET http://127\.0\.0\.1:\d+/identifai/api/partner/pricings\?[^)]*per_page=10\)`,
		failingPage:      "page=3",
		failingPageError: `identifai: list pricings page 3: HTTP 503 Service Unavailable`,
	},
	{
		Vendor:     paygenticsandbox.Name,
		authHeader: "Authorization",
		authPrefix: "Bearer ",
		opts:       sandbox.Options{Vendor: paygenticsandbox.WithPlans(600)},
		seed:       1,
		config: `
data "pricing_paygentic_plans" "all" {}`,
		check: func(_ *testing.T, sb *acctest.Sandbox) []statecheck.StateCheck {
			return checkPaygenticList("data.pricing_paygentic_plans.all", paygenticFixture(sb, "", ""))
		},
		request:          `paygentic: list plans page 1 \(GET http://127\.0\.0\.1:\d+/paygentic/v0/plans\?limit=100&offset=0\)`,
		failingPage:      "offset=300",
		failingPageError: `paygentic: list plans page 4: HTTP 503 Service Unavailable`,
	},
	{
		// The sandbox's 30 Probely plans fit one page of 100, so the failing
		// page is the only one; multi-page integrity is shown by
		// TestProbelyListFailsRatherThanReturnAPartialList.
		Vendor:     probelysandbox.Name,
		authHeader: "Authorization",
		authPrefix: "JWT ",
		seed:       3, // its first two requests fault
		config: `
data "pricing_probely_plans" "all" {}`,
		check: func(_ *testing.T, sb *acctest.Sandbox) []statecheck.StateCheck {
			return checkProbelyList("data.pricing_probely_plans.all", probelysandbox.Plans(sb.Server))
		},
		request:          `probely: list plans page 1 \(GET http://127\.0\.0\.1:\d+/probely/plans/\?length=100&page=1\)`,
		failingPage:      "page=1",
		failingPageError: `probely: list plans page 1: HTTP 503 Service Unavailable`,
	},
	{
		// Likewise one page of OnePin's 25 plans; see
		// TestOnepinListFollowsNextLinksToTheLastPage for several.
		Vendor:     onepinsandbox.Name,
		authHeader: "Authorization",
		authPrefix: "Bearer ",
		seed:       4, // its first two requests fault
		config: `
data "pricing_onepin_plans" "all" {}`,
		check: func(_ *testing.T, sb *acctest.Sandbox) []statecheck.StateCheck {
			return checkOnepinList(onepinsandbox.Plans(sb.Server))
		},
		request:          `onepin: list plans page 1 \(GET http://127\.0\.0\.1:\d+/onepin/api/v1/billing/plans\?limit=100\)`,
		failingPage:      "limit=100",
		failingPageError: `onepin: list plans page 1: HTTP 503 Service Unavailable`,
	},
	{
		// StreamSkill has no listing: the read is one request per tariff,
		// so the run reads every tariff and one of them fails.
		Vendor:     streamskillsandbox.Name,
		authHeader: "Authorization",
		authPrefix: "Bearer ",
		seed:       1,
		config:     streamskillEveryTariffConfig(),
		check: func(t *testing.T, sb *acctest.Sandbox) []statecheck.StateCheck {
			var checks []statecheck.StateCheck
			for _, id := range streamskillTariffIDs {
				name := fmt.Sprintf("data.pricing_streamskill_tariff.t%d", id)
				checks = append(checks, checkStreamskillTariff(name, streamskillTariff(t, sb, id), "en")...)
			}
			return checks
		},
		request:          `streamskill: get tariff 1 \(GET http://127\.0\.0\.1:\d+/streamskill/tarifs/1\?expand=panel\)`,
		failingPage:      "/tarifs/7",
		failingPageError: `streamskill: get tariff 7: HTTP 503 Service Unavailable`,
	},
}

func streamskillEveryTariffConfig() string {
	var b strings.Builder
	for _, id := range streamskillTariffIDs {
		fmt.Fprintf(&b, "\ndata \"pricing_streamskill_tariff\" \"t%d\" {\n  id = %d\n}\n", id, id)
	}
	return b.String()
}

func TestAccEveryVendorReturnsTheFullListWhenThirtyPercentOfRequestsFail(t *testing.T) {
	t.Parallel()
	for _, ft := range faultTargets {
		t.Run(ft.Vendor, func(t *testing.T) {
			t.Parallel()
			opts := ft.opts
			opts.FaultRate, opts.Seed = acctest.FaultRate, ft.seed
			sb := acctest.StartSandbox(t, opts)
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:            sb.ProviderConfig(fmt.Sprintf("max_retries = %d", acctest.FlakyRetries)) + ft.config,
					ConfigStateChecks: ft.check(t, sb),
					Check:             sb.CheckTransientFaultsServed(ft.Vendor),
				}},
			})
		})
	}
}

func TestAccEveryVendorFailsTheReadWhenOnePageFailsPermanently(t *testing.T) {
	t.Parallel()
	for _, ft := range faultTargets {
		t.Run(ft.Vendor, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t, ft.opts)
			sb.InjectFaults(ft.Vendor, sandbox.Fault{Status: http.StatusServiceUnavailable, Match: ft.failingPage, Sticky: true})
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      sb.ProviderConfig("max_retries = 2") + ft.config,
					ExpectError: acctest.ErrorMatching(ft.failingPageError),
				}},
			})
		})
	}
}

func TestAccEveryVendorFailsClearlyOnABrokenResponse(t *testing.T) {
	t.Parallel()
	for _, ft := range faultTargets {
		for _, broken := range acctest.BrokenResponses {
			t.Run(ft.Vendor+" fails on "+broken.Name, func(t *testing.T) {
				t.Parallel()
				sb := acctest.StartSandbox(t, ft.opts)
				fault := broken.Fault
				fault.Sticky = true
				sb.InjectFaults(ft.Vendor, fault)
				acctest.Test(t, resource.TestCase{
					Steps: []resource.TestStep{{
						Config:      sb.ProviderConfig(broken.Settings()...) + ft.config,
						ExpectError: acctest.ErrorMatching(ft.request + `: .*` + broken.Want),
					}},
				})
			})
		}
	}
}
