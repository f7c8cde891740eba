package provider_test

import (
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
)

func TestAccProviderRefusesABadWaitFromTheEnvironment(t *testing.T) {
	t.Setenv("PRICING_READ_TIMEOUT", "soon")
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      `data "pricing_identifai_pricings" "all" {}`,
			ExpectError: acctest.ErrorMatching(`Invalid duration.*PRICING_READ_TIMEOUT environment variable \(used for read_timeout\) is "soon"`),
		}},
	})
}

func TestAccProviderTakesRateLimitWaitFromTheEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t, sandbox.Options{})
	sb.InjectFaults(identifaisandbox.Name, sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: "1", Sticky: true})
	t.Setenv("PRICING_RATE_LIMIT_WAIT", "1s")
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      sb.ProviderConfig() + `data "pricing_identifai_pricings" "all" {}`,
			ExpectError: acctest.ErrorMatching(`HTTP 429 .*throttled 2 times over .*rate_limit_wait \(1s\).*the vendor last asked to wait 1s`),
		}},
	})
	if got := sb.Responses(identifaisandbox.Name, http.StatusTooManyRequests); got != 2 {
		t.Errorf("identifAI answered 429 %d times, want 2: the second wait would pass rate_limit_wait", got)
	}
}
