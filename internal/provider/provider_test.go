package provider_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
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
	for _, vendor := range sandbox.VendorNames() {
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
		check  statecheck.StateCheck
	}{
		{
			name:   "IDENTIFAI_API_KEY and IDENTIFAI_BASE_URL",
			env:    map[string]string{"IDENTIFAI_API_KEY": identifaisandbox.Key, "IDENTIFAI_BASE_URL": sb.BaseURL(identifaisandbox.Name)},
			config: `data "pricing_identifai_pricings" "all" {}`,
			check:  statecheck.ExpectKnownValue("data.pricing_identifai_pricings.all", tfjsonpath.New("total"), knownvalue.Int64Exact(45)),
		},
		{
			name:   "the Paygentic CLI's PAYGENTIC_BEARER_AUTH",
			env:    map[string]string{"PAYGENTIC_BEARER_AUTH": paygenticsandbox.Key, "PAYGENTIC_BASE_URL": sb.BaseURL(paygenticsandbox.Name)},
			config: `data "pricing_paygentic_plan" "basic" { id = "plan_t9u0v1w2x3y4z5a6" }`,
			check:  statecheck.ExpectKnownValue("data.pricing_paygentic_plan.basic", tfjsonpath.New("price_amount"), knownvalue.NumberExact(acctest.Number("49.99"))),
		},
		{
			name:   "PROBELY_API_BASE_URL",
			env:    map[string]string{"PROBELY_API_KEY": probelysandbox.Key, "PROBELY_API_BASE_URL": sb.BaseURL(probelysandbox.Name)},
			config: `data "pricing_probely_plan" "example" { id = "enterprise-base-eur" }`,
			check:  statecheck.ExpectKnownValue("data.pricing_probely_plan.example", tfjsonpath.New("family"), knownvalue.StringExact("enterprise")),
		},
		{
			name:   "PAYGENTIC_API_KEY before PAYGENTIC_BEARER_AUTH",
			env:    map[string]string{"PAYGENTIC_API_KEY": paygenticsandbox.Key, "PAYGENTIC_BEARER_AUTH": "stale-cli-key", "PAYGENTIC_BASE_URL": sb.BaseURL(paygenticsandbox.Name)},
			config: `data "pricing_paygentic_plan" "basic" { id = "plan_t9u0v1w2x3y4z5a6" }`,
			check:  statecheck.ExpectKnownValue("data.pricing_paygentic_plan.basic", tfjsonpath.New("currency"), knownvalue.StringExact("USD")),
		},
		{
			name:   "ONEPIN_BASE_URL without a key, the list being public",
			env:    map[string]string{"ONEPIN_BASE_URL": sb.BaseURL(onepinsandbox.Name)},
			config: `data "pricing_onepin_plans" "all" {}`,
			check:  statecheck.ExpectKnownValue("data.pricing_onepin_plans.all", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(onepinsandbox.Plans(sb.Server))))),
		},
		{
			name:   "STREAMSKILL_API_KEY and STREAMSKILL_BASE_URL",
			env:    map[string]string{"STREAMSKILL_API_KEY": streamskillsandbox.Key, "STREAMSKILL_BASE_URL": sb.BaseURL(streamskillsandbox.Name)},
			config: `data "pricing_streamskill_tariff" "one" { id = 1 }`,
			check:  statecheck.ExpectKnownValue("data.pricing_streamskill_tariff.one", tfjsonpath.New("type"), knownvalue.StringExact("twitch_followers")),
		},
	}
	// Every vendor's base URL fallback is read here at least once.
	covered := map[string]bool{}
	for _, tt := range tests {
		for e := range tt.env {
			covered[e] = true
		}
	}
	for _, v := range vendors.All {
		if !slices.ContainsFunc(v.BaseURLEnv, func(e string) bool { return covered[e] }) {
			t.Errorf("no case reads the registered vendor %s's base URL from %v", v.Name, v.BaseURLEnv)
		}
	}
	for _, tt := range tests {
		t.Run("it reads "+tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{Config: tt.config, ConfigStateChecks: []statecheck.StateCheck{tt.check}}},
			})
		})
	}
}

func TestAccProviderPrefersAttributesToTheEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t, sandbox.Options{})
	t.Setenv("IDENTIFAI_API_KEY", "wrong-env-key")
	t.Setenv("IDENTIFAI_BASE_URL", "https://backend.identifai.net")
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `data "pricing_identifai_pricings" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.pricing_identifai_pricings.all", tfjsonpath.New("total"), knownvalue.Int64Exact(45)),
			},
		}},
	})
}

func TestAccProviderRefusesABadBaseURLFromTheEnvironment(t *testing.T) {
	t.Setenv("IDENTIFAI_API_KEY", "k")
	t.Setenv("IDENTIFAI_BASE_URL", "http://backend.identifai.net")
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      `data "pricing_identifai_pricings" "all" {}`,
			ExpectError: acctest.ErrorMatching(`Invalid base URL.*IDENTIFAI_BASE_URL environment variable \(used for identifai.base_url\).*non-loopback`),
		}},
	})
}

func TestAccProviderExplainsAKeyKnownOnlyAfterApply(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "key" {
  input = "later"
}
provider "pricing" {
  identifai = {
    api_key  = terraform_data.key.output
    base_url = "` + sb.BaseURL(identifaisandbox.Name) + `"
  }
}
data "pricing_identifai_pricings" "all" {}`,
			ExpectError: acctest.ErrorMatching(`Unknown provider setting.*identifai.api_key is known only after apply`),
		}},
	})
}

// credentialLike matches attribute names that would hold a secret.
var credentialLike = regexp.MustCompile(`(?i)key|token|secret|password|credential`)

func TestEveryCredentialLikeAttributeIsSensitive(t *testing.T) {
	t.Parallel()
	var found []string
	for name, a := range providerSchema(t).Attributes {
		found = append(found, sensitivityProblems(t, name, a)...)
	}
	p := provider.New("test")()
	for _, newDataSource := range p.DataSources(context.Background()) {
		ds := newDataSource()
		var meta datasource.MetadataResponse
		ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "pricing"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
		for name, a := range resp.Schema.Attributes {
			found = append(found, sensitivityProblems(t, meta.TypeName+"."+name, a)...)
		}
	}
	for _, problem := range found {
		t.Error(problem)
	}
}

// sensitivityProblems walks an attribute and its nested attributes, naming
// each credential-like one that is not sensitive.
func sensitivityProblems(t *testing.T, path string, a interface{ IsSensitive() bool }) []string {
	t.Helper()
	var out []string
	if credentialLike.MatchString(path[strings.LastIndex(path, ".")+1:]) && !a.IsSensitive() {
		out = append(out, path+" looks like a credential but is not sensitive")
	}
	walk := func(children map[string]interface{ IsSensitive() bool }) {
		for name, child := range children {
			out = append(out, sensitivityProblems(t, path+"."+name, child)...)
		}
	}
	switch a := a.(type) {
	case schema.SingleNestedAttribute:
		walk(asSensitivity(a.Attributes))
	case dsschema.SingleNestedAttribute:
		walk(asSensitivity(a.Attributes))
	case dsschema.ListNestedAttribute:
		walk(asSensitivity(a.NestedObject.Attributes))
	}
	return out
}

func asSensitivity[A interface{ IsSensitive() bool }](attrs map[string]A) map[string]interface{ IsSensitive() bool } {
	out := make(map[string]interface{ IsSensitive() bool }, len(attrs))
	for k, v := range attrs {
		out[k] = v
	}
	return out
}
