package streamskill

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestHostileBodiesFailTheReadNamingVendorEndpointAndField(t *testing.T) {
	t.Parallel()
	clienttest.RunHostileCases(t, func(t *testing.T, srv *httptest.Server) error {
		_, _, err := newTestClient(t, srv, "en").Tariff(context.Background(), 1, "en")
		return err
	}, []clienttest.HostileCase{
		// A body that is not a tariff is no tariff.
		clienttest.RefusedInOneRequest("StreamSkill {}", clienttest.Fixed(`{}`), "streamskill: get tariff 1", "/tarifs/1", "field id is missing"),
		clienttest.RefusedInOneRequest("StreamSkill null", clienttest.Fixed(`null`), "field id is missing"),
		// Numbers no price can have, refused while decoding.
		clienttest.RefusedInOneRequest("StreamSkill price 1e31", clienttest.Fixed(`{"id":1,"price":1e31}`), "field price", "too large"),
	})
}

// StreamSkill paces itself under its documented token bucket, so more
// requests in flight would only wait.
func TestMaxParallelRequestsDefault(t *testing.T) {
	t.Parallel()
	clienttest.CheckParallelism(t, func(cfg httpapi.Config) (*Client, error) { return New(cfg, "en") }, func(c *Client) *httpapi.API { return c.api }, httpapi.DefaultMaxParallelRequests)
}
