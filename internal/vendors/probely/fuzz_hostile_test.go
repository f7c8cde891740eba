package probely

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
)

func FuzzListYieldsOnlyIdentifiedPlans(f *testing.F) {
	clienttest.AddHostileBodySeeds(f, `{"count":1,"page_total":1,"page":1,"length":100,"results":ITEMS}`)
	clienttest.FuzzList(f, New, (*Client).ListPlans, func(l *PlanList) []Plan { return l.Plans }, func(p Plan) bool { return p.ID != "" })
}
