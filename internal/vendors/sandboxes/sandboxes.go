// Package sandboxes is the emulators' registry line: the one list of every
// vendor's emulator, in documentation order. Importing it registers them
// with the sandbox, so whoever serves every vendor (acceptance tests,
// cmd/pricing-sandbox, the benchmarks) imports it; the provider never does.
package sandboxes

import (
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// All is every vendor's emulator, in documentation order.
var All = []sandbox.Emulator{
	identifaisandbox.Emulator,
	paygenticsandbox.Emulator,
	probelysandbox.Emulator,
	onepinsandbox.Emulator,
	streamskillsandbox.Emulator,
}

func init() { sandbox.Register(All...) }
