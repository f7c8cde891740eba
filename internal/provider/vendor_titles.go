package provider

import (
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// unpaced reports whether a vendor documents no rate limit, so that its
// listings default to more requests at once.
func unpaced(v *clients.Vendor) bool {
	return v.Pacing.Parallel == httpapi.UnpacedMaxParallelRequests
}

func not(keep func(*clients.Vendor) bool) func(*clients.Vendor) bool {
	return func(v *clients.Vendor) bool { return !keep(v) }
}

// titlesWhere names the vendors that keep, for a description: "A", "A and
// B", "A, B and C", in registry order.
func titlesWhere(vendors []*clients.Vendor, keep func(*clients.Vendor) bool) string {
	var titles []string
	for _, v := range vendors {
		if keep(v) {
			titles = append(titles, v.Title)
		}
	}
	if len(titles) < 2 {
		return strings.Join(titles, "")
	}
	return strings.Join(titles[:len(titles)-1], ", ") + " and " + titles[len(titles)-1]
}
