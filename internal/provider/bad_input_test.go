package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
)

// badInput is one invalid configuration of one argument, and the diagnostic
// that must name that argument.
type badInput struct {
	block    string // "provider", "function" or a data source type
	argument string // the argument walked, as a path ("identifai.base_url")
	body     string // the block's body
	want     string // acctest.ErrorMatching pattern naming the argument
}

// badInputs walks every argument of the provider block, of every data
// source and of the function with values Terraform or the provider must refuse at plan time,
// before any request is sent.
var badInputs = []badInput{
	// The provider block.
	{"provider", "max_retries", `max_retries = 11`, `Attribute max_retries value must be between 0 and 10, got: 11`},
	{"provider", "max_retries", `max_retries = -1`, `Attribute max_retries value must be between 0 and 10, got: -1`},
	{"provider", "request_timeout", `request_timeout = "soon"`, `Attribute request_timeout value "soon" must be a positive duration`},
	{"provider", "request_timeout", `request_timeout = "-1s"`, `Attribute request_timeout value "-1s" must be a positive duration`},
	{"provider", "request_timeout", `request_timeout = "0s"`, `Attribute request_timeout value "0s" must be a positive duration`},
	{"provider", "rate_limit_wait", `rate_limit_wait = "forever"`, `Attribute rate_limit_wait value "forever" must be a positive duration`},
	{"provider", "rate_limit_wait", `rate_limit_wait = "0s"`, `Attribute rate_limit_wait value "0s" must be a positive duration`},
	{"provider", "read_timeout", `read_timeout = "-10m"`, `Attribute read_timeout value "-10m" must be a positive duration`},
	{"provider", "read_timeout", `read_timeout = "10"`, `Attribute read_timeout value "10" must be a positive duration`},
	{"provider", "max_parallel_requests", `max_parallel_requests = 0`, `Attribute max_parallel_requests value must be between 1 and 32, got: 0`},
	{"provider", "max_parallel_requests", `max_parallel_requests = 33`, `Attribute max_parallel_requests value must be between 1 and 32, got: 33`},
	{"provider", "max_listing_bytes", `max_listing_bytes = 1000`, `Attribute max_listing_bytes value must be between 1048576 and 201326592, got: 1000`},
	{"provider", "identifai.api_key", `identifai = { api_key = "" }`, `Attribute identifai.api_key string length must be at least 1`},
	{"provider", "identifai.base_url", `identifai = { base_url = "http://backend.identifai.net" }`, `Attribute identifai.base_url base URL "http://backend.identifai.net" uses http:// on a non-loopback host`},
	{"provider", "paygentic.api_key", `paygentic = { api_key = "" }`, `Attribute paygentic.api_key string length must be at least 1`},
	{"provider", "paygentic.base_url", `paygentic = { base_url = "http://api.paygentic.io" }`, `Attribute paygentic.base_url base URL "http://api.paygentic.io" uses http:// on a non-loopback host`},
	{"provider", "probely.api_key", `probely = { api_key = "" }`, `Attribute probely.api_key string length must be at least 1`},
	{"provider", "probely.base_url", `probely = { base_url = "ftp://api.probely.com" }`, `Attribute probely.base_url base URL "ftp://api.probely.com" must use https://`},
	{"provider", "onepin.api_key", `onepin = { api_key = "" }`, `Attribute onepin.api_key string length must be at least 1`},
	{"provider", "onepin.base_url", `onepin = { base_url = "https://user:pw@api.onepin.ai" }`, `Attribute onepin.base_url base URL "https://\*\*\*@api.onepin.ai" must not contain user information`},
	{"provider", "onepin.workspace_id", `onepin = { workspace_id = "" }`, `Attribute onepin.workspace_id string length must be at least 1`},
	{"provider", "streamskill.api_key", `streamskill = { api_key = "" }`, `Attribute streamskill.api_key string length must be at least 1`},
	{"provider", "streamskill.base_url", `streamskill = { base_url = "https://api.streamskill.pro/v1?debug=1" }`, `Attribute streamskill.base_url base URL "https://api.streamskill.pro/v1\?\*\*\*"\s+must not have a query`},
	{"provider", "paygentic.base_url", `paygentic = { base_url = "https://api.paygentic.io/?api_key=s3cr3t#tok=s3cr3t" }`, `base URL "https://api.paygentic.io/\?\*\*\*#\*\*\*"\s+must not have a query or fragment`},
	{"provider", "probely.base_url", `probely = { base_url = "https://user:s3cr3t pw@api.probely.com" }`, `base URL "https://\*\*\*@api.probely.com" is not a valid URL`},
	{"provider", "identifai.base_url", `identifai = { base_url = "https://backend.identifai.net:70000" }`, `port 70000 is not between 1 and 65535`},
	{"provider", "streamskill.language", `streamskill = { language = "de" }`, `Attribute streamskill.language value must be one of: \["en" "ru"\], got: "de"`},
	{"provider", "an unknown setting", `region = "eu"`, `An argument named "region" is not expected here`},

	// pricing_identifai_pricings.
	{"pricing_identifai_pricings", "order", `order = "Name; DROP"`, `Attribute order must be a field name in lower snake_case`},
	{"pricing_identifai_pricings", "direction", `direction = "up"`, `Attribute direction value must be one of: \["asc" "desc"\], got: "up"`},
	{"pricing_identifai_pricings", "per_page", `per_page = 0`, `Attribute per_page value must be between 1 and 1000, got: 0`},
	{"pricing_identifai_pricings", "per_page", `per_page = 1001`, `Attribute per_page value must be between 1 and 1000, got: 1001`},
	{"pricing_identifai_pricings", "per_page", `per_page = "ten"`, `Inappropriate value for attribute "per_page": a number is required`},

	// pricing_identifai_pricing.
	{"pricing_identifai_pricing", "id", `id = 0`, `Attribute id value must be at least 1, got: 0`},
	{"pricing_identifai_pricing", "sku", `sku = ""`, `Attribute sku string length must be at least 1, got: 0`},
	{"pricing_identifai_pricing", "name", `name = ""`, `Attribute name string length must be at least 1, got: 0`},
	{"pricing_identifai_pricing", "none of id, sku, name", ``, `Exactly one of these attributes must be configured: \[id,sku,name\]`},
	{"pricing_identifai_pricing", "two of id, sku, name", "id = 1\n  sku = \"trial\"", `Exactly one of these attributes must be configured: \[id,sku,name\]`},

	// pricing_paygentic_plans.
	{"pricing_paygentic_plans", "merchant_id", `merchant_id = "acme"`, `Attribute merchant_id must match \^org_`},
	{"pricing_paygentic_plans", "product_id", `product_id = "widget"`, `Attribute product_id must match \^prod_`},

	// pricing_paygentic_plan.
	{"pricing_paygentic_plan", "id", `id = "basic"`, `Attribute id must match \^plan_`},
	{"pricing_paygentic_plan", "id", ``, `The argument "id" is required`},

	// pricing_probely_plans.
	{"pricing_probely_plans", "family", `family = ""`, `Attribute family string length must be at least 1, got: 0`},
	{"pricing_probely_plans", "currency_code", `currency_code = "usd"`, `Attribute currency_code value must be one of: \["USD" "EUR" "GBP"\], got: "usd"`},

	// pricing_probely_plan.
	{"pricing_probely_plan", "id", `id = ""`, `Attribute id string length must be at least 1, got: 0`},
	{"pricing_probely_plan", "id", ``, `The argument "id" is required`},

	// pricing_onepin_plans takes no arguments.
	{"pricing_onepin_plans", "an argument it does not take", `limit = 5`, `An argument named "limit" is not expected here`},

	// pricing_onepin_plan.
	{"pricing_onepin_plan", "id", `id = ""`, `Attribute id string length must be at least 1, got: 0`},
	{"pricing_onepin_plan", "name", `name = ""`, `Attribute name string length must be at least 1, got: 0`},
	{"pricing_onepin_plan", "neither id nor name", ``, `Exactly one of these attributes must be configured: \[id,name\]`},
	{"pricing_onepin_plan", "both id and name", "id = \"x\"\n  name = \"Pro Plan\"", `Exactly one of these attributes must be configured: \[id,name\]`},

	// pricing_streamskill_tariff.
	{"pricing_streamskill_tariff", "id", `id = 0`, `Attribute id value must be at least 1, got: 0`},
	// A fraction for an integer is refused by the framework itself, before
	// any validator, with a message that blames the provider; Terraform
	// still points at the argument's line.
	{"pricing_streamskill_tariff", "id", `id = 1.5`, `with data.pricing_streamskill_tariff.bad.*id = 1\.5.*Value .*1\.5.* is not an integer`},
	{"pricing_streamskill_tariff", "id", ``, `The argument "id" is required`},
	{"pricing_streamskill_tariff", "language", "id = 1\n  language = \"de\"", `Attribute language value must be one of: \["en" "ru"\], got: "de"`},

	// pricing_tariff_quote: what plan-time validation can refuse; rules that
	// need the tariff (a custom count range, hourly) are in
	// TestAccTariffQuoteRefusesBadInput.
	{"pricing_tariff_quote", "tariff_id", "tariff_id = 0\n  quantity = 1", `Attribute tariff_id value must be at least 1, got: 0`},
	{"pricing_tariff_quote", "tariff_id", `quantity = 1`, `The argument "tariff_id" is required`},
	{"pricing_tariff_quote", "quantity", "tariff_id = 1\n  quantity = 0", `Attribute quantity value must be a whole number >= 1, got: 0`},
	{"pricing_tariff_quote", "quantity", "tariff_id = 1\n  quantity = 2.5", `Attribute quantity value must be a whole number >= 1, got: 2\.5`},
	{"pricing_tariff_quote", "quantity", `tariff_id = 1`, `The argument "quantity" is required`},
	{"pricing_tariff_quote", "duration", "tariff_id = 1\n  quantity = 1\n  duration = -1", `Attribute duration value must be a whole number >= 1, got: -1`},
	{"pricing_tariff_quote", "language", "tariff_id = 1\n  quantity = 1\n  language = \"fr\"", `Attribute language value must be one of: \["en" "ru"\], got: "fr"`},

	// provider::pricing::tariff_quote(tariff, quantity, duration): each
	// error points at its argument; every rule is in
	// TestAccTariffQuoteFunctionRefusesBadArguments.
	{"function", "tariff", `"standard", 1, 1`, `Invalid value for "tariff" parameter: tariff must be an object`},
	{"function", "tariff", `{price = 50, base_count = 100, hourly = false}, 1, 1`, `Invalid value for "tariff" parameter: tariff pricing_type = \(missing\) is invalid`},
	{"function", "quantity", quoteFunctionTariff + `, -3, 1`, `Invalid value for "quantity" parameter: quantity -3 is invalid: must be a whole number >= 1`},
	{"function", "quantity", quoteFunctionTariff + `, null, 1`, `Invalid function argument.*Invalid value for "quantity" parameter: argument must not be null`},
	{"function", "duration", quoteFunctionTariff + `, 1, 0.5`, `Invalid value for "duration" parameter: duration 0\.5 is invalid: must be a whole number >= 1`},
	{"function", "duration", quoteFunctionTariff + `, 1`, `Not enough function arguments.*tariff_quote.*duration`},
}

// quoteFunctionTariff is a valid tariff object for the function's rows.
const quoteFunctionTariff = `{pricing_type = "standard", price = 50, base_count = 100, hourly = false}`

// config renders the row: a provider block, a call of
// provider::pricing::tariff_quote, or a data source (validation needs no
// vendor settings).
func (b badInput) config() string {
	switch b.block {
	case "provider":
		return fmt.Sprintf("provider \"pricing\" {\n  %s\n}\ndata \"pricing_onepin_plans\" \"all\" {}\n", b.body)
	case "function":
		return fmt.Sprintf("output \"q\" {\n  value = provider::pricing::tariff_quote(%s)\n}\n", b.body)
	}
	return fmt.Sprintf("data %q \"bad\" {\n  %s\n}\n", b.block, b.body)
}

func TestAccEveryArgumentRefusesBadInputNamingTheArgument(t *testing.T) {
	t.Parallel()
	for _, tt := range badInputs {
		t.Run(fmt.Sprintf("%s %s: %s", tt.block, tt.argument, tt.body), func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, resource.TestCase{
				// Some cases call provider-defined functions.
				TerraformVersionChecks: []tfversion.TerraformVersionCheck{acctest.ProviderFunctions},
				Steps: []resource.TestStep{{
					Config:      tt.config(),
					PlanOnly:    true,
					ExpectError: acctest.ErrorMatching(tt.want),
				}},
			})
		})
	}
}
