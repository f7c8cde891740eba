package provider_test

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
)

// TestConformanceHandWrittenVendorTablesCoverEveryVendor holds the
// per-vendor tables that must stay hand-written (they hold each vendor's
// configuration or wording) to the registry, so a new vendor is not left
// out of the hostile suite.
func TestConformanceHandWrittenVendorTablesCoverEveryVendor(t *testing.T) {
	acctest.RequireEveryVendor(t, "hostileReads (hostile_test.go)", hostileReads)
	acctest.RequireEveryVendor(t, "hostileOperations (hostile_test.go)", hostileOperations)
	acctest.RequireEveryVendor(t, "hostileNames (hostile_cache_test.go)", hostileNames)
	acctest.RequireEveryVendor(t, "vendorTitles (hostile_test.go)", vendorTitles)
	paths := map[string]string{}
	for _, v := range hostile.Vendors() {
		paths[v] = hostile.Path(v)
	}
	acctest.RequireEveryVendor(t, "hostile.Path", paths)
	// A vendor whose items have no number field is left out of the
	// number cases on purpose, and says so here.
	withoutNumber := map[string]bool{}
	for _, v := range acctest.VendorNames() {
		withoutNumber[v] = true
	}
	for _, v := range hostile.Vendors() {
		if hostile.NumberField(v) != "" {
			delete(withoutNumber, v)
		}
	}
	if len(withoutNumber) != 1 || !withoutNumber[identifaisandbox.Name] {
		t.Errorf("vendors without a hostile.NumberField: %v; only identifAI's pricings have no number", withoutNumber)
	}
}
