package provider_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

// TestAccInitInstallsFromAFilesystemMirror installs the provider the way a
// user gets a release: `init` finds a registry-style zip in a filesystem
// mirror, checks it, unpacks it and records its hash in the lock file; no
// dev_overrides, no test harness serving the provider in process. Then `plan`
// runs that installed binary against the sandbox.
//
// It runs on whatever TF_ACC_TERRAFORM_PATH is, Terraform or OpenTofu: the
// mirror is laid out under the host that CLI resolves "pricingkit/pricing" to.
func TestAccInitInstallsFromAFilesystemMirror(t *testing.T) {
	t.Parallel()
	const version = "0.0.1-test"
	m := acctest.NewMirror(t, version)
	sb := acctest.StartSandbox(t, sandbox.Options{})

	config := fmt.Sprintf(`terraform {
  required_providers {
    pricing = {
      source  = "pricingkit/pricing"
      version = %q
    }
  }
}

%s
data "pricing_paygentic_plan" "basic" {
  id = %q
}

output "basic_plan" {
  value = "${data.pricing_paygentic_plan.basic.name}: ${data.pricing_paygentic_plan.basic.price_amount} ${data.pricing_paygentic_plan.basic.currency}"
}
`, version, sb.ProviderConfig(), paygenticsandbox.BasicPlanID)
	cli := m.Workdir(t, config)

	ctx, cancel := context.WithTimeout(t.Context(), acctest.CommandTimeout(t))
	defer cancel()

	initCmd, out := cli.Command(ctx, nil, "init", "-no-color", "-input=false")
	if err := initCmd.Run(); err != nil {
		t.Fatalf("%s init: %v\n%s", m.CLI, err, out)
	}
	t.Logf("%s init:\n%s", m.CLI, out)
	if want := "Installed pricingkit/pricing v" + version; !strings.Contains(out.String(), want) {
		t.Errorf("init output lacks %q", want)
	}

	gotVersion, hashes := m.LockedHashes(t, cli.Dir)
	t.Logf("lock file: %s/pricingkit/pricing %s %q; package %s", m.Host, gotVersion, hashes, m.H1)
	if gotVersion != version {
		t.Errorf("lock file records version %q, want %q", gotVersion, version)
	}
	if !slices.Contains(hashes, m.H1) {
		t.Errorf("lock file records hashes %q, want the package's %s", hashes, m.H1)
	}
	// A mirror offers no registry-signed checksums (zh:), only the hash of
	// the package it installed.
	for _, h := range hashes {
		if !strings.HasPrefix(h, "h1:") {
			t.Errorf("lock file records %q: a filesystem mirror install records only h1: hashes", h)
		}
	}

	plan, out := cli.Command(ctx, nil, "plan", "-no-color", "-input=false")
	if err := plan.Run(); err != nil {
		t.Fatalf("%s plan: %v\n%s", m.CLI, err, out)
	}
	t.Logf("%s plan:\n%s", m.CLI, out)
	// Basic Tier costs 49990000000 in Paygentic's 1e-9 units: 49.99 USD.
	if want := `basic_plan = "Basic Tier: 49.99 USD"`; !strings.Contains(out.String(), want) {
		t.Errorf("plan output lacks %s", want)
	}
	if got := sb.Requests(paygenticsandbox.Name); got == 0 {
		t.Errorf("the installed provider made no request to the sandbox")
	}
}
