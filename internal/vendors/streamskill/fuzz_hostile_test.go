package streamskill

import (
	"context"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func FuzzTariffIsTheOneAskedFor(f *testing.F) {
	clienttest.AddBodySeeds(f)
	for _, s := range []string{`{"id":1,"price":50}`, `{"price":50}`, `{"id":0}`, `{"id":null,"title":"x"}`, `{"id":2}`} {
		f.Add([]byte(s))
	}
	clienttest.FuzzLookup(f, func(cfg httpapi.Config) (*Client, error) { return New(cfg, "en") }, func(c *Client, ctx context.Context) (*Tariff, httpapi.Fetched, error) {
		return c.Tariff(ctx, 1, "en")
	}, func(tariff *Tariff) bool { return tariff != nil && tariff.ID == 1 })
}
