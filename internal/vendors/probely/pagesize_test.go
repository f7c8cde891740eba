package probely

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
)

func TestAVendorChosenPageSizeFarBelowTheAskedOneIsRefused(t *testing.T) {
	t.Parallel()
	clienttest.CheckPageSizeRefused(t, []clienttest.PageSizeCase{
		{Name: "Probely answering length 1 when 100 were asked", Body: `{"count":75,"page_total":75,"page":1,"length":1,"results":[{"id":"p1","name":"P1"}]}`,
			Read: func(t *testing.T, srv *httptest.Server) error {
				_, _, err := newTestClient(t, srv).ListPlans(context.Background())
				return err
			},
			Want: []string{"probely: list plans page 1", "field length", "page size of 1,", "the 100 asked for"}},
	})
}
