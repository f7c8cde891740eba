package identifai

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
		_, _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{})
		return err
	}, []clienttest.HostileCase{
		// A body that is not a list is not an empty list.
		clienttest.RefusedInOneRequest("identifAI null", clienttest.Fixed(`null`), "identifai: list pricings page 1", "/api/partner/pricings", "field data is missing or null"),
		// Items without identity.
		clienttest.RefusedInOneRequest("identifAI item without id", clienttest.Fixed(`{"current_page":1,"data":[{"name":"x"}],"last_page":1,"per_page":10,"total":1}`), "field data[0].id is missing"),
		// Page counts are never trusted over the total.
		clienttest.RefusedInOneRequest("identifAI total 1, last_page 100000", clienttest.Fixed(`{"current_page":1,"data":[{"id":1}],"last_page":100000,"per_page":10,"total":1}`),
			"the paginator does not add up: 1 items at 10 a page are 1 pages, but it reports 100000"),
		// Next links stay under the listing's own endpoint.
		clienttest.RefusedInOneRequest("identifAI next_page_url to another path", func(r *http.Request) (int, string) {
			return http.StatusOK, fmt.Sprintf(`{"current_page":1,"data":[{"id":1}],"last_page":2,"per_page":1,"total":2,"next_page_url":"http://%s/admin?page=2"}`, r.Host)
		}, "next_page_url", "points to another path"),
	})
}

// identifAI paces itself under its documented limits, so more pages in
// flight would only wait.
func TestMaxParallelRequestsDefault(t *testing.T) {
	t.Parallel()
	clienttest.CheckParallelism(t, New, func(c *Client) *httpapi.API { return c.api }, httpapi.DefaultMaxParallelRequests)
}
