package provider_test

import (
	"context"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

func providerSchema(t *testing.T) schema.Schema {
	t.Helper()
	var resp fwprovider.SchemaResponse
	provider.New("test")().Schema(context.Background(), fwprovider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	return resp.Schema
}

func TestEveryVendorKeyIsSensitiveAndEveryAttributeDescribed(t *testing.T) {
	t.Parallel()
	s := providerSchema(t)
	for _, vendor := range sandbox.Vendors {
		block, ok := s.Attributes[vendor].(schema.SingleNestedAttribute)
		if !ok {
			t.Fatalf("provider has no %s block", vendor)
		}
		key, ok := block.Attributes["api_key"].(schema.StringAttribute)
		if !ok || !key.Sensitive {
			t.Errorf("%s.api_key must exist and be sensitive", vendor)
		}
		for name, a := range block.Attributes {
			if a.GetMarkdownDescription() == "" {
				t.Errorf("%s.%s has no description", vendor, name)
			}
		}
	}
	for name, a := range s.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s has no description", name)
		}
	}
}

func TestAccProviderReadsSettingsFromTheEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t, sandbox.Options{})
	tests := []struct {
		name   string
		env    map[string]string
		config string
		check  resource.TestCheckFunc
	}{
		{
			name:   "IDENTIFAI_API_KEY and IDENTIFAI_BASE_URL",
			env:    map[string]string{"IDENTIFAI_API_KEY": sandbox.IdentifaiKey, "IDENTIFAI_BASE_URL": sb.BaseURL(sandbox.VendorIdentifai)},
			config: `data "pricing_identifai_pricings" "all" {}`,
			check:  resource.TestCheckResourceAttr("data.pricing_identifai_pricings.all", "total", "45"),
		},
		{
			name:   "the Paygentic CLI's PAYGENTIC_BEARER_AUTH",
			env:    map[string]string{"PAYGENTIC_BEARER_AUTH": sandbox.PaygenticKey, "PAYGENTIC_BASE_URL": sb.BaseURL(sandbox.VendorPaygentic)},
			config: `data "pricing_paygentic_plan" "basic" { id = "plan_t9u0v1w2x3y4z5a6" }`,
			check:  resource.TestCheckResourceAttr("data.pricing_paygentic_plan.basic", "price_amount", "49.99"),
		},
		{
			name:   "PROBELY_API_BASE_URL",
			env:    map[string]string{"PROBELY_API_KEY": sandbox.ProbelyKey, "PROBELY_API_BASE_URL": sb.BaseURL(sandbox.VendorProbely)},
			config: `data "pricing_probely_plan" "example" { id = "enterprise-base-eur" }`,
			check:  resource.TestCheckResourceAttr("data.pricing_probely_plan.example", "family", "enterprise"),
		},
		{
			name:   "PAYGENTIC_API_KEY before PAYGENTIC_BEARER_AUTH",
			env:    map[string]string{"PAYGENTIC_API_KEY": sandbox.PaygenticKey, "PAYGENTIC_BEARER_AUTH": "stale-cli-key", "PAYGENTIC_BASE_URL": sb.BaseURL(sandbox.VendorPaygentic)},
			config: `data "pricing_paygentic_plan" "basic" { id = "plan_t9u0v1w2x3y4z5a6" }`,
			check:  resource.TestCheckResourceAttr("data.pricing_paygentic_plan.basic", "currency", "USD"),
		},
	}
	for _, tt := range tests {
		t.Run("it reads "+tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tt.config, Check: tt.check}},
			})
		})
	}
}

func TestAccProviderPrefersAttributesToTheEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t, sandbox.Options{})
	t.Setenv("IDENTIFAI_API_KEY", "wrong-env-key")
	t.Setenv("IDENTIFAI_BASE_URL", "https://backend.identifai.net")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `data "pricing_identifai_pricings" "all" {}`,
			Check:  resource.TestCheckResourceAttr("data.pricing_identifai_pricings.all", "total", "45"),
		}},
	})
}

func TestAccProviderRefusesABadBaseURLFromTheEnvironment(t *testing.T) {
	t.Setenv("IDENTIFAI_API_KEY", "k")
	t.Setenv("IDENTIFAI_BASE_URL", "http://backend.identifai.net")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `data "pricing_identifai_pricings" "all" {}`,
			ExpectError: acctest.ErrorMatching(`Invalid base URL.*IDENTIFAI_BASE_URL environment variable \(used for identifai.base_url\).*non-loopback`),
		}},
	})
}

func TestAccProviderValidatesItsSettings(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, config, want string }{
		{"a request_timeout that is not a duration", `request_timeout = "soon"`, `Attribute request_timeout value "soon" must be a positive duration`},
		{"a negative request_timeout", `request_timeout = "-1s"`, `Attribute request_timeout value "-1s" must be a positive duration`},
		{"too many retries", `max_retries = 11`, `Attribute max_retries value must be between 0 and 10, got: 11`},
		{"no parallelism", `max_parallel_requests = 0`, `Attribute max_parallel_requests value must be between 1 and 32, got: 0`},
		{"an unknown language", `streamskill = { language = "de" }`, `Attribute streamskill.language value must be one of: \["en" "ru"\], got: "de"`},
		{"an http base URL off loopback", `paygentic = { base_url = "http://api.paygentic.io" }`, `Attribute paygentic.base_url base URL "http://api.paygentic.io" uses http:// on a non-loopback host`},
		{"a base URL with another scheme", `probely = { base_url = "ftp://api.probely.com" }`, `Attribute probely.base_url base URL "ftp://api.probely.com" must use https://`},
		{"an empty api_key", `onepin = { api_key = "" }`, `Attribute onepin.api_key string length must be at least 1`},
	}
	for _, tt := range tests {
		t.Run("it refuses "+tt.name, func(t *testing.T) {
			t.Parallel()
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "provider \"pricing\" {\n  " + tt.config + "\n}\ndata \"pricing_identifai_pricings\" \"all\" {}",
					ExpectError: acctest.ErrorMatching(tt.want),
				}},
			})
		})
	}
}

func TestAccProviderExplainsAKeyKnownOnlyAfterApply(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "key" {
  input = "later"
}
provider "pricing" {
  identifai = {
    api_key  = terraform_data.key.output
    base_url = "` + sb.BaseURL(sandbox.VendorIdentifai) + `"
  }
}
data "pricing_identifai_pricings" "all" {}`,
			ExpectError: acctest.ErrorMatching(`Unknown provider setting.*identifai.api_key is known only after apply`),
		}},
	})
}
