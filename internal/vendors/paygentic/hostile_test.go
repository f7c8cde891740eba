package paygentic

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
		_, _, err := newTestClient(t, srv).ListPlans(context.Background(), ListPlansInput{})
		return err
	}, []clienttest.HostileCase{
		// A body that is not a list is not an empty list.
		clienttest.RefusedInOneRequest("Paygentic {}", clienttest.Fixed(`{}`), "paygentic: list plans page 1", "/v0/plans", "field data is missing"),
		clienttest.RefusedInOneRequest("Paygentic without pagination.total", clienttest.Fixed(`{"data":[],"pagination":{"limit":100,"offset":0}}`), "field pagination.total is missing"),
		// Items without identity.
		clienttest.RefusedInOneRequest("Paygentic data [null]", clienttest.Fixed(`{"data":[null],"pagination":{"limit":100,"offset":0,"total":1}}`), "field data[0].id is missing"),
		// Page counts are never trusted over the total.
		clienttest.RefusedInOneRequest("Paygentic total 10,000,000", clienttest.Fixed(`{"data":[],"pagination":{"limit":100,"offset":0,"total":10000000}}`),
			"the reported total of 10000000 items is more than the 100000 one listing may read"),
		clienttest.RefusedInOneRequest("Paygentic empty pages under a plausible total", func(r *http.Request) (int, string) {
			return http.StatusOK, fmt.Sprintf(`{"data":[],"pagination":{"limit":100,"offset":%s,"total":5000}}`, r.URL.Query().Get("offset"))
		}, "page 1 is empty, but the listing reports 5000 items on 50 pages"),
		// Numbers no price can have, refused while decoding.
		clienttest.RefusedInOneRequest("Paygentic defaultTaxRate 1e-1000000000", clienttest.Fixed(`{"data":[{"id":"p","defaultTaxRate":1e-1000000000}],"pagination":{"limit":100,"offset":0,"total":1}}`),
			"field data[0].defaultTaxRate"),
		clienttest.RefusedInOneRequest("Paygentic atomic price string 1e10000000", clienttest.Fixed(`{"data":[{"id":"p","price":"1e10000000"}],"pagination":{"limit":100,"offset":0,"total":1}}`),
			"plan p: price", "exponent out of any price's range"),
	})
}

// Paygentic documents no rate limit: more pages in flight shorten a long
// listing.
func TestMaxParallelRequestsDefault(t *testing.T) {
	t.Parallel()
	clienttest.CheckParallelism(t, New, func(c *Client) *httpapi.API { return c.api }, httpapi.UnpacedMaxParallelRequests)
}
