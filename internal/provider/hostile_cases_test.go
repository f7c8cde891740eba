package provider_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

var (
	allVendors  = hostile.Vendors()
	listVendors = hostile.Listing()
	// numberVendors have a number field that reaches the state.
	numberVendors = slices.DeleteFunc(slices.Clone(hostile.Vendors()), func(v string) bool { return hostile.NumberField(v) == "" })
	// numberedVendors say on page 1 how many pages and items there are.
	numberedVendors = []string{identifaisandbox.Name, paygenticsandbox.Name, probelysandbox.Name}
	// linkVendors page by absolute next links the client is handed.
	linkVendors = []string{identifaisandbox.Name, onepinsandbox.Name}
)

// The harness itself: on a vendor that behaves, every check of the suite
// passes, so a failure elsewhere is the provider's, not the harness's.
func TestAccHostileHarnessPassesOnAVendorThatBehaves(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "reads two pages of a correct listing", behaviour: "benign", vendors: listVendors, succeeds: true, maxRequests: 2,
			check: checkRequests(2)},
		{name: "reads a correct tariff", behaviour: "benign", vendors: []string{streamskillsandbox.Name}, succeeds: true, maxRequests: 1,
			check: checkRequests(1)},
		{name: "reads a correct plan by id", behaviour: "benign", vendors: []string{paygenticsandbox.Name}, lookup: true, succeeds: true, maxRequests: 1},
		{name: "waits out a Retry-After in the year 9999 capped, not forever", behaviour: "retry-after-far-date", vendors: []string{paygenticsandbox.Name},
			want: []string{`HTTP 429`}, check: checkWaitedBetweenTries},
	})
}

// Defect 1: a key echoed back anywhere never reaches terraform's output or
// log. The key check runs on every case; these plant it on purpose.
func TestAccHostileVendorNeverGetsTheKeyShown(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "fails without showing the key it echoes in every field of a 401", behaviour: "key-in-error-401", vendors: allVendors,
			want: []string{`HTTP 401`, `{endpoint}`}, maxRequests: 1},
		{name: "fails without showing the key it echoes in every field of a 422", behaviour: "key-in-error-422", vendors: allVendors,
			want: []string{`HTTP 422`, `{endpoint}`}, maxRequests: 1},
		{name: "fails without showing the key it echoes in every field of a retried 503", behaviour: "key-in-error-503", vendors: allVendors,
			want: []string{`HTTP 503`, `{endpoint}`}, maxRequests: 2},
		{name: "fails without showing the key it writes with a JSON unicode escape", behaviour: "key-in-error-unicode-escaped", vendors: allVendors,
			want: []string{`HTTP 422`, `{endpoint}`}, maxRequests: 1},
		{name: "fails without showing the key it echoes in FastAPI's loc, msg and type", behaviour: "key-in-fastapi-422", vendors: []string{onepinsandbox.Name},
			want: []string{`HTTP 422`, `{endpoint}`}, maxRequests: 1},
		{name: "fails without showing the key it quotes in an HTML page with status 200", behaviour: "key-in-html-200", vendors: allVendors,
			want: []string{`{endpoint}`, `(?i)not the documented JSON|contains the API key`}, maxRequests: 1},
		{name: "fails without showing the key it echoes in an error body with status 200", behaviour: "key-in-json-200-error", vendors: allVendors,
			want: []string{`{endpoint}`}, maxRequests: 1},
		{name: "fails without showing the key it answers as the plan's id", behaviour: "key-in-plan-id", vendors: []string{paygenticsandbox.Name}, lookup: true,
			want: []string{`{endpoint}`, `plan_h1`}, maxRequests: 1},
		{name: "fails without showing the key it puts in a next link to another origin", behaviour: "key-in-next-link-off-origin", vendors: linkVendors,
			want: []string{`(?i)next`}, maxRequests: 1, check: checkNothingStrayed},
		{name: "fails without showing or sending the key it puts in a next link's path on the same origin", behaviour: "key-in-next-link-path", vendors: linkVendors,
			want: []string{`(?i)next`}, maxRequests: 1, check: checkNothingStrayed},
		{name: "fails without showing the key it puts in a redirect's Location", behaviour: "key-in-redirect", vendors: allVendors,
			want: []string{`(?i)redirect`}, maxRequests: 1, check: checkNothingStrayed},
		{name: "fails without showing the key it puts in response headers", behaviour: "key-in-headers", vendors: allVendors,
			want: []string{`HTTP 429`}, maxRequests: 2},
		{name: "refuses, without quoting it, a listing whose ids and names hold the key", behaviour: "key-in-success-body", vendors: allVendors,
			want: []string{`{endpoint}`, `the response contains the API key; refusing to use or store it`}, maxRequests: 1},
		{name: "never shows the key it puts in every string of a listing, codes and amounts included", behaviour: "key-in-every-string",
			vendors: allVendors, anyExit: true},
	})
}

// Defect 3: a body that is not a list, or an item without an identity,
// fails the read naming vendor, endpoint and field.
func TestAccHostileVendorBodyThatIsNotAListFailsTheRead(t *testing.T) {
	t.Parallel()
	// The field the envelope lacks: the list, or the item's identity.
	const field = `(?i)\b(data|results|id)\b`
	runHostileCases(t, []hostileCase{
		{name: "fails when a 200 body is null", behaviour: "null-body", vendors: allVendors, want: []string{`{endpoint}`, field}, maxRequests: 1},
		{name: "fails when a 200 body is {}", behaviour: "empty-object-body", vendors: allVendors, want: []string{`{endpoint}`, field}, maxRequests: 1},
		{name: "fails when a duplicate key turns the list into null", behaviour: "list-overridden-by-duplicate-key", vendors: listVendors,
			want: []string{`{endpoint}`, field}, maxRequests: 1},
		{name: "fails when the list holds null", behaviour: "null-item", vendors: listVendors, want: []string{`{endpoint}`, `(?i)\bid\b|null`}, maxRequests: 1},
		{name: "fails when an item has no id", behaviour: "item-without-id", vendors: allVendors, want: []string{`{endpoint}`, `(?i)\bid\b`}, maxRequests: 1},
		{name: "fails when an item's id is empty or zero", behaviour: "item-with-empty-id", vendors: allVendors, want: []string{`{endpoint}`, `(?i)\bid\b`}, maxRequests: 1},
		{name: "names the tariff asked for when a quoted tariff's body is {}", behaviour: "empty-object-body", vendors: []string{streamskillsandbox.Name},
			read: `data "pricing_tariff_quote" "read" {
  tariff_id = 1
  quantity  = 100
}`, want: []string{`(?i)tariff 1\b`}, maxRequests: 1,
			check: func(t *testing.T, h hostileRun) {
				if strings.Contains(h.run.Output, "tariff 0") {
					t.Errorf("the diagnostic names tariff 0, which nobody asked for")
				}
			}},
	})
}

// Defect 4: the page count is checked against the total and the page size
// before page 2 is asked for, empty pages before the last fail, and a
// listing has a hard bound.
func TestAccHostileVendorPagingIsCheckedAndBounded(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "fails within two requests when its total and page count lie", behaviour: "lying-total", vendors: numberedVendors,
			want: []string{`(?i)page|total`}, maxRequests: 2},
		{name: "fails within two requests when it claims ten million items or ten thousand pages", behaviour: "endless-pages", vendors: numberedVendors,
			want: []string{`(?i)page|total`}, maxRequests: 2},
		{name: "gives up at the page bound when a next link never ends", behaviour: "endless-pages", vendors: []string{onepinsandbox.Name},
			want: []string{`(?i)1,?000 pages`}, maxRequests: 1001},
		{name: "fails at an empty page before the last", behaviour: "empty-page-before-last", vendors: listVendors,
			want: []string{`(?i)page 2`, `(?i)empty|no (items|plans|pricings)`}, maxRequests: 3},
		{name: "fails before page 2 when its page count disagrees with total and page size", behaviour: "page-count-disagrees",
			vendors: []string{identifaisandbox.Name, probelysandbox.Name}, want: []string{`(?i)page`}, maxRequests: 1},
	})
}

// Defects 5 and 6: a number no price can have is an error naming the field,
// found while decoding; it never hangs, never becomes null, 0 or infinity.
func TestAccHostileVendorNumberNoPriceCanHaveFailsTheRead(t *testing.T) {
	t.Parallel()
	var cases []hostileCase
	for name, literal := range hostile.NumberForms {
		cases = append(cases, hostileCase{
			name: "fails naming the field when it is " + literal + " (" + name + ")", behaviour: "number-" + name,
			vendors: numberVendors, want: []string{`{field}`}, maxRequests: 1,
		})
	}
	runHostileCases(t, cases)
}

// Defect 7: a listing has a byte budget; twenty 30 MB pages fail clearly,
// never by a crash or the plugin protocol's message limit.
func TestAccHostileVendorListingStaysWithinAMemoryBudget(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "fails clearly on twenty pages of 30 MB", behaviour: "thirty-megabyte-pages", vendors: listVendors, heavy: true,
			settings: []string{"max_retries = 0", `request_timeout = "60s"`}, want: []string{`(?i)max_listing_bytes|budget`}},
	})
}

// Defect 8 and the 429 message: waits are parsed without overflow, capped,
// and a read that gives up on 429 says what it tried.
func TestAccHostileVendorWaitsAreParsedSafely(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "really waits between tries when Retry-After is 10000000000", behaviour: "retry-after-overflow", vendors: allVendors,
			want: []string{`HTTP 429`}, maxRequests: 2, check: checkWaitedBetweenTries},
		{name: "really waits between tries when X-Rate-Limit-Reset is 10000000000", behaviour: "rate-limit-reset-overflow",
			vendors: []string{streamskillsandbox.Name, paygenticsandbox.Name}, want: []string{`HTTP 429`}, maxRequests: 2, check: checkWaitedBetweenTries},
		{name: "gives up on 429 at rate_limit_wait saying how many times over how long and the wait asked for", behaviour: "throttled-forever", vendors: allVendors,
			want: []string{`HTTP 429`, `(?i)\b2 (tries|attempts|times)`, `(?i)\b(in|over|after) \d+(\.\d+)?(ms|s|m)\b`, `(?i)\b(wait|Retry-After)\b`, `rate_limit_wait \(1s\)`}, maxRequests: 2},
	})
}

// Defect 9 and redirects: the key goes nowhere but the configured base URL
// and the listing's endpoint; failures that cannot heal are not retried.
func TestAccHostileVendorLinksAndRedirectsStayHome(t *testing.T) {
	t.Parallel()
	twoRetries := []string{"max_retries = 2", fmt.Sprintf("request_timeout = %q", hostileRequestTimeout)}
	runHostileCases(t, []hostileCase{
		{name: "fails rather than follow a next link to another API on the same origin", behaviour: "next-link-to-other-api", vendors: linkVendors,
			want: []string{`(?i)next`}, maxRequests: 1, check: checkNoRequestTo("next-link-to-other-api", paygenticsandbox.Name)},
		{name: "fails rather than follow a redirect to another API on the same origin with the key", behaviour: "redirect-to-other-api",
			vendors: []string{onepinsandbox.Name, streamskillsandbox.Name}, want: []string{`(?i)redirect`}, maxRequests: 1,
			check: checkNoRequestTo("redirect-to-other-api", paygenticsandbox.Name)},
		{name: "fails once, without retrying, on a redirect to another origin", behaviour: "redirect-to-other-origin", vendors: allVendors,
			settings: twoRetries, want: []string{`(?i)redirect`}, maxRequests: 1, check: checkNothingStrayed},
		{name: "fails once, without retrying, on a Location that does not parse", behaviour: "bad-location", vendors: allVendors,
			settings: twoRetries, want: []string{`(?i)location`}, maxRequests: 1},
		{name: "fails once, without retrying, on a gzip checksum error", behaviour: "gzip-bad-checksum", vendors: allVendors,
			settings: twoRetries, want: []string{`(?i)gzip|checksum`}, maxRequests: 1},
		{name: "fails once, without retrying, on a certificate of an unknown authority", behaviour: "benign", vendors: allVendors,
			settings: twoRetries, want: []string{`(?i)certificate|x509`},
			baseURL: func(s *hostile.Server, vendor, _ string) string { return s.TLSURL + "/benign/" + vendor },
			check: func(t *testing.T, h hostileRun) {
				if n := h.s.TLSHandshakes(); n > 1 {
					t.Errorf("the client began %d TLS handshakes, want 1: an unknown authority does not heal on retry", n)
				}
			}},
		{name: "fails once on a gzip body that inflates to 100 MB", behaviour: "gzip-bomb", vendors: allVendors,
			settings: twoRetries, want: []string{`(?i)exceeds|limit`}, maxRequests: 1},
		{name: "fails clearly on a free-form field nested 100,000 deep", behaviour: "deep-nesting", vendors: []string{probelysandbox.Name, onepinsandbox.Name},
			want: []string{`{endpoint}`}, maxRequests: 1},
	})
}

// Defect 2 and the port: a base_url is validated before any request, and
// its secrets are never printed.
func TestAccHostileBaseURLIsValidatedWithoutShowingItsSecrets(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "rejects a base_url port above 65535 at validation", behaviour: "benign", vendors: allVendors,
			want: []string{`Invalid base URL`, `70000`}, inConfig: true,
			baseURL: func(_ *hostile.Server, vendor, _ string) string { return "http://127.0.0.1:70000/" + vendor }},
		{name: "rejects a base_url with a secret in its query without showing it", behaviour: "benign", vendors: []string{paygenticsandbox.Name},
			want: []string{`Invalid base URL`}, inConfig: true,
			baseURL: func(s *hostile.Server, vendor, secret string) string {
				return s.BaseURL("benign", vendor) + "?api_key=" + secret
			}},
		{name: "rejects a base_url with a secret in its fragment without showing it", behaviour: "benign", vendors: []string{paygenticsandbox.Name},
			want: []string{`Invalid base URL`}, inConfig: true,
			baseURL: func(s *hostile.Server, vendor, secret string) string {
				return s.BaseURL("benign", vendor) + "#tok=" + secret
			}},
		{name: "rejects a base_url whose userinfo password does not parse without showing it", behaviour: "benign", vendors: []string{paygenticsandbox.Name},
			want: []string{`Invalid base URL`}, inConfig: true,
			baseURL: func(s *hostile.Server, vendor, secret string) string {
				return "http://user:" + secret + "%zz@" + s.URL[len("http://"):] + "/benign/" + vendor
			}},
	})
}

// Issue 26, items 7 and 10: a header a retry cannot cure is tried once; a
// page size the vendor chose far below the asked one is refused on page 1
// rather than followed through dozens of paced requests.
func TestAccHostileVendorMalformedHeadersAndTinyPagesFailAtOnce(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "fails once, without retrying, on an ETag holding a DEL byte", behaviour: "etag-del-byte", vendors: allVendors,
			settings: []string{"max_retries = 2", `request_timeout = "5s"`}, want: []string{`(?i)malformed MIME header`}, maxRequests: 1},
		{name: "refuses pages of 1 item it was not asked for", behaviour: "page-size-one", vendors: []string{identifaisandbox.Name, probelysandbox.Name},
			want: []string{`field (per_page|length)`, `page size of 1`, `75 pages`}, maxRequests: 1},
	})
}
