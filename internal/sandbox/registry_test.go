package sandbox_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes"
)

func TestTheEmulatorsListRegistersEveryEmulatorInItsOrder(t *testing.T) {
	var want []string
	for _, e := range sandboxes.All {
		want = append(want, e.Name)
	}
	if got := sandbox.VendorNames(); !slices.Equal(got, want) {
		t.Fatalf("VendorNames = %v, want the list's order %v", got, want)
	}
}

func TestAnEmulatorRegisteredTwicePanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "registered twice") {
			t.Fatalf("registering %s again: %v", paygenticsandbox.Name, r)
		}
	}()
	sandbox.Register(paygenticsandbox.Emulator)
}

func TestAnEmulatorsOwnOptionsReachIt(t *testing.T) {
	if n := len(paygenticsandbox.Plans(sandbox.New(sandbox.Options{Vendor: paygenticsandbox.WithPlans(7)}))); n != 7 {
		t.Errorf("WithPlans(7) built %d plans", n)
	}
	if n := len(paygenticsandbox.Plans(sandbox.New(sandbox.Options{}))); n != paygenticsandbox.DefaultPlans {
		t.Errorf("without options: %d plans, want the default %d", n, paygenticsandbox.DefaultPlans)
	}
}

func TestOptionsOfTheWrongTypeForAnEmulatorPanic(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "options are a") {
			t.Fatalf("Probely's options handed to Paygentic: %v", r)
		}
	}()
	sandbox.New(sandbox.Options{Vendor: sandbox.VendorOptions{paygenticsandbox.Name: probelysandbox.Options{BareArray: true}}})
}
