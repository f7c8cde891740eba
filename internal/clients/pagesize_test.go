package clients

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestAVendorChosenPageSizeFarBelowTheAskedOneIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		read func(t *testing.T, srv *httptest.Server) error
		want []string
	}{
		{"identifAI answering per_page 1 when none was asked", `{"current_page":1,"data":[{"id":1,"name":"P1","sku":"p1"}],` +
			`"last_page":75,"next_page_url":"{base}/identifai/api/partner/pricings?page=2","per_page":1,"total":75}`,
			func(t *testing.T, srv *httptest.Server) error {
				_, err := NewTestIdentifai(t, srv).ListPricings(context.Background(), IdentifaiListPricingsInput{})
				return err
			},
			[]string{"identifai: list pricings page 1", "field per_page", "page size of 1,", "the 15 its documentation leads to expect", "75 pages"}},
		{"identifAI answering per_page 2 when 50 were asked", `{"current_page":1,"data":[{"id":1,"name":"P1","sku":"p1"},{"id":2,"name":"P2","sku":"p2"}],` +
			`"last_page":38,"next_page_url":"{base}/identifai/api/partner/pricings?page=2&per_page=50","per_page":2,"total":75}`,
			func(t *testing.T, srv *httptest.Server) error {
				_, err := NewTestIdentifai(t, srv).ListPricings(context.Background(), IdentifaiListPricingsInput{PerPage: 50})
				return err
			},
			[]string{"identifai: list pricings page 1", "field per_page", "page size of 2,", "the 50 asked for"}},
		{"Probely answering length 1 when 100 were asked", `{"count":75,"page_total":75,"page":1,"length":1,"results":[{"id":"p1","name":"P1"}]}`,
			func(t *testing.T, srv *httptest.Server) error {
				_, err := newTestProbely(t, srv).ListPlans(context.Background())
				return err
			},
			[]string{"probely: list plans page 1", "field length", "page size of 1,", "the 100 asked for"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			var srv *httptest.Server
			srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, strings.ReplaceAll(tt.body, "{base}", srv.URL))
			}))
			defer srv.Close()
			err := tt.read(t, srv)
			for _, want := range tt.want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v\nwant it to say %q", err, want)
				}
			}
			if n := calls.Load(); n != 1 {
				t.Errorf("%d requests, want 1: the listing is refused on its first page", n)
			}
		})
	}
}
