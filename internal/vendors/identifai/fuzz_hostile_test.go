package identifai

import (
	"context"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func FuzzListYieldsOnlyIdentifiedPricings(f *testing.F) {
	clienttest.AddHostileBodySeeds(f, `{"current_page":1,"data":ITEMS,"last_page":1,"next_page_url":null,"per_page":100,"total":1}`)
	clienttest.FuzzList(f, New, func(c *Client, ctx context.Context) (*PricingList, httpapi.Fetched, error) {
		return c.ListPricings(ctx, ListPricingsInput{PerPage: 100})
	}, func(l *PricingList) []Pricing { return l.Pricings }, func(p Pricing) bool { return p.ID > 0 })
}
