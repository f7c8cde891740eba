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
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
)

func TestAccIdentifaiPricingLooksUpByEachKey(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	p := identifaisandbox.Pricings(sb.Server)[5] // a pricing with a unique name
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_identifai_pricings" "all" {}
data "pricing_identifai_pricing" "by_id" {
  id = %d
}
data "pricing_identifai_pricing" "by_sku" {
  sku = %q
}
data "pricing_identifai_pricing" "by_name" {
  name = %q
}`, p.ID, p.SKU, p.Name),
			ConfigStateChecks: slices.Concat(
				checkPricing("data.pricing_identifai_pricing.by_id", p),
				checkPricing("data.pricing_identifai_pricing.by_sku", p),
				checkPricing("data.pricing_identifai_pricing.by_name", p),
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					// Four data sources over one listing in one run: one
					// request per Terraform command, never one per data source.
					if got, cmds := sb.Requests(identifaisandbox.Name), 3; got > cmds {
						return fmt.Errorf("sandbox served %d identifAI requests, want at most one per Terraform command (%d)", got, cmds)
					}
					return nil
				},
			),
		}},
	})
}

func checkPricing(name string, p identifaisandbox.Pricing) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		acctest.Attr(name, "id", knownvalue.Int64Exact(int64(p.ID))),
		acctest.Attr(name, "sku", knownvalue.StringExact(p.SKU)),
		acctest.Attr(name, "name", knownvalue.StringExact(p.Name)),
	}
}

func TestAccIdentifaiPricingFailsUnlessExactlyOneMatches(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	var dupIDs []int
	for _, p := range identifaisandbox.Pricings(sb.Server) {
		if p.Name == identifaisandbox.DuplicateName {
			dupIDs = append(dupIDs, p.ID)
		}
	}
	if len(dupIDs) < 2 {
		t.Fatalf("the fixture must hold at least two pricings named %q", identifaisandbox.DuplicateName)
	}
	tests := []acctest.ConfigError{
		{"an unknown id", `id = 99999`, `(?s)No identifAI pricing found.*No identifAI pricing has id 99999`},
		{"an unknown sku", `sku = "nope"`, `(?s)No identifAI pricing has sku "nope"\s+\(searched`},
		{"a sku in another case, suggesting the pricing's", `sku = "IMG-10K"`, `(?s)No identifAI pricing has sku "IMG-10K"; did\s+you\s+mean\s+"img-10k"\?`},
		{"a misspelt name, suggesting the closest", `name = "Free Trail"`, `(?s)No identifAI pricing has name "Free Trail"; did\s+you\s+mean\s+"Free\s+Trial"\?`},
		{"a shared name", fmt.Sprintf(`name = %q`, identifaisandbox.DuplicateName),
			fmt.Sprintf(`(?s)More than one identifAI pricing found.*%d identifAI pricings have name "%s"\s+\(ids %d, %d`, len(dupIDs), identifaisandbox.DuplicateName, dupIDs[0], dupIDs[1])}, // ids ascending
		{"two keys", "id = 1\n  sku = \"testB\"", `(?s)Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[id,sku,name\]`},
		{"no key", ``, `(?s)Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[id,sku,name\]`},
	}
	acctest.TestConfigErrors(t, sb, "pricing_identifai_pricing", tests)
}
