package provider_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// The cache between runs against hostile vendors (issue 26): each case
// plans one configuration several times with a cache folder and max_age
// 0s, so every plan after the first revalidates, and checks each plan.

// cachePlan is what one plan of a case must do.
type cachePlan struct {
	// fails: the plan must fail, its output matching want.
	fails bool
	want  []string
	// requests is exactly how many requests the plan makes.
	requests int
	// version is the only version the plan may show ("v1" or "v2").
	version string
}

type hostileCacheCase struct {
	name      string
	behaviour string
	vendors   []string
	plans     []cachePlan
}

// hostileNames outputs the names each vendor's read got, versions included.
var hostileNames = map[string]string{
	identifaisandbox.Name:   `output "names" { value = [for p in data.pricing_identifai_pricings.read.pricings : p.name] }`,
	paygenticsandbox.Name:   `output "names" { value = [for p in data.pricing_paygentic_plans.read.plans : p.name] }`,
	probelysandbox.Name:     `output "names" { value = [for p in data.pricing_probely_plans.read.plans : p.name] }`,
	onepinsandbox.Name:      `output "names" { value = [for p in data.pricing_onepin_plans.read.plans : p.name] }`,
	streamskillsandbox.Name: `output "names" { value = [data.pricing_streamskill_tariff.read.id] }`,
}

func runHostileCacheCases(t *testing.T, cases []hostileCacheCase) {
	t.Helper()
	for _, tc := range cases {
		for _, vendor := range tc.vendors {
			t.Run(vendorTitles[vendor]+" "+tc.name, func(t *testing.T) {
				t.Parallel()
				runHostileCache(t, tc, vendor)
			})
		}
	}
}

func runHostileCache(t *testing.T, tc hostileCacheCase, vendor string) {
	s := hostile.New()
	t.Cleanup(s.Close)
	key := acctest.HostileKey(t, vendor)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	settings := append([]string{fmt.Sprintf("cache = {\n    dir     = %q\n    max_age = \"0s\"\n  }", cacheDir)}, hostileDefaultSettings...)
	config := hostileConfig(hostileCase{behaviour: tc.behaviour, settings: settings, read: hostileReads[vendor] + "\n" + hostileNames[vendor]},
		s, vendor, key, "")
	cli := acctest.NewCLI(t, config)
	before := 0
	for i, p := range tc.plans {
		run := cli.PlanTraced(t)
		requests := s.Requests(tc.behaviour, vendor) - before
		before += requests
		t.Logf("plan %d exited %d after %s with %d requests", i+1, run.ExitCode, run.Took.Round(time.Millisecond), requests)
		checkHostileRun(t, hostileCase{succeeds: !p.fails, want: p.want}, vendor, run, key, "never-in-this-config")
		if requests != p.requests {
			t.Errorf("plan %d made %d requests, want %d", i+1, requests, p.requests)
		}
		if p.version != "" && vendor != streamskillsandbox.Name {
			other := map[string]string{"v1": "v2", "v2": "v1"}[p.version]
			if !strings.Contains(run.Output, "("+p.version+")") || strings.Contains(run.Output, "("+other+")") {
				t.Errorf("plan %d shows other names than those of %s alone: %s", i+1, p.version, namesIn(run.Output))
			}
		}
		places := acctest.FilesUnder(t, cacheDir)
		for path, text := range acctest.FilesUnder(t, cli.Dir, "main.tf") {
			places[path] = text
		}
		places["terraform's output"], places["the TRACE log"] = run.Output, run.Log
		acctest.NoKeyAnywhere(t, key, places)
		if t.Failed() {
			t.Logf("plan %d's output:\n%s", i+1, acctest.Excerpt(run.Output))
			return
		}
	}
}

// namesIn is the plan's names output, for failure messages.
func namesIn(out string) string {
	if i := strings.Index(out, "+ names"); i >= 0 {
		return out[i:min(len(out), i+400)]
	}
	return "(no names output)"
}

// Item 1: a validator holding the key is neither written to the cache nor
// sent back: the pages are kept as pages without validators.
func TestAccHostileCacheNeverKeepsAKeyEchoedInAValidator(t *testing.T) {
	t.Parallel()
	reads := func(requests int) []cachePlan {
		return []cachePlan{{requests: requests, version: "v1"}, {requests: requests, version: "v1"}}
	}
	runHostileCacheCases(t, []hostileCacheCase{
		{name: "reads twice without keeping or sending back the credential it echoes in ETag and Last-Modified",
			behaviour: "key-in-validators", vendors: listVendors, plans: reads(2)},
		{name: "reads twice without keeping or sending back the credential it echoes in base64 and hex validators",
			behaviour: "key-in-validators-encoded", vendors: listVendors, plans: reads(2)},
		{name: "reads a tariff twice without keeping or sending back the credential it echoes in validators",
			behaviour: "key-in-validators", vendors: []string{streamskillsandbox.Name}, plans: reads(1)},
	})
}

// Item 4: a 304 confirms the cached copy only when it names the copy's
// version and answers a request that sent it; a revalidated listing is
// never a mix of two versions.
func TestAccHostileCacheNeverPinsOrMixesAStaleCopy(t *testing.T) {
	t.Parallel()
	paged := hostile.Listing()
	runHostileCacheCases(t, []hostileCacheCase{
		{name: "reads v2 when a 304 carries v2's ETag to a request for v1, then revalidates v2", behaviour: "304-with-another-etag", vendors: paged,
			plans: []cachePlan{{requests: 2, version: "v1"}, {requests: 4, version: "v2"}, {requests: 2, version: "v2"}}},
		{name: "reads v2 when a page asked for without validators is answered 304", behaviour: "304-unsolicited-once", vendors: paged,
			plans: []cachePlan{{requests: 2, version: "v1"}, {requests: 3, version: "v2"}}},
		{name: "fails naming the page when every request without validators is answered 304", behaviour: "304-unsolicited-always", vendors: paged,
			plans: []cachePlan{{requests: 2, version: "v1"}, {fails: true, requests: 2, want: []string{`{endpoint}`, `(?i)page 1`, `304 Not Modified`}}}},
		{name: "reads v2 alone when a lagging replica confirms page 2 of v1 beside page 1 of v2", behaviour: "304-lagging-replica-page-2", vendors: paged,
			plans: []cachePlan{{requests: 2, version: "v1"}, {requests: 4, version: "v2"}}},
	})
}
