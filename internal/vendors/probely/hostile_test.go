package probely

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestHostileBodiesFailTheReadNamingVendorEndpointAndField(t *testing.T) {
	t.Parallel()
	clienttest.RunHostileCases(t, func(t *testing.T, srv *httptest.Server) error {
		_, _, err := newTestClient(t, srv).ListPlans(context.Background())
		return err
	}, []clienttest.HostileCase{
		// A body that is not a list is not an empty list.
		clienttest.RefusedInOneRequest("Probely {}", clienttest.Fixed(`{}`), "probely: list plans page 1", "/plans/", "field results is missing"),
		// Items without identity.
		clienttest.RefusedInOneRequest("Probely results [null]", clienttest.Fixed(`{"count":1,"page_total":1,"page":1,"length":100,"results":[null]}`), "field results[0].id is missing"),
		// Page counts are never trusted over the total.
		clienttest.RefusedInOneRequest("Probely count 2, page_total 10000", clienttest.Fixed(`{"count":2,"page_total":10000,"page":1,"length":100,"results":[{"id":"a"},{"id":"b"}]}`),
			"2 items at 100 a page are 1 pages, but it reports 10000"),
		// Numbers no price can have, refused while decoding.
		clienttest.RefusedInOneRequest("Probely price 1e10000000", clienttest.Fixed(`{"count":1,"page_total":1,"page":1,"length":100,"results":[{"id":"a","price":1e10000000}]}`),
			"field results[0].price", "exponent out of any price's range"),
		clienttest.RefusedInOneRequest("Probely price 1e3000000000", clienttest.Fixed(`{"count":1,"page_total":1,"page":1,"length":100,"results":[{"id":"a","price":1e3000000000}]}`),
			"field results[0].price"),
	})
}

// Probely documents no rate limit: more pages in flight shorten a long
// listing.
func TestMaxParallelRequestsDefault(t *testing.T) {
	t.Parallel()
	clienttest.CheckParallelism(t, New, func(c *Client) *httpapi.API { return c.api }, httpapi.UnpacedMaxParallelRequests)
}

func TestAListingOverItsByteBudgetFailsWithoutReadingFurther(t *testing.T) {
	t.Parallel()
	// 20 pages of about 1 MiB each against a 4 MiB budget.
	filler := strings.Repeat("x", 1<<20)
	hs := &clienttest.HostileServer{Respond: func(r *http.Request) (int, string) {
		page := r.URL.Query().Get("page")
		if page == "" {
			page = "1"
		}
		items := make([]string, 100)
		for i := range items {
			items[i] = fmt.Sprintf(`{"id":"%s-%d","description":"%s"}`, page, i, filler[:(1<<20)/100])
		}
		return http.StatusOK, fmt.Sprintf(`{"count":2000,"page_total":20,"page":%s,"length":100,"results":[%s]}`, page, strings.Join(items, ","))
	}}
	srv := httptest.NewServer(hs)
	defer srv.Close()
	c := newTestClient(t, srv, func(c *httpapi.Config) { c.MaxListingBytes = 4 << 20; c.MaxParallelRequests = 2 })
	_, _, err := c.ListPlans(context.Background())
	if err == nil || !strings.Contains(err.Error(), "more than max_listing_bytes (4194304 bytes)") {
		t.Fatalf("err = %v, want the listing budget named", err)
	}
	// The budget is spent after 4 pages; at most the pages in flight then
	// (2 × max_parallel_requests) are asked for besides.
	if got := hs.Calls(); got > 4+4 {
		t.Errorf("made %d requests, want the read stopped near the budget", got)
	}
}
