package provider_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
)

func TestAccInterruptedPlanStopsWaitingForARetryPromptly(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	// Every request is throttled for an hour, which rate_limit_wait and
	// read_timeout allow: uninterrupted, the plan would wait the hour out,
	// so only the interrupt can end it before the retry is sent.
	sb.InjectFaults(identifaisandbox.Name, sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: "3600", Sticky: true})
	cli := acctest.NewCLI(t, sb.ProviderConfig(`rate_limit_wait = "2h"`, `read_timeout = "3h"`)+`
terraform {
  required_providers {
    pricing = {
      source = "pricingkit/pricing"
    }
  }
}

data "pricing_identifai_pricings" "all" {}
`)
	// A bound, not an assertion: a plan that ignored the interrupt is killed
	// here and fails the checks below.
	ctx, cancel := context.WithTimeout(context.Background(), acctest.CommandTimeout(t))
	defer cancel()
	cmd, out := cli.Command(ctx, nil, "plan", "-input=false", "-no-color")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var exitErr error
	go func() { exitErr = cmd.Wait(); close(exited) }()

	// Once the sandbox has answered the 429, the provider waits out its hour.
	throttled, stop := context.WithCancel(ctx)
	go func() {
		select {
		case <-exited:
			stop()
		case <-throttled.Done():
		}
	}()
	err := sb.AwaitResponses(throttled, identifaisandbox.Name, http.StatusTooManyRequests, 1)
	stop()
	if err != nil {
		<-exited
		t.Fatalf("terraform ended (%v) before the sandbox answered 429\n%s", exitErr, out)
	}
	// Interrupt terraform as Ctrl-C would.
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	<-exited

	var exit *exec.ExitError
	if !errors.As(exitErr, &exit) || exit.ExitCode() <= 0 {
		t.Errorf("terraform plan ended with %v, want a failure (not a kill)\n%s", exitErr, out)
	}
	if !acctest.ErrorMatching(`Unable to read identifAI pricings.*identifai: list pricings page 1 .*the run was cancelled`).MatchString(out.String()) {
		t.Errorf("terraform's output does not say the read was cancelled:\n%s", out)
	}
	if got := sb.Requests(identifaisandbox.Name); got != 1 {
		t.Errorf("the sandbox got %d identifAI requests, want 1: the retry must not be sent after the interrupt", got)
	}
}
