package onepin

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestHostileBodiesFailTheReadNamingVendorEndpointAndField(t *testing.T) {
	t.Parallel()
	clienttest.RunHostileCases(t, func(t *testing.T, srv *httptest.Server) error {
		_, _, err := newTestClient(t, srv, clienttest.Key, "").ListPlans(context.Background())
		return err
	}, []clienttest.HostileCase{
		// A body that is not a list is not an empty list.
		clienttest.RefusedInOneRequest("OnePin null", clienttest.Fixed(`null`), "onepin: list plans page 1", "/api/v1/billing/plans", "field data is missing"),
		clienttest.RefusedInOneRequest("OnePin without pagination.next", clienttest.Fixed(`{"data":[],"pagination":{"limit":100}}`), "field pagination.next is missing"),
		// Numbers no price can have, refused while decoding.
		clienttest.RefusedInOneRequest("OnePin display_order 1e1000000000", clienttest.Fixed(`{"data":[{"id":"p","display_order":1e1000000000}],"pagination":{"next":null}}`),
			"field data[0].display_order"),
		clienttest.RefusedInOneRequest("OnePin amount of 41 digits", clienttest.Fixed(`{"data":[{"id":"p","amount":0.12345678901234567890123456789012345678901}],"pagination":{"next":null}}`),
			"field data[0].amount", "digits"),
		// Next links stay under the listing's own endpoint.
		clienttest.RefusedInOneRequest("OnePin next link to another API on the same origin", func(r *http.Request) (int, string) {
			return http.StatusOK, fmt.Sprintf(`{"data":[{"id":"a"}],"pagination":{"next":"http://%s/paygentic/v0/plans?page=2"}}`, r.Host)
		}, "pagination.next", "points to another path than the listing's /onepin/api/v1/billing/plans"),
	})
}

// OnePin walks next links, one page at a time: it keeps the shared
// default.
func TestMaxParallelRequestsDefault(t *testing.T) {
	t.Parallel()
	clienttest.CheckParallelism(t, func(cfg httpapi.Config) (*Client, error) { return New(cfg, "ws_1") }, func(c *Client) *httpapi.API { return c.api }, httpapi.DefaultMaxParallelRequests)
}
