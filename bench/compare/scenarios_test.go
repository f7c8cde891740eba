package main

import (
	"flag"
	"io"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// TestEveryScenariosSandboxFlagsAreAnEmulatorsFlags keeps a scenario's
// sandbox flags to what the registered emulators declare, so a typo fails
// here rather than in the middle of `make bench`.
func TestEveryScenariosSandboxFlagsAreAnEmulatorsFlags(t *testing.T) {
	for _, sc := range allScenarios() {
		fs := flag.NewFlagSet(sc.ID, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		sandbox.VendorFlags(fs)
		if err := fs.Parse(sc.SandboxFlags); err != nil {
			t.Errorf("scenario %s: %v", sc.ID, err)
		}
	}
}

// TestOneScenarioIsTheHeadline: the report's memory and parallelism
// targets and its example command are about one large list.
func TestOneScenarioIsTheHeadline(t *testing.T) {
	var headlines []string
	for _, sc := range allScenarios() {
		if sc.Headline {
			headlines = append(headlines, sc.ID)
		}
	}
	if len(headlines) != 1 {
		t.Errorf("headline scenarios %v, want exactly one", headlines)
	}
}
