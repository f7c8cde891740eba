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

func TestAccOnepinPlanLooksUpByIDAndByName(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	_, plus := onepinPlanNamed(t, sb, "Enterprise Plus")
	_, pro := onepinPlanNamed(t, sb, "Pro Plan")
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfigWith(map[string]string{
				onepinsandbox.Name: fmt.Sprintf("base_url = %q", sb.BaseURL(onepinsandbox.Name)),
			}) + fmt.Sprintf(`
data "pricing_onepin_plans" "all" {}
data "pricing_onepin_plan" "by_id" {
  id = %q
}
data "pricing_onepin_plan" "by_name" {
  name = %q
}`, plus.ID, pro.Name),
			ConfigStateChecks: slices.Concat(
				checkOnepinPlan("data.pricing_onepin_plan.by_id", "", plus),
				checkOnepinPlan("data.pricing_onepin_plan.by_name", "", pro),
				[]statecheck.StateCheck{
					acctest.Attr("data.pricing_onepin_plan.by_id", "limits.users", knownvalue.StringExact("unlimited")),
					acctest.Attr("data.pricing_onepin_plan.by_id", "limits.sla_hours", knownvalue.StringExact("4")),
				},
				acctest.Money("data.pricing_onepin_plan.by_id", "", "49999", "P1Y", "4166.5833333333", false),
				acctest.Money("data.pricing_onepin_plan.by_name", "", "29.99", "P1M", "29.99", false),
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					// Three data sources over one listing in one run: one
					// request per Terraform command, never one per data source.
					if got, cmds := sb.Requests(onepinsandbox.Name), 3; got > cmds {
						return fmt.Errorf("sandbox served %d OnePin requests, want at most one per Terraform command (%d)", got, cmds)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccOnepinPlanFailsUnlessExactlyOneMatches(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	n := len(onepinsandbox.Plans(sb.Server))
	tests := []acctest.ConfigError{
		{"an unknown name", `name = "Platinum Plan"`, fmt.Sprintf(`(?s)No OnePin plan found.*No OnePin plan has name "Platinum Plan"\s+\(searched %d\s+plans\)`, n)},
		{"a name in another case, suggesting the plan's", `name = "pro plan"`, `(?s)No OnePin plan has name "pro plan"; did you\s+mean\s+"Pro Plan"\?`},
		{"a misspelt name, suggesting the closest", `name = "Enterprise Plam"`, `(?s)No OnePin plan has name "Enterprise Plam"; did\s+you\s+mean\s+"Enterprise Plan"\s+or`}, // nearest first
		{"an unknown id", `id = "00000000-0000-4000-8000-000000000000"`, `(?s)No OnePin plan has id\s+"00000000-0000-4000-8000-000000000000"\s+\(searched`},
		{"an id one character off, suggesting the plan's", `id = "a3f1c9d2-4b7e-4f8a-9c2d-1e2b3f4a5c6e"`, `(?s)No OnePin plan has id\s+"a3f1c9d2-4b7e-4f8a-9c2d-1e2b3f4a5c6e"; did\s+you\s+mean\s+"a3f1c9d2-4b7e-4f8a-9c2d-1e2b3f4a5c6d"\?`},
		{"both keys", "id = \"a\"\n  name = \"Pro Plan\"", `(?s)Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[id,name\]`},
		{"no key", ``, `(?s)Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[id,name\]`},
		{"an empty name", `name = ""`, `(?s)Attribute name string length must be at least 1, got: 0`},
	}
	acctest.TestConfigErrors(t, sb, "pricing_onepin_plan", tests)
}
