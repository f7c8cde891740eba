package provider_test

// Issue 26: bodies that abuse JSON itself, and a catalogue whose failing
// vendor must not fail a sibling data source sharing another vendor's read.

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// readShown is the vendor's read with an output of all it read, so a value
// the provider accepted is printed by the plan.
func readShown(vendor string) string {
	kind := regexp.MustCompile(`data "([a-z_]+)" "read"`).FindStringSubmatch(hostileReads[vendor])[1]
	return hostileReads[vendor] + "\noutput \"read\" { value = data." + kind + ".read }\n"
}

// keySpellings are the key as sent and in every encoding a body or a log
// may carry it: JSON-escaped (each character, either case of hex),
// base64 and URL-safe base64.
func keySpellings(key string) []string {
	var lower, upper strings.Builder
	for i := 0; i < len(key); i++ {
		fmt.Fprintf(&lower, `\u%04x`, key[i])
		fmt.Fprintf(&upper, `\u%04X`, key[i])
	}
	return []string{
		key, lower.String(), upper.String(), lower.String()[:12] + key[2:], upper.String()[:12] + key[2:],
		base64.StdEncoding.EncodeToString([]byte(key)), base64.RawURLEncoding.EncodeToString([]byte(key)),
	}
}

// checkNoKeyInAnyEncodingNorControlByte asserts what issue 26 asks of every
// run beyond the harness's plain-key check.
func checkNoKeyInAnyEncodingNorControlByte(t *testing.T, h hostileRun) {
	t.Helper()
	for _, key := range h.s.KeysReceived(h.behaviour, h.vendor) {
		for _, form := range keySpellings(key) {
			if strings.Contains(h.run.Output, form) || strings.Contains(h.run.Log, form) {
				t.Errorf("the key appears as %q in terraform's output or TRACE log", form)
			}
		}
	}
	if i := strings.IndexFunc(h.run.Output, func(r rune) bool {
		return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f
	}); i >= 0 {
		t.Errorf("terraform's output has the raw control byte %q: %s", h.run.Output[i], around(h.run.Output, h.run.Output[i:i+1]))
	}
}

func and(checks ...func(*testing.T, hostileRun)) func(*testing.T, hostileRun) {
	return func(t *testing.T, h hostileRun) {
		for _, c := range checks {
			c(t, h)
		}
	}
}

func TestAccHostileVendorBodyAbusingJSONIsRefusedOrRead(t *testing.T) {
	t.Parallel()
	var cases []hostileCase
	for _, vendor := range allVendors {
		cases = append(cases, hostileCase{
			name: "refuses, without showing it, the key written as a \\u-escaped object key", behaviour: "key-as-escaped-object-key",
			vendors: []string{vendor}, read: readShown(vendor),
			want:        []string{`{endpoint}`, `the response contains the API key; refusing to use or store it`},
			maxRequests: 1, check: checkNoKeyInAnyEncodingNorControlByte,
		}, hostileCase{
			name: "refuses, without showing it, the key in base64 in a value", behaviour: "key-base64-in-a-value",
			vendors: []string{vendor}, read: readShown(vendor),
			want:        []string{`{endpoint}`, `the response contains the API key; refusing to use or store it`},
			maxRequests: 1, check: checkNoKeyInAnyEncodingNorControlByte,
		})
	}
	runHostileCases(t, append(cases, []hostileCase{
		{name: "refuses 30 MiB of [ at the 33rd, naming the depth", behaviour: "thirty-megabytes-of-brackets", vendors: allVendors,
			want: []string{`{endpoint}`, `nested deeper than 32 levels`}, maxRequests: 1,
			check: checkNoKeyInAnyEncodingNorControlByte},
		{name: "refuses a free-form value nested 40 deep, naming its path", behaviour: "free-form-nested-40-deep", vendors: allVendors,
			want: []string{`{endpoint}`, `(?:limits|tiers|discounts|metadata)(?:\.a)+`, `nested deeper than 32 levels`}, maxRequests: 1,
			check: checkNoKeyInAnyEncodingNorControlByte},
		{name: "reads a listing after a UTF-8 byte order mark", behaviour: "byte-order-mark", vendors: listVendors, succeeds: true,
			check: and(checkRequests(2), checkNoKeyInAnyEncodingNorControlByte)},
		{name: "reads a tariff after a UTF-8 byte order mark", behaviour: "byte-order-mark", vendors: []string{streamskillsandbox.Name}, succeeds: true,
			check: and(checkRequests(1), checkNoKeyInAnyEncodingNorControlByte)},
		{name: "refuses an item whose id comes again as ID, naming the field", behaviour: "id-again-in-upper-case", vendors: allVendors,
			want: []string{`{endpoint}`, `field (?:data\[0\]\.|results\[0\]\.)?ID: duplicate key`}, maxRequests: 1,
			check: checkNoKeyInAnyEncodingNorControlByte},
		{name: "says a CDN challenge page with a hyphen and a date is not the documented JSON, quoting it", behaviour: "html-challenge-200", vendors: allVendors,
			want: []string{`{endpoint}`, `response is not the documented JSON`, `body starts with: <!DOCTYPE html>.*Wi-Fi`}, maxRequests: 1,
			check: func(t *testing.T, h hostileRun) {
				checkNoKeyInAnyEncodingNorControlByte(t, h)
				if strings.Contains(h.run.Output, "is not a decimal number") {
					t.Errorf("the diagnostic complains about a number in an HTML page")
				}
			}},
	}...))
}

// The key as an object key must reach neither the plan nor the state:
// apply, where the old provider wrote it into terraform.tfstate.
func TestAccHostileVendorKeyAsAnObjectKeyNeverReachesTheState(t *testing.T) {
	t.Parallel()
	s := hostile.New()
	t.Cleanup(s.Close)
	vendor := onepinsandbox.Name
	key := acctest.HostileKey(t, vendor)
	cli := acctest.NewCLI(t, fmt.Sprintf(`terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

provider "pricing" {
  max_retries = 1
  onepin = {
    api_key  = %q
    base_url = %q
  }
}

%s`, key, s.BaseURL("key-as-escaped-object-key", vendor), readShown(vendor)))
	ctx, cancel := context.WithTimeout(context.Background(), acctest.CommandTimeout(t))
	defer cancel()
	cmd, out := cli.Command(ctx, nil, "apply", "-auto-approve", "-input=false", "-no-color")
	if err := cmd.Run(); err == nil {
		t.Errorf("terraform apply succeeded, want it refused: %s", acctest.Excerpt(out.String()))
	}
	state, err := os.ReadFile(filepath.Join(cli.Dir, "terraform.tfstate"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, form := range keySpellings(key) {
		if strings.Contains(string(state), form) || strings.Contains(out.String(), form) {
			t.Errorf("the key is in the state or apply's output as %q", form)
		}
	}
}

// Issue 26 item 6: pricing_catalog fails when identifAI answers 500 and
// cancels its Paygentic read; pricing_paygentic_plans, which shares that
// read, still gets its plans. The gate data source orders the reads: the
// list data source starts once the catalogue's Paygentic request is out.
func TestAccHostileCatalogueFailureDoesNotFailASiblingSharingARead(t *testing.T) {
	t.Parallel()
	s := hostile.New()
	t.Cleanup(s.Close)
	keys := map[string]string{}
	for _, v := range []string{identifaisandbox.Name, paygenticsandbox.Name, streamskillsandbox.Name} {
		keys[v] = acctest.HostileKey(t, v)
	}
	cli := acctest.NewCLI(t, fmt.Sprintf(`terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

provider "pricing" {
  max_retries     = 1
  request_timeout = "10s"
  identifai   = { api_key = %q, base_url = %q }
  paygentic   = { api_key = %q, base_url = %q }
  streamskill = { api_key = %q, base_url = %q }
}

data "pricing_catalog" "all" {
  vendors = ["identifai", "paygentic"]
}

data "pricing_streamskill_tariff" "gate" {
  id = 1
}

data "pricing_paygentic_plans" "read" {
  depends_on = [data.pricing_streamskill_tariff.gate]
}

output "paygentic_plans" {
  value = length(data.pricing_paygentic_plans.read.plans)
}
`, keys[identifaisandbox.Name], s.BaseURL("catalogue-500", identifaisandbox.Name),
		keys[paygenticsandbox.Name], s.BaseURL("catalogue-held", paygenticsandbox.Name),
		keys[streamskillsandbox.Name], s.BaseURL("catalogue-gate", streamskillsandbox.Name)))
	run := cli.PlanTraced(t)
	t.Logf("terraform plan exited %d; requests: identifAI %d, Paygentic %d, gate %d; Paygentic requests abandoned: %d",
		run.ExitCode, s.Requests("catalogue-500", identifaisandbox.Name), s.Requests("catalogue-held", paygenticsandbox.Name),
		s.Requests("catalogue-gate", streamskillsandbox.Name), s.CatalogueReadsAbandoned())
	if !strings.Contains(run.Output, "paygentic_plans = 3") {
		t.Errorf("the plan does not show the Paygentic list data source's 3 plans")
	}
	if run.TimedOut || run.ExitCode != 1 {
		t.Errorf("terraform plan exited %d (timed out: %v), want 1: the catalogue fails", run.ExitCode, run.TimedOut)
	}
	for _, want := range []string{`identifAI`, `HTTP 500`, `pricing_catalog`} {
		if !acctest.ErrorMatching(want).MatchString(run.Output) {
			t.Errorf("terraform's output does not match %s", want)
		}
	}
	if strings.Contains(run.Output, "stopped because the run was cancelled") || strings.Contains(run.Output, "with data.pricing_paygentic_plans.read") {
		t.Errorf("the Paygentic list data source failed with its sibling's cancellation")
	}
	// Both data sources wait on one read, unless the list data source
	// joined only after the catalogue had left (a loaded machine): then
	// the catalogue's read, waited for by nobody, is cancelled, and the
	// list data source reads again. Never is a read cancelled that a data
	// source still waits for.
	requests, abandoned := s.Requests("catalogue-held", paygenticsandbox.Name), s.CatalogueReadsAbandoned()
	if requests < 1 || requests > 2 || abandoned != requests-1 {
		t.Errorf("Paygentic got %d requests, %d of them cancelled; want 1 shared read, or 2 of which the first nobody waited for was cancelled",
			requests, abandoned)
	}
	for v, key := range keys {
		if strings.Contains(run.Output, key) || strings.Contains(run.Log, key) {
			t.Errorf("the %s key is in terraform's output or log", v)
		}
	}
	if t.Failed() {
		t.Logf("terraform's output:\n%s", acctest.Excerpt(run.Output))
	}
}
