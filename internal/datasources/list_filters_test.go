package datasources_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
)

// checkIDs checks a filtered list holds exactly want, in order; pricings
// (identifAI) have numeric ids, the other vendors string ids.
func checkIDs(name, list string, want []string) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, "total", knownvalue.Int64Exact(int64(len(want)))),
		acctest.Attr(name, list, knownvalue.ListSizeExact(len(want))),
	}
	for i, id := range want {
		idCheck := knownvalue.Check(knownvalue.StringExact(id))
		if list == "pricings" {
			idCheck = knownvalue.NumberExact(acctest.Number(id))
		}
		checks = append(checks, acctest.Attr(name, fmt.Sprintf("%s.%d.id", list, i), idCheck))
	}
	return checks
}

// checkRequests fails unless the sandbox served exactly want requests of
// vendor by the step's first check: one read of the listing, whatever
// number of differently filtered data sources share it.
func checkRequests(sb *acctest.Sandbox, vendor string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.Requests(vendor); got != want {
			return fmt.Errorf("sandbox served %d %s requests, want %d: one read of the listing for every filter", got, vendor, want)
		}
		return nil
	}
}

func TestAccPaygenticPlansProviderSideFilters(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{Vendor: paygenticsandbox.WithPlans(1000)})
	all := paygenticsandbox.Plans(sb.Server)
	picked := []string{all[7].ID, all[420].ID, all[999].ID}
	re := regexp.MustCompile(`^Basic Plan 1\d$`)
	var byName, byNameMonthlyUSD []string
	for _, p := range all {
		if re.MatchString(p.Name) {
			byName = append(byName, p.ID)
			if p.BillingCadence == "P1M" && p.Currency == "USD" {
				byNameMonthlyUSD = append(byNameMonthlyUSD, p.ID)
			}
		}
	}
	if len(byName) == 0 || len(all[420].Prices) == 0 || len(all[7].Prices) == 0 {
		t.Fatalf("the fixture must have plans named like %s and plans 7 and 420 with prices", re)
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_paygentic_plans" "by_id" {
  ids = [%q, %q, %q, "plan_not_in_the_listing"]
}
data "pricing_paygentic_plans" "by_id_without_prices" {
  ids            = [%[1]q, %[2]q]
  include_prices = false
}
data "pricing_paygentic_plans" "by_name" {
  name_regex = %[4]q
}
data "pricing_paygentic_plans" "by_name_monthly_usd" {
  name_regex      = %[4]q
  billing_cadence = "P1M"
  currency        = "USD"
}
data "pricing_paygentic_plans" "empty_ids" {
  ids = []
}
data "pricing_paygentic_plans" "unknown_ids" {
  ids = ["plan_nope"]
}
data "pricing_paygentic_plans" "no_match" {
  name_regex = "^No such plan$"
}
data "pricing_paygentic_plan" "lookup" {
  id = %[1]q
}`, picked[0], picked[1], picked[2], re.String()),
			ConfigStateChecks: slices.Concat(
				checkIDs("data.pricing_paygentic_plans.by_id", "plans", picked),
				checkIDs("data.pricing_paygentic_plans.by_id_without_prices", "plans", picked[:2]),
				checkIDs("data.pricing_paygentic_plans.by_name", "plans", byName),
				checkIDs("data.pricing_paygentic_plans.by_name_monthly_usd", "plans", byNameMonthlyUSD),
				checkIDs("data.pricing_paygentic_plans.empty_ids", "plans", nil),
				checkIDs("data.pricing_paygentic_plans.unknown_ids", "plans", nil),
				checkIDs("data.pricing_paygentic_plans.no_match", "plans", nil),
				[]statecheck.StateCheck{
					acctest.Attr("data.pricing_paygentic_plans.by_id", "plans.1.prices", knownvalue.ListSizeExact(len(all[420].Prices))),
					acctest.Attr("data.pricing_paygentic_plans.by_id", "plans.1.prices.0.id", knownvalue.StringExact(all[420].Prices[0].ID)),
					acctest.Attr("data.pricing_paygentic_plans.by_id_without_prices", "plans.0.prices", knownvalue.Null()),
					acctest.Attr("data.pricing_paygentic_plans.by_id_without_prices", "plans.1.prices", knownvalue.Null()),
					acctest.Attr("data.pricing_paygentic_plans.by_id_without_prices", "plans.1.name", knownvalue.StringExact(all[420].Name)),
					acctest.Attr("data.pricing_paygentic_plan.lookup", "prices", knownvalue.ListSizeExact(len(all[7].Prices))),
				},
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				// Seven filtered lists share the 10 pages of one listing; the
				// lookup by id is its own single GET /v0/plans/{id}.
				checkRequests(sb, paygenticsandbox.Name, 10+1),
			),
		}},
	})
}

func TestAccListFiltersRefuseAnInvalidRegexAtPlanTime(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	for _, ds := range []string{"pricing_identifai_pricings", "pricing_paygentic_plans", "pricing_probely_plans", "pricing_onepin_plans"} {
		t.Run(ds, func(t *testing.T) {
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: sb.ProviderConfig() + fmt.Sprintf(`
data %q "bad" {
  name_regex = "Basic (Plan"
}`, ds),
					PlanOnly:    true,
					ExpectError: acctest.ErrorMatching(`Invalid regular expression .*name_regex = "Basic \(Plan" is not a valid regular expression: error parsing regexp: missing closing \): .*RE2 syntax`),
				}},
			})
		})
	}
	for _, vendor := range sandbox.VendorNames() {
		if n := sb.Requests(vendor); n != 0 {
			t.Errorf("%s served %d requests; an invalid regex must fail before any read", vendor, n)
		}
	}
}

func TestAccIdentifaiProbelyOnepinProviderSideFilters(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	pricings := identifaisandbox.Pricings(sb.Server) // id order; the listing is newest first
	idA, idB := pricings[3], pricings[1]
	probely := probelysandbox.Plans(sb.Server)
	var yearlyIDs []string
	for _, p := range probely {
		if p.PeriodUnit == "year" && strings.Contains(p.Name, "Plan") {
			yearlyIDs = append(yearlyIDs, p.ID)
		}
	}
	onepin := onepinsandbox.Plans(sb.Server)
	var freeYearlyUSD []string
	for _, p := range onepin {
		if p.Tier == "free" && p.BillingInterval == "yearly" && p.Currency == "USD" {
			freeYearlyUSD = append(freeYearlyUSD, p.ID)
		}
	}
	if len(yearlyIDs) == 0 || len(freeYearlyUSD) == 0 {
		t.Fatal("the fixture must hold yearly Probely plans and free yearly USD OnePin plans")
	}
	const pro = "a3f1c9d2-4b7e-4f8a-9c2d-1e2b3f4a5c6d"
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_identifai_pricings" "by_id" {
  ids = [%d, %d, 987654321]
}
data "pricing_identifai_pricings" "by_sku" {
  skus = [%q]
}
data "pricing_probely_plans" "yearly" {
  name_regex            = "Plan"
  period_unit           = "year"
  include_credits_packs = false
}
data "pricing_probely_plans" "example" {
  ids = [%q]
}
data "pricing_onepin_plans" "free_yearly_usd" {
  tier             = "free"
  billing_interval = "yearly"
  currency         = "USD"
}
data "pricing_onepin_plans" "pro" {
  ids        = [%q, "not-a-plan"]
  name_regex = "^Pro Plan$"
}`, idA.ID, idB.ID, idA.SKU, probelysandbox.ExamplePlanID, pro),
			ConfigStateChecks: slices.Concat(
				// newest first: the higher id comes first
				checkIDs("data.pricing_identifai_pricings.by_id", "pricings", []string{strconv.Itoa(idA.ID), strconv.Itoa(idB.ID)}),
				checkIDs("data.pricing_identifai_pricings.by_sku", "pricings", []string{strconv.Itoa(idA.ID)}),
				checkIDs("data.pricing_probely_plans.yearly", "plans", yearlyIDs),
				checkIDs("data.pricing_probely_plans.example", "plans", []string{probelysandbox.ExamplePlanID}),
				checkIDs("data.pricing_onepin_plans.free_yearly_usd", "plans", freeYearlyUSD),
				checkIDs("data.pricing_onepin_plans.pro", "plans", []string{pro}),
				[]statecheck.StateCheck{
					acctest.Attr("data.pricing_probely_plans.yearly", "plans.0.allowed_credits_packs", knownvalue.Null()),
				},
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkRequests(sb, identifaisandbox.Name, 1),

				checkRequests(sb, probelysandbox.Name, (len(probely)+99)/100),

				checkRequests(sb, onepinsandbox.Name, (len(onepin)+99)/100),
			),
		}},
	})
}

// A filter value that matches nothing only because of case is a typo
// that would otherwise show only as an empty list.
func TestAccListFiltersWarnWhenAValueMatchesOnlyByCase(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	cli := acctest.NewCLI(t, sb.ProviderConfig()+`
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}
data "pricing_onepin_plans" "usd" {
  currency = "eur"
}
data "pricing_paygentic_plans" "usd" {
  currency = "Usd"
}
data "pricing_probely_plans" "enterprise" {
  family = "Enterprise"
}
data "pricing_catalog" "usd" {
  currency = "eur"
}
`)
	ctx, cancel := context.WithTimeout(context.Background(), acctest.CommandTimeout(t))
	defer cancel()
	// -json: the human output folds warnings of one summary into one.
	cmd, out := cli.Command(ctx, nil, "plan", "-input=false", "-json")
	if err := cmd.Run(); err != nil {
		t.Fatalf("terraform plan: %v\n%s", err, out)
	}
	var details []string
	for _, line := range strings.Split(out.String(), "\n") {
		var msg struct {
			Diagnostic struct{ Severity, Summary, Detail string }
		}
		if json.Unmarshal([]byte(line), &msg) == nil && msg.Diagnostic.Summary == "Filter matches only by case" && msg.Diagnostic.Severity == "warning" {
			details = append(details, msg.Diagnostic.Detail)
		}
	}
	slices.Sort(details)
	// OnePin's SDK-shaped plans are in "usd" (OnePin may send lower case), so
	// the case-only miss is "eur" there and in the catalogue.
	want := []string{
		`No OnePin plans have currency "eur", which keeps none of them; "EUR" differs only by case.`,
		`No Paygentic plans have currency "Usd", which keeps none of them; "USD" differs only by case.`,
		`No Probely plans have family "Enterprise", which keeps none of them; "enterprise" differs only by case.`,
		`No catalogue plans have currency "eur", which keeps none of them; "EUR" differs only by case.`,
	}
	if len(details) != len(want) {
		t.Fatalf("want %d case warnings, got %q in:\n%s", len(want), details, out)
	}
	for i := range want {
		if !strings.HasPrefix(details[i], want[i]) {
			t.Errorf("warning %d = %q, want it to start %q", i, details[i], want[i])
		}
	}
}
