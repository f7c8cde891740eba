package identifai

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
)

func TestAVendorChosenPageSizeFarBelowTheAskedOneIsRefused(t *testing.T) {
	t.Parallel()
	clienttest.CheckPageSizeRefused(t, []clienttest.PageSizeCase{
		{Name: "identifAI answering per_page 1 when none was asked", Body: `{"current_page":1,"data":[{"id":1,"name":"P1","sku":"p1"}],` +
			`"last_page":75,"next_page_url":"{base}/identifai/api/partner/pricings?page=2","per_page":1,"total":75}`,
			Read: func(t *testing.T, srv *httptest.Server) error {
				_, _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{})
				return err
			},
			Want: []string{"identifai: list pricings page 1", "field per_page", "page size of 1,", "the 15 its documentation leads to expect", "75 pages"}},
		{Name: "identifAI answering per_page 2 when 50 were asked", Body: `{"current_page":1,"data":[{"id":1,"name":"P1","sku":"p1"},{"id":2,"name":"P2","sku":"p2"}],` +
			`"last_page":38,"next_page_url":"{base}/identifai/api/partner/pricings?page=2&per_page=50","per_page":2,"total":75}`,
			Read: func(t *testing.T, srv *httptest.Server) error {
				_, _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{PerPage: 50})
				return err
			},
			Want: []string{"identifai: list pricings page 1", "field per_page", "page size of 2,", "the 50 asked for"}},
	})
}
