// Package vendors is the registry: the one list of the vendors the
// provider reads, each declared by its own package.
package vendors

import (
	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill"
)

// All is every vendor, in documentation order.
var All = []*clients.Vendor{
	identifai.Vendor,
	paygentic.Vendor,
	probely.Vendor,
	onepin.Vendor,
	streamskill.Vendor,
}
