package acctest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// Failure is a read that must fail with a diagnostic matching Want.
type Failure struct {
	Name   string
	Faults []sandbox.Fault // queued on the vendor before the run
	Block  string          // replaces the vendor's provider block when set; %s stands for its sandbox base URL
	Config string          // replaces the shared data source configuration when set
	Want   string          // regular expression the error must match
}

// TestFailures runs each case against a sandbox of its own, reading config
// (a data source of vendor, unless the case has its own) with
// max_retries = 1, and expects its error.
func TestFailures(t *testing.T, vendor, config string, cases []Failure) {
	t.Helper()
	for _, tc := range cases {
		t.Run("it fails "+tc.Name, func(t *testing.T) {
			t.Parallel()
			sb := StartSandbox(t, sandbox.Options{})
			sb.InjectFaults(vendor, tc.Faults...)
			var blocks map[string]string
			if tc.Block != "" {
				blocks = map[string]string{vendor: strings.ReplaceAll(tc.Block, "%s", sb.BaseURL(vendor))}
			}
			dataSource := config
			if tc.Config != "" {
				dataSource = tc.Config
			}
			Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      sb.ProviderConfigWith(blocks, "max_retries = 1") + dataSource,
					ExpectError: regexp.MustCompile(tc.Want),
				}},
			})
		})
	}
}

// ConfigError is a data source whose arguments (Args, the block's body)
// must fail the read with a diagnostic matching Want; Name completes "it
// fails on …". An alias of a plain struct, so tables stay one line a case.
type ConfigError = struct{ Name, Args, Want string }

// TestConfigErrors reads `data "<dataSource>" "one" { <Args> }` against
// sb once per case and expects its error.
func TestConfigErrors(t *testing.T, sb *Sandbox, dataSource string, cases []ConfigError) {
	t.Helper()
	for _, tc := range cases {
		t.Run("it fails on "+tc.Name, func(t *testing.T) {
			t.Parallel()
			Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      sb.ProviderConfig() + fmt.Sprintf("data %q \"one\" {\n  %s\n}", dataSource, tc.Args),
					ExpectError: regexp.MustCompile(tc.Want),
				}},
			})
		})
	}
}
