package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	// Every vendor's emulator registers itself with the sandbox.
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes"
)

// runResult is one timed `terraform plan`.
type runResult struct {
	Wall time.Duration `json:"wall"`
	// Span is from the first vendor request to the last vendor response.
	Span time.Duration `json:"span"`
	// Requests is what the sandbox served, per vendor.
	Requests map[string]int `json:"requests"`
	// TooMany is how many of them were answered 429.
	TooMany int `json:"too_many"`
	// PeakRSS is the largest peak RSS (KiB) of the processes of each
	// provider binary Terraform started in this run.
	PeakRSS map[string]int64 `json:"peak_rss_kib"`
	// NotModified is how many requests were answered 304.
	NotModified int `json:"not_modified"`
}

func (r runResult) totalRequests() int {
	n := 0
	for _, c := range r.Requests {
		n += c
	}
	return n
}

type sideResult struct {
	side
	Runs []runResult `json:"runs"`
}

type scenarioResult struct {
	scenario
	Latency time.Duration `json:"latency"`
	Sides   []sideResult  `json:"sides"`
}

func runScenario(ctx context.Context, o options, t tools, sc scenario) (scenarioResult, error) {
	res := scenarioResult{scenario: sc, Latency: cmp.Or(sc.Latency, o.latency)}
	fs := flag.NewFlagSet(sc.ID, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the error says what was wrong
	vendorOptions := sandbox.VendorFlags(fs)
	if err := fs.Parse(sc.SandboxFlags); err != nil {
		return res, fmt.Errorf("scenario %s: sandbox flags: %w", sc.ID, err)
	}
	sb, err := startSandbox(sandbox.Options{
		Latency:           res.Latency,
		Vendor:            vendorOptions(),
		EnforceRateLimits: sc.EnforceRateLimits,
	})
	if err != nil {
		return res, err
	}
	defer sb.Close()

	dirs := make([]string, len(sc.Sides))
	for i, s := range sc.Sides {
		if dirs[i], err = stageConfig(o, sc, s); err != nil {
			return res, err
		}
		res.Sides = append(res.Sides, sideResult{side: s})
	}
	for i, s := range sc.Sides {
		if s.CacheMaxAge == "" {
			continue
		}
		// One untimed plan fills the side's cache.
		if _, err := runOnce(ctx, o, t, sb, sc, s, dirs[i]); err != nil {
			return res, fmt.Errorf("%s, filling the cache: %w", s.Name, err)
		}
	}
	// Sides alternate within each round, so a slow moment of a shared
	// machine hits every side rather than one.
	for round := 1; round <= o.runs; round++ {
		for i, s := range sc.Sides {
			r, err := runOnce(ctx, o, t, sb, sc, s, dirs[i])
			if err != nil {
				return res, fmt.Errorf("%s, run %d: %w", s.Name, round, err)
			}
			log.Printf("%-20s %-44s run %d/%d: %6s, %4d requests (%d answered 304), span %s", sc.ID, s.Name, round, o.runs,
				r.Wall.Round(10*time.Millisecond), r.totalRequests(), r.NotModified, r.Span.Round(time.Millisecond))
			res.Sides[i].Runs = append(res.Sides[i].Runs, r)
		}
	}
	return res, nil
}

// stageConfig copies a side's configuration into the work directory, so
// Terraform's files never land in the repository.
func stageConfig(o options, sc scenario, s side) (string, error) {
	src, err := os.ReadFile(filepath.Join(s.Dir, "main.tf"))
	if err != nil {
		return "", err
	}
	dir := filepath.Join(o.work, "run", sc.ID, slug(s.Name))
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644)
}

func runOnce(ctx context.Context, o options, t tools, sb *benchSandbox, sc scenario, s side, dir string) (runResult, error) {
	var r runResult
	if err := sb.reset(ctx); err != nil {
		return r, err
	}
	if err := os.WriteFile(t.rssFile, nil, 0o644); err != nil {
		return r, err
	}
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, t.terraform, "plan", "-input=false", "-no-color")
	cmd.Dir = dir
	cmd.Env = terraformEnv(t, sb, s)
	if s.CacheMaxAge != "" {
		cmd.Env = append(cmd.Env, "PRICING_CACHE_DIR="+filepath.Join(dir, ".pricing-cache"), "PRICING_CACHE_MAX_AGE="+s.CacheMaxAge)
	}
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	r.Wall = time.Since(start)
	logFile := filepath.Join(o.results, "logs", sc.ID+"-"+slug(s.Name)+".log")
	if werr := writeLog(logFile, out.Bytes()); werr != nil {
		return r, werr
	}
	if err != nil {
		return r, fmt.Errorf("terraform plan: %w (output in %s)", err, logFile)
	}
	if !bytes.Contains(out.Bytes(), []byte(s.Expect)) {
		return r, fmt.Errorf("terraform plan output lacks %q (output in %s)", s.Expect, logFile)
	}

	r.Span = sb.span.span()
	c, err := sb.counts(ctx)
	if err != nil {
		return r, err
	}
	r.Requests = c.Requests
	for _, byStatus := range c.Responses {
		r.TooMany += byStatus["429"]
		r.NotModified += byStatus["304"]
	}
	if r.PeakRSS, err = readRSS(t.rssFile); err != nil {
		return r, err
	}
	return r, nil
}

// terraformEnv is this process's environment without anything that would
// change what Terraform or the providers do (TF_*, vendor settings), plus
// the bench's CLI config, the sandbox's URLs and keys, and the side's vars.
func terraformEnv(t tools, sb *benchSandbox, s side) []string {
	vendorPrefixes := []string{"TF_", "PRICING_", "BENCH_RSS_FILE="}
	for _, v := range sandbox.VendorNames() {
		vendorPrefixes = append(vendorPrefixes, strings.ToUpper(v)+"_")
	}
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return slices.ContainsFunc(vendorPrefixes, func(p string) bool { return strings.HasPrefix(kv, p) })
	})
	env = append(env,
		"TF_CLI_CONFIG_FILE="+t.cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"BENCH_RSS_FILE="+t.rssFile,
		"TF_VAR_base_url="+sb.URL,
	)
	for _, v := range sandbox.VendorNames() {
		upper := strings.ToUpper(v)
		env = append(env,
			upper+"_BASE_URL="+sb.URL+"/"+v,
			upper+"_API_KEY="+sandbox.Key(v),
			"TF_VAR_"+v+"_api_key="+sandbox.Key(v),
		)
	}
	for k, v := range s.Vars {
		env = append(env, "TF_VAR_"+k+"="+v)
	}
	return env
}

// readRSS reads the wrapper's "<binary> <KiB>" lines: one per provider
// process (Terraform starts each provider several times per plan).
func readRSS(path string) (map[string]int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	peak := map[string]int64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, kib, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.ParseInt(kib, 10, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("%s: malformed line %q", path, sc.Text())
		}
		peak[name] = max(peak[name], n)
	}
	return peak, sc.Err()
}

func writeLog(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

func slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, strings.ToLower(strings.ReplaceAll(s, " ", "")))
}
