package httpapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// Each declared read is one read per key for the life of the client, and a
// failure is not kept.
func TestADeclaredReadIsSharedUnderItsKey(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		// read reads key through one declared read of a on srv.
		read func(a *API, key string) error
		// perRead is the requests one read makes.
		perRead int32
	}{
		{
			name: "numbered pages are read once per key",
			read: func(a *API, key string) error {
				_, _, err := numberedPlans(a).Read(a, key).Run(context.Background())
				return err
			},
			perRead: 3,
		},
		{
			name: "linked pages are read once per key",
			read: func(a *API, key string) error {
				_, _, err := linkedPlans(a).Read(a, key).Run(context.Background())
				return err
			},
			perRead: 2,
		},
		{
			name: "a single resource is read once per key",
			read: func(a *API, key string) error {
				_, _, err := One[numberedPage, int64]{
					Op: "get plans", URL: a.Endpoint("/plans", url.Values{"page": {"1"}}),
					Check: func(_ string, _ *url.URL, p *numberedPage) (int64, error) { return p.Total, nil },
				}.Read(a, key).Run(context.Background())
				return err
			},
			perRead: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			var fail atomic.Bool
			numbered := &numberedServer{total: 25, size: 10}
			linked := &linkedServer{pages: []linkedPage{{items: []int64{1}, next: "/vendor/plans?page=2&linked=1"}, {items: []int64{2}}}}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				switch {
				case fail.Load():
					http.Error(w, `{"message":"down"}`, http.StatusBadRequest)
				case strings.Contains(tc.name, "linked"):
					linked.ServeHTTP(w, r)
				default:
					numbered.ServeHTTP(w, r)
				}
			}))
			defer srv.Close()
			linked.srv = srv
			a := newTestAPI(t, srv)
			fail.Store(true)
			if err := tc.read(a, "plans"); err == nil {
				t.Fatal("a failing read succeeded")
			}
			fail.Store(false)
			before := calls.Load()
			for _, key := range []string{"plans", "plans", "other plans"} {
				if err := tc.read(a, key); err != nil {
					t.Fatalf("%s: %v", key, err)
				}
			}
			if got := calls.Load() - before; got != 2*tc.perRead {
				t.Errorf("three reads of two keys after a failure made %d requests, want %d: the failure is not kept, a success is", got, 2*tc.perRead)
			}
		})
	}
}
