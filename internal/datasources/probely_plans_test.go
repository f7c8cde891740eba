package datasources_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
)

// checkProbelyPlan checks every attribute of the plan at prefix ("plans.3."
// in a list, "" in a lookup) against the fixture plan p.
func checkProbelyPlan(name, prefix string, p probelysandbox.Plan) []statecheck.StateCheck {
	attr := func(k string) string { return prefix + k }
	checks := []statecheck.StateCheck{
		acctest.Attr(name, attr("id"), knownvalue.StringExact(p.ID)),
		acctest.Attr(name, attr("name"), knownvalue.StringExact(p.Name)),
		checkProbelyAbsentIfRecorded(name, attr("family"), p, knownvalue.StringExact(p.Family)),
		acctest.Attr(name, attr("description"), knownvalue.StringExact(p.Description)),
		acctest.Attr(name, attr("is_trial"), knownvalue.Bool(p.IsTrial)),
		acctest.Attr(name, attr("charge_model"), knownvalue.StringExact(p.ChargeModel)),
		acctest.Attr(name, attr("currency_code"), knownvalue.StringExact(p.CurrencyCode)),
		acctest.Attr(name, attr("period"), knownvalue.Int64Exact(int64(p.Period))),
		acctest.Attr(name, attr("period_unit"), knownvalue.StringExact(p.PeriodUnit)),
		checkOptionalInt(name, attr("price"), p.Price),
		checkOptionalInt(name, attr("discount"), p.Discount),
		checkOptionalInt(name, attr("savings"), p.Savings),
		checkTiersJSON(name, attr("tiers_json"), p.Tiers),
	}

	// The fixture sends the list under one key or the other; either way it
	// must land in allowed_scan_profiles.
	profiles := p.AllowedScanProfiles
	if profiles == nil {
		profiles = p.AllowedBuiltinScanProfiles
	}
	checks = append(checks, acctest.Attr(name, attr("allowed_scan_profiles"), knownvalue.ListSizeExact(len(profiles))))
	for i, s := range profiles {
		checks = append(checks, acctest.Attr(name, attr(fmt.Sprintf("allowed_scan_profiles.%d", i)), knownvalue.StringExact(s)))
	}

	checks = append(checks, checkProbelyAbsentIfRecorded(name, attr("allowed_credits_packs"), p, knownvalue.ListSizeExact(len(p.AllowedCreditsPacks))))
	for i, c := range p.AllowedCreditsPacks {
		pack := func(k string) string { return attr(fmt.Sprintf("allowed_credits_packs.%d.%s", i, k)) }
		checks = append(checks,
			acctest.Attr(name, pack("id"), knownvalue.StringExact(c.ID)),
			acctest.Attr(name, pack("name"), knownvalue.StringExact(c.Name)),
			acctest.Attr(name, pack("price"), knownvalue.Int64Exact(int64(c.Price))),
			acctest.Attr(name, pack("currency_code"), knownvalue.StringExact(c.CurrencyCode)),
			acctest.Attr(name, pack("pack_amount"), knownvalue.Int64Exact(int64(c.PackAmount))),
			acctest.Attr(name, pack("discount"), knownvalue.Int64Exact(int64(c.Discount))),
			acctest.Attr(name, pack("savings"), knownvalue.Int64Exact(int64(c.Savings))),
		)
	}
	return checks
}

func checkOptionalInt(name, key string, v *int) statecheck.StateCheck {
	if v == nil {
		return acctest.Attr(name, key, knownvalue.Null())
	}
	return acctest.Attr(name, key, knownvalue.Int64Exact(int64(*v)))
}

// checkTiersJSON expects the compact text of a tiers object, and no value
// when the fixture sends null or leaves tiers out.
func checkTiersJSON(name, key string, tiers json.RawMessage) statecheck.StateCheck {
	if len(tiers) == 0 || string(tiers) == "null" {
		return acctest.Attr(name, key, knownvalue.Null())
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, tiers); err != nil {
		panic(err)
	}
	return acctest.Attr(name, key, knownvalue.StringExact(compact.String()))
}

// checkProbelyList checks the whole list, in order, against want.
func checkProbelyList(name string, want []probelysandbox.Plan) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, "total", knownvalue.Int64Exact(int64(len(want)))),
		acctest.Attr(name, "plans", knownvalue.ListSizeExact(len(want))),
	}
	for i, p := range want {
		checks = append(checks, checkProbelyPlan(name, fmt.Sprintf("plans.%d.", i), p)...)
	}
	return checks
}

// probelyPlansWhere is the fixture filtered like the data source filters.
func probelyPlansWhere(sb *acctest.Sandbox, family, currency string) []probelysandbox.Plan {
	var out []probelysandbox.Plan
	for _, p := range probelysandbox.Plans(sb.Server) {
		if (family == "" || p.Family == family) && (currency == "" || p.CurrencyCode == currency) {
			out = append(out, p)
		}
	}
	return out
}

// probelyFixtureCovers fails the test unless the fixture still holds what the
// checks rely on: both spellings, credits packs and tiers objects.
func probelyFixtureCovers(t *testing.T, plans []probelysandbox.Plan) {
	t.Helper()
	var plain, builtin, packs, tiers bool
	for _, p := range plans {
		plain = plain || p.AllowedScanProfiles != nil
		builtin = builtin || p.AllowedBuiltinScanProfiles != nil
		packs = packs || len(p.AllowedCreditsPacks) > 0
		tiers = tiers || (len(p.Tiers) > 0 && string(p.Tiers) != "null")
	}
	if !plain || !builtin || !packs || !tiers {
		t.Fatalf("the Probely fixture must hold both scan-profile spellings, credits packs and tiers (got %v %v %v %v)", plain, builtin, packs, tiers)
	}
}

func TestAccProbelyPlansReturnsEveryPlanWithEveryField(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	all := probelysandbox.Plans(sb.Server)
	probelyFixtureCovers(t, all)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "pricing_probely_plans" "all" {}

locals {
  tiered = [for p in data.pricing_probely_plans.all.plans : p if p.tiers_json != null]
}

output "first_tiered_plan_tiers" {
  value = jsondecode(local.tiered[0].tiers_json).tiers
}`,
			ConfigStateChecks: slices.Concat(
				checkProbelyList("data.pricing_probely_plans.all", all),
				[]statecheck.StateCheck{
					acctest.Attr("data.pricing_probely_plans.all", "total", knownvalue.Int64Exact(int64(len(all)))),
					acctest.Attr("data.pricing_probely_plans.all", "family", knownvalue.Null()),
					acctest.Attr("data.pricing_probely_plans.all", "currency_code", knownvalue.Null()),
				},
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkFirstTieredPlanOutput(all),
			),
		}},
	})
}

// checkFirstTieredPlanOutput checks that jsondecode(tiers_json) gives back
// the fixture's tiers: the first up_to, and a null up_to on the last tier.
func checkFirstTieredPlanOutput(all []probelysandbox.Plan) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var want struct {
			Tiers []map[string]any `json:"tiers"`
		}
		for _, p := range all {
			if len(p.Tiers) > 0 && string(p.Tiers) != "null" {
				if err := json.Unmarshal(p.Tiers, &want); err != nil {
					return err
				}
				break
			}
		}
		out, ok := s.RootModule().Outputs["first_tiered_plan_tiers"]
		if !ok {
			return fmt.Errorf("output first_tiered_plan_tiers is missing")
		}
		got, _ := json.Marshal(out.Value)
		wantJSON, _ := json.Marshal(want.Tiers)
		if string(got) != string(wantJSON) {
			return fmt.Errorf("jsondecode(tiers_json).tiers = %s, want %s", got, wantJSON)
		}
		return nil
	}
}

func TestAccProbelyPlansFiltersByFamilyAndCurrency(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	enterprise := probelyPlansWhere(sb, "enterprise", "")
	gbp := probelyPlansWhere(sb, "", "GBP")
	proEUR := probelyPlansWhere(sb, "pro", "EUR")
	if len(enterprise) < 2 || len(gbp) < 2 || len(proEUR) < 1 || len(gbp) == len(probelysandbox.Plans(sb.Server)) {
		t.Fatalf("the fixture must make each filter keep some plans and drop others (%d, %d, %d)", len(enterprise), len(gbp), len(proEUR))
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "pricing_probely_plans" "enterprise" {
  family = "enterprise"
}
data "pricing_probely_plans" "gbp" {
  currency_code = "GBP"
}
data "pricing_probely_plans" "pro_eur" {
  family        = "pro"
  currency_code = "EUR"
}
data "pricing_probely_plans" "none" {
  family = "no-such-family"
}`,
			ConfigStateChecks: slices.Concat(
				checkProbelyList("data.pricing_probely_plans.enterprise", enterprise),
				checkProbelyList("data.pricing_probely_plans.gbp", gbp),
				checkProbelyList("data.pricing_probely_plans.pro_eur", proEUR),
				[]statecheck.StateCheck{
					acctest.Attr("data.pricing_probely_plans.pro_eur", "family", knownvalue.StringExact("pro")),
					acctest.Attr("data.pricing_probely_plans.pro_eur", "currency_code", knownvalue.StringExact("EUR")),
					acctest.Attr("data.pricing_probely_plans.none", "total", knownvalue.Int64Exact(0)),
					acctest.Attr("data.pricing_probely_plans.none", "plans", knownvalue.ListSizeExact(0)),
				},
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkOneProbelyListingPerCommand(sb),
			),
		}},
	})
}

// checkOneProbelyListingPerCommand fails when data sources of one run did not
// share the listing: the sandbox serves the list in one page, so each
// Terraform command (at most three in a step) may make one request.
func checkOneProbelyListingPerCommand(sb *acctest.Sandbox) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got, cmds := sb.Requests(probelysandbox.Name), 3; got > cmds {
			return fmt.Errorf("sandbox served %d Probely requests, want at most one per Terraform command (%d)", got, cmds)
		}
		return nil
	}
}

func TestAccProbelyPlansFailsLoudly(t *testing.T) {
	t.Parallel()
	acctest.TestFailures(t, probelysandbox.Name, `data "pricing_probely_plans" "all" {}`, []acctest.Failure{
		{
			Name:  "without a key",
			Block: `base_url = "%s"`,
			Want:  `(?s)Missing Probely API key.*probely.api_key.*PROBELY_API_KEY`,
		},
		{
			Name:  "with a key the vendor rejects",
			Block: `api_key = "wrong-key", base_url = "%s"`,
			Want:  `(?s)Probely rejected the API key.*probely: list plans page 1: HTTP 401.*Incorrect\s+authentication\s+credentials\..*probely.api_key.*PROBELY_API_KEY`,
		},
		{
			Name:   "on a permanent 500",
			Faults: []sandbox.Fault{{Status: 500, Sticky: true}},
			Want:   `(?s)Unable to read Probely plans.*probely: list plans page 1: HTTP 500.*Unexpected\s+error\s+while\s+handling\s+your\s+request\.`,
		},
		{
			Name:   "on malformed JSON",
			Faults: []sandbox.Fault{{Kind: sandbox.FaultMalformedJSON, Sticky: true}},
			Want:   `(?s)probely: list plans page 1 \(GET\s+http://127\.0\.0\.1:\d+/probely/plans/\?length=100&page=1\).*not\s+the\s+documented\s+JSON`,
		},
	})
}

func TestAccProbelyPlansValidatesArguments(t *testing.T) {
	t.Parallel()
	tests := []struct{ config, want string }{
		{`currency_code = "JPY"`, `(?s)Attribute currency_code value must be one of: \["USD" "EUR" "GBP"\], got: "JPY"`},
		{`currency_code = "usd"`, `(?s)Attribute currency_code value must be one of: \["USD" "EUR" "GBP"\], got: "usd"`},
		{`family = ""`, `(?s)Attribute family string length must be at least 1, got: 0`},
	}
	for _, tt := range tests {
		t.Run(tt.config+" is refused at plan time", func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pricing_probely_plans\" \"all\" {\n  %s\n}", tt.config),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}
