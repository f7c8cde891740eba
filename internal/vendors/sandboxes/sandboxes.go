// Package sandboxes is the emulators' registry line: the one list of every
// vendor's emulator and hostile dialect, in documentation order. Importing
// it registers them with the sandbox and the hostile server, so whoever serves every vendor (acceptance tests,
// cmd/pricing-sandbox, the benchmarks) imports it; the provider never does.
package sandboxes

import (
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
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

// Dialects is every vendor's dialect of the hostile server, in
// documentation order.
var Dialects = []hostile.Dialect{
	identifaisandbox.Dialect,
	paygenticsandbox.Dialect,
	probelysandbox.Dialect,
	onepinsandbox.Dialect,
	streamskillsandbox.Dialect,
}

func init() {
	sandbox.Register(All...)
	hostile.Register(Dialects...)
}
