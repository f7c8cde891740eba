package datasources_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// cachedConfig reads two listings (Paygentic's pages in parallel, OnePin's
// by next links) and one item, and prints what they read and when it was
// fetched, so two plans can be compared value for value.
const cachedConfig = `
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

data "pricing_paygentic_plans" "all" {}
data "pricing_onepin_plans" "all" {}
data "pricing_streamskill_tariff" "volume" {
  id = 1
}

output "read" {
  value = {
    paygentic       = [for p in data.pricing_paygentic_plans.all.plans : "${p.id}=${coalesce(p.price_amount, "none")}"]
    onepin          = length(data.pricing_onepin_plans.all.plans)
    tariff_price    = data.pricing_streamskill_tariff.volume.price
    paygentic_at    = data.pricing_paygentic_plans.all.fetched_at
    onepin_at       = data.pricing_onepin_plans.all.fetched_at
    tariff_at       = data.pricing_streamskill_tariff.volume.fetched_at
  }
}
`

var cachedVendors = []string{paygenticsandbox.Name, onepinsandbox.Name, streamskillsandbox.Name}

// cacheRun is a configuration with a cache folder, planned by the real CLI.
type cacheRun struct {
	t   *testing.T
	sb  *acctest.Sandbox
	cli *acctest.CLI
	dir string
}

func newCacheRun(t *testing.T, cacheSettings string) *cacheRun {
	t.Helper()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	dir := filepath.Join(t.TempDir(), "cache")
	block := fmt.Sprintf("cache = {\n    dir = %q\n    %s\n  }", dir, cacheSettings)
	return &cacheRun{t: t, sb: sb, cli: acctest.NewCLI(t, sb.ProviderConfig("max_retries = 0", block)+cachedConfig), dir: dir}
}

// plan runs terraform plan and returns its output and the vendor requests
// it made; env is added to the CLI's environment.
func (r *cacheRun) plan(env ...string) (string, int, error) {
	r.t.Helper()
	r.sb.ResetCounts()
	ctx, cancel := context.WithTimeout(context.Background(), acctest.CommandTimeout(r.t))
	defer cancel()
	cmd, out := r.cli.Command(ctx, env, "plan", "-input=false", "-no-color")
	err := cmd.Run()
	requests := 0
	for _, v := range cachedVendors {
		requests += r.sb.Requests(v)
	}
	return out.String(), requests, err
}

func (r *cacheRun) mustPlan(env ...string) (string, int) {
	r.t.Helper()
	out, n, err := r.plan(env...)
	if err != nil {
		r.t.Fatalf("terraform plan: %v\n%s", err, out)
	}
	return out, n
}

var readOutput = regexp.MustCompile(`(?s)\+ read = \{.*?\n    \}`)

// readValues is the plan's "read" output, the values and fetch times.
func readValues(t *testing.T, out string) string {
	t.Helper()
	v := readOutput.FindString(out)
	if v == "" {
		t.Fatalf("no read output in:\n%s", out)
	}
	return v
}

func TestAccCacheSecondPlanWithinMaxAgeMakesNoRequest(t *testing.T) {
	t.Parallel()
	r := newCacheRun(t, `max_age = "1h"`)
	first, live := r.mustPlan()
	second, cached := r.mustPlan()
	if live == 0 || cached != 0 {
		t.Errorf("first plan %d vendor requests, second %d; want some, then 0", live, cached)
	}
	if readValues(t, second) != readValues(t, first) {
		t.Errorf("the cached plan read other values or fetch times:\nfirst:  %s\nsecond: %s", readValues(t, first), readValues(t, second))
	}
	assertNoKeyInTheCache(t, r.dir)
}

func TestAccCachePastMaxAgeRevalidatesEveryPageWith304(t *testing.T) {
	t.Parallel()
	r := newCacheRun(t, `max_age = "0s"`)
	first, live := r.mustPlan()
	second, again := r.mustPlan()
	notModified := 0
	for _, v := range cachedVendors {
		notModified += r.sb.Responses(v, http.StatusNotModified)
	}
	if again != live || notModified != again {
		t.Errorf("second plan: %d requests (first %d), %d answered 304; want as many as the first, all 304", again, live, notModified)
	}
	// The data is the same; it was confirmed, so it is as fresh as now.
	if strings.Split(readValues(t, second), "onepin_at")[0] != strings.Split(readValues(t, first), "onepin_at")[0] {
		t.Errorf("revalidated values differ:\n%s\n%s", readValues(t, first), readValues(t, second))
	}
}

func TestAccCacheServesACopyWhenTheVendorFailsButNotWhenTheKeyIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		status   int
		wantCopy bool
	}{
		{"a 503 serves the copy with a warning", http.StatusServiceUnavailable, true},
		{"a 401 fails the plan", http.StatusUnauthorized, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := newCacheRun(t, `max_age = "0s"`+"\n    stale_if_error = \"1h\"")
			first, _ := r.mustPlan()
			r.sb.InjectFaults(paygenticsandbox.Name, sandbox.Fault{Status: tt.status, Sticky: true})
			out, _, err := r.plan()
			if !tt.wantCopy {
				if err == nil || !strings.Contains(out, "Paygentic rejected the API key") {
					t.Fatalf("want the plan to fail on the 401:\n%s", out)
				}
				return
			}
			if err != nil {
				t.Fatalf("terraform plan: %v\n%s", err, out)
			}
			for _, want := range []string{"Warning: Serving a cached paygentic copy", "plans?", "failed, so its cached copy, fetched", "HTTP 503"} {
				if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
					t.Errorf("the plan's output lacks %q:\n%s", want, out)
				}
			}
			if got, want := readValues(t, out), readValues(t, first); strings.Split(got, "onepin_at")[0] != strings.Split(want, "onepin_at")[0] {
				t.Errorf("the copy read other values:\n%s\n%s", want, got)
			}
		})
	}
}

func TestAccCacheOfflineReadsOnlyTheCache(t *testing.T) {
	t.Parallel()
	r := newCacheRun(t, `max_age = "0s"`)
	out, requests, err := r.plan("PRICING_OFFLINE=true")
	if err == nil || requests != 0 {
		t.Fatalf("offline with an empty cache: %v after %d requests\n%s", err, requests, out)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"No cached copy of Paygentic plans (offline)", "pricing_paygentic_plans reads Paygentic", "run the same configuration once"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the offline failure lacks %q:\n%s", want, out)
		}
	}
	first, _ := r.mustPlan()
	offline, requests := r.mustPlan("PRICING_OFFLINE=1")
	if requests != 0 || readValues(t, offline) != readValues(t, first) {
		t.Errorf("offline with a filled cache: %d requests, values\n%s\nwant 0 and\n%s", requests, readValues(t, offline), readValues(t, first))
	}
}

func TestAccCacheReadsACorruptedEntryAgainWithAWarning(t *testing.T) {
	t.Parallel()
	r := newCacheRun(t, `max_age = "1h"`)
	_, live := r.mustPlan()
	entries, _ := filepath.Glob(filepath.Join(r.dir, "*.snapshot.json"))
	if len(entries) != 3 {
		t.Fatalf("%d cache entries, want one per read (3)", len(entries))
	}
	b, _ := os.ReadFile(entries[0])
	if err := os.WriteFile(entries[0], b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	out, requests := r.mustPlan()
	if requests == 0 || requests >= live || !strings.Contains(out, "Warning: Cache entry ignored") {
		t.Errorf("%d requests (first plan %d); want only the corrupted read again, with a warning:\n%s", requests, live, out)
	}
	if _, again := r.mustPlan(); again != 0 {
		t.Errorf("the entry read again was not stored: %d requests", again)
	}
}

func TestAccCacheTwoPlansAtOnceShareAFolder(t *testing.T) {
	t.Parallel()
	r := newCacheRun(t, `max_age = "1h"`)
	var wg sync.WaitGroup
	outs := make([]string, 2)
	errs := make([]error, 2)
	bound := acctest.CommandTimeout(r.t)
	for i := range 2 {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), bound)
			defer cancel()
			cmd, out := r.cli.Command(ctx, nil, "plan", "-input=false", "-no-color", "-lock=false", "-refresh=false")
			errs[i] = cmd.Run()
			outs[i] = out.String()
		})
	}
	wg.Wait()
	for i := range 2 {
		if errs[i] != nil || strings.Contains(outs[i], "Warning: Cache") {
			t.Errorf("plan %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	if _, requests := r.mustPlan(); requests != 0 {
		t.Errorf("after the two plans, a third made %d requests: their entries are not valid", requests)
	}
	assertNoKeyInTheCache(t, r.dir)
}

func TestAccCacheRefusesBadSettings(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ settings, want string }{
		{`max_age = "soon"`, `cache.max_age value "soon" must be a duration of 0 or more`},
		{`max_age = "-5m"`, `cache.max_age value "-5m" must be a duration of 0 or more`},
		{`stale_if_error = "1m"`, `cache.stale_if_error \(1m0s\) is shorter than cache.max_age \(15m0s\)`},
		{fmt.Sprintf("dir = %q", file), `Unusable cache folder.*cache.dir ".*a-file".*not a folder`},
	}
	for _, tt := range tests {
		cli := acctest.NewCLI(t, sb.ProviderConfig("cache = {\n    "+tt.settings+"\n  }")+cachedConfig)
		ctx, cancel := context.WithTimeout(context.Background(), acctest.CommandTimeout(t))
		cmd, out := cli.Command(ctx, nil, "plan", "-input=false", "-no-color")
		err := cmd.Run()
		cancel()
		if err == nil || !regexp.MustCompile("(?s)"+strings.ReplaceAll(tt.want, " ", `\s+`)).MatchString(out.String()) {
			t.Errorf("%s: %v, want an error matching %q:\n%s", tt.settings, err, tt.want, out)
		}
	}
}

// assertNoKeyInTheCache checks every file under dir, and the files' names,
// for every vendor's key in any encoding.
func assertNoKeyInTheCache(t *testing.T, dir string) {
	t.Helper()
	files := acctest.FilesUnder(t, dir)
	if len(files) == 0 {
		t.Fatalf("no file under %s", dir)
	}
	files["the files' names"] = strings.Join(slices.Collect(maps.Keys(files)), "\n")
	for _, v := range sandbox.VendorNames() {
		acctest.NoKeyAnywhere(t, acctest.Key(v), files)
	}
}
