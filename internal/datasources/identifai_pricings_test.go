package datasources_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
)

// identifaiOrder is the sandbox fixture in the order the API sorts it.
func identifaiOrder(sb *acctest.Sandbox, direction string) []identifaisandbox.Pricing {
	ps := identifaisandbox.Pricings(sb.Server)
	sort.SliceStable(ps, func(i, j int) bool {
		if direction == "asc" {
			return ps[i].CreatedAt.Before(ps[j].CreatedAt)
		}
		return ps[i].CreatedAt.After(ps[j].CreatedAt)
	})
	return ps
}

// checkIdentifaiList checks the whole list against the fixture, in order.
func checkIdentifaiList(name string, want []identifaisandbox.Pricing) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, "total", knownvalue.Int64Exact(int64(len(want)))),
		acctest.Attr(name, "pricings", knownvalue.ListSizeExact(len(want))),
	}
	for i, p := range want {
		checks = append(checks,
			acctest.Attr(name, fmt.Sprintf("pricings.%d.id", i), knownvalue.Int64Exact(int64(p.ID))),
			acctest.Attr(name, fmt.Sprintf("pricings.%d.sku", i), knownvalue.StringExact(p.SKU)),
			acctest.Attr(name, fmt.Sprintf("pricings.%d.name", i), knownvalue.StringExact(p.Name)),
		)
	}
	return checks
}

func TestAccIdentifaiPricingsReturnsTheFullListWhateverThePageSize(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	want := identifaiOrder(sb, "desc")
	// identifAI allows 2 requests/s per key and the client paces itself,
	// so page sizes stay large enough to keep the test quick.
	for _, perPage := range []string{"null", "7", "10", "44", "45", "1000"} {
		t.Run("per_page "+perPage, func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_identifai_pricings" "all" {
  per_page = %s
}`, perPage),
					ConfigStateChecks: slices.Concat(
						checkIdentifaiList("data.pricing_identifai_pricings.all", want),
						[]statecheck.StateCheck{
							acctest.Attr("data.pricing_identifai_pricings.all", "order", knownvalue.StringExact("created_at")),
							acctest.Attr("data.pricing_identifai_pricings.all", "direction", knownvalue.StringExact("desc")),
						},
					),
				}},
			})
		})
	}
}

func TestAccIdentifaiPricingsSortsBothWays(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	byID := identifaisandbox.Pricings(sb.Server)
	byIDDesc := make([]identifaisandbox.Pricing, len(byID))
	for i, p := range byID {
		byIDDesc[len(byID)-1-i] = p
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "pricing_identifai_pricings" "asc" {
  direction = "asc"
  per_page  = 20
}
data "pricing_identifai_pricings" "id_asc" {
  order     = "id"
  direction = "asc"
}
data "pricing_identifai_pricings" "id_desc" {
  order     = "id"
  direction = "desc"
  per_page  = 23
}`,
			ConfigStateChecks: slices.Concat(
				checkIdentifaiList("data.pricing_identifai_pricings.asc", identifaiOrder(sb, "asc")),
				checkIdentifaiList("data.pricing_identifai_pricings.id_asc", byID),
				checkIdentifaiList("data.pricing_identifai_pricings.id_desc", byIDDesc),
			),
		}},
	})
}

func TestAccIdentifaiPricingsRecoversFromTransientFailures(t *testing.T) {
	t.Parallel()
	for _, fault := range []sandbox.Fault{
		{Status: 429, RetryAfter: "1"},
		{Status: 503},
	} {
		t.Run(fmt.Sprintf("a %d followed by success", fault.Status), func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t, sandbox.Options{})
			sb.InjectFaults(identifaisandbox.Name, fault)
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: sb.ProviderConfig() + `
data "pricing_identifai_pricings" "all" {}`,
					ConfigStateChecks: checkIdentifaiList("data.pricing_identifai_pricings.all", identifaiOrder(sb, "desc")),
					Check: resource.ComposeAggregateTestCheckFunc(
						func(*terraform.State) error {
							if got := sb.Responses(identifaisandbox.Name, fault.Status); got != 1 {
								return fmt.Errorf("sandbox answered %d times with %d, want exactly once", got, fault.Status)
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

func TestAccIdentifaiPricingsFailsLoudly(t *testing.T) {
	t.Parallel()
	acctest.TestFailures(t, identifaisandbox.Name, `data "pricing_identifai_pricings" "all" {}`, []acctest.Failure{
		{
			Name:  "without a key",
			Block: `base_url = "%s"`,
			Want:  `(?s)Missing identifAI API key.*identifai.api_key.*IDENTIFAI_API_KEY`,
		},
		{
			Name:  "with a key the vendor rejects",
			Block: `api_key = "wrong-key", base_url = "%s"`,
			Want:  `(?s)identifAI rejected the API key.*HTTP 401.*Unauthenticated\..*IDENTIFAI_API_KEY`,
		},
		{
			Name:   "on a permanent 500",
			Faults: []sandbox.Fault{{Status: 500, Sticky: true}},
			Want:   `(?s)Unable to read identifAI pricings.*identifai: list pricings page 1: HTTP 500`,
		},
		{
			Name:   "on malformed JSON",
			Faults: []sandbox.Fault{{Kind: sandbox.FaultMalformedJSON, Sticky: true}},
			Want:   `(?s)identifai: list pricings page 1 \(GET\s+http://127\.0\.0\.1:\d+/identifai/api/partner/pricings.*not the documented JSON`,
		},
		{
			Name:  "on an http base URL off loopback",
			Block: `api_key = "k", base_url = "http://backend.identifai.net"`,
			Want:  `(?s)identifai.base_url.*http://backend.identifai.net.*non-loopback`,
		},
	})
}

func TestAccIdentifaiPricingsValidatesArguments(t *testing.T) {
	t.Parallel()
	tests := []struct{ config, want string }{
		{`direction = "up"`, `(?s)Attribute direction value must be one of: \["asc" "desc"\], got: "up"`},
		{`per_page = 0`, `(?s)Attribute per_page value must be between 1 and 1000, got: 0`},
		{`order = "Name; DROP"`, `(?s)Attribute order must be a field name in lower snake_case`},
	}
	for _, tt := range tests {
		t.Run(tt.config+" is refused at plan time", func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pricing_identifai_pricings\" \"all\" {\n  %s\n}", tt.config),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}

// readingCommands is how many Terraform commands of one acceptance test step
// read data sources (plan, apply, and the plan that checks for no drift).
const readingCommands = 3

func TestAccIdentifaiPricingsFetchesEachListOncePerRun(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	const sources, perPage, pages = 50, 10, 5
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_identifai_pricings" "same" {
  count    = %d
  per_page = %d
}
data "pricing_identifai_pricing" "trial" {
  sku = "trial"
}`, sources, perPage),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr("data.pricing_identifai_pricings.same[49]", "total", knownvalue.Int64Exact(45)),
				acctest.Attr("data.pricing_identifai_pricing.trial", "sku", knownvalue.StringExact("trial")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					// 50 identical lists cost the 5 pages of one, and the
					// lookup the single request of the default listing.
					got := sb.Requests(identifaisandbox.Name)
					if got%(pages+1) != 0 || got > readingCommands*(pages+1) {
						return fmt.Errorf("sandbox served %d identifAI requests; want %d per Terraform command (at most %d commands)", got, pages+1, readingCommands)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccIdentifaiPricingsStaysUnderTheVendorsRateLimit(t *testing.T) {
	t.Parallel()
	// The sandbox enforces identifAI's 2 requests/s and 60/min per key; five
	// pages fetched in parallel would trip it without the client's pacing.
	sb := acctest.StartSandbox(t, sandbox.Options{EnforceRateLimits: true})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig("max_parallel_requests = 8") + `
data "pricing_identifai_pricings" "small_pages" {
  per_page = 9
}`,
			ConfigStateChecks: checkIdentifaiList("data.pricing_identifai_pricings.small_pages", identifaiOrder(sb, "desc")),
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					if n := sb.Responses(identifaisandbox.Name, 429); n != 0 {
						return fmt.Errorf("sandbox answered %d requests with 429, want none", n)
					}
					if n := sb.Requests(identifaisandbox.Name); n < 5 {
						return fmt.Errorf("sandbox served %d requests, want at least the 5 pages", n)
					}
					return nil
				},
			),
		}},
	})
}
