package datasources_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// vendorLists are the list data sources of every vendor with a list, read
// the way the catalogue reads them.
const vendorLists = `
data "pricing_identifai_pricings" "all" {}
data "pricing_paygentic_plans" "all" {}
data "pricing_probely_plans" "all" {}
data "pricing_onepin_plans" "all" {}
`

func TestAccCatalogListsEveryVendorsPlans(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	tariffs := streamskillsandbox.Tariffs(sb.Server)
	want := len(identifaisandbox.Pricings(sb.Server)) + len(paygenticsandbox.Plans(sb.Server)) + len(probelysandbox.Plans(sb.Server)) + len(onepinsandbox.Plans(sb.Server))
	const name = "data.pricing_catalog.all"
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + vendorLists + `
data "pricing_catalog" "all" {}

locals {
  by_vendor = { for p in data.pricing_catalog.all.plans : p.vendor => p... }
}
output "counts" {
  value = { for v, plans in local.by_vendor : v => length(plans) }
}
output "same_as_lists" {
  value = (
    [for p in local.by_vendor["paygentic"] : [p.id, p.price_amount, p.monthly_amount, p.billing_period]] ==
    [for p in data.pricing_paygentic_plans.all.plans : [p.id, p.price_amount, p.monthly_amount, p.billing_period]] &&
    [for p in local.by_vendor["onepin"] : [p.id, p.price_amount, p.price_on_request, p.currency]] ==
    [for p in data.pricing_onepin_plans.all.plans : [p.id, p.price_amount, p.price_on_request, p.currency]] &&
    [for p in local.by_vendor["identifai"] : [p.numeric_id, p.name]] ==
    [for p in data.pricing_identifai_pricings.all.pricings : [p.id, p.name]]
  )
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(name, "total", knownvalue.Int64Exact(int64(want))),
				statecheck.ExpectKnownOutputValue("counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"identifai": knownvalue.Int64Exact(int64(len(identifaisandbox.Pricings(sb.Server)))),
					"paygentic": knownvalue.Int64Exact(int64(len(paygenticsandbox.Plans(sb.Server)))),
					"probely":   knownvalue.Int64Exact(int64(len(probelysandbox.Plans(sb.Server)))),
					"onepin":    knownvalue.Int64Exact(int64(len(onepinsandbox.Plans(sb.Server)))),
				})),
				statecheck.ExpectKnownOutputValue("same_as_lists", knownvalue.Bool(true)),
				acctest.Attr(name, "plans.0.vendor", knownvalue.StringExact("identifai")),
				acctest.Attr(name, "plans.0.price_amount", knownvalue.Null()),
				acctest.Attr(name, "plans.0.price_on_request", knownvalue.Bool(false)),
			},
		}, {
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_catalog" "tariffs" {
  vendors                = ["streamskill"]
  streamskill_tariff_ids = [%d, %d]
}`, tariffs[1].ID, tariffs[0].ID),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr("data.pricing_catalog.tariffs", "total", knownvalue.Int64Exact(2)),
				acctest.Attr("data.pricing_catalog.tariffs", "plans.0.numeric_id", knownvalue.Int64Exact(int64(tariffs[0].ID))),
				acctest.Attr("data.pricing_catalog.tariffs", "plans.0.id", knownvalue.StringExact(strconv.Itoa(tariffs[0].ID))),
				acctest.Attr("data.pricing_catalog.tariffs", "plans.0.name", knownvalue.StringExact(tariffs[0].Title["en"])),
				acctest.Attr("data.pricing_catalog.tariffs", "plans.0.price_amount",
					knownvalue.NumberExact(acctest.Number(strconv.FormatFloat(tariffs[0].Price, 'f', -1, 64)))),
				acctest.Attr("data.pricing_catalog.tariffs", "plans.0.currency", knownvalue.Null()),
				acctest.Attr("data.pricing_catalog.tariffs", "plans.0.billing_period", knownvalue.Null()),
				acctest.Attr("data.pricing_catalog.tariffs", "plans.1.numeric_id", knownvalue.Int64Exact(int64(tariffs[1].ID))),
			},
		}},
	})
}

// The filters are checked against the same filters written in HCL over the
// vendors' own lists.
func TestAccCatalogFiltersOnTheProviderSide(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + vendorLists + `
data "pricing_catalog" "cheap_eur" {
  vendors            = ["paygentic", "onepin"]
  currency           = "EUR"
  max_monthly_amount = 20
  name_regex         = "^(Starter|Team|Free|Basic|Pro|Enterprise)"
}

locals {
  want = concat(
    [for p in data.pricing_paygentic_plans.all.plans : p.id
      if p.currency == "EUR" && p.monthly_amount != null && can(regex("^(Starter|Team|Free|Basic|Pro|Enterprise)", p.name)) ? p.monthly_amount <= 20 : false],
    [for p in data.pricing_onepin_plans.all.plans : p.id
      if p.currency == "EUR" && p.monthly_amount != null && can(regex("^(Starter|Team|Free|Basic|Pro|Enterprise)", p.name)) ? p.monthly_amount <= 20 : false],
  )
}
output "matches_hcl" {
  value = [for p in data.pricing_catalog.cheap_eur.plans : p.id] == local.want
}
output "count" {
  value = length(local.want)
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("matches_hcl", knownvalue.Bool(true)),
				// Not a filter that keeps nothing, nor one that keeps everything.
				statecheck.ExpectKnownOutputValue("count", knownvalue.Int64Func(func(n int64) error {
					if n < 2 || n >= int64(len(paygenticsandbox.Plans(sb.Server))) {
						return fmt.Errorf("the filter keeps %d plans: choose one that keeps a few", n)
					}
					return nil
				})),
			},
		}},
	})
}

// The catalogue reads each vendor through the same shared read as the
// vendor's list data source: alone it costs what the lists cost, and beside
// them it costs nothing more.
func TestAccCatalogCostsTheRequestsOfTheVendorLists(t *testing.T) {
	t.Parallel()
	configs := map[string]string{
		"the vendor lists":                  vendorLists,
		"the catalogue":                     `data "pricing_catalog" "all" {}`,
		"the catalogue beside the lists":    vendorLists + `data "pricing_catalog" "all" {}`,
		"two catalogues with other filters": `data "pricing_catalog" "all" {}` + "\n" + `data "pricing_catalog" "usd" { currency = "USD" }`,
	}
	vendors := sandbox.VendorNames()
	counts := map[string]map[string]int{}
	for name, config := range configs {
		sb := acctest.StartSandbox(t, sandbox.Options{})
		acctest.Test(t, resource.TestCase{
			Steps: []resource.TestStep{{Config: sb.ProviderConfig() + config}},
		})
		counts[name] = map[string]int{}
		for _, v := range vendors {
			counts[name][v] = sb.Requests(v)
		}
	}
	want := counts["the vendor lists"]
	if want[paygenticsandbox.Name] == 0 || want[onepinsandbox.Name] == 0 {
		t.Fatalf("the lists made no requests: %v", want)
	}
	for name, got := range counts {
		for _, v := range vendors {
			if got[v] != want[v] {
				t.Errorf("%s: %d %s requests, the vendor lists %d", name, got[v], v, want[v])
			}
		}
	}
}
