package onepin

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func FuzzListYieldsOnlyIdentifiedPlans(f *testing.F) {
	clienttest.AddHostileBodySeeds(f, `{"data":ITEMS,"meta":{},"pagination":{"limit":100,"next":null,"prev":null}}`)
	clienttest.FuzzList(f, func(cfg httpapi.Config) (*Client, error) { return New(cfg, "") },
		(*Client).ListPlans, func(l *PlanList) []Plan { return l.Plans }, func(p Plan) bool { return p.ID != "" })
}
