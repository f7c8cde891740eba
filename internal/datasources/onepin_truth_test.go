package datasources_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
)

// onepinLimitCheck is what a fixture limit must read as: null stays null
// (unlimited), booleans "true"/"false", lists compact JSON, numbers and
// strings as sent.
func onepinLimitCheck(v any) knownvalue.Check {
	switch v := v.(type) {
	case nil:
		return knownvalue.Null()
	case []string:
		b, _ := json.Marshal(v)
		return knownvalue.StringExact(string(b))
	}
	return knownvalue.StringExact(fmt.Sprint(v))
}

// checkOnepinDetails checks plan_details against the fixture's sections.
func checkOnepinDetails(name, prefix string, d *onepinsandbox.PlanDetails) []statecheck.StateCheck {
	if d == nil {
		return []statecheck.StateCheck{acctest.Attr(name, prefix+"plan_details", knownvalue.Null())}
	}
	checks := []statecheck.StateCheck{acctest.Attr(name, prefix+"plan_details", knownvalue.ListSizeExact(len(d.Sections)))}
	for i, s := range d.Sections {
		at := fmt.Sprintf("%splan_details.%d.", prefix, i)
		checks = append(checks, acctest.Attr(name, at+"title", knownvalue.StringExact(s.Title)),
			acctest.Attr(name, at+"items", knownvalue.ListSizeExact(len(s.Items))))
		for j, it := range s.Items {
			checks = append(checks, acctest.Attr(name, fmt.Sprintf("%sitems.%d.label", at, j), knownvalue.StringExact(it.Label)),
				acctest.Attr(name, fmt.Sprintf("%sitems.%d.value", at, j), knownvalue.StringExact(it.Value)))
		}
	}
	return checks
}

// TestAccOnepinReadsPlansShapedAsItsSDKTypesThem: plan_details in the
// configured language, limits that are null (unlimited), booleans and
// lists, and a lower-case currency.
func TestAccOnepinReadsPlansShapedAsItsSDKTypesThem(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	all := onepinsandbox.Plans(sb.Server)
	var studio onepinsandbox.Plan
	studioAt := -1
	for i, p := range all {
		if p.Name == "Studio" {
			studio, studioAt = p, i
		}
	}
	if studioAt < 0 || studio.Limits["seats"] != nil || studio.Details == nil {
		t.Fatal("the fixture must hold the Studio plan, with null seats and plan_details")
	}
	config := func(lang string) string {
		block := fmt.Sprintf("base_url = %q", sb.BaseURL(onepinsandbox.Name))
		if lang != "" {
			block += fmt.Sprintf("\n    language = %q", lang)
		}
		return sb.ProviderConfigWith(map[string]string{onepinsandbox.Name: block}) + fmt.Sprintf(`
data "pricing_onepin_plans" "all" {}
data "pricing_onepin_plan" "creator" { id = %q }
output "unlimited_seats" {
  value = [for p in data.pricing_onepin_plans.all.plans : p.name if p.limits != null && lookup(p.limits, "seats", "absent") == null]
}`, onepinsandbox.SDKPlanID)
	}
	const list, one = "data.pricing_onepin_plans.all", "data.pricing_onepin_plan.creator"
	at := fmt.Sprintf("plans.%d.", studioAt)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: config(""),
			ConfigStateChecks: slices.Concat(
				checkOnepinPlan(list, at, studio),
				checkOnepinPlan(one, "", all[studioAt-1]),
				acctest.Money(list, at, "1900", "P1Y", "158.3333333333", false),
				acctest.Money(one, "", "19", "P1M", "19", false),
				[]statecheck.StateCheck{
					acctest.MapEntry(list, at+"limits", "seats", knownvalue.Null()),
					acctest.MapEntry(list, at+"limits", "byok_enabled", knownvalue.StringExact("true")),
					acctest.MapEntry(list, at+"limits", "supported_languages", knownvalue.StringExact(`["en","ko","ja"]`)),
					acctest.Attr(one, "plan_details.0.title", knownvalue.StringExact("Usage")),
					acctest.Attr(list, "plans.0.plan_details", knownvalue.Null()),
					statecheck.ExpectKnownOutputValue("unlimited_seats", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Studio")})),
				},
			),
		}, {
			Config: config("ko"),
			ConfigStateChecks: slices.Concat(
				checkOnepinDetails(one, "", all[studioAt-1].Details["ko"]),
				[]statecheck.StateCheck{acctest.Attr(one, "plan_details.0.title", knownvalue.StringExact("사용량"))},
			),
		}},
	})
}
