package main

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest/s3server"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// The fleet scenario (issue 27): N `terraform plan` processes started at
// once on one machine, one workspace each, all with the same vendor keys,
// against the sandbox enforcing the vendors' documented per-key limits, as Atlantis's parallel plans, `terragrunt run-all plan`
// or a CI matrix on one host would run them.
const (
	fleetConfig     = "bench/configs/fleet/pricing"
	fleetHTTPConfig = "bench/configs/fleet/http"
	// fleetExpect is in the output of a plan that read everything.
	fleetExpect = "tariffs=1,2"
	// fleetBound ends a plan that hangs.
	fleetBound = 10 * time.Minute
)

// fleetMode is one way of running the fleet.
type fleetMode struct {
	Name string
	Dir  string
	// Cache is the cache folder shared by the fleet ("": no cache).
	Cache string
	// Bucket, when set, makes every plan a machine of its own (its own
	// user and cache folders) sharing this S3 bucket (issue 30).
	Bucket *s3server.Server
}

// fleetResult is one fleet run: how many plans failed, what the vendors
// saw, and how long until the last plan ended.
type fleetResult struct {
	Plans    int            `json:"plans"`
	Mode     string         `json:"mode"`
	Failed   int            `json:"failed"`
	Requests int            `json:"requests"`
	ByVendor map[string]int `json:"by_vendor"`
	TooMany  int            `json:"too_many"`
	Wall     time.Duration  `json:"wall"`
	// FirstError is the first error line of a failed plan.
	FirstError string `json:"first_error,omitempty"`
}

// fleetSizes reads -fleet ("20,50"; "" or "0": none).
func fleetSizes(s string) ([]int, error) {
	var sizes []int
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f == "" || f == "0" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > 200 {
			return nil, fmt.Errorf("-fleet: %q is not a number of plans from 1 to 200", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// runFleet runs the fleet of n plans in every mode: no cache, one cache
// folder shared cold, the same folder warm, and data "http".
func runFleet(ctx context.Context, o options, t tools, n int) ([]fleetResult, error) {
	sb, err := startSandbox(sandbox.Options{Latency: o.latency, EnforceRateLimits: true})
	if err != nil {
		return nil, err
	}
	defer sb.Close()
	root := filepath.Join(o.work, "run", fmt.Sprintf("fleet-%d", n))
	if err := os.RemoveAll(root); err != nil {
		return nil, err
	}
	cache := filepath.Join(root, "shared-cache")
	bucket, stopBucket, err := s3server.Launch(filepath.Join(root, "s3"))
	if err != nil {
		return nil, err
	}
	defer func() { _ = stopBucket() }()
	modes := []fleetMode{
		{Name: "pricing, no cache (the default)", Dir: fleetConfig},
		{Name: "pricing, one cache folder shared, cold", Dir: fleetConfig, Cache: cache},
		{Name: "pricing, the same folder, warm", Dir: fleetConfig, Cache: cache},
		{Name: "pricing, separate machines sharing one S3 bucket, cold", Dir: fleetConfig, Bucket: bucket},
		{Name: "pricing, new machines on the same bucket, warm", Dir: fleetConfig, Bucket: bucket},
		{Name: "http (data \"http\", no retries)", Dir: fleetHTTPConfig},
	}
	var out []fleetResult
	for i, m := range modes {
		// Each mode gets a user cache folder of its own, where the provider
		// keeps the state it shares between processes when no cache is set.
		home := filepath.Join(root, fmt.Sprintf("user-cache-%d", i))
		r, err := runFleetMode(ctx, o, t, sb, n, m, root, home)
		if err != nil {
			return nil, fmt.Errorf("fleet of %d, %s: %w", n, m.Name, err)
		}
		log.Printf("fleet-%-3d %-40s %2d failed, %4d requests, %3d × 429, %s", n, m.Name, r.Failed, r.Requests, r.TooMany, r.Wall.Round(100*time.Millisecond))
		out = append(out, r)
	}
	return out, nil
}

func runFleetMode(ctx context.Context, o options, t tools, sb *benchSandbox, n int, m fleetMode, root, home string) (fleetResult, error) {
	r := fleetResult{Plans: n, Mode: m.Name}
	src, err := os.ReadFile(filepath.Join(m.Dir, "main.tf"))
	if err != nil {
		return r, err
	}
	dirs := make([]string, n)
	for i := range n {
		dirs[i] = filepath.Join(root, slug(m.Name), fmt.Sprintf("ws-%02d", i))
		if err := os.MkdirAll(dirs[i], 0o755); err != nil {
			return r, err
		}
		if err := os.WriteFile(filepath.Join(dirs[i], "main.tf"), src, 0o644); err != nil {
			return r, err
		}
	}
	if err := sb.reset(ctx); err != nil {
		return r, err
	}
	envs := make([][]string, n)
	for i := range n {
		envs[i] = append(terraformEnv(t, sb, side{}), "XDG_CACHE_HOME="+home)
		switch {
		case m.Cache != "":
			envs[i] = append(envs[i], "PRICING_CACHE_DIR="+m.Cache)
		case m.Bucket != nil:
			envs[i] = append(envs[i], machineEnv(filepath.Join(dirs[i], "machine"), m.Bucket)...)
		}
	}
	outs := make([]bytes.Buffer, n)
	errs := make([]error, n)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			pctx, cancel := context.WithTimeout(ctx, fleetBound)
			defer cancel()
			cmd := exec.CommandContext(pctx, t.terraform, "plan", "-input=false", "-no-color")
			cmd.Dir, cmd.Env = dirs[i], envs[i]
			cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
			errs[i] = cmd.Run()
			if errs[i] == nil && !bytes.Contains(outs[i].Bytes(), []byte(fleetExpect)) {
				errs[i] = fmt.Errorf("the plan output lacks %q", fleetExpect)
			}
		})
	}
	wg.Wait()
	r.Wall = time.Since(start)
	for i, err := range errs {
		if err == nil {
			continue
		}
		r.Failed++
		if r.FirstError == "" {
			r.FirstError = firstErrorLine(outs[i].String(), err)
			_ = writeLog(filepath.Join(o.results, "logs", fmt.Sprintf("fleet-%d-%s-failed.log", n, slug(m.Name))), outs[i].Bytes())
		}
	}
	c, err := sb.counts(ctx)
	if err != nil {
		return r, err
	}
	r.ByVendor = c.Requests
	for _, v := range c.Requests {
		r.Requests += v
	}
	for _, byStatus := range c.Responses {
		r.TooMany += byStatus["429"]
	}
	return r, nil
}

// machineEnv makes a plan a machine of its own, with its own user and cache
// folders, whose cache is in front of the fleet's bucket; the bucket's keys
// come through the standard AWS chain, and nothing else of the host's AWS
// set-up is read. Later settings win over terraformEnv's XDG_CACHE_HOME.
func machineEnv(home string, b *s3server.Server) []string {
	none := filepath.Join(home, "no-aws-config")
	return []string{
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"), "PRICING_CACHE_DIR=" + filepath.Join(home, "pricing-cache"),
		"AWS_ACCESS_KEY_ID=" + b.AccessKey, "AWS_SECRET_ACCESS_KEY=" + b.SecretKey,
		"AWS_CONFIG_FILE=" + none, "AWS_SHARED_CREDENTIALS_FILE=" + none, "AWS_PROFILE=", "AWS_REGION=",
		"AWS_EC2_METADATA_DISABLED=true",
		"PRICING_CACHE_S3_BUCKET=" + b.Bucket, "PRICING_CACHE_S3_ENDPOINT=" + b.Endpoint,
		"PRICING_CACHE_S3_USE_PATH_STYLE=true", "PRICING_CACHE_S3_PREFIX=fleet",
	}
}

// firstErrorLine is a failed plan's first error: its summary and its
// detail, without Terraform's source lines, on one line.
func firstErrorLine(out string, err error) string {
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		summary, ok := strings.CutPrefix(strings.TrimSpace(line), "Error: ")
		if !ok {
			continue
		}
		parts := []string{summary + ":"}
		for _, l := range lines[i+1:] {
			l = strings.TrimSpace(l)
			switch {
			case strings.HasPrefix(l, "Error: "):
				return strings.Join(parts, " ")
			case l == "", strings.HasPrefix(l, "with "), strings.HasPrefix(l, "on "), sourceLine.MatchString(l):
				continue
			}
			parts = append(parts, l)
		}
		return strings.Join(parts, " ")
	}
	return err.Error()
}

// sourceLine is Terraform's quote of a configuration line ("11: data …").
var sourceLine = regexp.MustCompile(`^\d+: `)
