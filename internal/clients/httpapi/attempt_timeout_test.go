package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

// deadlineClock is a testsync.FakeClock that also notes, for each wait, whether the
// context it was given would end it at a deadline.
type deadlineClock struct {
	*testsync.FakeClock
	mu        sync.Mutex
	deadlined []bool
}

func (c *deadlineClock) Sleep(ctx context.Context, d time.Duration) error {
	_, ok := ctx.Deadline()
	c.mu.Lock()
	c.deadlined = append(c.deadlined, ok)
	c.mu.Unlock()
	return c.FakeClock.Sleep(ctx, d)
}

// The plans of a fleet share a vendor's limit, so a turn may come a minute
// later: that wait is not the vendor being slow. request_timeout bounds
// the attempt from its turn on, so a plan whose turn comes late does not
// fail with "no complete response within request_timeout" (14 of 50 plans
// did, before).
func TestAWaitForAPacingTurnIsNotCountedInRequestTimeout(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data":[]}`)
	}))
	t.Cleanup(srv.Close)
	clock := &deadlineClock{FakeClock: testsync.NewFakeClock()}
	a, err := New(Config{BaseURL: srv.URL + "/vendor", RequestTimeout: time.Hour, Clock: clock},
		Spec{Name: "vendor", Limiters: []*rate.Limiter{rate.NewLimiter(rate.Inf, 1)}})
	if err != nil {
		t.Fatal(err)
	}
	a.pacer.hold(context.Background(), time.Minute) // as after a 429 another process saw

	var out struct{ Data []any }
	if err := a.getJSON(context.Background(), a.newListing(), "list plans page 1", a.Endpoint("/plans", nil), nil, &out); err != nil {
		t.Fatalf("getJSON: %v", err)
	}
	clock.mu.Lock()
	defer clock.mu.Unlock()
	if len(clock.deadlined) != 1 {
		t.Fatalf("the pacer waited %d times, want once (for the held minute)", len(clock.deadlined))
	}
	if clock.deadlined[0] {
		t.Error("the wait for a pacing turn ran under request_timeout's deadline")
	}
}
