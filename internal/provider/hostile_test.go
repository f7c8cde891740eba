package provider_test

// The hostile-vendor suite (issue 10): real terraform plans, out of
// process, against internal/sandbox/hostile, one behaviour and one vendor
// per run. Every run, whatever its case, must hold the key back from
// terraform's output and its TRACE log, and must not crash; each case adds
// its exit code, what the diagnostic names and how many requests it took.
// A hang is not a timed assertion: the plan is killed at its deadline and
// the case fails saying so.
//
//	make test  (or, for this suite alone:)
//	TF_ACC=1 TF_ACC_TERRAFORM_PATH=$(scripts/terraform-path.sh) TF_CLI_CONFIG_FILE=.cache/empty.tfrc \
//	  go test ./internal/provider -run 'TestAccHostile' -count=1 -timeout 20m

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// hostileCase is one hostile behaviour, run once for each of its vendors.
type hostileCase struct {
	// name completes "<Vendor> ...", e.g. "fails when the body is null".
	name      string
	behaviour string
	vendors   []string
	// lookup reads one Paygentic plan (GET /v0/plans/{id}) instead of the list.
	lookup bool
	// read replaces the vendor's data source block.
	read string
	// settings replace the default provider settings (one retry, 5 s per request).
	settings []string
	// baseURL replaces the vendor's base URL; secret must never be shown.
	baseURL func(s *hostile.Server, vendor, secret string) string
	// succeeds: the right outcome is exit 0 (the vendor's answer is usable).
	succeeds bool
	// anyExit: either outcome is right; only what every run must hold is checked.
	anyExit bool
	// inConfig: the failure is the provider block's, named by attribute
	// ("paygentic.base_url") rather than by the vendor's title.
	inConfig bool
	// want are patterns the output must match, after {title} (the vendor as
	// the provider prints it), {endpoint} (the documented path, or the
	// operation the provider names it by: "list plans", "get tariff 1") and
	// {field} (the vendor's number field) are filled in. The vendor's title
	// is always wanted when the plan must fail.
	want []string
	// maxRequests bounds the requests the behaviour's vendor path receives.
	maxRequests int
	// heavy cases move hundreds of megabytes: at most one runs at a time.
	heavy bool
	check func(t *testing.T, h hostileRun)
}

// hostileRun is what a case's check gets to look at.
type hostileRun struct {
	s                 *hostile.Server
	behaviour, vendor string
	run               acctest.Run
}

const (
	// hostileRequestTimeout only bounds a request no case expects to hang:
	// it is generous, as a 100 MB inflation or a 30 MiB body on a loaded
	// 2-core machine must not turn into a timeout. One retry keeps retried
	// cases quick while still showing whether they are retried.
	hostileRequestTimeout = "60s"
)

var hostileDefaultSettings = []string{"max_retries = 1", fmt.Sprintf("request_timeout = %q", hostileRequestTimeout), `rate_limit_wait = "1s"`}

// vendorTitles are the registry's titles, as the provider's diagnostics
// spell them.
var vendorTitles = func() map[string]string {
	titles := map[string]string{}
	for _, v := range vendors.All {
		titles[v.Name] = v.Title
	}
	return titles
}()

// hostileReads are the data sources each vendor's run plans: the whole
// list, paged by 100 (StreamSkill: tariff 1).
var hostileReads = map[string]string{
	identifaisandbox.Name:   `data "pricing_identifai_pricings" "read" { per_page = 100 }`,
	paygenticsandbox.Name:   `data "pricing_paygentic_plans" "read" {}`,
	probelysandbox.Name:     `data "pricing_probely_plans" "read" {}`,
	onepinsandbox.Name:      `data "pricing_onepin_plans" "read" {}`,
	streamskillsandbox.Name: `data "pricing_streamskill_tariff" "read" { id = 1 }`,
}

// hostileOperations name each read's endpoint as the provider's errors do.
var hostileOperations = map[string]string{
	identifaisandbox.Name: "list pricings", paygenticsandbox.Name: "list plans", probelysandbox.Name: "list plans",
	onepinsandbox.Name: "list plans", streamskillsandbox.Name: "get tariff 1",
}

const paygenticLookup = `data "pricing_paygentic_plan" "read" { id = "plan_h1" }`

// heavySlots bounds the heavy cases running at once: each may take 3 GB
// until the listing budget exists.
var heavySlots = make(chan struct{}, 2)

// crashMarkers are what terraform or Go print when the provider dies, or
// when its answer is too big for the plugin protocol.
var crashMarkers = []string{"plugin crashed", "panic:", "fatal error:", "ResourceExhausted", "goroutine "}

// runHostileCases runs every case for every vendor in parallel.
func runHostileCases(t *testing.T, cases []hostileCase) {
	t.Helper()
	for _, tc := range cases {
		for _, vendor := range tc.vendors {
			t.Run(vendorTitles[vendor]+" "+tc.name, func(t *testing.T) {
				t.Parallel()
				runHostile(t, tc, vendor)
			})
		}
	}
}

func runHostile(t *testing.T, tc hostileCase, vendor string) {
	s := hostile.New()
	t.Cleanup(s.Close)
	key := acctest.HostileKey(t, vendor)
	secret := strings.Replace(acctest.HostileKey(t, vendor), "-key-", "-url-secret-", 1)
	config := hostileConfig(tc, s, vendor, key, secret)
	cli := acctest.NewCLI(t, config)
	if tc.heavy {
		heavySlots <- struct{}{}
		defer func() { <-heavySlots }()
	}
	run := cli.PlanTraced(t)
	t.Logf("terraform plan exited %d after %s; %d requests to %s/%s; %d B of output, %d B of TRACE log",
		run.ExitCode, run.Took.Round(time.Millisecond), s.Requests(tc.behaviour, vendor), tc.behaviour, vendor, len(run.Output), len(run.Log))

	checkHostileRun(t, tc, vendor, run, key, secret)
	if tc.maxRequests > 0 {
		if got := s.Requests(tc.behaviour, vendor); got > tc.maxRequests {
			t.Errorf("the vendor got %d requests, want at most %d", got, tc.maxRequests)
		}
	}
	if tc.check != nil {
		tc.check(t, hostileRun{s: s, behaviour: tc.behaviour, vendor: vendor, run: run})
	}
	if t.Failed() {
		t.Logf("terraform's output:\n%s", acctest.Excerpt(run.Output))
	}
}

// hostileConfig is the configuration of one case's run against vendor.
func hostileConfig(tc hostileCase, s *hostile.Server, vendor, key, secret string) string {
	base := s.BaseURL(tc.behaviour, vendor)
	if tc.baseURL != nil {
		base = tc.baseURL(s, vendor, secret)
	}
	settings := tc.settings
	if settings == nil {
		settings = hostileDefaultSettings
	}
	read := hostileReads[vendor]
	if tc.lookup {
		read = paygenticLookup
	}
	if tc.read != "" {
		read = tc.read
	}
	return fmt.Sprintf(`terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

provider "pricing" {
  %s
  %s = {
    api_key  = %q
    base_url = %q
  }
}

%s
`, strings.Join(settings, "\n  "), vendor, key, base, read)
}

// checkHostileRun asserts what every run must hold, then the case's own
// exit code and patterns.
func checkHostileRun(t *testing.T, tc hostileCase, vendor string, run acctest.Run, key, secret string) {
	t.Helper()
	if run.TimedOut {
		t.Errorf("terraform plan was still running after %s and was killed: the provider hangs", run.Took.Round(time.Second))
	}
	for _, leak := range []struct{ what, text string }{{"the API key", key}, {"the secret in base_url", secret}} {
		if n := strings.Count(run.Output, leak.text); n > 0 {
			t.Errorf("terraform's output shows %s %d times, e.g. %s", leak.what, n, around(run.Output, leak.text))
		}
		if n := strings.Count(run.Log, leak.text); n > 0 {
			t.Errorf("the TRACE log shows %s %d times, e.g. %s", leak.what, n, around(run.Log, leak.text))
		}
	}
	acctest.NoKeyAnywhere(t, key, map[string]string{"terraform's output": run.Output, "the TRACE log": run.Log})
	checkPrintable(t, "terraform's output", run.Output)
	for _, marker := range crashMarkers {
		if strings.Contains(run.Output, marker) {
			t.Errorf("terraform's output has %q: the provider crashed or overflowed the protocol: %s", marker, around(run.Output, marker))
		}
	}
	switch {
	case run.TimedOut, tc.anyExit:
	case tc.succeeds && run.ExitCode != 0:
		t.Errorf("terraform plan exited %d, want 0: the vendor's answer is usable", run.ExitCode)
	case !tc.succeeds && run.ExitCode == 0:
		t.Errorf("terraform plan exited 0, want a failure: the provider accepted what the vendor must not be believed on")
	}
	want := tc.want
	switch {
	case tc.inConfig:
		want = append([]string{vendor + `\.base_url`}, want...)
	case !tc.succeeds && !tc.anyExit:
		want = append([]string{`{title}`}, want...)
	}
	path, op := hostile.Path(vendor), hostileOperations[vendor]
	if tc.lookup {
		path, op = path+"/plan_h1", "get plan"
	}
	for _, w := range want {
		pattern := strings.NewReplacer("{title}", regexp.QuoteMeta(vendorTitles[vendor]),
			"{endpoint}", "(?:"+regexp.QuoteMeta(path)+"|"+op+")", "{field}", regexp.QuoteMeta(hostile.NumberField(vendor))).Replace(w)
		if !acctest.ErrorMatching(pattern).MatchString(run.Output) {
			t.Errorf("terraform's output does not match %s", pattern)
		}
	}
}

// around is the text around the first occurrence of needle, on one line.
func around(s, needle string) string {
	i := strings.Index(s, needle)
	lo, hi := max(0, i-100), min(len(s), i+len(needle)+60)
	return fmt.Sprintf("%q", s[lo:hi])
}
