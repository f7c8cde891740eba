package paygentic

import (
	"context"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func FuzzListYieldsOnlyIdentifiedPlans(f *testing.F) {
	clienttest.AddHostileBodySeeds(f, `{"data":ITEMS,"pagination":{"limit":100,"offset":0,"total":1}}`)
	clienttest.FuzzList(f, New, func(c *Client, ctx context.Context) (*PlanList, httpapi.Fetched, error) {
		return c.ListPlans(ctx, ListPlansInput{})
	}, func(l *PlanList) []Plan { return l.Plans }, func(p Plan) bool { return p.ID != "" })
}

func FuzzLookupYieldsThePlanAskedFor(f *testing.F) {
	clienttest.AddBodySeeds(f)
	for _, s := range []string{`{"id":"plan_x"}`, `{"id":""}`, `{"name":"x"}`, `{"id":null}`, `{"id":"plan_y"}`} {
		f.Add([]byte(s))
	}
	clienttest.FuzzLookup(f, New, func(c *Client, ctx context.Context) (*Plan, httpapi.Fetched, error) {
		return c.GetPlan(ctx, "plan_x")
	}, func(p *Plan) bool { return p != nil && p.ID == "plan_x" })
}
