package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

// scenario is one comparison: a sandbox set-up and the sides timed on it.
type scenario struct {
	ID    string
	Title string
	About string // one paragraph for the report
	// Latency overrides -latency for this scenario (0: -latency).
	Latency time.Duration
	// SandboxFlags are the sandbox's own flags for this scenario, as
	// cmd/pricing-sandbox takes them (an emulator's fixture size).
	SandboxFlags []string
	// EnforceRateLimits makes the sandbox answer 429 beyond the vendors'
	// documented limits.
	EnforceRateLimits bool
	Sides             []side
	// SamePages is true when both sides read exactly the same pages.
	SamePages bool
	// RatioTarget is the most the provider's default side may take, as a
	// ratio to the faster `data "http"` side (0: no target).
	RatioTarget float64
	// ProviderRequests is the number of vendor requests the provider side
	// must make per run (the request target); 0 skips the check.
	ProviderRequests int
	// RequestsTarget says what ProviderRequests holds, in the report's
	// targets ("" is exactly ceil(N / 100) per distinct list per run).
	RequestsTarget string
	// Headline marks the large list the report's memory and parallelism
	// targets, and its example command, are about.
	Headline bool
}

// fleetAbout says what each workspace of the fleet reads, for the report.
const fleetAbout = "identifAI's and StreamSkill's documented per-key limits (%s added latency). Each workspace reads `pricing_identifai_pricings`, " +
	"`pricing_paygentic_plans` (3 pages), `pricing_onepin_plans` and two `pricing_streamskill_tariff`: 7 requests. "

// side is one Terraform configuration of a scenario.
type side struct {
	Name string
	// Provider marks this provider's sides (as opposed to data "http").
	Provider bool
	// Baseline marks a `data "http"` side; ratios are taken against the
	// faster of a scenario's baselines.
	Baseline bool
	// Dir is the configuration, relative to the repository root.
	Dir string
	// Vars are Terraform variables (TF_VAR_<name>) besides base_url and keys.
	Vars map[string]string
	// Expect is text the plan output must contain, so a run that read the
	// wrong data (or nothing) fails instead of looking fast.
	Expect string
	// CacheMaxAge, when set, turns the provider's cache on for this side
	// (a folder of its own, PRICING_CACHE_MAX_AGE set to it), filled by one
	// untimed plan before the timed runs.
	CacheMaxAge string
	// WantRequests, when set, is the vendor requests this side must make
	// per run, instead of the scenario's ProviderRequests.
	WantRequests *int
}

// cachedSide is a provider side reading through a warm cache.
func cachedSide(s side, maxAge string, wantRequests int) side {
	s.Name += fmt.Sprintf(", cache max_age = %s", maxAge)
	s.CacheMaxAge, s.WantRequests = maxAge, &wantRequests
	return s
}

const (
	pricingConfig         = "bench/configs/paygentic/pricing"
	httpConfig            = "bench/configs/paygentic/http"
	httpPagesConfig       = "bench/configs/paygentic/http_pages"
	pricingFilteredConfig = "bench/configs/paygentic_filtered/pricing"
	pricingX50Config      = "bench/configs/paygentic_x50/pricing"
	httpX50Config         = "bench/configs/paygentic_x50/http"
	catalogConfig         = "bench/configs/catalog/pricing"
	catalogHTTPConfig     = "bench/configs/catalog/http"
	demoConfig            = "examples/demo"
	demoHTTPConfig        = "bench/configs/demo/http"

	// oldDefault is the provider as it was before max_parallel_requests
	// defaulted to 10 for Paygentic: 4 pages at once.
	oldDefault = "pricing, max_parallel_requests = 4"
	// httpCount is `data "http"` reading page 1, then `count` over the rest.
	httpCount = "http, page 1 then count"
	// httpPages is `data "http"` with every page URL written out.
	httpPages = "http, every page URL"
)

// filteredRegex picks 50 of the 10,000 sandbox plans by name.
const filteredRegex = `^\w+ Plan (0|\d*[02468]00)$`

// paygenticSides are the sides of a full-listing scenario of n plans.
func paygenticSides(n int, extra ...side) []side {
	want := fmt.Sprintf("plans = %d", n)
	sides := []side{{Name: "pricing", Provider: true, Dir: pricingConfig, Expect: want}}
	sides = append(sides, extra...)
	return append(sides,
		side{Name: httpCount, Baseline: true, Dir: httpConfig, Expect: want},
		side{Name: httpPages, Baseline: true, Dir: httpPagesConfig, Vars: map[string]string{"pages": strconv.Itoa(n / 100)}, Expect: want},
	)
}

func withParallel(n int, parallel int) side {
	return side{Name: fmt.Sprintf("pricing, max_parallel_requests = %d", parallel), Provider: true, Dir: pricingConfig,
		Vars: map[string]string{"max_parallel_requests": strconv.Itoa(parallel)}, Expect: fmt.Sprintf("plans = %d", n)}
}

// paygenticPlans sets the size of the sandbox's Paygentic fixture.
func paygenticPlans(n int) []string { return []string{"-paygentic-plans", strconv.Itoa(n)} }

// filteredSides reads 10,000 plans and keeps 50: by ids and by name_regex on
// the provider's side, by a `for` over every page on the http side.
func filteredSides() []side {
	var ids []string
	re := regexp.MustCompile(filteredRegex)
	byName := 0
	for i, p := range paygenticsandbox.Plans(sandbox.New(sandbox.Options{Vendor: paygenticsandbox.WithPlans(10000)})) {
		if i%200 == 0 {
			ids = append(ids, strconv.Quote(p.ID))
		}
		if re.MatchString(p.Name) {
			byName++
		}
	}
	idList := "[" + strings.Join(ids, ",") + "]"
	return []side{
		{Name: "pricing, ids (50)", Provider: true, Dir: pricingFilteredConfig, Vars: map[string]string{"ids": idList}, Expect: fmt.Sprintf("plans = %d", len(ids))},
		{Name: fmt.Sprintf("pricing, name_regex (%d)", byName), Provider: true, Dir: pricingFilteredConfig, Vars: map[string]string{"name_regex": filteredRegex},
			Expect: fmt.Sprintf("plans = %d", byName)},
		{Name: httpPages + ", for over ids (50)", Baseline: true, Dir: httpPagesConfig, Vars: map[string]string{"pages": "100", "ids": idList},
			Expect: fmt.Sprintf("plans = %d", len(ids))},
	}
}

// warmCacheTarget is the request target of the warm-cache scenarios.
const warmCacheTarget = "A warm cache costs no request within max_age, and 304s past it"

func allScenarios() []scenario {
	const about = "One `pricing_paygentic_plans` data source (default `max_parallel_requests`, 10 for Paygentic, and the old default of 4) " +
		"against two `data \"http\"` configurations reading the same pages of 100 (the API's maximum), `jsondecode()` and `flatten()` into " +
		"one list and an output of its length: page 1 for the total, then `count` over the remaining pages; and every page URL written out " +
		"(the page count known up front), so Terraform reads them all at `-parallelism` (10). Ratios are against the faster http side."
	return []scenario{
		{
			ID: "paygentic-1k", Title: "1,000 Paygentic plans", SandboxFlags: paygenticPlans(1000), About: about,
			Sides: paygenticSides(1000, withParallel(1000, 4)), SamePages: true, RatioTarget: 1.0, ProviderRequests: 10,
		},
		{
			ID: "paygentic-1k-100ms", Title: "1,000 Paygentic plans, 100 ms latency", Latency: 100 * time.Millisecond, SandboxFlags: paygenticPlans(1000),
			About: "The 1,000-plan configurations with 100 ms added to every vendor request.",
			Sides: paygenticSides(1000, withParallel(1000, 4)), SamePages: true, RatioTarget: 1.0, ProviderRequests: 10,
		},
		{
			ID: "paygentic-10k", Title: "10,000 Paygentic plans", SandboxFlags: paygenticPlans(10000), Headline: true,
			About: "The same configurations over 100 pages, plus the provider with `max_parallel_requests = 1` (pages one at a time).",
			Sides: paygenticSides(10000, withParallel(10000, 4), withParallel(10000, 1)), SamePages: true, RatioTarget: 1.1, ProviderRequests: 100,
		},
		{
			ID: "paygentic-10k-100ms", Title: "10,000 Paygentic plans, 100 ms latency", Latency: 100 * time.Millisecond, SandboxFlags: paygenticPlans(10000),
			About: "The 10,000-plan configurations with 100 ms added to every vendor request.",
			Sides: paygenticSides(10000, withParallel(10000, 4)), SamePages: true, RatioTarget: 1.0, ProviderRequests: 100,
		},
		{
			ID: "paygentic-10k-filtered", Title: "10,000 Paygentic plans, 50 needed", SandboxFlags: paygenticPlans(10000),
			About: "A configuration that needs 50 of the 10,000 plans: the provider reads the whole listing once and keeps 50 by `ids` " +
				"(or by `name_regex`, `" + filteredRegex + "`) before writing state; the http side reads every page URL and keeps the 50 ids " +
				"with a `for` expression.",
			Sides: filteredSides(), SamePages: true, RatioTarget: 0.5, ProviderRequests: 100,
		},
		{
			ID:    "paygentic-x50",
			Title: "50 identical data sources over 260 plans",
			About: "`count = 50` identical `pricing_paygentic_plans` data sources, which share one fetch through the " +
				"provider's per-run cache, against 50 copies of the `data \"http\"` pages (Terraform does not share " +
				"identical data sources, so that side reads every page 50 times). The list is the sandbox's default " +
				"260 plans (3 pages) to keep `make bench` short: 50 copies of a long list cost Terraform itself " +
				"much time on both sides.",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: pricingX50Config, Expect: "plans = 13000"},
				{Name: "http", Baseline: true, Dir: httpX50Config, Expect: "plans = 13000"},
			},
			RatioTarget:      0.6,
			ProviderRequests: 3,
			RequestsTarget:   "50 identical data sources cost the requests of 1",
		},
		{
			ID: "paygentic-10k-cached", Title: "10,000 Paygentic plans, warm cache", SandboxFlags: paygenticPlans(10000),
			About: "The 10,000-plan configurations with the provider's cache on, filled by one plan before the timed runs: " +
				"within `max_age` (`1h`) the plan makes no vendor request at all; with `max_age = \"0s\"` every page is revalidated and the " +
				"sandbox answers each with `304 Not Modified`, so the pages are read from the cache.",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: pricingConfig, Expect: "plans = 10000"},
				cachedSide(side{Name: "pricing", Provider: true, Dir: pricingConfig, Expect: "plans = 10000"}, "1h", 0),
				cachedSide(side{Name: "pricing", Provider: true, Dir: pricingConfig, Expect: "plans = 10000"}, "0s", 100),
				{Name: httpPages, Baseline: true, Dir: httpPagesConfig, Vars: map[string]string{"pages": "100"}, Expect: "plans = 10000"},
			},
			ProviderRequests: 100,
			RequestsTarget:   warmCacheTarget,
		},
		{
			ID: "paygentic-x50-cached", Title: "50 identical data sources, warm cache",
			About: "The 50 identical data sources of `paygentic-x50` with the provider's cache on and filled: no vendor request within " +
				"`max_age`, and the 3 pages answered `304` with `max_age = \"0s\"`.",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: pricingX50Config, Expect: "plans = 13000"},
				cachedSide(side{Name: "pricing", Provider: true, Dir: pricingX50Config, Expect: "plans = 13000"}, "1h", 0),
				cachedSide(side{Name: "pricing", Provider: true, Dir: pricingX50Config, Expect: "plans = 13000"}, "0s", 3),
				{Name: "http", Baseline: true, Dir: httpX50Config, Expect: "plans = 13000"},
			},
			ProviderRequests: 3,
			RequestsTarget:   warmCacheTarget,
		},
		{
			ID:    "catalog",
			Title: "pricing_catalog of every vendor",
			About: "One `pricing_catalog` (identifAI, Paygentic, Probely and OnePin, 363 plans, read at once, with exact money) " +
				"against `bench/configs/catalog/http`: the same listings with `data \"http\"`, mapped by hand into one list of one shape " +
				"(floating-point money, one minor unit for every currency, OnePin's single page assumed to be the last).",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: catalogConfig, Expect: "plans                  = 363"},
				{Name: "http", Baseline: true, Dir: catalogHTTPConfig, Expect: "plans                  = 363"},
			},
			SamePages:        true,
			ProviderRequests: 6,
		},
		{
			ID:    "demo",
			Title: "examples/demo",
			About: "The whole `examples/demo/` (all five vendors, lists and lookups; 260 Paygentic plans) against " +
				"`bench/configs/demo/http`, the same reads written with `data \"http\"`: identifAI in one response, " +
				"Paygentic and Probely by page count, one Paygentic plan by id, lookups filtered locally, two StreamSkill " +
				"tariffs. OnePin pages by absolute next links, which `data \"http\"` cannot chain, so that side reads " +
				"one page of 100 and assumes it is the last (true here: 25 plans).",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: demoConfig, Expect: "plans       = 260"},
				{Name: "http", Baseline: true, Dir: demoHTTPConfig, Expect: "plans       = 260"},
			},
			SamePages:        true,
			ProviderRequests: 9,
		},
		{
			ID:                "demo-enforced",
			Title:             "examples/demo, sandbox enforcing rate limits",
			EnforceRateLimits: true,
			About: "The demo again with the sandbox enforcing identifAI's (2 GET/s, 60/min) and StreamSkill's " +
				"(burst 30, then 2/s) documented per-key limits: a normal run must see no 429 at all.",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: demoConfig, Expect: "plans       = 260"},
				{Name: "http", Baseline: true, Dir: demoHTTPConfig, Expect: "plans       = 260"},
			},
			SamePages:        true,
			ProviderRequests: 9,
		},
	}
}
