package datasources_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// checkProbelyPlan checks every attribute of the plan at prefix ("plans.3."
// in a list, "" in a lookup) against the fixture plan p.
func checkProbelyPlan(name, prefix string, p sandbox.ProbelyPlan) resource.TestCheckFunc {
	attr := func(k string) string { return prefix + k }
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(name, attr("id"), p.ID),
		resource.TestCheckResourceAttr(name, attr("name"), p.Name),
		resource.TestCheckResourceAttr(name, attr("family"), p.Family),
		resource.TestCheckResourceAttr(name, attr("description"), p.Description),
		resource.TestCheckResourceAttr(name, attr("is_trial"), strconv.FormatBool(p.IsTrial)),
		resource.TestCheckResourceAttr(name, attr("charge_model"), p.ChargeModel),
		resource.TestCheckResourceAttr(name, attr("currency_code"), p.CurrencyCode),
		resource.TestCheckResourceAttr(name, attr("period"), strconv.Itoa(p.Period)),
		resource.TestCheckResourceAttr(name, attr("period_unit"), p.PeriodUnit),
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
	checks = append(checks, resource.TestCheckResourceAttr(name, attr("allowed_scan_profiles.#"), strconv.Itoa(len(profiles))))
	for i, s := range profiles {
		checks = append(checks, resource.TestCheckResourceAttr(name, attr(fmt.Sprintf("allowed_scan_profiles.%d", i)), s))
	}

	checks = append(checks, resource.TestCheckResourceAttr(name, attr("allowed_credits_packs.#"), strconv.Itoa(len(p.AllowedCreditsPacks))))
	for i, c := range p.AllowedCreditsPacks {
		pack := func(k string) string { return attr(fmt.Sprintf("allowed_credits_packs.%d.%s", i, k)) }
		checks = append(checks,
			resource.TestCheckResourceAttr(name, pack("id"), c.ID),
			resource.TestCheckResourceAttr(name, pack("name"), c.Name),
			resource.TestCheckResourceAttr(name, pack("price"), strconv.Itoa(c.Price)),
			resource.TestCheckResourceAttr(name, pack("currency_code"), c.CurrencyCode),
			resource.TestCheckResourceAttr(name, pack("pack_amount"), strconv.Itoa(c.PackAmount)),
			resource.TestCheckResourceAttr(name, pack("discount"), strconv.Itoa(c.Discount)),
			resource.TestCheckResourceAttr(name, pack("savings"), strconv.Itoa(c.Savings)),
		)
	}
	return resource.ComposeAggregateTestCheckFunc(checks...)
}

func checkOptionalInt(name, key string, v *int) resource.TestCheckFunc {
	if v == nil {
		return resource.TestCheckNoResourceAttr(name, key)
	}
	return resource.TestCheckResourceAttr(name, key, strconv.Itoa(*v))
}

// checkTiersJSON expects the compact text of a tiers object, and no value
// when the fixture sends null or leaves tiers out.
func checkTiersJSON(name, key string, tiers json.RawMessage) resource.TestCheckFunc {
	if len(tiers) == 0 || string(tiers) == "null" {
		return resource.TestCheckNoResourceAttr(name, key)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, tiers); err != nil {
		panic(err)
	}
	return resource.TestCheckResourceAttr(name, key, compact.String())
}

// checkProbelyList checks the whole list, in order, against want.
func checkProbelyList(name string, want []sandbox.ProbelyPlan) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(name, "total", strconv.Itoa(len(want))),
		resource.TestCheckResourceAttr(name, "plans.#", strconv.Itoa(len(want))),
	}
	for i, p := range want {
		checks = append(checks, checkProbelyPlan(name, fmt.Sprintf("plans.%d.", i), p))
	}
	return resource.ComposeAggregateTestCheckFunc(checks...)
}

// probelyPlansWhere is the fixture filtered like the data source filters.
func probelyPlansWhere(sb *acctest.Sandbox, family, currency string) []sandbox.ProbelyPlan {
	var out []sandbox.ProbelyPlan
	for _, p := range sb.ProbelyPlans() {
		if (family == "" || p.Family == family) && (currency == "" || p.CurrencyCode == currency) {
			out = append(out, p)
		}
	}
	return out
}

// probelyFixtureCovers fails the test unless the fixture still holds what the
// checks rely on: both spellings, credits packs and tiers objects.
func probelyFixtureCovers(t *testing.T, plans []sandbox.ProbelyPlan) {
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
	all := sb.ProbelyPlans()
	probelyFixtureCovers(t, all)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "pricing_probely_plans" "all" {}

locals {
  tiered = [for p in data.pricing_probely_plans.all.plans : p if p.tiers_json != null]
}

output "first_tiered_plan_tiers" {
  value = jsondecode(local.tiered[0].tiers_json).tiers
}`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.pricing_probely_plans.all", "total", strconv.Itoa(len(all))),
				checkProbelyList("data.pricing_probely_plans.all", all),
				resource.TestCheckNoResourceAttr("data.pricing_probely_plans.all", "family"),
				resource.TestCheckNoResourceAttr("data.pricing_probely_plans.all", "currency_code"),
				checkFirstTieredPlanOutput(all),
			),
		}},
	})
}

// checkFirstTieredPlanOutput checks that jsondecode(tiers_json) gives back
// the fixture's tiers: the first up_to, and a null up_to on the last tier.
func checkFirstTieredPlanOutput(all []sandbox.ProbelyPlan) resource.TestCheckFunc {
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
	if len(enterprise) < 2 || len(gbp) < 2 || len(proEUR) < 1 || len(gbp) == len(sb.ProbelyPlans()) {
		t.Fatalf("the fixture must make each filter keep some plans and drop others (%d, %d, %d)", len(enterprise), len(gbp), len(proEUR))
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
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
			Check: resource.ComposeAggregateTestCheckFunc(
				checkProbelyList("data.pricing_probely_plans.enterprise", enterprise),
				checkProbelyList("data.pricing_probely_plans.gbp", gbp),
				checkProbelyList("data.pricing_probely_plans.pro_eur", proEUR),
				resource.TestCheckResourceAttr("data.pricing_probely_plans.pro_eur", "family", "pro"),
				resource.TestCheckResourceAttr("data.pricing_probely_plans.pro_eur", "currency_code", "EUR"),
				resource.TestCheckResourceAttr("data.pricing_probely_plans.none", "total", "0"),
				resource.TestCheckResourceAttr("data.pricing_probely_plans.none", "plans.#", "0"),
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
		if got, cmds := sb.Requests(sandbox.VendorProbely), 3; got > cmds {
			return fmt.Errorf("sandbox served %d Probely requests, want at most one per Terraform command (%d)", got, cmds)
		}
		return nil
	}
}

func TestAccProbelyPlansFailsLoudly(t *testing.T) {
	t.Parallel()
	acctest.TestFailures(t, sandbox.VendorProbely, `data "pricing_probely_plans" "all" {}`, []acctest.Failure{
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
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pricing_probely_plans\" \"all\" {\n  %s\n}", tt.config),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}
