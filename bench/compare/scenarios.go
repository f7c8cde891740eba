package main

// scenario is one comparison: a sandbox set-up and the sides timed on it.
type scenario struct {
	ID    string
	Title string
	About string // one paragraph for the report
	// PaygenticPlans is the sandbox's Paygentic fixture size (0: default).
	PaygenticPlans int
	// EnforceRateLimits makes the sandbox answer 429 beyond the documented
	// identifAI and StreamSkill limits.
	EnforceRateLimits bool
	Sides             []side
	// SamePages is true when both sides read exactly the same pages, which
	// is where the target ratio ≤ 1.0 applies.
	SamePages bool
	// ProviderRequests is the number of vendor requests the provider side
	// must make per run (the request target); 0 skips the check.
	ProviderRequests int
}

// side is one Terraform configuration of a scenario.
type side struct {
	Name string
	// Provider marks this provider's sides (as opposed to data "http").
	Provider bool
	// Baseline marks the side the provider is compared with in the ratio.
	Baseline bool
	// Dir is the configuration, relative to the repository root.
	Dir string
	// Vars are Terraform variables (TF_VAR_<name>) besides base_url and keys.
	Vars map[string]string
	// Expect is text the plan output must contain, so a run that read the
	// wrong data (or nothing) fails instead of looking fast.
	Expect string
}

const (
	pricingConfig    = "bench/configs/paygentic/pricing"
	httpConfig       = "bench/configs/paygentic/http"
	pricingX50Config = "bench/configs/paygentic_x50/pricing"
	httpX50Config    = "bench/configs/paygentic_x50/http"
	demoConfig       = "examples/demo"
	demoHTTPConfig   = "bench/configs/demo/http"

	// equalConcurrency is the provider side that reads as many pages at
	// once as Terraform reads `data "http"` instances (-parallelism 10).
	equalConcurrency = "pricing, max_parallel_requests = 10"
)

func allScenarios() []scenario {
	return []scenario{
		{
			ID:             "paygentic-1k",
			Title:          "1,000 Paygentic plans",
			PaygenticPlans: 1000,
			About: "One `pricing_paygentic_plans` data source against `data \"http\"` reading the same 10 pages " +
				"(`limit=100`, the API's maximum): page 1 for the total, then one instance per remaining page, " +
				"`jsondecode()` and `flatten()` into one list, and an output of its length. The provider runs twice: " +
				"with its default of 4 pages at once, and with 10, the concurrency Terraform gives the `data \"http\"` " +
				"instances (`-parallelism` default).",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: pricingConfig, Expect: "plans = 1000"},
				{Name: equalConcurrency, Provider: true, Dir: pricingConfig, Vars: map[string]string{"max_parallel_requests": "10"}, Expect: "plans = 1000"},
				{Name: "http", Baseline: true, Dir: httpConfig, Expect: "plans = 1000"},
			},
			SamePages:        true,
			ProviderRequests: 10,
		},
		{
			ID:             "paygentic-10k",
			Title:          "10,000 Paygentic plans",
			PaygenticPlans: 10000,
			About: "The same configurations over 100 pages, plus the provider with `max_parallel_requests = 1` " +
				"(pages one at a time) to show the effect of parallel pages, and with 10 as above.",
			Sides: []side{
				{Name: "pricing", Provider: true, Dir: pricingConfig, Expect: "plans = 10000"},
				{Name: "pricing, max_parallel_requests = 1", Provider: true, Dir: pricingConfig, Vars: map[string]string{"max_parallel_requests": "1"}, Expect: "plans = 10000"},
				{Name: equalConcurrency, Provider: true, Dir: pricingConfig, Vars: map[string]string{"max_parallel_requests": "10"}, Expect: "plans = 10000"},
				{Name: "http", Baseline: true, Dir: httpConfig, Expect: "plans = 10000"},
			},
			SamePages:        true,
			ProviderRequests: 100,
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
			ProviderRequests: 3,
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
