// Command compare is the whole-process half of `make bench`: it times
// `terraform plan` on configurations that read the same vendor data with this
// provider and with hashicorp/http + jsondecode(), against the pricing sandbox
// with a fixed added latency, and writes engineering/benchmarks.md.
//
//	go run ./bench/compare [-latency 20ms] [-runs 5] [-go-bench bench/results/go-bench.txt]
//
// Run it from the repository root (make bench does). It builds the provider,
// a peak-RSS wrapper (bench/rsswrap) and hashicorp/http v1.2.0 from the Go
// module proxy, resolves terraform with scripts/terraform-path.sh, and serves
// both providers to Terraform through dev_overrides in a CLI config it writes
// itself: nothing is downloaded from the Terraform registry.
//
// The sandbox runs inside this process (internal/sandbox behind an
// http.Server, exactly what cmd/pricing-sandbox serves), so the harness can
// also record the span from the first vendor request to the last response of
// each run. Request counts are reset and read through the sandbox's admin
// endpoints (POST /_sandbox/reset, GET /_sandbox/requests) like any script.
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

type options struct {
	latency   time.Duration
	runs      int
	goBench   string
	out       string
	results   string
	work      string
	only      string
	httpBuild string
	started   int64
	fleet     string
	// providerBin replaces the provider built from this checkout (to
	// measure another version, such as main before a change).
	providerBin string
}

func parseFlags() (options, error) {
	var o options
	flag.DurationVar(&o.latency, "latency", envDuration("BENCH_LATENCY", 20*time.Millisecond), "latency the sandbox adds to every vendor request ($BENCH_LATENCY)")
	flag.IntVar(&o.runs, "runs", envInt("BENCH_RUNS", 5), "timed runs per side; the median is reported ($BENCH_RUNS)")
	flag.StringVar(&o.goBench, "go-bench", "bench/results/go-bench.txt", "output of `go test -bench` to summarise (skipped when missing)")
	flag.StringVar(&o.out, "out", "engineering/benchmarks.md", "report to write")
	flag.StringVar(&o.results, "results", "bench/results", "directory for raw results (JSON) and terraform logs")
	flag.StringVar(&o.work, "work", ".cache/bench", "directory for binaries and per-run Terraform configurations")
	flag.StringVar(&o.only, "only", "", "comma-separated scenario ids to run (default: all); the report is then written next to -results instead of -out")
	flag.StringVar(&o.httpBuild, "http-provider", "github.com/terraform-providers/terraform-provider-http@v1.2.0", "module@version of the http provider to build")
	flag.Int64Var(&o.started, "started", 0, "Unix time at which `make bench` started, so the report gives its total duration")
	flag.StringVar(&o.fleet, "fleet", cmp.Or(os.Getenv("BENCH_FLEET"), "20,50"), "sizes of the fleet scenario, plans started at once (\"\" or 0: none; -only fleet-N runs one) ($BENCH_FLEET)")
	flag.StringVar(&o.providerBin, "provider-bin", "", "use this provider binary instead of building the checkout")
	flag.Parse()
	if o.runs < 1 {
		return o, fmt.Errorf("-runs must be at least 1, got %d", o.runs)
	}
	if o.latency < 0 {
		return o, fmt.Errorf("-latency must not be negative, got %s", o.latency)
	}
	if _, err := os.Stat("scripts/terraform-path.sh"); err != nil {
		return o, fmt.Errorf("run from the repository root: %w", err)
	}
	for _, p := range []*string{&o.goBench, &o.out, &o.results, &o.work} {
		abs, err := filepath.Abs(*p)
		if err != nil {
			return o, err
		}
		*p = abs
	}
	return o, nil
}

func run() error {
	opts, err := parseFlags()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	started := time.Now()
	if opts.started > 0 {
		started = time.Unix(opts.started, 0)
	}
	tools, err := prepareTools(ctx, opts)
	if err != nil {
		return err
	}
	log.Printf("tools ready in %s: terraform %s, http provider %s", time.Since(started).Round(time.Second), tools.terraformVersion, tools.httpVersion)

	scenarios := selectScenarios(allScenarios(), opts.only)
	fleets, err := selectFleets(opts)
	if err != nil {
		return err
	}
	if len(scenarios) == 0 && len(fleets) == 0 {
		return fmt.Errorf("-only %q matches no scenario", opts.only)
	}
	var results []scenarioResult
	for _, sc := range scenarios {
		r, err := runScenario(ctx, opts, tools, sc)
		if err != nil {
			return fmt.Errorf("scenario %s: %w", sc.ID, err)
		}
		results = append(results, r)
	}

	var fleet []fleetResult
	for _, n := range fleets {
		r, err := runFleet(ctx, opts, tools, n)
		if err != nil {
			return err
		}
		fleet = append(fleet, r...)
	}
	if err := writeJSON(filepath.Join(opts.results, "compare.json"), results); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(opts.results, "fleet.json"), fleet); err != nil {
		return err
	}
	out := opts.out
	if opts.only != "" {
		out = filepath.Join(opts.results, "benchmarks-partial.md")
	}
	rep := report{
		Options:   opts,
		Tools:     tools,
		Machine:   describeMachine(ctx, tools),
		Date:      time.Now().UTC(),
		Scenarios: results,
		GoBench:   readGoBench(opts.goBench),
		Elapsed:   time.Since(started),
		Fleet:     fleet,
	}
	if err := rep.write(out); err != nil {
		return err
	}
	log.Printf("wrote %s (%s)", out, time.Since(started).Round(time.Second))
	return nil
}

func selectScenarios(all []scenario, only string) []scenario {
	if only == "" {
		return all
	}
	ids := strings.Split(only, ",")
	return slices.DeleteFunc(all, func(s scenario) bool { return !slices.Contains(ids, s.ID) })
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return d
	}
	return def
}

func envInt(name string, def int) int {
	var n int
	if _, err := fmt.Sscan(cmp.Or(os.Getenv(name), "x"), &n); err == nil {
		return n
	}
	return def
}

// selectFleets is the fleet sizes to run: -fleet, or those -only names
// (fleet-20).
func selectFleets(o options) ([]int, error) {
	sizes, err := fleetSizes(o.fleet)
	if err != nil || o.only == "" {
		return sizes, err
	}
	var picked []int
	for id := range strings.SplitSeq(o.only, ",") {
		if n, ok := strings.CutPrefix(id, "fleet-"); ok {
			more, err := fleetSizes(n)
			if err != nil {
				return nil, err
			}
			picked = append(picked, more...)
		}
	}
	return picked, nil
}
