package datasources_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
)

// checkProbelyAbsentIfRecorded expects null for a key the recorded plan
// shape leaves out, else check.
func checkProbelyAbsentIfRecorded(name, key string, p probelysandbox.Plan, check knownvalue.Check) statecheck.StateCheck {
	if p.Recorded {
		return acctest.Attr(name, key, knownvalue.Null())
	}
	return acctest.Attr(name, key, check)
}

// probelyAmount is a fixture plan's price in the major unit, from cents.
func probelyAmount(p probelysandbox.Plan) knownvalue.Check {
	if p.Price == nil {
		return knownvalue.Null()
	}
	return knownvalue.NumberExact(acctest.Number(fmt.Sprintf("%d.%02d", *p.Price/100, *p.Price%100)))
}

// TestAccProbelyPricesAreInCentsWithNoSetting: Probely's OpenAPI 1.2.0 says
// price is "Price in cents", so price_amount is in the major unit with no
// price_unit set; its bare-array /plans/ and a plan shaped like the one
// recorded from its API are read.
func TestAccProbelyPricesAreInCentsWithNoSetting(t *testing.T) {
	t.Parallel()
	for _, bare := range []bool{false, true} {
		t.Run(fmt.Sprintf("bare array %v", bare), func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t, sandbox.Options{Vendor: probelysandbox.WithBareArray(bare)})
			all := probelysandbox.Plans(sb.Server)
			last := len(all) - 1
			if all[last].ID != probelysandbox.RecordedShapePlanID || all[0].Price == nil || *all[0].Price != 4900 {
				t.Fatal("the fixture must open with a 4900-cent plan and end with the recorded shape")
			}
			const name = "data.pricing_probely_plans.all"
			checks := slices.Concat(checkProbelyList(name, all), []statecheck.StateCheck{
				acctest.Attr(name, "plans.0.price_amount", knownvalue.NumberExact(acctest.Number("49"))),
				acctest.Attr(name, "plans.0.monthly_amount", knownvalue.NumberExact(acctest.Number("49"))),
				acctest.Attr(name, fmt.Sprintf("plans.%d.price_amount", last), knownvalue.NumberExact(acctest.Number("0"))),
				acctest.Attr(name, fmt.Sprintf("plans.%d.billing_period", last), knownvalue.StringExact("P1M")),
				acctest.Attr(name, fmt.Sprintf("plans.%d.charge_model", last), knownvalue.StringExact("")),
			})
			for i, p := range all {
				checks = append(checks, acctest.Attr(name, fmt.Sprintf("plans.%d.price_amount", i), probelyAmount(p)))
			}
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:            sb.ProviderConfig() + `data "pricing_probely_plans" "all" {}`,
					ConfigStateChecks: checks,
				}},
			})
		})
	}
}
