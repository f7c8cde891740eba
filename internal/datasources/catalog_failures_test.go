package datasources_test

import (
	"fmt"
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

func TestAccCatalogRefusesBadArgumentsAtPlanTime(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	tests := []struct {
		name, args, want string
	}{
		{"a negative max_monthly_amount", `max_monthly_amount = -1`, `max_monthly_amount is -1; it must be 0 or more`},
		{"a name_regex that does not compile", `name_regex = "(pro"`, `Invalid regular expression.*name_regex.*\(pro`},
		{"an unknown vendor", `vendors = ["paygentic", "stripe"]`, `vendors.*value must be one of:.*got: "stripe"`},
		{"no vendor at all", `vendors = []`, `vendors set must contain at least 1 elements`},
		{"a vendor without a list and no ids", `vendors = ["streamskill"]`, `StreamSkill needs tariff ids.*set streamskill_tariff_ids`},
		{"tariff ids for a vendor left out", `
  vendors                = ["onepin"]
  streamskill_tariff_ids = [1]`, `streamskill_tariff_ids is set, but vendors does not include "streamskill"`},
	}
	for _, tt := range tests {
		t.Run("it refuses "+tt.name, func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      sb.ProviderConfig() + fmt.Sprintf("data \"pricing_catalog\" \"bad\" {\n  %s\n}", tt.args),
					ExpectError: acctest.ErrorMatching(tt.want),
				}},
			})
			if n := sb.Requests(streamskillsandbox.Name); n != 0 {
				t.Errorf("%d StreamSkill requests for a configuration refused", n)
			}
		})
	}
}

// A catalogue missing a vendor would read as a cheaper market: any vendor
// failing, or asked for without its key, fails the whole read.
func TestAccCatalogIsNeverPartial(t *testing.T) {
	t.Parallel()
	acctest.TestFailures(t, probelysandbox.Name, `data "pricing_catalog" "all" {}`, []acctest.Failure{
		{
			Name:   "when one vendor keeps failing, naming it",
			Faults: []sandbox.Fault{{Status: 500, Sticky: true}},
			Want:   `(?s)Unable to read the pricing catalogue.*Probely: probely: list plans.*500.*never returns a partial catalogue`,
		},
		{
			Name:   "when a vendor named in vendors has no key",
			Block:  `base_url = "%s"`,
			Config: `data "pricing_catalog" "all" { vendors = ["probely", "onepin"] }`,
			Want:   `(?s)Missing Probely API key.*pricing_catalog was asked for Probely.*PROBELY_API_KEY`,
		},
	})
}

func TestAccCatalogLeavesOutByDefaultTheVendorsWithoutAKey(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	want := len(identifaisandbox.Pricings(sb.Server)) + len(paygenticsandbox.Plans(sb.Server)) + len(onepinsandbox.Plans(sb.Server))
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfigWith(map[string]string{
				probelysandbox.Name: fmt.Sprintf("base_url = %q", sb.BaseURL(probelysandbox.Name)),
				onepinsandbox.Name:  fmt.Sprintf("base_url = %q", sb.BaseURL(onepinsandbox.Name)),
			}) + `data "pricing_catalog" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr("data.pricing_catalog.all", "total", knownvalue.Int64Exact(int64(want))),
			},
		}},
	})
	if n := sb.Requests(probelysandbox.Name); n != 0 {
		t.Errorf("%d Probely requests without a Probely key", n)
	}
}
