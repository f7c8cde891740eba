package provider_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

func TestAccInterruptedPlanStopsWaitingForARetryPromptly(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	// Every request is throttled for 30 s: uninterrupted, the default four
	// retries would keep the plan waiting for two minutes.
	sb.InjectFaults(sandbox.VendorIdentifai, sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: "30", Sticky: true})
	cli := acctest.NewCLI(t, sb.ProviderConfig()+`
terraform {
  required_providers {
    pricing = {
      source = "pricingkit/pricing"
    }
  }
}

data "pricing_identifai_pricings" "all" {}
`)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd, out := cli.Command(ctx, nil, "plan", "-input=false", "-no-color")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	waitFor(t, 60*time.Second, done, out, func() bool { return sb.Responses(sandbox.VendorIdentifai, http.StatusTooManyRequests) >= 1 })
	// The provider now waits out Retry-After; interrupt terraform as Ctrl-C would.
	interrupted := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}

	const bound = 5 * time.Second
	select {
	case err := <-done:
		took := time.Since(interrupted)
		t.Logf("terraform exited %s after the interrupt", took.Round(time.Millisecond))
		if took > bound {
			t.Errorf("terraform exited %s after the interrupt, want within %s", took.Round(time.Millisecond), bound)
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() == 0 {
			t.Errorf("terraform plan ended with %v, want a failure\n%s", err, out)
		}
		if !acctest.ErrorMatching(`Unable to read identifAI pricings.*identifai: list pricings page 1 .*the run was cancelled`).MatchString(out.String()) {
			t.Errorf("terraform's output does not say the read was cancelled:\n%s", out)
		}
		if got := sb.Requests(sandbox.VendorIdentifai); got != 1 {
			t.Errorf("the sandbox got %d identifAI requests, want 1: the retry must not be sent after the interrupt", got)
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("terraform still running 30s after the interrupt\n%s", out)
	}
}

// waitFor polls cond until it holds, failing the test if terraform exits
// first or the limit passes.
func waitFor(t *testing.T, limit time.Duration, done <-chan error, out interface{ String() string }, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		select {
		case err := <-done:
			t.Fatalf("terraform exited (%v) before the condition held\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("condition did not hold within %s\n%s", limit, out.String())
		}
	}
}
