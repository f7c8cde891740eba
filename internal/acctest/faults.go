package acctest

import (
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// FaultRate is the share of requests the fault suite answers with a
// transient 429 (with Retry-After, or the vendor's own reset header) or 503.
const FaultRate = 0.3

// FlakyRetries is max_retries for runs under FaultRate: enough that a page
// hit by several faults in a row still completes.
const FlakyRetries = 8

// BrokenResponse is one way a vendor's answer can be unusable, and the error
// the provider must give for it, within a bound.
type BrokenResponse struct {
	// Name reads as the end of a sentence: "it fails on <Name>".
	Name string
	// Fault is injected sticky on every request to the vendor.
	Fault sandbox.Fault
	// RequestTimeout is the provider's request_timeout for the run.
	RequestTimeout string
	// Want is an ErrorMatching pattern for what the diagnostic says after
	// naming the vendor, the request and its URL.
	Want string
}

// BrokenResponses is every unusable answer the sandbox can give. Each must
// fail the read with a clear error, never a partial or empty list, and never
// hang: the 100 MB body is cut at the size cap and the silent server at
// request_timeout, which the errors say; no test times them, as a loaded
// machine would fail a bound on the clock.
var BrokenResponses = []BrokenResponse{
	{
		Name:           "a connection dropped mid-body",
		Fault:          sandbox.Fault{Kind: sandbox.FaultDropConnection},
		RequestTimeout: "10s",
		Want:           `connection closed before the whole response arrived.*unexpected EOF`,
	},
	{
		Name:           "a truncated JSON body",
		Fault:          sandbox.Fault{Kind: sandbox.FaultMalformedJSON},
		RequestTimeout: "10s",
		Want:           `response is not the documented JSON \(unexpected EOF\)`,
	},
	{
		Name:           "an HTML error page with status 200",
		Fault:          sandbox.Fault{Kind: sandbox.FaultHTML200},
		RequestTimeout: "10s",
		Want:           `response is not the documented JSON .*body starts with: <!DOCTYPE html>`,
	},
	{
		Name:           "an empty body",
		Fault:          sandbox.Fault{Kind: sandbox.FaultEmptyBody},
		RequestTimeout: "10s",
		Want:           `empty response body where JSON was expected`,
	},
	{
		Name:           "a body of 100 MB",
		Fault:          sandbox.Fault{Kind: sandbox.FaultHugeBody},
		RequestTimeout: "10s",
		Want:           fmt.Sprintf(`response body exceeds the %d byte limit`, httpapi.DefaultMaxResponseBytes),
	},
	{
		Name:           "a server that never answers",
		Fault:          sandbox.Fault{Kind: sandbox.FaultHang},
		RequestTimeout: "2s",
		Want:           `no complete response within request_timeout \(2s\)`,
	},
}

// Settings are the provider settings for a run against this answer: few
// retries (a dropped connection is retried) and its request_timeout.
func (b BrokenResponse) Settings() []string {
	return []string{"max_retries = 2", fmt.Sprintf("request_timeout = %q", b.RequestTimeout)}
}

// CheckTransientFaultsServed checks that a run under FaultRate really met
// faults, so a full list afterwards proves the retries, not luck.
func (s *Sandbox) CheckTransientFaultsServed(vendor string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		throttled := s.Responses(vendor, http.StatusTooManyRequests)
		unavailable := s.Responses(vendor, http.StatusServiceUnavailable)
		if throttled+unavailable == 0 {
			return fmt.Errorf("the sandbox served no 429 or 503 to %s in %d requests; pick another seed", vendor, s.Requests(vendor))
		}
		return nil
	}
}
