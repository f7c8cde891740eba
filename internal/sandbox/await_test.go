package sandbox_test

import (
	"context"
	"errors"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
)

func TestAwaitResponsesReturnsOnceTheServerHasAnsweredThatOften(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	got := make(chan error, 1)
	go func() { got <- s.AwaitResponses(context.Background(), onepinsandbox.Name, 200, 2) }()
	get(t, ts.URL+"/onepin/api/v1/billing/plans")
	get(t, ts.URL+"/onepin/api/v1/billing/plans")
	if err := <-got; err != nil {
		t.Fatalf("AwaitResponses = %v after two 200s, want nil", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.AwaitResponses(ctx, onepinsandbox.Name, 200, 3); !errors.Is(err, context.Canceled) {
		t.Errorf("AwaitResponses = %v for a third 200 never served, want the context's error", err)
	}
	if err := s.AwaitResponses(ctx, onepinsandbox.Name, 200, 2); err != nil {
		t.Errorf("AwaitResponses = %v for two 200s already served, want nil even on a done context", err)
	}
}
